using System.Buffers;
using System.IO.Hashing;
using System.Runtime.CompilerServices;
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
/// For the JSON writer a slot also keeps the cleaned text as the writer writes it, escaped, in UTF-8 and quoted, made
/// the second time the value is written: a repeated value (a rule's remediation, a vendor's retention text, a stack's
/// paths) is then copied, not escaped and transcoded again, and a value written once costs no encoding of its own
/// (bench/SCALE.md round 13). After a property name it is copied as it is (<see cref="WritePropertyValue"/>); elsewhere
/// the writer is given the UTF-8 when escaping left it as it was, the text when not. Only the cleaned text is ever
/// encoded, so what reaches the output is what <see cref="Clean"/> gives. Not a <see cref="JsonEncodedText"/>: that
/// also holds a string decoded back from its bytes, half of the 15 MiB its encodings took at 10,000 configs (round 16).
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

    // 32 KB flushed at a time: the writer's buffer stays under the large object heap's 85 KB.
    private const int FlushAt = 32 * 1024;

    // Characters of a long text written at a time (WriteInSegments).
    private const int Segment = 4 * 1024;

    private readonly Func<string, string> _clean;

    private readonly int _setMask;

    // Probed on every write; a way's strings in _slots at the same index.
    private readonly Probe[] _probes;

    private readonly Slot[] _slots;

    // The slot a string object was last found in, by the object's identity hash. Only an index: the slot's own reference
    // says whether it still holds the object, so nothing here keeps a string alive.
    private readonly int[] _seen;

    private readonly int _seenMask;

    // Stamps the last use of a way, for the least recently used way of a set. Wrapping round after 4 billion writes
    // only makes one choice of a way to give up a poor one.
    private uint _clock;

    // Escapes a repeated value once, as the report's writer would (Json); made on first use, with its writer's encoder.
    private Utf8JsonWriter? _escaper;

    private ArrayBufferWriter<byte>? _escaped;

    private System.Text.Encodings.Web.JavaScriptEncoder? _encoder;

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
        _seen = new int[sets * Ways];
        _seenMask = _seen.Length - 1;
    }

    public string Clean(string value) => _slots[Find(value)].Text;

    /// <summary>Writes <paramref name="value"/>, cleaned, as a JSON string value.</summary>
    public void WriteValue(Utf8JsonWriter writer, string value)
    {
        FlushIfFull(writer);
        ref var slot = ref _slots[Find(value)];
        if (slot.Text.Length > Segment)
        {
            WriteInSegments(writer, slot.Text);
        }
        else if (Json(writer, ref slot) is { } json && !slot.Escaped)
        {
            writer.WriteStringValue(json.AsSpan(1, json.Length - 2));
        }
        else
        {
            writer.WriteStringValue(slot.Text);
        }
    }

    /// <summary>
    /// Writes <paramref name="value"/>, cleaned, as the value of the property name just written: a repeated value is
    /// copied as the writer wrote it, escaping and quotes included, without the writer looking for what to escape again.
    /// Only after a property name, where the writer puts no separator, line break or indentation before a value.
    /// </summary>
    public void WritePropertyValue(Utf8JsonWriter writer, string value)
    {
        FlushIfFull(writer);
        ref var slot = ref _slots[Find(value)];
        if (slot.Text.Length > Segment)
        {
            WriteInSegments(writer, slot.Text);
        }
        else if (Json(writer, ref slot) is { } json)
        {
            writer.WriteRawValue(json, skipInputValidation: true);
        }
        else
        {
            writer.WriteStringValue(slot.Text);
        }
    }

    /// <summary>Writes <paramref name="value"/>, cleaned, as a JSON property name (a dictionary key).</summary>
    public void WriteName(Utf8JsonWriter writer, string value)
    {
        FlushIfFull(writer);
        ref var slot = ref _slots[Find(value)];
        if (Json(writer, ref slot) is { } json && !slot.Escaped)
        {
            writer.WritePropertyName(json.AsSpan(1, json.Length - 2));
        }
        else
        {
            writer.WritePropertyName(slot.Text);
        }
    }

    /// <summary>
    /// The writer's pending bytes handed to its output once past <see cref="FlushAt"/>: a writer on a stream then never
    /// holds more than that and a value, however large the list being written (JsonRenderer.Write). Every string of a
    /// report passes here, so no run of the report goes long without a chance to flush.
    /// </summary>
    private static void FlushIfFull(Utf8JsonWriter writer)
    {
        if (writer.BytesPending >= FlushAt)
        {
            writer.Flush();
        }
    }

    /// <summary>
    /// A long text (the Mermaid diagram of 10,000 stacks is 550 KB) in pieces, flushed between them: written whole, the
    /// writer escapes it into a buffer of six times its length and needs its output to hold it all. The pieces never
    /// split a surrogate pair, and the writer escapes each character on its own, so the bytes are the same.
    /// </summary>
    private static void WriteInSegments(Utf8JsonWriter writer, string text)
    {
        var rest = text.AsSpan();
        while (rest.Length > Segment)
        {
            var length = char.IsHighSurrogate(rest[Segment - 1]) ? Segment - 1 : Segment;
            writer.WriteStringValueSegment(rest[..length], isFinalSegment: false);
            rest = rest[length..];
            FlushIfFull(writer);
        }

        writer.WriteStringValueSegment(rest, isFinalSegment: true);
    }

    /// <summary>The index of the slot that holds <paramref name="value"/> and its cleaned text, filled if it did not.</summary>
    private int Find(string value)
    {
        // The same string object written again (a rule's title, a vendor's text, a stack's paths in each of its rows) is
        // found by its identity, without hashing or comparing its text: most writes are such repeats. The slot it was
        // last found in is asked whether it still holds this very object; the sets' last uses change as a search's do.
        ref var seen = ref _seen[RuntimeHelpers.GetHashCode(value) & _seenMask];
        if (ReferenceEquals(_slots[seen].Raw, value))
        {
            _probes[seen].Used = ++_clock;
            _slots[seen].Repeated = true;
            return seen;
        }

        seen = Search(value);
        return seen;
    }

    /// <summary><see cref="Find"/> by the text's hash and the text itself.</summary>
    private int Search(string value)
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
            ref var at = ref Unsafe.Add(ref probe, way);
            if (at.Hash == hash && _slots[first + way].Raw is { } kept && string.Equals(kept, value, StringComparison.Ordinal))
            {
                at.Used = stamp;
                _slots[first + way].Repeated = true;
                return first + way;
            }

            // Unsigned distance from now: the oldest use is the farthest back, a wrapped clock included.
            if (stamp - at.Used > stamp - Unsafe.Add(ref probe, oldest).Used)
            {
                oldest = way;
            }
        }

        Unsafe.Add(ref probe, oldest) = new Probe { Hash = hash, Used = stamp };
        _slots[first + oldest] = new Slot { Raw = value, Text = _clean(value) };
        return first + oldest;
    }

    /// <summary>
    /// The cleaned text as <paramref name="writer"/> writes it as a value, quotes included, from the value's second write
    /// on: null (write the text) the first time, for text <see cref="Encodable"/> leaves to the writer, or for a writer
    /// that escapes with another encoder than the one the slots' texts were escaped with.
    /// </summary>
    private byte[]? Json(Utf8JsonWriter writer, ref Slot slot)
    {
        var encoder = writer.Options.Encoder;
        if (slot.Json is null)
        {
            if (!slot.Repeated || !Encodable(slot.Text))
            {
                return null;
            }

            // Escaped by a writer of the same encoder, so the bytes are the writer's own. Escaping only ever lengthens.
            if (_escaper is null)
            {
                _encoder = encoder;
                _escaped = new ArrayBufferWriter<byte>();
                _escaper = new Utf8JsonWriter(_escaped, new JsonWriterOptions { Encoder = encoder, SkipValidation = true });
            }

            if (!ReferenceEquals(encoder, _encoder))
            {
                return null;
            }

            _escaped!.ResetWrittenCount();
            _escaper.Reset(_escaped);
            _escaper.WriteStringValue(slot.Text);
            _escaper.Flush();
            slot.Json = _escaped.WrittenSpan.ToArray();
            slot.Escaped = slot.Json.Length - 2 != System.Text.Encoding.UTF8.GetByteCount(slot.Text);
        }

        return ReferenceEquals(encoder, _encoder) ? slot.Json : null;
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
        // The text as the writer writes it (Json), and whether escaping changed it from its UTF-8.
        public byte[]? Json;
        public bool Escaped;
        public bool Repeated;
    }
}
