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
        folder.Write("teams/mixed/config.yaml", AnnexTests.MixedStack);
        // OpenAI reached directly and through Helicone on the operator's own key: one annex row for two inventory rows.
        folder.Write("teams/agent/web/llm.ts", AnnexTests.OpenAiThroughHelicone);
        folder.Write("teams/agent/worker/summarize.py", AnnexTests.OpenAiDirect);
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
