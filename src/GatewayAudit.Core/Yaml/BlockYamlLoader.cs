using System.Buffers;
using System.Runtime.InteropServices;

namespace GatewayAudit.Core.Yaml;

/// <summary>
/// Builds the tree <see cref="SafeYamlLoader"/> would build (kinds, values, quoting, lines, columns) for the plain block
/// YAML most gateway configs, compose files and Helm values are written in, without YamlDotNet's scanner: parsing YAML
/// was about a tenth of a 10,000-config scan's CPU and much of its garbage (bench/SCALE.md round 13). Hand-written
/// because no library builds a YamlDotNet-equivalent tree faster; it takes only text it is sure of and returns null for
/// everything else, which the YAML loader then reads, so every diagnostic (malformed input, duplicate keys, depth,
/// aliases) stays exactly what it was. What it takes: printable ASCII (no tab) with LF or CRLF line ends; block mappings
/// whose keys are plain words (letters, digits, <c>_ - . /</c>); block sequences, with compact mappings in their items
/// (<c>- key: value</c>); plain scalars on one line that start with no YAML indicator; single- or double-quoted scalars
/// without escapes; empty values; one-line flow lists of such scalars (<c>[a, "b"]</c>); <c>[]</c> and <c>{}</c>; comments. Anything
/// else (anchors, aliases, tags, block or multi-line scalars, duplicate keys, document markers other than one leading
/// <c>---</c>, directives, nesting past half the YAML loader's bound) goes to the YAML loader.
/// </summary>
public static class BlockYamlLoader
{
    private const int MaxDepth = SafeYamlLoader.DefaultMaxDepth / 2;

    private const int MaxKeyLength = 1_000;

    // Printable ASCII and the two line-end characters, as the JSON reader takes (a tab is not among them).
    private static readonly SearchValues<char> Printable = JsonTreeLoader.Plain;

    private static readonly SearchValues<char> KeyFirst = SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz");

    private static readonly SearchValues<char> KeyRest = SearchValues.Create("-./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz");

    // Characters that make a plain scalar's first character mean something else (YAML 1.1/1.2 indicators).
    private static readonly SearchValues<char> Indicators = SearchValues.Create("-?:,[]{}#&*!|>'\"%@`");

    // Characters a plain scalar inside a flow list cannot hold.
    private static readonly SearchValues<char> FlowBreaks = SearchValues.Create(",[]{}#");

    /// <summary>The document, or null when the YAML loader must read this text.</summary>
    public static YamlDocument? TryLoad(string file, string text)
    {
        if (text.AsSpan().IndexOfAnyExcept(Printable) >= 0)
        {
            return null;
        }

        // One list of lines per thread, reused file after file: a large scan reads thousands of configs, and growing a
        // fresh list for each was a tenth of this reader's garbage.
        var lines = t_lines ??= [];
        try
        {
            if (!ContentLines(text, lines) || lines.Count == 0)
            {
                return null;
            }

            var parser = new Parser(text, lines, t_entries ??= [], t_items ??= []);
            var root = parser.Block(lines[0].Indent, depth: 1);
            return root is not null && parser.AtEnd ? new YamlDocument(file, root) : null;
        }
        finally
        {
            lines.Clear();
            if (lines.Capacity > 65_536 || t_entries?.Capacity > 65_536 || t_items?.Capacity > 65_536)
            {
                (t_lines, t_entries, t_items) = (null, null, null); // a huge file's buffers are not kept
            }
        }
    }

    /// <summary>Whether an earlier key of the mapping is <paramref name="name"/>: a scan of a small mapping's few keys, a set once it is longer.</summary>
    internal static bool IsDuplicate(ReadOnlySpan<KeyValuePair<YamlScalar, YamlNode>> earlier, ref HashSet<string>? keys, string name)
    {
        if (keys is null && earlier.Length < 8)
        {
            foreach (var entry in earlier)
            {
                if (entry.Key.Value == name)
                {
                    return true;
                }
            }

            return false;
        }

        if (keys is null)
        {
            keys = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in earlier)
            {
                keys.Add(entry.Key.Value);
            }
        }

