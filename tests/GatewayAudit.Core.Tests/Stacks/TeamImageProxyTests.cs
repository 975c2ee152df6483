using GatewayAudit.Core.Model;
using static GatewayAudit.Core.Tests.Readers.DeploymentFixtures;

namespace GatewayAudit.Core.Tests.Stacks;

/// <summary>
/// A proxy run from the team's own image (a wrapper app built on LiteLLM, started with uvicorn or the litellm CLI) is
/// still the proxy: its compose environment resolves the config's callbacks, its master key answers the question, and
/// the image's tag is the team's, not a LiteLLM release. Shape seen in a public compose stack with Arize Phoenix beside it.
/// </summary>
public sealed class TeamImageProxyTests
{
    private const string Config = """
        model_list:
          - model_name: gpt
            litellm_params: {model: openai/gpt-4o, api_key: os.environ/OPENAI_API_KEY}
        litellm_settings:
          callbacks: [arize_phoenix]

        """;

    private static string Compose(string process, string extraEnvironment = "") => $$"""
        x-app-image: &app-image acme-llm-gateway-app:latest
        services:
          gateway:
            image: *app-image
            build: {context: .}
        {{process}}
            environment:
        {{extraEnvironment}}
              LITELLM_MASTER_KEY: ${LITELLM_MASTER_KEY:?set it in .env}
              PHOENIX_COLLECTOR_HTTP_ENDPOINT: http://phoenix:6006/v1/traces
          phoenix:
            image: arizephoenix/phoenix:version-17.15.0

        """;

    [Theory]
    [InlineData("    command: [uvicorn, acme_gateway.app:app, --port, \"4000\"]", "      CONFIG_FILE_PATH: /app/config/litellm.yaml")]
    [InlineData("    command: [litellm, --config, /app/config/litellm.yaml]", "")]
    public void A_team_image_that_runs_the_proxy_resolves_the_stack_and_answers_the_master_key_question(string command, string extraEnvironment)
    {
        var compose = Compose(command, extraEnvironment);
        var result = AuditFiles(("config/litellm.yaml", Config), ("docker-compose.yml", compose));
        var phoenix = result.Model.Find("exporter:arize")!;
        Assert.Equal(Hosting.OperatorHosted, phoenix.Hosting);
        Assert.Equal("phoenix", phoenix.Attributes["colocatedService"]);

        var gateway = result.Model.Find("gateway:litellm-proxy")!;
        Assert.Equal("environment", gateway.Attributes["masterKey"]);
        Assert.DoesNotContain(result.Findings, f => f.RuleId == "master-key-not-in-config");
        Assert.DoesNotContain(result.Model.OpenQuestions, q => q.IsOpen(result.Model) && q.Question.Contains("LITELLM_MASTER_KEY", StringComparison.Ordinal));

        // acme-llm-gateway-app:latest is the team's tag: no LiteLLM version is read from it, so no "unpinned" claim.
        Assert.Null(gateway.Attributes["image"]);
        Assert.DoesNotContain(result.Findings, f => f.RuleId == "gateway-version-unpinned");
    }

    [Fact]
    public void A_compose_file_whose_services_do_not_run_the_proxy_leaves_the_master_key_question_open()
    {
        var compose = Compose("    command: [uvicorn, acme_dashboard.app:app]");
        var result = AuditFiles(("config/litellm.yaml", Config), ("docker-compose.yml", compose));
        Assert.Equal("not-in-config", result.Model.Find("gateway:litellm-proxy")!.Attributes["masterKey"]);
        Assert.Contains(result.Findings, f => f.RuleId == "master-key-not-in-config");
        Assert.Equal(Hosting.Unknown, result.Model.Find("exporter:arize")!.Hosting);
    }

    [Theory]
    [InlineData("ghcr.io/berriai/litellm:v1.84.0", true)]
    [InlineData("litellm/litellm:v1.84.0", true)]
    [InlineData("berriai/litellm-database:main-stable", true)]
    [InlineData("registry.example.com/mirror/litellm:1.83.2", true)]
    [InlineData("acme-llm-gateway-app:latest", false)]
    [InlineData("ghcr.io/acme/litellm-wrapper:2.0", false)]
    public void Only_litellm_s_own_images_carry_a_litellm_release_tag(string image, bool release)
    {
        Assert.Equal(release, GatewayAudit.Core.Readers.Deployment.ImageReference.Parse(image)!.IsLiteLlmRelease);
    }
}
