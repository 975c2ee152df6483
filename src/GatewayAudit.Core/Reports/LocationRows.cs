using GatewayAudit.Core.Model;

namespace GatewayAudit.Core.Reports;

/// <summary>
/// Every location of a set as evidence rows, each made when read and not kept: the roll-up of 10,000 stacks has about
/// 170,000 locations, which as rows held from the report model to the last byte written were about 7 MiB at the scan's
/// peak (bench/SCALE.md round 6). <see cref="JsonRowWriter"/> writes the locations without making rows at all. The set
/// must not change while the report is in use.
/// </summary>
internal sealed class LocationRows(SortedArraySet<SourceLocation> locations, int count) : IReadOnlyList<EvidenceRow>, System.Collections.IList
{
    public SortedArraySet<SourceLocation> Locations { get; } = locations;

    /// <summary>The first locations shown: all of them, or a row's first few (<see cref="EvidenceRows.First(SortedArraySet{SourceLocation})"/>).</summary>
    public int Count { get; } = count;

    public EvidenceRow this[int index] => (uint)index < (uint)Count
        ? new(Locations[index].File, Locations[index].Line)
        : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<EvidenceRow> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    // A read-only list to the templates (Scriban gives a list its size and index only through IList).
    bool System.Collections.IList.IsFixedSize => true;

    bool System.Collections.IList.IsReadOnly => true;

    bool System.Collections.ICollection.IsSynchronized => false;

    object System.Collections.ICollection.SyncRoot => this;

    object? System.Collections.IList.this[int index]
    {
        get => this[index];
        set => throw new NotSupportedException();
    }

    int System.Collections.IList.Add(object? value) => throw new NotSupportedException();

    void System.Collections.IList.Clear() => throw new NotSupportedException();

    bool System.Collections.IList.Contains(object? value) => ((System.Collections.IList)this).IndexOf(value) >= 0;

    int System.Collections.IList.IndexOf(object? value)
    {
        for (var i = 0; i < Count; i++)
        {
            if (Equals(this[i], value))
            {
                return i;
            }
        }

        return -1;
    }

    void System.Collections.IList.Insert(int index, object? value) => throw new NotSupportedException();

    void System.Collections.IList.Remove(object? value) => throw new NotSupportedException();

    void System.Collections.IList.RemoveAt(int index) => throw new NotSupportedException();

    void System.Collections.ICollection.CopyTo(Array array, int index)
    {
        for (var i = 0; i < Count; i++)
        {
            array.SetValue(this[i], index + i);
        }
    }
}
