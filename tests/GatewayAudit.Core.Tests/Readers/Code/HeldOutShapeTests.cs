using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers;
using GatewayAudit.Core.Readers.Code;

namespace GatewayAudit.Core.Tests.Readers.Code;

/// <summary>
/// Defect classes of the held-out code run of 2026-11-30 (bench/CODE-CORPUS.md, "Held-out run", classes 3, 4, 5, 6, 8
/// and 9), each with fixtures written in the shape of the real code (never copied from it): must find and must not find.
/// </summary>
public sealed class HeldOutShapeTests
{
    private static StackModel Python(string path, string text) => CorpusShapeTests.Python(path, text);

    private static StackModel JavaScript(string path, string text) =>
        new JavaScriptSourceReader().Read(new InputFile(path, "/scan/" + path, text, namedExplicitly: false)).Fragment;

    // Class 3: the LiteLLM SDK in the process, or a private address on port 4000 given to something else, is not the
    // team's LiteLLM proxy.

    private const string RecipeAgent = """
        import os

        from litellm import completion

        MODEL_NAME = os.getenv("MODEL_NAME")


        def suggest_title(recipe_text):
            reply = completion(
                model=MODEL_NAME,
                messages=[{"role": "user", "content": recipe_text}],
            )
            return reply.choices[0].message.content

        """;

    [Fact]
    public void The_litellm_sdk_in_the_process_is_no_proxy()
    {
        var model = Python("app/llm.py", RecipeAgent);
        Assert.Null(model.Find(LexicalParties.LiteLlmProxyId));
        // os.getenv with no default: the party stays unknown (class 6's must-not-find).
        var unknown = Assert.Single(model.Components, c => c.Id.StartsWith("provider:unresolved:", StringComparison.Ordinal));
        Assert.Equal(Hosting.Unknown, unknown.Hosting);
    }

    [Fact]
    public void A_grpc_service_on_port_4000_is_not_the_proxy()
    {
        const string Grpc = """
            import grpc from '@grpc/grpc-js';
            import { UrlResolverClient } from './resolver_grpc_pb';

            const RESOLVER_ADDRESS = process.env.RESOLVER_URL || 'localhost:4000';

            export const resolver = new UrlResolverClient(RESOLVER_ADDRESS, grpc.credentials.createInsecure());

            """;
        var model = JavaScript("src/util/grpc.js", Grpc);
        Assert.Empty(model.Components);
    }

    [Theory]
    [InlineData("http://litellm:4000/v1")]
    [InlineData("http://localhost:4000")]
    public void An_llm_sdk_pointed_at_the_proxy_still_names_it(string address)
    {
        var model = Python("app/agent.py", $$"""
            from openai import OpenAI

            client = OpenAI(base_url="{{address}}", api_key="sk-anything")
            reply = client.chat.completions.create(model="support-default", messages=[{"role": "user", "content": "hi"}])

            """);
        var proxy = model.Find(LexicalParties.LiteLlmProxyId)!;
        Assert.Equal(Hosting.OperatorHosted, proxy.Hosting);
    }

    [Fact]
    public void A_free_private_address_on_port_4000_with_a_chat_path_is_still_the_proxy()
    {
        var model = JavaScript("src/chat.ts", """
            export async function ask(body: object) {
              return fetch('http://localhost:4000/v1/chat/completions', { method: 'POST', body: JSON.stringify(body) });
            }

            """);
        Assert.NotNull(model.Find(LexicalParties.LiteLlmProxyId));
    }

    [Fact]
    public void A_csharp_string_on_port_4000_is_not_the_proxy_unless_it_names_an_llm_route()
    {
        var grpc = CSharpSourceReaderTests.Read("Resolver/Program.cs", """
            using Grpc.Net.Client;

            var channel = GrpcChannel.ForAddress("http://localhost:4000");
            var resolver = new UrlResolver.UrlResolverClient(channel);

            """);
        Assert.Null(grpc.Find(CSharpFragment.LiteLlmProxyId));

        var proxy = CSharpSourceReaderTests.Read("Agent/Program.cs", """
            using OpenAI;
            using System.ClientModel;

            var client = new OpenAIClient(new ApiKeyCredential("sk-local"), new OpenAIClientOptions { Endpoint = new Uri("http://localhost:4000") });
            var answer = await client.GetChatClient("gpt-4o").CompleteChatAsync("Summarise the ticket");

            """);
        Assert.NotNull(proxy.Find(CSharpFragment.LiteLlmProxyId));
    }

