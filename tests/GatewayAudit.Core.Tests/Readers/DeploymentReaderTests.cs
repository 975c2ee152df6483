using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers;
using GatewayAudit.Core.Readers.LiteLlm;
using static GatewayAudit.Core.Tests.Readers.DeploymentFixtures;

namespace GatewayAudit.Core.Tests.Readers;

public sealed class DeploymentReaderTests
{
    public static TheoryData<string, string, string, string, int[]> Kinds => new()
    {
        {
            "docker-compose.yaml", Compose, "docker-compose",
            "image=ghcr.io/berriai/litellm:main-v1.74.3-stable; replicas=2; version=main-v1.74.3-stable; versionChannel=stable; versionPinned=true; versionSource=docker-compose",
            [3, 5]
        },
        {
            "compose.prod.yml", ComposeScaleListEnv, "docker-compose",
            "image=litellm/litellm:latest; replicas=4; version=latest; versionChannel=floating; versionPinned=false; versionSource=docker-compose",
            [3, 4]
        },
        {
            "docker-compose.yml", "services:\n  litellm:\n    image: ${LITELLM_IMAGE:-ghcr.io/berriai/litellm:main-v1.74.3-stable}\n", "docker-compose",
            "image=ghcr.io/berriai/litellm:main-v1.74.3-stable; version=main-v1.74.3-stable; versionChannel=stable; versionPinned=true; versionSource=docker-compose",
            [3]
        },
        {
            "docker-compose.yml", "services:\n  litellm:\n    image: ghcr.io/berriai/litellm:${LITELLM_TAG}\n", "docker-compose",
            "image=ghcr.io/berriai/litellm; versionChannel=floating; versionPinned=false; versionSource=docker-compose",
            [3]
        },
        {
            "Dockerfile", DockerfileFrom, "dockerfile",
            "image=ghcr.io/berriai/litellm:main-v1.74.3-nightly; version=main-v1.74.3-nightly; versionChannel=nightly; versionPinned=true; versionSource=dockerfile",
            [2]
        },
        {
            "proxy.Dockerfile", DockerfilePip, "dockerfile",
            "version=1.74.3.dev1; versionChannel=dev; versionPinned=true; versionSource=dockerfile",
            [4]
        },
        {
            "requirements-proxy.txt", Requirements, "requirements",
            "version=>=1.70,<2; versionChannel=floating; versionPinned=false; versionSource=requirements",
            [3]
        },
        {
            "pyproject.toml", Pyproject, "pyproject",
            "version=1.74.3; versionChannel=stable; versionPinned=true; versionSource=pyproject",
            [5]
        },
        {
            "pyproject.toml", PyprojectPoetry, "pyproject",
            "version=^1.74; versionChannel=floating; versionPinned=false; versionSource=pyproject",
            [3]
        },
        {
            "k8s/litellm.yaml", Kubernetes, "kubernetes",
            $"image=ghcr.io/berriai/litellm@{DigestPin}; maxReplicas=10; replicas=2; version={DigestPin}; versionPinned=true; versionSource=kubernetes",
            [6, 11, 26]
        },
        {
            "gateway.yml", KubernetesNoReplicas, "kubernetes",
            "image=berriai/litellm-database:main-v1.74.3-stable; replicas=1; version=main-v1.74.3-stable; versionChannel=stable; versionPinned=true; versionSource=kubernetes",
            [10]
        },
        {
            "values-prod.yaml", HelmValues, "helm-values",
            "image=ghcr.io/berriai/litellm-database:main-latest; maxReplicas=8; replicas=3; version=main-latest; versionChannel=floating; versionPinned=false; versionSource=helm-values",
            [1, 4, 7]
        },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Each_file_kind_sets_the_gateway_deployment_attributes_with_evidence(string name, string text, string reader, string attributes, int[] lines)
    {
        var file = DeploymentFixtures.File(name, text);
        var chosen = ReaderRegistry.Default.FirstOrDefault(r => r.Recognizes(file));

        Assert.NotNull(chosen);
        Assert.Equal(reader, chosen.Name);
        var result = chosen.Read(file);
        Assert.Empty(result.Diagnostics);
        var gateway = result.Fragment.Find(LiteLlmConfigReader.GatewayId);
        Assert.NotNull(gateway);
        Assert.Equal(ComponentRole.Gateway, gateway.Role);
        Assert.Equal(attributes, DeploymentAttributes(gateway));
        foreach (var line in lines)
        {
            Assert.Contains(new SourceLocation(name, line), gateway.Evidence.Select(e => e with { Column = 1 }));
        }
    }

    [Fact]
    public void Compose_environment_gives_the_proxy_postgres_and_redacted_literal_secrets()
    {
        var result = Read("docker-compose.yaml", Compose);

        var db = result.Fragment.Find(LiteLlmConfigReader.PostgresId);
        Assert.NotNull(db);
        Assert.Equal("db", db.Attributes["host"]);
        Assert.Equal(Hosting.OperatorHosted, db.Hosting);
        Assert.Equal(true, db.Attributes["storeModelInDb"]);
        Assert.Contains(new SourceLocation("docker-compose.yaml", 7, 21), db.Evidence);
        Assert.Contains(db.Notes, n => n.Contains("'db' (Postgres)", StringComparison.Ordinal));
        Assert.Single(result.Fragment.Flows, f => f.From == LiteLlmConfigReader.GatewayId && f.To == LiteLlmConfigReader.PostgresId);

        // The ${...:?} reference is not a secret; the master key and the password inside the URL are.
        Assert.Equal(
            ["docker-compose.yaml:7 services.litellm.environment.DATABASE_URL postgresql://llmproxy:****@db:5432/litellm",
             "docker-compose.yaml:8 services.litellm.environment.LITELLM_MASTER_KEY sk-****"],
            result.Fragment.Secrets.Select(s => $"{s.Location} {s.Key} {s.Redacted}").Order(StringComparer.Ordinal));
        Assert.Equal("****", result.Secrets.Scrub(ComposeDbPassword));
        Assert.Equal("****", result.Secrets.Scrub(ComposeMasterKey));

        var gateway = result.Fragment.Find(LiteLlmConfigReader.GatewayId)!;
        Assert.Equal(new[] { "db (Postgres)", "redis (Redis)" }, gateway.Attributes["colocatedServices"]);
    }

    [Fact]
    public void Compose_list_environment_is_checked_and_redis_host_names_the_neighbour()
    {
        var result = Read("compose.prod.yml", ComposeScaleListEnv);

        var secret = Assert.Single(result.Fragment.Secrets);
        Assert.Equal(("compose.prod.yml", 6, "services.proxy.environment.OPENAI_API_KEY"), (secret.Location.File, secret.Location.Line, secret.Key));
        Assert.DoesNotContain(ComposeListKey, secret.Redacted, StringComparison.Ordinal);
        var gateway = result.Fragment.Find(LiteLlmConfigReader.GatewayId)!;
        Assert.Contains(gateway.Notes, n => n.Contains("REDIS_HOST points at 'cache' (Redis)", StringComparison.Ordinal));
        Assert.Null(result.Fragment.Find(LiteLlmConfigReader.PostgresId));
    }

    public static TheoryData<string, string, string[]> ProxyEnvironments => new()
    {
        // Placeholders of keyless local servers are no secrets; LiteLLM's documented example key is well known.
        {
            "docker-compose.yaml",
            "services:\n  litellm:\n    image: ghcr.io/berriai/litellm:1.84.0\n    environment:\n      OPENAI_API_KEY: EMPTY\n      HOSTED_VLLM_API_KEY: not-needed\n      LITELLM_MASTER_KEY: sk-1234\n      LANGFUSE_PUBLIC_KEY: pk-lf-0d2c9b8a-1234\n      OPENAI_API_BASE: http://vllm:8000/v1\n",
            ["7 services.litellm.environment.LITELLM_MASTER_KEY **** LiteLLM's documented example master key"]
        },
        // A weak master key and a dictionary-word database password are still the live credentials.
        {
            "docker-compose.yaml",
            "services:\n  litellm:\n    image: ghcr.io/berriai/litellm:1.84.0\n    environment:\n      - LITELLM_MASTER_KEY=changeme\n      - DATABASE_URL=postgresql://postgres:postgres@db:5432/litellm\n      - OPENAI_API_KEY=ollama\n",
            ["5 services.litellm.environment.LITELLM_MASTER_KEY **** -", "6 services.litellm.environment.DATABASE_URL postgresql://postgres:****@db:5432/litellm -"]
        },
        // The quick start's database password is well known; a password in a URL of any name is found.
        {
            "docker-compose.yaml",
            "services:\n  litellm:\n    image: ghcr.io/berriai/litellm:1.84.0\n    environment:\n      DATABASE_URL: postgresql://llmproxy:dbpassword9090@db:5432/litellm\n      AUDIT_DB: postgresql://audit:Aud1t-Pass-77@audit-db:5432/audit\n",
            ["5 services.litellm.environment.DATABASE_URL postgresql://llmproxy:****@db:5432/litellm the example database password of LiteLLM's docker quick start",
             "6 services.litellm.environment.AUDIT_DB postgresql://audit:****@audit-db:5432/audit -"]
        },
        // A reference of any syntax inside the URL's user info is no password (compose ${VAR:-default}, Kubernetes $(VAR)).
        {
            "docker-compose.yaml",
            "services:\n  litellm:\n    image: ghcr.io/berriai/litellm:1.84.0\n    environment:\n      - DATABASE_URL=postgresql://${POSTGRES_USER:-llmadmin}:${POSTGRES_PASSWORD}@postgres:5432/litellm\n",
            []
        },
        // A template meant to be filled in: its template values are documentation, a real-looking key is still found.
        {
            ".env.example",
            "LITELLM_MASTER_KEY=sk-dummy-master-key-0000000000\nLITELLM_SALT_KEY=sk-your_salt_key_here\nOPENAI_API_KEY=sk-proj-Zx81kQm3VwT9pLr2Nd7sHf4Jc6Yb0EaUi5Og\n",
            ["3 OPENAI_API_KEY sk-proj-**** -"]
        },
        // The same template value in the env file the proxy runs with is its live (weak) master key.
        {
            ".env",
            "LITELLM_MASTER_KEY=sk-dummy-master-key-0000000000\nOPENAI_API_KEY=sk-no-key-required\n",
            ["1 LITELLM_MASTER_KEY sk-**** -"]
        },
        {
            "values.yaml",
            "image:\n  repository: ghcr.io/berriai/litellm\n  tag: 1.84.0\nmasterkey: sk-1234\nenvVars:\n  OPENAI_API_KEY: no-key\n",
            ["4 masterkey **** LiteLLM's documented example master key"]
        },
    };

    [Theory]
    [MemberData(nameof(ProxyEnvironments))]
    public void Environment_literals_are_judged_like_the_config(string name, string text, string[] expected)
    {
        var result = Read(name, text);
        Assert.Equal(expected, result.Fragment.Secrets.Select(s => $"{s.Location.Line} {s.Key} {s.Redacted} {s.WellKnown ?? "-"}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Kubernetes_env_literal_is_a_secret_and_value_from_is_not()
    {
        var result = Read("k8s/litellm.yaml", Kubernetes);

        var secret = Assert.Single(result.Fragment.Secrets);
        Assert.Equal(("k8s/litellm.yaml", 17), (secret.Location.File, secret.Location.Line));
        Assert.Equal("sk-ant-****", secret.Redacted);
    }

    [Fact]
    public void Helm_values_record_the_master_key_and_the_in_cluster_postgres()
    {
        var result = Read("values-prod.yaml", HelmValues);

        var secret = Assert.Single(result.Fragment.Secrets);
        Assert.Equal(("values-prod.yaml", 8, "masterkey"), (secret.Location.File, secret.Location.Line, secret.Key));
        var db = result.Fragment.Find(LiteLlmConfigReader.PostgresId);
        Assert.NotNull(db);
        Assert.Equal(Hosting.OperatorHosted, db.Hosting);
    }

    [Fact]
    public void Helm_values_with_an_empty_tag_ask_for_the_chart_version_instead_of_guessing()
    {
        var result = Read("values.yaml", """
            image:
              repository: ghcr.io/berriai/litellm-database
              tag: ""

            """);

        var gateway = result.Fragment.Find(LiteLlmConfigReader.GatewayId)!;
        Assert.Equal("ghcr.io/berriai/litellm-database", gateway.Attributes["image"]);
        Assert.False(gateway.Attributes.ContainsKey("versionPinned"));
        Assert.Contains(result.Fragment.OpenQuestions, q => q.Question.Contains("appVersion", StringComparison.Ordinal));
    }

    [Fact]
    public void Helm_values_give_proxy_config_to_the_stack_assembly_with_the_values_file_line_numbers()
    {
        var result = Read("values.yaml", """
            image:
              repository: ghcr.io/berriai/litellm
              tag: main-v1.74.3-stable
            proxy_config:
              model_list:
                - model_name: gpt
                  litellm_params: {model: openai/gpt-4o}

            """);

        Assert.Empty(result.Diagnostics);
        var embedded = Assert.Single(result.Deployment!.EmbeddedConfigs);
        Assert.Equal(("proxy_config", 4), (embedded.Name, embedded.At.Line));
        Assert.Equal("  model_list:", embedded.Text.Split('\n')[4]);
        Assert.True(Assert.Single(result.Deployment.Services).RunsProxy);
    }

    [Fact]
    public void The_first_litellm_image_in_a_file_wins_and_the_second_is_noted()
    {
        var result = Read("docker-compose.yml", """
            services:
              litellm:
                image: ghcr.io/berriai/litellm:main-v1.74.3-stable
              litellm-nightly:
                image: ghcr.io/berriai/litellm:main-v1.75.0-nightly

            """);

        var gateway = result.Fragment.Find(LiteLlmConfigReader.GatewayId)!;
        Assert.Equal("main-v1.74.3-stable", gateway.Attributes["version"]);
        Assert.Contains(gateway.Notes, n => n.Contains("main-v1.75.0-nightly", StringComparison.Ordinal));
        Assert.Contains(new SourceLocation("docker-compose.yml", 5, 12), gateway.Evidence);
    }

    [Theory]
    [InlineData("config.yaml", "model_list:\n  - model_name: a\n    litellm_params:\n      model: openai/gpt-4o\n", "litellm-config")]
    [InlineData("docker-compose.yaml", "services:\n  web:\n    image: nginx:1.27\n  db:\n    image: postgres:16\n", null)]
    [InlineData("compose.yaml", "services:\n  app:\n    build: .\n    environment:\n      LITELLM_URL: http://litellm:4000\n", null)]
    [InlineData("deployment.yaml", "apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - image: nginx:1.27\n", null)]
    [InlineData("templates/deployment.yaml", "kind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - image: \"{{ .Values.image.repository }}:litellm\"\n", null)]
    [InlineData("values.yaml", "image:\n  repository: bitnami/postgresql\n  tag: 16\n", null)]
    [InlineData("Dockerfile", "FROM python:3.12-slim\n# we call the litellm proxy over HTTP\nRUN pip install httpx\n", null)]
    [InlineData("requirements.txt", "httpx==0.27\nlitellm-proxy-extras==0.2.1\n", null)]
    [InlineData("pyproject.toml", "[project]\nname = \"litellm-client\"\ndependencies = [\"httpx\"]\n", null)]
    [InlineData("notes.txt", "litellm==1.74.3\n", null)]
    [InlineData("pyproject.toml", "[project]\nname = \"litellm\"\nversion = \"1.80.0\"\n", null)]
    public void Files_not_about_litellm_are_not_recognised(string name, string text, string? reader)
    {
        var file = DeploymentFixtures.File(name, text);

        Assert.Equal(reader, ReaderRegistry.Default.FirstOrDefault(r => r.Recognizes(file))?.Name);
    }

    /// <summary>
    /// The LiteLLM SDK as an application's dependency runs in its process: no proxy (held-out code run, class 3). The
    /// file is read for its pin, which versions a proxy only when a config lies beside it (Stacks/LiteLlmPackagePin).
    /// </summary>
    [Theory]
    [InlineData("requirements.txt", "fastapi==0.116\nlitellm>=1.74.8\n", ">=1.74.8", 2)]
    [InlineData("pyproject.toml", "[project]\nname = \"recipes\"\ndependencies = [\"deepl>=1.22\", \"litellm>=1.74.8\"]\n", ">=1.74.8", 3)]
    [InlineData("pyproject.toml", "[tool.poetry.dependencies]\npython = \"^3.11\"\nlitellm = \"^1.74\"\n", "^1.74", 3)]
    [InlineData("Pipfile", "[packages]\nrequests = \"*\"\nlitellm = \"==1.74.3\"\n", "==1.74.3", 3)]
    public void A_plain_litellm_dependency_is_a_package_pin_not_a_proxy(string name, string text, string specifier, int line)
    {
        var result = Read(name, text);

        Assert.Null(result.Fragment.Find(LiteLlmConfigReader.GatewayId));
        var (requirement, at) = Assert.Single(result.Deployment!.LiteLlmPackages);
        Assert.Equal(specifier, requirement.Specifier);
        Assert.Equal(line, at.Line);
    }

    [Theory]
    [InlineData("docker-compose.yaml", "services:\n  litellm:\n    image: ghcr.io/berriai/litellm:main-latest\n    deploy: [unclosed\n", "yaml-syntax", 5)]
    [InlineData("docker-compose.yaml", "services:\n  litellm:\n    image: ghcr.io/berriai/litellm:main-latest\n    deploy:\n      replicas: three\n", "wrong-type", 5)]
    [InlineData("docker-compose.yaml", "services:\n  - image: ghcr.io/berriai/litellm:main-latest\n", "wrong-type", 2)]
    [InlineData("docker-compose.yaml", "services:\n  litellm:\n    image: ghcr.io/berriai/litellm:main-latest\n    environment: 42\n", "wrong-type", 4)]
    [InlineData("k8s.yaml", "kind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - image: ghcr.io/berriai/litellm:main-latest\n---\nkind: Service\nspec: {ports: [\n", "yaml-syntax", 10)]
    [InlineData("k8s.yaml", "kind: Deployment\nspec:\n  replicas: -1\n  template:\n    spec:\n      containers:\n        - image: ghcr.io/berriai/litellm:main-latest\n", "wrong-type", 3)]
    [InlineData("values.yaml", "image:\n  repository: ghcr.io/berriai/litellm\nreplicaCount: 2.5\n", "wrong-type", 3)]
    [InlineData("pyproject.toml", "[project\ndependencies = [\"litellm[proxy]==1.74.3\"]\n", "toml-syntax", 1)]
    [InlineData("Dockerfile", "FROM ghcr.io/berriai/litellm:main-latest\nFROM \n", "dockerfile-from", 2)]
    public void Malformed_inputs_give_diagnostics_with_file_and_line(string name, string text, string code, int line)
    {
        var file = DeploymentFixtures.File(name, text);
        var reader = ReaderRegistry.Default.First(r => r.Recognizes(file));

        var result = reader.Read(file);

        var diagnostic = Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal((code, name, line), (diagnostic.Code, diagnostic.Location.File, diagnostic.Location.Line));
    }

    [Fact]
    public void A_build_argument_without_default_leaves_the_tag_floating_and_says_so()
    {
        var result = Read("Dockerfile", "ARG TAG\nFROM ghcr.io/berriai/litellm:${TAG}\n");

        var gateway = result.Fragment.Find(LiteLlmConfigReader.GatewayId)!;
        Assert.Equal((false, "floating"), (gateway.Attributes["versionPinned"], gateway.Attributes["versionChannel"]));
        Assert.Contains(gateway.Notes, n => n.Contains("build argument", StringComparison.Ordinal));
    }

    private static ReaderResult Read(string name, string text)
    {
        var file = DeploymentFixtures.File(name, text);
        return ReaderRegistry.Default.First(r => r.Recognizes(file)).Read(file);
    }

    private static string DeploymentAttributes(Component gateway)
    {
        string[] keys = ["image", "maxReplicas", "replicas", "version", "versionChannel", "versionPinned", "versionSource"];
        return string.Join("; ", gateway.Attributes
            .Where(a => keys.Contains(a.Key))
            .Select(a => $"{a.Key}={(a.Value is bool b ? (b ? "true" : "false") : a.Value)}"));
    }
}
