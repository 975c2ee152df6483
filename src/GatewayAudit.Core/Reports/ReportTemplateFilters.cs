using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.RegularExpressions;
using Scriban.Runtime;

namespace GatewayAudit.Core.Reports;

/// <summary>
/// The filters report templates use to place values from the inputs (file names, config values, catalog text) in
/// Markdown without any of them becoming markup or a link: no raw HTML or autolink (every '&lt;' is escaped), no link
/// or image syntax, no code span opened by a value, no table row split by a pipe or a newline. '*' stays as written
/// (redactions read "sk-****"; at worst it is emphasis, never a tag or a link). GitHub's and Markdig's renderers both
/// honour CommonMark backslash escapes for ASCII punctuation (CommonMark 0.31, section 2.4).
/// </summary>
public static partial class ReportTemplateFilters
{
    /// <summary>The filters as Scriban functions: <c>{{ value | md_cell }}</c>.</summary>
    public static ScriptObject Functions { get; } = Create();

    /// <summary>Text safe inside a Markdown table cell: one line, pipes escaped, nothing that Markdown reads as markup.</summary>
    public static string MarkdownCell(string? text) => MarkdownText(text).Replace("|", "\\|", StringComparison.Ordinal);

    /// <summary>Text safe inside a list item, paragraph or heading: one line, nothing that Markdown reads as markup.</summary>
    public static string MarkdownText(string? text)
    {
        var line = OneLine(text);
        var escaped = new StringBuilder(line.Length + 8);
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            switch (c)
            {
                case '\\' or '[' or ']' or '`' or '~':
                    escaped.Append('\\').Append(c);
                    break;
                case '<':
                    escaped.Append("&lt;");
                    break;
                case '_' when !(i > 0 && char.IsLetterOrDigit(line[i - 1]) && i + 1 < line.Length && char.IsLetterOrDigit(line[i + 1])):
                    // snake_case stays readable; an underscore that could open or close emphasis is escaped.
                    escaped.Append("\\_");
                    break;
                case '&' when EntityAt().IsMatch(line.AsSpan(i)):
                    // "&lt;" in a value is shown as those four characters, not decoded into "<".
                    escaped.Append("\\&");
                    break;
                case '#' when escaped.Length == 0:
                    escaped.Append("\\#");
                    break;
                default:
                    escaped.Append(c);
                    break;
            }
        }

        return escaped.ToString();
    }

    /// <summary>
    /// A Markdown code span holding <paramref name="text"/> literally (a file name, say), with <c>:line</c> appended
    /// when a line is given. The fence is longer than any backtick run inside, so a backtick cannot close it; pipes are
    /// escaped for table cells (GFM 0.29, example 200).
    /// </summary>
    public static string MarkdownCode(string? text, object? line = null)
    {
        var body = OneLine(text) + (line is null or "" ? "" : ":" + Convert.ToString(line, System.Globalization.CultureInfo.InvariantCulture));
        var longestRun = BacktickRuns().Matches(body).Select(m => m.Length).DefaultIfEmpty(0).Max();
        var fence = new string('`', longestRun + 1);
        var pad = body.StartsWith('`') || body.EndsWith('`') || body.StartsWith(' ') ? " " : "";
        return fence + pad + body.Replace("|", "\\|", StringComparison.Ordinal) + pad + fence;
    }

    /// <summary>An autolink for an absolute https or http URL with nothing that could end or extend it; any other value as escaped text.</summary>
    public static string MarkdownUrl(string? text) =>
        text is not null && Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
            && !text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or '"' or '\\' or '`')
            ? $"<{text}>"
            : MarkdownText(text);

    /// <summary>A list of <see cref="EvidenceRow"/> as "file:3, 7, 12; other:4", several lines in one file together so a row stays short.</summary>
    public static string EvidenceText(object? input)
    {
        var rows = input is IEnumerable items ? items.OfType<EvidenceRow>().ToList() : [];
        return string.Join("; ", rows.GroupBy(r => r.File).Select(g => $"{g.Key}:{string.Join(", ", g.Select(r => r.Line).Distinct())}"));
    }

    private static string OneLine(string? text) =>
        (text ?? "").Replace("\r\n", " ", StringComparison.Ordinal).Replace('\r', ' ').Replace('\n', ' ');

    // Each filter imported as a delegate, not the class by reflection over its methods: a Native AOT build keeps what a
    // delegate names, but not methods only reflection would find (bench/STARTUP.md, Native AOT).
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Scriban reflects over each delegate's own method, which the "
        + "delegate keeps; checked under Native AOT by bench/startup/aot-check.sh (the goldens).")]
    private static ScriptObject Create()
    {
        var functions = new ScriptObject();
        functions.Import("md_cell", new Func<object?, string>(Liquid.MdCell));
        functions.Import("md_text", new Func<object?, string>(Liquid.MdText));
        functions.Import("md_code", new Func<object?, object?, string>(Liquid.MdCode));
        functions.Import("md_url", new Func<object?, string>(Liquid.MdUrl));
        functions.Import("first_names", new Func<object?, string>(Liquid.FirstNames));
        functions.Import("evidence", new Func<object?, string>(Liquid.Evidence));
        return functions;
    }

    /// <summary>The filters as Liquid sees them: the first argument is the value before the pipe.</summary>
    private static class Liquid
    {
        public static string MdCell(object? value) => MarkdownCell(Text(value));

        public static string MdText(object? value) => MarkdownText(Text(value));

        public static string MdCode(object? value, object? line = null) => MarkdownCode(Text(value), line);

        public static string MdUrl(object? value) => MarkdownUrl(Text(value));

        public static string Evidence(object? value) => EvidenceText(value);

        public static string FirstNames(object? value) =>
            PartyRollUp.FirstNames(value is IEnumerable items and not string ? items.Cast<object?>().Select(i => Text(i) ?? "") : [Text(value) ?? ""]);
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    [GeneratedRegex("^&#?[A-Za-z0-9]+;")]
    private static partial Regex EntityAt();

    [GeneratedRegex("`+")]
    private static partial Regex BacktickRuns();
}
