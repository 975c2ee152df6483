using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers.Code;
using GatewayAudit.Core.Scanning;
using static GatewayAudit.Core.Tests.Readers.DeploymentFixtures;

namespace GatewayAudit.Core.Tests.Stacks;

/// <summary>
/// An ASP.NET Core service posts its prompts to <c>options.Value.BaseUrl</c> of an options class that Program.cs binds to
/// the section <c>Llm</c> (<c>Configure&lt;LlmOptions&gt;(config.GetSection("Llm"))</c>), and <c>appsettings.json</c> holds
/// <c>Llm:BaseUrl</c>: no one file names the party. The join takes the binding, the property and the settings together;
/// each way of binding and of reading the property is the same join. A bound URL no code sends to, another project's
/// binding, or a parameter's property with no binding is no party.
/// </summary>
public sealed class DotNetOptionsJoinTests
{
    private const string Program = """
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllers();
        builder.Services.Configure<LlmOptions>(builder.Configuration.GetSection("Llm"));
        builder.Services.AddHttpClient<ChatService>();
        var app = builder.Build();
        app.MapControllers();
        app.Run();
        """;

    private const string Options = """
        namespace Assistant.Configuration;

        public sealed class LlmOptions
        {
            public const string SectionName = "Llm";

            public string BaseUrl { get; set; } = string.Empty;

            public string Model { get; set; } = "gpt-4o-mini";
        }
        """;

    private const string Service = """
        using System.Net.Http.Json;
        using Microsoft.Extensions.Options;

        namespace Assistant.Services;

        public sealed class ChatService(HttpClient http, IOptions<LlmOptions> options)
        {
            public async Task<string> AskAsync(string question)
            {
                var body = new { model = options.Value.Model, messages = new[] { new { role = "user", content = question } } };
                var response = await http.PostAsJsonAsync($"{options.Value.BaseUrl}/chat/completions", body);
                return await response.Content.ReadAsStringAsync();
            }
        }
        """;

    private const string Project = "src/Assistant/";
    private const string Code = Project + "Services/ChatService.cs";

    private static string Settings(string url) => $$"""
        {
          "Logging": { "LogLevel": { "Default": "Information" } },
          "Llm": {
            "BaseUrl": "{{url}}",
            "Model": "openai/gpt-4o-mini"
          }
        }
        """;

    private static AuditResult Audit(string program = Program, string service = Code, string serviceText = Service, params (string Name, string Text)[] more) =>
        AuditFiles([(Project + "Program.cs", program), (Project + "Configuration/LlmOptions.cs", Options), (service, serviceText),
            (Project + "Assistant.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\" />"), .. more]);

