using GatewayAudit.Core.Scanning;

namespace GatewayAudit.Core.Tests;

/// <summary>A large scan collects its garbage every few thousand stacks while it writes them; a small scan never does.</summary>
public sealed class StageEndTests
{
    [Fact]
    public void A_full_collection_runs_at_every_few_thousand_stacks_of_a_large_scan_only()
    {
        Assert.True(StageEnd.CollectsAt(StageEnd.EveryStacks, 10_000));
        Assert.True(StageEnd.CollectsAt(2 * StageEnd.EveryStacks, 10_000));
        Assert.False(StageEnd.CollectsAt(0, 10_000));
        Assert.False(StageEnd.CollectsAt(StageEnd.EveryStacks + 1, 10_000));
        Assert.False(StageEnd.CollectsAt(StageEnd.EveryStacks, StageEnd.LargeScan - 1));
    }
}
