using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace GatewayAudit.Core.Reports;

/// <summary>
/// HTML: the Markdown report (so every section the Markdown has, in the same order) turned into HTML by Markdig with
/// raw HTML disabled, then shaped for reading in a browser: a table of contents from the headings, severity and ZDR
/// badges, tables the page's small script can sort and filter, and the Mermaid block replaced by an SVG laid out
/// here (<see cref="DataFlowSvg"/>). The page template (templates/report.html.liquid) adds the summary header. One
/// self-contained file: no script, style, font or image is loaded from anywhere.
/// </summary>
public sealed partial class HtmlRenderer(MarkdownRenderer markdown, string pageTemplatePath) : IReportRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseAutoIdentifiers().DisableHtml().Build();

    private static readonly string[] Severities = ["critical", "high", "medium", "low", "info"];

    public string Format => "html";

    public string Render(Report report)
    {
        var document = Markdown.Parse(markdown.Render(report), Pipeline);
        var toc = new List<Dictionary<string, object?>>();
        var title = "Gateway sub-processor audit";
        if (document.OfType<HeadingBlock>().FirstOrDefault(h => h.Level == 1) is { } h1)
        {
            // The page header shows the report's title with the counts under it.
            title = PlainText(h1.Inline);
            document.Remove(h1);
        }

        foreach (var block in document.Descendants().ToList())
        {
            switch (block)
            {
                case HeadingBlock { Level: 2 or 3 } heading when heading.GetAttributes().Id is { } id:
                    toc.Add(new() { ["id"] = id, ["text"] = PlainText(heading.Inline), ["level"] = heading.Level });
                    break;
                case Table table:
                    Decorate(table);
                    break;
                case FencedCodeBlock { Info: "mermaid" } mermaid:
                    ReplaceWithDiagram(mermaid, report);
                    break;
            }
        }

        var body = document.ToHtml(Pipeline);
        var unsuppressed = report.Findings.Where(f => !f.Suppressed).ToList();
        return ReportTemplate.Load(pageTemplatePath).Render(report, new Dictionary<string, object?>
        {
            ["body"] = body,
            ["title"] = title,
            ["toc"] = toc,
            ["headline"] = Headline(report.Summary),
            ["severityCounts"] = Severities.Select(s => new Dictionary<string, object?> { ["severity"] = s, ["count"] = unsuppressed.Count(f => f.Severity == s) }).ToList(),
        });
    }

    /// <summary>
    /// The counts the Markdown summary prints, in its order and words, so the two formats agree on what a reader
    /// counts: sub-processors are the annex's rows (one per contract), not the technical inventory's components.
    /// </summary>
    private static List<Dictionary<string, object?>> Headline(SummarySection s) =>
    [
        Card("Sub-processors (third parties)", s.AnnexSubprocessors),
        Card("Operator-run systems holding the data", s.OperatorSystems),
        Card("Receiving prompt text", s.PartiesReceivingPrompts),
        Card("Retention surfaces", s.RetentionSurfaces),
        Card("ZDR gaps", s.ZdrGaps),
        Card("Findings", s.Findings),
        Card("Suppressed findings", s.SuppressedFindings),
        Card("Open questions", s.OpenQuestions),
        Card("Vendor facts to confirm", s.FactsToConfirm),
    ];

    private static Dictionary<string, object?> Card(string label, int value) => new() { ["label"] = label, ["value"] = value };

    /// <summary>A sortable table; cells of a "Severity" or "ZDR" column carry a badge (the class comes from a fixed list, never from the cell's text).</summary>
    private static void Decorate(Table table)
    {
        table.GetAttributes().AddClass("data");
        if (table.FirstOrDefault() is not TableRow { IsHeader: true } header)
        {
            return;
        }

        var columns = header.Cast<TableCell>().Select(c => PlainText(c)).ToList();
        foreach (var (name, values) in new[] { ("Severity", Severities), ("ZDR", new[] { "yes", "no", "partial", "unknown", "n/a" }) })
        {
            var index = columns.FindIndex(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                continue;
            }

            foreach (var row in table.Skip(1).OfType<TableRow>())
            {
                if (index < row.Count && row[index] is TableCell { } cell && cell.LastChild is ParagraphBlock { Inline: { } inline })
                {
                    var text = PlainText(cell);
                    var value = values.FirstOrDefault(v => text == v || text.StartsWith(v + " ", StringComparison.Ordinal));
                    if (value is not null)
                    {
                        var kind = name == "ZDR" ? "zdr-" + (value == "n/a" ? "na" : value) : "sev-" + value;
                        inline.FirstChild?.InsertBefore(new HtmlInline($"<span class=\"badge {kind}\">"));
                        inline.AppendChild(new HtmlInline("</span>"));
                        cell.GetAttributes().AddProperty("data-sort", (Array.IndexOf(values, value) + 1).ToString(CultureInfo.InvariantCulture));
                    }
                }
            }
        }
    }

    /// <summary>The Mermaid block becomes the drawn diagram, with its source kept under a disclosure for copying.</summary>
    private static void ReplaceWithDiagram(FencedCodeBlock mermaid, Report report)
    {
        var source = WebUtility.HtmlEncode(mermaid.Lines.ToString());
        var html = "<figure class=\"diagram\">\n" + DataFlowSvg.Render(report.Components, report.Flows) + "\n</figure>\n"
            + "<details class=\"mermaid-source\"><summary>Mermaid source (renders on GitHub)</summary>\n<pre><code>" + source + "</code></pre>\n</details>";
        var parent = mermaid.Parent!;
        var replacement = new HtmlBlock(null);
        replacement.Lines = new Markdig.Helpers.StringLineGroup(html);
        parent.Insert(parent.IndexOf(mermaid), replacement);
        parent.Remove(mermaid);
    }

    private static string PlainText(Block? block) => block switch
    {
        LeafBlock { Inline: { } inline } => PlainText(inline),
        ContainerBlock container => string.Concat(container.Select(PlainText)),
        _ => "",
    };

    private static string PlainText(Inline? inline) => Text(inline).Trim();

    private static string Text(Inline? inline) => inline switch
    {
        LiteralInline literal => literal.Content.ToString(),
        CodeInline code => code.Content,
        ContainerInline container => string.Concat(container.Select(Text)),
        LineBreakInline => " ",
        _ => "",
    };
}
