using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers;
using GatewayAudit.Core.Readers.Code;

namespace GatewayAudit.Core.Tests.Readers.Code;

/// <summary>
/// Defect classes from the public-code corpus run of 2026-11-30 (bench/CODE-CORPUS.md), each with a fixture written in
/// the shape of the real code (never copied from it): what must be found and what must not.
/// </summary>
public sealed class CorpusShapeTests
{
    internal static StackModel Python(string path, string text) =>
        new PythonSourceReader().Read(new InputFile(path, "/scan/" + path, text, namedExplicitly: false)).Fragment;

    internal static StackModel JavaScript(string path, string text) =>
        new JavaScriptSourceReader().Read(new InputFile(path, "/scan/" + path, text, namedExplicitly: false)).Fragment;

    internal static StackModel Go(string path, string text) =>
        new GoSourceReader().Read(new InputFile(path, "/scan/" + path, text, namedExplicitly: false)).Fragment;

    private static Flow FlowTo(StackModel model, string id) => Assert.Single(model.Flows, f => f.From == LexicalInventory.AppId && f.To == id);

    // Class: an SDK that only ever talks to its vendor, with its address from an expression the file does not
    // resolve, became a second party of unknown hosting beside the vendor's own row.

    private const string ErrorReporting = """
        import sentry_sdk
        from sentry_sdk.integrations.langchain import LangchainIntegration

        from app.settings import config


        def start_error_reporting():
            if config.error_dsn:
                sentry_sdk.init(
                    dsn=config.error_dsn,
                    integrations=[LangchainIntegration()],
                    traces_sample_rate=0.2,
                    send_default_pii=True,
                )

        """;

    [Fact]
    public void Sentry_with_its_dsn_from_settings_is_one_Sentry_row_that_records_prompts()
    {
        var model = Python("app/error_reporting.py", ErrorReporting);
        Assert.Equal(["app:code", "exporter:sentry"], model.Components.Select(c => c.Id));
        var sentry = model.Find("exporter:sentry")!;
        Assert.Contains(sentry.Notes, n => n.Contains("config.error_dsn", StringComparison.Ordinal) && n.Contains("region is not shown", StringComparison.Ordinal));
        Assert.Contains(DataCategory.Prompt, FlowTo(model, "exporter:sentry").DataCategories); // send_default_pii=True
        Assert.Empty(model.OpenQuestions);
    }

    [Fact]
    public void A_provider_client_with_its_address_from_settings_stays_an_endpoint_nobody_can_name()
    {
        const string Worker = """
            from openai import OpenAI

            from app.settings import config

            client = OpenAI(base_url=config.llm_base_url, api_key=config.llm_key)
            reply = client.chat.completions.create(model="qwen2.5", messages=[{"role": "user", "content": "hi"}])

            """;
        var model = Python("app/worker.py", Worker);
        var unknown = Assert.Single(model.Components, c => c.Id.StartsWith("provider:unresolved:", StringComparison.Ordinal));
        Assert.Equal(Hosting.Unknown, unknown.Hosting);
        Assert.Null(model.Find("provider:openai"));
    }

    [Fact]
    public void An_Azure_OpenAI_client_with_its_endpoint_from_settings_is_Azure_OpenAI_with_the_resource_open()
    {
        const string Program = """
            using Azure.AI.OpenAI;
            using System.ClientModel;

            var settings = AgentSettings.Load();
            var client = new AzureOpenAIClient(new Uri(settings.AzureOpenAiEndpoint), new ApiKeyCredential(settings.AzureOpenAiKey));
            var chat = client.GetChatClient("gpt-4.1");
            var answer = await chat.CompleteChatAsync("Summarise the ticket");

            """;
        var model = CSharpSourceReaderTests.Read("Agent/Program.cs", Program);
        var azure = model.Find("provider:azure-openai")!;
        Assert.Equal((ComponentRole.ModelProvider, Hosting.ThirdParty), (azure.Role, azure.Hosting));
        Assert.Contains(azure.Notes, n => n.Contains("settings.AzureOpenAiEndpoint", StringComparison.Ordinal));
        Assert.DoesNotContain(model.Components, c => c.Id.StartsWith("provider:setting:", StringComparison.Ordinal));
    }

