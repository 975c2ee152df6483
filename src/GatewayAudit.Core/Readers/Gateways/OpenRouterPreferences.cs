using GatewayAudit.Core.Model;
using GatewayAudit.Core.Yaml;

namespace GatewayAudit.Core.Readers.Gateways;

/// <summary>
/// One OpenRouter provider preference as any input writes it (a YAML or JSON file, a LiteLLM <c>extra_body</c>, an
/// object in code): its key; <see cref="Text"/>, the value as written, for the routing terms that name a route; its
/// <see cref="Value"/> (text, a boolean, a list of text, nested preferences such as <c>max_price</c>, or null when the
/// input does not resolve it); and where it was read.
/// </summary>
/// <see cref="Names"/> are a list's entries with references resolved, for pinning (<c>only</c>, <c>order</c>); the
/// <see cref="Value"/> of a list keeps them as written, so a resolved value never becomes a printed attribute.
internal sealed record OpenRouterPreference(string Key, string? Text, object? Value, SourceLocation At, IReadOnlyList<string>? Names = null);

/// <summary>
/// A request's provider preferences (https://openrouter.ai/docs/features/provider-routing), whatever input they were
/// read from, so <see cref="OpenRouterRoutes"/> is one logic for LiteLLM configs, request files and code.
/// </summary>
internal sealed class OpenRouterPreferences(IReadOnlyList<OpenRouterPreference> entries, bool? allowFallbacks)
{
    public IReadOnlyList<OpenRouterPreference> Entries { get; } = entries;

    /// <summary><see cref="Signature"/> of these preferences, made once (a file routes several models on the same terms).</summary>
    public string Terms => _terms ??= Signature(Entries);

    private string? _terms;

    /// <summary>provider.allow_fallbacks as the input states it (OpenRouter's default, when absent, is true).</summary>
    public bool? AllowFallbacks { get; } = allowFallbacks;

    public OpenRouterPreference? this[string key] => Entries.FirstOrDefault(e => e.Key == key);

    /// <summary>Provider names a preference lists (<c>only</c>, <c>order</c>): a list, or one name.</summary>
    public IReadOnlyList<string> Names(string key) => this[key] switch
    {
        { Names: { } names } => names,
        { Value: string[] list } => list,
        { Value: string one } => [one],
        _ => [],
    };

    /// <summary>The preferences of a YAML mapping, read with the file's values (references resolved, lines kept).</summary>
    public static OpenRouterPreferences FromYaml(ConfigValues values, YamlMapping preferences) =>
        new(Read(values, preferences), values.Bool(preferences, "allow_fallbacks", "provider.allow_fallbacks"));

    /// <summary>The preferences of a code object: key to (text, boolean or list of text) and its location.</summary>
    public static OpenRouterPreferences FromValues(IEnumerable<KeyValuePair<string, (object Value, SourceLocation At)>> values)
    {
        var entries = values.Select(v => new OpenRouterPreference(v.Key, TextOf(v.Value.Value), v.Value.Value, v.Value.At)).ToList();
        return new(entries, entries.FirstOrDefault(e => e.Key == "allow_fallbacks")?.Value as bool?);
    }

    private static List<OpenRouterPreference> Read(ConfigValues values, YamlMapping mapping) =>
        mapping.Entries.Select(e => e.Value switch
        {
            YamlScalar s => new OpenRouterPreference(e.Key.Value, s.Value.Trim(), values.Resolve(s).Value is { } text ? s.AsBool() is { } b ? b : text : null, values.At(s)),
            YamlSequence list => new OpenRouterPreference(e.Key.Value, $"[{string.Join(",", list.Items.OfType<YamlScalar>().Select(i => i.Value.Trim()))}]",
                list.Items.OfType<YamlScalar>().Select(i => i.Value).ToArray(), values.At(list),
                list.Items.OfType<YamlScalar>().Select(i => values.Resolve(i).Value).OfType<string>().ToArray()),
            YamlMapping map => new OpenRouterPreference(e.Key.Value, $"{{{Signature(Read(values, map))}}}", Read(values, map), values.At(map)),
            _ => new OpenRouterPreference(e.Key.Value, null, null, values.At(e.Key)),
        }).ToList();

    /// <summary>The preferences as one stable text ("data_collection=deny, zdr=true"); empty when none.</summary>
    public static string Signature(IEnumerable<OpenRouterPreference> entries) =>
        string.Join(", ", entries.Select(e => e.Text is null ? e.Key : $"{e.Key}={e.Text}").Order(StringComparer.Ordinal));

    private static string? TextOf(object? value) => value switch
    {
        bool b => b ? "true" : "false",
        string[] list => $"[{string.Join(",", list)}]",
        string text => text,
        null => null,
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
    };
}
