using GatewayAudit.Core.Readers;
using GatewayAudit.Core.Readers.Deployment;
using static GatewayAudit.Core.Tests.Readers.DeploymentFixtures;

namespace GatewayAudit.Core.Tests.Readers;

/// <summary>
/// Literal credentials anywhere in a deployment file, not only in the proxy's environment: the database and
/// Langfuse services of a compose file, a Kubernetes Secret, a Dockerfile's ENV / ARG, a Helm umbrella's sub-chart
/// passwords. The precision rules are the config's: a reference or a placeholder is none, a weak password the stack
/// checks is one, LiteLLM's documented example key is well known.
/// </summary>
public sealed class DeploymentSecretTests
{
    // Secrets below are fake and exist to be found.
    private const string SelfHostedCompose = """
        services:
          litellm:
            image: ghcr.io/berriai/litellm:v1.84.0
            environment:
              DATABASE_URL: postgresql://llmproxy:${POSTGRES_PASSWORD}@db:5432/litellm
          db:
            image: postgres:16
            environment:
              POSTGRES_USER: llmproxy
              POSTGRES_PASSWORD: postgres
          langfuse-web:
            image: langfuse/langfuse:3
            environment:
              - DATABASE_URL=postgresql://langfuse:lf-db-pass-8d2e@langfuse-db:5432/langfuse
              - NEXTAUTH_SECRET=mysecret-nextauth-77
              - SALT=not-a-credential-name
              - LANGFUSE_INIT_PROJECT_PUBLIC_KEY=pk-lf-1234567890
              - LANGFUSE_INIT_PROJECT_SECRET_KEY=sk-lf-0a1b2c3d4e5f60718293a4b5
              - LANGFUSE_INIT_USER_PASSWORD=${LANGFUSE_INIT_USER_PASSWORD:?set it}
              - LANGFUSE_S3_EVENT_UPLOAD_ACCESS_KEY_ID=minio
              - LANGFUSE_S3_EVENT_UPLOAD_SECRET_ACCESS_KEY=miniosecret-4f2a9c
          clickhouse:
            image: clickhouse/clickhouse-server:24.8
            environment:
              CLICKHOUSE_PASSWORD: your_clickhouse_password
          neo4j:
            image: neo4j:5
            environment:
              NEO4J_PASSWORD: "!"

        """;

    [Fact]
    public void Literals_in_the_environment_of_services_beside_the_proxy_are_secrets_and_references_are_not()
    {
        var result = new ComposeReader().Read(File("docker-compose.yaml", SelfHostedCompose));

        Assert.Equal(
            ["10 services.db.environment.POSTGRES_PASSWORD", "14 services.langfuse-web.environment.DATABASE_URL",
             "15 services.langfuse-web.environment.NEXTAUTH_SECRET", "18 services.langfuse-web.environment.LANGFUSE_INIT_PROJECT_SECRET_KEY",
             "21 services.langfuse-web.environment.LANGFUSE_S3_EVENT_UPLOAD_SECRET_ACCESS_KEY"],
            result.Fragment.Secrets.Select(s => $"{s.Location.Line} {s.Key}").Order(StringComparer.Ordinal));
        Assert.Equal("****", result.Fragment.Secrets.Single(s => s.Location.Line == 10).Redacted);
        Assert.Equal("postgresql://langfuse:****@langfuse-db:5432/langfuse", result.Fragment.Secrets.Single(s => s.Location.Line == 14).Redacted);
    }

    [Fact]
    public void A_kubernetes_secret_with_string_data_or_base64_data_holds_literal_secrets()
    {
        var result = new KubernetesReader().Read(File("k8s/secret.yaml", """
            apiVersion: v1
            kind: Secret
            metadata:
              name: litellm-secrets
            stringData:
              LITELLM_MASTER_KEY: sk-1234
              master-key-ref: ${MASTER_KEY}
              DATABASE_URL: postgresql://litellm:k8s-db-pass-5a1f@postgres:5432/litellm
              username: litellm
            data:
              postgres-password: cG9zdGdyZXMtcHctOTk=
              api-key: RU1QVFk=

            """));

        Assert.Equal(["11 Secret/litellm-secrets.data.postgres-password", "6 Secret/litellm-secrets.stringData.LITELLM_MASTER_KEY well-known",
                "8 Secret/litellm-secrets.stringData.DATABASE_URL"],
            result.Fragment.Secrets.Select(s => $"{s.Location.Line} {s.Key}{(s.WellKnown is null ? "" : " well-known")}").Order(StringComparer.Ordinal));
        Assert.True(new KubernetesReader().Recognizes(File("k8s/secret.yaml", "kind: Secret\nmetadata:\n  name: litellm\nstringData: {}\n")));
        Assert.False(new KubernetesReader().Recognizes(File("k8s/secret.yaml", "kind: Secret\nmetadata:\n  name: grafana\nstringData: {}\n")));
    }

