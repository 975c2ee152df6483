using GatewayAudit.Core.Policies;

namespace GatewayAudit.Core.Reports;

/// <summary>Renders the report model in one output format. Register new formats in <see cref="RendererRegistry"/>.</summary>
public interface IReportRenderer
{
    /// <summary>The --format name ("md", "json").</summary>
    string Format { get; }

    string Render(Report report);
}

/// <summary>The one place output formats are registered.</summary>
public static class RendererRegistry
{
    /// <param name="rules">The rules evaluated, for formats that describe rules (SARIF); findings of other rules still render.</param>
    public static IReadOnlyList<IReportRenderer> Create(string templatesDir, string? markdownTemplate = null, IReadOnlyList<PolicyRule>? rules = null)
    {
        var markdown = new MarkdownRenderer(markdownTemplate ?? Path.Combine(templatesDir, "report.md.liquid"));
        return
        [
            markdown, new JsonRenderer(), new HtmlRenderer(markdown, Path.Combine(templatesDir, "report.html.liquid")), new SarifRenderer(rules ?? []),
            new AnnexMarkdownRenderer(Path.Combine(templatesDir, "annex.md.liquid")), new AnnexCsvRenderer(),
        ];
    }

    public static IReadOnlyList<string> Formats { get; } = ["md", "json", "html", "sarif", "annex", "csv"];
}
