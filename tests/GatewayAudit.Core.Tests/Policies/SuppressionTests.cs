using GatewayAudit.Core.Model;
using GatewayAudit.Core.Scanning;
using GatewayAudit.Core.Suppressions;

namespace GatewayAudit.Core.Tests.Policies;

public sealed class SuppressionTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    // Line 4 holds the literal key: literal-secret fires there.
    private const string Config = """
        model_list:
          - model_name: gpt
            litellm_params:
              api_key: sk-proj-abcdefghijklmnopqrstuvwxyz123456
              model: openai/gpt-4o
        general_settings:
          master_key: os.environ/LITELLM_MASTER_KEY
        """;

    private static AuditResult Scan(TemporaryFolder folder, string config, string? baseline = null)
    {
        folder.Write("config.yaml", config);
        string? baselinePath = baseline is null ? null : folder.Write("baseline.yaml", baseline);
        return Auditor.Default.Run(new AuditOptions { Paths = ["config.yaml"], WorkingDirectory = folder.Path, Today = Today, BaselinePath = baselinePath });
    }

    private static Finding Secret(AuditResult audit) => Assert.Single(audit.Findings, f => f.RuleId == "literal-secret");

    [Fact]
    public void Without_suppression_the_finding_is_active()
    {
        using var folder = new TemporaryFolder();
        var finding = Secret(Scan(folder, Config));
        Assert.False(finding.Suppressed);
        Assert.Equal(4, finding.Location!.Line);
    }

    [Fact]
    public void Trailing_comment_suppresses_its_own_line()
    {
        using var folder = new TemporaryFolder();
        var config = Config.Replace("123456\n", "123456  # gateway-audit:ignore literal-secret reason=\"test key, revoked\"\n", StringComparison.Ordinal);
        var audit = Scan(folder, config);
        var finding = Secret(audit);
        Assert.True(finding.Suppressed);
        Assert.Equal(SuppressionStage.InlineKind, finding.Suppression!.Kind);
        Assert.Equal("test key, revoked", finding.Suppression.Reason);
        Assert.True(audit.Complete);
    }

    [Fact]
    public void Standalone_comment_suppresses_the_next_line()
    {
        using var folder = new TemporaryFolder();
        var config = Config.Replace("      api_key:", "      # gateway-audit:ignore literal-secret,cache-ttl-too-long reason=\"sandbox key\" until=2027-01-31\n      api_key:", StringComparison.Ordinal);
        var finding = Secret(Scan(folder, config));
        Assert.True(finding.Suppressed);
        Assert.Equal(new DateOnly(2027, 1, 31), finding.Suppression!.Until);
        Assert.Equal(4, finding.Suppression.Location!.Line);
    }

    [Fact]
    public void A_suppression_without_reason_is_an_error_with_file_and_line()
    {
        using var folder = new TemporaryFolder();
        var config = Config.Replace("123456\n", "123456  # gateway-audit:ignore literal-secret\n", StringComparison.Ordinal);
        var audit = Scan(folder, config);
        Assert.False(audit.Complete);
        var error = Assert.Single(audit.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("suppression-no-reason", error.Code);
        Assert.Equal("config.yaml:4", error.Location.ToString());
        Assert.False(Secret(audit).Suppressed);
    }

    [Fact]
    public void An_expired_suppression_stops_suppressing_and_says_so()
    {
        using var folder = new TemporaryFolder();
        var config = Config.Replace("123456\n", "123456  # gateway-audit:ignore literal-secret reason=\"rotating\" until=2026-11-24\n", StringComparison.Ordinal);
        var audit = Scan(folder, config);
        var finding = Secret(audit);
        Assert.False(finding.Suppressed);
        Assert.True(finding.Suppression!.Expired);
        var warning = Assert.Single(audit.Diagnostics, d => d.Code == "suppression-expired");
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Contains("2026-11-24", warning.Message, StringComparison.Ordinal);
        Assert.True(audit.Complete);
    }

    [Fact]
    public void A_suppression_ending_today_still_applies()
    {
        using var folder = new TemporaryFolder();
        var config = Config.Replace("123456\n", "123456  # gateway-audit:ignore literal-secret reason=\"rotating\" until=2026-11-25\n", StringComparison.Ordinal);
        Assert.True(Secret(Scan(folder, config)).Suppressed);
    }

    [Fact]
    public void A_suppression_matching_nothing_is_a_warning()
    {
        using var folder = new TemporaryFolder();
        var config = Config.Replace("123456\n", "123456  # gateway-audit:ignore cache-ttl-too-long reason=\"n/a\"\n", StringComparison.Ordinal);
        var audit = Scan(folder, config);
        Assert.Contains(audit.Diagnostics, d => d.Code == "suppression-unused" && d.Location.Line == 4);
        Assert.False(Secret(audit).Suppressed);
    }

    [Fact]
    public void Baseline_written_then_read_suppresses_and_survives_line_shifts()
    {
        using var folder = new TemporaryFolder();
        var first = Scan(folder, Config);
        var text = Baseline.Write(first.Findings, "accepted at review", null);
        Assert.DoesNotContain("sk-proj", text, StringComparison.Ordinal);

        var shifted = "# a new comment line\n# and another\n" + Config;
        var audit = Scan(folder, shifted, text);
        Assert.True(audit.Complete, string.Join("\n", audit.Diagnostics));
        Assert.All(audit.Findings, f => Assert.True(f.Suppressed, f.RuleId));
        Assert.All(audit.Findings, f => Assert.Equal(SuppressionStage.BaselineKind, f.Suppression!.Kind));
        Assert.Equal(6, Secret(audit).Location!.Line);
    }

    [Fact]
    public void A_baseline_entry_matches_only_its_own_file_and_the_same_fingerprint_elsewhere_stays_active()
    {
        using var folder = new TemporaryFolder();
        folder.Write("a/config.yaml", Config);
        folder.Write("b/config.yaml", Config);
        var first = Auditor.Default.Run(new AuditOptions { Paths = ["a"], WorkingDirectory = folder.Path, Today = Today });
        var baseline = folder.Write("baseline.yaml", Baseline.Write(first.Findings, "accepted for a only", null));

        var audit = Auditor.Default.Run(new AuditOptions { Paths = ["a", "b"], WorkingDirectory = folder.Path, Today = Today, BaselinePath = baseline });
        var secrets = audit.Findings.Where(f => f.RuleId == "literal-secret").OrderBy(f => f.Location!.File, StringComparer.Ordinal).ToList();
        Assert.Equal(["a/config.yaml", "b/config.yaml"], secrets.Select(f => f.Location!.File));
        Assert.Equal(Baseline.FingerprintOf(secrets[0]), Baseline.FingerprintOf(secrets[1]));
        Assert.True(secrets[0].Suppressed);
        Assert.False(secrets[1].Suppressed);
        Assert.Null(secrets[1].Suppression);
    }

    [Fact]
    public void Baseline_writing_is_deterministic()
    {
        using var folder = new TemporaryFolder();
        var audit = Scan(folder, Config);
        Assert.Equal(Baseline.Write(audit.Findings, "r", new DateOnly(2027, 1, 1)), Baseline.Write(audit.Findings.Reverse(), "r", new DateOnly(2027, 1, 1)));
    }

    [Fact]
    public void Baseline_entry_without_reason_is_an_error_with_line()
    {
        using var folder = new TemporaryFolder();
        const string baseline = """
            version: 1
            findings:
              - rule: literal-secret
                file: config.yaml
                fingerprint: "model_list[0].litellm_params.api_key"
                reason: ""
            """;
        var audit = Scan(folder, Config, baseline);
        var error = Assert.Single(audit.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("suppression-no-reason", error.Code);
        Assert.Equal("baseline.yaml:3", error.Location.ToString());
    }

    [Fact]
    public void Expired_baseline_entry_is_active_with_a_warning()
    {
        using var folder = new TemporaryFolder();
        const string baseline = """
            version: 1
            findings:
              - rule: literal-secret
                file: config.yaml
                fingerprint: "model_list[0].litellm_params.api_key"
                reason: "old key"
                until: 2026-01-01
            """;
        var audit = Scan(folder, Config, baseline);
        var finding = Secret(audit);
        Assert.False(finding.Suppressed);
        Assert.True(finding.Suppression!.Expired);
        Assert.Contains(audit.Diagnostics, d => d.Code == "suppression-expired" && d.Location.File == "baseline.yaml");
    }

    [Fact]
    public void Settings_file_in_the_scanned_folder_is_used_and_dpa_declares()
    {
        using var folder = new TemporaryFolder();
        folder.Write("stack/config.yaml", Config + "\n  database_url: os.environ/DATABASE_URL\n");
        folder.Write("stack/gateway-audit.settings.yaml", "allowedVendors: [anthropic]\ndeclaredSubprocessors: [openai]\n");
        folder.Write("dpa.yaml", "subprocessors:\n  - datastore:litellm-postgres\n");
        var audit = Auditor.Default.Run(new AuditOptions { Paths = ["stack"], WorkingDirectory = folder.Path, Today = Today, DpaPath = "dpa.yaml" });
        Assert.True(audit.Complete, string.Join("\n", audit.Diagnostics));
        Assert.Contains(audit.Findings, f => f.RuleId == "vendor-not-allowed" && f.Subject == "provider:openai");
        Assert.DoesNotContain(audit.Findings, f => f.RuleId is "datastore-not-declared" or "subprocessor-not-declared");
    }

    [Fact]
    public void Settings_schema_errors_stop_the_scan_with_file_and_line()
    {
        using var folder = new TemporaryFolder();
        folder.Write("config.yaml", Config);
        folder.Write("gateway-audit.settings.yaml", "requireZdr: true\nmaxRetentionDayz: 30\n");
        var audit = Auditor.Default.Run(new AuditOptions { Paths = ["."], WorkingDirectory = folder.Path, Today = Today });
        var error = Assert.Single(audit.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("gateway-audit.settings.yaml", error.Location.File);
        Assert.Contains("maxRetentionDayz", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void User_policy_folder_adds_rules_and_a_duplicate_id_stops_the_scan()
    {
        using var folder = new TemporaryFolder();
        folder.Write("config.yaml", Config);
        var builtIn = File.ReadAllText(Path.Combine(BuiltIn.Root, "policies", "rules", "literal-secret.yaml"));
        folder.Write("rules/custom.yaml", builtIn.Replace("id: literal-secret", "id: our-literal-secret", StringComparison.Ordinal));
        var audit = Auditor.Default.Run(new AuditOptions { Paths = ["config.yaml"], WorkingDirectory = folder.Path, Today = Today, PolicyDirs = ["rules"] });
        Assert.Contains(audit.Findings, f => f.RuleId == "our-literal-secret");

        folder.Write("dupes/copy.yaml", builtIn);
        var duplicate = Auditor.Default.Run(new AuditOptions { Paths = ["config.yaml"], WorkingDirectory = folder.Path, Today = Today, PolicyDirs = ["dupes"] });
        var error = Assert.Single(duplicate.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("policy-duplicate-id", error.Code);
        Assert.Equal("dupes/copy.yaml:2", error.Location.ToString());
        Assert.Contains("literal-secret.yaml", error.Message, StringComparison.Ordinal);
    }
}
