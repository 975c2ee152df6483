namespace GatewayAudit.Cli.Tests;

/// <summary>
/// The GitHub Action's install step (tools/action/install.sh) with a stand-in <c>dotnet</c> first on PATH: which packs
/// and installs it asks for on which runner, from which sources, and which build it says NuGet chose. Fast: nothing is
/// packed. <see cref="PackagingTests"/> runs the same script for real (the Packaging trait).
/// </summary>
public sealed class ActionInstallScriptTests
{
    // Logs each call; `pack -o DIR` leaves a package there; `tool install --tool-path DIR` lays out the tool store as
    // NuGet does for the build named by FAKE_CHOICE (a folder under .store/gatewayaudit.cli/VERSION/).
    private const string FakeDotnet = """
        #!/usr/bin/env bash
        echo "$*" >> "$FAKE_LOG"
        if [[ $1 == pack ]]; then
          while [[ $# -gt 0 ]]; do [[ $1 == -o ]] && { mkdir -p "$2"; : > "$2/GatewayAudit.Cli.0.1.0.nupkg"; }; shift; done
          exit 0
        fi
        while [[ $# -gt 0 ]]; do [[ $1 == --tool-path ]] && tools=$2; shift; done
        mkdir -p "$tools/.store/gatewayaudit.cli/0.1.0/$FAKE_CHOICE"
        exit "${FAKE_INSTALL_EXIT:-0}"
        """;

    private const string AotChoice = "gatewayaudit.cli.linux-x64";
    private const string AnyChoice = "gatewayaudit.cli.any";
    private const string ReadyToRunChoice = "gatewayaudit.cli/0.1.0/tools/net10.0/linux-x64";

    private sealed record Run(int Exit, string Stdout, string Stderr, string[] Calls, string Tools, string GithubPath);

    private static Run Install(TempDir dir, string choice, IDictionary<string, string> inputs)
    {
        var fake = dir.Write(Path.Combine("bin", "dotnet"), FakeDotnet.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var log = Path.Combine(dir.Path, "calls.log");
        var tools = Path.Combine(dir.Path, "tools");
        var githubPath = Path.Combine(dir.Path, "github-path");
        var environment = new Dictionary<string, string>(inputs)
        {
            ["PATH"] = Path.GetDirectoryName(fake) + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
            ["FAKE_LOG"] = log,
            ["FAKE_CHOICE"] = choice,
            ["ACTION_PATH"] = RepoPaths.Root,
            ["TOOL_PATH"] = tools,
            ["GITHUB_PATH"] = githubPath,
        };
        var (exit, stdout, stderr) = ProcessRunner.Run("bash", dir.Path, [Path.Combine(RepoPaths.Root, "tools", "action", "install.sh")], environment);
        var calls = File.Exists(log) ? File.ReadAllLines(log) : [];
        return new Run(exit, stdout, stderr, calls, tools, File.Exists(githubPath) ? File.ReadAllText(githubPath).Trim() : "");
    }

    private static Dictionary<string, string> Runner(string os, string arch, string source = "", string version = "") => new()
    {
        ["RUNNER_OS"] = os,
        ["RUNNER_ARCH"] = arch,
        ["TOOL_SOURCE"] = source,
        ["TOOL_VERSION"] = version,
    };

    [Fact]
    public void A_feed_is_installed_from_as_given_and_a_linux_x64_runner_is_told_it_got_the_native_aot_build()
    {
        using var dir = new TempDir();
        var run = Install(dir, AotChoice, Runner("Linux", "X64", "https://feed.example/v3/index.json", "0.1.0"));
        Assert.True(run.Exit == 0, run.Stderr);
        var call = Assert.Single(run.Calls);
        Assert.Equal($"tool install GatewayAudit.Cli --tool-path {run.Tools} --version 0.1.0 --add-source https://feed.example/v3/index.json", call);
        Assert.Contains("installed Native AOT (GatewayAudit.Cli.linux-x64)", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(run.Tools, run.GithubPath);
    }

    [Fact]
    public void Where_the_feed_has_no_native_package_for_the_runner_the_log_names_the_framework_dependent_fallback()
    {
        using var dir = new TempDir();
        var run = Install(dir, AnyChoice, Runner("macOS", "ARM64", "/feeds/gateway-audit"));
        Assert.True(run.Exit == 0, run.Stderr);
        Assert.Equal($"tool install GatewayAudit.Cli --tool-path {run.Tools} --add-source /feeds/gateway-audit", Assert.Single(run.Calls));
        Assert.Contains("installed framework-dependent (GatewayAudit.Cli.any: no Native AOT package for this platform)", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_feed_a_linux_x64_runner_packs_the_checkout_ready_to_run_and_installs_from_that_folder_alone()
    {
        using var dir = new TempDir();
        var run = Install(dir, ReadyToRunChoice, Runner("Linux", "X64"));
        Assert.True(run.Exit == 0, run.Stderr);
        Assert.Equal(2, run.Calls.Length);
        var pack = run.Calls[0].Split(' ');
        Assert.Equal(["pack", Path.Combine(RepoPaths.Root, "src", "GatewayAudit.Cli")], pack[..2]);
        Assert.Contains("-p:ReadyToRunTool=true", pack);
        Assert.DoesNotContain(pack, a => a.Contains("AotTool", StringComparison.Ordinal));
        var folder = pack[Array.IndexOf(pack, "-o") + 1];

        // --source, not --add-source: a package of the same name on another feed cannot stand in for the one just packed.
        Assert.Equal($"tool install GatewayAudit.Cli --tool-path {run.Tools} --source {folder}", run.Calls[1]);
        Assert.Contains("installed ReadyToRun for linux-x64 (GatewayAudit.Cli)", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Linux", "ARM64")]
    [InlineData("macOS", "ARM64")]
    [InlineData("Windows", "X64")]
    public void Without_a_feed_other_runners_pack_the_checkout_for_any_platform(string os, string arch)
    {
        using var dir = new TempDir();
        var run = Install(dir, "gatewayaudit.cli/0.1.0/tools/net10.0/any", Runner(os, arch));
        Assert.True(run.Exit == 0, run.Stderr);
        Assert.DoesNotContain("ReadyToRun", run.Calls[0], StringComparison.Ordinal);
        Assert.Contains("installed framework-dependent (GatewayAudit.Cli)", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_install_fails_the_step_and_puts_nothing_on_path()
    {
        using var dir = new TempDir();
        var inputs = Runner("Linux", "X64", "/feeds/only-the-pointer-package");
        inputs["FAKE_INSTALL_EXIT"] = "1";
        var run = Install(dir, AotChoice, inputs);
        Assert.NotEqual(0, run.Exit);
        Assert.Equal("", run.GithubPath);
        Assert.DoesNotContain("installed", run.Stdout, StringComparison.Ordinal);
    }
}
