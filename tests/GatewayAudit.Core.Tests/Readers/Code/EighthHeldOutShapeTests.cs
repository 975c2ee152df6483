using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers;

namespace GatewayAudit.Core.Tests.Readers.Code;

/// <summary>
/// Defect classes of the eighth held-out code run (bench/CODE-CORPUS.md, "Eighth held-out run"): Genkit's model
/// plugins (class A), a Go DeepSeek SDK (class B), an OCR API and a background-removal API (classes C and D), and a
/// local server's stand-in key read as a literal secret (class G). Fixtures are written in the shape of that code,
/// never copied from it, each with a must-not-find case.
/// </summary>
public sealed class EighthHeldOutShapeTests
{
    private static Component Tool(StackModel model, string vendor, string evidence) => ToolApiThirdHeldOutTests.Tool(model, vendor, evidence);

    [Fact]
    public void A_genkit_app_with_the_google_ai_plugin_sends_its_flows_to_the_gemini_api()
    {
        var model = CorpusShapeTests.JavaScript("src/lib/ai.ts", """
            import { genkit } from 'genkit';
            import { googleAI } from '@genkit-ai/googleai';

            if (!process.env.GEMINI_API_KEY) {
              throw new Error('GEMINI_API_KEY is missing');
            }

            export const ai = genkit({
              plugins: [googleAI({ apiVersion: ['v1beta'] })],
              enableTracingAndMetrics: true,
            });

            """);
        var gemini = Assert.Single(model.Components, c => c.Id == "provider:google-gemini-api");
        Assert.Equal(Hosting.ThirdParty, gemini.Hosting);
        Assert.Contains(gemini.Evidence, e => e.ToString() == "src/lib/ai.ts:9");

        // The newer package serves both Google APIs: its vertexAI() plugin is Vertex AI, and the import is no
        // import-only Gemini row.
        var vertex = CorpusShapeTests.JavaScript("src/genkit.ts", """
            import { genkit } from 'genkit';
            import { vertexAI } from '@genkit-ai/google-genai';

            export const ai = genkit({ plugins: [vertexAI({ location: 'europe-west1' })] });

            """);
        Assert.Single(vertex.Components, c => c.Id == "provider:google-vertex-ai");
        Assert.DoesNotContain(vertex.Components, c => c.Id == "provider:google-gemini-api");

        // Genkit alone, and a function of the app's own that happens to be named googleAI, reach no party.
        var quiet = CorpusShapeTests.JavaScript("src/flows/summary.ts", """
            import { ai } from '../lib/ai';
            import { googleAI } from './labels';

            export const summary = ai.defineFlow({ name: 'summary' }, async (text: string) => {
              const { output } = await ai.generate({ model: 'googleai/gemini-pro', prompt: text });
              return googleAI(output);
            });

            """);
        Assert.DoesNotContain(quiet.Components, c => c.Id is "provider:google-gemini-api" or "provider:google-vertex-ai");
    }

    [Fact]
    public void The_deepseek_go_client_reaches_deepseek_unless_its_second_argument_names_another_base_url()
    {
        var model = CorpusShapeTests.Go("main.go", """
            package main

            import (
            	"os"

            	deepseek "github.com/cohesion-org/deepseek-go"
            )

            var client *deepseek.Client

            func main() {
            	client = deepseek.NewClient(os.Getenv("DS_KEY"))
            	serve(client)
            }

            """);
        var deepseek = Assert.Single(model.Components, c => c.Vendor == "deepseek");
        Assert.Equal(Hosting.ThirdParty, deepseek.Hosting);
        Assert.Contains(deepseek.Evidence, e => e.ToString() == "main.go:12");

        // The library's second argument points it at another OpenAI-compatible provider: that provider, not DeepSeek.
        var routed = CorpusShapeTests.Go("router.go", """
            package main

            import deepseek "github.com/cohesion-org/deepseek-go"

            func router(key string) *deepseek.Client {
            	return deepseek.NewClient(
            		key,
            		"https://openrouter.ai/api/v1/",
            	)
            }

            """);
        Assert.Contains(routed.Components, c => c.Vendor == "openrouter");
        Assert.DoesNotContain(routed.Components, c => c.Vendor == "deepseek");

        // A base URL the file does not resolve leaves the endpoint open, never DeepSeek by default.
        var open = CorpusShapeTests.Go("custom.go", """
            package main

            import deepseek "github.com/cohesion-org/deepseek-go"

            func custom(key, baseURL string) *deepseek.Client {
            	return deepseek.NewClient(key, baseURL)
            }

            """);
        Assert.DoesNotContain(open.Components, c => c.Vendor == "deepseek");
        Assert.Single(open.Components, c => c.Id.StartsWith("provider:unresolved:", StringComparison.Ordinal));
    }

    [Fact]
    public void Images_posted_to_yandex_vision_ocr_reach_yandex_and_its_token_calls_do_not()
    {
        var model = CorpusShapeTests.Python("services/apis/ocr.py", """
            import aiohttp


            class VisionReader:
                def __init__(self, folder_id: str, iam_token: str) -> None:
                    self.url = "https://ocr.api.cloud.yandex.net/ocr/v1/recognizeText"
                    self.folder_id = folder_id
                    self.iam_token = iam_token

                async def read(self, image_b64: str) -> str:
                    body = {"mimeType": "JPEG", "languageCodes": ["*"], "content": image_b64}
                    headers = {"Authorization": f"Bearer {self.iam_token}", "x-folder-id": self.folder_id}
                    async with aiohttp.ClientSession() as session:
                        async with session.post(url=self.url, json=body, headers=headers) as response:
                            return (await response.json())["result"]["textAnnotation"]["fullText"]

            """);
        Tool(model, "yandex-vision-ocr", "services/apis/ocr.py:6");

        // Exchanging an OAuth token for an IAM token sends no content: Yandex's IAM host is no party.
        var token = CorpusShapeTests.Python("services/apis/iam.py", """
            import aiohttp


            async def iam_token(oauth: str) -> str:
                async with aiohttp.ClientSession() as session:
                    async with session.post("https://iam.api.cloud.yandex.net/iam/v1/tokens", json={"yandexPassportOauthToken": oauth}) as r:
                        return (await r.json())["iamToken"]

            """);
        Assert.DoesNotContain(token.Components, c => c.Vendor == "yandex-vision-ocr");
    }

