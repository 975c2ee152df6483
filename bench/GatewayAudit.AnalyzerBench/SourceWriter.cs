using System.Text;

namespace GatewayAudit.AnalyzerBench;

/// <summary>
/// Writes one generated C# file line by line, keeping the indentation and the 1-based number of the last line
/// written, so that planted leaks can be recorded with the line a diagnostic will point at.
/// </summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _text = new();
    private int _indent;

    public int LineCount { get; private set; }

    /// <summary>Writes one line at the current indentation and returns its 1-based line number.</summary>
    public int Line(string text = "")
    {
        if (text.Length > 0)
        {
            _text.Append(' ', _indent * 4);
            _text.Append(text);
        }

        _text.Append('\n');
        LineCount++;
        return LineCount;
    }

    /// <summary>
    /// Writes a multi-line block (usually a raw string from the generator) at the current indentation, keeping the
    /// block's own relative indentation. Returns the line number of the block's first line.
    /// </summary>
    public int Block(string block)
    {
        var first = LineCount + 1;
        foreach (var line in block.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            Line(line.TrimEnd());
        }

        return first;
    }

    public void Open(string header)
    {
        Line(header);
        Line("{");
        _indent++;
    }

    public void Close(string suffix = "")
    {
        _indent--;
        Line("}" + suffix);
    }

    public override string ToString() => _text.ToString();
}
