namespace GatewayAudit.Core.Model;

/// <summary>
/// The raw values of literal secrets met during a scan. Nothing renders from here: the CLI passes every text it
/// writes (reports, errors) through <see cref="Scrub"/> as a last line of defence, so a secret that slipped into
/// a message or a note still never leaves the process.
/// </summary>
public sealed class SecretLedger
{
    private const int MinimumLength = 6;
    private readonly HashSet<string> _values = new(StringComparer.Ordinal);

    public int Count => _values.Count;

    public void Add(string value)
    {
        // Very short values would scrub ordinary words out of the report; they are still reported as findings.
        if (value.Length >= MinimumLength)
        {
            _values.Add(value);
        }
    }

    public void Absorb(SecretLedger other) => _values.UnionWith(other._values);

    public string Scrub(string text)
    {
        foreach (var value in _values.OrderByDescending(v => v.Length))
        {
            if (text.Contains(value, StringComparison.Ordinal))
            {
                text = text.Replace(value, "****", StringComparison.Ordinal);
            }
        }

        return text;
    }

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
}
