using GatewayAudit.Core.Model;

namespace GatewayAudit.Core.Yaml;

/// <summary>
/// A YAML node with its source position. Aliases share the anchored node (no copies), and merge keys (<c>&lt;&lt;</c>)
/// are already resolved into the mapping that holds them, so readers never see either.
/// </summary>
public abstract class YamlNode
{
    protected YamlNode(int line, int column)
    {
        Line = line;
        Column = column;
    }

    public int Line { get; }

    public int Column { get; }

    /// <summary>A short description of the node's kind for messages ("a mapping", "a list", "a text value").</summary>
    public abstract string KindText { get; }
}

public sealed class YamlScalar(int line, int column, string value, bool quoted, string? tag) : YamlNode(line, column)
{
    public string Value { get; } = value;

    public bool Quoted => _style?.Quoted ?? false;

    public string? Tag => _style?.Tag;

    // Quoted and tag in one field: most scalars are plain and untagged (null), quoted ones share one style, and only a
    // tagged one has its own. A bool and a tag beside the value made each scalar 48 bytes rather than 40, and a scan of
    // 10,000 configs makes about half a million of them.
    private readonly Style? _style = tag is not null ? new Style(quoted, tag) : quoted ? Style.QuotedOnly : null;

    private sealed record Style(bool Quoted, string? Tag)
    {
        public static readonly Style QuotedOnly = new(true, null);
    }

    public override string KindText => "a single value";

    /// <summary>A plain null, ~, or empty value (what PyYAML reads as None).</summary>
    public bool IsNull => !Quoted && Value is "" or "~" or "null" or "Null" or "NULL";

    /// <summary>YAML 1.1 booleans, as PyYAML (and so LiteLLM) reads them.</summary>
    public bool? AsBool()
    {
        // No word below is longer than five letters, and lower-casing keeps the length: a longer value is no bool,
        // and is not copied to find that out.
        if (Quoted || Value.Length > 5)
        {
            return null;
        }

        return Value.ToLowerInvariant() switch
        {
            "true" or "yes" or "on" or "y" => true,
            "false" or "no" or "off" or "n" => false,
            _ => null,
        };
    }

    public double? AsNumber()
    {
        if (Quoted)
        {
            return null;
        }

        return double.TryParse(Value.Replace("_", "", StringComparison.Ordinal), System.Globalization.NumberStyles.Float,
            System.Globalization.CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : null;
    }
}

public sealed class YamlSequence(int line, int column, IReadOnlyList<YamlNode> items) : YamlNode(line, column)
{
    public IReadOnlyList<YamlNode> Items { get; } = items;

    public override string KindText => "a list";
}

/// <summary>A mapping in document order. Keys are the scalar text of each key; non-scalar keys are rejected at load.</summary>
public sealed class YamlMapping(int line, int column, IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>> entries) : YamlNode(line, column)
{
    public IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>> Entries { get; } = entries;

    public override string KindText => "a mapping";

    public YamlNode? this[string key]
    {
        get
        {
            // Last one wins, as in PyYAML; duplicates are reported by the loader.
            for (var i = Entries.Count - 1; i >= 0; i--)
            {
                if (Entries[i].Key.Value == key)
                {
                    return Entries[i].Value;
                }
            }

            return null;
        }
    }

    public YamlScalar? KeyNode(string key)
    {
        for (var i = Entries.Count - 1; i >= 0; i--)
        {
            if (Entries[i].Key.Value == key)
            {
                return Entries[i].Key;
            }
        }

        return null;
    }

    public bool ContainsKey(string key) => KeyNode(key) is not null;
}

/// <summary>A parsed YAML file: its root (null for an empty file) and the path used in evidence.</summary>
public sealed record YamlDocument(string File, YamlNode? Root)
{
    public SourceLocation At(YamlNode node) => new(File, node.Line, node.Column);
}
