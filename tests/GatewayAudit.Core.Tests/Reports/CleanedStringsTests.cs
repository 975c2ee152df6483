using System.Text.Encodings.Web;
using System.Text.Json;
using GatewayAudit.Core.Reports;

namespace GatewayAudit.Core.Tests.Reports;

/// <summary>The JSON writer's memory of cleaned strings: always what the cleaning function says, whatever collides or repeats.</summary>
public sealed class CleanedStringsTests
{
    [Fact]
    public void Gives_what_the_cleaning_function_gives_for_every_value_in_any_order()
    {
        // More distinct values than slots, so values share slots and evict each other; the secret is in some of them.
        static string Scrub(string text) => text.Replace("sk-secret", "****", StringComparison.Ordinal);
        var random = new Random(10);
        var values = Enumerable.Range(0, 20_000).Select(_ => random.Next(12_000))
            .Select(i => i % 7 == 0 ? $"https://host/{i}?key=sk-secret" : $"value {i}").ToList();
        var cleaned = new CleanedStrings(Scrub, sets: 256);

        Assert.All(values, v => Assert.Equal(Scrub(v), cleaned.Clean(v)));
        Assert.DoesNotContain(values.Select(cleaned.Clean), v => v.Contains("sk-secret", StringComparison.Ordinal));
    }

    [Fact]
    public void A_value_written_again_is_not_cleaned_again()
    {
        var calls = 0;
        var cleaned = new CleanedStrings(text => { calls++; return text.ToUpperInvariant(); });

        Assert.Equal("REMEDIATION", cleaned.Clean("remediation"));
        Assert.Equal("REMEDIATION", cleaned.Clean(new string("remediation".AsSpan()))); // equal text, another instance
        Assert.Equal(1, calls);
    }

    [Fact]
    public void A_value_every_stack_writes_is_cleaned_once_while_many_values_written_once_pass()
    {
        // Each stack writes the shared texts and paths of its own: the paths must not push the shared texts out.
        var cleanedTexts = new List<string>();
        var cleaned = new CleanedStrings(text => { cleanedTexts.Add(text); return text; });
        var shared = Enumerable.Range(0, 200).Select(i => $"remediation {i}").ToList();
        for (var stack = 0; stack < 5_000; stack++)
        {
            foreach (var text in shared)
            {
                cleaned.Clean(text);
            }

            for (var file = 0; file < 20; file++)
            {
                cleaned.Clean($"teams/team-{stack}/svc/config-{file}.yaml");
            }
        }

        Assert.Equal(200 + 5_000 * 20, cleanedTexts.Count);
        Assert.Equal(cleanedTexts.Count, cleanedTexts.Distinct().Count());
    }

    [Fact]
    public void The_same_string_object_written_again_is_cleaned_and_evicted_as_an_equal_copy_would_be()
    {
        // Found by its identity first: what is cleaned, and when it is given up for another value, must not change.
        var random = new Random(17);
        var pool = Enumerable.Range(0, 3_000).Select(i => i % 11 == 0 ? $"https://host/{i}?key=sk-secret" : $"value {i}").ToArray();
        var order = Enumerable.Range(0, 40_000).Select(_ => random.Next(random.Next(2) == 0 ? 40 : pool.Length)).ToList();

        List<string> Cleaned(Func<int, string> value)
        {
            var seen = new List<string>();
            var cleaned = new CleanedStrings(text => { seen.Add(text); return Scrub(text); }, sets: 64);
            foreach (var i in order)
            {
                Assert.Equal(Scrub(pool[i]), cleaned.Clean(value(i)));
            }

            return seen;
        }

        var sameObjects = Cleaned(i => pool[i]);
        var copies = Cleaned(i => new string(pool[i].AsSpan()));

        Assert.Equal(copies, sameObjects);
        Assert.True(sameObjects.Count < order.Count / 2, "repeats are not cleaned again");
    }

