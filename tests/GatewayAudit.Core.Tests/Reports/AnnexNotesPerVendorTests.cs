using GatewayAudit.Core.Reports;
using GatewayAudit.Core.Scanning;

namespace GatewayAudit.Core.Tests.Reports;

/// <summary>
/// The bundled agent repository lists Portkey twice in the annex (its gateway, and the host of its response cache): the
/// notes under the annex table name each vendor once, with its notes of both rows beneath it.
/// </summary>
public sealed class AnnexNotesPerVendorTests
{
    [Fact]
    public void A_vendor_with_two_annex_rows_has_one_entry_in_the_notes_list()
    {
        var audit = Auditor.Default.Run(new AuditOptions { Paths = [RepoPaths.Combine("examples", "agent-repo")], WorkingDirectory = RepoPaths.Root, Today = new DateOnly(2026, 12, 1) });
        var report = ReportBuilder.Build(audit);
        Assert.Equal(2, report.Annex.Subprocessors.Count(s => s.Name == "Portkey"));

        var markdown = new MarkdownRenderer(RepoPaths.Combine("templates", "report.md.liquid")).Render(report);
        var notes = markdown[markdown.IndexOf("What the inputs show about these parties", StringComparison.Ordinal)..markdown.IndexOf("## Operator-run systems", StringComparison.Ordinal)];
        Assert.Single(notes.Split('\n'), l => l.StartsWith("- **Portkey**", StringComparison.Ordinal));
        Assert.Contains("  - Simple cache: keeps responses keyed by the exact request", notes, StringComparison.Ordinal);
        Assert.Contains("  - Portkey's hosted gateway receives each prompt", notes, StringComparison.Ordinal);
    }
}
