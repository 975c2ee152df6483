using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers;
using GatewayAudit.Core.Readers.Code;
using GatewayAudit.Core.Tests.Readers;

namespace GatewayAudit.Core.Tests.Readers.Code;

/// <summary>
/// Defect classes of the fifth held-out code run (bench/CODE-CORPUS.md, "Fifth held-out run", classes A1, A3 and E):
/// speech and image APIs called with a raw HTTP client, Arize Phoenix tracing set up by <c>register()</c>, and a
/// function or class that only shares an SDK's name. Fixtures are written in the shape of that code, never copied from
/// it, each with a must-not-find case.
/// </summary>
public sealed class FifthHeldOutShapeTests
{
    private static Component Tool(StackModel model, string vendor, string evidence) => ToolApiThirdHeldOutTests.Tool(model, vendor, evidence);

    [Fact]
    public void Csharp_http_clients_to_stability_deepgram_and_regional_azure_speech_are_tool_apis()
    {
        var image = CSharpSourceReaderTests.Read("Painter/Program.cs", """
            using System.Net.Http.Headers;
            using System.Text;

            class Program
            {
                static async Task Main()
                {
                    var prompt = Console.ReadLine();
                    var engine = "stable-diffusion-xl-1024-v1-0";
                    var url = $"https://api.stability.ai/v1/generation/{engine}/text-to-image";
                    using var http = new HttpClient();
                    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "sk-put-your-key-here");
                    var body = new StringContent("{\"text_prompts\":[{\"text\":\"" + prompt + "\"}]}", Encoding.UTF8, "application/json");
                    var reply = await http.PostAsync(url, body);
                }
            }

            """);
        Assert.Equal("image generation from prompts", Tool(image, "stability-ai", "Painter/Program.cs:10").Attributes["purpose"]);

        var transcript = CSharpSourceReaderTests.Read("Listen/Program.cs", """
            using System.Net.Http.Headers;

            using var http = new HttpClient();
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", Environment.GetEnvironmentVariable("DG_KEY"));
            using var audio = File.OpenRead("meeting.mp3");
            var reply = await http.PostAsync("https://api.deepgram.com/v1/listen?model=nova-3", new StreamContent(audio));
            Console.WriteLine(await reply.Content.ReadAsStringAsync());

            """);
        Assert.Equal("speech-to-text", Tool(transcript, "deepgram", "Listen/Program.cs:6").Attributes["purpose"]);

        var speech = CSharpSourceReaderTests.Read("Voice/Narrator.cs", """
            public static class Narrator
            {
                public static async Task SpeakAsync(string token, string text)
                {
                    const string region = "northeurope";
                    using var http = new HttpClient();
                    http.DefaultRequestHeaders.Add("Authorization", "Bearer " + token);
                    var ssml = $"<speak version='1.0' xml:lang='en-US'><voice name='en-US-AvaNeural'>{text}</voice></speak>";
                    await http.PostAsync($"https://{region}.tts.speech.microsoft.com/cognitiveservices/v1", new StringContent(ssml));
                }
            }

            """);
        Tool(speech, "azure-ai-speech", "Voice/Narrator.cs:9");

        // The same hosts in a comment or a log line are no call.
        var quiet = CSharpSourceReaderTests.Read("Docs/Notes.cs", """
            public static class Notes
            {
                // later: await http.PostAsync("https://api.deepgram.com/v1/listen", audio);
                public static void Print(ILogger log) => log.LogInformation("speech goes to https://westus.stt.speech.microsoft.com later");
            }

            """);
        Assert.DoesNotContain(quiet.Components, c => c.Role == ComponentRole.ToolApi);
    }

    [Fact]
    public void Python_requests_to_stability_and_deepgram_are_tool_apis()
    {
        var model = CorpusShapeTests.Python("media/tools.py", """
            import os
            import requests


            def draw(prompt: str) -> bytes:
                reply = requests.post(
                    "https://api.stability.ai/v2beta/stable-image/generate/core",
                    headers={"authorization": f"Bearer {os.environ['STABILITY_KEY']}", "accept": "image/*"},
                    files={"none": ""},
                    data={"prompt": prompt},
                )
                return reply.content


            def transcribe(path: str) -> str:
                with open(path, "rb") as audio:
                    reply = requests.post("https://api.deepgram.com/v1/listen", data=audio,
                                          headers={"Authorization": f"Token {os.environ['DEEPGRAM_KEY']}"})
                return reply.json()["results"]["channels"][0]["alternatives"][0]["transcript"]

            """);
        Tool(model, "stability-ai", "media/tools.py:7");
        Tool(model, "deepgram", "media/tools.py:17");
    }

    [Fact]
    public void Phoenix_register_is_an_llm_trace_exporter_whose_hosting_is_not_known()
    {
        var model = CorpusShapeTests.Python("backend/web/tracing.py", """
            from phoenix.otel import register

            tracer_provider = register(project_name="support_agent", auto_instrument=True, batch=True)
            tracer = tracer_provider.get_tracer(__name__)

            """);
        var phoenix = Assert.Single(model.Components, c => c.Id == "exporter:arize-phoenix");
        Assert.Equal(ComponentRole.Exporter, phoenix.Role);
        Assert.Equal(Hosting.Unknown, phoenix.Hosting);
        Assert.Equal("arize", phoenix.Vendor);
        Assert.Contains(phoenix.Evidence, e => e.ToString() == "backend/web/tracing.py:3");
        Assert.Contains(phoenix.Notes, n => n.Contains("localhost:6006", StringComparison.Ordinal));
        var flow = Assert.Single(model.Flows, f => f.To == phoenix.Id);
        Assert.Contains(DataCategory.Prompt, flow.DataCategories);

        // An application's own register() and a commented-out Phoenix set-up are no exporter.
        var own = CorpusShapeTests.Python("plugins/registry.py", """
            from app.plugins import register

            # from phoenix.otel import register as phoenix_register
            # phoenix_register(project_name="later")
            register("search", lambda q: q)

            """);
        Assert.DoesNotContain(own.Components, c => c.Role == ComponentRole.Exporter);
    }

