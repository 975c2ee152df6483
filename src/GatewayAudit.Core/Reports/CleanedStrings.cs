namespace GatewayAudit.Core.Reports;

/// <summary>
/// Remembers what a report's cleaning function (secret scrubbing and control characters) made of the strings it saw
/// last, so a value written many times is cleaned once. A report repeats its strings: at 1,000 configs the JSON writes
/// 242,000 string values of which 7,700 are distinct (rule titles, remediation, references, each stack's paths in each
/// section), and each was scanned by the secret shapes' regular expressions every time (bench/SCALE.md round 10).
/// A fixed number of slots, each keeping the last string that hashed to it: memory stays bounded whatever the report's
/// size, and values written close together (one stack's paths) find each other. Only for a cleaning function that
/// gives the same output for the same input, as a finished scan's is.
/// </summary>
public sealed class CleanedStrings(Func<string, string> clean)
{
    private const int Slots = 4_096; // a power of two

    private readonly (string In, string Out)?[] _slots = new (string, string)?[Slots];

    public string Clean(string value)
    {
        ref var slot = ref _slots[string.GetHashCode(value, StringComparison.Ordinal) & (Slots - 1)];
        if (slot is { } kept && string.Equals(kept.In, value, StringComparison.Ordinal))
        {
            return kept.Out;
        }

        var cleaned = clean(value);
        slot = (value, cleaned);
        return cleaned;
    }
}
