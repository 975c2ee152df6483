using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers;
using GatewayAudit.Core.Readers.Deployment;
using GatewayAudit.Core.Readers.DotNet;
using GatewayAudit.Core.Tests.Readers;

namespace GatewayAudit.Core.Tests.Readers.Code;

/// <summary>
/// Defect classes of the sixth held-out code run (bench/CODE-CORPUS.md, "Sixth held-out run", classes A1, A2, B, D and
/// E): search, scraping, avatar and video APIs reached by <c>fetch</c>; Replicate's Python client; a community Gemini
/// client for .NET; Azure.AI.OpenAI 1.0 beta's <c>OpenAIClient</c>; and two stand-ins read as literal secrets. Fixtures
/// are written in the shape of that code, never copied from it, each with a must-not-find case.
/// </summary>
public sealed class SixthHeldOutShapeTests
{
    private static Component Tool(StackModel model, string vendor, string evidence) => ToolApiThirdHeldOutTests.Tool(model, vendor, evidence);

    [Fact]
    public void Fetch_calls_to_search_scraping_avatar_and_video_apis_are_third_parties()
    {
        var model = CorpusShapeTests.JavaScript("functions/search/index.ts", """
            const BRAVE = "https://api.search.brave.com/res/v1/web/search";

            export async function search(query: string) {
              const web = await fetch(`${BRAVE}?q=${encodeURIComponent(query)}`, { headers: { "X-Subscription-Token": Deno.env.get("BRAVE_KEY")! } });
              const news = new URL("https://serpapi.com/search");
              news.searchParams.set("q", query);
              const scraped = await fetch(`https://api.apify.com/v2/acts/someone~google-scraper/run-sync-get-dataset-items?token=${Deno.env.get("APIFY_TOKEN")}`, {
                method: "POST", body: JSON.stringify({ queries: query }),
              });
              const meta = await fetch("https://metasearch-engine.p.rapidapi.com/search?q=" + query, { headers: { "X-RapidAPI-Key": Deno.env.get("RAPID_KEY")! } });
              return [web, await fetch(news), scraped, meta];
            }

            """);
        Tool(model, "brave-search", "functions/search/index.ts:1");
        Tool(model, "serpapi", "functions/search/index.ts:5");
        Tool(model, "apify", "functions/search/index.ts:7");
        Tool(model, "rapidapi", "functions/search/index.ts:10");

        var media = CorpusShapeTests.JavaScript("functions/video/index.ts", """
            const RUNPOD = `https://api.runpod.ai/v2/${Deno.env.get("RUNPOD_ENDPOINT_ID")}`;

            export async function render(prompt: string, persona: string) {
              await fetch("https://api.anam.ai/v1/auth/session-token", { method: "POST", body: JSON.stringify({ personaConfig: { systemPrompt: persona } }) });
              await fetch("https://api.wavespeed.ai/api/v3/some-lab/text-to-video", { method: "POST", body: JSON.stringify({ prompt }) });
              return fetch(`${RUNPOD}/run`, { method: "POST", body: JSON.stringify({ input: { prompt } }) });
            }

            """);
        Tool(media, "anam", "functions/video/index.ts:4");
        Tool(media, "wavespeed-ai", "functions/video/index.ts:5");
        Tool(media, "runpod", "functions/video/index.ts:1");

        // The same hosts in a comment or a log line are no call.
        var quiet = CorpusShapeTests.JavaScript("functions/notes.ts", """
            // TODO: try https://api.search.brave.com/res/v1/web/search and https://api.wavespeed.ai later
            export const note = () => console.log("video jobs could go to https://api.runpod.ai/v2/ENDPOINT/run");

            """);
        Assert.DoesNotContain(quiet.Components, c => c.Vendor is "brave-search" or "wavespeed-ai" or "runpod");
    }

    [Fact]
    public void Replicate_run_in_python_sends_the_prompt_to_replicate_whoever_trained_the_model()
    {
        var model = CorpusShapeTests.Python("bot/images.py", """
            import replicate


            async def draw(prompt: str):
                return replicate.run(
                    "some-lab/some-image-model",
                    input={"prompt": prompt, "aspect_ratio": "1:1"},
                )

            """);
        var replicate = Assert.Single(model.Components, c => c.Vendor == "replicate");
        Assert.Equal(Hosting.ThirdParty, replicate.Hosting);
        Assert.DoesNotContain(model.Components, c => c.Vendor == "some-lab");

        // Only mentioned in prose: no party.
        var quiet = CorpusShapeTests.Python("bot/help.py", """
            HELP = "Images are generated with replicate.run on a hosted model."

            """);
        Assert.DoesNotContain(quiet.Components, c => c.Vendor == "replicate");
    }

