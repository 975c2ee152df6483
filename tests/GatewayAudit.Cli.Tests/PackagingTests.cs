namespace GatewayAudit.Cli.Tests;

/// <summary>
/// The tool package a user installs: `dotnet pack` of the CLI, `dotnet tool install` into a scratch tool path from that
/// folder alone (a nuget.config that clears every other source), then the installed command run on a bundled example.
/// Slow (a Release pack), so it carries the Packaging trait: the inner loop skips it with
/// <c>dotnet test --filter "Category!=Packaging"</c>; <c>dotnet test Audit.sln</c> (CI) runs it.
/// </summary>
[Trait("Category", "Packaging")]
public sealed class PackagingTests
{
    private static readonly Dictionary<string, string> Quiet = new() { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" };

    private static (int Exit, string Stdout, string Stderr) Run(string file, string workingDirectory, params string[] args) =>
        ProcessRunner.Run(file, workingDirectory, args, Quiet);

    [Fact]
    public void The_packed_tool_installs_from_a_folder_and_scans_an_example()
    {
        using var dir = new TempDir();
        var feed = Path.Combine(dir.Path, "feed");
        var pack = Run("dotnet", RepoPaths.Root, "pack", Path.Combine("src", "GatewayAudit.Cli"), "-c", "Release", "-o", feed, "--nologo", "-v", "q");
        Assert.True(pack.Exit == 0, pack.Stdout + pack.Stderr);
        Assert.Contains(Directory.GetFiles(feed), f => Path.GetFileName(f).StartsWith("GatewayAudit.Cli.", StringComparison.Ordinal) && f.EndsWith(".nupkg", StringComparison.Ordinal));

        var config = dir.Write("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources><clear /><add key="local" value="{feed}" /></packageSources>
            </configuration>
            """);
        var tools = Path.Combine(dir.Path, "tools");
        var install = Run("dotnet", dir.Path, "tool", "install", "GatewayAudit.Cli", "--tool-path", tools, "--configfile", config);
        Assert.True(install.Exit == 0, install.Stdout + install.Stderr);

        var command = Path.Combine(tools, OperatingSystem.IsWindows() ? "gateway-audit.exe" : "gateway-audit");
        var version = Run(command, RepoPaths.Root, "--version");
        Assert.True(version.Exit == 0, version.Stderr);
        Assert.StartsWith(Core.ToolInfo.Version, version.Stdout.Trim(), StringComparison.Ordinal);

        // The built-in rules, catalog and templates travel in the package: the report needs all three.
        var scan = Run(command, RepoPaths.Root, "scan", "examples/minimal-single-provider", "--fail-on", "high");
        Assert.Equal(1, scan.Exit);
        Assert.Contains("# Gateway sub-processor audit", scan.Stdout, StringComparison.Ordinal);
        Assert.Contains("| high | `literal-secret` |", scan.Stdout, StringComparison.Ordinal);
        Assert.Contains("OpenAI", scan.Stdout, StringComparison.Ordinal);
    }

    /// <summary>
    /// The GitHub Action's two scripts as a workflow runs them with no <c>tool-source</c>: install.sh packs this checkout
    /// (ReadyToRun on Linux x64) and installs it, scan.sh runs the installed command. In this class, so it never packs
    /// the CLI at the same time as the test above.
    /// </summary>
    [Fact]
    public void The_action_packs_its_own_checkout_installs_it_and_scans_with_the_installed_command()
    {
        using var dir = new TempDir();
        var tools = Path.Combine(dir.Path, "tools");
        var install = ProcessRunner.Run("bash", dir.Path, [Path.Combine(RepoPaths.Root, "tools", "action", "install.sh")], new Dictionary<string, string>(Quiet)
        {
            ["ACTION_PATH"] = RepoPaths.Root,
            ["TOOL_PATH"] = tools,
            ["TOOL_SOURCE"] = "",
            ["GITHUB_PATH"] = Path.Combine(dir.Path, "github-path"),
        });
        Assert.True(install.Exit == 0, install.Stdout + install.Stderr);
        var linuxX64 = OperatingSystem.IsLinux() && System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.X64;
        Assert.Contains(linuxX64 ? "installed ReadyToRun for linux-x64" : "installed framework-dependent", install.Stdout, StringComparison.Ordinal);
        Assert.Equal(tools, File.ReadAllText(Path.Combine(dir.Path, "github-path")).Trim());

        var output = Path.Combine(dir.Path, "github-output");
        var scan = ProcessRunner.Run("bash", RepoPaths.Root, [Path.Combine(RepoPaths.Root, "tools", "action", "scan.sh")], new Dictionary<string, string>(Quiet)
        {
            ["GATEWAY_AUDIT"] = Path.Combine(tools, OperatingSystem.IsWindows() ? "gateway-audit.exe" : "gateway-audit"),
            ["INPUT_PATH"] = "examples/minimal-single-provider",
            ["INPUT_FAIL_ON"] = "high",
            ["OUT_DIR"] = Path.Combine(dir.Path, "out"),
            ["GITHUB_OUTPUT"] = output,
            ["GITHUB_STEP_SUMMARY"] = Path.Combine(dir.Path, "step-summary.md"),
        });
        Assert.True(scan.Exit == 1, scan.Stderr);
        Assert.Contains("exit-code=1", File.ReadAllText(output), StringComparison.Ordinal);
        Assert.Contains("\"subprocessors\"", File.ReadAllText(Path.Combine(dir.Path, "out", "gateway-audit.json")), StringComparison.Ordinal);
        Assert.Contains("| high | `literal-secret` |", File.ReadAllText(Path.Combine(dir.Path, "out", "gateway-audit.md")), StringComparison.Ordinal);
    }
}
