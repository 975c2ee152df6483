using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers.LiteLlm;
using static GatewayAudit.Core.Tests.Readers.DeploymentFixtures;

namespace GatewayAudit.Core.Tests.Stacks;

/// <summary>
/// An agent repository whose compose file builds the LiteLLM proxy from its own folder (<c>build: ./litellm</c>; the
/// folder's Dockerfile is <c>FROM ghcr.io/berriai/litellm</c> and copies the config in) and builds the backend, whose
/// settings class defaults the Langfuse host and is instantiated locally (<c>settings = Settings()</c>). The built
/// service is the proxy, as an <c>image:</c> service is; the backend's compose environment sets the Langfuse host.
/// </summary>
public sealed class ComposeBuiltProxyTests
{
    private const string Config = """
        model_list:
          - model_name: claude
            litellm_params: {model: anthropic/claude-sonnet-4-20250514, api_key: os.environ/ANTHROPIC_API_KEY}
        general_settings:
          master_key: os.environ/LITELLM_MASTER_KEY
        """;

    private const string Dockerfile = """
        FROM ghcr.io/berriai/litellm:main-v1.74.3-stable

        COPY config.yaml /app/config.yaml

        EXPOSE 4000

        CMD ["--config", "/app/config.yaml", "--port", "4000"]
        """;

    private const string Compose = """
        services:
          backend:
            build: ./backend
            environment:
              LANGFUSE_HOST: http://langfuse:3000
          litellm:
            build: ./litellm
            environment:
              ANTHROPIC_API_KEY: ${ANTHROPIC_API_KEY}
          langfuse:
            image: langfuse/langfuse:2
        """;

    private const string Settings = """
        from pydantic_settings import BaseSettings


        class Settings(BaseSettings):
            langfuse_host: str = "http://localhost:3030"
            langfuse_public_key: str = ""
        """;

    private const string Main = """
        from langfuse import Langfuse

        from src.config import Settings


        def create_app():
            settings = Settings()
            langfuse = Langfuse(host=settings.langfuse_host, public_key=settings.langfuse_public_key)
            return langfuse
        """;

    [Fact]
    public void A_service_built_from_a_LiteLLM_Dockerfile_runs_the_proxy_with_the_config_it_copies()
    {
        var result = AuditFiles(("docker-compose.yml", Compose), ("litellm/Dockerfile", Dockerfile), ("litellm/config.yaml", Config),
            ("backend/src/config.py", Settings), ("backend/src/main.py", Main));

        var gateway = result.Model.Find(LiteLlmConfigReader.GatewayId)!;
        Assert.Contains(gateway.Evidence, e => e.File == "docker-compose.yml" && e.Line == 6);
        Assert.Contains(gateway.Notes, n => n.Contains("builds the proxy from ./litellm", StringComparison.Ordinal));

        // The backend's compose environment sets the host its local Settings() instance passes to Langfuse.
        var langfuse = result.Model.Find("exporter:langfuse")!;
        Assert.Equal(Hosting.OperatorHosted, langfuse.Hosting);
        Assert.Contains(langfuse.Evidence, e => e.File == "docker-compose.yml" && e.Line == 5);
        Assert.Contains(langfuse.Evidence, e => e.File == "backend/src/main.py");
        Assert.DoesNotContain(result.Model.Components, c => c.Hosting == Hosting.ThirdParty && c.Vendor == "langfuse");
    }

    [Fact]
    public void A_build_folder_whose_Dockerfile_is_not_LiteLLM_runs_no_proxy()
    {
        var app = Dockerfile.Replace("ghcr.io/berriai/litellm:main-v1.74.3-stable", "python:3.12-slim", StringComparison.Ordinal)
            + "\nRUN pip install litellm==1.74.3\n";

        var result = AuditFiles(("docker-compose.yml", Compose), ("litellm/Dockerfile", app), ("litellm/config.yaml", Config));

        Assert.DoesNotContain(result.Model.Find(LiteLlmConfigReader.GatewayId)?.Evidence ?? [], e => e.File == "docker-compose.yml");
    }

    [Fact]
    public void A_local_instance_of_an_imported_settings_class_reads_the_class_field()
    {
        var result = AuditFiles(("backend/src/config.py", Settings), ("backend/src/main.py", Main));

        var langfuse = result.Model.Find("exporter:langfuse")!;
        Assert.Contains(langfuse.Evidence, e => e.File == "backend/src/config.py" && e.Line == 5);
    }
}
