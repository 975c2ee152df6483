namespace GatewayAudit.Core.Scanning;

/// <summary>The orders discovery sorts paths in, each a struct comparer the span sort calls directly.</summary>
public sealed partial class InputDiscovery
{
    /// <summary>
    /// The candidates in the order files are read: outside hidden folders first, then the named before the walked, then
    /// by shown path; candidates equal in all three in the order met (a stable sort, as the LINQ OrderBy with two ThenBy
    /// it replaces, whose chained key comparers were 2 % of a 1,000-config scan's instructions: bench/SCALE.md round 17).
    /// </summary>
    private static Candidate[] InReadingOrder(List<Candidate> candidates)
    {
        var keys = new ReadingKey[candidates.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            var candidate = candidates[i];
            keys[i] = new ReadingKey((InHiddenFolder(candidate.Shown) ? 2 : 0) + (candidate.Named ? 0 : 1), candidate.Shown, i);
        }

        keys.AsSpan().Sort(new ReadingOrder());
        var ordered = new Candidate[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            ordered[i] = candidates[keys[i].Index];
        }

        return ordered;
    }

    private readonly record struct ReadingKey(int Rank, string Shown, int Index);

    private readonly struct ReadingOrder : IComparer<ReadingKey>
    {
        public int Compare(ReadingKey x, ReadingKey y) =>
            x.Rank != y.Rank ? x.Rank.CompareTo(y.Rank)
            : string.CompareOrdinal(x.Shown, y.Shown) is var byPath and not 0 ? byPath
            : x.Index.CompareTo(y.Index);
    }
}
