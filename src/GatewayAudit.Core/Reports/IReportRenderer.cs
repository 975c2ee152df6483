using GatewayAudit.Core.Policies;

namespace GatewayAudit.Core.Reports;

/// <summary>Renders the report model in one output format. Register new formats in <see cref="RendererRegistry"/>.</summary>
public interface IReportRenderer
{
    /// <summary>The --format name ("md", "json").</summary>
    string Format { get; }

    string Render(Report report);

    /// <summary>
    /// Writes the report to <paramref name="output"/> as UTF-8, every text passed through <paramref name="clean"/> (the
    /// secret sweep and the control-character filter). By default the rendered text is cleaned whole and written;
    /// a format that can stream (JSON) cleans each string value and never holds the whole report in memory.
    /// </summary>
    void Write(Report report, Stream output, Func<string, string> clean) =>
        output.Write(System.Text.Encoding.UTF8.GetBytes(clean(Render(report))));
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