    // Class 8: a messaging API whose path holds "chat" is not an OpenAI-compatible chat endpoint.

    [Fact]
    public void Slacks_chat_postMessage_is_no_model_provider()
    {
        var model = Python("cmd/notify.py", """
            import requests


            def send_report(token, channel, report):
                return requests.post(
                    "https://slack.com/api/chat.postMessage",
                    headers={"Authorization": f"Bearer {token}"},
                    json={"channel": channel, "text": report},
                )

            """);
        Assert.Empty(model.Components);
    }

    [Theory]
    [InlineData("https://api.example.org/channels/42/messages")]
    [InlineData("https://api.example.org/v2/chat.send")]
    public void A_path_that_only_holds_a_chat_word_is_no_llm_call(string url)
    {
        var model = Python("cmd/notify.py", $$"""
            import requests

            requests.post("{{url}}", json={"text": "done"})

            """);
        Assert.Empty(model.Components);
    }

    [Fact]
    public void An_openai_compatible_chat_path_on_an_unknown_host_stays_an_unknown_chat_endpoint()
    {
        var model = Python("cmd/ask.py", """
            import requests

            requests.post("https://llm.example.net/v1/chat/completions", json=body)

            """);
        var endpoint = model.Find("provider:host:llm.example.net")!;
        Assert.Equal((ComponentRole.ModelProvider, Hosting.Unknown), (endpoint.Role, endpoint.Hosting));
        Assert.Contains(DataCategory.Prompt, Assert.Single(model.Flows).DataCategories);
    }

    // Class 9: a connector namespace imported for its types while another connector of the family builds the client.

    [Fact]
    public void The_openai_connector_namespace_used_for_types_beside_an_azure_connector_is_no_party()
    {
        var model = CSharpSourceReaderTests.Read("Lab/Program.cs", """
            using Azure.Identity;
            using Microsoft.SemanticKernel;
            using Microsoft.SemanticKernel.Connectors.AzureOpenAI;
            using Microsoft.SemanticKernel.Connectors.OpenAI;

            var kernel = Kernel.CreateBuilder()
                .AddAzureOpenAIChatCompletion(settings["Aoai:Deployment"]!, settings["Aoai:Endpoint"]!, new DefaultAzureCredential())
                .Build();

            var options = new OpenAIPromptExecutionSettings { ToolCallBehavior = ToolCallBehavior.AutoInvokeKernelFunctions };
            var answer = await kernel.InvokePromptAsync("Plan the trip", new(options));

            """);
        Assert.NotNull(model.Find("provider:azure-openai"));
        Assert.Null(model.Find("provider:openai"));
    }

    [Fact]
    public void The_openai_connector_still_lists_openai()
    {
        var model = CSharpSourceReaderTests.Read("Lab/Program.cs", """
            using Microsoft.SemanticKernel;
            using Microsoft.SemanticKernel.Connectors.OpenAI;

            var kernel = Kernel.CreateBuilder().AddOpenAIChatCompletion("gpt-4o", secrets.OpenAiKey).Build();
            var options = new OpenAIPromptExecutionSettings { ToolCallBehavior = ToolCallBehavior.AutoInvokeKernelFunctions };

            """);
        var openAi = model.Find("provider:openai")!;
        Assert.NotEqual("import-only", openAi.Attributes["confidence"]);
    }