        return !keys.Add(name);
    }

    [ThreadStatic]
    private static List<Line>? t_lines;

    // The entries of the mappings and the items of the lists being parsed, nested ones after their parent's, reused
    // file after file: each node takes an array of its own size at its end, where a list per node grew by doubling and
    // was kept with its slack (bench/SCALE.md round 16).
    [ThreadStatic]
    private static List<KeyValuePair<YamlScalar, YamlNode>>? t_entries;

    [ThreadStatic]
    private static List<YamlNode>? t_items;

    /// <summary>One line with content: its number (1-based), where it starts in the text, its indentation, and where its content starts and ends.</summary>
    private readonly record struct Line(int Number, int LineStart, int Indent, int Start, int End);

    /// <summary>Fills <paramref name="lines"/> with the lines that hold more than spaces or a comment; false for a lone CR or a document marker.</summary>
    private static bool ContentLines(string text, List<Line> lines)
    {
        var number = 0;
        var started = false;
        for (var start = 0; start < text.Length;)
        {
            number++;
            var newline = text.IndexOf('\n', start);
            var end = newline < 0 ? text.Length : newline;
            var next = newline < 0 ? text.Length : newline + 1;
            if (end > start && text[end - 1] == '\r')
            {
                end--;
            }

            if (text.AsSpan(start, end - start).Contains('\r'))
            {
                return false; // a lone CR is a line end to YAML
            }

            var content = start;
            while (content < end && text[content] == ' ')
            {
                content++;
            }

            if (content < end && text[content] != '#')
            {
                var indent = content - start;
                if (indent == 0 && (text[content] is '%' || IsMarker(text, content, end)))
                {
                    // A "---" alone before the first content starts the one document; any other marker or a directive is the YAML loader's.
                    if (started || lines.Count > 0 || !IsLeadingStart(text, content, end))
                    {
                        return false;
                    }

                    started = true;
                    start = next;
                    continue;
                }

                while (end > content && text[end - 1] == ' ')
                {
                    end--;
                }

                lines.Add(new Line(number, start, indent, content, end));
            }

            start = next;
        }

        return true;
    }

    private static bool IsLeadingStart(string text, int at, int end)
    {
        if (string.CompareOrdinal(text, at, "---", 0, 3) != 0)
        {
            return false;
        }

        var rest = at + 3;
        while (rest < end && text[rest] == ' ')
        {
            rest++;
        }

        return rest == end || (text[rest] == '#' && rest > at + 3);
    }

    private static bool IsMarker(string text, int at, int end) =>
        end - at >= 3 && (string.CompareOrdinal(text, at, "---", 0, 3) == 0 || string.CompareOrdinal(text, at, "...", 0, 3) == 0)
        && (end - at == 3 || text[at + 3] == ' ');

    private sealed class Parser(string text, List<Line> lines, List<KeyValuePair<YamlScalar, YamlNode>> entries, List<YamlNode> items)
    {
        private int _at;

        public bool AtEnd => _at == lines.Count;

        /// <summary>The block node whose first line is the current line, at this indentation.</summary>
        public YamlNode? Block(int indent, int depth)
        {
            if (depth > MaxDepth || AtEnd || lines[_at].Indent != indent)
            {
                return null;
            }

            return IsDash(lines[_at]) ? Sequence(indent, depth) : Mapping(indent, depth);
        }

        private bool IsDash(Line line) => text[line.Start] == '-' && (line.End == line.Start + 1 || text[line.Start + 1] == ' ');

        private YamlNode? Mapping(int indent, int depth)
        {
            var start = entries.Count;
            try
            {
                return Mapping(indent, depth, start);
            }
            finally
            {
                entries.RemoveRange(start, entries.Count - start);
            }
        }

        private YamlNode? Mapping(int indent, int depth, int start)
        {
            HashSet<string>? keys = null;
            int line = 0, column = 0;
            while (!AtEnd && lines[_at].Indent >= indent)
            {
                var current = lines[_at];
                if (current.Indent > indent || IsDash(current))
                {
                    return null; // a multi-line scalar, a mis-indented line, or a list where a key belongs
                }

                var keyEnd = KeyEnd(current);
                if (keyEnd < 0)
                {
                    return null;
                }

                var name = RepeatedText.Of(text.AsSpan(current.Start, keyEnd - current.Start));
                if (IsDuplicate(CollectionsMarshal.AsSpan(entries)[start..], ref keys, name))
                {
                    return null; // a duplicate key: the YAML loader warns about it
                }

                var key = new YamlScalar(current.Number, current.Start - current.LineStart + 1, name, quoted: false, tag: null);
                if (entries.Count == start)
                {
                    (line, column) = (key.Line, key.Column);
                }

                var valueAt = SkipSpaces(keyEnd + 1, current.End);
                YamlNode? value;
                if (valueAt == current.End || text[valueAt] == '#')
                {
                    _at++;
                    value = !AtEnd && lines[_at].Indent > indent ? Block(lines[_at].Indent, depth + 1)
                        : !AtEnd && lines[_at].Indent == indent && IsDash(lines[_at]) ? Sequence(indent, depth + 1)
                        : new YamlScalar(current.Number, keyEnd + 2 - current.LineStart, "", quoted: false, tag: null); // empty: just after the colon, as the YAML loader places it
                }
                else
                {
                    value = Inline(current, valueAt, depth + 1);
                    _at++;
                }

                if (value is null)
                {
                    return null;
                }

                entries.Add(new(key, value));
            }

            return new YamlMapping(line, column, CollectionsMarshal.AsSpan(entries)[start..].ToArray());
        }

        private YamlNode? Sequence(int indent, int depth)
        {
            var start = items.Count;
            try
            {
                return Sequence(indent, depth, start);
            }
            finally
            {
                items.RemoveRange(start, items.Count - start);
            }
        }

        private YamlNode? Sequence(int indent, int depth, int start)
        {
            var first = lines[_at];
            while (!AtEnd && lines[_at].Indent == indent && IsDash(lines[_at]))
            {
                var current = lines[_at];
                var itemAt = SkipSpaces(current.Start + 1, current.End);
                if (itemAt == current.End || text[itemAt] == '#' || IsDash(current with { Start = itemAt }))
                {
                    return null; // an item on the lines below, or a list in a list: left to the YAML loader
                }

                YamlNode? item;
                if (KeyEnd(current with { Start = itemAt }) >= 0)
                {
                    // "- key: value": the item is a mapping whose keys line up under its first one.
                    var itemIndent = itemAt - current.LineStart;
                    lines[_at] = current with { Indent = itemIndent, Start = itemAt };
                    item = Mapping(itemIndent, depth + 1);
                }
                else
                {
                    item = Inline(current, itemAt, depth + 1);
                    _at++;
                }

                if (item is null)
                {
                    return null;
                }

                items.Add(item);
            }

            if (!AtEnd && lines[_at].Indent > indent)
            {
                return null;
            }

            return new YamlSequence(first.Number, first.Start - first.LineStart + 1, CollectionsMarshal.AsSpan(items)[start..].ToArray());
        }

        /// <summary>Where a plain key ends (at its colon), or -1 when the line does not start with "word:" followed by a space or its end.</summary>
        private int KeyEnd(Line line)
        {
            if (!KeyFirst.Contains(text[line.Start]))
            {
                return -1;
            }

            var end = line.Start + 1;
            while (end < line.End && KeyRest.Contains(text[end]))
            {
                end++;
            }

            return end < line.End && text[end] == ':' && (end + 1 == line.End || text[end + 1] == ' ') && end - line.Start <= MaxKeyLength ? end : -1;
        }

        private int SkipSpaces(int at, int end)
        {
            while (at < end && text[at] == ' ')
            {
                at++;
            }

            return at;
        }

        /// <summary>A value that starts and ends on this line at <paramref name="at"/>: a scalar, a flow list of scalars, [] or {}.</summary>
        private YamlNode? Inline(Line line, int at, int depth)
        {
            if (depth > MaxDepth)
            {
                return null;
            }

            var column = at - line.LineStart + 1;
            switch (text[at])
            {
                case '[':
                    return FlowList(line, at);
                case '{':
                    return Rest(SkipSpaces(at + 1, line.End), line.End) is var close && close < line.End && text[close] == '}' && Rest(close + 1, line.End) == line.End
                        ? new YamlMapping(line.Number, column, [])
                        : null;
            }

            var (scalar, after) = Scalar(line, at, line.End, flow: false);
            return scalar is not null && Rest(after, line.End) == line.End ? scalar : null;
        }

        /// <summary>A one-line flow list of scalars; the position of its "[".</summary>
        private YamlSequence? FlowList(Line line, int at)
        {
            var items = new List<YamlNode>();
            var position = SkipSpaces(at + 1, line.End);
            if (position < line.End && text[position] == ']')
            {
                return Rest(position + 1, line.End) == line.End ? new YamlSequence(line.Number, at - line.LineStart + 1, items) : null;
            }

            while (position < line.End)
            {
                var (item, after) = Scalar(line, position, line.End, flow: true);
                if (item is null)
                {
                    return null;
                }

                items.Add(item);
                position = SkipSpaces(after, line.End);
                if (position < line.End && text[position] == ']')
                {
                    return Rest(position + 1, line.End) == line.End ? new YamlSequence(line.Number, at - line.LineStart + 1, items) : null;
                }

                if (position >= line.End || text[position] != ',')
                {
                    return null;
                }

                position = SkipSpaces(position + 1, line.End);
                if (position < line.End && text[position] == ']')
                {
                    return null; // a trailing comma: left to the YAML loader
                }
            }

            return null;
        }

        /// <summary>A scalar at <paramref name="at"/> and where it ends; null for anything this loader does not take.</summary>
        private (YamlScalar? Scalar, int After) Scalar(Line line, int at, int end, bool flow)
        {
            var column = at - line.LineStart + 1;
            var first = text[at];
            if (first is '"' or '\'')
            {
                var close = text.IndexOf(first, at + 1, end - at - 1);
                if (close < 0 || (first == '"' && text.AsSpan(at + 1, close - at - 1).Contains('\\'))
                    || (first == '\'' && close + 1 < end && text[close + 1] == '\''))
                {
                    return (null, 0); // an escape, a doubled quote, or a value that goes on past this line
                }

                return (new YamlScalar(line.Number, column, RepeatedText.Of(text.AsSpan(at + 1, close - at - 1)), quoted: true, tag: null), close + 1);
            }

            if (Indicators.Contains(first) && !(first == '-' && at + 1 < end && char.IsAsciiDigit(text[at + 1])))
            {
                return (null, 0);
            }

            // A plain scalar runs to a comment (" #"), or in a flow list to the next "," or "]".
            var stop = at;
            while (stop < end && !(text[stop] == '#' && text[stop - 1] == ' ') && !(flow && FlowBreaks.Contains(text[stop])))
            {
                if (text[stop] == ':' && (stop + 1 == end || text[stop + 1] == ' ' || (flow && FlowBreaks.Contains(text[stop + 1]))))
                {
                    return (null, 0); // "a: b" inside a value, or a trailing colon
                }

                stop++;
            }

            var valueEnd = stop;
            while (valueEnd > at && text[valueEnd - 1] == ' ')
            {
                valueEnd--;
            }

            return valueEnd == at ? (null, 0) : (new YamlScalar(line.Number, column, RepeatedText.Of(text.AsSpan(at, valueEnd - at)), quoted: false, tag: null), stop);
        }

        /// <summary>Where the line's meaningful text resumes after <paramref name="at"/>: its end when only spaces and a comment follow.</summary>
        private int Rest(int at, int end)
        {
            // A comment needs a space before its "#": one skipped here, or the one just before this point.
            var next = SkipSpaces(at, end);
            return next < end && text[next] == '#' && (next > at || (next > 0 && text[next - 1] == ' ')) ? end : next;
        }
    }
}
