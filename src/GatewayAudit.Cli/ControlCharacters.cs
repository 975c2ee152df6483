using System.Buffers;
using System.Text;

namespace GatewayAudit.Cli;

/// <summary>
/// The last filter before stdout, stderr and a report file: terminal control characters quoted from an input (ESC
/// starting an escape sequence that rewrites the screen or the window title, BEL, backspace that hides text, C1 controls
/// such as the one-byte CSI) become U+FFFD, so a hostile config cannot drive the reviewer's terminal or forge what a
/// report shows. Tab and line feed stay, and so does a carriage return that ends a line (CRLF).
/// </summary>
public static class ControlCharacters
{
    public const char Replacement = '\uFFFD';

    public static string Neutralise(string text)
    {
        var first = IndexOfControl(text, 0);
        if (first < 0)
        {
            return text;
        }

        var clean = new StringBuilder(text.Length);
        clean.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            clean.Append(IsControl(text, i) ? Replacement : text[i]);
        }

        return clean.ToString();
    }

    // Every character IsControl can take: C0 (tab, line feed and carriage return included, sorted out by IsControl),
    // DEL and C1. One vectorised search per string instead of a test per character: every string of a report passes
    // here, 22 MiB of JSON at 1,000 stacks (bench/SCALE.md round 9).
    private static readonly SearchValues<char> Candidates = SearchValues.Create(
        Enumerable.Range(0, 0x20).Concat(Enumerable.Range(0x7F, 0x21)).Select(c => (char)c).ToArray());

    private static int IndexOfControl(string text, int from)
    {
        while (from < text.Length)
        {
            var found = text.AsSpan(from).IndexOfAny(Candidates);
            if (found < 0)
            {
                return -1;
            }

            var i = from + found;
            if (IsControl(text, i))
            {
                return i;
            }

            from = i + 1;
        }

        return -1;
    }

    private static bool IsControl(string text, int i) => text[i] switch
    {
        '\t' or '\n' => false,
        '\r' => i + 1 >= text.Length || text[i + 1] != '\n',
        var c => c < ' ' || c is >= '\u007F' and <= '\u009F',
    };
}
