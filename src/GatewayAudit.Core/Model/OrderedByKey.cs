using System.Collections;

namespace GatewayAudit.Core.Model;

/// <summary>
/// A stack's components or flows, kept in one array sorted by their key (ordinal), looked up by binary search. A scan of
/// 10,000 stacks holds 20,000 of these; as <c>SortedDictionary</c>s they were five objects each plus a tree node per
/// item, and each enumeration through an interface a boxed enumerator with its own stack of nodes (bench/SCALE.md
/// round 15). Enumerates in key order; changing it while it is enumerated is an error, as for other collections.
/// </summary>
public sealed class OrderedByKey<T> : IReadOnlyList<T>
    where T : class
{
    private readonly Func<T, string> _keyOf;
    private T[] _items = [];
    private int _count;
    private int _version;

    public OrderedByKey(Func<T, string> keyOf) => _keyOf = keyOf;

    public int Count => _count;

    public T this[int index] => (uint)index < (uint)_count ? _items[index] : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>The item under the key, or null.</summary>
    public T? Find(string key) => IndexOf(key) is var at and >= 0 ? _items[at] : null;

    /// <summary>Adds the item unless one is already held under its key; says whether it was added.</summary>
    public bool Add(T item)
    {
        var key = _keyOf(item);

        // Items mostly come in key order (a merge walks another model's items in order): then it is an append.
        var at = _count > 0 && string.CompareOrdinal(key, _keyOf(_items[_count - 1])) > 0 ? ~_count : IndexOf(key);
        if (at >= 0)
        {
            return false;
        }

        at = ~at;
        if (_count == _items.Length)
        {
            Array.Resize(ref _items, _count == 0 ? 2 : _count * 2);
        }

        Array.Copy(_items, at, _items, at + 1, _count - at);
        _items[at] = item;
        _count++;
        _version++;
        return true;
    }

    /// <summary>Removes the item under the key; says whether there was one.</summary>
    public bool Remove(string key)
    {
        var at = IndexOf(key);
        if (at < 0)
        {
            return false;
        }

        _count--;
        Array.Copy(_items, at + 1, _items, at, _count - at);
        _items[_count] = null!;
        _version++;
        return true;
    }

    public Enumerator GetEnumerator() => new(this);

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string key)
    {
        var (low, high) = (0, _count - 1);
        while (low <= high)
        {
            var middle = low + ((high - low) >> 1);
            var order = string.CompareOrdinal(_keyOf(_items[middle]), key);
            if (order == 0)
            {
                return middle;
            }

            (low, high) = order < 0 ? (middle + 1, high) : (low, middle - 1);
        }

        return ~low;
    }

    /// <summary>Walks the items in key order; a change while walking is an error.</summary>
    public struct Enumerator : IEnumerator<T>
    {
        private readonly OrderedByKey<T> _list;
        private readonly int _version;
        private int _at;

        internal Enumerator(OrderedByKey<T> list)
        {
            _list = list;
            _version = list._version;
            _at = -1;
        }

        public readonly T Current => _list._items[_at];

        readonly object IEnumerator.Current => Current;

        public bool MoveNext()
        {
            if (_list._version != _version)
            {
                throw new InvalidOperationException("the collection changed while it was enumerated");
            }

            return ++_at < _list._count;
        }

        public void Reset() => _at = -1;

        public readonly void Dispose()
        {
        }
    }
}