    [Fact]
    public void An_OpenAI_client_with_its_endpoint_from_settings_stays_unknown()
    {
        const string Program = """
            using OpenAI;
            using System.ClientModel;

            var settings = AgentSettings.Load();
            var client = new OpenAIClient(new ApiKeyCredential(settings.Key), new OpenAIClientOptions { Endpoint = new Uri(settings.Endpoint) });
            var answer = await client.GetChatClient("local").CompleteChatAsync("Summarise the ticket");

            """;
        var model = CSharpSourceReaderTests.Read("Agent/Program.cs", Program);
        var unknown = Assert.Single(model.Components, c => c.Id.StartsWith("provider:setting:", StringComparison.Ordinal));
        Assert.Equal(Hosting.Unknown, unknown.Hosting);
        Assert.Null(model.Find("provider:openai"));
    }

    // Class: SDK shapes not recognised (Google's Gen AI .NET client, Pydantic Logfire).

    [Theory]
    [InlineData("""
        using Google.GenAI;

        var client = new Client(apiKey: Environment.GetEnvironmentVariable("GEMINI_API_KEY"));
        var reply = await client.Models.GenerateContentAsync(model: "gemini-2.5-flash", contents: "Plan my week");

        """)]
    [InlineData("""
        using Microsoft.Extensions.AI;

        Google.GenAI.Client gemini = new(apiKey: Secrets.GeminiKey);
        IChatClient chat = gemini.AsIChatClient("gemini-2.5-flash");

        """)]
    public void Googles_Gen_AI_client_is_the_Gemini_API(string program)
    {
        var model = CSharpSourceReaderTests.Read("Planner/Program.cs", program);
        var gemini = model.Find("provider:google-gemini-api")!;
        Assert.Equal((ComponentRole.ModelProvider, Hosting.ThirdParty), (gemini.Role, gemini.Hosting));
    }

    [Fact]
    public void Googles_Gen_AI_client_with_vertexAI_true_is_Vertex_AI()
    {
        const string Program = """
            using Google.GenAI;

            var client = new Client(vertexAI: true, project: "acme-ml", location: "europe-west4");
            var reply = await client.Models.GenerateContentAsync(model: "gemini-2.5-flash", contents: "Plan my week");

            """;
        var model = CSharpSourceReaderTests.Read("Planner/Program.cs", Program);
        Assert.NotNull(model.Find("provider:google-vertex-ai"));
        Assert.Null(model.Find("provider:google-gemini-api"));
    }

    [Fact]
    public void A_class_named_Client_without_the_Google_namespace_is_no_party()
    {
        const string Program = """
            using Acme.Billing;
            using OpenAI;

            var client = new Client(apiKey: Environment.GetEnvironmentVariable("BILLING_KEY"));
            await client.Invoices.SendAsync();

            """;
        var model = CSharpSourceReaderTests.Read("Billing/Program.cs", Program);
        Assert.Null(model.Find("provider:google-gemini-api"));
    }

    [Fact]
    public void Logfire_configured_with_an_LLM_instrumentation_records_prompts()
    {
        const string Worker = """
            import logfire
            from openai import OpenAI

            logfire.configure(token=os.getenv("LOGFIRE_TOKEN"), service_name="summariser")
            logfire.instrument_openai()

            client = OpenAI()
            reply = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "hi"}])
            logfire.info("summary done: {n} words", n=len(reply.choices[0].message.content))

            """;
        var model = Python("worker/summarise.py", Worker);
        var logfire = model.Find("exporter:logfire")!;
        Assert.Equal(("logfire", Hosting.ThirdParty), (logfire.Vendor, logfire.Hosting));
        Assert.Contains(DataCategory.Prompt, FlowTo(model, "exporter:logfire").DataCategories);
    }

    [Fact]
    public void Logfire_that_only_logs_sends_metadata_and_send_to_logfire_False_sends_nothing()
    {
        const string Logging = """
            import logfire

            logfire.configure()
            logfire.info("started")

            """;
        Assert.Equal([DataCategory.Metadata], FlowTo(Python("app/log.py", Logging), "exporter:logfire").DataCategories);

        const string Local = """
            import logfire

            logfire.configure(send_to_logfire=False, console=True)
            logfire.instrument_openai()

            """;
        Assert.Null(Python("app/local_log.py", Local).Find("exporter:logfire"));
    }

    // Class: a private address given to an observability SDK became a self-hosted inference server, and the backend
    // itself stayed a third party.

