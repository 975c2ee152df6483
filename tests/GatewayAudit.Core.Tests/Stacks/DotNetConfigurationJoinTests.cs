using static GatewayAudit.Core.Tests.Readers.DeploymentFixtures;

namespace GatewayAudit.Core.Tests.Stacks;

/// <summary>
/// An ASP.NET Core service reads its model endpoint from configuration (<c>config["Inference:Endpoint"]</c>, a section, a
/// <c>GetValue</c>) and builds its SDK client with it; the value is in <c>appsettings.json</c> beside the project, and
/// differently in <c>appsettings.Development.json</c>. Each value is a party the client may reach, named with its
/// environment; no "endpoint set by ..." row is left. A key of another project's settings, or a non-address value,
/// leaves the site unknown.
/// </summary>
public sealed class DotNetConfigurationJoinTests
{
    private const string Service = """
        using Azure;
        using Azure.AI.Inference;

        namespace Chat.Services;

        public sealed class InferenceChatService
        {
            private readonly ChatCompletionsClient _client;

            public InferenceChatService(IConfiguration config)
            {
                var endpoint = config["Inference:Endpoint"] ?? throw new ArgumentNullException("Inference:Endpoint");
                var key = config["Inference:Key"];
                _client = new ChatCompletionsClient(new Uri(endpoint), new AzureKeyCredential(key!));
            }

            public async Task<string> AskAsync(string question)
            {
                var options = new ChatCompletionsOptions { Messages = { new ChatRequestUserMessage(question) }, Model = "deepseek-r1" };
                var response = await _client.CompleteAsync(options);
                return response.Value.Content;
            }
        }
        """;

    private static string Settings(string endpoint) => $$"""
        {
          // Local development settings
          "Logging": { "LogLevel": { "Default": "Information" } },
          "Inference": {
            "Endpoint": "{{endpoint}}",
            "Key": "YOUR_KEY"
          }
        }
        """;

    private const string Code = "src/Chat/Services/InferenceChatService.cs";
    private const string Project = "src/Chat/";

