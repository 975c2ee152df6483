using System.Text.Json;

namespace GatewayAudit.Core.Reports;

/// <summary>
/// Remembers what a report's cleaning function (secret scrubbing and control characters) made of the strings it saw
/// last, so a value written many times is cleaned once. A report repeats its strings: at 1,000 configs the JSON writes
/// 242,000 string values of which 7,700 are distinct (rule titles, remediation, references, each stack's paths in each
/// section), and each was scanned by the secret shapes' regular expressions every time (bench/SCALE.md round 10).
/// A fixed number of slots in sets of <see cref="Ways"/>, a value kept in the set its hash names and the set's least
/// recently used value given up for a new one: memory stays bounded whatever the report's size, and a value every stack
/// writes (a rule's title, a vendor's retention text) stays while each stack's own paths come and go. With one slot per
/// hash, each stack's new paths evicted whatever shared their slot: at 10,000 configs 242,000 of 2.3 million writes
/// cleaned a string again (115,000 with sets of four) for 47,500 distinct strings (bench/SCALE.md round 14). Only for
/// a cleaning function that gives the same output for the same input, as a finished scan's is.
/// <para>
/// For the JSON writer a slot also keeps the cleaned text escaped and in UTF-8, made the second time the value is
/// written: a repeated value (a rule's remediation, a vendor's retention text, a stack's paths) is then copied, not
/// escaped and transcoded again, and a value written once costs no encoding of its own (bench/SCALE.md round 13).
/// Only the cleaned text is ever encoded, so what reaches the output is what <see cref="Clean"/> gives.
/// </para>
/// </summary>
public sealed class CleanedStrings(Func<string, string> clean)
{
    private const int Sets = 4_096; // a power of two

    private const int Ways = 4;

    private readonly Slot[] _slots = new Slot[Sets * Ways];

    // Stamps the last use of a slot, for the least recently used slot of a set.
    private long _clock;

    public string Clean(string value) => Find(value).Text;

    /// <summary>Writes <paramref name="value"/>, cleaned, as a JSON string value.</summary>
    public void WriteValue(Utf8JsonWriter writer, string value)
    {
        if (Encoded(writer, value, out var text) is { } json)
        {
            writer.WriteStringValue(json);
        }
        else
        {
            writer.WriteStringValue(text);
        }
    }

    /// <summary>Writes <paramref name="value"/>, cleaned, as a JSON property name (a dictionary key).</summary>
    public void WriteName(Utf8JsonWriter writer, string value)
    {
        if (Encoded(writer, value, out var text) is { } json)
        {
            writer.WritePropertyName(json);
        }
        else
        {
            writer.WritePropertyName(text);
        }
    }

    private ref Slot Find(string value)
    {
        var hash = string.GetHashCode(value, StringComparison.Ordinal);
        var first = (hash & (Sets - 1)) * Ways;
        var stamp = ++_clock;
        var oldest = first;
        for (var i = first; i < first + Ways; i++)
        {
            ref var slot = ref _slots[i];
            if (slot.Hash == hash && slot.Raw is { } kept && string.Equals(kept, value, StringComparison.Ordinal))
            {
                slot.Repeated = true;
                slot.Used = stamp;
                return ref slot;
            }

            if (slot.Used < _slots[oldest].Used)
            {
                oldest = i;
            }
        }

        ref var free = ref _slots[oldest];
        free = new Slot { Hash = hash, Raw = value, Text = clean(value), Used = stamp };
        return ref free;
    }

    /// <summary>
    /// The cleaned text of <paramref name="value"/> escaped for this writer's encoder, from the value's second write on;
    /// null (write <paramref name="text"/>) the first time, or for text <see cref="Encodable"/> leaves to the writer.
    /// </summary>
    private JsonEncodedText? Encoded(Utf8JsonWriter writer, string value, out string text)
    {
        ref var slot = ref Find(value);
        text = slot.Text;
        var encoder = writer.Options.Encoder;
        if (slot.HasJson && ReferenceEquals(slot.JsonEncoder, encoder))
        {
            return slot.Json;
        }

        if (!slot.Repeated || !Encodable(slot.Text))
        {
            return null;
        }

        slot.Json = JsonEncodedText.Encode(slot.Text, encoder);
        slot.JsonEncoder = encoder;
        slot.HasJson = true;
        return slot.Json;
    }

    /// <summary>
    /// Text the writer would escape exactly as <see cref="JsonEncodedText"/> does. A surrogate (a lone one, which the
    /// writer replaces but <see cref="JsonEncodedText"/> refuses, or a pair) is left to the writer itself: rare in a
    /// report, and not worth a second way of writing it.
    /// </summary>
    private static bool Encodable(string text) => !text.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF');

    private struct Slot
    {
        public int Hash;
        public long Used;
        public string? Raw;
        public string Text;
        public bool Repeated;
        public bool HasJson;
        public JsonEncodedText Json;
        public System.Text.Encodings.Web.JavaScriptEncoder? JsonEncoder;
    }
}
