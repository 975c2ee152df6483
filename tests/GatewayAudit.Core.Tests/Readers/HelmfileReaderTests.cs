using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers.LiteLlm;
using GatewayAudit.Core.Tests.Stacks;

namespace GatewayAudit.Core.Tests.Readers;

/// <summary>
/// A helmfile that installs LiteLLM's Helm chart with its proxy_config written inline (the fourth held-out code run,
/// class 1): a helmfile.yaml.gotmpl with Go-template env lookups, one release per service. Fixtures written in the
/// shape of such platform repositories.
/// </summary>
public sealed class HelmfileReaderTests
{
    private const string LiteLlmRelease = """
        releases:
          - name: gateway
            namespace: llm
            chart: oci://ghcr.io/berriai/litellm-helm
            version: 0.1.700
            values:
              - ingress:
                  enabled: true
              - proxy_config:
                  model_list:
                    - model_name: chat
                      litellm_params:
                        model: azure/gpt-4.1-mini
                        api_base: {{ env "AOAI_BASE" }}
                        api_key: {{ env "AOAI_KEY" }}
                    - model_name: claude
                      litellm_params:
                        model: bedrock/anthropic.claude-3-7-sonnet-20250219-v1:0
                        aws_region_name: eu-central-1
                  general_settings:
                    store_prompts_in_spend_logs: true
                    master_key: {{ env "GATEWAY_MASTER_KEY" }}
              - db:
                  persistence:
                    enabled: true

        """;

    [Fact]
    public void A_helmfile_release_of_the_litellm_chart_gives_its_inline_models_and_the_charts_own_postgres()
    {
        using var scan = new DeploymentShapeTests.Scan(("platform/litellm/helmfile.yaml.gotmpl", LiteLlmRelease));

        Assert.True(scan.Result.Complete, string.Join('\n', scan.Result.Diagnostics));
        Assert.Equal("helmfile", Assert.Single(scan.Result.Inputs).Reader);
        var model = scan.Result.Model;
        var gateway = model.Get(LiteLlmConfigReader.GatewayId);
        Assert.Equal(Hosting.OperatorHosted, gateway.Hosting);
        Assert.Contains(gateway.Notes, n => n.Contains("oci://ghcr.io/berriai/litellm-helm version 0.1.700", StringComparison.Ordinal));
        Assert.Contains(model.Components, c => c.Vendor == "azure-openai");
        Assert.Contains(model.Components, c => c.Vendor == "aws-bedrock");
        Assert.Equal(Hosting.OperatorHosted, model.Get(LiteLlmConfigReader.PostgresId).Hosting);
        Assert.Contains(scan.Result.Findings, f => f.RuleId == "prompts-in-spend-logs");
        Assert.Contains(model.OpenQuestions, q => q.Question.Contains("which LiteLLM version does", StringComparison.Ordinal));
    }

    [Fact]
    public void A_release_that_uses_an_existing_database_gets_no_in_cluster_postgres_from_the_helmfile()
    {
        var existing = LiteLlmRelease.Replace("persistence:\n            enabled: true", "useExisting: true", StringComparison.Ordinal);
        Assert.NotEqual(LiteLlmRelease, existing);
        using var scan = new DeploymentShapeTests.Scan(("helmfile.yaml.gotmpl", existing));

        Assert.DoesNotContain(scan.Result.Model.Components, c => c.Notes.Any(n => n.Contains("deploys its own Postgres", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_helmfile_of_other_charts_that_only_points_at_the_proxy_is_not_a_gateway()
    {
        using var scan = new DeploymentShapeTests.Scan(("openwebui/helmfile.yaml.gotmpl", """
            releases:
              - name: webui
                chart: open-webui/open-webui
                version: 6.19.0
                values:
                  - extraEnvVars:
                      - name: OPENAI_API_BASE_URLS
                        value: {{ env "OPENAI_API_BASE_URLS" | default "http://litellm.litellm:4000" }}

            """));

        Assert.DoesNotContain(scan.Result.Inputs, i => i.Reader == "helmfile");
        Assert.DoesNotContain(scan.Result.Model.Components, c => c.Id == LiteLlmConfigReader.GatewayId);
    }
    // A copy of a chart's default values kept beside the helmfile, with example models of its own.
    private const string ReferenceValues = """
        replicaCount: 1
        image:
          repository: ghcr.io/berriai/litellm-database
          tag: ""
        proxy_config:
          model_list:
            - model_name: starter
              litellm_params:
                model: gpt-4o-mini
                api_key: placeholder
            - model_name: mock
              litellm_params:
                model: openai/mock
                api_key: fake-key
                api_base: https://mock-llm.example.net/
          general_settings:
            master_key: os.environ/PROXY_MASTER_KEY

        """;

    [Fact]
    public void Chart_values_beside_a_helmfile_that_does_not_name_them_are_a_reference_copy_not_the_deployed_config()
    {
        using var scan = new DeploymentShapeTests.Scan(("litellm/helmfile.yaml.gotmpl", LiteLlmRelease), ("litellm/original-values.yaml", ReferenceValues));

        var model = scan.Result.Model;
        Assert.Contains(model.Components, c => c.Vendor == "azure-openai");
        Assert.DoesNotContain(model.Components, c => c.Vendor == "openai");
        Assert.DoesNotContain(model.Components, c => c.Evidence.Any(e => e.File == "litellm/original-values.yaml" && e.Line > 5));
        Assert.Contains(scan.Result.Diagnostics, d => d.Code == "helm-values-not-deployed" && d.Location.File == "litellm/original-values.yaml");
    }

    [Fact]
    public void Chart_values_the_helmfile_names_are_read_as_the_release_values()
    {
        var naming = LiteLlmRelease.Replace("      - ingress:", "      - original-values.yaml\n      - ingress:", StringComparison.Ordinal);
        Assert.NotEqual(LiteLlmRelease, naming);
        using var scan = new DeploymentShapeTests.Scan(("litellm/helmfile.yaml.gotmpl", naming), ("litellm/original-values.yaml", ReferenceValues));

        Assert.Contains(scan.Result.Model.Components, c => c.Vendor == "openai");
        Assert.DoesNotContain(scan.Result.Diagnostics, d => d.Code == "helm-values-not-deployed");
    }
}
