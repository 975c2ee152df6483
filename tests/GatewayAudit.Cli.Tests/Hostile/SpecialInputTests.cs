using GatewayAudit.Core.Scanning;

namespace GatewayAudit.Cli.Tests.Hostile;

/// <summary>
/// Special files where a config is expected are skipped (in a walked folder) or refused with exit 2 (when named),
/// within bounded time: never a hang on a FIFO, never reading /dev/zero to exhaustion. Many files are bounded together.
/// </summary>
public sealed class SpecialInputTests : IDisposable
{
    private readonly TempDir _dir = new();

    public SpecialInputTests() =>
        _dir.Write("deploy/config.yaml", File.ReadAllText(RepoPaths.Combine("examples", "eu-multi-provider", "config.yaml")));

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_fifo_named_config_yaml_in_a_walked_folder_is_skipped_with_the_reason()
    {
        SpecialFiles.Fifo(Path.Combine(_dir.Path, "deploy", "values.yaml"));
        var run = SpecialFiles.RunBounded(_dir.Path, "scan", "deploy", "--format", "json").AssertNoStackTrace().AssertExit(0);
        Assert.Contains("a FIFO (named pipe), not a regular file; not read", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/dev/zero")]
    [InlineData("/dev/urandom")]
    public void A_symlink_to_an_endless_device_in_a_walked_folder_is_skipped(string device)
    {
        File.CreateSymbolicLink(Path.Combine(_dir.Path, "deploy", "values.yaml"), device);
        var run = SpecialFiles.RunBounded(_dir.Path, "scan", "deploy", "--format", "json").AssertNoStackTrace().AssertExit(0);
        Assert.Contains("a character device, not a regular file; not read", run.Stdout, StringComparison.Ordinal);
    }

    public static TheoryData<string[]> NamedSpecialFiles => new()
    {
        new[] { "scan", "special.yaml" },
        new[] { "scan", "deploy", "--template", "special.yaml" },
        new[] { "scan", "deploy", "--baseline", "special.yaml" },
        new[] { "scan", "deploy", "--settings", "special.yaml" },
        new[] { "scan", "deploy", "--dpa", "special.yaml" },
        new[] { "scan", "deploy", "--policies", "special.yaml" },
    };

    [Theory]
    [MemberData(nameof(NamedSpecialFiles))]
    public void A_named_fifo_is_refused_with_exit_2(string[] args)
    {
        SpecialFiles.Fifo(Path.Combine(_dir.Path, "special.yaml"));
        var run = SpecialFiles.RunBounded(_dir.Path, args).AssertNoStackTrace().AssertExit(2);
        Assert.Contains("FIFO (named pipe), not a regular file; not read", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
    }

    [Theory]
    [MemberData(nameof(NamedSpecialFiles))]
    public void A_named_symlink_to_dev_zero_is_refused_with_exit_2(string[] args)
    {
        File.CreateSymbolicLink(Path.Combine(_dir.Path, "special.yaml"), "/dev/zero");
        var run = SpecialFiles.RunBounded(_dir.Path, args).AssertNoStackTrace().AssertExit(2);
        Assert.Contains("character device, not a regular file; not read", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Many_files_are_bounded_together_not_only_one_by_one()
    {
        for (var i = 0; i < 4; i++)
        {
            _dir.Write($"deploy/more/config-{i}.yaml", "model_list:\n" + string.Concat(Enumerable.Repeat("  - model_name: m\n    litellm_params: {model: openai/gpt-4o}\n", 200)));
        }

        var options = new AuditOptions { Paths = ["deploy"], WorkingDirectory = _dir.Path, InputBudgetBytes = 40_000, Today = new DateOnly(2026, 11, 30) };
        var audit = Auditor.Default.Run(options);
        var budget = Assert.Single(audit.Diagnostics, d => d.Code == "input-budget");
        Assert.Contains("hold more than", budget.Message, StringComparison.Ordinal);
        Assert.False(audit.Complete);
        Assert.Equal(InputDiscovery.MaxTotalBytes, new AuditOptions().InputBudgetBytes);
    }
}
