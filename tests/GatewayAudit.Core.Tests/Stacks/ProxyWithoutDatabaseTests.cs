using GatewayAudit.Core.Readers.LiteLlm;
using static GatewayAudit.Core.Tests.Readers.DeploymentFixtures;

namespace GatewayAudit.Core.Tests.Stacks;

/// <summary>
/// A LiteLLM proxy run by a compose service that gives it no DATABASE_URL, with a config that asks for prompts in the
/// spend logs: the shape of a home-lab stack (Ollama + LiteLLM + an unused Postgres service) whose compose comments
/// say the variable was removed on purpose. Where the files show the proxy's whole environment, there is no spend-log
/// database; where they do not (a Dockerfile only, an env_file not in the checkout, Kubernetes envFrom), the
/// database stays implied as before.
/// </summary>
public sealed class ProxyWithoutDatabaseTests
{
    private const string Config = """
        model_list:
          - model_name: tinyllama
            litellm_params:
              model: ollama/tinyllama
              api_base: http://ollama:11434

        general_settings:
          store_model_in_db: true
          store_prompts_in_spend_logs: true

        """;

    private static string Compose(string litellmEnvironment = "", string extra = "") => $$"""
        services:
          db:
            image: postgres:16
            environment:
              POSTGRES_DB: litellm
              POSTGRES_USER: llmproxy
          ollama:
            image: ollama/ollama:0.5.7
          litellm:
            image: ghcr.io/berriai/litellm:main-v1.73.0-stable
            volumes:
              - ./litellm_settings.yml:/app/config.yml
            command: ["--config=config.yml"]
        {{extra}}    environment:
              HOME: "/app"
              # DATABASE_URL removed: Prisma stays off without it
              STORE_MODEL_IN_DB: "False"
        {{litellmEnvironment}}    depends_on:
              - db

        """;

    [Fact]
    public void A_compose_service_that_gives_the_proxy_no_DATABASE_URL_means_no_spend_log_database()
    {
        var result = AuditFiles(("docker-compose.yml", Compose()), ("litellm_settings.yml", Config));

        Assert.Null(result.Model.Find(LiteLlmConfigReader.PostgresId));
        Assert.DoesNotContain(result.Findings, f => f.RuleId is "prompts-in-spend-logs" or "prompts-reach-unidentified-party");
        var gateway = result.Model.Find(LiteLlmConfigReader.GatewayId)!;
        var note = Assert.Single(gateway.Notes, n => n.StartsWith("No spend-log database", StringComparison.Ordinal));
        Assert.Contains("compose service 'litellm' that runs it (docker-compose.yml:9", note, StringComparison.Ordinal);
        Assert.Contains("store_prompts_in_spend_logs (litellm_settings.yml:9", note, StringComparison.Ordinal);
        Assert.Equal(false, gateway.Attributes["spendLogDatabase"]);
        Assert.DoesNotContain(result.Model.OpenQuestions, q => q.Subject == "Postgres");
    }

    [Fact]
    public void A_DATABASE_URL_in_a_dotenv_file_compose_does_not_pass_to_the_proxy_connects_nothing()
    {
        var result = AuditFiles(("docker-compose.yml", Compose()), ("litellm_settings.yml", Config),
            (".env", "DATABASE_URL=postgresql://app:pw@localhost:5432/app\n"));

        Assert.Null(result.Model.Find(LiteLlmConfigReader.PostgresId));
    }

    public static TheoryData<string, string, string> Unknown => new()
    {
        // The variable is given, literally or at deploy time: the database is there.
        { "DATABASE_URL given", "      DATABASE_URL: postgresql://llmproxy:dbpassword9090@db:5432/litellm\n", "" },
        { "DATABASE_URL at deploy", "      DATABASE_URL: ${DATABASE_URL}\n", "" },
        { "DATABASE_HOST given", "      DATABASE_HOST: db\n", "" },

        // An env_file the checkout does not hold may set it.
        { "env_file missing", "", "    env_file: [./secrets.env]\n" },
    };

    [Theory]
    [MemberData(nameof(Unknown))]
    public void Where_the_proxy_may_be_given_a_database_it_is_kept(string why, string environment, string extra)
    {
        var result = AuditFiles(("docker-compose.yml", Compose(environment, extra)), ("litellm_settings.yml", Config));

        Assert.True(result.Model.Find(LiteLlmConfigReader.PostgresId) is not null, why);
        Assert.DoesNotContain(result.Model.Find(LiteLlmConfigReader.GatewayId)!.Notes, n => n.StartsWith("No spend-log database", StringComparison.Ordinal));
    }

