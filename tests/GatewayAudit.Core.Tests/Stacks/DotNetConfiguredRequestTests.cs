using GatewayAudit.Core.Readers.Code;
using static GatewayAudit.Core.Tests.Readers.DeploymentFixtures;

namespace GatewayAudit.Core.Tests.Stacks;

/// <summary>
/// An ASP.NET Core service POSTs its request body with a plain <c>HttpClient</c> to a URL it reads from configuration
/// (<c>_configuration["GeminiApiUrl"]</c>), and <c>appsettings.json</c> holds a Vertex AI URL: the file names no host or
/// SDK, yet the pair sends prompts to Google. The value decides: a configured URL of an ordinary back end is no party,
/// a key no file sets stays an endpoint named by the key only where the code shows an LLM route, and a comment, a log
/// line or a test double is no call.
/// </summary>
public sealed class DotNetConfiguredRequestTests
{
    private const string Service = """
        using System.Net.Http;
        using System.Text;
        using Microsoft.Extensions.Configuration;
        using Newtonsoft.Json;

        namespace GeminiApi.Services;

        public class GeminiService
        {
            private readonly HttpClient _httpClient;
            private readonly IConfiguration _configuration;

            public GeminiService(HttpClient httpClient, IConfiguration configuration)
            {
                _httpClient = httpClient;
                _configuration = configuration;
            }

            public async Task<string> AskAsync(GeminiRequest request)
            {
                var endpoint = _configuration["GeminiApiUrl"];
                var target = endpoint;
                var body = new StringContent(JsonConvert.SerializeObject(request), Encoding.UTF8, "application/json");
                _httpClient.DefaultRequestHeaders.Add("Authorization", $"Bearer {_configuration["AccessToken"]}");
                var response = await _httpClient.PostAsync(target, body);
                return await response.Content.ReadAsStringAsync();
            }
        }
        """;

    private const string Code = "Services/GeminiService.cs";

    private static string Settings(string url) => $$"""
        {
          "Logging": { "LogLevel": { "Default": "Information" } },
          "GeminiApiUrl": "{{url}}",
          "AllowedHosts": "*"
        }
        """;

    private const string Vertex = "https://europe-west4-aiplatform.googleapis.com/v1/projects/demo/locations/europe-west4/publishers/google/models/gemini-pro:streamGenerateContent";

