using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers;
using GatewayAudit.Core.Readers.Code;

namespace GatewayAudit.Core.Tests.Readers.Code;

/// <summary>
/// SDK shapes missed in the second held-out code run of 2026-11-30 (bench/CODE-CORPUS.md, "Second held-out run",
/// classes 1a, 1b, 1c and 1d), each with fixtures written in the shape of the real code (never copied from it):
/// must find and must not find.
/// </summary>
public sealed class SecondHeldOutShapeTests
{
    private static StackModel JavaScript(string path, string text) =>
        new JavaScriptSourceReader().Read(new InputFile(path, "/scan/" + path, text, namedExplicitly: false)).Fragment;

    private static StackModel Kotlin(string path, string text) =>
        new JavaSourceReader().Read(new InputFile(path, "/scan/" + path, text, namedExplicitly: false)).Fragment;

    // Class 1a: the AI SDK's default provider instances, called as a function or through a model method.

    [Theory]
    [InlineData("@ai-sdk/xai", "xai", "xai.chat(\"grok-4-fast\")", "provider:xai")]
    [InlineData("@ai-sdk/xai", "xai", "xai(\"grok-4\")", "provider:xai")]
    [InlineData("@ai-sdk/deepseek", "deepseek", "deepseek(\"deepseek-chat\")", "provider:deepseek")]
    [InlineData("@ai-sdk/perplexity", "perplexity", "perplexity(\"sonar-pro\")", "provider:perplexity")]
    [InlineData("@ai-sdk/cohere", "cohere", "cohere(\"command-a-03-2025\")", "provider:cohere")]
    [InlineData("@ai-sdk/togetherai", "togetherai", "togetherai(\"meta-llama/Llama-3.3-70B-Instruct-Turbo\")", "provider:together-ai")]
    [InlineData("@ai-sdk/fireworks", "fireworks", "fireworks(\"accounts/fireworks/models/deepseek-v3\")", "provider:fireworks-ai")]
    [InlineData("@ai-sdk/openai", "openai", "openai.responses(\"gpt-4o\")", "provider:openai")]
    [InlineData("@ai-sdk/anthropic", "anthropic", "anthropic.messages(\"claude-sonnet-4-5\")", "provider:anthropic")]
    [InlineData("@ai-sdk/google", "google", "google.chat(\"gemini-2.5-flash\")", "provider:google-gemini-api")]
    public void A_default_provider_instance_called_in_a_route_is_its_vendor(string module, string instance, string model, string id)
    {
        var route = $$"""
            import { {{instance}} } from "{{module}}";
            import { generateText } from "ai";

            export async function POST(req: Request) {
              const { prompt } = await req.json();
              const { text } = await generateText({
                model: {{model}},
                messages: [{ role: "user", content: prompt }],
              });
              return Response.json({ text });
            }

            """;
        var party = JavaScript("app/api/query/route.ts", route).Find(id)!;
        Assert.NotNull(party);
        Assert.NotEqual("import-only", party.Attributes["confidence"]);
        Assert.Contains(party.Evidence, e => e.Line == 7);
    }

    [Fact]
    public void An_imported_default_instance_with_no_call_is_only_possible()
    {
        var party = JavaScript("lib/models.ts", "import { xai } from \"@ai-sdk/xai\";\n\nexport const names = [\"grok-4\"];\n").Find("provider:xai")!;
        Assert.Equal("import-only", party.Attributes["confidence"]);
    }

    [Fact]
    public void A_local_xai_function_without_the_package_is_no_party()
    {
        const string Local = """
            import { generateText } from "ai";
            import { pick } from "./models";

            const xai = (name: string) => pick(name);

            export const run = (prompt: string) => generateText({ model: xai.chat("grok-4"), prompt });

            """;
        Assert.Null(JavaScript("lib/run.ts", Local).Find("provider:xai"));
    }

    // Class 1b and 1c: LangChain4j's Gemini API model and JetBrains Koog's provider clients, in Kotlin.

    [Fact]
    public void A_langchain4j_gemini_model_is_the_gemini_api()
    {
        const string Config = """
            package com.example.llm.configs

            import dev.langchain4j.model.chat.ChatModel
            import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel

            object GeminiConfig {
                fun chatModel(apiKey: String): ChatModel =
                    GoogleAiGeminiChatModel.builder()
                        .apiKey(apiKey)
                        .modelName("gemini-2.5-flash")
                        .build()
            }

            """;
        var gemini = Kotlin("src/main/kotlin/com/example/llm/configs/GeminiConfig.kt", Config).Find("provider:google-gemini-api")!;
        Assert.NotEqual("import-only", gemini.Attributes["confidence"]);
        Assert.Contains(gemini.Evidence, e => e.Line == 8);
    }

    [Theory]
    [InlineData("google", "GoogleLLMClient", "provider:google-gemini-api")]
    [InlineData("openrouter", "OpenRouterLLMClient", "provider:openrouter")]
    [InlineData("anthropic", "AnthropicLLMClient", "provider:anthropic")]
    [InlineData("openai", "OpenAILLMClient", "provider:openai")]
    [InlineData("deepseek", "DeepSeekLLMClient", "provider:deepseek")]
    public void A_koog_client_is_its_vendor(string package, string client, string id)
    {
        var config = $$"""
            package com.example.llm.koog

            import ai.koog.prompt.executor.clients.{{package}}.{{client}}
            import ai.koog.prompt.executor.llms.SingleLLMPromptExecutor

            class KoogConfig(private val apiKey: String) {
                fun executor() = SingleLLMPromptExecutor({{client}}(apiKey))
            }

            """;
        var party = Kotlin("src/main/kotlin/com/example/llm/koog/KoogConfig.kt", config).Find(id)!;
        Assert.NotEqual("import-only", party.Attributes["confidence"]);
        Assert.Contains(party.Evidence, e => e.Line == 7);
    }

