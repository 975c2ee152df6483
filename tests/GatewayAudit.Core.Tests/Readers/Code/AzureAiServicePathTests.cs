using GatewayAudit.Core.Model;
using GatewayAudit.Vocabulary;

namespace GatewayAudit.Core.Tests.Readers.Code;

/// <summary>
/// The Azure AI services host <c>*.cognitiveservices.azure.com</c> serves many services; the path (or an OpenAI client)
/// says which (fifth held-out code run, bench/CODE-CORPUS.md class A2: image analysis was listed as Azure OpenAI).
/// </summary>
public sealed class AzureAiServicePathTests
{
    [Theory]
    [InlineData("/vision/v3.2/analyze", false, "azure-ai-vision")]
    [InlineData("/computervision/imageanalysis:analyze", false, "azure-ai-vision")]
    [InlineData("/documentintelligence/documentModels/prebuilt-read:analyze", false, "azure-ai-document-intelligence")]
    [InlineData("/formrecognizer/documentModels/prebuilt-invoice:analyze", false, "azure-ai-document-intelligence")]
    [InlineData("/contentsafety/text:analyze", false, "azure-ai-content-safety")]
    [InlineData("/language/:analyze-text", false, "azure-ai-language")]
    [InlineData("/text/analytics/v3.1/sentiment", false, "azure-ai-language")]
    [InlineData("/openai/deployments/gpt-4o/chat/completions", false, "azure-openai")]
    [InlineData("/", true, "azure-openai")]
    [InlineData("", false, "azure-ai-services")]
    [InlineData("/translator/text/v3.0/translate?to=fr", false, "azure-ai-translator")]
    [InlineData("/speechtotext/transcriptions:transcribe", false, "azure-ai-speech")]
    [InlineData("/speechtotext/transcriptions:submit", false, "azure-ai-speech")]
    [InlineData("/tts/cognitiveservices/v1", false, "azure-ai-services")]
    public void A_path_on_the_shared_host_names_its_service(string path, bool openAiClient, string vendor) =>
        Assert.Equal(vendor, GatewayTerms.FindService("team-ai.cognitiveservices.azure.com", path, openAiClient)!.Vendor);

    [Fact]
    public void Other_hosts_are_their_host_row_whatever_the_path()
    {
        // The bare apex is the Entra token audience of every Azure AI service, no resource: read as its host row.
        Assert.Equal("azure-openai", GatewayTerms.FindService("cognitiveservices.azure.com", "/.default")!.Vendor);
        Assert.Equal("azure-openai", GatewayTerms.FindService("team.openai.azure.com", "/vision/v3.2/analyze")!.Vendor);
        Assert.Equal("openai", GatewayTerms.FindService("api.openai.com", "/v1/chat/completions")!.Vendor);
        Assert.Null(GatewayTerms.FindService("example.org", "/openai/"));
    }

    [Fact]
    public void Csharp_image_analysis_on_a_resource_endpoint_is_azure_ai_vision_not_azure_openai()
    {
        var model = CSharpSourceReaderTests.Read("Describe/Program.cs", """
            using System.Net.Http.Headers;

            var key = Environment.GetEnvironmentVariable("VISION_KEY");
            var resource = "https://contoso-vision.cognitiveservices.azure.com";
            var analyze = $"{resource}/vision/v3.2/analyze";
            var url = analyze + "?visualFeatures=Description,Tags";

            using var http = new HttpClient();
            http.DefaultRequestHeaders.Add("Ocp-Apim-Subscription-Key", key);
            using var body = new ByteArrayContent(await File.ReadAllBytesAsync("photo.jpg"));
            body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            var reply = await http.PostAsync(url, body);

            """);
        var vision = Assert.Single(model.Components, c => c.Id == "tool:azure-ai-vision");
        Assert.Equal(ComponentRole.ToolApi, vision.Role);
        Assert.Equal(Hosting.ThirdParty, vision.Hosting);
        Assert.Contains(vision.Evidence, e => e.ToString() == "Describe/Program.cs:4");
        Assert.Contains(vision.Evidence, e => e.ToString() == "Describe/Program.cs:5");
        Assert.DoesNotContain(model.Components, c => c.Vendor is "azure-openai" or "azure-ai-services");
    }