    private const string ExampleSecret = """
        apiVersion: v1
        kind: Secret
        metadata:
          name: litellm-secrets
        stringData:
          POSTGRES_PASSWORD: CHANGE-ME
          LITELLM_MASTER_KEY: sk-CHANGE-ME
          REDIS_PASSWORD: r3dis-9f1c-live-7d2e
          DATABASE_URL: postgresql://litellm:CHANGE-ME@postgres:5432/litellm

        """;

    [Fact]
    public void In_an_example_named_secret_manifest_a_stand_in_is_no_secret_but_a_real_looking_value_still_is()
    {
        var example = new KubernetesReader().Read(File("k8s/secrets/example-secrets.yaml", ExampleSecret));
        Assert.Equal(["8 Secret/litellm-secrets.stringData.REDIS_PASSWORD"], example.Fragment.Secrets.Select(s => $"{s.Location.Line} {s.Key}"));

        // The same stand-ins in a manifest that is applied as it is are weak live credentials.
        var applied = new KubernetesReader().Read(File("k8s/secrets/secrets.yaml", ExampleSecret));
        Assert.Equal(4, applied.Fragment.Secrets.Count);
    }

    [Fact]
    public void Dockerfile_env_and_arg_literals_are_secrets_and_build_arguments_without_value_are_not()
    {
        var result = new DockerfileReader().Read(File("Dockerfile", """
            FROM ghcr.io/berriai/litellm:v1.84.0
            ARG LITELLM_MASTER_KEY=sk-1234
            ARG OPENAI_API_KEY
            ENV LITELLM_LOG=INFO \
                ANTHROPIC_API_KEY=sk-ant-api03-dockerfile-literal-0c4e
            ENV LANGFUSE_SECRET_KEY sk-lf-legacy-form-secret-91aa
            CMD ["--config", "/app/config.yaml"]

            """));

        Assert.Equal(["2 ARG LITELLM_MASTER_KEY well-known", "5 ENV ANTHROPIC_API_KEY", "6 ENV LANGFUSE_SECRET_KEY"],
            result.Fragment.Secrets.Select(s => $"{s.Location.Line} {s.Key}{(s.WellKnown is null ? "" : " well-known")}").Order(StringComparer.Ordinal));
        Assert.Equal(23, result.Fragment.Secrets.Single(s => s.Key == "ENV ANTHROPIC_API_KEY").Location.Column);
        var process = Assert.Single(result.Deployment!.Services);
        Assert.Equal(["--config", "/app/config.yaml"], process.Command.Select(c => c.Word));
        Assert.Equal(["LITELLM_LOG", "ANTHROPIC_API_KEY", "LANGFUSE_SECRET_KEY"], process.Environment.Select(e => e.Name));
    }

    [Fact]
    public void Helm_sub_chart_passwords_are_secrets_and_secret_names_are_not()
    {
        var result = new HelmValuesReader().Read(File("values.yaml", """
            litellm-helm:
              image:
                repository: ghcr.io/berriai/litellm
                tag: v1.84.0
              masterkey: sk-1234
            postgresql:
              auth:
                postgresPassword: pg-admin-pass-42
                password: changeme
                replicationPassword: ""
                existingSecret: litellm-pg
            redis:
              auth:
                password: "{{ .Values.global.redisPassword }}"
            langfuse:
              ingress:
                annotations:
                  nginx.ingress.kubernetes.io/auth-secret: basic-auth
              extraEnv:
                - name: NEXTAUTH_SECRET
                  value: helm-nextauth-secret-4b7c

            """));

        Assert.Equal(["21 langfuse.extraEnv.NEXTAUTH_SECRET", "5 litellm-helm.masterkey well-known", "8 postgresql.auth.postgresPassword", "9 postgresql.auth.password"],
            result.Fragment.Secrets.Select(s => $"{s.Location.Line} {s.Key}{(s.WellKnown is null ? "" : " well-known")}").Order(StringComparer.Ordinal));
    }
}
