using GatewayAudit.Core.Model;
using GatewayAudit.Core.Reports;
using GatewayAudit.Core.Scanning;
using static GatewayAudit.Core.Tests.Readers.DeploymentFixtures;

namespace GatewayAudit.Core.Tests.Stacks;

/// <summary>
/// The stack assembly: facts spread over a deployment's files (compose, .env, Kubernetes, Helm, include:) are joined
/// before the audit, and separate deployments stay separate. Fixtures imitate the shapes seen in public deployments.
/// </summary>
public sealed class StackAssemblyTests
{
    // A homelab-style stack: the model and the vLLM base come from compose, the database from an env_file, and
    // Langfuse runs beside the proxy in the same compose file.
    private const string HomelabConfig = """
        model_list:
          - model_name: local
            litellm_params:
              model: os.environ/LITELLM_MODEL_ID
              api_base: os.environ/VLLM_API_BASE
        litellm_settings:
          success_callback: [langfuse]
        general_settings:
          master_key: os.environ/LITELLM_MASTER_KEY
          database_url: os.environ/DATABASE_URL

        """;

    private const string HomelabCompose = """
        services:
          litellm:
            image: ghcr.io/berriai/litellm:v1.84.0
            volumes:
              - ./litellm/config.yaml:/app/config.yaml:ro
            command: ["--config", "/app/config.yaml"]
            env_file: [secrets.env]
            environment:
              LITELLM_MODEL_ID: openai/qwen2.5-7b
              VLLM_API_BASE: ${VLLM_API_BASE:-http://vllm:8000/v1}
              LANGFUSE_HOST: http://langfuse-web:3000
          vllm:
            image: vllm/vllm-openai:v0.11.0
          langfuse-web:
            image: langfuse/langfuse:3
          db:
            image: postgres:16

        """;

