using System.IO.Hashing;
using System.Runtime.InteropServices;
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
/// Only the cleaned text is ever encoded, so what reaches the output is what <see cref="Clean"/> gives. The text is kept
/// as UTF-8 and escaped by the writer as it copies it, not as a <see cref="JsonEncodedText"/>: that holds the escaped
/// bytes and a string decoded back from them, half of the 15 MiB its encodings took at 10,000 configs (round 16).
/// </para>
/// <para>
/// A set is probed in a compact array of hashes and last uses, 32 bytes a set, and a slot's strings are read only on a
/// hit: the probes of slots of 64 bytes each touched several cache lines per write (bench/SCALE.md round 16).
/// </para>
/// </summary>
public sealed class CleanedStrings
{
    private const int DefaultSets = 4_096;

    private const int Ways = 4;

    private readonly Func<string, string> _clean;

    private readonly int _setMask;

    // Probed on every write; a way's strings in _slots at the same index.
    private readonly Probe[] _probes;

    private readonly Slot[] _slots;

    // Stamps the last use of a way, for the least recently used way of a set. Wrapping round after 4 billion writes
    // only makes one choice of a way to give up a poor one.
    private uint _clock;

    public CleanedStrings(Func<string, string> clean)
        : this(clean, DefaultSets)
    {
    }

    /// <summary>With <paramref name="sets"/> (a power of two) sets of <see cref="Ways"/> slots: few, for tests of eviction.</summary>
    internal CleanedStrings(Func<string, string> clean, int sets)
    {
        if (sets <= 0 || (sets & (sets - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(sets), sets, "a power of two");
        }

        _clean = clean;
        _setMask = sets - 1;
        _probes = new Probe[sets * Ways];
        _slots = new Slot[sets * Ways];
    }

    public string Clean(string value) => _slots[Find(value)].Text;

    /// <summary>Writes <paramref name="value"/>, cleaned, as a JSON string value.</summary>
    public void WriteValue(Utf8JsonWriter writer, string value)
    {
        ref var slot = ref _slots[Find(value)];
        if (Utf8(ref slot) is { } utf8)
        {
            writer.WriteStringValue(utf8);
        }
        else
        {
            writer.WriteStringValue(slot.Text);
        }
    }

    /// <summary>Writes <paramref name="value"/>, cleaned, as a JSON property name (a dictionary key).</summary>
    public void WriteName(Utf8JsonWriter writer, string value)
    {
        ref var slot = ref _slots[Find(value)];
        if (Utf8(ref slot) is { } utf8)
        {
            writer.WritePropertyName(utf8);
        }
        else
        {
            writer.WritePropertyName(slot.Text);
        }
    }

    /// <summary>The index of the slot that holds <paramref name="value"/> and its cleaned text, filled if it did not.</summary>
    private int Find(string value)
    {
        // XxHash3 of the UTF-16 bytes, not the runtime's Marvin: a few times faster on a report's paths and texts. Not
        // seeded, but values made to collide only share a set of four: they evict each other, nothing grows or slows.
        var hash = (int)XxHash3.HashToUInt64(MemoryMarshal.AsBytes(value.AsSpan()));
        var first = (hash & _setMask) * Ways;
        var stamp = ++_clock;
        ref var probe = ref _probes[first];
        var oldest = 0;
        for (var way = 0; way < Ways; way++)
        {
            ref var at = ref System.Runtime.CompilerServices.Unsafe.Add(ref probe, way);
            if (at.Hash == hash && _slots[first + way].Raw is { } kept && string.Equals(kept, value, StringComparison.Ordinal))
            {
                at.Used = stamp;
                _slots[first + way].Repeated = true;
                return first + way;
            }

            // Unsigned distance from now: the oldest use is the farthest back, a wrapped clock included.
            if (stamp - at.Used > stamp - System.Runtime.CompilerServices.Unsafe.Add(ref probe, oldest).Used)
            {
                oldest = way;
            }
        }

        System.Runtime.CompilerServices.Unsafe.Add(ref probe, oldest) = new Probe { Hash = hash, Used = stamp };
        _slots[first + oldest] = new Slot { Raw = value, Text = _clean(value) };
        return first + oldest;
    }

    /// <summary>
    /// The cleaned text in UTF-8, from the value's second write on; null (write the text) the first time, or for text
    /// <see cref="Encodable"/> leaves to the writer.
    /// </summary>
    private static byte[]? Utf8(ref Slot slot)
    {
        if (slot.Utf8 is null && slot.Repeated && Encodable(slot.Text))
        {
            slot.Utf8 = System.Text.Encoding.UTF8.GetBytes(slot.Text);
        }

        return slot.Utf8;
    }

    /// <summary>
    /// Text whose UTF-8 the writer escapes exactly as it escapes the text itself. A surrogate (a lone one, which UTF-8
    /// cannot hold, or a pair) is left to the writer: rare in a report, and not worth a second way of writing it.
    /// </summary>
    private static bool Encodable(string text) => !text.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF');

    private struct Probe
    {
        public int Hash;
        public uint Used;
    }

    private struct Slot
    {
        public string? Raw;
        public string Text;
        public byte[]? Utf8;
        public bool Repeated;
    }
}
