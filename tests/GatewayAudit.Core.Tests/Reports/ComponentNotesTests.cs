using GatewayAudit.Core.Reports;
using GatewayAudit.Core.Scanning;
using GatewayAudit.Core.Tests.Policies;

namespace GatewayAudit.Core.Tests.Reports;

/// <summary>
/// Facts the stack assembly and readers state as component notes reach the human reports, not only the JSON: a
/// LiteLLM proxy whose compose service shows its whole environment without DATABASE_URL has no spend-log database,
/// said under the operator-run systems in Markdown, HTML and the annex; a Helicone omit header is said under the annex
/// table; notes the report already says elsewhere (the catalog's host match, "Called from") are left out.
/// </summary>
public sealed class ComponentNotesTests
{
    private const string Compose = """
        services:
          litellm:
            image: ghcr.io/berriai/litellm:v1.84.0
            command: ["--config", "/app/config.yaml"]
            volumes:
              - ./proxy/config.yaml:/app/config.yaml:ro
            environment:
              ANTHROPIC_API_KEY: ${ANTHROPIC_API_KEY}

        """;

    private const string Config = """
        model_list:
          - model_name: claude
            litellm_params: {model: anthropic/claude-sonnet-4-5, api_key: os.environ/ANTHROPIC_API_KEY}

        """;

    private const string HeliconeTs = """
        import OpenAI from "openai";

        const openai = new OpenAI({
          baseURL: "https://oai.helicone.ai/v1",
          defaultHeaders: { "Helicone-Auth": `Bearer ${process.env.HELICONE_API_KEY}`, "Helicone-Omit-Request": "true" },
        });

        export const reply = (q: string) => openai.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: q }] });

        """;

    private static (Report Report, string Markdown, string Html, string Annex) Render()
    {
        using var folder = new TemporaryFolder();
        folder.Write("docker-compose.yaml", Compose);
        folder.Write("proxy/config.yaml", Config);
        folder.Write("web/llm.ts", HeliconeTs);
        var audit = Auditor.Default.Run(new AuditOptions { Paths = ["."], WorkingDirectory = folder.Path, Today = new DateOnly(2026, 12, 1) });
        var report = ReportBuilder.Build(audit);
        var markdown = new MarkdownRenderer(RepoPaths.Combine("templates", "report.md.liquid"));
        return (report, markdown.Render(report), new HtmlRenderer(markdown, RepoPaths.Combine("templates", "report.html.liquid")).Render(report),
            new MarkdownRenderer(RepoPaths.Combine("templates", "annex.md.liquid")).Render(report));
    }

    [Fact]
    public void The_proxy_without_a_spend_log_database_is_said_under_the_operator_run_systems_in_every_human_report()
    {
        var (report, markdown, html, annex) = Render();
        var proxy = Assert.Single(report.Annex.OperatorSystems, o => o.Id == "gateway:litellm-proxy");
        Assert.Contains(proxy.Notes!, n => n.StartsWith("No spend-log database", StringComparison.Ordinal));

        const string Line = "- **LiteLLM proxy**: No spend-log database: the config sets no general_settings.database_url and the compose service 'litellm' that runs it (docker-compose.yaml:2) is given no DATABASE_URL";
        var operatorSection = markdown[markdown.IndexOf("## Operator-run systems", StringComparison.Ordinal)..markdown.IndexOf("## Vendor facts to confirm", StringComparison.Ordinal)];
        Assert.Contains(Line, operatorSection, StringComparison.Ordinal);
        Assert.Contains(Line, annex, StringComparison.Ordinal);
        Assert.Contains("<strong>LiteLLM proxy</strong>: No spend-log database", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Third_party_notes_are_said_under_the_annex_without_those_said_elsewhere()
    {
        var (_, markdown, _, _) = Render();
        Assert.Contains("- **Helicone**:\n  - Helicone is an observability gateway", markdown, StringComparison.Ordinal);
        Assert.Contains("\n  - Helicone-Omit-Request: true: the request (the prompt) is still sent to Helicone", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("belongs to Helicone (catalog)", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("Receives every prompt and completion in memory", markdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Host oai.helicone.ai belongs to Helicone (catalog).", false)]
    [InlineData("Called from web/llm.ts: line 8 (chat).", false)]
    [InlineData("Possible party, lower confidence (import-only): the mistralai SDK is imported at w.py:2, but w.py creates no client and makes no call with it.", false)]
    [InlineData("No maximum_spend_logs_retention_period: spend-log rows are kept until someone deletes them.", true)]
    [InlineData("Called through Portkey with the operator's own provider credentials (virtual key, integration or api_key): the provider's retention and ZDR are the operator's account terms with it.", true)]
    public void A_note_is_shown_unless_the_report_says_it_elsewhere(string note, bool shown) =>
        Assert.Equal(shown, ComponentNotes.Shown([note]) is not null);
}
