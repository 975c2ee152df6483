using GatewayAudit.Core.Model;
using static GatewayAudit.Core.Tests.Readers.DeploymentFixtures;

namespace GatewayAudit.Core.Tests.Stacks;

/// <summary>
/// shadow-sub-processor needs the direct call and the gateway in one module or deployment, not merely one repository:
/// a Spring AI tutorial repository with one Maven module per provider and one profile file per alternative endpoint
/// (OpenRouter among them) has no bypass; two npm packages of a monorepo, one on OpenRouter and one on OpenAI, are two
/// applications. A worker with its own pyproject.toml that the proxy's compose file builds, and a package whose two
/// files call OpenRouter and OpenAI side by side, still go around their gateway.
/// </summary>
public sealed class ShadowSubProcessorScopeTests
{
    private const string Pom = """
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <artifactId>chat-with-llms</artifactId>
          <dependencies>
            <dependency>
              <groupId>org.springframework.ai</groupId>
              <artifactId>spring-ai-starter-model-openai</artifactId>
            </dependency>
          </dependencies>
        </project>

        """;

    private const string OpenAiDefault = """
        spring:
          application:
            name: chat-with-llms
          ai:
            openai:
              api-key: ${OPENAI_API_KEY}
              chat:
                options:
                  model: gpt-4o

        """;

    private const string OpenRouterProfile = """
        spring:
          ai:
            openai:
              base-url: https://openrouter.ai/api
              api-key: ${OPENROUTER_API_KEY}
              chat:
                options:
                  model: anthropic/claude-3.5-sonnet

        """;

    private const string GeminiProfile = """
        spring:
          ai:
            openai:
              base-url: https://generativelanguage.googleapis.com/v1beta/openai
              api-key: ${GEMINI_API_KEY}
              chat:
                completions-path: /chat/completions
                options:
                  model: gemini-2.0-flash

        """;

    private const string ClaudeModule = """
        spring:
          ai:
            anthropic:
              api-key: ${ANTHROPIC_API_KEY}
              chat:
                options:
                  model: claude-3-5-sonnet-latest

        """;

    private const string RouterTs = """
        import OpenAI from "openai";

        const router = new OpenAI({ baseURL: "https://openrouter.ai/api/v1", apiKey: process.env.OPENROUTER_API_KEY });

        export const ask = (q: string) =>
          router.chat.completions.create({ model: "anthropic/claude-sonnet-4.5", messages: [{ role: "user", content: q }] });

        """;

    private const string DirectTs = """
        import OpenAI from "openai";

        const openai = new OpenAI();

        export const draft = (q: string) => openai.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: q }] });

        """;

    private static string PackageJson(string name) => $$"""
        { "name": "{{name}}", "version": "1.0.0", "dependencies": { "openai": "^4.77.0" } }

        """;

    [Fact]
    public void Spring_profiles_and_modules_that_are_alternatives_to_OpenRouter_are_no_bypass()
    {
        var result = AuditFiles(
            ("spring-ai-02-chat-with-llms/pom.xml", Pom),
            ("spring-ai-02-chat-with-llms/src/main/resources/application.yaml", OpenAiDefault),
            ("spring-ai-02-chat-with-llms/src/main/resources/application-openrouter.yml", OpenRouterProfile),
            ("spring-ai-02-chat-with-llms/src/main/resources/application-gemini.yml", GeminiProfile),
            ("spring-ai-03-chat-with-claude/pom.xml", Pom.Replace("chat-with-llms", "chat-with-claude", StringComparison.Ordinal)),
            ("spring-ai-03-chat-with-claude/src/main/resources/application.yaml", ClaudeModule));

        // The parties are all listed: the scope decides only whether one call goes around another's gateway.
        foreach (var id in new[] { "provider:openrouter", "provider:openai", "provider:google-gemini-api", "provider:anthropic" })
        {
            Assert.NotNull(result.Model.Find(id));
        }

        Assert.DoesNotContain(result.Findings, f => f.RuleId == "shadow-sub-processor");
    }

    [Fact]
    public void Two_packages_of_a_monorepo_one_on_OpenRouter_one_on_OpenAI_are_two_applications()
    {
        var result = AuditFiles(
            ("packages/assistant/package.json", PackageJson("assistant")),
            ("packages/assistant/src/router.ts", RouterTs),
            ("packages/drafts/package.json", PackageJson("drafts")),
            ("packages/drafts/src/direct.ts", DirectTs));

        Assert.NotNull(result.Model.Find("provider:openai"));
        Assert.DoesNotContain(result.Findings, f => f.RuleId == "shadow-sub-processor");
    }

