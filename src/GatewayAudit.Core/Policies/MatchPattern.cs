using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace GatewayAudit.Core.Policies;

/// <summary>
/// A rule's <c>matches</c> pattern, made once per run: a pattern without any regex metacharacter is a plain text,
/// found by an ordinal search (what the regex finds in it: no option the rule engine sets changes how letters compare);
/// any other pattern keeps its regex, made once for each time limit instead of looked up in the regex cache for every
/// value, with the same time limits (<see cref="RuleEngine.WithinTimeLimit(string, Func{TimeSpan, bool})"/>).
/// </summary>
internal sealed partial class MatchPattern
{
    private const RegexOptions Options = RegexOptions.CultureInvariant;

    private static readonly ConcurrentDictionary<string, MatchPattern> Known = new(StringComparer.Ordinal);

    private readonly string _pattern;
    private readonly bool _plain;
    private Regex? _first;
    private Regex? _second;

    private MatchPattern(string pattern)
    {
        _pattern = pattern;
        _plain = pattern.AsSpan().IndexOfAny(@"\^$.|?*+()[]{}") < 0;
        _first = BuiltIn(pattern);
    }

    /// <summary>
    /// The built-in pack's patterns, compiled at build time with the options and first time limit every pattern gets
    /// here: the same matches (the generator and the interpreter are the same backtracking engine), without parsing
    /// each pattern at run time or interpreting it for every image and version of every stack. Any other pattern,
    /// and the second, longer try of these, is made at run time as before.
    /// </summary>
    internal static Regex? BuiltIn(string pattern) => pattern switch
    {
        PrereleaseVersionPattern => PrereleaseVersion(),
        NightlyPattern => Nightly(),
        UnpinnedImagePattern => UnpinnedImage(),
        _ => null,
    };

    // policies/rules/gateway-prerelease-version.yaml and gateway-version-unpinned.yaml.
    internal const string PrereleaseVersionPattern = @"(?i)(nightly|[.-]dev(\.?[0-9]+)?$|[.-]?rc(\.?[0-9]+)?$)";
    internal const string NightlyPattern = "(?i)nightly";
    internal const string UnpinnedImagePattern = "(:|-)latest$|^[^:@]+$";
    private const int FirstLimitMilliseconds = 200;

    [GeneratedRegex(PrereleaseVersionPattern, Options, FirstLimitMilliseconds)]
    private static partial Regex PrereleaseVersion();

    [GeneratedRegex(NightlyPattern, Options, FirstLimitMilliseconds)]
    private static partial Regex Nightly();

    [GeneratedRegex(UnpinnedImagePattern, Options, FirstLimitMilliseconds)]
    private static partial Regex UnpinnedImage();

    public static MatchPattern Of(string pattern) => Known.TryGetValue(pattern, out var known) ? known : Known.GetOrAdd(pattern, static p => new MatchPattern(p));

    /// <summary>Whether the pattern occurs in the text; throws <see cref="RuleRegexTimeoutException"/> past both time limits.</summary>
    public bool IsMatch(string text) =>
        _plain ? text.Contains(_pattern, StringComparison.Ordinal) : RuleEngine.WithinTimeLimit(_pattern, (Pattern: this, Text: text), static (state, limit) => state.Pattern.Under(limit).IsMatch(state.Text));

    // The regex under a time limit: the first one tried, or the longer second one.
    private Regex Under(TimeSpan limit)
    {
        if (_first is { } first && first.MatchTimeout == limit)
        {
            return first;
        }

        if (_second is { } second && second.MatchTimeout == limit)
        {
            return second;
        }

        var made = new Regex(_pattern, Options, limit);
        if (_first is null)
        {
            _first = made;
        }
        else
        {
            _second = made;
        }

        return made;
    }
}