    [Fact]
    public void A_Langfuse_base_url_on_the_operators_network_is_a_self_hosted_Langfuse_not_an_inference_server()
    {
        const string Tracing = """
            import os
            from langfuse.openai import OpenAI

            os.environ["LANGFUSE_PUBLIC_KEY"] = "pk-lf-..."
            os.environ["LANGFUSE_BASE_URL"] = "http://langfuse-web.observability.svc:3000"

            client = OpenAI(base_url="https://api.anthropic.com/v1/")
            reply = client.chat.completions.create(model="claude-sonnet-4-5", messages=[{"role": "user", "content": "hi"}])

            """;
        var model = Python("tracing/main.py", Tracing);
        var langfuse = model.Find("exporter:langfuse")!;
        Assert.Equal((Hosting.OperatorHosted, "langfuse-web.observability.svc"), (langfuse.Hosting, langfuse.Attributes["host"]));
        Assert.DoesNotContain(model.Components, c => c.Role == ComponentRole.SelfHostedInference);
        Assert.NotNull(model.Find("provider:anthropic"));
    }

    [Fact]
    public void A_private_address_given_to_a_provider_SDK_is_still_self_hosted_inference()
    {
        const string Local = """
            from openai import OpenAI

            client = OpenAI(base_url="http://localhost:11434/v1/", api_key="ollama")
            reply = client.chat.completions.create(model="llama3.2", messages=[{"role": "user", "content": "hi"}])

            """;
        var model = Python("local/chat.py", Local);
        Assert.Equal(ComponentRole.SelfHostedInference, model.Find("inference:localhost:ollama")!.Role);
    }

    // Class: a community OpenRouter client's positional site URL (sent as HTTP-Referer) was taken as its endpoint.

    [Fact]
    public void A_positional_site_url_of_a_community_OpenRouter_client_is_not_its_endpoint()
    {
        const string Program = """
            using OpenRouterClientLite;

            using var client = new OpenRouterClient(Environment.GetEnvironmentVariable("OPENROUTER_API_KEY")!, "NotesApp", "https://notes.example.org");
            var reply = await client.GenerateResponseAsync(model: "deepseek/deepseek-chat:free", prompt: "Summarise my notes");

            """;
        var model = CSharpSourceReaderTests.Read("Notes/Program.cs", Program);
        Assert.NotNull(model.Find("provider:openrouter"));
        Assert.DoesNotContain(model.Components, c => c.Id.Contains("notes.example.org", StringComparison.Ordinal));
    }

    [Fact]
    public void A_positional_gateway_or_private_url_is_still_the_endpoint()
    {
        const string Program = """
            using OpenRouterClientLite;

            using var eu = new OpenRouterClient(Environment.GetEnvironmentVariable("OPENROUTER_API_KEY")!, "https://eu.openrouter.ai/api/v1");
            using var local = new OllamaApiClient("http://gpu-box.internal:11434", "llama3.2");

            """;
        var model = CSharpSourceReaderTests.Read("Notes/Program.cs", Program);
        Assert.Equal("eu.openrouter.ai", model.Find("provider:openrouter")!.Attributes["host"]);
        Assert.NotNull(model.Find("inference:gpu-box.internal"));
    }

    // Class: openai-go's Azure option was not read, so an Azure OpenAI client showed as OpenAI.

    private static StackModel OpenAiGoProvider(string package, string options) => Go($"llm/{package}/{package}.go", $$"""
        package {{package}}

        import (
        	"github.com/openai/openai-go"
        	"github.com/openai/openai-go/{{package switch { "azure" => "azure", _ => "option" }}}"
        )

        func New(cfg Config) openai.Client {
        	return openai.NewClient({{options}})
        }

        """);

    [Fact]
    public void An_openai_go_client_with_the_azure_endpoint_option_is_Azure_OpenAI()
    {
        var model = OpenAiGoProvider("azure", "azure.WithEndpoint(cfg.Endpoint, cfg.APIVersion), azure.WithAPIKey(cfg.Key)");
        var azure = model.Find("provider:azure-openai")!;
        Assert.Equal(Hosting.ThirdParty, azure.Hosting);
        Assert.Contains(azure.Notes, n => n.Contains("cfg.Endpoint", StringComparison.Ordinal));
        Assert.Null(model.Find("provider:openai"));
    }

    [Fact]
    public void An_openai_go_client_with_a_configured_base_url_stays_unknown()
    {
        var model = OpenAiGoProvider("generic", "option.WithAPIKey(cfg.Key), option.WithBaseURL(cfg.BaseURL)");
        Assert.Single(model.Components, c => c.Id.StartsWith("provider:unresolved:", StringComparison.Ordinal));
        Assert.Null(model.Find("provider:azure-openai"));
    }
}
