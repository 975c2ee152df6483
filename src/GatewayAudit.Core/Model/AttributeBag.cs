using System.Collections;

namespace GatewayAudit.Core.Model;

/// <summary>
/// Sorted attribute map with a closed set of value types (string, bool, long, double, string list), so the
/// policy engine can compare values and JSON output stays deterministic.
/// </summary>
public sealed class AttributeBag : IEnumerable<KeyValuePair<string, object>>
{
    // One array of entries sorted by key (ordinal), made on first use, and beside it, only once a reader records one,
    // the line each fact was read from at the same index. A scan of 10,000 stacks holds about 110,000 bags, most with
    // a few keys or none: as a SortedDictionary and a Dictionary they were four objects and a tree node per key
    // (bench/SCALE.md rounds 4 and 5).
    private KeyValuePair<string, object>[]? _entries;

    // Where a reader read a fact (the setting's line), so a finding about it points there rather than at the
    // component's first evidence. Not part of the value: JSON output and comparisons ignore it.
    private SourceLocation?[]? _origins;

    private int _count;

    public int Count => _count;

    public object? this[string key] => IndexOf(key) is var at and >= 0 ? _entries![at].Value : null;

    /// <summary>Sets a fact and remembers the line it was read from.</summary>
    public void Set(string key, object value, SourceLocation origin)
    {
        var at = Put(key, Normalised(key, value));
        (_origins ??= new SourceLocation?[_entries!.Length])[at] = origin;
    }

    public void Set(string key, object value)
    {
        var at = Put(key, Normalised(key, value));
        _origins?[at] = null;
    }

    /// <summary>
    /// Adds <paramref name="value"/> to the list fact <paramref name="key"/> (made when absent), kept in ordinal order,
    /// each value once. A list in order (as this leaves it) takes the value at its place, without a sort's buffers;
    /// one set otherwise is sorted with it (bench/SCALE.md round 18).
    /// </summary>
    public void AddToList(string key, string value)
    {
        var list = this[key] as string[] ?? [];
        if (list.Contains(value, StringComparer.Ordinal))
        {
            return;
        }

        if (!IsOrdered(list))
        {
            Set(key, list.Append(value).Order(StringComparer.Ordinal));
            return;
        }

        var at = ~Array.BinarySearch(list, value, StringComparer.Ordinal);
        var grown = new string[list.Length + 1];
        list.AsSpan(0, at).CopyTo(grown);
        grown[at] = value;
        list.AsSpan(at).CopyTo(grown.AsSpan(at + 1));
        Set(key, grown);
    }

    /// <summary>The place the fact was read, when the reader recorded one.</summary>
    public SourceLocation? Origin(string key) => _origins is not null && IndexOf(key) is var at and >= 0 ? _origins[at] : null;

    public bool TryGet(string key, out object value)
    {
        var at = IndexOf(key);
        value = at >= 0 ? _entries![at].Value : null!;
        return at >= 0;
    }

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    /// <summary>Adds the other bag's facts: keys only it has, the union of string lists both have, and the stronger of ranked single values (<see cref="AttributeStrength"/>).</summary>
    public void MergeFrom(AttributeBag other)
    {
        for (var i = 0; i < other._count; i++)
        {
            var (key, value) = other._entries![i];
            var theirs = other._origins?[i];
            var at = IndexOf(key);

            // Lists (models, regions, hosts seen in several files) are unions; for single values the first wins, except
            // those AttributeStrength ranks.
            if (at < 0)
            {
                at = Put(key, value);
                if (theirs is not null)
                {
                    (_origins ??= new SourceLocation?[_entries!.Length])[at] = theirs;
                }
            }
            else if (_entries![at].Value is string[] left && value is string[] right)
            {
                _entries[at] = new(key, Shared(Union(left, right)));
            }
            else if (AttributeStrength.IsStronger(key, _entries[at].Value, value))
            {
                // Ranked single values (confidence, kind): the stronger evidence wins whatever the reading order.
                _entries[at] = new(key, value);
                _origins?[at] = null;
                if (theirs is not null)
                {
                    (_origins ??= new SourceLocation?[_entries.Length])[at] = theirs;
                }
            }
        }
    }

