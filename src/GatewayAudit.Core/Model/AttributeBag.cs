using System.Collections;

namespace GatewayAudit.Core.Model;

/// <summary>
/// Sorted attribute map with a closed set of value types (string, bool, long, double, string list), so the
/// policy engine can compare values and JSON output stays deterministic.
/// </summary>
public sealed class AttributeBag : IEnumerable<KeyValuePair<string, object>>
{
    // Both maps are made on first use: a scan of 10,000 stacks holds about 110,000 bags, most of them without origins
    // and many empty (bench/SCALE.md round 4).
    private static readonly SortedDictionary<string, object> NoValues = new(StringComparer.Ordinal);

    private SortedDictionary<string, object>? _values;

    // Where a reader read a fact (the setting's line), so a finding about it points there rather than at the
    // component's first evidence. Not part of the value: JSON output and comparisons ignore it.
    private Dictionary<string, SourceLocation>? _origins;

    public int Count => _values?.Count ?? 0;

    public object? this[string key] => _values is not null && _values.TryGetValue(key, out var value) ? value : null;

    private SortedDictionary<string, object> Values => _values ??= new(StringComparer.Ordinal);

    private Dictionary<string, SourceLocation> Origins => _origins ??= new(StringComparer.Ordinal);

    /// <summary>Sets a fact and remembers the line it was read from.</summary>
    public void Set(string key, object value, SourceLocation origin)
    {
        Set(key, value);
        Origins[key] = origin;
    }

    public void Set(string key, object value)
    {
        _origins?.Remove(key);
        Values[key] = value switch
        {
            string or bool or long or double => value,
            int i => (long)i,
            IEnumerable<string> list => list.ToArray(),
            _ => throw new ArgumentException($"attribute {key}: unsupported value type {value.GetType().Name}", nameof(value)),
        };
    }

    /// <summary>The place the fact was read, when the reader recorded one.</summary>
    public SourceLocation? Origin(string key) => _origins?.GetValueOrDefault(key);

    public bool TryGet(string key, out object value)
    {
        value = null!;
        return _values is not null && _values.TryGetValue(key, out value!);
    }

    public bool ContainsKey(string key) => _values?.ContainsKey(key) ?? false;

    /// <summary>Adds the other bag's facts: keys only it has, the union of string lists both have, and the stronger of ranked single values (<see cref="AttributeStrength"/>).</summary>
    public void MergeFrom(AttributeBag other)
    {
        if (other._values is not { Count: > 0 })
        {
            return;
        }

        var values = Values;
        foreach (var (key, value) in other._values)
        {
            // Lists (models, regions, hosts seen in several files) are unions; for single values the first wins, except
            // those AttributeStrength ranks.
            if (values.TryGetValue(key, out var mine) && mine is string[] left && value is string[] right)
            {
                values[key] = left.Union(right, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            }
            else if (mine is not null && AttributeStrength.IsStronger(key, mine, value))
            {
                // Ranked single values (confidence, kind): the stronger evidence wins whatever the reading order.
                values[key] = value;
                _origins?.Remove(key);
                if (other._origins is not null && other._origins.TryGetValue(key, out var origin))
                {
                    Origins[key] = origin;
                }
            }
            else
            {
                if (values.TryAdd(key, value) && other._origins is not null && other._origins.TryGetValue(key, out var origin))
                {
                    Origins[key] = origin;
                }
            }
        }
    }

    public IEnumerator<KeyValuePair<string, object>> GetEnumerator() => (_values ?? NoValues).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
