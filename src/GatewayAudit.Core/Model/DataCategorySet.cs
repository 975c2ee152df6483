using System.Collections;

namespace GatewayAudit.Core.Model;

/// <summary>
/// The data categories a flow carries (or a component receives), as bits of one value: in the enum's order, no
/// duplicates, as the <c>SortedArraySet</c> and <c>SortedSet</c> it replaces. A value, not an object: 10,000 stacks' flows
/// held about 110,000 set and array objects for at most five categories each (bench/SCALE.md round 15). Immutable, so
/// a copy read from a flow cannot be changed by mistake; <see cref="With"/> and <see cref="Union"/> give new values.
/// </summary>
public readonly struct DataCategorySet : IReadOnlyCollection<DataCategory>, IEquatable<DataCategorySet>
{
    private readonly int _bits;

    private DataCategorySet(int bits) => _bits = bits;

    public static DataCategorySet Empty => default;

    public static DataCategorySet Of(IEnumerable<DataCategory> categories)
    {
        if (categories is DataCategorySet set)
        {
            return set;
        }

        var bits = 0;
        foreach (var category in categories)
        {
            bits |= Bit(category);
        }

        return new(bits);
    }

    public static DataCategorySet Of(ReadOnlySpan<DataCategory> categories)
    {
        var bits = 0;
        foreach (var category in categories)
        {
            bits |= Bit(category);
        }

        return new(bits);
    }

    public int Count => System.Numerics.BitOperations.PopCount((uint)_bits);

    public bool Contains(DataCategory category) => (_bits & Bit(category)) != 0;

    /// <summary>Whether the two sets share a category.</summary>
    public bool Overlaps(DataCategorySet other) => (_bits & other._bits) != 0;

    public DataCategorySet With(DataCategory category) => new(_bits | Bit(category));

    public DataCategorySet Union(DataCategorySet other) => new(_bits | other._bits);

    public bool Equals(DataCategorySet other) => _bits == other._bits;

    public override bool Equals(object? obj) => obj is DataCategorySet other && Equals(other);

    public override int GetHashCode() => _bits;

    public static bool operator ==(DataCategorySet left, DataCategorySet right) => left.Equals(right);

    public static bool operator !=(DataCategorySet left, DataCategorySet right) => !left.Equals(right);

    public Enumerator GetEnumerator() => new(_bits);

    IEnumerator<DataCategory> IEnumerable<DataCategory>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static int Bit(DataCategory category) =>
        (uint)category < 32 ? 1 << (int)category : throw new ArgumentOutOfRangeException(nameof(category), category, "not a data category");

    /// <summary>Walks the categories in the enum's order (lowest bit first).</summary>
    public struct Enumerator : IEnumerator<DataCategory>
    {
        private int _left;

        internal Enumerator(int bits)
        {
            _left = bits;
            Current = default;
        }

        public DataCategory Current { get; private set; }

        readonly object IEnumerator.Current => Current;

        public bool MoveNext()
        {
            if (_left == 0)
            {
                return false;
            }

            var bit = System.Numerics.BitOperations.TrailingZeroCount(_left);
            Current = (DataCategory)bit;
            _left &= _left - 1;
            return true;
        }

        public void Reset() => throw new NotSupportedException();

        public readonly void Dispose()
        {
        }
    }
}
