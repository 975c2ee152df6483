using System.Text.Json;

namespace GatewayAudit.Core.Reports;

/// <summary>
/// Remembers what a report's cleaning function (secret scrubbing and control characters) made of the strings it saw
/// last, so a value written many times is cleaned once. A report repeats its strings: at 1,000 configs the JSON writes
/// 242,000 string values of which 7,700 are distinct (rule titles, remediation, references, each stack's paths in each
/// section), and each was scanned by the secret shapes' regular expressions every time (bench/SCALE.md round 10).
/// A fixed number of slots, each keeping the last string that hashed to it: memory stays bounded whatever the report's
/// size, and values written close together (one stack's paths) find each other. Only for a cleaning function that
/// gives the same output for the same input, as a finished scan's is.
/// <para>
/// For the JSON writer a slot also keeps the cleaned text escaped and in UTF-8, made the second time the value is
/// written: a repeated value (a rule's remediation, a vendor's retention text, a stack's paths) is then copied, not
/// escaped and transcoded again, and a value written once costs no encoding of its own (bench/SCALE.md round 13).
/// Only the cleaned text is ever encoded, so what reaches the output is what <see cref="Clean"/> gives.
/// </para>
/// </summary>
public sealed class CleanedStrings(Func<string, string> clean)
{
    private const int Slots = 4_096; // a power of two

    private readonly Slot[] _slots = new Slot[Slots];

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
        ref var slot = ref _slots[string.GetHashCode(value, StringComparison.Ordinal) & (Slots - 1)];
        if (slot.Raw is { } kept && string.Equals(kept, value, StringComparison.Ordinal))
        {
            slot.Repeated = true;
            return ref slot;
        }

        slot = new Slot { Raw = value, Text = clean(value) };
        return ref slot;
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
        public string? Raw;
        public string Text;
        public bool Repeated;
        public bool HasJson;
        public JsonEncodedText Json;
        public System.Text.Encodings.Web.JavaScriptEncoder? JsonEncoder;
    }
}