    [Fact]
    public void A_community_gemini_client_under_its_namespace_calls_the_gemini_api()
    {
        var model = CSharpSourceReaderTests.Read("Editor/ChatPane.cs", """
            using GenerativeAI.Models;

            public class ChatPane
            {
                private readonly GenerativeModel _model;

                public ChatPane()
                {
                    _model = new GenerativeModel(Environment.GetEnvironmentVariable("GEMINI_KEY"));
                }

                public Task<string> AskAsync(string text) => _model.GenerateContentAsync(text);
            }

            """);
        var gemini = Assert.Single(model.Components, c => c.Id == "provider:google-gemini-api");
        Assert.Equal(Hosting.ThirdParty, gemini.Hosting);

        // The same type name without the library's namespace is the application's own class.
        var own = CSharpSourceReaderTests.Read("Ml/Trainer.cs", """
            using MyCompany.Ml;

            // Our own model type, not the GenerativeAI library's.
            public static class Trainer
            {
                public static GenerativeModel Build() => new GenerativeModel("weights.bin");
            }

            """);
        Assert.DoesNotContain(own.Components, c => c.Vendor == "google-gemini-api");
    }

    [Fact]
    public void The_beta_openai_client_with_an_azure_credential_is_azure_openai_and_with_a_key_alone_openai()
    {
        var azure = CSharpSourceReaderTests.Read("Chatbot/Program.cs", """
            using Azure;
            using Azure.AI.OpenAI;
            using Microsoft.Extensions.Configuration;

            var configuration = new ConfigurationBuilder().AddUserSecrets<Program>().Build();
            var endpoint = configuration["AZURE_OPENAI_ENDPOINT"] ?? string.Empty;
            var key = configuration["AZURE_OPENAI_API_KEY"] ?? string.Empty;
            var client = new OpenAIClient(new Uri(endpoint), new AzureKeyCredential(key));
            var reply = await client.GetChatCompletionsAsync(new ChatCompletionsOptions { DeploymentName = "chat" });

            """);
        Assert.Contains(azure.Components, c => c.Id == "provider:azure-openai");
        Assert.DoesNotContain(azure.Components, c => c.Id == "provider:openai" || c.Hosting == Hosting.Unknown);

        var openAi = CSharpSourceReaderTests.Read("Chatbot/Public.cs", """
            using Azure.AI.OpenAI;

            public static class Public
            {
                public static OpenAIClient Make(string key) => new OpenAIClient(key);
            }

            """);
        Assert.Contains(openAi.Components, c => c.Id == "provider:openai");
    }

    [Fact]
    public void A_sample_value_and_the_key_name_of_a_secret_reference_are_no_literal_secrets()
    {
        var settings = new AppSettingsReader().Read(new InputFile("Playground/AppSettings.json", "/scan/Playground/AppSettings.json", """
            {
              "AppSettings": { "TestKey": "TestValue" },
              "Search": { "ApiKey": "b8Qz3LmT6wNp1Xr9Vd4Kc7Hs2Jf5Ga0E" }
            }
            """, false));
        Assert.Equal(["3 Search:ApiKey"], settings.Fragment.Secrets.Select(s => $"{s.Location.Line} {s.Key}"));

        var values = new HelmValuesReader().Read(DeploymentFixtures.File("chart/values.yaml", """
            image:
              repository: ghcr.io/berriai/litellm
              tag: v1.84.0
            litellm:
              masterKeySecret:
                name: litellm-admin-auth
                key: master-key
              signing:
                key: Zk4pQ9sT2vW7yB1nD6fH3jL8
            postgresql:
              auth:
                password: pg-chart-pass-77

            """));
        Assert.Equal(["12 postgresql.auth.password", "9 litellm.signing.key"],
            values.Fragment.Secrets.Select(s => $"{s.Location.Line} {s.Key}").Order(StringComparer.Ordinal));
    }
}
