using GatewayAudit.Core.Readers;
using GatewayAudit.Core.Scanning;

namespace GatewayAudit.Core.Tests.Readers;

/// <summary>Deployment files as they appear in real stacks, with line numbers the tests point at.</summary>
internal static class DeploymentFixtures
{
    public const string DigestPin = "sha256:0c3f4b5e8a9d1e2f3a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9012";

    // Secrets below are fake and exist to prove they never reach any output.
    public const string ComposeDbPassword = "compose-db-pass-7f3a";
    public const string ComposeMasterKey = "sk-compose-master-9e1d";
    public const string ComposeListKey = "sk-proj-listform-secret-5c2b";
    public const string KubernetesKey = "sk-ant-k8s-literal-41d0";
    public const string HelmMasterKey = "sk-helm-master-88aa";

    public const string Compose = """
        services:
          litellm:
            image: ghcr.io/berriai/litellm:main-v1.74.3-stable
            deploy:
              replicas: 2
            environment:
              DATABASE_URL: postgresql://llmproxy:compose-db-pass-7f3a@db:5432/litellm
              LITELLM_MASTER_KEY: sk-compose-master-9e1d
              STORE_MODEL_IN_DB: "True"
              ANTHROPIC_API_KEY: ${ANTHROPIC_API_KEY:?set it in .env}
          db:
            image: postgres:16
          redis:
            image: redis:7-alpine

        """;

    public const string ComposeScaleListEnv = """
        services:
          proxy:
            image: "litellm/litellm:latest"
            scale: 4
            environment:
              - OPENAI_API_KEY=sk-proj-listform-secret-5c2b
              - REDIS_HOST=cache
              - LITELLM_MASTER_KEY
              - LANGFUSE_PUBLIC_KEY=pk-lf-0d2c9b8a-public
          cache:
            image: valkey/valkey:8

        """;

    public const string DockerfileFrom = """
        ARG LITELLM_TAG=main-v1.74.3-nightly
        FROM ghcr.io/berriai/litellm:${LITELLM_TAG}
        COPY config.yaml /app/config.yaml
        CMD ["--config", "/app/config.yaml"]

        """;

    public const string DockerfilePip = """
        FROM python:3.12-slim
        # the proxy and the prisma client
        RUN pip install --no-cache-dir \
            "litellm[proxy]==1.74.3.dev1" \
            prisma
        CMD ["litellm", "--config", "/app/config.yaml"]

        """;

    public const string Requirements = """
        # proxy dependencies
        fastapi==0.115.0
        litellm[proxy]>=1.70,<2  # floats on purpose
        prisma==0.15.0

        """;

    public const string Pyproject = """
        [project]
        name = "support-agent"
        dependencies = [
          "httpx>=0.27",
          "litellm[proxy]==1.74.3",
        ]

        """;

    public const string PyprojectPoetry = """
        [tool.poetry.dependencies]
        python = "^3.11"
        litellm = { version = "^1.74", extras = ["proxy"] }

        """;

    public const string Kubernetes = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: litellm
        spec:
          replicas: 2
          template:
            spec:
              containers:
                - name: proxy
                  image: ghcr.io/berriai/litellm@sha256:0c3f4b5e8a9d1e2f3a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9012
                  env:
                    - name: LITELLM_MASTER_KEY
                      valueFrom:
                        secretKeyRef: {name: litellm, key: master-key}
                    - name: ANTHROPIC_API_KEY
                      value: sk-ant-k8s-literal-41d0
        ---
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata:
          name: litellm
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: litellm}
          minReplicas: 2
          maxReplicas: 10

        """;

    public const string KubernetesNoReplicas = """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: gateway
        spec:
          template:
            spec:
              containers:
                - name: gateway
                  image: berriai/litellm-database:main-v1.74.3-stable

        """;

    public const string HelmValues = """
        replicaCount: 3
        image:
          repository: ghcr.io/berriai/litellm-database
          tag: main-latest
        autoscaling:
          enabled: true
          maxReplicas: 8
        masterkey: sk-helm-master-88aa
        db:
          deployStandalone: true

        """;

    public static InputFile File(string name, string text, bool namedExplicitly = false) =>
        new(name, "/stack/" + name, text, namedExplicitly);

    /// <summary>Writes files into a fresh temporary folder and returns it; the caller deletes it.</summary>
    public static string Folder(params (string Name, string Text)[] files)
    {
        var folder = Path.Combine(Path.GetTempPath(), "gateway-audit-deploy-" + Guid.NewGuid().ToString("N"));
        foreach (var (name, text) in files)
        {
            var path = Path.Combine(folder, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            System.IO.File.WriteAllText(path, text);
        }

        return folder;
    }

    /// <summary>Scans the files as a checkout (`scan .`) on the corpus date, then deletes them.</summary>
    public static AuditResult AuditFiles(params (string Name, string Text)[] files)
    {
        var folder = Folder(files);
        try
        {
            return Auditor.Default.Run(new AuditOptions { Paths = ["."], WorkingDirectory = folder, Today = new DateOnly(2026, 11, 30) });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