    [Fact]
    public void Sprites_posted_to_pixian_for_background_removal_reach_pixian()
    {
        var model = CSharpSourceReaderTests.Read("Assets/Scripts/Sprites/Cutout.cs", """
            using System.Net.Http;
            using System.Net.Http.Headers;
            using System.Threading.Tasks;

            public class Cutout
            {
                private static readonly HttpClient Http = new HttpClient();

                public async Task<byte[]> RemoveBackgroundAsync(byte[] png, string basicAuth)
                {
                    var request = new HttpRequestMessage(HttpMethod.Post, "https://api.pixian.ai/api/v2/remove-background");
                    request.Headers.Authorization = new AuthenticationHeaderValue("Basic", basicAuth);
                    request.Content = new MultipartFormDataContent { { new ByteArrayContent(png), "image", "sprite.png" } };
                    var response = await Http.SendAsync(request);
                    return await response.Content.ReadAsByteArrayAsync();
                }
            }

            """);
        Tool(model, "pixian-ai", "Assets/Scripts/Sprites/Cutout.cs:11");

        // The vendor's site in a log line is no call.
        var quiet = CSharpSourceReaderTests.Read("Assets/Scripts/Sprites/Credits.cs", """
            using UnityEngine;

            public class Credits : MonoBehaviour
            {
                private void Start() => Debug.Log("Backgrounds removed with https://api.pixian.ai (see pixian.ai/api)");
            }

            """);
        Assert.DoesNotContain(quiet.Components, c => c.Vendor == "pixian-ai");
    }

    [Fact]
    public void A_local_servers_own_name_as_api_key_is_no_secret_but_a_real_key_or_a_master_key_still_is()
    {
        var local = ReaderHarness.Read("""
            model_list:
              - model_name: small-local
                litellm_params:
                  model: openai/small-local
                  api_base: http://host.docker.internal:13305/v1
                  api_key: lemonade
            litellm_settings:
              cache: true
              cache_params:
                type: redis-semantic
                redis_semantic_cache_embedding_model: openai/small-local
            general_settings:
              master_key: os.environ/LITELLM_MASTER_KEY
            """);
        Assert.Empty(local.Fragment.Secrets);

        // The same word as the proxy's own master key is the live credential (a guessable one), and a real-looking key
        // pasted for the local server is still a leaked credential.
        var loud = ReaderHarness.Read("""
            model_list:
              - model_name: small-local
                litellm_params:
                  model: openai/small-local
                  api_base: http://host.docker.internal:13305/v1
                  api_key: sk-proj-7Hd2Kq9Lw4Xz8Nc1Vb6Tj3Rm5Gf0Sy2Ua7Pe4Io9Wl1Qk3Zx
            general_settings:
              master_key: lemonade
            """);
        Assert.Equal([6, 8], loud.Fragment.Secrets.Select(s => s.Location.Line).Order());
    }
    [Fact]
    public void A_portkey_client_at_a_base_url_from_another_module_is_portkeys_row_not_a_second_unnamed_endpoint()
    {
        var model = CorpusShapeTests.Python("demos/cache/cache_demo.py", """
            from portkey_ai import Portkey

            from demos import settings

            GATEWAY_API_URL = settings.GATEWAY_API_URL


            def ask(question: str) -> str:
                client = Portkey(base_url=GATEWAY_API_URL, config={"cache": {"mode": "simple"}})
                reply = client.chat.completions.create(model="llama3", messages=[{"role": "user", "content": question}])
                return reply.choices[0].message.content

            """);
        var portkey = Assert.Single(model.Components, c => c.Vendor == "portkey" && c.Role == ComponentRole.Gateway);
        Assert.Contains(portkey.Notes, n => n.Contains("GATEWAY_API_URL", StringComparison.Ordinal) && n.Contains("operator's own", StringComparison.Ordinal));
        Assert.DoesNotContain(model.Components, c => c.Id.StartsWith("provider:unresolved:", StringComparison.Ordinal));

        // A literal address of the operator's own gateway stays the self-hosted gateway; a model SDK at an unresolved
        // address stays an open endpoint (it could be any provider).
        var own = CorpusShapeTests.Python("demos/own.py", """
            from portkey_ai import Portkey

            client = Portkey(base_url="http://portkey-gateway:8787/v1", provider="ollama")
            client.chat.completions.create(model="llama3", messages=[{"role": "user", "content": "hi"}])

            """);
        Assert.Contains(own.Components, c => c.Id == "gateway:portkey:portkey-gateway" && c.Hosting == Hosting.OperatorHosted);

        var open = CorpusShapeTests.Python("demos/other.py", """
            from openai import OpenAI

            from demos import settings

            client = OpenAI(base_url=settings.MODEL_URL)
            client.chat.completions.create(model="m", messages=[{"role": "user", "content": "hi"}])

            """);
        Assert.Single(open.Components, c => c.Id.StartsWith("provider:unresolved:", StringComparison.Ordinal));
    }
}
