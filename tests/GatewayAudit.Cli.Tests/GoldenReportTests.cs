namespace GatewayAudit.Cli.Tests;

/// <summary>
/// The reports for the bundled examples, compared byte for byte with tests/GatewayAudit.Cli.Tests/golden/.
/// A mismatch fails with a diff; GATEWAY_AUDIT_ACCEPT=1 rewrites the files (see tests/README.md).
/// </summary>
public sealed class GoldenReportTests
{
    public static TheoryData<string, string> ExamplesAndFormats()
    {
        var data = new TheoryData<string, string>();
        foreach (var example in Examples)
        {
            data.Add(example, "md");
            data.Add(example, "json");
        }

        data.Add("litellm-langfuse-postgres-redis", "html");

        // The annex alone, as counsel pastes it (Markdown) and files it (CSV).
        foreach (var example in new[] { "eu-multi-provider", "litellm-langfuse-postgres-redis" })
        {
            data.Add(example, "annex");
            data.Add(example, "csv");
        }

        return data;
    }

    public static IReadOnlyList<string> Examples { get; } = ["agent-repo", "compose-selfhosted-langfuse", "eu-multi-provider", "helm-values-stack", "litellm-compose-stack", "litellm-langfuse-postgres-redis", "minimal-single-provider"];

    [Theory]
    [MemberData(nameof(ExamplesAndFormats))]
    public void Report_matches_golden_file(string example, string format)
    {
        var run = CliRunner.RunInRepo("scan", $"examples/{example}", "--format", format).AssertNoStackTrace().AssertExit(0);
        Golden.Verify($"tests/GatewayAudit.Cli.Tests/golden/{example}.{format}", run.Stdout);
    }

    /// <summary>
    /// The organisation report as a privacy reviewer reads it: <c>merge</c> of the four repositories under
    /// <c>Organisation/repositories/</c>, run where their results lie as a CI job's glob gives them.
    /// </summary>
    [Fact]
    public void Merged_organisation_report_matches_golden_file()
    {
        using var results = new Organisation.OrganisationResults();
        Golden.Verify("tests/GatewayAudit.Cli.Tests/golden/organisation.merge.md", results.Merge().AssertExit(0).Stdout);
    }

    [Fact]
    public void Every_bundled_example_has_golden_files()
    {
        // Gateway stacks are the folders with configs; examples/analyzer-consumer is a C# project for the analyzer.
        var onDisk = Directory.GetDirectories(RepoPaths.Combine("examples"))
            .Where(d => Directory.EnumerateFiles(d, "*.y*ml", SearchOption.AllDirectories).Any())
            .Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Examples, onDisk);
    }

    [Fact]
    public void Diff_shows_only_changed_hunks_with_context()
    {
        var expected = string.Join('\n', Enumerable.Range(1, 40).Select(i => $"line {i}")) + "\n";
        var actual = expected.Replace("line 20\n", "line twenty\n", StringComparison.Ordinal);
        var diff = Golden.UnifiedDiff(expected, actual);
        Assert.Contains("-line 20\n", diff, StringComparison.Ordinal);
        Assert.Contains("+line twenty\n", diff, StringComparison.Ordinal);
        Assert.Contains(" line 17\n", diff, StringComparison.Ordinal);
        Assert.Contains(" line 23\n", diff, StringComparison.Ordinal);
        Assert.DoesNotContain("line 16\n", diff, StringComparison.Ordinal);
        Assert.DoesNotContain("line 24\n", diff, StringComparison.Ordinal);
        Assert.Contains("@@ golden line 17 @@", diff, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null, false)]
    [InlineData(null, "true", false)]
    [InlineData("1", null, true)]
    [InlineData("0", null, false)]
    public void Accepting_needs_the_accept_variable_outside_ci(string? accept, string? ci, bool expected) =>
        Assert.Equal(expected, Golden.IsAccepting(name => name switch { Golden.AcceptVariable => accept, "CI" => ci, _ => null }));

    [Theory]
    [InlineData("true")]
    [InlineData("1")]
    public void An_accept_variable_leaked_into_ci_fails_instead_of_rewriting(string ci)
    {
        var error = Assert.Throws<Xunit.Sdk.XunitException>(() => Golden.IsAccepting(name => name == "CI" ? ci : "1"));
        Assert.Contains(Golden.AcceptCommand, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_accept_command_exists_refuses_in_ci_and_runs_only_the_golden_tests()
    {
        var script = RepoPaths.Combine(Golden.AcceptCommand.Split('/'));
        var text = File.ReadAllText(script);
        Assert.StartsWith("#!/usr/bin/env bash\n", text, StringComparison.Ordinal);
        Assert.Contains("${CI:-}", text, StringComparison.Ordinal);
        Assert.Contains($"{Golden.AcceptVariable}=1 dotnet test tests/GatewayAudit.Cli.Tests --filter GoldenReportTests", text, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.True((File.GetUnixFileMode(script) & UnixFileMode.UserExecute) != 0, "the script is not executable");
        }
    }
}
