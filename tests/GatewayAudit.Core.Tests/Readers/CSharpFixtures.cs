namespace GatewayAudit.Core.Tests.Readers;

/// <summary>C# files in the shape of real agent code (written for these tests), each with its must-find and must-not-find lines.</summary>
internal static class CSharpFixtures
{
    /// <summary>An OpenRouter adapter over HttpClient: base URL, attribution headers, slugs, provider preferences, a log line.</summary>
    public const string OpenRouterAdapter = """
        using System.Net.Http.Json;
        using Microsoft.Extensions.Logging;

        namespace Acme.Agent.Llm;

        /// <summary>Talks to OpenRouter (https://api.openai.com is not used any more).</summary>
        public sealed class OpenRouterAdapter
        {
            private const string BaseUrl = "https://openrouter.ai/api/v1/";
            private const string DefaultModel = "anthropic/claude-sonnet-4.6";
            private readonly HttpClient _http;
            private readonly ILogger<OpenRouterAdapter> _logger;

            public OpenRouterAdapter(HttpClient http, ILogger<OpenRouterAdapter> logger)
            {
                _http = http;
                _logger = logger;
                _http.BaseAddress = new Uri(BaseUrl);
                _http.DefaultRequestHeaders.Add("HTTP-Referer", "https://agent.acme.example");
                _http.DefaultRequestHeaders.Add("X-Title", "Acme Support Agent");
            }

            public async Task<string> CompleteAsync(string prompt, CancellationToken ct)
            {
                var request = new
                {
                    model = DefaultModel,
                    messages = new[] { new { role = "user", content = prompt } },
                    models = new[] { "openai/gpt-4o-mini" },
                    provider = new
                    {
                        order = new[] { "anthropic", "amazon-bedrock" },
                        allow_fallbacks = false,
                        data_collection = "deny",
                        zdr = true,
                    },
                };
                _logger.LogInformation("Calling {Endpoint} with {Model}", "https://api.anthropic.com/v1/messages", DefaultModel);
                using var response = await _http.PostAsJsonAsync("chat/completions", request, ct);
                response.EnsureSuccessStatusCode();
                return await response.Content.ReadAsStringAsync(ct);
            }
        }
        """;

    /// <summary>A Semantic Kernel app on an Azure OpenAI resource.</summary>
    public const string SemanticKernelAzure = """
        using Microsoft.SemanticKernel;

        var builder = Kernel.CreateBuilder();
        builder.AddAzureOpenAIChatCompletion(
            deploymentName: "gpt-4o",
            endpoint: "https://acme-eu.openai.azure.com/",
            apiKey: Environment.GetEnvironmentVariable("AZURE_OPENAI_API_KEY")!);
        var kernel = builder.Build();
        var ticket = await File.ReadAllTextAsync(args[0]);
        var answer = await kernel.InvokePromptAsync("Summarise the ticket: {{$ticket}}", new() { ["ticket"] = ticket });
        Console.WriteLine(answer);
        """;

    /// <summary>A service that calls the team's LiteLLM proxy through the OpenAI SDK.</summary>
    public const string LiteLlmProxyService = """
        using System.ClientModel;
        using OpenAI;
        using OpenAI.Chat;

        namespace Acme.Agent.Summaries;

        public sealed class SummaryService
        {
            private readonly ChatClient _chat;

            public SummaryService(IConfiguration config)
            {
                _chat = new ChatClient(
                    model: "claude-sonnet",
                    credential: new ApiKeyCredential(config["Llm:ApiKey"]!),
                    options: new OpenAIClientOptions { Endpoint = new Uri("http://litellm:4000/v1") });
            }

            public async Task<string> SummariseAsync(string text)
            {
                ChatCompletion completion = await _chat.CompleteChatAsync(new UserChatMessage(text));
                return completion.Content[0].Text;
            }
        }
        """;

    /// <summary>Calls that were commented out: trivia, never a call.</summary>
    public const string CommentedOut = """
        namespace Acme.Agent.Legacy;

        public sealed class LegacyClient
        {
            // private static readonly Uri Messages = new("https://api.anthropic.com/v1/messages");
            /* var client = new AnthropicClient(apiKey);
               client.DefaultRequestHeaders.Add("HTTP-Referer", "https://acme.example"); */
            /// <see href="https://openrouter.ai/docs"/>
            public string Name => "legacy";
        }
        """;

    /// <summary>A host named in log messages and exception text: prose, not a call.</summary>
    public const string LogMessages = """
        using Microsoft.Extensions.Logging;

        namespace Acme.Agent.Ops;

        public sealed class Startup(ILogger<Startup> logger)
        {
            public void Report()
            {
                logger.LogInformation("Provider endpoint: {Url}", "https://api.openai.com/v1");
                Console.WriteLine("https://api.mistral.ai/v1/chat/completions");
            }

            public Exception Fail(int status) => new HttpRequestException("https://api.anthropic.com/v1/messages", null, null);
        }
        """;

    /// <summary>A job that only lists models: metadata, no prompt.</summary>
    public const string ModelsListing = """
        namespace Acme.Agent.Jobs;

        public sealed class ModelCatalogSync(HttpClient http)
        {
            public Task<string> FetchAsync(CancellationToken ct) => http.GetStringAsync("https://api.groq.com/openai/v1/models", ct);
        }
        """;

    /// <summary>A provider SDK imported, no client or call in the file.</summary>
    public const string ImportOnly = """
        using Anthropic;

        namespace Acme.Agent;

        public static class ProviderNames
        {
            public const string Default = "claude";
        }
        """;

    /// <summary>Observability: a Sentry DSN and an OTLP exporter pointed at Langfuse Cloud.</summary>
    public const string Telemetry = """
        using OpenTelemetry.Exporter;

        SentrySdk.Init(o => o.Dsn = "https://examplePublicKey@o0.ingest.de.sentry.io/0");
        builder.Services.AddOpenTelemetry().WithTracing(t => t.AddOtlpExporter(o =>
        {
            o.Endpoint = new Uri("https://cloud.langfuse.com/api/public/otel");
            o.Protocol = OtlpExportProtocol.HttpProtobuf;
        }));
        """;

    /// <summary>SDK clients: the OpenAI default host, an endpoint from the environment, a local Ollama.</summary>
    public const string SdkClients = """
        using OpenAI;
        using OpenAI.Chat;
        using OllamaSharp;
        using System.ClientModel;

        var openAi = new OpenAIClient(Environment.GetEnvironmentVariable("OPENAI_API_KEY")!);
        var reply = await openAi.GetChatClient("gpt-4o").CompleteChatAsync("Hello");
        var routed = new OpenAIClient(new ApiKeyCredential("unused"), new OpenAIClientOptions
        {
            Endpoint = new Uri(Environment.GetEnvironmentVariable("LLM_BASE_URL")!),
        });
        var local = new OllamaApiClient(new Uri("http://localhost:11434"));
        """;

    /// <summary>A test double: a fake OpenRouter server in a test project.</summary>
    public const string TestDouble = """
        using Xunit;

        public sealed class OpenRouterAdapterTests
        {
            [Fact]
            public async Task Sends_attribution_headers()
            {
                var handler = new FakeHandler("https://openrouter.ai/api/v1/chat/completions");
                Assert.Equal("HTTP-Referer", handler.Headers[0]);
            }
        }
        """;

    /// <summary>Ordinary code with no LLM party: never parsed.</summary>
    public const string Unrelated = """
        namespace Acme.Billing;

        public sealed record Invoice(string Number, decimal Total)
        {
            public Uri Link => new("https://billing.acme.example/invoices/" + Number);
        }
        """;
}
