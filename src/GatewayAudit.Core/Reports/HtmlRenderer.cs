using Markdig;

namespace GatewayAudit.Core.Reports;

/// <summary>HTML: the Markdown report turned into HTML by Markdig, placed in a page template (templates/report.html.liquid).</summary>
public sealed class HtmlRenderer(MarkdownRenderer markdown, string pageTemplatePath) : IReportRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseAutoIdentifiers().DisableHtml().Build();

    public string Format => "html";

    public string Render(Report report)
    {
        var body = Markdown.ToHtml(markdown.Render(report), Pipeline);
        return ReportTemplate.Load(pageTemplatePath).Render(report, new Dictionary<string, object?> { ["body"] = body });
    }
}
