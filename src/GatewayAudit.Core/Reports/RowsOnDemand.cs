using System.Collections;

namespace GatewayAudit.Core.Reports;

/// <summary>
/// A list whose rows are built when read and not kept: the JSON writer streams a report of 10,000 stacks row by row,
/// each stack's row garbage once written, instead of holding every stack's sub-processors, findings and questions
/// until the last byte (bench/SCALE.md: peak memory). Building must be pure: every read of a row builds an equal one.
/// </summary>
public sealed class RowsOnDemand<T>(int count, Func<int, T> build) : IReadOnlyList<T>
{
    public int Count { get; } = count;

    public T this[int index] => index >= 0 && index < Count ? build(index) : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<T> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return build(i);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
