using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers;
using GatewayAudit.Core.Readers.LiteLlm;
using GatewayAudit.Core.Reports;
using GatewayAudit.Core.Scanning;
using static GatewayAudit.Core.Tests.Readers.DeploymentFixtures;

namespace GatewayAudit.Core.Tests.Readers;

/// <summary>Deployment readers inside a whole scan: discovery by name, merging with config.yaml, and no secret in any output.</summary>
public sealed class DeploymentScanTests
{
    [Fact]
    public void A_folder_scan_offers_files_known_by_name_and_skips_the_rest()
    {
        var folder = Folder(
            ("Dockerfile", DockerfileFrom), ("proxy.Dockerfile", DockerfilePip), ("Dockerfile.dev", "FROM python:3.12\n"),
            ("requirements.txt", Requirements), ("requirements-dev.txt", "pytest\n"), ("pyproject.toml", Pyproject),
            ("docker-compose.override.yml", ComposeScaleListEnv), ("notes.txt", "litellm==1.74.3\n"), ("README.md", "# stack\n"),
            ("setup.cfg", "[metadata]\n"));
        try
        {
            var files = new InputDiscovery(ReaderRegistry.Default, folder).Discover(["."], []);

            Assert.Equal(
                ["Dockerfile", "Dockerfile.dev", "docker-compose.override.yml", "proxy.Dockerfile", "pyproject.toml", "requirements-dev.txt", "requirements.txt"],
                files.Select(f => f.DisplayPath));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Deployment_files_that_are_not_about_litellm_are_listed_as_skipped_without_errors()
    {
        var folder = Folder(
            ("config.yaml", "model_list:\n  - model_name: a\n    litellm_params:\n      model: openai/gpt-4o\n      api_key: os.environ/OPENAI_API_KEY\n"),
            ("docker-compose.yaml", "services:\n  web:\n    image: nginx:1.27\n"),
            ("Dockerfile", "FROM node:22\n"),
            ("requirements.txt", "httpx\n"));
        try
        {
            var result = Audit(folder);

            Assert.DoesNotContain(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
            Assert.Equal(
                ["Dockerfile none", "config.yaml litellm-config", "docker-compose.yaml none", "requirements.txt none"],
                result.Inputs.Select(i => $"{i.File} {i.Reader}"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_named_multi_document_manifest_that_is_not_about_litellm_is_skipped_not_called_malformed()
    {
        var folder = Folder(("svc.yaml", "kind: Service\n---\nkind: ConfigMap\n"));
        try
        {
            var result = Audit(folder, "svc.yaml");

            Assert.DoesNotContain(result.Diagnostics, d => d.Code == "yaml-multiple-documents");
            Assert.Contains(result.Diagnostics, d => d.Code == "input-skipped");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Literal_secrets_in_deployment_files_never_appear_in_any_rendered_output()
    {
        var folder = Folder(
            ("docker-compose.yaml", Compose), ("compose.yaml", ComposeScaleListEnv), ("k8s/litellm.yaml", Kubernetes), ("helm/values.yaml", HelmValues),
            ("bad/docker-compose.yaml", $"services:\n  litellm:\n    image: ghcr.io/berriai/litellm:main-latest\n    environment:\n      LITELLM_MASTER_KEY: {ComposeMasterKey}\n    deploy: {{replicas: {ComposeDbPassword}}}\n"));
        try
        {
            var result = Audit(folder);
            var report = ReportBuilder.Build(result);
            var outputs = RendererRegistry.Create(BuiltIn.TemplatesDir(AppContext.BaseDirectory))
                .Select(r => r.Render(report))
                .Append(string.Join("\n", result.Diagnostics))
                .ToList();

            Assert.Equal(6, result.Findings.Count(f => f.RuleId == LiteralSecretFindings.RuleId));
            foreach (var secret in new[] { ComposeDbPassword, ComposeMasterKey, ComposeListKey, KubernetesKey, HelmMasterKey })
            {
                // Not scrubbed by the ledger here: the readers and the report must not carry the value at all.
                Assert.All(outputs, output => Assert.DoesNotContain(secret, output, StringComparison.Ordinal));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Config_and_compose_merge_into_one_gateway_and_one_postgres()
    {
        var result = Audit(Path.Combine(RepositoryRoot(), "examples", "litellm-compose-stack"));

        Assert.True(result.Complete);
        Assert.Equal(
            ["config.yaml litellm-config", "docker-compose.yaml docker-compose", "requirements.txt requirements"],
            result.Inputs.Select(i => $"{i.File} {i.Reader}"));
        var gateway = result.Model.Find(LiteLlmConfigReader.GatewayId)!;
        Assert.Equal(
            ("ghcr.io/berriai/litellm:main-latest", "main-latest", false, "floating", "docker-compose", 3L),
            (gateway.Attributes["image"], gateway.Attributes["version"], gateway.Attributes["versionPinned"], gateway.Attributes["versionChannel"],
                gateway.Attributes["versionSource"], gateway.Attributes["replicas"]));
        Assert.Equal("reference", gateway.Attributes["masterKey"]);
        Assert.Contains(new SourceLocation("docker-compose.yaml", 5, 12), gateway.Evidence);
        Assert.Contains(new SourceLocation("docker-compose.yaml", 21, 17), gateway.Evidence);

        var db = Assert.Single(result.Model.Components, c => c.Role == ComponentRole.Datastore && c.Name.Contains("Postgres", StringComparison.Ordinal));
        Assert.Equal((LiteLlmConfigReader.PostgresId, Hosting.OperatorHosted, "db"), (db.Id, db.Hosting, db.Attributes["host"]));
        // LITELLM_MASTER_KEY: sk-1234 is LiteLLM's documented example key: a well-known credential, not a literal secret.
        Assert.DoesNotContain(result.Findings, f => f.RuleId == LiteralSecretFindings.RuleId);
        var secret = Assert.Single(result.Findings, f => f.RuleId == "well-known-credential");
        Assert.Equal(("docker-compose.yaml", 12), (secret.Location!.File, secret.Location.Line));
    }

    private static AuditResult Audit(string folder, string path = ".") => Auditor.Default.Run(new AuditOptions
    {
        Paths = [path],
        WorkingDirectory = folder,
        Today = new DateOnly(2026, 11, 25),
    });

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !System.IO.File.Exists(Path.Combine(folder.FullName, "Audit.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("Audit.sln not found above the test binaries");
    }
}
