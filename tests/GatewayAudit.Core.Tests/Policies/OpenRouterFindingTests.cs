using GatewayAudit.Core.Scanning;

namespace GatewayAudit.Core.Tests.Policies;

/// <summary>
/// OpenRouter's provider preferences are per deployment: a finding about data collection, pinning or ZDR routing
/// names the deployment that lacks the setting and points at its line, whatever another deployment sets. Before,
/// the preferences of every deployment were written onto the one OpenRouter component, so the first deployment's
/// data_collection: deny hid the second's allow.
/// </summary>
public sealed class OpenRouterFindingTests
{
    // A company gateway with two OpenRouter deployments of different preferences.
    private const string Config = """
        model_list:
          - model_name: claude
            litellm_params:
              model: openrouter/anthropic/claude-sonnet-4.5
              api_key: os.environ/OPENROUTER_API_KEY
              extra_body:
                provider:
                  data_collection: deny
                  zdr: true
                  only: [anthropic]
          - model_name: llama
            litellm_params:
              model: openrouter/meta-llama/llama-3.3-70b-instruct
              api_key: os.environ/OPENROUTER_API_KEY
              extra_body:
                provider:
                  data_collection: allow
                  order: [together, deepinfra]
        """;

    [Theory]
    [InlineData("openrouter-data-collection-allowed", 17)]
    [InlineData("openrouter-upstream-not-pinned", 18)]
    [InlineData("openrouter-without-zdr-routing", 13)]
    public void The_deployment_that_allows_is_reported_at_its_own_line(string rule, int line)
    {
        using var folder = new TemporaryFolder();
        folder.Write("config.yaml", Config);
        var result = Auditor.Default.Run(new AuditOptions { Paths = ["config.yaml"], WorkingDirectory = folder.Path, Today = new DateOnly(2026, 11, 30) });
        var finding = Assert.Single(result.Findings, f => f.RuleId == rule);
        Assert.Equal(line, finding.Location!.Line);
        Assert.Contains("llama", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("claude", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_direct_contract_rule_fires_for_the_slug_author()
    {
        using var folder = new TemporaryFolder();
        folder.Write("config.yaml", Config);
        var result = Auditor.Default.Run(new AuditOptions { Paths = ["config.yaml"], WorkingDirectory = folder.Path, Today = new DateOnly(2026, 11, 30) });
        Assert.DoesNotContain(result.Findings, f => f.Subject is "provider:anthropic" or "provider:together-ai");
        Assert.DoesNotContain(result.Findings, f => f.RuleId is "zdr-not-confirmed" or "provider-without-zdr" && f.Subject!.StartsWith("provider:openrouter-upstream", StringComparison.Ordinal));
    }
}