    [Fact]
    public void A_request_to_a_configured_provider_url_names_the_provider_at_both_lines()
    {
        var result = AuditFiles((Code, Service), ("appsettings.json", Settings(Vertex)));

        var vertex = Assert.Single(result.Model.Components, c => c.Evidence.Any(e => e.File == "appsettings.json" && e.Line == 3));
        Assert.Contains("vertex", vertex.Id, StringComparison.Ordinal);
        Assert.Equal("europe-west4", vertex.Region?.Value); // the regional endpoint's location
        Assert.Contains(vertex.Evidence, e => e.File == Code && e.Line == 25);
        Assert.Contains(vertex.Notes, n => n.Contains("is the .NET configuration key GeminiApiUrl", StringComparison.Ordinal));
        Assert.Contains(result.Model.FlowsInto(vertex.Id), f => f.DataCategories.Contains(GatewayAudit.Core.Model.DataCategory.Prompt));
        Assert.DoesNotContain(result.Model.Components, c => c.Id.StartsWith("provider:setting:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_configured_url_of_an_ordinary_back_end_is_no_party()
    {
        var result = AuditFiles((Code, Service), ("appsettings.json", Settings("https://orders.contoso.example/api/orders")));

        Assert.DoesNotContain(result.Model.Components, c => c.Role is GatewayAudit.Core.Model.ComponentRole.ModelProvider or GatewayAudit.Core.Model.ComponentRole.SelfHostedInference);
    }

    [Fact]
    public void A_key_read_for_another_purpose_a_commented_call_and_a_test_double_are_no_calls()
    {
        const string logged = """
            namespace GeminiApi.Services;

            public class Status(HttpClient http, IConfiguration configuration, ILogger<Status> logger)
            {
                public async Task ReportAsync(string text)
                {
                    logger.LogInformation("Model endpoint {Url}", configuration["GeminiApiUrl"]);
                    var shown = configuration["GeminiApiUrl"];
                    Console.WriteLine(shown);
                    // var response = await http.PostAsync(configuration["GeminiApiUrl"], new StringContent(text));
                    await http.PostAsync("https://status.contoso.example/report", new StringContent(text));
                }
            }
            """;
        const string fake = """
            public class GeminiServiceTests
            {
                [Fact]
                public async Task Posts_to_the_configured_url()
                {
                    var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["GeminiApiUrl"] = "https://fake" }).Build();
                    var http = new HttpClient(new StubHandler());
                    await http.PostAsync(configuration["GeminiApiUrl"], new StringContent("{}"));
                }
            }
            """;

        var result = AuditFiles(("Services/Status.cs", logged), ("tests/GeminiApi.Tests/GeminiServiceTests.cs", fake), ("appsettings.json", Settings(Vertex)));

        Assert.DoesNotContain(result.Model.Components, c => c.Evidence.Any(e => e.File == "appsettings.json"));
    }

    [Fact]
    public void An_unset_key_on_an_llm_route_stays_an_endpoint_named_by_the_key()
    {
        const string chat = """
            namespace Bot;

            public sealed class LlmClient(HttpClient http, IConfiguration config)
            {
                public Task<HttpResponseMessage> ChatAsync(object request) =>
                    http.PostAsJsonAsync(config["Llm:BaseUrl"] + "/chat/completions", request);
            }
            """;

        var result = AuditFiles(("Bot/LlmClient.cs", chat));

        var unknown = Assert.Single(result.Model.Components, c => c.Id == "provider:setting:Llm:BaseUrl");
        Assert.Equal(GatewayAudit.Core.Model.Hosting.Unknown, unknown.Hosting);
        Assert.Contains("Llm:BaseUrl", unknown.Name, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unset_key_with_no_llm_route_names_nothing()
    {
        var result = AuditFiles((Code, Service));

        Assert.DoesNotContain(result.Model.Components, c => c.Role == GatewayAudit.Core.Model.ComponentRole.ModelProvider);
    }

    [Theory]
    [InlineData("_http.BaseAddress = new Uri(_config.GetSection(\"Ollama\")[\"Url\"]!);")]
    [InlineData("_http.BaseAddress = new Uri(_config.GetValue<string>(\"Ollama:Url\")!);")]
    [InlineData("_http = new HttpClient { BaseAddress = new Uri(_config.GetSection(\"Ollama\").GetValue<string>(\"Url\")!) };")]
    public void A_base_address_from_configuration_takes_the_calls_on_it(string baseAddress)
    {
        var code = $$"""
            namespace Bot;

            public sealed class OllamaChat
            {
                private HttpClient _http = new();
                private readonly IConfiguration _config;

                public OllamaChat(IConfiguration config)
                {
                    _config = config;
                    {{baseAddress}}
                }

                public Task<HttpResponseMessage> ChatAsync(object body) => _http.PostAsJsonAsync("/api/chat", body);
            }
            """;

        var result = AuditFiles(("Bot/OllamaChat.cs", code), ("Bot/appsettings.json", """{ "Ollama": { "Url": "http://localhost:11434" } }"""));

        var ollama = Assert.Single(result.Model.Components, c => c.Id.StartsWith("inference:localhost", StringComparison.Ordinal));
        Assert.Equal(GatewayAudit.Core.Model.Hosting.OperatorHosted, ollama.Hosting);
        Assert.Contains(ollama.Evidence, e => e.File == "Bot/appsettings.json");
        Assert.DoesNotContain(result.Model.Components, c => c.Id.StartsWith("provider:setting:", StringComparison.Ordinal));
    }

    [Fact]
    public void An_example_settings_file_gives_the_example_confidence()
    {
        var result = AuditFiles((Code, Service), ("appsettings.Example.json", Settings(Vertex)));

        var vertex = Assert.Single(result.Model.Components, c => c.Evidence.Any(e => e.File == "appsettings.Example.json"));
        Assert.Equal("example", vertex.Attributes["confidence"]);
    }

    [Fact]
    public void The_pre_filter_passes_a_file_that_reads_configuration_and_sends_but_not_one_that_does_only_one()
    {
        Assert.False(CSharpSourceReader.Mentions(Service));
        Assert.True(CSharpSourceReader.SendsToConfiguredUrl(Service));
        Assert.False(CSharpSourceReader.SendsToConfiguredUrl("var name = configuration[\"App:Name\"]; Console.WriteLine(name);"));
        Assert.False(CSharpSourceReader.SendsToConfiguredUrl("await http.PostAsync(\"https://orders.contoso.example\", body);"));
    }
}
