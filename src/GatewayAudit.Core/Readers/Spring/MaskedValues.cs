using System.Text.RegularExpressions;

namespace GatewayAudit.Core.Readers.Spring;

/// <summary>
/// A value written as nothing but asterisks (<c>api-key: ********</c>) is how a key is masked before a file is
/// committed. YAML reads it as an alias to an anchor that does not exist, so neither Spring nor our loader can read the
/// file as it is, and every client it configures (the base URL beside the masked key) would be missing from the report.
/// For a file found in a checkout, such values are quoted (same lines, so every location stays right) and the file is
/// read again; the mask is a placeholder, never a secret. Only whole values of three or more asterisks are touched: an
/// alias with a name (<c>*defaults</c>) is still an error.
/// </summary>
public static partial class MaskedValues
{
    /// <summary>The text with each masked value quoted and the lines where it did so, or null when there is none.</summary>
    public static (string Text, IReadOnlyList<int> Lines)? Quote(string text)
    {
        var lines = new List<int>();
        var quoted = MaskedValue().Replace(text, m =>
        {
            lines.Add(LineOf(text, m.Index));
            return m.Groups["head"].Value + "\"" + m.Groups["mask"].Value + "\"" + m.Groups["tail"].Value;
        });
        return lines.Count == 0 ? null : (quoted, lines);
    }

    private static int LineOf(string text, int index) => text.AsSpan(0, index).Count('\n') + 1;

    // key: ****** (or a list item "- ******"), optionally followed by a comment; nothing else on the line.
    [GeneratedRegex(@"^(?<head>[ \t]*(?:-[ \t]+)?(?:[^#\s:][^#:\n]*:[ \t]+)?)(?<mask>\*{3,})(?<tail>[ \t]*(?:#[^\n]*)?)(?=\r?$)", RegexOptions.Multiline)]
    private static partial Regex MaskedValue();
}