    [Fact]
    public void A_long_value_goes_to_the_stream_in_pieces_with_the_bytes_of_one_write()
    {
        // The Mermaid diagram of a large scan is one string: the writer must not hold it, escaped, whole.
        var value = string.Concat(Enumerable.Range(0, 40_000).Select(i => $"line {i} \"quoted\" \t 😀 é\n"));
        var cleaned = new CleanedStrings(Scrub);
        using var expected = new MemoryStream();
        using (var writer = new Utf8JsonWriter(expected, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartArray();
            writer.WriteStringValue(value);
            writer.WriteEndArray();
        }

        using var actual = new LargestWrite();
        using (var writer = new Utf8JsonWriter(actual, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartArray();
            cleaned.WriteValue(writer, value);
            writer.WriteEndArray();
        }

        Assert.True(expected.Length > 1_000_000);
        Assert.Equal(expected.ToArray(), actual.ToArray());
        Assert.InRange(actual.Largest, 1, 128 * 1024);
    }

    /// <summary>A memory stream that remembers the largest single write it was given.</summary>
    private sealed class LargestWrite : MemoryStream
    {
        public int Largest { get; private set; }

        public override void Write(ReadOnlySpan<byte> buffer) => Write(buffer.ToArray(), 0, buffer.Length);

        public override void Write(byte[] buffer, int offset, int count)
        {
            Largest = Math.Max(Largest, count);
            base.Write(buffer, offset, count);
        }
    }

    // Escaped differently by each way of writing if at all: quotes, backslash, controls, HTML, non-ASCII, line separators, surrogates.
    private static readonly string[] Awkward =
    [
        "plain", "", "quote \" and back\\slash", "tab\tline\ncr\r", "<script>&'</script>", "é ü ß 中文", "\u2028\u2029",
        "\u007f\u0085\u0000", "emoji 😀 pair", "lone \ud800 surrogate", new string('x', 5_000) + "\"",
        // Written in pieces of 4,096 characters: a surrogate pair and escaped characters where a piece ends.
        new string('x', 4_095) + "😀" + new string('"', 4_100) + "\t\u2028é" + new string('y', 9_000),
        new string('\\', 4_096) + "\ud800" + new string('z', 4_096) + "😀😀",
        "https://hooks.example/sk-secret?x=1", "sk-secret",
    ];

    private static string Scrub(string text) => text.Replace("sk-secret", "****", StringComparison.Ordinal);

    /// <summary>
    /// What the JSON writer writes for each value cleaned first, every value as a key, as an array's item and as a
    /// property's value, in that order.
    /// </summary>
    private static byte[] Written(IEnumerable<string> values, JavaScriptEncoder? encoder, Action<Utf8JsonWriter, string> name, Action<Utf8JsonWriter, string> value)
        => Written(values, encoder, name, value, value);

    private static byte[] Written(
        IEnumerable<string> values, JavaScriptEncoder? encoder, Action<Utf8JsonWriter, string> name, Action<Utf8JsonWriter, string> value, Action<Utf8JsonWriter, string> property)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = encoder }))
        {
            writer.WriteStartObject();
            foreach (var v in values)
            {
                name(writer, v);
                writer.WriteStartArray();
                value(writer, v);
                writer.WriteEndArray();
                writer.WritePropertyName("as a property");
                property(writer, v);
            }

            writer.WriteEndObject();
        }

        return stream.ToArray();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Writes_a_repeated_value_as_the_writer_writes_its_cleaned_text(bool relaxed)
    {
        // Each value three times: the first written from the cleaned text, the others from the text already escaped.
        var encoder = relaxed ? JavaScriptEncoder.UnsafeRelaxedJsonEscaping : null;
        var values = Awkward.Concat(Awkward).Concat(Awkward).ToList();
        var cleaned = new CleanedStrings(Scrub);

        var expected = Written(values, encoder, (w, v) => w.WritePropertyName(Scrub(v)), (w, v) => w.WriteStringValue(Scrub(v)));
        var actual = Written(values, encoder, cleaned.WriteName, cleaned.WriteValue, cleaned.WritePropertyValue);

        Assert.Equal(System.Text.Encoding.UTF8.GetString(expected), System.Text.Encoding.UTF8.GetString(actual));
        Assert.DoesNotContain("sk-secret", System.Text.Encoding.UTF8.GetString(actual), StringComparison.Ordinal);
    }

    [Fact]
    public void Writes_what_the_cleaning_function_gives_whatever_collides_or_repeats()
    {
        // More distinct values than slots: a slot's escaped text must follow the value that holds the slot now.
        var random = new Random(13);
        var values = Enumerable.Range(0, 30_000).Select(_ => random.Next(9_000))
            .Select(i => i % 5 == 0 ? $"https://host/{i}?key=sk-secret" : i % 3 == 0 ? $"\"quoted\" {i}\t" : $"value {i}").ToList();
        var cleaned = new CleanedStrings(Scrub, sets: 256);
        var encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

        var expected = Written(values, encoder, (w, v) => w.WritePropertyName(Scrub(v)), (w, v) => w.WriteStringValue(Scrub(v)));
        var actual = Written(values, encoder, cleaned.WriteName, cleaned.WriteValue, cleaned.WritePropertyValue);

        Assert.Equal(System.Text.Encoding.UTF8.GetString(expected), System.Text.Encoding.UTF8.GetString(actual));
    }
}
