namespace GatewayAudit.Cli.Tests;

/// <summary>Exit codes as shared/DESIGN.md fixes them: 0 ran clean, 1 findings at or above --fail-on, 2 bad usage or input.</summary>
public sealed class ExitCodeTests
{
    [Fact]
    public void Clean_scan_exits_0()
    {
        var run = CliRunner.RunInRepo("scan", "examples/eu-multi-provider").AssertNoStackTrace().AssertExit(0);
        Assert.StartsWith("# Gateway sub-processor audit", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("high", 1)]
    [InlineData("medium", 1)]
    [InlineData("low", 1)]
    [InlineData("info", 1)]
    [InlineData("critical", 1)]
    [InlineData("none", 0)]
    public void Fail_on_gates_on_the_secret_findings(string threshold, int exit)
    {
        // minimal-single-provider holds a literal provider key (high) and LiteLLM's documented example master key and
        // database password (critical).
        var run = CliRunner.RunInRepo("scan", "examples/minimal-single-provider", "--fail-on", threshold).AssertNoStackTrace().AssertExit(exit);
        Assert.Contains("literal-secret", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("well-known-credential", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("critical", "exit 1: 2 critical findings at or above --fail-on critical")]
    [InlineData("high", "exit 1: 2 critical, 1 high findings at or above --fail-on high")]
    public void Fail_on_says_which_findings_caused_exit_1(string threshold, string expected)
    {
        // minimal-single-provider: a literal provider key (high), LiteLLM's example master key and database password (critical).
        var run = CliRunner.RunInRepo("scan", "examples/minimal-single-provider", "--fail-on", threshold, "--format", "json").AssertExit(1);
        Assert.Contains("gateway-audit: " + expected + "\n", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Passing_gate_says_nothing_about_it()
    {
        var run = CliRunner.RunInRepo("scan", "examples/minimal-single-provider", "--fail-on", "none", "--format", "json").AssertExit(0);
        Assert.DoesNotContain("exit 1", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Fail_on_without_findings_exits_0()
    {
        // Self-hosted inference only, master key by reference: nothing for the rule pack to find.
        using var dir = new TempDir();
        dir.Write("config.yaml", "model_list:\n  - model_name: local\n    litellm_params:\n      model: ollama/llama3\n      api_base: http://localhost:11434\n" +
            "general_settings:\n  master_key: os.environ/LITELLM_MASTER_KEY\n");
        var run = CliRunner.Run(dir.Path, "scan", "config.yaml", "--fail-on", "info").AssertNoStackTrace().AssertExit(0);
        Assert.Contains("No findings.", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Fail_on_counts_rule_findings_too()
    {
        // No literal secret here: the high findings come from the rule pack (callback-logs-prompts, prompts-in-spend-logs).
        var run = CliRunner.RunInRepo("scan", "examples/litellm-langfuse-postgres-redis", "--fail-on", "high", "--format", "json").AssertNoStackTrace().AssertExit(1);
        Assert.DoesNotContain("\"ruleId\": \"literal-secret\"", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Fail_on_still_writes_the_report()
    {
        var run = CliRunner.RunInRepo("scan", "examples/minimal-single-provider", "--fail-on", "high", "--format", "json").AssertExit(1);
        Assert.Contains("\"ruleId\": \"literal-secret\"", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("scan", "--bogus", "Unrecognized option '--bogus'")]
    [InlineData("scan", "--format", "pdf", "'pdf' not recognized")]
    [InlineData("scan", "--fail-on", "severe", "'severe' not recognized")]
    [InlineData("frobnicate", "Unrecognized command or argument 'frobnicate'")]
    [InlineData("Required command was not provided")]
    public void Bad_usage_exits_2_with_a_message_and_a_help_hint(params string[] argsAndMessage)
    {
        var args = argsAndMessage[..^1];
        var run = CliRunner.RunInRepo(args).AssertNoStackTrace().AssertExit(2);
        Assert.Contains(argsAndMessage[^1], run.Stderr, StringComparison.Ordinal);
        Assert.Contains("--help' for usage", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("  --help", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void Help_exits_0_and_its_examples_exist()
    {
        var run = CliRunner.RunInRepo("--help").AssertNoStackTrace().AssertExit(0);
        Assert.Contains("Examples:", run.Stdout, StringComparison.Ordinal);
        var examplePaths = run.Stdout.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("gateway-audit scan examples/", StringComparison.Ordinal))
            .Select(l => l.Split(' ')[2]).ToList();
        Assert.NotEmpty(examplePaths);
        Assert.All(examplePaths, p => Assert.True(Directory.Exists(RepoPaths.Combine(p.Split('/'))), $"--help names {p}, which does not exist"));
    }

    [Fact]
    public void Scan_help_documents_the_exit_codes()
    {
        var run = CliRunner.RunInRepo("scan", "--help").AssertExit(0);
        Assert.Contains("Exit codes: 0", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("--fail-on", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_help_names_every_kind_of_file_a_folder_scan_reads()
    {
        // It said "folders are searched for .yaml/.yml", while a folder scan also reads Dockerfiles, requirements
        // files and pyproject.toml (the compose example's requirements.txt is read).
        var run = CliRunner.RunInRepo("scan", "--help").AssertExit(0);
        var text = string.Join(' ', run.Stdout.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Dockerfiles, requirements files and pyproject.toml", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_path_is_the_current_folder()
    {
        var run = CliRunner.Run(RepoPaths.Combine("examples", "eu-multi-provider"), "scan").AssertExit(0);
        Assert.Contains("| `config.yaml` | litellm-config |", run.Stdout, StringComparison.Ordinal);
    }
}
