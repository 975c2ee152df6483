using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace GatewayAudit.Core.Yaml;

/// <summary>
/// Builds the tree <see cref="SafeYamlLoader"/> would build for a plain JSON file (lines, columns, values, quoting),
/// with System.Text.Json's reader instead of the YAML scanner: gateway JSON files (Portkey configs, OpenRouter requests)
/// were parsed with the YAML loader, 2-3 % of a large scan's CPU (bench/SCALE.md round 11). It takes only text it is
/// sure of: printable ASCII with LF or CRLF line ends, strict JSON, an object or array at the top, no escape in any
/// string, no duplicate key, no key longer than YAML's simple-key limit or parted from its colon by a line end, nesting
/// well inside the YAML loader's bound. Anything else returns null and the YAML loader reads it, so its diagnostics
/// (malformed input, duplicate keys, depth) stay exactly what they were.
/// </summary>
public static class JsonTreeLoader
{
    /// <summary>Nesting past this goes to the YAML loader, which enforces (and words) the depth bound.</summary>
    private const int MaxDepth = SafeYamlLoader.DefaultMaxDepth / 2;

    /// <summary>YAML's bound on an implicit key's length (1,024 characters), with room for its quotes.</summary>
    private const int MaxKeyLength = 1_000;

    // Printable ASCII and the two line-end characters; a lone CR is checked apart (YAML counts it as a line end).
    internal static readonly SearchValues<char> Plain = SearchValues.Create(
        "\n\r !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~");

    /// <summary>The document, or null when the YAML loader must read this text.</summary>
    public static YamlDocument? TryLoad(string file, string text)
    {
        if (text.AsSpan().IndexOfAnyExcept(Plain) >= 0 || HasLoneCarriageReturn(text))
        {
            return null;
        }

        // The bytes are only read here (every string of the tree is taken from the text), so a pooled buffer serves.
        var bytes = ArrayPool<byte>.Shared.Rent(text.Length);
        var length = Encoding.ASCII.GetBytes(text, bytes);
        var lines = new LineStarts(text);
        var reader = new Utf8JsonReader(bytes.AsSpan(0, length), new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = MaxDepth });
        try
        {
            if (!reader.Read() || reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
            {
                return null;
            }

            var root = ReadNode(ref reader, text, lines);
            return root is not null && !reader.Read() ? new YamlDocument(file, root) : null;
        }
        catch (JsonException)
        {
            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    private static bool HasLoneCarriageReturn(string text)
    {
        for (var i = text.IndexOf('\r'); i >= 0; i = text.IndexOf('\r', i + 1))
        {
            if (i + 1 >= text.Length || text[i + 1] != '\n')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The node at the reader's current token (the reader ends on the node's last token); null to give up.</summary>
    private static YamlNode? ReadNode(ref Utf8JsonReader reader, string text, LineStarts lines)
    {
        var (line, column) = lines.At((int)reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                {
                    var entries = new List<KeyValuePair<YamlScalar, YamlNode>>();
                    HashSet<string>? keys = null;
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        var keyStart = (int)reader.TokenStartIndex;
                        if (reader.ValueIsEscaped || reader.ValueSpan.Length > MaxKeyLength)
                        {
                            return null;
                        }

                        // ASCII only, so the key's characters sit in the text at the bytes' offsets, inside the quotes.
                        var name = RepeatedText.Of(text.AsSpan(keyStart + 1, reader.ValueSpan.Length));
                        // The colon must follow the key on its line: YAML's implicit keys cannot span lines.
                        var keyEnd = keyStart + reader.ValueSpan.Length + 2;
                        var colon = text.IndexOf(':', keyEnd);
                        if (colon < 0 || text.AsSpan(keyEnd, colon - keyEnd).IndexOfAny('\n', '\r') >= 0
                            || BlockYamlLoader.IsDuplicate(CollectionsMarshal.AsSpan(entries), ref keys, name))
                        {
                            return null;
                        }

                        var (keyLine, keyColumn) = lines.At(keyStart);
                        var key = new YamlScalar(keyLine, keyColumn, name, quoted: true, tag: null);
                        if (!reader.Read() || ReadNode(ref reader, text, lines) is not { } value)
                        {
                            return null;
                        }

                        entries.Add(new(key, value));
                    }

                    return reader.TokenType == JsonTokenType.EndObject ? new YamlMapping(line, column, entries) : null;
                }

            case JsonTokenType.StartArray:
                {
                    var items = new List<YamlNode>();
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        if (ReadNode(ref reader, text, lines) is not { } item)
                        {
                            return null;
                        }

                        items.Add(item);
                    }

                    return new YamlSequence(line, column, items);
                }

            case JsonTokenType.String:
                return reader.ValueIsEscaped ? null : new YamlScalar(line, column, RepeatedText.Of(text.AsSpan((int)reader.TokenStartIndex + 1, reader.ValueSpan.Length)), quoted: true, tag: null);
            case JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False or JsonTokenType.Null:
                // The text as written, a plain scalar: what the YAML loader keeps for 1e5, true or null.
                return new YamlScalar(line, column, RepeatedText.Of(text.AsSpan((int)reader.TokenStartIndex, reader.ValueSpan.Length)), quoted: false, tag: null);
            default:
                return null;
        }
    }

    /// <summary>Line and column (1-based, as the YAML loader counts them) of an offset, by a search of the line starts.</summary>
    private sealed class LineStarts
    {
        private readonly List<int> _starts = [0];

        public LineStarts(string text)
        {
            for (var i = text.IndexOf('\n'); i >= 0; i = text.IndexOf('\n', i + 1))
            {
                _starts.Add(i + 1);
            }
        }

        public (int Line, int Column) At(int offset)
        {
            var index = _starts.BinarySearch(offset);
            var line = index >= 0 ? index : ~index - 1;
            return (line + 1, offset - _starts[line] + 1);
        }
    }
}