    [Fact]
    public void One_package_calling_OpenRouter_and_OpenAI_in_two_files_is_a_low_note_not_a_shadow_sub_processor()
    {
        var result = AuditFiles(
            ("web/package.json", PackageJson("web")),
            ("web/src/router.ts", RouterTs),
            ("web/src/direct.ts", DirectTs));

        Assert.DoesNotContain(result.Findings, f => f.RuleId == "shadow-sub-processor");
        var finding = Assert.Single(result.Findings, f => f.RuleId == "direct-call-beside-hosted-gateway");
        Assert.Equal(Severity.Low, finding.Severity);
        Assert.Equal("web/src/direct.ts", finding.Location!.File);
        Assert.Contains("OpenRouter at web/src/router.ts:", finding.Message, StringComparison.Ordinal);
        Assert.NotNull(result.Model.Find("provider:openai")); // the direct party stays in the inventory
    }

    [Fact]
    public void One_file_offering_OpenRouter_OpenAI_and_Groq_as_choices_is_no_finding_but_three_parties()
    {
        const string Choices = """
            const post = (url: string, key: string, body: unknown) =>
              fetch(url, { method: "POST", headers: { Authorization: `Bearer ${key}` }, body: JSON.stringify(body) });

            export async function ask(provider: string, key: string, messages: unknown[]) {
              switch (provider) {
                case "openai":
                  return post("https://api.openai.com/v1/chat/completions", key, { model: "gpt-4o", messages });
                case "groq":
                  return post("https://api.groq.com/openai/v1/chat/completions", key, { model: "llama-3.3-70b-versatile", messages });
                default:
                  return post("https://openrouter.ai/api/v1/chat/completions", key, { model: "anthropic/claude-sonnet-4.5", messages });
              }
            }

            """;
        var result = AuditFiles(("web/package.json", PackageJson("web")), ("web/src/llm.ts", Choices));

        Assert.DoesNotContain(result.Findings, f => f.RuleId is "shadow-sub-processor" or "direct-call-beside-hosted-gateway");
        Assert.NotNull(result.Model.Find("provider:openai"));
        Assert.NotNull(result.Model.Find("provider:groq"));
    }

    // A compose file that runs the LiteLLM proxy and builds a worker from FOLDER, the proxy's config, and a direct
    // Anthropic call in the worker: the worker's code is in the deployment that runs the gateway.
    private static string ProxyComposeBuilding(string folder) => $"""
        services:
          litellm:
            image: ghcr.io/berriai/litellm:v1.84.0
            command: ["--config", "/app/config.yaml"]
            volumes:
              - ./proxy/config.yaml:/app/config.yaml:ro
          worker:
            build: ./{folder}
            environment:
              LLM_BASE_URL: http://litellm:4000

        """;

    private const string ProxyConfig = "model_list:\n  - model_name: claude\n    litellm_params: {model: anthropic/claude-sonnet-4-5, api_key: os.environ/ANTHROPIC_API_KEY}\n";

    private const string DirectAnthropicCall = """
        import anthropic

        client = anthropic.Anthropic()
        reply = client.messages.create(model="claude-sonnet-4-5", max_tokens=256, messages=[{"role": "user", "content": "hi"}])

        """;

    [Fact]
    public void A_worker_with_its_own_manifest_that_the_proxy_compose_file_builds_goes_around_the_proxy()
    {
        var result = AuditFiles(
            ("docker-compose.yaml", ProxyComposeBuilding("worker")),
            ("proxy/config.yaml", ProxyConfig),
            ("worker/pyproject.toml", "[project]\nname = \"worker\"\nversion = \"0.1.0\"\ndependencies = [\"anthropic>=0.40\"]\n"),
            ("worker/summarize.py", DirectAnthropicCall));

        var finding = Assert.Single(result.Findings, f => f.RuleId == "shadow-sub-processor");
        Assert.Equal("worker/summarize.py", finding.Location!.File);
        Assert.Contains("LiteLLM proxy at docker-compose.yaml:", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("worker", "docker-compose.yaml:3")] // the deployment's line comes first in path order
    [InlineData("app", "app/ask.py:3")] // the same project's call to the proxy comes first
    public void The_gateway_site_named_is_the_first_in_path_order_of_those_in_the_calls_project_or_deployment(string folder, string named)
    {
        const string ViaProxy = """
            from openai import OpenAI

            client = OpenAI(base_url="http://litellm:4000", api_key="sk-fake")
            reply = client.chat.completions.create(model="claude", messages=[{"role": "user", "content": "hi"}])

            """;
        var result = AuditFiles(
            ("docker-compose.yaml", ProxyComposeBuilding(folder)),
            ("proxy/config.yaml", ProxyConfig),
            ($"{folder}/pyproject.toml", "[project]\nname = \"worker\"\nversion = \"0.1.0\"\ndependencies = [\"anthropic>=0.40\", \"openai>=1.0\"]\n"),
            ($"{folder}/ask.py", ViaProxy),
            ($"{folder}/summarize.py", DirectAnthropicCall));

        var finding = Assert.Single(result.Findings, f => f.RuleId == "shadow-sub-processor");
        Assert.Equal($"{folder}/summarize.py", finding.Location!.File);
        Assert.Contains($"(LiteLLM proxy at {named})", finding.Message, StringComparison.Ordinal);
    }
}