    [Fact]
    public void An_indexer_key_takes_the_value_of_appsettings_and_of_each_environment_file()
    {
        var result = AuditFiles((Code, Service), (Project + "Chat.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\" />"),
            (Project + "appsettings.json", Settings("https://contoso-ai.services.ai.azure.com/models")),
            (Project + "appsettings.Development.json", Settings("http://localhost:11434/v1")));

        Assert.DoesNotContain(result.Model.Components, c => c.Id.StartsWith("provider:setting:", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Findings, f => f.RuleId == "prompts-reach-unidentified-party");
        var foundry = result.Model.Find("provider:azure-openai")!;
        Assert.Contains(foundry.Evidence, e => e.File == Code && e.Line == 14);
        Assert.Contains(foundry.Evidence, e => e.File == Project + "appsettings.json" && e.Line == 5);
        Assert.Contains(foundry.Notes, n => n.Contains($"is the .NET configuration key Inference:Endpoint, set to https://contoso-ai.services.ai.azure.com/models at {Project}appsettings.json:5 (every environment that does not override it)", StringComparison.Ordinal)
            && n.Contains("depends on the environment the application runs in", StringComparison.Ordinal));
        var local = Assert.Single(result.Model.Components, c => c.Id.StartsWith("inference:localhost", StringComparison.Ordinal));
        Assert.Contains(local.Notes, n => n.Contains("appsettings.Development.json:5 (environment 'Development')", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("var endpoint = config.GetSection(\"Inference\")[\"Endpoint\"];")]
    [InlineData("var endpoint = config.GetValue<string>(\"Inference:Endpoint\");")]
    [InlineData("var endpoint = config.GetSection(\"Inference:Endpoint\").Value!;")]
    [InlineData("var endpoint = config.GetSection(\"Inference\").GetValue<string>(\"Endpoint\");")]
    public void Each_way_of_reading_the_key_is_joined(string read)
    {
        var service = Service.Replace("var endpoint = config[\"Inference:Endpoint\"] ?? throw new ArgumentNullException(\"Inference:Endpoint\");", read, StringComparison.Ordinal);
        Assert.NotEqual(Service, service);

        var result = AuditFiles((Code, service), (Project + "appsettings.json", Settings("https://contoso-ai.services.ai.azure.com/models")));

        Assert.DoesNotContain(result.Model.Components, c => c.Id.StartsWith("provider:setting:", StringComparison.Ordinal));
        Assert.Contains(result.Model.Find("provider:azure-openai")!.Evidence, e => e.File == Code && e.Line == 14);
    }

    [Fact]
    public void A_field_assigned_from_configuration_in_the_constructor_is_followed()
    {
        const string service = """
            using System.ClientModel;
            using OpenAI;
            using OpenAI.Chat;

            namespace Chat.Services;

            public sealed class RouterChat
            {
                private readonly string _baseUrl;

                public RouterChat(IConfiguration configuration)
                {
                    _baseUrl = configuration["Llm:BaseUrl"]!;
                }

                public ChatClient Client() =>
                    new ChatClient("gpt-4o-mini", new ApiKeyCredential("key"), new OpenAIClientOptions { Endpoint = new Uri(_baseUrl) });
            }
            """;

        var result = AuditFiles((Code, service), (Project + "appsettings.json", """{ "Llm": { "BaseUrl": "https://openrouter.ai/api/v1" } }"""));

        Assert.DoesNotContain(result.Model.Components, c => c.Id.StartsWith("provider:setting:", StringComparison.Ordinal));
        Assert.Contains(result.Model.Find("provider:openrouter")!.Evidence, e => e.File == Project + "appsettings.json");
    }

    [Fact]
    public void A_compose_service_that_builds_the_project_overrides_the_files_with_its_variable()
    {
        // Compose files are read where they run the proxy (a compose file of the app alone is not read yet).
        const string compose = """
            services:
              chat:
                build: ./src/Chat
                environment:
                  Inference__Endpoint: http://ollama:11434/v1
              litellm:
                image: ghcr.io/berriai/litellm:main-v1.74.0
                command: ["--config", "/app/config.yaml"]
              ollama:
                image: ollama/ollama:0.5.7
            """;

        var result = AuditFiles((Code, Service), ("docker-compose.yml", compose),
            (Project + "appsettings.json", Settings("https://contoso-ai.services.ai.azure.com/models")));

        Assert.Null(result.Model.Find("provider:azure-openai"));
        var own = Assert.Single(result.Model.Components, c => c.Evidence.Any(e => e.File == "docker-compose.yml" && e.Line == 5));
        Assert.Contains(own.Notes, n => n.Contains("the compose service 'chat' that builds this code", StringComparison.Ordinal));
    }

    [Fact]
    public void Must_not_join_another_projects_settings_or_a_value_that_is_no_address()
    {
        var elsewhere = AuditFiles((Code, Service), ("src/Admin/appsettings.json", Settings("https://contoso-ai.services.ai.azure.com/models")));
        var placeholder = AuditFiles((Code, Service), (Project + "appsettings.json", Settings("YOUR_FOUNDRY_ENDPOINT")));

        Assert.Contains(elsewhere.Model.Components, c => c.Id == "provider:setting:Inference:Endpoint");
        Assert.Null(elsewhere.Model.Find("provider:azure-openai"));
        Assert.Contains(placeholder.Model.Components, c => c.Id == "provider:setting:Inference:Endpoint");
    }

    [Fact]
    public void An_indexer_on_something_that_is_not_configuration_is_no_key()
    {
        const string service = """
            using Azure.AI.Inference;

            public sealed class Probe
            {
                public ChatCompletionsClient Build(Dictionary<string, string> endpoints) =>
                    new ChatCompletionsClient(new Uri(endpoints["Inference:Endpoint"]), new Azure.AzureKeyCredential("k"));
            }
            """;

        var result = AuditFiles((Code, service), (Project + "appsettings.json", Settings("https://contoso-ai.services.ai.azure.com/models")));

        Assert.Null(result.Model.Find("provider:azure-openai"));
    }
}