    [Fact]
    public void Csharp_azure_openai_client_on_the_shared_host_stays_azure_openai_and_an_unknown_path_says_so()
    {
        var model = CSharpSourceReaderTests.Read("Chat/Program.cs", """
            using Azure;
            using Azure.AI.OpenAI;

            const string Endpoint = "https://contoso-ai.cognitiveservices.azure.com/";
            var client = new AzureOpenAIClient(new Uri(Endpoint), new AzureKeyCredential(Environment.GetEnvironmentVariable("AOAI_KEY")!));
            var chat = client.GetChatClient("gpt-4o-mini");
            Console.WriteLine(chat.CompleteChat("Hello").Value.Content[0].Text);

            """);
        Assert.Single(model.Components, c => c.Id == "provider:azure-openai");
        Assert.DoesNotContain(model.Components, c => c.Role == ComponentRole.ToolApi);

        var unknown = CSharpSourceReaderTests.Read("Classify/Predict.cs", """
            public static class Predict
            {
                public static Task<HttpResponseMessage> ClassifyAsync(HttpClient http, HttpContent image) =>
                    http.PostAsync("https://contoso-ai.cognitiveservices.azure.com/customvision/v3.0/Prediction/p1/classify/iterations/it1/image", image);
            }

            """);
        var resource = Assert.Single(unknown.Components, c => c.Id == "tool:azure-ai-services");
        Assert.Contains("does not name", (string)resource.Attributes["purpose"]!, StringComparison.Ordinal);
        Assert.DoesNotContain(unknown.Components, c => c.Vendor == "azure-openai");
    }

    [Fact]
    public void Csharp_batch_transcription_on_a_resource_endpoint_is_azure_ai_speech()
    {
        var model = CSharpSourceReaderTests.Read("Speech/Transcribe.cs", """
            public static class Transcribe
            {
                public static Task<HttpResponseMessage> SubmitAsync(HttpClient http, HttpContent job) =>
                    http.PostAsync("https://contoso-ai.cognitiveservices.azure.com/speechtotext/transcriptions:submit?api-version=2024-11-15", job);
            }

            """);
        var speech = Assert.Single(model.Components, c => c.Id == "tool:azure-ai-speech");
        Assert.Contains(speech.Evidence, e => e.ToString() == "Speech/Transcribe.cs:4");
        Assert.DoesNotContain(model.Components, c => c.Vendor is "azure-openai" or "azure-ai-services");
    }

    [Fact]
    public void Python_content_safety_by_rest_and_azure_openai_by_sdk_on_the_same_host_kind()
    {
        var model = CorpusShapeTests.Python("moderation/check.py", """
            import os
            import requests


            def is_harmful(text: str) -> bool:
                reply = requests.post(
                    "https://contoso-safety.cognitiveservices.azure.com/contentsafety/text:analyze?api-version=2023-10-01",
                    headers={"Ocp-Apim-Subscription-Key": os.environ["SAFETY_KEY"]},
                    json={"text": text},
                )
                return any(c["severity"] > 2 for c in reply.json()["categoriesAnalysis"])

            """);
        Assert.Contains(model.Components, c => c.Id == "tool:azure-ai-content-safety");
        Assert.DoesNotContain(model.Components, c => c.Vendor is "azure-openai" or "azure-ai-services");

        // The lexical readers do not join an f-string to the constant it formats: the bare resource names no service, and
        // says so rather than presuming Azure OpenAI.
        var bare = CorpusShapeTests.Python("moderation/check_images.py", """
            import os
            import requests

            ENDPOINT = "https://contoso-safety.cognitiveservices.azure.com"


            def check(image: bytes):
                return requests.post(f"{ENDPOINT}/contentsafety/image:analyze?api-version=2023-10-01", json={"image": {"content": image}},
                                     headers={"Ocp-Apim-Subscription-Key": os.environ["SAFETY_KEY"]})

            """);
        Assert.Contains(bare.Components, c => c.Id == "tool:azure-ai-services");
        Assert.DoesNotContain(bare.Components, c => c.Vendor == "azure-openai");

        var chat = CorpusShapeTests.Python("chat/client.py", """
            import os
            from openai import AzureOpenAI

            client = AzureOpenAI(azure_endpoint="https://contoso-ai.cognitiveservices.azure.com/", api_key=os.environ["AZURE_OPENAI_API_KEY"], api_version="2024-10-21")
            answer = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "hi"}])

            """);
        Assert.Contains(chat.Components, c => c.Vendor == "azure-openai");
        Assert.DoesNotContain(chat.Components, c => c.Role == ComponentRole.ToolApi);
    }
}
