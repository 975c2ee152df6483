using GatewayAudit.Core.Snapshot;

namespace GatewayAudit.Cli.Tests;

/// <summary>
/// The CLI carries the snapshot of the policies/ folder as it is now: a catalog or rule file added, changed or
/// removed since is in the build's snapshot, or this fails (the build step's globs and inputs are what keep it so).
/// </summary>
public sealed class BuiltInSnapshotEmbedTests
{
    [Fact]
    public void The_cli_embeds_the_snapshot_of_the_current_policies_folder()
    {
        using var embedded = typeof(CliApp).Assembly.GetManifestResourceStream(BuiltInSnapshot.ResourceName);
        Assert.NotNull(embedded);
        using var bytes = new MemoryStream();
        embedded.CopyTo(bytes);

        var policies = RepoPaths.Combine("policies");
        var current = BuiltInSnapshot.Write(
            Path.Combine(policies, "catalog"), Path.Combine(policies, "schema", "catalog.schema.json"),
            Path.Combine(policies, "rules"), Path.Combine(policies, "schema", "rule.schema.json"));

        Assert.True(current.AsSpan().SequenceEqual(bytes.ToArray()), "the CLI's embedded snapshot is not the one policies/ gives now: rebuild");
    }
}
