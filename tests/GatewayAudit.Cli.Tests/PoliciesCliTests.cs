using System.Text.Json;

namespace GatewayAudit.Cli.Tests;

/// <summary>The policy commands end to end through CliApp: exit codes, output, file:line in errors.</summary>
public sealed class PoliciesCliTests : IDisposable
{
    private const string Config = """
        model_list:
          - model_name: gpt
            litellm_params: {model: openai/gpt-4o, api_key: os.environ/OPENAI_API_KEY}
        litellm_settings:
          success_callback: [langfuse]
        general_settings:
          master_key: os.environ/LITELLM_MASTER_KEY
        """;

    private const string Rule = """
        id: team-no-langfuse
        title: No Langfuse
        severity: critical
        message: "{{component.name}} is not approved"
        remediation: Remove it.
        references: [https://example.com/policy]
        select:
          kind: component
          vendor: [langfuse]
        tests:
          - name: fires on langfuse
            config: |
              model_list:
                - model_name: gpt
                  litellm_params: {model: openai/gpt-4o, api_key: os.environ/OPENAI_API_KEY}
              litellm_settings:
                success_callback: [langfuse]
            expect: fire
            count: 1
          - name: silent without it
            config: |
              model_list:
                - model_name: gpt
                  litellm_params: {model: openai/gpt-4o, api_key: os.environ/OPENAI_API_KEY}
            expect: pass
        """;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "gateway-audit-cli-tests", Guid.NewGuid().ToString("N"));

    public PoliciesCliTests() => Directory.CreateDirectory(_root);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort cleanup.
        }
    }

    private void Write(string relative, string text)
    {
        var full = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text.ReplaceLineEndings("\n"));
    }

    private (int Exit, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CliApp.Run(args, output, error, _root);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void Policies_test_passes_on_the_built_in_pack()
    {
        var (exit, output, _) = Run("policies", "test");
        Assert.Equal(0, exit);
        Assert.Matches(@"(\d+)/\1 cases passed in \d+ rules\.", output);
    }

    [Fact]
    public void Policies_test_fails_with_exit_1_naming_the_case_on_a_mismatch()
    {
        Write("rules/team.yaml", Rule.Replace("count: 1", "count: 2", StringComparison.Ordinal));
        var (exit, output, _) = Run("policies", "test", "rules");
        Assert.Equal(1, exit);
        Assert.Contains("FAIL team-no-langfuse / fires on langfuse (rules/team.yaml:", output, StringComparison.Ordinal);
        Assert.Contains("expected 2 finding(s), got 1", output, StringComparison.Ordinal);
        Assert.Contains("1/2 cases passed", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Policies_validate_exits_2_with_file_and_line()
    {
        Write("rules/team.yaml", Rule.Replace("severity: critical", "severity: blocker", StringComparison.Ordinal));
        var (exit, _, error) = Run("policies", "validate", "rules");
        Assert.Equal(2, exit);
        // The message teaches the fix: the value given and the values allowed.
        Assert.Contains("rules/team.yaml:3: error policy-schema: 'severity' has a value ('blocker') that is not one of the allowed values: critical, high, medium, low, info", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Policies_validate_names_the_expected_form_of_an_id()
    {
        Write("rules/team.yaml", Rule.Replace("id: team-no-langfuse", "id: Team_No_Langfuse", StringComparison.Ordinal));
        var (exit, _, error) = Run("policies", "validate", "rules");
        Assert.Equal(2, exit);
        Assert.Contains("rules/team.yaml:1: error policy-schema: 'id' does not have the expected form ('Team_No_Langfuse'): kebab-case rule id", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Policies_validate_accepts_a_valid_folder()
    {
        Write("rules/team.yaml", Rule);
        var (exit, output, _) = Run("policies", "validate", "rules");
        Assert.Equal(0, exit);
        Assert.Contains("1 rules valid", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Policies_test_takes_a_single_rule_file()
    {
        Write("rules/team.yaml", Rule);
        var (exit, output, _) = Run("policies", "test", "rules/team.yaml", "--verbose");
        Assert.Equal(0, exit);
        Assert.Contains("PASS team-no-langfuse / silent without it", output, StringComparison.Ordinal);
        Assert.Contains("2/2 cases passed in 1 rules", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Policies_list_includes_user_rules()
    {
        Write("rules/team.yaml", Rule);
        var (exit, output, _) = Run("policies", "list", "--policies", "rules");
        Assert.Equal(0, exit);
        Assert.Contains("team-no-langfuse", output, StringComparison.Ordinal);
        Assert.Contains("provider-without-zdr", output, StringComparison.Ordinal);
        Assert.Contains("literal-secret", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_shows_what_why_fix_references_and_example()
    {
        var (exit, output, _) = Run("explain", "callback-logs-prompts");
        Assert.Equal(0, exit);
        Assert.Contains("callback-logs-prompts: Logging callback receives prompt text", output, StringComparison.Ordinal);
        Assert.Contains("Severity: high", output, StringComparison.Ordinal);
        Assert.Contains("What it checks:", output, StringComparison.Ordinal);
        Assert.Contains("attributes.messageLogging equals true", output, StringComparison.Ordinal);
        Assert.Contains("Why it matters:", output, StringComparison.Ordinal);
        Assert.Contains("Remediation:", output, StringComparison.Ordinal);
        Assert.Contains("https://docs.litellm.ai/docs/proxy/logging", output, StringComparison.Ordinal);
        Assert.Contains("success_callback: [langfuse]", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_unknown_id_exits_2_with_a_suggestion()
    {
        var (exit, output, error) = Run("explain", "provider-without-zrd");
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains("Did you mean provider-without-zdr?", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_dpa_checks_are_listed_and_explained_like_rules()
    {
        var (listExit, list, _) = Run("policies", "list");
        Assert.Equal(0, listExit);
        foreach (var id in new[] { "dpa-undeclared-subprocessor", "dpa-unconfirmed-subprocessor", "dpa-unused-subprocessor", "dpa-unmatched-entry" })
        {
            Assert.Contains(id, list, StringComparison.Ordinal);
        }

        Assert.Matches(@"dpa-undeclared-subprocessor\s+high\s+Undeclared transfer", list);
        var (exit, output, _) = Run("explain", "dpa-undeclared-subprocessor");
        Assert.Equal(0, exit);
        Assert.Contains("Severity: high", output, StringComparison.Ordinal);
        Assert.Contains("runs with scan --dpa ANNEX", output, StringComparison.Ordinal);
        Assert.Contains("Art. 28(2)", output, StringComparison.Ordinal);
        Assert.Contains("Remediation:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_dpa_check_gets_a_suggestion()
    {
        var (exit, _, error) = Run("explain", "dpa-unused-subprocesor");
        Assert.Equal(2, exit);
        Assert.Contains("Did you mean dpa-unused-subprocessor", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_with_user_policies_gates_on_their_severity()
    {
        Write("stack/config.yaml", Config);
        Write("rules/team.yaml", Rule);
        var (exit, output, _) = Run("scan", "stack", "--policies", "rules", "--format", "json", "--fail-on", "critical");
        Assert.Equal(1, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Contains(json.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("ruleId").GetString() == "team-no-langfuse");

        var (withoutRules, _, _) = Run("scan", "stack", "--format", "json", "--fail-on", "critical");
        Assert.Equal(0, withoutRules);
    }

    [Fact]
    public void Scan_writes_sarif()
    {
        Write("stack/config.yaml", Config);
        var (exit, output, _) = Run("scan", "stack", "--format", "sarif");
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("2.1.0", json.RootElement.GetProperty("version").GetString());
        Assert.NotEqual(0, json.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength());
    }

    [Fact]
    public void Baseline_write_then_scan_reports_findings_as_suppressed()
    {
        Write("stack/config.yaml", Config);
        var (writeExit, _, writeError) = Run("baseline", "write", "stack", "--output", "baseline.yaml", "--reason", "accepted at review");
        Assert.Equal(0, writeExit);
        Assert.Contains("wrote", writeError, StringComparison.Ordinal);
        Assert.Contains("reason: \"accepted at review\"", File.ReadAllText(Path.Combine(_root, "baseline.yaml")), StringComparison.Ordinal);

        var (gated, _, _) = Run("scan", "stack", "--fail-on", "low", "--format", "json");
        Assert.Equal(1, gated);
        var (exit, output, _) = Run("scan", "stack", "--baseline", "baseline.yaml", "--fail-on", "low", "--format", "json");
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.All(json.RootElement.GetProperty("findings").EnumerateArray(), f =>
        {
            Assert.True(f.GetProperty("suppressed").GetBoolean());
            Assert.Equal("baseline", f.GetProperty("suppression").GetProperty("kind").GetString());
        });
    }

    [Fact]
    public void Baseline_write_requires_a_reason()
    {
        Write("stack/config.yaml", Config);
        var (exit, _, _) = Run("baseline", "write", "stack", "--output", "baseline.yaml");
        Assert.Equal(2, exit);
        Assert.False(File.Exists(Path.Combine(_root, "baseline.yaml")));
    }

    [Fact]
    public void Suppression_without_reason_exits_2_with_file_and_line()
    {
        Write("stack/config.yaml", Config.Replace("  success_callback: [langfuse]", "  success_callback: [langfuse]  # gateway-audit:ignore callback-logs-prompts", StringComparison.Ordinal));
        var (exit, output, error) = Run("scan", "stack");
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains("stack/config.yaml:5: error suppression-no-reason", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_settings_file_exits_2()
    {
        Write("stack/config.yaml", Config);
        var (exit, _, error) = Run("scan", "stack", "--settings", "nope.yaml");
        Assert.Equal(2, exit);
        Assert.Contains("nope.yaml", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_teaches_with_examples()
    {
        var (_, scanHelp, _) = Run("scan", "--help");
        Assert.Contains("--policies", scanHelp, StringComparison.Ordinal);
        Assert.Contains("--baseline", scanHelp, StringComparison.Ordinal);
        Assert.Contains("--dpa", scanHelp, StringComparison.Ordinal);
        Assert.Contains("--settings", scanHelp, StringComparison.Ordinal);
        Assert.Contains("gateway-audit:ignore", scanHelp, StringComparison.Ordinal);
        var (_, policiesHelp, _) = Run("policies", "test", "--help");
        Assert.Contains("conftest", policiesHelp, StringComparison.Ordinal);
    }
}
