using System.Text.Json;
using GatewayAudit.Core.Reports;
using GatewayAudit.Core.Scanning;

namespace GatewayAudit.Core.Tests.Policies;

/// <summary>
/// No SARIF schema package restores here, so these are targeted checks of what GitHub code scanning requires:
/// version, $schema, one run, driver name/rules, results with ruleId/ruleIndex/level/message/locations, fingerprints
/// and suppressions.
/// </summary>
public sealed class SarifRendererTests
{
    private const string Config = """
        model_list:
          - model_name: gpt
            litellm_params:
              # gateway-audit:ignore literal-secret reason="test fixture key"
              api_key: sk-proj-abcdefghijklmnopqrstuvwxyz123456
              model: openai/gpt-4o
        litellm_settings:
          success_callback: [langfuse]
        """;

    private static (JsonElement Root, AuditResult Audit, string Text) Render()
    {
        using var folder = new TemporaryFolder();
        folder.Write("deploy/config.yaml", Config);
        var audit = Auditor.Default.Run(new AuditOptions { Paths = ["deploy"], WorkingDirectory = folder.Path, Today = new DateOnly(2026, 11, 25) });
        Assert.True(audit.Complete, string.Join("\n", audit.Diagnostics));
        var text = new SarifRenderer(audit.Rules).Render(ReportBuilder.Build(audit));
        return (JsonDocument.Parse(text).RootElement.Clone(), audit, text);
    }

    [Fact]
    public void Top_level_has_schema_version_and_one_run()
    {
        var (root, _, _) = Render();
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        Assert.Contains("sarif", root.GetProperty("$schema").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, root.GetProperty("runs").GetArrayLength());
    }

    [Fact]
    public void Driver_lists_every_rule_with_help_level_and_security_severity()
    {
        var (root, audit, _) = Render();
        var driver = root.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver");
        Assert.Equal("gateway-audit", driver.GetProperty("name").GetString());
        Assert.False(string.IsNullOrEmpty(driver.GetProperty("version").GetString()));
        Assert.StartsWith("https://", driver.GetProperty("informationUri").GetString(), StringComparison.Ordinal);
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(audit.Rules.Count, rules.Count);
        foreach (var rule in rules)
        {
            Assert.Matches("^[a-z0-9-]+$", rule.GetProperty("id").GetString());
            Assert.Matches("^[A-Z][A-Za-z0-9]+$", rule.GetProperty("name").GetString());
            Assert.False(string.IsNullOrEmpty(rule.GetProperty("shortDescription").GetProperty("text").GetString()));
            Assert.False(string.IsNullOrEmpty(rule.GetProperty("fullDescription").GetProperty("text").GetString()));
            Assert.False(string.IsNullOrEmpty(rule.GetProperty("help").GetProperty("text").GetString()));
            Assert.Contains("**Remediation:**", rule.GetProperty("help").GetProperty("markdown").GetString(), StringComparison.Ordinal);
            Assert.Contains(rule.GetProperty("defaultConfiguration").GetProperty("level").GetString(), new[] { "error", "warning", "note" });
            var properties = rule.GetProperty("properties");
            Assert.Contains("security", properties.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
            Assert.True(double.TryParse(properties.GetProperty("security-severity").GetString(), System.Globalization.CultureInfo.InvariantCulture, out var score) && score is >= 0 and <= 10);
        }
    }

    [Fact]
    public void Results_point_at_rules_and_relative_lines_with_fingerprints()
    {
        var (root, audit, _) = Render();
        var run = root.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules");
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(audit.Findings.Count, results.Count);
        foreach (var result in results)
        {
            var ruleId = result.GetProperty("ruleId").GetString();
            Assert.Equal(ruleId, rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());
            Assert.Contains(result.GetProperty("level").GetString(), new[] { "error", "warning", "note" });
            Assert.False(string.IsNullOrEmpty(result.GetProperty("message").GetProperty("text").GetString()));
            var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
            Assert.Equal("deploy/config.yaml", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
            Assert.True(location.GetProperty("region").GetProperty("startLine").GetInt32() >= 1);
            Assert.Matches("^[0-9a-f]{32}$", result.GetProperty("partialFingerprints").GetProperty(SarifRenderer.FingerprintKey).GetString());
        }

        var callback = Assert.Single(results, r => r.GetProperty("ruleId").GetString() == "callback-logs-prompts");
        Assert.Equal("error", callback.GetProperty("level").GetString());
        Assert.Equal(8, callback.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.False(callback.TryGetProperty("suppressions", out _));
    }

    [Fact]
    public void Inline_suppression_is_an_in_source_suppression_with_justification()
    {
        var (root, _, text) = Render();
        var secret = Assert.Single(root.GetProperty("runs")[0].GetProperty("results").EnumerateArray(), r => r.GetProperty("ruleId").GetString() == "literal-secret");
        var suppression = Assert.Single(secret.GetProperty("suppressions").EnumerateArray());
        Assert.Equal("inSource", suppression.GetProperty("kind").GetString());
        Assert.Equal("test fixture key", suppression.GetProperty("justification").GetString());
        Assert.DoesNotContain("abcdefghijklmnop", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Baseline_suppression_is_an_external_suppression_with_justification()
    {
        using var folder = new TemporaryFolder();
        folder.Write("deploy/config.yaml", Config);
        var options = new AuditOptions { Paths = ["deploy"], WorkingDirectory = folder.Path, Today = new DateOnly(2026, 11, 25) };
        var first = Auditor.Default.Run(options);
        var accepted = first.Findings.Where(f => f.RuleId == "callback-logs-prompts").ToList();
        var baseline = folder.Write("baseline.yaml", GatewayAudit.Core.Suppressions.Baseline.Write(accepted, "Langfuse is in our DPA", null));
        var audit = Auditor.Default.Run(options with { BaselinePath = baseline });
        Assert.True(audit.Complete, string.Join("\n", audit.Diagnostics));
        var results = JsonDocument.Parse(new SarifRenderer(audit.Rules).Render(ReportBuilder.Build(audit))).RootElement
            .GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();

        var callback = Assert.Single(results, r => r.GetProperty("ruleId").GetString() == "callback-logs-prompts");
        var suppression = Assert.Single(callback.GetProperty("suppressions").EnumerateArray());
        Assert.Equal("external", suppression.GetProperty("kind").GetString());
        Assert.Equal("Langfuse is in our DPA", suppression.GetProperty("justification").GetString());
        var inline = Assert.Single(results, r => r.GetProperty("ruleId").GetString() == "literal-secret");
        Assert.Equal("inSource", Assert.Single(inline.GetProperty("suppressions").EnumerateArray()).GetProperty("kind").GetString());
    }

    [Fact]
    public void Output_is_deterministic()
    {
        Assert.Equal(Render().Text, Render().Text);
    }

    [Theory]
    [InlineData("critical", "error", "9.5")]
    [InlineData("high", "error", "8.0")]
    [InlineData("medium", "warning", "5.5")]
    [InlineData("low", "note", "3.0")]
    [InlineData("info", "note", "0.0")]
    public void Severity_maps_to_level_and_security_severity(string severity, string level, string score)
    {
        Assert.Equal(level, SarifRenderer.LevelOf(severity));
        Assert.Equal(score, SarifRenderer.SecuritySeverityOf(severity));
    }

    [Fact]
    public void Uris_are_relative_and_escaped()
    {
        Assert.Equal("deploy/my%20config.yaml", SarifRenderer.UriOf("deploy/my config.yaml"));
        Assert.Equal("a/b.yaml", SarifRenderer.UriOf("a\\b.yaml"));
    }
}
