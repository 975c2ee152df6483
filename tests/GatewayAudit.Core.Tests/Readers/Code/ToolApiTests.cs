using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers;
using GatewayAudit.Core.Readers.Code;

namespace GatewayAudit.Core.Tests.Readers.Code;

/// <summary>
/// Tool APIs and the services the held-out code run missed (bench/CODE-CORPUS.md, class 1): web search, translation,
/// OCR, image generation and Bing grounding are <c>tool:</c> parties that receive prompt content, never LLM inference;
/// Rollbar and Inngest are exporters. Fixtures are written in the shape of real code, with must-not-find cases beside.
/// </summary>
public sealed class ToolApiTests
{
    private static StackModel Python(string path, string text) => CorpusShapeTests.Python(path, text);

    private static StackModel JavaScript(string path, string text) => CorpusShapeTests.JavaScript(path, text);

    private static StackModel Java(string path, string text) =>
        new JavaSourceReader().Read(new InputFile(path, "/scan/" + path, text, namedExplicitly: false)).Fragment;

    private static Component Tool(StackModel model, string vendor)
    {
        var tool = Assert.Single(model.Components, c => c.Id == "tool:" + vendor);
        Assert.Equal(ComponentRole.ToolApi, tool.Role);
        Assert.Equal(vendor, tool.Vendor);
        Assert.Equal(Hosting.ThirdParty, tool.Hosting);
        Assert.NotNull(tool.Attributes["purpose"] as string);
        var flow = Assert.Single(model.Flows, f => f.To == tool.Id);
        Assert.Equal("prompt,metadata", flow.Categories());
        Assert.Equal("tool", flow.Attributes["kind"]);
        return tool;
    }

    private const string TravelResearch = """
        import os

        from openai import OpenAI
        from tavily import TavilyClient

        client = OpenAI()


        def web_search(query: str, max_results: int = 5) -> str:
            \"\"\"Search the web with Tavily (https://api.tavily.com/search) and return the top results.\"\"\"
            tavily_client = TavilyClient(api_key=os.environ["TAVILY_API_KEY"])
            response = tavily_client.search(query=query, max_results=max_results)
            return "\n".join(r["content"] for r in response["results"])


        def plan_trip(request: str) -> str:
            context = web_search(request)
            reply = client.chat.completions.create(
                model="gpt-4o-mini",
                messages=[{"role": "user", "content": f"{request}\n\n{context}"}],
            )
            return reply.choices[0].message.content

        """;

    [Fact]
    public void A_tavily_client_is_a_web_search_tool_not_a_model_and_the_chat_call_stays_with_openai()
    {
        var model = Python("agents/research.py", TravelResearch);
        var tavily = Tool(model, "tavily");
        Assert.Equal("web search on queries built from prompts", tavily.Attributes["purpose"]);
        Assert.Contains(tavily.Evidence, e => e.ToString() == "agents/research.py:11");

        var openAi = Assert.Single(model.Components, c => c.Id == "provider:openai");
        Assert.Equal(ComponentRole.ModelProvider, openAi.Role);
        Assert.DoesNotContain(model.Components, c => c.Role == ComponentRole.ModelProvider && c.Vendor == "tavily");
    }

    private const string IngredientTranslation = """
        import os

        import deepl
        import requests

        BFL_URL = "https://api.eu.bfl.ai/v1/flux-kontext-pro"


        def translate_ingredients(ingredients):
            translator = deepl.DeepLClient(os.environ.get("DEEPL_AUTH_KEY"))
            return [translator.translate_text(i, target_lang="EN-US").text for i in ingredients]


        def render_dish(image_prompt):
            job = requests.post(
                BFL_URL,
                headers={"x-key": os.environ.get("BFL_API_KEY")},
                json={"prompt": image_prompt},
            ).json()
            return job["polling_url"]

        """;

    [Fact]
    public void Deepl_translation_and_a_black_forest_labs_request_are_two_tool_apis_with_the_bfl_region_from_its_host()
    {
        var model = Python("app/agents.py", IngredientTranslation);
        Assert.Equal("translation of text", Tool(model, "deepl").Attributes["purpose"]);
        var bfl = Tool(model, "black-forest-labs");
        Assert.Equal("image generation from prompts", bfl.Attributes["purpose"]);
        Assert.Equal("EU", bfl.Region?.Value);
        Assert.DoesNotContain(model.Components, c => c.Role is ComponentRole.ModelProvider or ComponentRole.SelfHostedInference);
    }

