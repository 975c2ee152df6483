namespace GatewayAudit.Cli.Tests;

/// <summary>The real executable, as a user runs it: exit codes and streams across a process boundary.</summary>
public sealed class ProcessEndToEndTests
{
    private static (int Exit, string Stdout, string Stderr) Run(params string[] args) => Run(new Dictionary<string, string>(), args);

    /// <summary>The built CLI as a separate process, from the repository root, with extra environment variables.</summary>
    internal static (int Exit, string Stdout, string Stderr) Run(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        ProcessRunner.Run("dotnet", RepoPaths.Root, [ProcessRunner.ToolDll, .. args], environment.ToDictionary());

    [Fact]
    public void Literal_secret_with_fail_on_high_exits_1_and_prints_the_report_without_the_secret()
    {
        var (exit, stdout, stderr) = Run("scan", "examples/minimal-single-provider", "--fail-on", "high");
        Assert.Equal(1, exit);
        Assert.Contains("| high | `literal-secret` |", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Zx81kQm3VwT9pLr2Nd7sHf4Jc6Yb0EaUi5OgKtMw", stdout + stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("dbpassword9090", stdout + stderr, StringComparison.Ordinal);
        Assert.Equal("gateway-audit: exit 1: 2 critical, 1 high findings at or above --fail-on high\n", stderr);
    }

    [Fact]
    public void Missing_path_exits_2_with_one_clear_message_and_no_stack_trace()
    {
        var (exit, stdout, stderr) = Run("scan", "does/not/exist.yaml");
        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Equal(
            "does/not/exist.yaml: error input-missing: no such file or folder\n" +
            "gateway-audit: scan incomplete (1 error in the inputs above); no report was written.\n",
            stderr.ReplaceLineEndings("\n"));
    }
}
