namespace GatewayAudit.Core.Model;

/// <summary>
/// The raw values of literal secrets met during a scan, for a last line of defence. Secrets are redacted where they
/// occur (the value at its location, the password in a URL's user info, a header value: see ConfigValues); nothing
/// renders from here. The CLI passes every text it writes (reports, errors) through <see cref="Scrub"/>, which
/// replaces a value wherever it appears, so only values that cannot be mistaken for anything else are swept:
/// <list type="bullet">
/// <item>at least <see cref="MinimumLength"/> characters, with no white space, holding both letters and digits, so a
/// word, a compound of words (<c>litellm-postgres</c>, <c>my-secret-password</c>) or a number never is (a short or
/// dictionary-word password such as <c>postgres</c> or <c>openai</c> would otherwise turn component ids, vendor names
/// and URLs of the report into <c>****</c>);</item>
/// <item>never a part of the report's own vocabulary, registered with <see cref="Protect"/>: rule ids and their
/// references, the catalog's vendor ids, names, hosts and source URLs, the fixed component ids.</item>
/// </list>
/// Provider keys (sk-..., AKIA..., xoxb-..., which their shape alone makes unambiguous), generated passwords and whole
/// connection URLs pass both tests.
/// </summary>
public sealed class SecretLedger
{
    public const int MinimumLength = 12;

    // Made on first use: every stack has a ledger and most hold no secret (two empty sets on each were 20,000 of a
    // 10,000-config scan's live objects, bench/SCALE.md round 15).
    private HashSet<string>? _values;
    private HashSet<string>? _protected;
    private List<string>? _sweep;

    /// <summary>The values the sweep replaces.</summary>
    public int Count => Sweep.Count;

    /// <summary>
    /// Records a raw secret; it is swept only when <see cref="IsUnambiguous"/> (or has a provider key's shape,
    /// <paramref name="knownShape"/>: sk-..., AKIA...) and is not a part of a protected text.
    /// </summary>
    public void Add(string value, bool knownShape = false)
    {
        if ((knownShape || IsUnambiguous(value)) && (_values ??= new(StringComparer.Ordinal)).Add(value))
        {
            _sweep = null;
        }
    }

    /// <summary>Texts of the report's own (ids, rule ids, vendor names, catalog URLs) that the sweep must leave whole.</summary>
    public void Protect(IEnumerable<string?> texts)
    {
        foreach (var text in texts)
        {
            if (!string.IsNullOrEmpty(text) && (_protected ??= new(StringComparer.Ordinal)).Add(text))
            {
                _sweep = null;
            }
        }
    }

    public void Absorb(SecretLedger other)
    {
        if (other._values is { Count: > 0 } values)
        {
            (_values ??= new(StringComparer.Ordinal)).UnionWith(values);
            _sweep = null;
        }

        if (other._protected is { Count: > 0 } texts)
        {
            (_protected ??= new(StringComparer.Ordinal)).UnionWith(texts);
            _sweep = null;
        }
    }

    /// <summary>
    /// Every recorded secret replaced wherever it appears, every webhook URL by its shape (<see cref="WebhookUrls"/>),
    /// and every password in a URL's user info or after a name's '@user:' (<see cref="CredentialShapes"/>).
    /// </summary>
    public string Scrub(string text)
    {
        text = WebhookUrls.Redact(text);
        foreach (var value in Sweep)
        {
            if (text.Contains(value, StringComparison.Ordinal))
            {
                text = text.Replace(value, "****", StringComparison.Ordinal);
            }
        }

        return CredentialShapes.Redact(text);
    }

    /// <summary>Long enough, no white space, letters and digits both: a value that cannot be a word or an id of the report.</summary>
    public static bool IsUnambiguous(string value) =>
        value.Length >= MinimumLength && !value.Any(char.IsWhiteSpace) && value.Any(char.IsLetter) && value.Any(char.IsDigit);

    /// <summary>Keeps a recognisable, non-secret prefix (such as "sk-") and hides the rest.</summary>
    public static string Redact(string value)
    {
        string[] knownPrefixes = ["sk-ant-", "sk-proj-", "sk-or-v1-", "sk-lf-", "pk-lf-", "sk-", "xoxb-", "AKIA", "gsk_", "hf_"];
        foreach (var prefix in knownPrefixes)
        {
            if (value.StartsWith(prefix, StringComparison.Ordinal) && value.Length > prefix.Length + 4)
            {
                return prefix + "****";
            }
        }

        return "****";
    }

    private List<string> Sweep => _sweep ??= (_values ?? [])
        .Where(v => _protected is null || !_protected.Any(p => p.Contains(v, StringComparison.Ordinal)))
        .OrderByDescending(v => v.Length)
        .ThenBy(v => v, StringComparer.Ordinal)
        .ToList();
}