    [Fact]
    public void A_tool_sdk_only_imported_is_a_possible_party_with_lower_confidence()
    {
        var model = Python("app/search.py", """
            from tavily import TavilyClient

            SEARCH_DEPTH = "advanced"

            """);
        var tavily = Assert.Single(model.Components, c => c.Id == "tool:tavily");
        Assert.Equal("import-only", tavily.Attributes["confidence"]);
    }

    [Fact]
    public void Comments_docstrings_and_test_doubles_name_no_tool_api()
    {
        var model = Python("tests/test_translate.py", """
            \"\"\"Translation helpers; the service is DeepL (https://api-free.deepl.com/v2/translate).\"\"\"
            import respx

            # translator = deepl.DeepLClient(key)
            # tavily_client = TavilyClient()


            @respx.mock
            def test_translate():
                respx.post("https://api-free.deepl.com/v2/translate").respond(json={"translations": []})

            """);
        Assert.DoesNotContain(model.Components, c => c.Role == ComponentRole.ToolApi);
    }

    [Fact]
    public void The_tavily_js_factory_and_google_cloud_vision_are_tool_apis_and_rollbar_an_exporter()
    {
        var search = JavaScript("src/search.ts", """
            import { tavily } from "@tavily/core";

            const tvly = tavily({ apiKey: process.env.TAVILY_API_KEY });

            export async function searchWeb(question: string) {
              return (await tvly.search(question, { maxResults: 5 })).results;
            }

            """);
        Tool(search, "tavily");

        var ocr = JavaScript("src/graphql/util.js", """
            import { ImageAnnotatorClient } from '@google-cloud/vision';
            import rollbar from 'rollbarInstance';

            const imageAnnotator = new ImageAnnotatorClient();

            export async function readText(imageUri) {
              try {
                const [response] = await imageAnnotator.documentTextDetection(imageUri);
                return response.fullTextAnnotation?.text ?? '';
              } catch (e) {
                rollbar.error('OCR failed', e);
                return '';
              }
            }

            """);
        Assert.Equal("OCR and image analysis", Tool(ocr, "google-cloud-vision").Attributes["purpose"]);
        // The local module 'rollbarInstance' is not the SDK: no Rollbar row from its import.
        Assert.DoesNotContain(ocr.Components, c => c.Id == "exporter:rollbar");

        var errors = JavaScript("src/rollbarInstance.js", """
            import Rollbar from 'rollbar';

            const rollbar = new Rollbar({
              accessToken: process.env.ROLLBAR_TOKEN,
              captureUncaught: true,
              environment: process.env.ROLLBAR_ENV,
            });

            export default rollbar;

            """);
        var rollbar = Assert.Single(errors.Components, c => c.Id == "exporter:rollbar");
        Assert.Equal(ComponentRole.Exporter, rollbar.Role);
        Assert.Equal("metadata", Assert.Single(errors.Flows, f => f.To == rollbar.Id).Categories());
    }

    [Fact]
    public void Inngest_keeps_an_ai_steps_input_and_output_and_a_client_alone_sends_metadata()
    {
        var client = JavaScript("src/inngest/client.ts", """
            import { Inngest } from "inngest";

            export const inngest = new Inngest({ id: "recipes" });

            """);
        var plain = Assert.Single(client.Components, c => c.Id == "exporter:inngest");
        Assert.Equal("metadata", Assert.Single(client.Flows, f => f.To == plain.Id).Categories());
        Assert.StartsWith("durable workflow runs", (string)plain.Attributes["purpose"]!, StringComparison.Ordinal);

        var functions = JavaScript("src/inngest/functions.ts", """
            import { inngest } from "./client";
            import { generateText } from "ai";

            export const summarise = inngest.createFunction(
              { id: "summarise" },
              { event: "recipe/summarise" },
              async ({ event, step }) => {
                // await step.run("log", () => console.log(event.data));
                return step.ai.wrap("summary", generateText, { model: event.data.model, prompt: event.data.text });
              },
            );

            """);
        var wrapped = Assert.Single(functions.Components, c => c.Id == "exporter:inngest");
        Assert.Equal("prompt,completion,metadata", Assert.Single(functions.Flows, f => f.To == wrapped.Id).Categories());
        Assert.Contains(wrapped.Evidence, e => e.ToString() == "src/inngest/functions.ts:9");
    }