    [Fact]
    public void The_openai_connector_namespace_alone_stays_a_possible_party()
    {
        var model = CSharpSourceReaderTests.Read("Lab/Settings.cs", """
            using Microsoft.SemanticKernel.Connectors.OpenAI;

            public static class Settings
            {
                public static OpenAIPromptExecutionSettings Default => new() { Temperature = 0.2 };
            }

            """);
        Assert.Equal("import-only", model.Find("provider:openai")!.Attributes["confidence"]);
    }

    // Class 5: Google's Gen AI SDK for JavaScript with vertexai: true is Vertex AI.

    [Fact]
    public void GoogleGenAI_with_vertexai_true_is_Vertex_AI_with_the_region_open_when_location_is_a_variable()
    {
        var model = JavaScript("src/transcribe.js", """
            import { GoogleGenAI } from '@google/genai';

            export async function transcribe({ project, location, contents }) {
              const genAI = new GoogleGenAI({
                vertexai: true,
                project,
                location,
              });
              return genAI.models.generateContent({ model: 'gemini-2.5-flash', contents });
            }

            """);
        var vertex = model.Find("provider:google-vertex-ai")!;
        Assert.Null(model.Find("provider:google-gemini-api"));
        Assert.Null(vertex.Region);
        Assert.Contains(vertex.Notes, n => n.Contains("location comes from location", StringComparison.Ordinal));
    }

    [Fact]
    public void A_literal_location_is_the_Vertex_AI_region_and_global_names_none()
    {
        var regional = JavaScript("src/ocr.ts", """
            import { GoogleGenAI } from '@google/genai';

            const ai = new GoogleGenAI({ vertexai: true, project: 'rumors-prod', location: 'europe-west4' });
            const reply = await ai.models.generateContent({ model: 'gemini-2.5-flash', contents: 'Read this' });

            """);
        Assert.Equal("europe-west4", regional.Find("provider:google-vertex-ai")!.Region?.Value);

        var global = Python("app/transcribe.py", """
            from google import genai

            client = genai.Client(vertexai=True, project="rumors-prod", location="global")
            reply = client.models.generate_content(model="gemini-2.5-flash", contents="Read this")

            """);
        var vertex = global.Find("provider:google-vertex-ai")!;
        Assert.Null(vertex.Region);
        Assert.Contains(vertex.Notes, n => n.Contains("global endpoint", StringComparison.Ordinal));
    }

    [Fact]
    public void GoogleGenAI_with_an_api_key_stays_the_Gemini_API()
    {
        var model = JavaScript("src/summary.ts", """
            import { GoogleGenAI } from '@google/genai';

            const ai = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY, location: 'us-central1' });
            const reply = await ai.models.generateContent({ model: 'gemini-2.5-flash', contents: 'Summarise' });

            """);
        var gemini = model.Find("provider:google-gemini-api")!;
        Assert.Null(gemini.Region);
        Assert.Null(model.Find("provider:google-vertex-ai"));
    }

    // Class 6: an environment variable's literal default is what runs unless the variable is set.

    [Fact]
    public void A_model_from_os_getenv_with_a_default_names_its_party_and_says_the_variable_can_override_it()
    {
        var model = Python("app/llm.py", RecipeAgent.Replace("os.getenv(\"MODEL_NAME\")", "os.getenv(\"MODEL_NAME\", \"openrouter/google/gemini-2.5-flash\")", StringComparison.Ordinal));
        var openRouter = model.Find("provider:openrouter")!;
        Assert.Contains(openRouter.Notes, n => n.Contains("default of MODEL_NAME", StringComparison.Ordinal));
        Assert.DoesNotContain(model.Components, c => c.Id.StartsWith("provider:unresolved:", StringComparison.Ordinal));

        // LiteLLM's openrouter/ prefix is not part of OpenRouter's slug: the upstream is the slug's, not the auto router.
        var upstream = Assert.Single(model.Components, c => c.SubProcessorOf == "provider:openrouter");
        Assert.Equal("any-provider", upstream.Attributes["routing"]);
        Assert.Equal(["google/gemini-2.5-flash"], (string[])upstream.Attributes["models"]!);
    }

