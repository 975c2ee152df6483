using System.Text;
using GatewayAudit.Core.Model;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace GatewayAudit.Core.Dpa;

/// <summary>
/// A sub-processor annex written in Markdown, parsed with Markdig (pipe tables, as GitHub renders them): every table
/// with a column that names the party (<see cref="AnnexColumns"/>) gives one entry per row. A file without such a
/// table is read as a list: every list item without a nested list is one entry, named by its words before the first
/// dash or colon ("OpenAI, L.L.C. — LLM inference, USA"); when some lists stand under a heading about sub-processors or
/// vendors, only those are read. Tables and lists under a heading about operator-run systems
/// (the report's own "Operator-run systems that hold the data") are not sub-processors and are passed over.
/// </summary>
public static class MarkdownAnnexReader
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().Build();

    /// <summary>Where a list item's name ends and its description starts.</summary>
    private static readonly string[] NameEnds = [" — ", " – ", " - ", ": ", " | ", "\t"];

    private const int MaxNameLength = 120;

    public static IReadOnlyList<DpaEntry>? Read(string text, string file, List<Diagnostic> diagnostics)
    {
        var document = Markdown.Parse(text, Pipeline);
        var fromTables = new List<DpaEntry>();
        var fromLists = new List<(DpaEntry Entry, bool UnderSubprocessorHeading)>();
        var unnamedTables = new List<(int Line, IReadOnlyList<string> Headings)>();
        var operatorSection = false;
        var subprocessorSection = false;
        foreach (var block in document.Descendants<Block>())
        {
            switch (block)
            {
                case HeadingBlock heading:
                    var words = PartyNames.Words(InlineText(heading.Inline));
                    operatorSection = (words.Contains("operator") && words.Any(w => w is "run" or "hosted" or "systems"))
                        || string.Concat(words).Contains("notsubprocessor", StringComparison.Ordinal);
                    subprocessorSection = !operatorSection && words.Any(w => w.Contains("processor", StringComparison.Ordinal) || w.StartsWith("vendor", StringComparison.Ordinal));
                    break;
                case Table table when !operatorSection:
                    if (TableEntries(table) is { } rows)
                    {
                        fromTables.AddRange(rows);
                    }
                    else
                    {
                        unnamedTables.Add((table.Line + 1, Headings(table)));
                    }

                    break;
                case ListItemBlock item when !operatorSection && !item.Descendants<ListBlock>().Any():
                    if (ListEntry(item) is { } entry)
                    {
                        fromLists.Add((entry, subprocessorSection));
                    }

                    break;
            }
        }

        if (fromTables.Count > 0 || (unnamedTables.Count == 0 && fromLists.Count > 0))
        {
            // A DPA with a sub-processor heading keeps its other lists (data categories, obligations) out of the annex.
            var underHeading = fromLists.Where(l => l.UnderSubprocessorHeading).Select(l => l.Entry).ToList();
            return fromTables.Count > 0 ? fromTables : underHeading.Count > 0 ? underHeading : [.. fromLists.Select(l => l.Entry)];
        }

        diagnostics.Add(unnamedTables.Count > 0
            ? Diagnostic.Error("dpa-no-name-column",
                $"no column of this table names the sub-processor (its columns: {string.Join(", ", unnamedTables[0].Headings)}); call one {AnnexColumns.Describe}",
                new SourceLocation(file, unnamedTables[0].Line))
            : Diagnostic.Error("dpa-no-annex",
                $"no sub-processor table or list found: write the annex as a Markdown table with a column called {AnnexColumns.Describe}, or as a list with one sub-processor per item",
                new SourceLocation(file, 1)));
        return null;
    }

    private static List<DpaEntry>? TableEntries(Table table)
    {
        var rows = table.OfType<TableRow>().ToList();
        if (rows.Count == 0 || !rows[0].IsHeader)
        {
            return null;
        }

        var columns = AnnexColumns.NameColumns(Headings(table));
        if (columns.Count == 0)
        {
            return null;
        }

        var entries = new List<DpaEntry>();
        foreach (var row in rows.Skip(1).Where(r => !r.IsHeader))
        {
            var cells = row.OfType<TableCell>().Select(CellText).ToList();
            var names = columns.Where(c => c < cells.Count).Select(c => cells[c]).Where(Names).ToList();
            if (names.Count > 0)
            {
                entries.Add(new DpaEntry(Shorten(names[0]), string.Join(" | ", names), row.Line + 1));
            }
        }

        return entries;
    }

    private static IReadOnlyList<string> Headings(Table table) =>
        table.OfType<TableRow>().FirstOrDefault()?.OfType<TableCell>().Select(CellText).ToList() ?? [];

    private static DpaEntry? ListEntry(ListItemBlock item)
    {
        if (item.Descendants<ParagraphBlock>().FirstOrDefault() is not { } paragraph)
        {
            return null;
        }

        var text = InlineText(paragraph.Inline).Trim();
        var end = NameEnds.Select(s => text.IndexOf(s, StringComparison.Ordinal)).Where(i => i > 0).DefaultIfEmpty(text.Length).Min();
        var name = text[..end].Trim();
        return Names(name) ? new DpaEntry(Shorten(name), name, paragraph.Line + 1) : null;
    }

    /// <summary>Whether a cell holds a name at all (not empty, not a dash or "n/a").</summary>
    private static bool Names(string text) => PartyNames.Words(text) is { Count: > 0 } words && !(words is ["n", "a"] or ["none"]);

    private static string Shorten(string name)
    {
        var oneLine = string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return oneLine.Length <= MaxNameLength ? oneLine : oneLine[..MaxNameLength] + "…";
    }

    private static string CellText(TableCell cell) =>
        string.Join(' ', cell.Descendants<LeafBlock>().Select(l => InlineText(l.Inline))).Trim();

    /// <summary>The plain text of inline Markdown: emphasis, links and code reduced to their words.</summary>
    private static string InlineText(ContainerInline? container)
    {
        var text = new StringBuilder();
        Append(container, text);
        return text.ToString();
    }

    private static void Append(Inline? inline, StringBuilder text)
    {
        switch (inline)
        {
            case LiteralInline literal:
                text.Append(literal.Content.ToString());
                break;
            case CodeInline code:
                text.Append(code.Content);
                break;
            case HtmlEntityInline entity:
                text.Append(entity.Transcoded.ToString());
                break;
            case AutolinkInline link:
                text.Append(link.Url);
                break;
            case LineBreakInline:
                text.Append(' ');
                break;
            case ContainerInline container:
                foreach (var child in container)
                {
                    Append(child, text);
                }

                break;
        }
    }
}
