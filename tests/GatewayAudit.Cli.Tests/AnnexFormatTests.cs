using GatewayAudit.Core.Reports;
using GatewayAudit.Core.Scanning;

namespace GatewayAudit.Cli.Tests;

/// <summary>
/// <c>--format annex</c> writes only the annex, <c>--format csv</c> the annex as CSV for spreadsheets: one row per
/// sub-processor, stable, and no cell a spreadsheet would run as a formula.
/// </summary>
public sealed class AnnexFormatTests
{
    private const string Example = "examples/litellm-langfuse-postgres-redis";

    [Fact]
    public void The_annex_format_holds_the_annex_and_nothing_else()
    {
        var text = CliRunner.RunInRepo("scan", Example, "--format", "annex").AssertNoStackTrace().AssertExit(0).Stdout;
        Assert.StartsWith("## Annex: sub-processors\n", text, StringComparison.Ordinal);
        Assert.Contains("### Sub-processors\n", text, StringComparison.Ordinal);
        Assert.Contains("### Operator-run systems that hold the data\n", text, StringComparison.Ordinal);
        Assert.Contains("### Vendor facts to confirm\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("## Findings", text, StringComparison.Ordinal);
        Assert.DoesNotContain("```mermaid", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_csv_has_a_header_and_one_row_per_sub_processor_in_the_annexs_order()
    {
        var audit = Auditor.Default.Run(new AuditOptions { Paths = [Example], WorkingDirectory = RepoPaths.Root });
        var report = ReportBuilder.Build(audit);
        var text = CliRunner.RunInRepo("scan", Example, "--format", "csv").AssertNoStackTrace().AssertExit(0).Stdout;
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(string.Join(",", AnnexCsvRenderer.Columns), lines[0]);
        Assert.Equal(report.Annex.Subprocessors.Count, lines.Length - 1);
        Assert.All(report.Annex.Subprocessors.Zip(lines.Skip(1)), pair =>
            Assert.True(pair.Second.StartsWith(pair.First.Name + ",", StringComparison.Ordinal) || pair.Second.StartsWith($"\"{pair.First.Name}\",", StringComparison.Ordinal), pair.Second));
        Assert.Equal(text, CliRunner.RunInRepo("scan", Example, "--format", "csv").Stdout);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"https://attacker.example\")")]
    [InlineData("+1+1")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1:A9)")]
    [InlineData("\tcmd")]
    public void A_cell_that_would_run_as_a_formula_is_neutralised(string hostile)
    {
        var report = ReportBuilder.Build(Auditor.Default.Run(new AuditOptions { Paths = [Example], WorkingDirectory = RepoPaths.Root }));
        var first = report.Annex.Subprocessors[0] with { Name = hostile, Purpose = hostile, Safeguards = hostile };
        var csv = new AnnexCsvRenderer().Render(report with { Annex = report.Annex with { Subprocessors = [first] } });
        var row = csv.Split("\r\n")[1];

        Assert.DoesNotMatch("(^|,)\"?[=+\\-@\\t]", row);
        Assert.Contains("'" + hostile[0], row, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_and_html_summaries_count_the_annexs_rows_alike()
    {
        // agent-repo reaches OpenAI and Anthropic directly and through gateways on its own keys: one annex row each.
        var md = CliRunner.RunInRepo("scan", "examples/agent-repo").AssertNoStackTrace().AssertExit(0).Stdout;
        var html = CliRunner.RunInRepo("scan", "examples/agent-repo", "--format", "html").AssertNoStackTrace().AssertExit(0).Stdout;
        var report = ReportBuilder.Build(Auditor.Default.Run(new AuditOptions { Paths = ["examples/agent-repo"], WorkingDirectory = RepoPaths.Root }));

        var rows = report.Annex.Subprocessors.Count;
        Assert.Equal(rows, report.Summary.AnnexSubprocessors);
        Assert.Contains($"| Sub-processors (third parties) | {rows} |", md, StringComparison.Ordinal);
        Assert.Contains($"<span class=\"n\">{rows}</span><span class=\"l\">Sub-processors (third parties)</span>", html, StringComparison.Ordinal);
        Assert.Single(report.Annex.Subprocessors, s => s.Name == "OpenAI");
        Assert.Contains($"| Receiving prompt text | {report.Summary.PartiesReceivingPrompts} |", md, StringComparison.Ordinal);
        Assert.Contains($"<span class=\"n\">{report.Summary.PartiesReceivingPrompts}</span><span class=\"l\">Receiving prompt text</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_names_the_annex_formats()
    {
        var help = CliRunner.RunInRepo("scan", "--help").AssertExit(0).Stdout;
        Assert.Contains("annex (only the DPA sub-processor annex", help, StringComparison.Ordinal);
        Assert.Contains("csv (the annex as CSV", help, StringComparison.Ordinal);
    }
}