    [Fact]
    public void A_property_of_a_bound_options_class_takes_the_value_of_its_section_with_evidence_at_all_three_lines()
    {
        var result = Audit(more: [(Project + "appsettings.json", Settings("https://openrouter.ai/api/v1")),
            (Project + "appsettings.Development.json", Settings("http://localhost:11434/v1"))]);

        Assert.DoesNotContain(result.Model.Components, c => c.Id.StartsWith("provider:setting:", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Findings, f => f.RuleId == "prompts-reach-unidentified-party");
        var openRouter = result.Model.Find("provider:openrouter")!;
        Assert.Equal(Hosting.ThirdParty, openRouter.Hosting);
        Assert.Contains(openRouter.Evidence, e => e.File == Code && e.Line == 11);
        Assert.Contains(openRouter.Evidence, e => e.File == Project + "appsettings.json" && e.Line == 4);
        Assert.Contains(openRouter.Evidence, e => e.File == Project + "Program.cs" && e.Line == 3);
        Assert.Contains(openRouter.Notes, n => n.Contains($"the property BaseUrl of the options class LlmOptions, bound to the configuration section Llm at {Project}Program.cs:3, so the .NET configuration key Llm:BaseUrl, set to https://openrouter.ai/api/v1", StringComparison.Ordinal));
        var local = Assert.Single(result.Model.Components, c => c.Id.StartsWith("inference:localhost", StringComparison.Ordinal));
        Assert.Equal(Hosting.OperatorHosted, local.Hosting);
        Assert.Contains(local.Notes, n => n.Contains("(environment 'Development')", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("builder.Services.AddOptions<LlmOptions>().Bind(builder.Configuration.GetSection(\"Llm\")).ValidateDataAnnotations();")]
    [InlineData("builder.Services.AddOptions<LlmOptions>().BindConfiguration(\"Llm\");")]
    [InlineData("builder.Services.Configure<LlmOptions>(builder.Configuration.GetSection(LlmOptions.SectionName));")]
    [InlineData("var llm = builder.Configuration.GetSection(\"Llm\");\nbuilder.Services.Configure<LlmOptions>(llm);")]
    [InlineData("builder.Services.AddSingleton(builder.Configuration.GetRequiredSection(\"Llm\").Get<LlmOptions>()!);")]
    public void Each_way_of_binding_the_class_is_joined(string binding)
    {
        var program = Program.Replace("builder.Services.Configure<LlmOptions>(builder.Configuration.GetSection(\"Llm\"));", binding, StringComparison.Ordinal);
        Assert.NotEqual(Program, program);

        var result = Audit(program, more: [(Project + "appsettings.json", Settings("https://openrouter.ai/api/v1"))]);

        Assert.Contains(result.Model.Find("provider:openrouter")!.Evidence, e => e.File == Project + "appsettings.json" && e.Line == 4);
        Assert.DoesNotContain(result.Model.Components, c => c.Id.StartsWith("provider:setting:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("IOptionsMonitor<LlmOptions> options", "options.CurrentValue.BaseUrl")]
    [InlineData("IOptionsSnapshot<LlmOptions> options", "options.Value.BaseUrl.TrimEnd('/')")]
    [InlineData("LlmOptions options", "options.BaseUrl")]
    public void Each_way_of_reading_the_property_is_joined(string parameter, string read)
    {
        var service = Service.Replace("IOptions<LlmOptions> options", parameter, StringComparison.Ordinal)
            .Replace("options.Value.Model", "\"gpt-4o-mini\"", StringComparison.Ordinal)
            .Replace("{options.Value.BaseUrl}", "{" + read + "}", StringComparison.Ordinal);

        var result = Audit(serviceText: service, more: [(Project + "appsettings.json", Settings("https://openrouter.ai/api/v1"))]);

        Assert.Contains(result.Model.Find("provider:openrouter")!.Evidence, e => e.File == Code && e.Line == 11);
    }

    [Fact]
    public void A_field_set_from_the_accessor_and_an_sdk_endpoint_are_followed()
    {
        const string client = """
            using Microsoft.Extensions.Options;
            using OpenAI;
            using OpenAI.Chat;
            using System.ClientModel;

            public sealed class Completions
            {
                private readonly LlmOptions _llm;

                public Completions(IOptions<LlmOptions> llm) => _llm = llm.Value;

                public ChatClient Client() =>
                    new OpenAIClient(new ApiKeyCredential("unused"), new OpenAIClientOptions { Endpoint = new Uri(_llm.BaseUrl) }).GetChatClient("gpt-4o-mini");
            }
            """;

        var result = Audit(service: Project + "Services/Completions.cs", serviceText: client, more: [(Project + "appsettings.json", Settings("https://openrouter.ai/api/v1"))]);

        Assert.Contains(result.Model.Find("provider:openrouter")!.Evidence, e => e.File == Project + "Services/Completions.cs" && e.Line == 13);
        Assert.Null(result.Model.Find("provider:openai"));
        Assert.DoesNotContain(result.Model.Components, c => c.Id.StartsWith("provider:setting:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_compose_service_that_builds_the_project_overrides_the_section_with_its_variable()
    {
        const string compose = """
            services:
              assistant:
                build: ./src/Assistant
                environment:
                  Llm__BaseUrl: http://ollama:11434/v1
              litellm:
                image: ghcr.io/berriai/litellm:main-v1.74.0
                command: ["--config", "/app/config.yaml"]
              ollama:
                image: ollama/ollama:0.5.7
            """;

        var result = Audit(more: [("docker-compose.yml", compose), (Project + "appsettings.json", Settings("https://openrouter.ai/api/v1"))]);

        Assert.Null(result.Model.Find("provider:openrouter"));
        var own = Assert.Single(result.Model.Components, c => c.Evidence.Any(e => e.File == "docker-compose.yml" && e.Line == 5));
        Assert.Contains(own.Notes, n => n.Contains("the compose service 'assistant' that builds this code", StringComparison.Ordinal));
    }

    [Fact]
    public void Example_settings_give_the_example_confidence()
    {
        var result = Audit(more: [(Project + "appsettings.Example.json", Settings("https://openrouter.ai/api/v1"))]);

        Assert.Equal("example", result.Model.Find("provider:openrouter")!.Attributes["confidence"]);
    }

    [Fact]
    public void A_bound_section_no_file_sets_stays_an_endpoint_named_by_the_property_and_says_the_key()
    {
        var result = Audit(more: [(Project + "appsettings.json", """{ "Logging": { "LogLevel": { "Default": "Information" } } }""")]);

        var unknown = Assert.Single(result.Model.Components, c => c.Id == "provider:setting:LlmOptions.BaseUrl");
        Assert.Equal("Endpoint set by LlmOptions.BaseUrl (HttpClient)", unknown.Name);
        Assert.Contains(unknown.Notes, n => n.Contains("so the .NET configuration key Llm:BaseUrl, which no settings file in the inputs sets", StringComparison.Ordinal));
    }

    [Fact]
    public void Must_not_find_a_bound_url_no_code_sends_to()
    {
        // The class is bound and its URL set, but the request goes to a literal host; BaseUrl is only logged.
        const string service = """
            using Microsoft.Extensions.Options;

            public sealed class ChatService(HttpClient http, IOptions<LlmOptions> options, ILogger<ChatService> logger)
            {
                public async Task<string> AskAsync(string question)
                {
                    logger.LogInformation("configured {Url}", options.Value.BaseUrl);
                    var response = await http.PostAsJsonAsync("https://api.mistral.ai/v1/chat/completions", new { model = "mistral-small", question });
                    return await response.Content.ReadAsStringAsync();
                }
            }
            """;

        var result = Audit(serviceText: service, more: [(Project + "appsettings.json", Settings("https://api.deepseek.com/v1"))]);

        Assert.NotNull(result.Model.Find("provider:mistral"));
        Assert.DoesNotContain(result.Model.Components, c => c.Name.Contains("DeepSeek", StringComparison.Ordinal));
    }

    [Fact]
    public void Must_not_take_another_projects_binding_or_a_parameter_that_no_binding_names()
    {
        // The admin project binds its own LlmOptions to another section; the assistant's binding is the nearer one.
        var twoProjects = Audit(more: [("src/Admin/Program.cs", "builder.Services.Configure<LlmOptions>(builder.Configuration.GetSection(\"Admin:Llm\"));"),
            ("src/Admin/appsettings.json", """{ "Admin": { "Llm": { "BaseUrl": "https://api.groq.com/openai/v1" } } }"""),
            (Project + "appsettings.json", Settings("https://openrouter.ai/api/v1"))]);
        Assert.NotNull(twoProjects.Model.Find("provider:openrouter"));
        Assert.Null(twoProjects.Model.Find("provider:groq"));

        // A request object's URL is no options class: nothing binds ChatRequest.
        const string service = """
            public sealed class Relay(HttpClient http)
            {
                public Task<HttpResponseMessage> SendAsync(ChatRequest request) => http.PostAsJsonAsync($"{request.BaseUrl}/chat/completions", request.Body);
            }
            """;
        var unbound = Audit(serviceText: service, more: [(Project + "appsettings.json", Settings("https://openrouter.ai/api/v1"))]);
        Assert.Null(unbound.Model.Find("provider:openrouter"));
        Assert.DoesNotContain(unbound.Model.Components, c => c.Id.StartsWith("provider:setting:", StringComparison.Ordinal));
    }

    [Fact]
    public void The_reader_reports_only_its_own_file_and_the_pre_filter_passes_bindings()
    {
        var reader = new CSharpSourceReader();
        var service = reader.Read(File(Code, Service)).Fragment.CodeClients;
        var use = Assert.Single(service.ImportedValues);
        Assert.Equal(("BaseUrl", "LlmOptions"), (use.Name, use.Via));
        Assert.Empty(service.OptionsBindings);

        var program = reader.Read(File(Project + "Program.cs", Program)).Fragment.CodeClients;
        Assert.Equal(new OptionsBinding("LlmOptions", "Llm", null, new SourceLocation(Project + "Program.cs", 3, 1)), Assert.Single(program.OptionsBindings));

        Assert.True(CSharpSourceReader.BindsOptions(Program));
        Assert.True(CSharpSourceReader.BindsOptions(Options));
        Assert.False(CSharpSourceReader.BindsOptions("builder.Services.AddSingleton<Clock>(); var name = builder.Configuration[\"App:Name\"];"));
    }
}
