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
}
