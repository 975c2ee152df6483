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
}
