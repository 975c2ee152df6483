using GatewayAudit.Core.Model;
using GatewayAudit.Core.Scanning;

namespace GatewayAudit.Core.Tests.Policies;

/// <summary>
/// A finding points at the setting that makes it true (the fallbacks entry, router_settings.redis_host,
/// store_prompts_in_spend_logs, the cache ttl), not at the first line the component was seen on: that line is what
/// the report, SARIF and a reviewer's inline suppression use. Before, a fallback finding pointed at line 1 of the
/// config (an x- anchor block in the bundled example), and a suppression written on store_prompts_in_spend_logs
/// was reported as unused.
/// </summary>
public sealed class FindingLocationTests
{
    private const string Config = """
        x-defaults: &defaults
          timeout: 60
        model_list:
          - model_name: claude
            litellm_params: {<<: *defaults, model: anthropic/claude-sonnet-4-5, api_key: os.environ/ANTHROPIC_API_KEY}
          - model_name: gpt
            litellm_params: {<<: *defaults, model: openai/gpt-4o, api_key: os.environ/OPENAI_API_KEY}
        litellm_settings:
          cache: true
          cache_params:
            type: redis
            host: os.environ/REDIS_HOST
            ttl: 604800
          fallbacks:
            - claude: [gpt]
        router_settings:
          redis_host: os.environ/REDIS_HOST
        general_settings:
          master_key: os.environ/LITELLM_MASTER_KEY
          database_url: os.environ/DATABASE_URL
          store_prompts_in_spend_logs: true
        """;

    private static AuditResult Scan(TemporaryFolder folder, string config)
    {
        folder.Write("config.yaml", config);
        return Auditor.Default.Run(new AuditOptions { Paths = ["config.yaml"], WorkingDirectory = folder.Path, Today = new DateOnly(2026, 11, 25) });
    }

    private static int LineOf(string config, string text) =>
        config.Split('\n').Select((l, i) => (l, i)).First(p => p.l.Contains(text, StringComparison.Ordinal)).i + 1;

    [Theory]
    [InlineData("cross-provider-fallback", "- claude: [gpt]")]
    [InlineData("redis-hot-path-without-fallback", "redis_host:")]
    [InlineData("prompts-in-spend-logs", "store_prompts_in_spend_logs:")]
    [InlineData("cache-ttl-too-long", "ttl: 604800")]
    public void A_finding_points_at_the_setting_it_is_about(string rule, string line)
    {
        using var folder = new TemporaryFolder();
        var finding = Assert.Single(Scan(folder, Config).Findings, f => f.RuleId == rule);
        Assert.Equal(LineOf(Config, line), finding.Location!.Line);
    }

    [Fact]
    public void A_finding_on_a_fact_the_config_does_not_set_keeps_the_component_line()
    {
        // No ttl: cache-retention-unbounded is about a missing setting, so it points at the cache itself.
        using var folder = new TemporaryFolder();
        var config = Config.Replace("    ttl: 604800\n", "", StringComparison.Ordinal);
        var finding = Assert.Single(Scan(folder, config).Findings, f => f.RuleId == "cache-retention-unbounded");
        Assert.Equal(LineOf(config, "type: redis"), finding.Location!.Line);
    }

    [Fact]
    public void A_suppression_on_the_setting_suppresses_the_finding()
    {
        using var folder = new TemporaryFolder();
        var config = Config.Replace(
            "store_prompts_in_spend_logs: true",
            "store_prompts_in_spend_logs: true  # gateway-audit:ignore prompts-in-spend-logs reason=\"legal hold, 14-day purge job\"",
            StringComparison.Ordinal);
        var audit = Scan(folder, config);
        Assert.True(Assert.Single(audit.Findings, f => f.RuleId == "prompts-in-spend-logs").Suppressed);
        Assert.DoesNotContain(audit.Diagnostics, d => d.Code == "suppression-unused");
    }

    [Fact]
    public void Attribute_origins_survive_a_merge_and_a_plain_set_clears_them()
    {
        var a = new AttributeBag();
        var b = new AttributeBag();
        b.Set("ttlSeconds", 60, new SourceLocation("config.yaml", 7));
        a.MergeFrom(b);
        Assert.Equal(7, a.Origin("ttlSeconds")!.Line);
        a.Set("ttlSeconds", 30);
        Assert.Null(a.Origin("ttlSeconds"));
    }
}
