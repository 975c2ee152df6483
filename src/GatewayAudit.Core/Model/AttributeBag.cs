using System.Collections;

namespace GatewayAudit.Core.Model;

/// <summary>
/// Sorted attribute map with a closed set of value types (string, bool, long, double, string list), so the
/// policy engine can compare values and JSON output stays deterministic.
/// </summary>
public sealed class AttributeBag : IEnumerable<KeyValuePair<string, object>>
{
    private readonly SortedDictionary<string, object> _values = new(StringComparer.Ordinal);

    // Where a reader read a fact (the setting's line), so a finding about it points there rather than at the
    // component's first evidence. Not part of the value: JSON output and comparisons ignore it.
    private readonly Dictionary<string, SourceLocation> _origins = new(StringComparer.Ordinal);

    public int Count => _values.Count;

    public object? this[string key] => _values.TryGetValue(key, out var value) ? value : null;

    /// <summary>Sets a fact and remembers the line it was read from.</summary>
    public void Set(string key, object value, SourceLocation origin)
    {
        Set(key, value);
        _origins[key] = origin;
    }

    public void Set(string key, object value)
    {
        _origins.Remove(key);
        _values[key] = value switch
        {
            string or bool or long or double => value,
            int i => (long)i,
            IEnumerable<string> list => list.ToArray(),
            _ => throw new ArgumentException($"attribute {key}: unsupported value type {value.GetType().Name}", nameof(value)),
        };
    }

    /// <summary>The place the fact was read, when the reader recorded one.</summary>
    public SourceLocation? Origin(string key) => _origins.GetValueOrDefault(key);

    public bool TryGet(string key, out object value) => _values.TryGetValue(key, out value!);

    public bool ContainsKey(string key) => _values.ContainsKey(key);

    /// <summary>Adds the other bag's facts: keys only it has, the union of string lists both have, and the stronger of ranked single values (<see cref="AttributeStrength"/>).</summary>
    public void MergeFrom(AttributeBag other)
    {
        foreach (var (key, value) in other._values)
        {
            // Lists (models, regions, hosts seen in several files) are unions; for single values the first wins, except
            // those AttributeStrength ranks.
            if (_values.TryGetValue(key, out var mine) && mine is string[] left && value is string[] right)
            {
                _values[key] = left.Union(right, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            }
            else if (mine is not null && AttributeStrength.IsStronger(key, mine, value))
            {
                // Ranked single values (confidence, kind): the stronger evidence wins whatever the reading order.
                _values[key] = value;
                _origins.Remove(key);
                if (other._origins.TryGetValue(key, out var origin))
                {
                    _origins[key] = origin;
                }
            }
            else
            {
                if (_values.TryAdd(key, value) && other._origins.TryGetValue(key, out var origin))
                {
                    _origins[key] = origin;
                }
            }
        }
    }

    public IEnumerator<KeyValuePair<string, object>> GetEnumerator() => _values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
