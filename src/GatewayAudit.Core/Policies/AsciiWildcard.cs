namespace GatewayAudit.Core.Policies;

/// <summary>
/// A <c>*</c> glob over ASCII text, case-insensitive: the same answer as the regex <c>^a.*b$</c> with IgnoreCase that
/// <see cref="RuleEngine.Glob"/> builds, for ASCII text without line breaks, without building a regex per call.
/// </summary>
internal static class AsciiWildcard
{
    public static bool Matches(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text)
    {
        // Greedy match with one backtrack point (the last '*'): linear in practice, never exponential.
        int p = 0, t = 0, star = -1, resume = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = t;
            }
            else if (p < pattern.Length && SameLetter(pattern[p], text[t]))
            {
                p++;
                t++;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++resume;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    private static bool SameLetter(char a, char b) => a == b || (char.IsAsciiLetter(a) && (a | 0x20) == (b | 0x20));
}