    [Fact]
    public void An_ai_step_is_read_in_a_file_that_never_names_inngest()
    {
        const string Text = """
            import { jobs } from "@/lib/jobs";
            import { summarise } from "@/lib/summarise";

            export const summary = jobs.createFunction({ id: "summary" }, { event: "doc/summary" }, async ({ event, step }) =>
              step.ai.wrap("summary", summarise, { text: event.data.text }),
            );

            """;
        // The pre-filter lets the file through (discovery tokenises only files it recognises), and the step is read.
        Assert.True(new JavaScriptSourceReader().Recognizes(new InputFile("src/jobs/summary.ts", "/scan/src/jobs/summary.ts", Text, namedExplicitly: false)));
        Assert.Contains(JavaScript("src/jobs/summary.ts", Text).Components, c => c.Id == "exporter:inngest");
    }

    [Fact]
    public void A_commented_out_ai_step_is_nothing()
    {
        var model = JavaScript("src/inngest/functions.ts", """
            import { inngest } from "./client";

            export const noop = inngest.createFunction({ id: "noop" }, { event: "noop" }, async ({ step }) => {
              // return step.ai.wrap("summary", generateText, { prompt: "..." });
              return step.run("noop", () => 1);
            });

            """);
        Assert.DoesNotContain(model.Components, c => c.Id == "exporter:inngest");
    }

    [Fact]
    public void Java_vision_client_is_a_tool_api()
    {
        var model = Java("src/main/java/app/Ocr.java", """
            package app;

            import com.google.cloud.vision.v1.ImageAnnotatorClient;

            public class Ocr {
                public String read(byte[] image) throws Exception {
                    try (ImageAnnotatorClient client = ImageAnnotatorClient.create()) {
                        return client.toString();
                    }
                }
            }

            """);
        Tool(model, "google-cloud-vision");
    }

    [Fact]
    public void A_python_bing_grounding_tool_is_a_tool_api_beside_the_agent_service()
    {
        var model = Python("agent.py", """
            import os

            from azure.ai.agents.models import BingGroundingTool

            bing = BingGroundingTool(connection_id=os.environ["AZURE_BING_CONNECTION_ID"])

            """);
        var bing = Tool(model, "bing-grounding");
        Assert.Contains("outside the Azure compliance boundary", string.Join(" ", bing.Notes), StringComparison.Ordinal);
    }

    [Fact]
    public void A_csharp_bing_grounding_tool_definition_is_a_tool_api_and_a_commented_one_is_nothing()
    {
        var model = CSharpSourceReaderTests.Read("Agents/BingAgent.cs", """
            using Azure.AI.Agents.Persistent;
            using Azure.Identity;

            public sealed class BingAgent(string endpoint, string connectionId)
            {
                public async Task<string> CreateAsync()
                {
                    var client = new PersistentAgentsClient(endpoint, new DefaultAzureCredential());
                    var agent = await client.Administration.CreateAgentAsync(
                        model: "gpt-4o",
                        name: "search",
                        instructions: "Answer with sources.",
                        tools: [new BingGroundingToolDefinition(new BingGroundingSearchToolParameters([new BingGroundingSearchConfiguration(connectionId)]))]);
                    return agent.Value.Id;
                }
            }

            """);
        var bing = Tool(model, "bing-grounding");
        Assert.Contains(bing.Evidence, e => e.ToString() == "Agents/BingAgent.cs:13");
        Assert.Contains(model.Components, c => c.Id == "provider:azure-ai-foundry-agents");

        var commented = CSharpSourceReaderTests.Read("Agents/Plain.cs", """
            using Azure.AI.Agents.Persistent;

            public static class Plain
            {
                // tools: [new BingGroundingToolDefinition(parameters)]
                public static PersistentAgentsClient Create(string endpoint) => new(endpoint, new Azure.Identity.DefaultAzureCredential());
            }

            """);
        Assert.DoesNotContain(commented.Components, c => c.Role == ComponentRole.ToolApi);
    }
    [Fact]
    public void Agno_speech_and_search_tools_are_tool_apis_and_a_commented_one_is_nothing()
    {
        var model = Python("podcast/agents.py", """
            import os

            from agno.agent import Agent
            from agno.models.google import Gemini
            from agno.tools.duckduckgo import DuckDuckGoTools
            from agno.tools.eleven_labs import ElevenLabsTools

            researcher = Agent(model=Gemini(id="gemini-2.0-flash"), tools=[DuckDuckGoTools()])
            narrator = Agent(
                model=Gemini(id="gemini-2.0-flash"),
                tools=[ElevenLabsTools(voice_id="JBFqnCBsd6RMkjVDRZzb", model_id="eleven_multilingual_v2", target_directory="audio")],
            )
            # archived = Agent(tools=[DuckDuckGoTools(news=True)])

            """);
        Assert.Contains(Tool(model, "duckduckgo").Evidence, e => e.ToString() == "podcast/agents.py:8");
        Assert.Contains(Tool(model, "elevenlabs").Evidence, e => e.ToString() == "podcast/agents.py:11");
        Assert.DoesNotContain(Tool(model, "duckduckgo").Evidence, e => e.Line == 13);
        Assert.Contains(model.Components, c => c.Vendor == "google-gemini-api");

        var own = Python("voice/speaker.py", """
            class ElevenLabsVoiceSettings:
                stability = 0.5

            def describe() -> str:
                return "Uses the DuckDuckGo bang syntax in prompts"

            """);
        Assert.DoesNotContain(own.Components, c => c.Role == ComponentRole.ToolApi);
    }

