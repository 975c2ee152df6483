namespace GatewayAudit.Core.Reports;

/// <summary>Markdown from a Liquid template (templates/report.md.liquid by default, or the user's own), run by <see cref="ReportTemplate"/>.</summary>
public sealed class MarkdownRenderer(string templatePath) : IReportRenderer
{
    public string Format => "md";

    public string TemplatePath { get; } = templatePath;

    /// <summary>The rendered template, ending in exactly one newline whatever whitespace the template leaves.</summary>
    public string Render(Report report) => ReportTemplate.Load(TemplatePath).Render(report).TrimEnd('\n', ' ') + "\n";
}
