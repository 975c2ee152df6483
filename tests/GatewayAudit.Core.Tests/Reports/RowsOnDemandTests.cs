using System.Text.Json;
using GatewayAudit.Core.Reports;

namespace GatewayAudit.Core.Tests.Reports;

public sealed class RowsOnDemandTests
{
    [Fact]
    public void RowsAreBuiltWhenReadAndNotKept()
    {
        var built = 0;
        var rows = new RowsOnDemand<string>(3, i => $"stack {i} (build {++built})");

        Assert.Equal(0, built);
        Assert.Equal(3, rows.Count);
        Assert.Equal(["stack 0 (build 1)", "stack 1 (build 2)", "stack 2 (build 3)"], rows.ToList());
        Assert.Equal("stack 1 (build 4)", rows[1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => rows[3]);
    }

    [Fact]
    public void TheJsonWriterStreamsThemLikeAList()
    {
        IReadOnlyList<int> onDemand = new RowsOnDemand<int>(4, i => i * i);
        IReadOnlyList<int> list = [0, 1, 4, 9];

        Assert.Equal(JsonSerializer.Serialize(list), JsonSerializer.Serialize(onDemand));
    }
}
