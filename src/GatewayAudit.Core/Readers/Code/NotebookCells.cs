using System.Text;
using System.Text.Json;

namespace GatewayAudit.Core.Readers.Code;

/// <summary>
/// The Python of a Jupyter notebook (<c>.ipynb</c>): the text of its code cells, each source line placed on the line of
/// the notebook file that holds it, so a token's line is the notebook's line and evidence points into the file a
/// reviewer opens. Markdown cells, outputs (pip logs, printed answers) and metadata are no code; shell and magic lines
/// (<c>!pip install …</c>, <c>%env …</c>) are not Python and are left out. A notebook that is not valid JSON throws
/// <see cref="InvalidNotebookException"/> with the line, which the reader turns into a warning: the scan goes on without it.
/// </summary>
public static class NotebookCells
{
    public static string PythonText(string notebook)
    {
        var bytes = Encoding.UTF8.GetBytes(notebook);
        var lineStarts = LineStarts(bytes);
        var lines = new List<string?>(new string?[lineStarts.Count]);
        try
        {
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return "";
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isCells = reader.ValueTextEquals("cells");
                reader.Read();
                if (isCells && reader.TokenType == JsonTokenType.StartArray)
                {
                    ReadCells(ref reader, lineStarts, lines);
                }
                else
                {
                    reader.Skip();
                }
            }
        }
        catch (JsonException e)
        {
            // Only the line goes on: the reader's message may quote the offending input.
            throw new InvalidNotebookException((int)(e.LineNumber ?? 0) + 1);
        }

        return string.Join('\n', lines.Select(l => l ?? ""));
    }

    private static void ReadCells(ref Utf8JsonReader reader, List<int> lineStarts, List<string?> lines)
    {
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }

            string? type = null;
            var source = new List<(string Text, int Line)>();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                if (name == "cell_type" && reader.TokenType == JsonTokenType.String)
                {
                    type = reader.GetString();
                }
                else if (name == "source")
                {
                    ReadSource(ref reader, lineStarts, source);
                }
                else
                {
                    reader.Skip();
                }
            }

            // cell_type may follow source in a hand-written notebook, so a cell's code is placed once it is known.
            if (type == "code")
            {
                foreach (var (text, line) in source)
                {
                    Place(lines, line, text);
                }
            }
        }
    }

    /// <summary>A cell's source: a list of lines (nbformat 4) or one string; each piece with the file line it starts on.</summary>
    private static void ReadSource(ref Utf8JsonReader reader, List<int> lineStarts, List<(string, int)> source)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            source.Add((reader.GetString() ?? "", LineOf(lineStarts, (int)reader.TokenStartIndex)));
            return;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return;
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                source.Add((reader.GetString() ?? "", LineOf(lineStarts, (int)reader.TokenStartIndex)));
            }
            else
            {
                reader.Skip();
            }
        }
    }

    /// <summary>
    /// Puts a piece of code on its notebook line; a piece holding several lines (a one-string source, or a compact
    /// notebook with many pieces on one line) goes on to the next free lines, past the file's end if need be.
    /// </summary>
    private static void Place(List<string?> lines, int line, string text)
    {
        var at = line - 1;
        foreach (var piece in text.TrimEnd('\n').Split('\n'))
        {
            while (at < lines.Count && lines[at] is not null)
            {
                at++;
            }

            while (lines.Count <= at)
            {
                lines.Add(null);
            }

            var trimmed = piece.TrimStart();
            lines[at] = trimmed.StartsWith('!') || trimmed.StartsWith('%') ? "" : piece.TrimEnd('\r');
            at++;
        }
    }

    private static List<int> LineStarts(byte[] bytes)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }

    /// <summary>The 1-based line of a byte offset.</summary>
    private static int LineOf(List<int> lineStarts, int offset)
    {
        var index = lineStarts.BinarySearch(offset);
        return (index >= 0 ? index : ~index - 1) + 1;
    }
}

/// <summary>A notebook that is not valid JSON, at <see cref="Line"/> (1-based); the message quotes nothing of the file.</summary>
public sealed class InvalidNotebookException(int line) : Exception($"not valid JSON at line {line}")
{
    public int Line { get; } = line;
}
