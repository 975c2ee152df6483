using System.Collections;
using System.Runtime.InteropServices;

namespace GatewayAudit.Core.Model;

/// <summary>
/// A sorted set kept in one array: what a component's or flow's evidence, notes and data categories need (in order,
/// no duplicates) without a tree node per item. A scan of 10,000 stacks holds about 400,000 of these sets, most with
/// one to three items; as <c>SortedSet</c>s they were a tree object plus a 48-byte node per item (bench/SCALE.md
/// round 5). Adding past the last item appends; anything else is a binary search and a shift, so a set built in
/// order (evidence read top to bottom, stacks merged in path order) stays linear. Enumerates in the comparer's order.
/// A set of one item (most evidence) holds it in a field, without an array (bench/SCALE.md round 15).
/// </summary>
public sealed class SortedArraySet<T> : IReadOnlyCollection<T>
{
    private readonly IComparer<T> _comparer;
    // The items are _items[0.._count), or, while no array is made and _count is 1, _one.
    private T[]? _items;
    private T _one = default!;
    private int _count;
    private int _version;

    public SortedArraySet()
        : this(Comparer<T>.Default)
    {
    }

    public SortedArraySet(IComparer<T> comparer) => _comparer = comparer;

    public int Count => _count;

    /// <summary>The item at a position in order.</summary>
    public T this[int index] => (uint)index < (uint)_count ? Items[index] : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>The first item in order, or the default value (null) when the set is empty, as <c>SortedSet.Min</c>.</summary>
    public T? Min => _count > 0 ? Items[0] : default;

    private Span<T> Items => _items is not null ? _items.AsSpan(0, _count) : _count == 1 ? MemoryMarshal.CreateSpan(ref _one, 1) : default;

    /// <summary>Adds the item unless an equal one (by the comparer) is there; says whether it was added.</summary>
    public bool Add(T item)
    {
        if (_count > 0 && _comparer.Compare(item, Items[_count - 1]) > 0)
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
                if (set._count == 1)
                {
                    _one = set.Items[0];
                }
                else
                {
                    _items = set.Items.ToArray();
                }

                _count = set._count;
                _version++;
                return;
            }

            // Merging one component's or flow's sets into another's is most unions: no boxed enumerator for those.
            for (var i = 0; i < set._count; i++)
            {
                Add(set.Items[i]);
            }

            return;
        }

        if (other is IReadOnlyList<T> list)
        {
            // A flow's categories given as a list ([Prompt, Completion, ...]): room for all at once, and no enumerator.
            if (_items is null && _count == 0 && list.Count > 1)
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
    public T[] ToArray() => _count == 0 ? [] : Items.ToArray();

    public bool Remove(T item)
    {
        var at = IndexOf(item);
        if (at < 0)
        {
            return false;
        }

        var items = Items;
        items[(at + 1)..].CopyTo(items[at..]);
        items[^1] = default!;
        _count--;
        _version++;
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
        var items = Items;
        var kept = 0;
        for (var i = 0; i < items.Length; i++)
        {
            if (!match(items[i]))
            {
                items[kept++] = items[i];
            }
        }

        var removed = _count - kept;
        if (removed > 0)
        {
            items[kept..].Clear();
            _count = kept;
            _version++;
        }

        return removed;
    }

    public Enumerator GetEnumerator() => new(this);

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(T item) => _count == 0 ? -1 : ((ReadOnlySpan<T>)Items).BinarySearch(item, _comparer);

    private void Insert(int at, T item)
    {
        if (_items is null && _count == 0)
        {
            _one = item;
            _count = 1;
            _version++;
            return;
        }

        if (_items is null || _count == _items.Length)
        {
            // Room for exactly what small sets hold, doubling past four.
            var grown = new T[_count < 4 ? _count + 1 : _count * 2];
            Items.CopyTo(grown);
            _one = default!;
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
        private readonly int _count;
        private readonly int _version;
        private int _at;

        internal Enumerator(SortedArraySet<T> set)
        {
            _set = set;
            _count = set._count;
            _version = set._version;
            _at = -1;
        }

        public readonly T Current => _set._items is { } items ? items[_at] : _set._one;

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
