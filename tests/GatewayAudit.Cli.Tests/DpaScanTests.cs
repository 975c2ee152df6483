namespace GatewayAudit.Cli.Tests;

/// <summary><c>scan --dpa ANNEX</c> from the command line: the CI check that the contract never falls behind the config.</summary>
public sealed class DpaScanTests
{
    private const string Example = "examples/litellm-langfuse-postgres-redis";

    [Fact]
    public void The_bundled_signed_DPA_shows_the_undeclared_transfer_and_fails_the_build()
    {
        var run = CliRunner.RunInRepo("scan", Example, "--dpa", $"{Example}/signed-dpa.md", "--format", "json", "--fail-on", "high")
            .AssertNoStackTrace().AssertExit(1);
        Assert.Contains($$"""
                  "ruleId": "dpa-undeclared-subprocessor",
                  "severity": "high",
            """, run.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"message\": \"Sentry receives prompt, metadata, but the DPA", run.Stdout, StringComparison.Ordinal);
        Assert.Contains($"\"file\": \"{Example}/signed-dpa.md\",\n      \"line\": 15", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, CountOf(run.Stdout, "\"ruleId\": \"dpa-undeclared-subprocessor\""));
        Assert.Equal(3, CountOf(run.Stdout, "\"ruleId\": \"dpa-unconfirmed-subprocessor\""));
    }

    [Fact]
    public void Without_dpa_there_is_no_drift_finding()
    {
        var run = CliRunner.RunInRepo("scan", Example, "--format", "json").AssertNoStackTrace().AssertExit(0);
        Assert.DoesNotContain("\"ruleId\": \"dpa-", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_annex_exits_2_with_file_and_line_and_writes_no_report()
    {
        using var dir = new TempDir();
        dir.Write("config.yaml", "model_list:\n  - model_name: gpt\n    litellm_params: {model: openai/gpt-4o, api_key: os.environ/OPENAI_API_KEY}\n");
        dir.Write("dpa.csv", "Vendor,Purpose\nOpenAI,inference\n\"Anthropic,inference\n");
        var run = CliRunner.Run(dir.Path, "scan", "config.yaml", "--dpa", "dpa.csv").AssertNoStackTrace().AssertExit(2);
        Assert.Contains("dpa.csv:3: error dpa-malformed-csv", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void Scan_help_says_what_an_annex_looks_like()
    {
        var help = CliRunner.RunInRepo("scan", "--help").AssertExit(0).Stdout;
        Assert.Contains("Sub-processor, Vendor, Name, Entity or Company", help, StringComparison.Ordinal);
        Assert.Contains("--dpa legal/signed-dpa.md --fail-on high", help, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
