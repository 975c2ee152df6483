using System.Globalization;
using System.Text;

namespace GatewayAudit.Core.Dpa;

/// <summary>
/// Matches the way a signed DPA writes a party ("OpenAI, L.L.C.", "Open AI", "Microsoft Azure OpenAI Service",
/// "Amazon Web Services EMEA SARL") against the names a scan knows (catalog id, name, aliases, legal entities, hosts).
/// Text is folded to lower-case words without accents or punctuation; a name matches where its words, joined, equal
/// a run of whole words of the text joined ("open ai" = "openai", "l.l.c." = "llc"). A trailing legal form is not
/// part of a name ("Anthropic, PBC" is "anthropic"). Where two names of different parties match overlapping words,
/// the longer wins, so "Azure OpenAI" is Azure OpenAI and not also OpenAI.
/// </summary>
public sealed class PartyNames
{
    /// <summary>Legal forms as written after a company name, without punctuation or spaces (so "L.L.C." is "llc").</summary>
    private static readonly HashSet<string> LegalForms = new(StringComparer.Ordinal)
    {
        "inc", "incorporated", "llc", "ltd", "limited", "gmbh", "mbh", "corp", "corporation", "co", "plc", "pbc", "sa", "sas",
        "sarl", "bv", "nv", "ag", "ab", "as", "aps", "oy", "srl", "spa", "kk", "pty", "pte", "lp", "llp", "ulc", "se", "kg",
    };

    /// <summary>Names shorter than this (joined) are too generic to match anything ("ai", "io").</summary>
    private const int MinimumLength = 3;

    private readonly List<(string Key, string Compact)> _names = [];

    /// <summary>Adds names of one party, identified by <paramref name="key"/>; empty and too-short names are ignored.</summary>
    public void Add(string key, IEnumerable<string?> names)
    {
        foreach (var name in names)
        {
            if (name is null)
            {
                continue;
            }

            var compact = string.Concat(WithoutLegalForm(Words(name)));
            if (compact.Length >= MinimumLength && !_names.Contains((key, compact)))
            {
                _names.Add((key, compact));
            }
        }
    }

    /// <summary>The keys of the parties <paramref name="text"/> names, in the order they were added.</summary>
    public IReadOnlyList<string> Match(string text)
    {
        var words = Words(text);
        var spans = new List<(string Key, int Start, int End)>();
        foreach (var (key, compact) in _names)
        {
            for (var start = 0; start < words.Count; start++)
            {
                if (EndOfMatch(words, start, compact) is { } end)
                {
                    spans.Add((key, start, end));
                }
            }
        }

        var kept = spans.Where(s => !spans.Any(o => o.Key != s.Key && o.Start <= s.Start && s.End <= o.End && o.End - o.Start > s.End - s.Start));
        var keys = kept.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        return _names.Select(n => n.Key).Distinct(StringComparer.Ordinal).Where(keys.Contains).ToList();
    }

    /// <summary>Lower-case words, accents removed, split at anything that is not a letter or digit.</summary>
    public static IReadOnlyList<string> Words(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    /// <summary>The last word of the run starting at <paramref name="start"/> whose words joined equal <paramref name="compact"/>.</summary>
    private static int? EndOfMatch(IReadOnlyList<string> words, int start, string compact)
    {
        var length = 0;
        for (var end = start; end < words.Count; end++)
        {
            var word = words[end];
            if (length + word.Length > compact.Length || string.CompareOrdinal(compact, length, word, 0, word.Length) != 0)
            {
                return null;
            }

            length += word.Length;
            if (length == compact.Length)
            {
                return end;
            }
        }

        return null;
    }

    /// <summary>Drops a trailing legal form of one to three words ("l l c", "pty ltd"), keeping at least one word.</summary>
    private static List<string> WithoutLegalForm(IReadOnlyList<string> words)
    {
        var result = words.ToList();
        var dropped = true;
        while (dropped && result.Count > 1)
        {
            dropped = false;
            for (var take = Math.Min(3, result.Count - 1); take >= 1; take--)
            {
                if (LegalForms.Contains(string.Concat(result.Skip(result.Count - take))))
                {
                    result.RemoveRange(result.Count - take, take);
                    dropped = true;
                    break;
                }
            }
        }

        return result;
    }
}