    [Fact]
    public void An_apps_own_GoogleLLMClient_is_no_party()
    {
        const string Own = """
            package com.example.llm

            class GoogleLLMClient(private val token: String) {
                fun ask(question: String): String = question.reversed()
            }

            fun answer(token: String, question: String) = GoogleLLMClient(token).ask(question)

            """;
        Assert.Empty(Kotlin("src/main/kotlin/com/example/llm/GoogleLLMClient.kt", Own).Components);
    }

    // Class 1d: the community OpenAI_API C# library.

    private const string Extensions = """
        using OpenAI_API;

        namespace Bot.Extensions
        {
            public static class ChatExtensions
            {
                public static WebApplicationBuilder AddChat(this WebApplicationBuilder builder)
                {
                    var api = new OpenAIAPI(Environment.GetEnvironmentVariable("OPENAI_API_KEY"));
                    builder.Services.AddSingleton(api);
                    return builder;
                }
            }
        }

        """;

    [Fact]
    public void The_community_OpenAI_API_client_is_OpenAI_at_its_default_host()
    {
        var openAi = CSharpSourceReaderTests.Read("Bot/Extensions/ChatExtensions.cs", Extensions).Find("provider:openai")!;
        Assert.Equal(Hosting.ThirdParty, openAi.Hosting);
        Assert.NotEqual("import-only", openAi.Attributes["confidence"]);
        Assert.Contains(openAi.Evidence, e => e.Line == 9);
    }

    [Fact]
    public void An_OpenAI_API_url_format_on_an_azure_resource_is_Azure_OpenAI()
    {
        var azure = Extensions.Replace(
            "new OpenAIAPI(Environment.GetEnvironmentVariable(\"OPENAI_API_KEY\"));",
            "new OpenAIAPI(key) { ApiUrlFormat = \"https://contoso-bot.openai.azure.com/openai/deployments/chat/{1}?api-version={0}\" };",
            StringComparison.Ordinal);
        var model = CSharpSourceReaderTests.Read("Bot/Extensions/ChatExtensions.cs", azure);
        Assert.NotNull(model.Find("provider:azure-openai"));
        Assert.Null(model.Find("provider:openai"));
    }

    [Fact]
    public void An_OpenAIAPI_type_without_the_namespace_is_no_party()
    {
        var own = Extensions.Replace("using OpenAI_API;", "using Bot.Clients;", StringComparison.Ordinal);
        var model = CSharpSourceReaderTests.Read("Bot/Extensions/ChatExtensions.cs", own);
        Assert.Null(model.Find("provider:openai"));
    }

    // Class 3: a provider base URL held as data in a dict is a possible party, never a direct call.

    private const string ProviderTable = """
        from typing import Any, Dict

        from ..config import get_settings


        def provider_config(provider: str) -> Dict[str, Any]:
            settings = get_settings()
            configs = {
                "openai": {
                    "api_key": settings.openai_api_key,
                    "api_base": "https://api.openai.com/v1",
                },
                "anthropic": {
                    "api_key": settings.anthropic_api_key,
                },
            }
            return configs.get(provider, {})

        """;

    [Fact]
    public void A_base_url_in_a_provider_table_is_only_a_possible_party()
    {
        var model = CorpusShapeTests.Python("src/integrations/llm_providers.py", ProviderTable);
        var openAi = model.Find("provider:openai")!;
        Assert.Equal("presumed", openAi.Attributes["confidence"]);
        Assert.Contains(openAi.Notes, n => n.StartsWith("Possible party, lower confidence: its address is held as data at src/integrations/llm_providers.py:11", StringComparison.Ordinal));
        Assert.Equal("presumed", Assert.Single(model.FlowsInto("provider:openai")).Attributes["confidence"]);
    }

    [Theory]
    [InlineData("client = OpenAI(base_url=\"https://api.openai.com/v1\")\nreply = client.chat.completions.create(model=\"gpt-4o\", messages=[])\n", "call")]
    [InlineData("OPENAI_BASE = \"https://api.openai.com/v1\"\n", "address")]
    [InlineData("requests.post(\"https://api.openai.com/v1/chat/completions\", json={\"model\": \"gpt-4o\"})\n", "call")]
    public void An_address_a_client_or_call_uses_stays_strong(string code, string confidence)
    {
        var model = CorpusShapeTests.Python("app/llm.py", "import requests\nfrom openai import OpenAI\n\n" + code);
        Assert.Equal(confidence, model.Find("provider:openai")!.Attributes["confidence"]);
    }

    // Class 4b: litellm.acompletion(model=<the request's model>) is one unknown party that says the caller picks it.

    [Fact]
    public void A_litellm_call_with_the_requests_model_says_the_model_name_picks_the_provider()
    {
        const string Route = """
            import litellm


            async def create_completion(request):
                model = request.model
                response = await litellm.acompletion(
                    model=model,
                    messages=request.messages,
                )
                return response

            """;
        var model = CorpusShapeTests.Python("src/proxy/routes.py", Route);
        var party = Assert.Single(model.Components, c => c.Id.StartsWith("provider:unresolved:", StringComparison.Ordinal));
        Assert.Equal("Provider picked at run time by the model name (model) of a LiteLLM SDK call", party.Name);
        Assert.Equal(Hosting.Unknown, party.Hosting);
        var question = Assert.Single(model.OpenQuestions, q => q.About == party.Id);
        Assert.Contains("which providers receive the prompts", question.Question, StringComparison.Ordinal);
        Assert.DoesNotContain(model.Components, c => c.Name.Contains("the model in", StringComparison.Ordinal));
    }
}
