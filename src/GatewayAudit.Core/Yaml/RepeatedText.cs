namespace GatewayAudit.Core.Yaml;

/// <summary>
/// One string per distinct short key or value the loaders read: a monorepo's configs repeat the same keys (model_name,
/// litellm_params) and many of the same values (os.environ/OPENAI_API_KEY) file after file, and a new string for each
/// was about a tenth of the read stage's garbage at 10,000 configs (bench/SCALE.md round 14). Per thread, bounded.
/// Flow keys are kept here too (<see cref="Model.Flow.Key"/>): the same pairs recur stack after stack.
/// </summary>
internal static class RepeatedText
{
    // Longer text is seldom repeated; past the bound, text is no longer kept (a scan of unrelated values stops growing it).
    private const int MaxLength = 64;
    private const int MaxKept = 16_384;

    [ThreadStatic]
    private static HashSet<string>? t_kept;

    /// <summary>The text as a string: the one kept when this text was seen before, else a new one.</summary>
    public static string Of(ReadOnlySpan<char> text)
    {
        if (text.Length == 0)
        {
            return "";
        }

        if (text.Length > MaxLength)
        {
            return new string(text);
        }

        var kept = t_kept ??= new HashSet<string>(StringComparer.Ordinal);
        var lookup = kept.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(text, out var known))
        {
            return known;
        }

        var made = new string(text);
        if (kept.Count < MaxKept)
        {
            kept.Add(made);
        }

        return made;
    }
}
