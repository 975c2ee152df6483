using GatewayAudit.Core.Model;
using static GatewayAudit.Core.Tests.Readers.DeploymentFixtures;

namespace GatewayAudit.Core.Tests.Stacks;

/// <summary>
/// A FastAPI backend keeps its Langfuse host in a pydantic-settings field whose default is for local development
/// (<c>langfuse_host: str = "http://localhost:3030"</c>), and the compose service that builds the backend sets
/// <c>LANGFUSE_HOST: http://langfuse:3000</c>, the Langfuse service beside it: the running code sends its traces to
/// that service, an operator-hosted Langfuse, not to the field's default or to Langfuse Cloud.
/// </summary>
public sealed class DeployedSettingsTests
{
    private const string Settings = """
        from pydantic_settings import BaseSettings, SettingsConfigDict


        class Settings(BaseSettings):
            model_config = SettingsConfigDict(env_file=".env", extra="ignore")

            langfuse_host: str = "http://localhost:3030"
            langfuse_public_key: str = ""


        settings = Settings()
        """;

    private const string Main = """
        from langfuse import Langfuse

        from app.config import settings

        langfuse = Langfuse(public_key=settings.langfuse_public_key, host=settings.langfuse_host)


        def trace(question: str) -> None:
            langfuse.trace(name="ask", input=question)
        """;

    private static string Compose(string host = "http://langfuse:3000") => $$"""
        services:
          backend:
            build: ./backend
            environment:
              LANGFUSE_HOST: {{host}}
          litellm:
            image: ghcr.io/berriai/litellm:main-v1.74.3-stable
            volumes:
              - ./litellm/config.yaml:/app/config.yaml
          langfuse:
            image: langfuse/langfuse:2

        """;

    private const string Config = """
        model_list:
          - model_name: claude
            litellm_params: {model: anthropic/claude-sonnet-4-20250514, api_key: os.environ/ANTHROPIC_API_KEY}
        """;

    [Fact]
    public void A_settings_field_takes_the_value_the_compose_service_building_the_code_sets()
    {
        var result = AuditFiles(("docker-compose.yml", Compose()), ("litellm/config.yaml", Config),
            ("backend/app/config.py", Settings), ("backend/app/main.py", Main));

        var langfuse = result.Model.Components.Single(c => c.Vendor == "langfuse");
        Assert.Equal(Hosting.OperatorHosted, langfuse.Hosting);
        Assert.Contains(langfuse.Evidence, e => e.File == "docker-compose.yml" && e.Line == 5);
        Assert.Contains(langfuse.Notes, n => n.Contains("is langfuse_host, whose default http://localhost:3030 (backend/app/config.py:7) LANGFUSE_HOST replaces: the compose service 'backend' that builds this code", StringComparison.Ordinal)
            && n.Contains("LANGFUSE_HOST=http://langfuse:3000 (docker-compose.yml:5)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_value_left_to_the_deploy_shell_or_code_outside_the_build_folder_keeps_the_default()
    {
        var shell = AuditFiles(("docker-compose.yml", Compose("${LANGFUSE_HOST}")), ("litellm/config.yaml", Config),
            ("backend/app/config.py", Settings), ("backend/app/main.py", Main));
        var outside = AuditFiles(("docker-compose.yml", Compose()), ("litellm/config.yaml", Config),
            ("worker/app/config.py", Settings), ("worker/app/main.py", Main));

        foreach (var result in new[] { shell, outside })
        {
            var langfuse = result.Model.Components.Single(c => c.Vendor == "langfuse");
            Assert.DoesNotContain(langfuse.Evidence, e => e.File == "docker-compose.yml");
            Assert.DoesNotContain(langfuse.Notes, n => n.Contains("that builds this code", StringComparison.Ordinal));
        }
    }
}
