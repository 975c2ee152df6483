using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers.LiteLlm;
using static GatewayAudit.Core.Tests.Readers.DeploymentFixtures;

namespace GatewayAudit.Core.Tests.Stacks;

/// <summary>
/// A compose file that runs the LiteLLM proxy and builds the application from a folder of the checkout: the service's
/// environment is what the code's SDKs read their addresses from. Fixtures imitate an agent repository with
/// <c>backend/</c> built by compose, a <c>litellm/</c> proxy config and a Langfuse service beside them.
/// </summary>
public sealed class ComposeBuildEnvironmentTests
{
    private const string Config = """
        model_list:
          - model_name: gpt-4o
            litellm_params: {model: openai/gpt-4o, api_key: os.environ/OPENAI_API_KEY}

        general_settings:
          master_key: os.environ/LITELLM_MASTER_KEY

        """;

    private const string Backend = """
        from langfuse import Langfuse
        from openai import OpenAI

        client = OpenAI()
        langfuse = Langfuse()


        def answer(question: str) -> str:
            reply = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": question}])
            return reply.choices[0].message.content

        """;

    private static string Compose(string baseUrl = "http://litellm:4000/v1", string build = "./backend") => $$"""
        services:
          backend:
            build: {{build}}
            environment:
              OPENAI_BASE_URL: {{baseUrl}}
              LANGFUSE_HOST: http://langfuse:3000
          litellm:
            image: ghcr.io/berriai/litellm:main-v1.74.3-stable
            command: ["--config", "/app/config.yaml"]
            volumes:
              - ./litellm/config.yaml:/app/config.yaml
          langfuse:
            image: langfuse/langfuse:2

        """;

    [Fact]
    public void An_SDK_without_an_address_calls_the_proxy_its_compose_service_points_it_at()
    {
        var result = AuditFiles(("docker-compose.yml", Compose()), ("litellm/config.yaml", Config), ("backend/app/main.py", Backend));

        var model = result.Model;
        var toProxy = Assert.Single(model.FlowsOutOf("app:code"), f => f.To == LiteLlmConfigReader.GatewayId);
        Assert.Contains(DataCategory.Prompt, toProxy.DataCategories);
        Assert.DoesNotContain(model.FlowsOutOf("app:code"), f => f.To == "provider:openai");
        Assert.Contains(model.Find(LiteLlmConfigReader.GatewayId)!.Notes, n => n.Contains("OPENAI_BASE_URL=http://litellm:4000/v1 (docker-compose.yml:5", StringComparison.Ordinal)
            && n.Contains("backend/app/main.py:4", StringComparison.Ordinal));

        // OpenAI is still the proxy's upstream, without the code's evidence.
        var openai = model.Find("provider:openai")!;
        Assert.DoesNotContain(openai.Evidence, e => e.File == "backend/app/main.py");
        Assert.DoesNotContain(result.Findings, f => f.RuleId == "shadow-sub-processor");

        var langfuse = model.Find("exporter:langfuse")!;
        Assert.Equal(Hosting.OperatorHosted, langfuse.Hosting);
        Assert.Contains(langfuse.Notes, n => n.Contains("The compose service 'backend', which builds this code", StringComparison.Ordinal)
            && n.Contains("the compose service 'langfuse'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_value_filled_at_deploy_time_or_code_outside_the_build_folder_stays_as_the_code_shows_it()
    {
        foreach (var result in new[]
        {
            AuditFiles(("docker-compose.yml", Compose(baseUrl: "${OPENAI_BASE_URL}")), ("litellm/config.yaml", Config), ("backend/app/main.py", Backend)),
            AuditFiles(("docker-compose.yml", Compose(build: "./worker")), ("litellm/config.yaml", Config), ("backend/app/main.py", Backend)),
        })
        {
            Assert.Contains(result.Model.FlowsOutOf("app:code"), f => f.To == "provider:openai");
            Assert.Contains(result.Findings, f => f.RuleId == "shadow-sub-processor");
        }
    }

    [Fact]
    public void A_build_context_in_long_form_and_relative_to_a_nested_compose_file_is_followed()
    {
        var compose = Compose(build: "{context: ../backend, dockerfile: Dockerfile}").Replace("./litellm/config.yaml", "../litellm/config.yaml", StringComparison.Ordinal);
        var result = AuditFiles(("deploy/docker-compose.yml", compose), ("litellm/config.yaml", Config), ("backend/app/main.py", Backend));

        Assert.Contains(result.Model.FlowsOutOf("app:code"), f => f.To == LiteLlmConfigReader.GatewayId);
        Assert.DoesNotContain(result.Model.FlowsOutOf("app:code"), f => f.To == "provider:openai");
    }
}
