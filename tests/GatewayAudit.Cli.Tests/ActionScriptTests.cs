using System.Text.RegularExpressions;

namespace GatewayAudit.Cli.Tests;

/// <summary>
/// The GitHub Action's scan step (tools/action/scan.sh) run locally against bundled examples with the built tool: the
/// files it leaves for the upload steps, the outputs it hands them, its exit codes. GitHub itself is not needed.
/// </summary>
public sealed partial class ActionScriptTests
{
    private static (int Exit, string Stderr) RunScript(TempDir dir, IDictionary<string, string> inputs)
    {
        var environment = new Dictionary<string, string>(inputs)
        {
            ["GATEWAY_AUDIT"] = $"dotnet {ProcessRunner.ToolDll}",
            ["OUT_DIR"] = Path.Combine(dir.Path, "out"),
            ["GITHUB_OUTPUT"] = Path.Combine(dir.Path, "github-output"),
            ["GITHUB_STEP_SUMMARY"] = Path.Combine(dir.Path, "step-summary.md"),
        };
        var (exit, _, stderr) = ProcessRunner.Run("bash", RepoPaths.Root, [Path.Combine(RepoPaths.Root, "tools", "action", "scan.sh")], environment);
        return (exit, stderr);
    }

    private static Dictionary<string, string> Outputs(TempDir dir) =>
        File.ReadAllLines(Path.Combine(dir.Path, "github-output")).Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);

    [Fact]
    public void A_gated_scan_exits_1_and_still_leaves_the_json_sarif_report_and_outputs_for_the_uploads()
    {
        using var dir = new TempDir();
        var (exit, stderr) = RunScript(dir, new Dictionary<string, string>
        {
            ["INPUT_PATH"] = "examples/minimal-single-provider",
            ["INPUT_FORMAT"] = "csv",
            ["INPUT_FAIL_ON"] = "high",
            ["INPUT_NAME"] = "minimal",
        });
        Assert.True(exit == 1, stderr);
        Assert.Contains("at or above --fail-on high", stderr, StringComparison.Ordinal);
        var outputs = Outputs(dir);
        Assert.Equal(Path.Combine(dir.Path, "out", "minimal.json"), outputs["json"]);
        Assert.Equal("1", outputs["exit-code"]);
        Assert.Contains("\"subprocessors\"", File.ReadAllText(outputs["json"]), StringComparison.Ordinal);
        Assert.Contains("\"version\": \"2.1.0\"", File.ReadAllText(outputs["sarif"]), StringComparison.Ordinal);
        Assert.StartsWith("Sub-processor,Hosting,", File.ReadAllText(outputs["report"]), StringComparison.Ordinal);
        Assert.Contains("OpenAI", File.ReadAllText(Path.Combine(dir.Path, "step-summary.md")), StringComparison.Ordinal);

        // The JSON it uploads is what `merge` reads, named after INPUT_NAME.
        var merged = CliRunner.Run(dir.Path, "merge", outputs["json"], "--format", "json").AssertNoStackTrace().AssertExit(0);
        Assert.Contains("\"name\": \"minimal\"", merged.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scan_below_the_gate_exits_0()
    {
        using var dir = new TempDir();
        var (exit, stderr) = RunScript(dir, new Dictionary<string, string> { ["INPUT_PATH"] = "examples/eu-multi-provider", ["INPUT_FAIL_ON"] = "critical" });
        Assert.True(exit == 0, stderr);
        Assert.Equal("0", Outputs(dir)["exit-code"]);
        Assert.True(File.Exists(Path.Combine(dir.Path, "out", "gateway-audit.json")));
        Assert.True(File.Exists(Path.Combine(dir.Path, "out", "gateway-audit.md")));
    }

    [Theory]
    [InlineData("INPUT_PATH", "examples/does-not-exist", "no such file or folder")]
    [InlineData("INPUT_FORMAT", "pdf", "format 'pdf' is not one of")]
    [InlineData("INPUT_NAME", "../escape", "may hold only letters")]
    public void Bad_input_exits_2_and_hands_nothing_to_the_uploads(string input, string value, string message)
    {
        using var dir = new TempDir();
        var inputs = new Dictionary<string, string> { ["INPUT_PATH"] = "examples/eu-multi-provider", [input] = value };
        var (exit, stderr) = RunScript(dir, inputs);
        Assert.Equal(2, exit);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dir.Path, "github-output")));
    }

    [Fact]
    public void Action_yml_runs_the_tested_scripts_and_passes_every_input_they_read()
    {
        var action = File.ReadAllText(Path.Combine(RepoPaths.Root, "action.yml"));
        var script = File.ReadAllText(Path.Combine(RepoPaths.Root, "tools", "action", "scan.sh"));
        Assert.Contains("tools/action/scan.sh", action, StringComparison.Ordinal);
        Assert.Contains("tools/action/install.sh", action, StringComparison.Ordinal);
        Assert.Contains("github/codeql-action/upload-sarif@", action, StringComparison.Ordinal);
        Assert.Contains("actions/upload-artifact@", action, StringComparison.Ordinal);
        var read = InputVariable().Matches(script).Select(m => m.Value).Distinct().ToList();
        Assert.NotEmpty(read);
        Assert.All(read, variable => Assert.Contains($"{variable}: ${{{{ inputs.", action, StringComparison.Ordinal));
    }

    [GeneratedRegex(@"INPUT_[A-Z_]+")]
    private static partial Regex InputVariable();
}
