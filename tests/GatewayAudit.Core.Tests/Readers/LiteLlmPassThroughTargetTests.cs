using GatewayAudit.Core.Model;
using GatewayAudit.Core.Reports;
using static GatewayAudit.Core.Tests.Readers.DeploymentFixtures;

namespace GatewayAudit.Core.Tests.Readers;

/// <summary>
/// A proxy routing <c>/v1/lora/*</c> to an in-cluster adapter service through <c>general_settings.pass_through_endpoints</c>:
/// the target receives the forwarded requests as sent; it is no "LLM inference" party and the annex says what it is.
/// </summary>
public sealed class LiteLlmPassThroughTargetTests
{
    private const string Config = """
        model_list:
          - model_name: llama-3b
            litellm_params:
              model: openai/llama-3b
              api_base: http://llama-3b-service:8000/v1
        general_settings:
          pass_through_endpoints:
            - path: "/v1/lora/upload"
              target: "http://lora-manager:8000/upload"
              auth: true
              forward_headers: true
            - path: "/v1/lora/adapters"
              target: "http://lora-manager:8000/adapters"
              auth: true
        """;

    [Fact]
    public void A_pass_through_target_says_it_receives_the_forwarded_requests_not_llm_inference()
    {
        var audit = AuditFiles(("config.yaml", Config));
        var target = audit.Model.Find("provider:host:lora-manager")!;

        Assert.Equal(Hosting.OperatorHosted, target.Hosting);
        Assert.Contains(target.Notes, n => n.StartsWith("A pass-through target, not a model provider", StringComparison.Ordinal)
            && n.Contains("/v1/lora/upload, /v1/lora/adapters", StringComparison.Ordinal) && n.Contains("operator's own network", StringComparison.Ordinal));
        var row = Assert.Single(ReportBuilder.Build(audit).Annex.OperatorSystems, o => o.Id == "provider:host:lora-manager");
        Assert.StartsWith("pass-through target of the proxy: receives the requests sent to /v1/lora/upload", row.Purpose, StringComparison.Ordinal);
        Assert.DoesNotContain("LLM inference", row.Purpose, StringComparison.Ordinal);
    }

    [Fact]
    public void A_routed_model_server_is_still_inference()
    {
        var row = Assert.Single(ReportBuilder.Build(AuditFiles(("config.yaml", Config))).Annex.OperatorSystems, o => o.Id == "inference:llama-3b-service");

        Assert.Equal("LLM inference on prompts", row.Purpose);
    }
}