    [Fact]
    public void A_component_or_class_named_like_an_sdk_is_declared_not_called()
    {
        var icon = CorpusShapeTests.JavaScript("src/components/icons/OpenAI.tsx", """
            import { SVGProps } from "react";

            export default function OpenAI(props: SVGProps<SVGSVGElement>) {
              return (
                <svg xmlns="http://www.w3.org/2000/svg" width="1em" height="1em" viewBox="0 0 24 24" {...props}>
                  <path fill="currentColor" d="M22.28 9.82a6 6 0 0 0-.52-4.91" />
                </svg>
              );
            }

            """);
        Assert.DoesNotContain(icon.Components, c => c.Role == ComponentRole.ModelProvider);

        var model = CorpusShapeTests.Python("app/schemas.py", """
            from pydantic import BaseModel


            class Anthropic(BaseModel):
                model: str = "claude-sonnet-4"


            def Groq(name: str) -> str:
                return name.upper()

            """);
        Assert.DoesNotContain(model.Components, c => c.Role == ComponentRole.ModelProvider);

        // The client itself is still found beside a declaration of the same name elsewhere in the file.
        var client = CorpusShapeTests.JavaScript("src/lib/ai.ts", """
            import OpenAI from "openai";

            export const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });

            export async function ask(text: string) {
              return openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: text }] });
            }

            """);
        Assert.Contains(client.Components, c => c.Id == "provider:openai");
    }
}

/// <summary>
/// The model providers a LiteLLM config named only by host in the fourth held-out code run (Zhipu, DashScope, Moonshot,
/// MiniMax, SiliconFlow) are catalog vendors now, matched by the hosts their own docs give; a host they do not give stays
/// an unknown operator.
/// </summary>
public sealed class FifthHeldOutCatalogTests
{
    [Theory]
    [InlineData("https://open.bigmodel.cn/api/paas/v4", "zhipu-ai")]
    [InlineData("https://dashscope-intl.aliyuncs.com/compatible-mode/v1", "alibaba-dashscope")]
    [InlineData("https://cn-hongkong.dashscope.aliyuncs.com/compatible-mode/v1", "alibaba-dashscope")]
    [InlineData("https://api.moonshot.cn/v1", "moonshot-ai")]
    [InlineData("https://api.minimax.io/v1", "minimax")]
    [InlineData("https://api.siliconflow.cn/v1", "siliconflow")]
    public void A_litellm_deployment_on_the_vendors_documented_host_is_that_vendor(string apiBase, string vendor)
    {
        var model = ReaderHarness.Read(ReaderHarness.Deployment("openai/some-model", apiBase), enrich: true).Fragment;
        var provider = Assert.Single(model.Components, c => c.Role == ComponentRole.ModelProvider);
        Assert.Equal(vendor, provider.Vendor);
        Assert.Equal(Hosting.ThirdParty, provider.Hosting);
    }

    [Fact]
    public void A_host_no_vendor_page_gave_stays_unidentified()
    {
        var model = ReaderHarness.Read(ReaderHarness.Deployment("openai/some-model", "https://api.minimaxi.com/v1"), enrich: true).Fragment;
        var provider = Assert.Single(model.Components, c => c.Role == ComponentRole.ModelProvider);
        Assert.Null(provider.Vendor);
    }
}

/// <summary>
/// A key written into a URL's query string is a literal secret (fifth held-out code run, bench/CODE-CORPUS.md class H);
/// a template hole, an environment read or a placeholder in the same place is not. The key below is made up.
/// </summary>
public sealed class FifthHeldOutQueryKeyTests
{
    private const string WeatherKey = "9c2e7a41b05d4f8e9a3c6b21d7e40f58";

    [Fact]
    public void A_literal_key_in_a_url_query_is_a_secret_and_holes_and_placeholders_are_not()
    {
        var text = $$"""
            import os
            import requests


            def weather(city: str) -> str:
                url = f"https://api.weatherapi.example/v1/current.json?q={city}&key={{WeatherKey}}"
                return requests.get(url).text


            def maps(place: str) -> str:
                held = f"https://maps.example/api/geocode?address={place}&key={os.environ['MAPS_KEY']}"
                sample = "https://maps.example/api/geocode?address=Paris&key=YOUR_API_KEY_HERE"
                return requests.get(held).text + sample

            """;
        var result = new PythonSourceReader().Read(new InputFile("class06/tools.py", "/scan/class06/tools.py", text, namedExplicitly: false));

        var secret = Assert.Single(result.Fragment.Secrets);
        Assert.Equal("class06/tools.py:6", secret.Location.ToString());
        Assert.Equal("url", secret.Key);
        Assert.DoesNotContain(WeatherKey, secret.Redacted, StringComparison.Ordinal);
        Assert.StartsWith("key=", secret.Redacted, StringComparison.Ordinal);
        Assert.Equal("****", result.Secrets.Scrub(WeatherKey));
    }
}
