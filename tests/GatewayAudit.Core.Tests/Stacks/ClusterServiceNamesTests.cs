using GatewayAudit.Core.Model;
using static GatewayAudit.Core.Tests.Readers.DeploymentFixtures;

namespace GatewayAudit.Core.Tests.Stacks;

/// <summary>
/// A Kustomize layout: the base LiteLLM config reaches an in-cluster vLLM Service by its short name, a staging
/// overlay's config by its <c>svc.cluster.local</c> name; the Service's manifest states no namespace (Kustomize sets it).
/// Both names are one server, one row; a cluster name no Service or short-name row of the scan backs stays as written.
/// </summary>
public sealed class ClusterServiceNamesTests
{
    private static string Config(string apiBase) => $"""
        model_list:
          - model_name: llama-3b
            litellm_params:
              model: openai/llama-3b
              api_base: {apiBase}
              api_key: dummy
        """;

    private const string Service = """
        apiVersion: v1
        kind: Service
        metadata:
          name: llama-3b-service
        spec:
          selector:
            app: llama-3b
          ports:
            - port: 8000
              targetPort: 8000
        """;

    [Fact]
    public void A_services_cluster_dns_name_and_its_short_name_are_one_row()
    {
        var result = AuditFiles(("base/config.yaml", Config("http://llama-3b-service:8000/v1")),
            ("overlays/staging/config.yaml", Config("http://llama-3b-service.litellm.svc.cluster.local:8000/v1")),
            ("models/llama-3b/service.yaml", Service));

        Assert.DoesNotContain(result.Model.Components, c => c.Id.Contains("svc.cluster.local", StringComparison.Ordinal));
        var server = result.Model.Find("inference:llama-3b-service")!;
        Assert.Equal(Hosting.OperatorHosted, server.Hosting);
        Assert.Contains(server.Evidence, e => e.File == "overlays/staging/config.yaml" && e.Line == 5);
        Assert.Contains(server.Evidence, e => e.File == "base/config.yaml" && e.Line == 5);
        Assert.Contains(server.Notes, n => n.Contains("Also addressed as llama-3b-service.litellm.svc.cluster.local", StringComparison.Ordinal));
    }

    private const string Bundle = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: litellm-config
          namespace: litellm
        data:
          config.yaml: |
            model_list:
              - model_name: llama-3b
                litellm_params:
                  model: openai/llama-3b
                  api_base: http://llama-3b-service.litellm.svc:8000/v1
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: llama-3b-service
          namespace: litellm
        spec:
          ports:
            - port: 8000
        """;

    [Fact]
    public void The_svc_form_alone_folds_into_the_service_the_scan_shows()
    {
        var result = AuditFiles(("litellm.yaml", Bundle));
        var otherNamespace = AuditFiles(("litellm.yaml", Bundle.Replace("namespace: litellm\nspec", "namespace: models\nspec", StringComparison.Ordinal)));

        Assert.NotNull(result.Model.Find("inference:llama-3b-service"));
        Assert.Null(result.Model.Find("inference:llama-3b-service.litellm.svc"));
        Assert.NotNull(otherNamespace.Model.Find("inference:llama-3b-service.litellm.svc"));
    }

    [Fact]
    public void A_cluster_name_no_service_or_short_name_backs_stays_as_written()
    {
        var unbacked = AuditFiles(("config.yaml", Config("http://vllm.models.svc.cluster.local:8000/v1")));
        var bare = AuditFiles(("config.yaml", Config("http://llama-3b-service.litellm:8000/v1")), ("service.yaml", Service));

        Assert.NotNull(unbacked.Model.Find("inference:vllm.models.svc.cluster.local"));
        Assert.Null(unbacked.Model.Find("inference:vllm"));
        Assert.Null(bare.Model.Find("inference:llama-3b-service"));
    }
}