    /// <summary>
    /// The union of two string lists in ordinal order. Lists a merge has made are sorted already, and a stack's copy of a
    /// list mostly holds the other's items (the same models seen again): then a walk of both answers, and the left list
    /// itself is the union when it holds every item of the right (the roll-up merges 10,000 stacks' lists this way).
    /// </summary>
    internal static string[] Union(string[] left, string[] right)
    {
        if (!IsStrictlyOrdered(left) || !IsStrictlyOrdered(right))
        {
            return left.Union(right, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        }

        var count = MergeInto(left, right, []);
        if (count == left.Length)
        {
            return left;
        }

        var union = new string[count];
        MergeInto(left, right, union);
        return union;
    }

    // Counts the merged items, and writes them when there is room: one walk of two ordered lists.
    private static int MergeInto(string[] left, string[] right, Span<string> into)
    {
        var (i, j, n) = (0, 0, 0);
        while (i < left.Length || j < right.Length)
        {
            var order = i == left.Length ? 1 : j == right.Length ? -1 : string.CompareOrdinal(left[i], right[j]);
            var next = order <= 0 ? left[i] : right[j];
            i += order <= 0 ? 1 : 0;
            j += order >= 0 ? 1 : 0;
            if (n < into.Length)
            {
                into[n] = next;
            }

            n++;
        }

        return n;
    }

    private static bool IsStrictlyOrdered(string[] items) => IsOrdered(items, strictly: true);

    private static bool IsOrdered(string[] items, bool strictly = false)
    {
        for (var i = 1; i < items.Length; i++)
        {
            if (string.CompareOrdinal(items[i - 1], items[i]) is var order && (order > 0 || (strictly && order == 0)))
            {
                return false;
            }
        }

        return true;
    }

    public IEnumerator<KeyValuePair<string, object>> GetEnumerator()
    {
        for (var i = 0; i < _count; i++)
        {
            yield return _entries![i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static object Normalised(string key, object value) => value switch
    {
        bool b => b ? True : False,
        long l => Boxed(l, value),
        int i => Boxed(i, null),
        string or double => value,
        SortedArraySet<string> set => Shared(set.ToArray()),
        IEnumerable<string> list => Shared(list.ToArray()),
        _ => throw new ArgumentException($"attribute {key}: unsupported value type {value.GetType().Name}", nameof(value)),
    };

    /// <summary>
    /// One array for each short list of the same texts in the same order: stacks of a checkout repeat the same lists
    /// (the models of a provider, the callbacks of a proxy), and each stack's own copy was kept to the end (about
    /// 100,000 arrays of a 10,000-config scan's live heap). A list value is never changed once set (a merge makes a new
    /// array, or keeps the left one as it is), so sharing is safe; up to a bound, past which lists stay as they are.
    /// </summary>
    internal static string[] Shared(string[] list)
    {
        if (list.Length is 0 or > MaxSharedLength)
        {
            return list;
        }

        if (SharedLists.TryGetValue(list, out var known))
        {
            return known;
        }

        if (SharedLists.Count < MaxSharedLists)
        {
            return SharedLists.GetOrAdd(list, list);
        }

        return list;
    }

    private const int MaxSharedLength = 8;
    private const int MaxSharedLists = 16_384;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string[], string[]> SharedLists = new(SameTexts.Instance);

    /// <summary>Lists equal when they hold the same texts (ordinal) in the same order.</summary>
    private sealed class SameTexts : IEqualityComparer<string[]>
    {
        public static readonly SameTexts Instance = new();

        public bool Equals(string[]? x, string[]? y) =>
            ReferenceEquals(x, y) || (x is not null && y is not null && x.AsSpan().SequenceEqual(y, StringComparer.Ordinal));

        public int GetHashCode(string[] list)
        {
            var hash = new HashCode();
            foreach (var item in list)
            {
                hash.Add(item, StringComparer.Ordinal);
            }

            return hash.ToHashCode();
        }
    }

    // Facts are mostly flags and small numbers (ports, counts): one shared box each instead of one per fact, which were
    // about 60,000 of a 10,000-config scan's live objects (bench/SCALE.md round 15). Values are immutable, so sharing is safe.
    private static readonly object True = true;
    private static readonly object False = false;
    private static readonly object[] SmallLongs = [.. Enumerable.Range(0, 1025).Select(i => (object)(long)i)];

    private static object Boxed(long value, object? box) => value is >= 0 and <= 1024 ? SmallLongs[value] : box ?? value;

    private int IndexOf(string key)
    {
        var (low, high) = (0, _count - 1);
        while (low <= high)
        {
            var middle = low + ((high - low) >> 1);
            var order = string.CompareOrdinal(_entries![middle].Key, key);
            if (order == 0)
            {
                return middle;
            }

            (low, high) = order < 0 ? (middle + 1, high) : (low, middle - 1);
        }

        return ~low;
    }

    /// <summary>Sets the value under the key (its origin, if any, stays); returns the key's index.</summary>
    private int Put(string key, object value)
    {
        var at = IndexOf(key);
        if (at >= 0)
        {
            _entries![at] = new(key, value);
            return at;
        }

        at = ~at;
        if (_entries is null || _count == _entries.Length)
        {
            var size = _entries is null ? 2 : _count * 2;
            Array.Resize(ref _entries, size);
            if (_origins is not null)
            {
                Array.Resize(ref _origins, size);
            }
        }

        Array.Copy(_entries, at, _entries, at + 1, _count - at);
        _entries[at] = new(key, value);
        if (_origins is not null)
        {
            Array.Copy(_origins, at, _origins, at + 1, _count - at);
            _origins[at] = null;
        }

        _count++;
        return at;
    }
}
