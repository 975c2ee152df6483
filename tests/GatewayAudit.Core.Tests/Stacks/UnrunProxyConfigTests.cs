using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers.LiteLlm;
using GatewayAudit.Core.Scanning;
using static GatewayAudit.Core.Tests.Readers.DeploymentFixtures;

namespace GatewayAudit.Core.Tests.Stacks;

/// <summary>
/// A LiteLLM config that nothing in the checkout runs as a proxy, beside application code that calls the LiteLLM SDK
/// in its own process: the config is a model list whose use is not shown, not a running proxy. Fixtures imitate a
/// FastAPI service that forwards the caller's model to <c>litellm.acompletion</c> and keeps a LiteLLM-format
/// <c>config/config.yaml</c>; each guard adds the one thing that shows a proxy does run.
/// </summary>
public sealed class UnrunProxyConfigTests
{
    private const string Config = """
        model_list:
          - model_name: gpt-4o
            litellm_params: {model: openai/gpt-4o, api_key: os.environ/OPENAI_API_KEY}
          - model_name: claude
            litellm_params: {model: anthropic/claude-sonnet-4-5, api_key: os.environ/ANTHROPIC_API_KEY}

        """;

    private const string InProcessRoute = """
        import litellm
        from fastapi import APIRouter

        router = APIRouter()


        @router.post("/v1/chat/completions")
        async def chat(request: ChatRequest):
            response = await litellm.acompletion(model=request.model, messages=request.messages)
            return response

        """;

    private const string ProxyCompose = """
        services:
          litellm:
            image: ghcr.io/berriai/litellm:main-stable
            command: ["--config", "/app/config.yaml"]
            volumes:
              - ./config/config.yaml:/app/config.yaml

        """;

    private const string ProxyClient = """
        from openai import OpenAI

        client = OpenAI(base_url="http://litellm:4000/v1")
        reply = client.chat.completions.create(model="claude", messages=[{"role": "user", "content": "hi"}])

        """;

    [Fact]
    public void A_config_nothing_runs_beside_in_process_LiteLLM_is_not_judged_as_a_running_proxy()
    {
        var result = AuditFiles(("config/config.yaml", Config), ("src/proxy/routes.py", InProcessRoute));

        var gateway = result.Model.Find(LiteLlmConfigReader.GatewayId)!;
        Assert.Equal(false, gateway.Attributes["runsAsProxy"]);
        Assert.Contains(gateway.Notes, n => n.StartsWith("Nothing in this checkout runs config/config.yaml as a LiteLLM proxy", StringComparison.Ordinal)
            && n.Contains("(src/proxy/routes.py:9", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Findings, f => f.RuleId == "master-key-not-in-config");
        Assert.Contains(result.Model.OpenQuestions, q => q.Question.StartsWith("Is config/config.yaml run as a LiteLLM proxy anywhere", StringComparison.Ordinal));

        // The providers the config names stay listed, each said to be possible rather than shown.
        foreach (var id in new[] { "provider:openai", "provider:anthropic" })
        {
            Assert.Contains(result.Model.Find(id)!.Notes, n => n.Contains("a possible party of the application's in-process LiteLLM", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_compose_service_that_runs_the_config_keeps_it_a_proxy()
    {
        var result = AuditFiles(("config/config.yaml", Config), ("docker-compose.yml", ProxyCompose), ("src/proxy/routes.py", InProcessRoute));

        Assert.Null(result.Model.Find(LiteLlmConfigReader.GatewayId)!.Attributes["runsAsProxy"]);
        Assert.Contains(result.Findings, f => f.RuleId == "master-key-not-in-config");
    }

    [Fact]
    public void Code_that_calls_a_proxy_address_keeps_the_config_a_proxy()
    {
        var result = AuditFiles(("config/config.yaml", Config), ("src/proxy/routes.py", InProcessRoute), ("src/worker/client.py", ProxyClient));

        Assert.Null(result.Model.Find(LiteLlmConfigReader.GatewayId)!.Attributes["runsAsProxy"]);
        Assert.Contains(result.Findings, f => f.RuleId == "master-key-not-in-config");
    }

    [Fact]
    public void A_config_with_no_code_at_all_is_read_as_the_proxy_it_configures()
    {
        var result = AuditFiles(("config.yaml", Config));

        Assert.Null(result.Model.Find(LiteLlmConfigReader.GatewayId)!.Attributes["runsAsProxy"]);
        Assert.Contains(result.Findings, f => f.RuleId == "master-key-not-in-config");
    }

    [Fact]
    public void A_direct_provider_call_is_not_said_to_go_around_a_proxy_nothing_runs()
    {
        const string direct = """
            import anthropic

            client = anthropic.Anthropic()
            reply = client.messages.create(model="claude-sonnet-4-5", max_tokens=64, messages=[{"role": "user", "content": "hi"}])

            """;
        var withoutProxy = AuditFiles(("config/config.yaml", Config), ("src/proxy/routes.py", InProcessRoute), ("src/jobs/summary.py", direct));
        Assert.DoesNotContain(withoutProxy.Findings, f => f.RuleId == "shadow-sub-processor");

        var withProxy = AuditFiles(("config/config.yaml", Config), ("docker-compose.yml", ProxyCompose), ("src/proxy/routes.py", InProcessRoute), ("src/jobs/summary.py", direct));
        Assert.Contains(withProxy.Findings, f => f.RuleId == "shadow-sub-processor");
    }
}