    [Theory]
    [InlineData("os.environ.get(\"CHAT_MODEL\", \"anthropic/claude-sonnet-4-5\")")]
    [InlineData("os.getenv(\"CHAT_MODEL\") or \"anthropic/claude-sonnet-4-5\"")]
    public void Other_python_defaults_name_the_party_too(string read)
    {
        var model = Python("app/llm.py", $$"""
            import os
            import litellm

            CHAT_MODEL = {{read}}
            reply = litellm.completion(model=CHAT_MODEL, messages=[{"role": "user", "content": "hi"}])

            """);
        Assert.Contains(model.Find("provider:anthropic")!.Notes, n => n.Contains("default of CHAT_MODEL", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("??")]
    [InlineData("||")]
    public void A_javascript_base_url_default_names_the_party_with_the_variable_as_an_override(string operation)
    {
        var model = JavaScript("src/llm.ts", $$"""
            import OpenAI from 'openai';

            const BASE_URL = process.env.LLM_BASE_URL {{operation}} 'https://openrouter.ai/api/v1';
            const client = new OpenAI({ baseURL: BASE_URL, apiKey: process.env.LLM_KEY });
            const reply = await client.chat.completions.create({ model: 'openai/gpt-4o', messages });

            """);
        var openRouter = model.Find("provider:openrouter")!;
        Assert.Contains(openRouter.Notes, n => n.Contains("LLM_BASE_URL overrides it", StringComparison.Ordinal));
    }

    // Class 4: a Portkey config dict in the same file, passed serialised, is read like an inline config.

    private const string ConsultAgents = """
        import json
        import os

        from crewai import LLM
        from portkey_ai import PORTKEY_GATEWAY_URL, createHeaders

        gateway_config = {
            "cache": {"mode": "semantic", "max_age": 3600},
            "strategy": {"mode": "loadbalance"},
            "targets": [
                {"provider": "openai", "virtual_key": os.getenv("VK_OPENAI"), "weight": 1},
                {"provider": "groq", "virtual_key": os.getenv("VK_GROQ"), "weight": 0},
            ],
        }

        llm = LLM(
            model="gpt-4o-mini",
            base_url=PORTKEY_GATEWAY_URL,
            extra_headers=createHeaders(api_key=os.getenv("PORTKEY_API_KEY"), config=json.dumps(gateway_config)),
        )

        """;

    [Fact]
    public void A_serialised_portkey_config_dict_names_its_targets_under_portkey()
    {
        var model = Python("cmd/consult_agents.py", ConsultAgents);
        var targets = model.Components.Where(c => c.SubProcessorOf == "provider:portkey").Select(c => c.Id).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["provider:portkey-target:groq", "provider:portkey-target:openai"], targets);
    }

    [Fact]
    public void A_targets_dict_that_never_reaches_createHeaders_names_no_target()
    {
        var model = Python("cmd/consult_agents.py", ConsultAgents.Replace("config=json.dumps(gateway_config)", "trace_id=\"consult\"", StringComparison.Ordinal));
        Assert.DoesNotContain(model.Components, c => c.Id is "provider:portkey-target:groq" or "provider:portkey-target:openai");
    }

    [Fact]
    public void A_javascript_config_passed_through_JSON_stringify_is_read_too()
    {
        var model = JavaScript("src/gateway.ts", """
            import Portkey from 'portkey-ai';

            const routing = { strategy: { mode: 'fallback' }, targets: [{ provider: 'anthropic', virtual_key: 'vk-anthropic' }, { provider: 'openai', virtual_key: 'vk-openai' }] };
            const portkey = new Portkey({ apiKey: process.env.PORTKEY_API_KEY, config: JSON.stringify(routing) });
            const reply = await portkey.chat.completions.create({ messages, model: 'claude-sonnet-4-5' });

            """);
        var targets = model.Components.Where(c => c.SubProcessorOf == "provider:portkey").Select(c => c.Id).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["provider:portkey-target:anthropic", "provider:portkey-target:openai"], targets);
    }
}