    [Fact]
    public void Os_environ_resolves_through_compose_environment_defaults_and_env_files_and_neighbours_are_operator_hosted()
    {
        var folder = Folder(("litellm/config.yaml", HomelabConfig), ("docker-compose.yaml", HomelabCompose),
            ("secrets.env", "DATABASE_URL=postgresql://litellm:${POSTGRES_PASSWORD}@db:5432/litellm\n"));
        try
        {
            var result = Audit(folder);

            Assert.DoesNotContain(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
            var stack = Assert.Single(result.Stacks).Stack;
            Assert.Equal(["docker-compose.yaml", "litellm/config.yaml", "secrets.env"], stack.Membership.Keys);
            Assert.Equal("runs the proxy with this config mounted", stack.Membership["docker-compose.yaml"]);

            // The model and its api_base were only in compose: vLLM beside the proxy, not OpenAI.
            var inference = Assert.Single(result.Model.Components, c => c.Role == ComponentRole.SelfHostedInference);
            Assert.Equal(Hosting.OperatorHosted, inference.Hosting);
            Assert.DoesNotContain(result.Model.Components, c => c.Vendor == "openai");
            Assert.Contains(inference.Evidence, e => e.File == "docker-compose.yaml" && e.Line == 12);
            Assert.Equal("vllm", inference.Attributes["colocatedService"]);

            var langfuse = result.Model.Find("exporter:langfuse")!;
            Assert.Equal(Hosting.OperatorHosted, langfuse.Hosting);
            Assert.Equal("langfuse-web", langfuse.Attributes["colocatedService"]);
            Assert.Contains(langfuse.Evidence, e => e.File == "docker-compose.yaml" && e.Line == 11);
            Assert.Contains(langfuse.Evidence, e => e.File == "docker-compose.yaml" && e.Line == 14);
            Assert.Contains(langfuse.Evidence, e => e.File == "litellm/config.yaml");

            var postgres = result.Model.Find("datastore:litellm-postgres")!;
            Assert.Equal(Hosting.OperatorHosted, postgres.Hosting);
            Assert.Contains(postgres.Evidence, e => e.File == "secrets.env" && e.Line == 1);
            Assert.Contains(postgres.Evidence, e => e.File == "docker-compose.yaml" && e.Line == 16);
            Assert.Contains(postgres.Evidence, e => e.File == "litellm/config.yaml" && e.Line == 10);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_variable_no_file_defines_stays_unknown_rather_than_the_prefix_vendor_being_assumed()
    {
        var folder = Folder(("config.yaml", HomelabConfig), ("docker-compose.yaml", "services:\n  litellm:\n    image: ghcr.io/berriai/litellm:v1.84.0\n"));
        try
        {
            var result = Audit(folder);

            var provider = Assert.Single(result.Model.Components, c => c.Role == ComponentRole.ModelProvider);
            Assert.Equal((Hosting.Unknown, (string?)null), (provider.Hosting, provider.Vendor));
            Assert.Contains(result.Model.OpenQuestions, q => q.Question.Contains("LITELLM_MODEL_ID", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_config_inside_a_configmap_of_a_multi_document_manifest_is_read_with_the_manifest_lines()
    {
        var folder = Folder(("k8s/litellm.yaml", """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: litellm-config
              namespace: llm
            data:
              config.yaml: |
                model_list:
                  - model_name: qwen
                    litellm_params:
                      model: hosted_vllm/qwen2.5
                      api_base: http://vllm.llm.svc.cluster.local:8000/v1
                  - model_name: claude
                    litellm_params:
                      model: anthropic/claude-sonnet-4-5
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: litellm
              namespace: llm
            spec:
              template:
                spec:
                  containers:
                    - name: litellm
                      image: ghcr.io/berriai/litellm:v1.84.0
                      args: ["--config", "/etc/litellm/config.yaml"]
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: vllm
              namespace: llm

            """));
        try
        {
            var result = Audit(folder);

            Assert.DoesNotContain(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
            Assert.Equal("kubernetes", Assert.Single(result.Inputs).Reader);
            var anthropic = result.Model.Find("provider:anthropic")!;
            Assert.Contains(anthropic.Evidence, e => e.File == "k8s/litellm.yaml" && e.Line == 15);
            var vllm = Assert.Single(result.Model.Components, c => c.Role == ComponentRole.SelfHostedInference);
            Assert.Equal(Hosting.OperatorHosted, vllm.Hosting);
            Assert.Equal("vllm", vllm.Attributes["colocatedService"]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Helm_values_proxy_config_and_a_helm_template_configmap_are_each_read_as_a_config()
    {
        var folder = Folder(
            ("chart/values.yaml", """
                image:
                  repository: ghcr.io/berriai/litellm-database
                  tag: v1.84.0
                proxy_config:
                  model_list:
                    - model_name: gpt
                      litellm_params:
                        model: openai/gpt-4o
                        api_key: os.environ/OPENAI_API_KEY

                """),
            ("tf/litellm-configmap.yaml.tpl", """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: {{ .Release.Name }}-config
                data:
                  config.yaml: |
                    model_list:
                      {{- range .Values.models }}
                      - model_name: bedrock-claude
                        litellm_params:
                          model: bedrock/anthropic.claude-3-5-sonnet
                          aws_region_name: {{ .Values.region }}
                      {{- end }}

                """));
        try
        {
            var result = Audit(folder);

            Assert.DoesNotContain(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
            Assert.Equal(2, result.Stacks.Count);
            Assert.Contains(result.Model.Find("provider:openai")!.Evidence, e => e == new SourceLocation("chart/values.yaml", 8, 16));
            Assert.Contains(result.Model.Components, c => c.Vendor == "aws-bedrock" && c.Evidence.Any(e => e.File == "tf/litellm-configmap.yaml.tpl" && e.Line == 11));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Include_merges_the_included_model_list_into_one_stack_and_cites_the_included_file()
    {
        var folder = Folder(
            ("config.yaml", "include:\n  - models/anthropic.yaml\nmodel_list:\n  - model_name: gpt\n    litellm_params:\n      model: openai/gpt-4o\n"),
            ("models/anthropic.yaml", "model_list:\n  - model_name: claude\n    litellm_params:\n      model: anthropic/claude-sonnet-4-5\n"));
        try
        {
            var result = Audit(folder);

            Assert.DoesNotContain(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
            var stack = Assert.Single(result.Stacks).Stack;
            Assert.Equal("included by config.yaml", stack.Membership["models/anthropic.yaml"]);
            Assert.NotNull(result.Model.Find("provider:openai"));
            Assert.Contains(new SourceLocation("models/anthropic.yaml", 4, 14), result.Model.Find("provider:anthropic")!.Evidence);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void An_include_key_spelled_with_a_yaml_escape_is_still_followed()
    {
        // YAML (and so LiteLLM's yaml.safe_load) reads "incl\u0075de" as include: the quick text check that spares
        // parsing configs without an include must not pass it over.
        var folder = Folder(
            ("config.yaml", "\"incl\\u0075de\": [models/anthropic.yaml]\nmodel_list:\n  - model_name: gpt\n    litellm_params:\n      model: openai/gpt-4o\n"),
            ("models/anthropic.yaml", "model_list:\n  - model_name: claude\n    litellm_params:\n      model: anthropic/claude-sonnet-4-5\n"));
        try
        {
            var result = Audit(folder);

            var stack = Assert.Single(result.Stacks).Stack;
            Assert.Equal("included by config.yaml", stack.Membership["models/anthropic.yaml"]);
            Assert.NotNull(result.Model.Find("provider:anthropic"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("missing.yaml", "litellm-include-missing", "missing.yaml, which does not exist", "config.yaml", 3)]
    [InlineData("b.yaml", "litellm-include-cycle", "forms a cycle (config.yaml -> b.yaml -> config.yaml)", "b.yaml", 1)]
    public void A_missing_or_cyclic_include_is_an_error_at_the_include_line(string included, string code, string message, string file, int line)
    {
        var folder = Folder(
            ("config.yaml", $"model_list: []\ninclude:\n  - {included}\n"),
            ("b.yaml", "include: [config.yaml]\nrouter_settings: {}\n"));
        try
        {
            var result = Audit(folder, "config.yaml");

            var error = Assert.Single(result.Diagnostics, d => d.Code == code);
            Assert.Contains(message, error.Message, StringComparison.Ordinal);
            Assert.Equal((file, line), (error.Location.File, error.Location.Line));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Separate_deployments_form_separate_stacks_and_the_report_keeps_them_apart()
    {
        var folder = Folder(
            ("team-a/config.yaml", "model_list:\n  - model_name: a\n    litellm_params:\n      model: anthropic/claude-sonnet-4-5\n"),
            ("team-a/docker-compose.yaml", "services:\n  proxy:\n    image: ghcr.io/berriai/litellm:v1.84.0\n    environment:\n      DATABASE_URL: postgresql://u:${PG_PASSWORD}@db:5432/x\n  db:\n    image: postgres:16\n"),
            ("team-b/config.yaml", "model_list:\n  - model_name: b\n    litellm_params:\n      model: mistral/mistral-large-latest\n"));
        try
        {
            var result = Audit(folder);
            var report = ReportBuilder.Build(result);

            Assert.Equal(["team-a/config.yaml", "team-b/config.yaml"], report.Stacks!.Select(s => s.Name));
            Assert.Contains(report.Stacks![0].Subprocessors, s => s.Id == "datastore:litellm-postgres");
            Assert.DoesNotContain(report.Stacks![1].Subprocessors, s => s.Id == "datastore:litellm-postgres" || s.Vendor == "anthropic");
            Assert.Contains(report.Subprocessors, s => s.Vendor == "anthropic");
            Assert.Contains(report.Subprocessors, s => s.Vendor == "mistral");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_compose_variable_left_for_the_shell_is_unknown_and_a_dist_env_file_can_still_say_it()
    {
        // Coolify-style compose: ${AZURE_API_BASE} is filled by the shell, so it says nothing; .env-dist does.
        var folder = Folder(
            ("config.yaml", "model_list:\n  - model_name: a\n    litellm_params:\n      model: azure/gpt-4o\n      api_base: os.environ/AZURE_API_BASE\n  - model_name: b\n    litellm_params:\n      model: openai/gpt-4o\n      api_base: os.environ/OTHER_BASE\n"),
            ("docker-compose.yaml", "services:\n  litellm:\n    image: ghcr.io/berriai/litellm:v1.84.0\n    environment:\n      AZURE_API_BASE: ${AZURE_API_BASE}\n      OTHER_BASE: ${OTHER_BASE}\n"),
            (".env-dist", "OTHER_BASE=http://vllm.lan:8000/v1\n"));
        try
        {
            var result = Audit(folder);

            Assert.Equal("dotenv", Assert.Single(result.Inputs, i => i.File == ".env-dist").Reader);
            Assert.DoesNotContain(result.Model.Components, c => c.Attributes["host"] is "x" || c.Id == "inference:x");
            Assert.Contains(result.Model.Components, c => c.Role == ComponentRole.SelfHostedInference && c.Attributes["host"] is "vllm.lan");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("    environment:\n      REDIS_HOST: redis\n", false)]
    [InlineData("", true)]
    public void A_variable_that_decides_a_host_and_that_no_file_defines_is_asked_about_once(string environment, bool asked)
    {
        var folder = Folder(
            ("config.yaml", "model_list: []\nrouter_settings:\n  redis_host: os.environ/REDIS_HOST\n  redis_password: os.environ/REDIS_PASSWORD\n"),
            ("docker-compose.yaml", "services:\n  litellm:\n    image: ghcr.io/berriai/litellm:v1.84.0\n" + environment));
        try
        {
            var questions = Audit(folder).Model.OpenQuestions.Where(q => q.Subject.StartsWith("Environment variable", StringComparison.Ordinal)).ToList();

            // REDIS_PASSWORD decides nothing about who receives data: never asked about.
            Assert.Equal(asked ? ["Environment variable REDIS_HOST"] : [], questions.Select(q => q.Subject));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static AuditResult Audit(string folder, string path = ".") => Auditor.Default.Run(new AuditOptions
    {
        Paths = [path],
        WorkingDirectory = folder,
        Today = new DateOnly(2026, 11, 30),
    });
}