    [Fact]
    public void Azure_ai_service_clients_in_csharp_are_tool_apis_with_no_unknown_endpoint_beside_them()
    {
        var model = CSharpSourceReaderTests.Read("Services/DependencyInjection.cs", """
            using Azure;
            using Azure.AI.ContentSafety;
            using Azure.AI.TextAnalytics;
            using Azure.AI.Translation.Text;
            using Microsoft.CognitiveServices.Speech;
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;

            public static class DependencyInjection
            {
                public static IServiceCollection AddAiServices(this IServiceCollection services, IConfiguration config)
                {
                    services.AddSingleton(_ => new ContentSafetyClient(new Uri(config["Safety:Endpoint"]!), new AzureKeyCredential(config["Safety:Key"]!)));
                    services.AddSingleton(_ => new TextAnalyticsClient(new Uri(config["Language:Endpoint"]!), new AzureKeyCredential(config["Language:Key"]!)));
                    services.AddSingleton(_ => new TextTranslationClient(new AzureKeyCredential(config["Translator:Key"]!), config["Translator:Region"]!));
                    services.AddSingleton(_ => SpeechConfig.FromSubscription(config["Speech:Key"]!, config["Speech:Region"]!));
                    // services.AddSingleton(_ => SpeechTranslationConfig.FromSubscription(key, region));
                    return services;
                }
            }

            """);
        Assert.Contains(Tool(model, "azure-ai-content-safety").Evidence, e => e.ToString() == "Services/DependencyInjection.cs:13");
        Assert.Contains(Tool(model, "azure-ai-language").Evidence, e => e.ToString() == "Services/DependencyInjection.cs:14");
        Assert.Contains(Tool(model, "azure-ai-translator").Evidence, e => e.ToString() == "Services/DependencyInjection.cs:15");
        Assert.Contains(Tool(model, "azure-ai-speech").Evidence, e => e.ToString() == "Services/DependencyInjection.cs:16");
        Assert.DoesNotContain(model.Components, c => c.Role is ComponentRole.ModelProvider || c.Id.StartsWith("provider:", StringComparison.Ordinal));

        // A file that only binds the Speech SDK is read (the pre-filter knows SpeechConfig).
        var speech = CSharpSourceReaderTests.Read("Speech/DependencyInjection.cs", """
            using Microsoft.CognitiveServices.Speech;

            public static class SpeechSetup
            {
                public static SpeechConfig Create(string key, string region) => SpeechConfig.FromSubscription(key, region);
            }

            """);
        Assert.Contains(Tool(speech, "azure-ai-speech").Evidence, e => e.ToString() == "Speech/DependencyInjection.cs:5");

        // Windows' local System.Speech synthesizer and an app's own FromSubscription name no service.
        var local = CSharpSourceReaderTests.Read("Narrator.cs", """
            using System.Speech.Synthesis;

            public static class Narrator
            {
                public static void Say(string text) => new SpeechSynthesizer().Speak(text);

                public static string Describe(SpeechConfigDto config) => config.FromSubscription();
            }

            """);
        Assert.DoesNotContain(local.Components, c => c.Role == ComponentRole.ToolApi);
    }
}