    [Fact]
    public void An_env_file_the_scan_read_counts_as_shown()
    {
        var without = AuditFiles(("docker-compose.yml", Compose(extra: "    env_file: [./proxy.env]\n")), ("litellm_settings.yml", Config), ("proxy.env", "LITELLM_LOG=INFO\n"));
        var with = AuditFiles(("docker-compose.yml", Compose(extra: "    env_file: [./proxy.env]\n")), ("litellm_settings.yml", Config),
            ("proxy.env", "DATABASE_URL=postgresql://llmproxy@db:5432/litellm\n"));

        Assert.Null(without.Model.Find(LiteLlmConfigReader.PostgresId));
        Assert.NotNull(with.Model.Find(LiteLlmConfigReader.PostgresId));
    }

    [Fact]
    public void A_compose_override_beside_the_file_or_no_deployment_keeps_the_database_implied()
    {
        var overridden = AuditFiles(("docker-compose.yml", Compose()), ("litellm_settings.yml", Config),
            ("docker-compose.override.yml", "services:\n  litellm:\n    environment:\n      LITELLM_LOG: INFO\n"));
        var configOnly = AuditFiles(("litellm_settings.yml", Config));

        foreach (var result in new[] { overridden, configOnly })
        {
            var db = result.Model.Find(LiteLlmConfigReader.PostgresId)!;
            Assert.Contains(db.Notes, n => n.Contains("database_url is not in the config, but spend-log settings are", StringComparison.Ordinal));
            Assert.Contains(result.Findings, f => f.RuleId == "prompts-in-spend-logs");
        }
    }

    [Fact]
    public void A_compose_override_the_scan_does_not_read_still_keeps_the_database_implied()
    {
        // Compose merges docker-compose.override.yml whether or not a .gitignore keeps it out of the scan: the walk's
        // listing of the folder, not the files read, tells that it is there.
        var result = AuditFiles(("docker-compose.yml", Compose()), ("litellm_settings.yml", Config),
            ("docker-compose.override.yml", "services:\n  litellm:\n    environment:\n      LITELLM_LOG: INFO\n"), (".gitignore", "docker-compose.override.yml\n"));

        Assert.Contains(result.Inputs, i => i.File == "docker-compose.override.yml" && i.SkippedReason == "ignored by .gitignore");
        var db = result.Model.Find(LiteLlmConfigReader.PostgresId)!;
        Assert.Contains(db.Notes, n => n.Contains("database_url is not in the config, but spend-log settings are", StringComparison.Ordinal));
    }

    [Fact]
    public void A_folder_named_like_a_compose_override_overrides_nothing()
    {
        // What compose would merge is a file: a folder of that name (as File.Exists says) leaves the environment shown.
        var result = AuditFiles(("docker-compose.yml", Compose()), ("litellm_settings.yml", Config), ("compose.override.yaml/notes.md", "not a compose file\n"));

        Assert.Null(result.Model.Find(LiteLlmConfigReader.PostgresId));
    }

    [Fact]
    public void A_Kubernetes_container_with_envFrom_may_hold_DATABASE_URL()
    {
        static string Manifest(string envFrom) => $$"""
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: litellm-config, namespace: llm}
            data:
              config.yaml: |
                model_list:
                  - model_name: tinyllama
                    litellm_params: {model: ollama/tinyllama, api_base: http://ollama:11434}
                general_settings:
                  store_prompts_in_spend_logs: true
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: litellm, namespace: llm}
            spec:
              template:
                spec:
                  containers:
                    - name: litellm
                      image: ghcr.io/berriai/litellm:main-v1.73.0-stable
                      args: ["--config", "/app/config.yaml"]
            {{envFrom}}          env:
                        - {name: LITELLM_LOG, value: INFO}
                  volumes:
                    - name: config
                      configMap: {name: litellm-config}

            """;

        var shown = AuditFiles(("k8s/litellm.yaml", Manifest("")));
        var secret = AuditFiles(("k8s/litellm.yaml", Manifest("          envFrom:\n            - secretRef: {name: litellm-secrets}\n")));

        Assert.Null(shown.Model.Find(LiteLlmConfigReader.PostgresId));
        Assert.NotNull(secret.Model.Find(LiteLlmConfigReader.PostgresId));
    }
}
