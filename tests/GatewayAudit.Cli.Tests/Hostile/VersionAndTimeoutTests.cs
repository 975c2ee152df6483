namespace GatewayAudit.Cli.Tests.Hostile;

/// <summary>Baselines state their version (an unknown one is exit 2); a user rule's regex that times out is an error on that rule.</summary>
public sealed class VersionAndTimeoutTests : IDisposable
{
    private readonly TempDir _dir = new();

    public VersionAndTimeoutTests() =>
        _dir.Write("config.yaml", File.ReadAllText(RepoPaths.Combine("examples", "eu-multi-provider", "config.yaml")));

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("version: 2\nfindings: []\n", "baseline format version 2 is not one this gateway-audit reads")]
    [InlineData("version: \"*secret-anchor-value\"\nfindings: []\n", "baseline format this version is not one")]
    [InlineData("findings: []\n", "a baseline states its format version: add 'version: 1'")]
    public void A_baseline_of_an_unknown_or_missing_version_is_exit_2(string baseline, string message)
    {
        _dir.Write("baseline.yaml", baseline);
        var run = CliRunner.Run(_dir.Path, "scan", "config.yaml", "--baseline", "baseline.yaml").AssertNoStackTrace().AssertExit(2);
        Assert.Contains("baseline-version", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-anchor-value", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_baseline_of_version_1_is_read()
    {
        _dir.Write("baseline.yaml", "version: 1\nfindings: []\n");
        CliRunner.Run(_dir.Path, "scan", "config.yaml", "--baseline", "baseline.yaml").AssertNoStackTrace().AssertExit(0);
    }

    [Fact]
    public void A_user_rule_whose_regex_times_out_is_an_error_on_that_rule()
    {
        var value = new string('a', 40) + "!";
        _dir.Write("slow/config.yaml", $"""
            model_list:
              - model_name: gpt
                litellm_params: {"{"}model: openai/gpt-4o, api_key: os.environ/OPENAI_API_KEY{"}"}
            general_settings:
              alerting: [slack]
              alert_types: ["{value}"]
            """);
        _dir.Write("rules/slow-pattern.yaml", """
            id: slow-pattern
            title: Alert types with a slow pattern
            severity: low
            message: "{{component.name}} alert types match"
            remediation: "none"
            references: [https://example.com/rules/slow-pattern]
            select:
              kind: component
              role: [alerting]
            when:
              fact: attributes.alertTypes
              matches: "^(a+)+$"
            tests:
              - name: operational alert types do not fire
                config: |
                  model_list:
                    - model_name: gpt
                      litellm_params: {model: openai/gpt-4o, api_key: os.environ/OPENAI_API_KEY}
                  general_settings:
                    alerting: [slack]
                    alert_types: [budget_alerts]
                expect: pass
            """);
        var run = CliRunner.Run(_dir.Path, "scan", "slow", "--policies", "rules").AssertNoStackTrace().AssertExit(2);
        Assert.Contains("rules/slow-pattern.yaml", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("rule-regex-timeout", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("rule slow-pattern", run.Stderr, StringComparison.Ordinal);
    }
}
