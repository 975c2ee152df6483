using System.Text.Json;
using GatewayAudit.Core.Reports;
using GatewayAudit.Core.Scanning;
using GatewayAudit.Core.Tests.Policies;

namespace GatewayAudit.Core.Tests.Reports;

/// <summary>
/// A stack's section of a many-stack report is built without the parts of a report it never shows (annex rows,
/// retention surfaces, facts to confirm): what it shows, and every count of its summary, must still be what a report
/// of that stack alone says.
/// </summary>
public sealed class StackRowTests
{
    [Fact]
    public void A_stacks_section_shows_and_counts_what_the_stacks_own_report_does()
    {
        using var folder = new TemporaryFolder();
        folder.Write("teams/mixed/config.yaml", """
            model_list:
              - model_name: claude
                litellm_params: {model: anthropic/claude-sonnet-4-5, api_key: os.environ/ANTHROPIC_API_KEY}
              - model_name: llama
                litellm_params: {model: openrouter/meta-llama/llama-3.3-70b-instruct, api_key: os.environ/OPENROUTER_API_KEY}
            litellm_settings:
              success_callback: [langfuse]
              cache: true
              cache_params: {type: redis, host: cache.example.net, ttl: 600}
            environment_variables:
              LANGFUSE_HOST: https://cloud.langfuse.com
            general_settings:
              master_key: os.environ/LITELLM_MASTER_KEY
              database_url: postgresql://litellm:os.environ/PGPASS@localhost:5432/litellm
            """);
        // OpenAI reached directly and through Helicone on the operator's own key: one annex row for two inventory rows.
        folder.Write("teams/agent/web/llm.ts", """
            import OpenAI from "openai";
            const client = new OpenAI({
              apiKey: process.env.OPENAI_API_KEY,
              baseURL: "https://oai.helicone.ai/v1",
              defaultHeaders: { "Helicone-Auth": `Bearer ${process.env.HELICONE_API_KEY}` },
            });
            export const answer = (q: string) => client.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: q }] });
            """);
        folder.Write("teams/agent/worker/summarize.py", """
            from openai import OpenAI

            client = OpenAI()

            def summarize(text):
                return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": text}])
            """);
        folder.Write("teams/plain/config.yaml", """
            model_list:
              - model_name: gpt
                litellm_params: {model: openai/gpt-4o, api_key: os.environ/OPENAI_API_KEY}
            """);
        var audit = Auditor.Default.Run(new AuditOptions { Paths = ["teams"], WorkingDirectory = folder.Path, Today = new DateOnly(2026, 11, 30) });
        Assert.True(audit.Complete, string.Join("\n", audit.Diagnostics.Select(d => d.Message)));

        var rows = ReportBuilder.Build(audit).Stacks;

        Assert.NotNull(rows);
        Assert.Equal(audit.Stacks.Count, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var own = ReportBuilder.Build(new AuditResult
            {
                Inputs = [],
                Model = audit.Stacks[i].Stack.Model,
                Catalog = audit.Catalog,
                Findings = audit.Stacks[i].Findings,
                Diagnostics = [],
                Secrets = audit.Secrets,
            });
            var row = rows[i];
            Assert.Equal(own.Summary, row.Summary);
            Assert.Equal(Json(own.Subprocessors), Json(row.Subprocessors));
            Assert.Equal(Json(own.Findings), Json(row.Findings));
            Assert.Equal(Json(own.ZdrGaps), Json(row.ZdrGaps));
            Assert.Equal(Json(own.OpenQuestions), Json(row.OpenQuestions));
        }

        // The cases the counts must get right are all there: merged annex rows, the operator's systems, surfaces, facts.
        var summaries = rows.Select(r => r.Summary).ToList();
        Assert.Contains(summaries, s => s.AnnexSubprocessors + s.OperatorSystems < s.Subprocessors);
        Assert.Contains(summaries, s => s.OperatorSystems > 0 && s.RetentionSurfaces > 0 && s.FactsToConfirm > 0 && s.PartiesReceivingPrompts > 0);
    }

    private static string Json<T>(IReadOnlyList<T> rows) => JsonSerializer.Serialize(rows, JsonRenderer.Options);
}
