using GatewayAudit.Core.Model;
using static GatewayAudit.Core.Tests.Readers.DeploymentFixtures;

namespace GatewayAudit.Core.Tests.Stacks;

/// <summary>
/// A variable the compose file hands the proxy as <c>${VAR}</c> with no value in any file is set at deploy time: the
/// client library's default (langfuse_otel's Langfuse Cloud US when LANGFUSE_HOST is unset) must not be presented as
/// the fact. Shape seen in a public Coolify stack.
/// </summary>
public sealed class DeployTimeVariableTests
{
    private const string Config = """
        model_list:
          - model_name: gpt
            litellm_params: {model: openai/gpt-4o, api_key: os.environ/OPENAI_API_KEY}
        litellm_settings:
          success_callback: [langfuse_otel]

        """;

    private static string Compose(string langfuseHost) => $"""
        services:
          litellm:
            image: ghcr.io/berriai/litellm:v1.84.0
            volumes: ["./config.yaml:/app/config.yaml"]
            environment:
              LANGFUSE_PUBLIC_KEY: ${"{"}LANGFUSE_PUBLIC_KEY{"}"}
        {langfuseHost}

        """;

    [Fact]
    public void A_host_variable_left_to_the_deploy_shell_makes_the_exporter_unknown_and_asks_where_it_points()
    {
        var result = AuditFiles(("config.yaml", Config), ("docker-compose.yaml", Compose("      LANGFUSE_HOST: ${LANGFUSE_HOST}")));

        var langfuse = result.Model.Find("exporter:langfuse")!;
        Assert.Equal(Hosting.Unknown, langfuse.Hosting);
        Assert.Null(langfuse.Attributes["host"]);
        Assert.Contains(langfuse.Evidence, e => e.File == "docker-compose.yaml" && e.Line == 7);
        var question = Assert.Single(result.Model.OpenQuestions, q => q.Question.Contains("LANGFUSE_HOST", StringComparison.Ordinal));
        Assert.True(question.IsOpen(result.Model));
    }

    [Fact]
    public void A_variable_no_file_names_leaves_litellm_s_documented_default()
    {
        var result = AuditFiles(("config.yaml", Config), ("docker-compose.yaml", Compose("")));

        var langfuse = result.Model.Find("exporter:langfuse")!;
        Assert.Equal((Hosting.ThirdParty, "us.cloud.langfuse.com"), (langfuse.Hosting, langfuse.Attributes["host"] as string));
    }

    [Fact]
    public void A_dot_env_that_fills_the_variable_wins_over_the_deploy_shell()
    {
        var result = AuditFiles(("config.yaml", Config), ("docker-compose.yaml", Compose("      LANGFUSE_HOST: ${LANGFUSE_HOST}")),
            (".env", "LANGFUSE_HOST=https://cloud.langfuse.com\n"));

        var langfuse = result.Model.Find("exporter:langfuse")!;
        Assert.Equal((Hosting.ThirdParty, "EU"), (langfuse.Hosting, langfuse.Region?.Value));
    }
}
