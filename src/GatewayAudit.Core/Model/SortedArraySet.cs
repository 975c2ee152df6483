using System.Collections;

namespace GatewayAudit.Core.Model;

/// <summary>
/// A sorted set kept in one array: what a component's or flow's evidence, notes and data categories need (in order,
/// no duplicates) without a tree node per item. A scan of 10,000 stacks holds about 400,000 of these sets, most with
/// one to three items; as <c>SortedSet</c>s they were a tree object plus a 48-byte node per item (bench/SCALE.md
/// round 5). Adding past the last item appends; anything else is a binary search and a shift, so a set built in
/// order (evidence read top to bottom, stacks merged in path order) stays linear. Enumerates in the comparer's order.
/// </summary>
public sealed class SortedArraySet<T> : IReadOnlyCollection<T>
{
    private readonly IComparer<T> _comparer;
    private T[]? _items;
    private int _count;
    private int _version;

    public SortedArraySet()
        : this(Comparer<T>.Default)
    {
    }

    public SortedArraySet(IComparer<T> comparer) => _comparer = comparer;

    public int Count => _count;

    /// <summary>The item at a position in order.</summary>
    public T this[int index] => (uint)index < (uint)_count ? _items![index] : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>The first item in order, or the default value (null) when the set is empty, as <c>SortedSet.Min</c>.</summary>
    public T? Min => _count > 0 ? _items![0] : default;

    /// <summary>Adds the item unless an equal one (by the comparer) is there; says whether it was added.</summary>
    public bool Add(T item)
    {
        if (_count > 0 && _comparer.Compare(item, _items![_count - 1]) > 0)
        {
            Insert(_count, item);
            return true;
        }

        var at = IndexOf(item);
        if (at >= 0)
        {
            return false;
        }

        Insert(~at, item);
        return true;
    }

    public void UnionWith(IEnumerable<T> other)
    {
        if (other is SortedArraySet<T> set)
        {
            if (_count == 0 && set._count > 0 && ReferenceEquals(set._comparer, _comparer))
            {
                // Into an empty set with the same order: the other's items as they are, in one array of their number
                // (a fresh component or flow taking a fragment's evidence or categories), not grown item by item.
                _items = set._items.AsSpan(0, set._count).ToArray();
                _count = set._count;
                _version++;
                return;
            }

            // Merging one component's or flow's sets into another's is most unions: no boxed enumerator for those.
            for (var i = 0; i < set._count; i++)
            {
                Add(set._items![i]);
            }

            return;
        }

        if (other is IReadOnlyList<T> list)
        {
            // A flow's categories given as a list ([Prompt, Completion, ...]): room for all at once, and no enumerator.
            if (_items is null && list.Count > 0)
            {
                _items = new T[list.Count];
            }

            for (var i = 0; i < list.Count; i++)
            {
                Add(list[i]);
            }

            return;
        }

        foreach (var item in other)
        {
            Add(item);
        }
    }

    public bool Contains(T item) => IndexOf(item) >= 0;

    /// <summary>The items in order, in a new array of their number.</summary>
    public T[] ToArray() => _count == 0 ? [] : _items.AsSpan(0, _count).ToArray();

    public bool Remove(T item)
    {
        var at = IndexOf(item);
        if (at < 0)
        {
            return false;
        }

        _count--;
        _version++;
        Array.Copy(_items!, at + 1, _items!, at, _count - at);
        _items![_count] = default!;
        return true;
    }

    /// <summary>Removes every item the other sequence holds.</summary>
    public void ExceptWith(IEnumerable<T> other)
    {
        foreach (var item in other)
        {
            Remove(item);
        }
    }

    /// <summary>Removes every item the predicate matches, keeping the rest in order; returns how many it removed.</summary>
    public int RemoveWhere(Predicate<T> match)
    {
        var kept = 0;
        for (var i = 0; i < _count; i++)
        {
            if (!match(_items![i]))
            {
                _items[kept++] = _items[i];
            }
        }

        var removed = _count - kept;
        if (removed > 0)
        {
            Array.Clear(_items!, kept, removed);
            _count = kept;
            _version++;
        }

        return removed;
    }

    public Enumerator GetEnumerator() => new(this);

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(T item) => _count == 0 ? -1 : Array.BinarySearch(_items!, 0, _count, item, _comparer);

    private void Insert(int at, T item)
    {
        if (_items is null || _count == _items.Length)
        {
            // Room for exactly what small sets hold (most have one item), doubling past four.
            var grown = new T[_items is null ? 1 : _count < 4 ? _count + 1 : _count * 2];
            if (_items is not null)
            {
                Array.Copy(_items, grown, _count);
            }

            _items = grown;
        }

        Array.Copy(_items, at, _items, at + 1, _count - at);
        _items[at] = item;
        _count++;
        _version++;
    }

    /// <summary>Walks the items in order; a change to the set while walking it is an error, as for other collections.</summary>
    public struct Enumerator : IEnumerator<T>
    {
        private readonly SortedArraySet<T> _set;
        private readonly T[]? _items;
        private readonly int _count;
        private readonly int _version;
        private int _at;

        internal Enumerator(SortedArraySet<T> set)
        {
            _set = set;
            _items = set._items;
            _count = set._count;
            _version = set._version;
            _at = -1;
        }

        public readonly T Current => _items![_at];

        readonly object? IEnumerator.Current => Current;

        public bool MoveNext()
        {
            if (_set._version != _version)
            {
                throw new InvalidOperationException("the set changed while it was enumerated");
            }

            return ++_at < _count;
        }

        public void Reset() => _at = -1;

        public readonly void Dispose()
        {
        }
    }
}
