using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers.LiteLlm;
using GatewayAudit.Core.Reports;
using GatewayAudit.Core.Scanning;
using static GatewayAudit.Core.Tests.Readers.DeploymentFixtures;

namespace GatewayAudit.Core.Tests.Stacks;

/// <summary>
/// Deployment shapes seen on public LiteLLM deployments that a scan used to reject or misread: an umbrella Helm chart,
/// a config embedded in a file no reader claimed or in a compose file's configs:, the proxy's command line, the
/// proxy's STORE_MODEL_IN_DB, and a Redis run without persistence. Fixtures are written in the shape of those cases.
/// </summary>
public sealed class DeploymentShapeTests
{
    private const string StoreModelQuestion = "store_model_in_db is on";

    // An umbrella chart: LiteLLM's chart under its name, beside Langfuse's and a Bitnami Postgres sub-chart.
    private const string UmbrellaValues = """
        global:
          storageClass: gp3
        litellm-helm:
          image:
            repository: ghcr.io/berriai/litellm-database
            tag: v1.84.0
          envVars:
            STORE_MODEL_IN_DB: "True"
          db:
            useExisting: true
            endpoint: gateway-db.cx1y2z3example.eu-central-1.rds.amazonaws.com
            database: litellm
          proxy_config:
            model_list:
              - model_name: claude
                litellm_params:
                  model: anthropic/claude-sonnet-4-5
                  api_key: os.environ/ANTHROPIC_API_KEY
            general_settings:
              store_model_in_db: true
        langfuse:
          postgresql:
            auth:
              password: langfuse-db-pass-31c9
              existingSecret: ""
          ingress:
            annotations:
              nginx.ingress.kubernetes.io/auth-secret: basic-auth

        """;

    [Fact]
    public void An_umbrella_charts_litellm_sub_chart_is_read_with_the_files_lines_and_its_rds_region()
    {
        using var scan = new Scan(("chart/values.yaml", UmbrellaValues));

        Assert.True(scan.Result.Complete, string.Join('\n', scan.Result.Diagnostics));
        Assert.Equal("helm-values", Assert.Single(scan.Result.Inputs).Reader);
        Assert.Contains(new SourceLocation("chart/values.yaml", 17, 18), scan.Result.Model.Get("provider:anthropic").Evidence);
        Assert.Equal("v1.84.0", scan.Result.Model.Get(LiteLlmConfigReader.GatewayId).Attributes["version"]);
        var postgres = scan.Result.Model.Get(LiteLlmConfigReader.PostgresId);
        Assert.Equal("eu-central-1", postgres.Region?.Value);
        Assert.Equal(11, postgres.Region!.Evidence.Line);
    }

    [Theory]
    [InlineData("litellm:\n  envVars:\n    LITELLM_LOG: ERROR\n  proxy_config:\n    model_list:\n      - model_name: m\n        litellm_params:\n          model: mistral/mistral-large-latest\n")]
    [InlineData("proxy_config:\n  model_list:\n    - model_name: m\n      litellm_params:\n        model: mistral/mistral-large-latest\n")]
    public void Values_that_set_no_image_are_read_and_ask_which_chart_version_runs(string values)
    {
        using var scan = new Scan(("values.yaml", values));

        Assert.True(scan.Result.Complete, string.Join('\n', scan.Result.Diagnostics));
        Assert.Equal("helm-values", Assert.Single(scan.Result.Inputs).Reader);
        Assert.Contains(scan.Result.Model.Components, c => c.Vendor == "mistral");
        Assert.Contains(scan.Result.Model.OpenQuestions, q => q.Question.Contains("image is not set, so the image follows the Helm chart's appVersion", StringComparison.Ordinal));
    }

    [Fact]
    public void Store_model_in_db_from_the_proxy_environment_is_asked_once_even_when_the_config_also_sets_it()
    {
        using var scan = new Scan(("chart/values.yaml", UmbrellaValues));

        Assert.Single(scan.Result.Model.OpenQuestions, q => q.Question.StartsWith(StoreModelQuestion, StringComparison.Ordinal));
        Assert.Single(ReportBuilder.Build(scan.Result).OpenQuestions, q => q.Question.StartsWith(StoreModelQuestion, StringComparison.Ordinal));
    }

    [Fact]
    public void Store_model_in_db_in_a_compose_environment_alone_is_an_open_question_in_the_report()
    {
        using var scan = new Scan(
            ("config.yaml", "model_list:\n  - model_name: m\n    litellm_params:\n      model: openai/gpt-4o\n"),
            ("docker-compose.yml", "services:\n  litellm:\n    image: ghcr.io/berriai/litellm:v1.84.0\n    volumes: [./config.yaml:/app/config.yaml]\n    environment:\n      - STORE_MODEL_IN_DB=True\n"));

        var question = Assert.Single(ReportBuilder.Build(scan.Result).OpenQuestions, q => q.Question.StartsWith(StoreModelQuestion, StringComparison.Ordinal));
        Assert.Equal(("docker-compose.yml", 6), (question.File, question.Line));
    }

    [Fact]
    public void A_config_in_a_yaml_file_no_reader_claims_is_read_rather_than_the_scan_finding_nothing()
    {
        // An Ansible role's vars file that templates the proxy config.
        using var scan = new Scan(("ansible/roles/litellm/vars/main.yml", """
            litellm_port: 4000
            litellm_config:
              model_list:
                - model_name: gpt
                  litellm_params:
                    model: openai/gpt-4o
                    api_key: "{{ vault_openai_api_key }}"
              litellm_settings:
                success_callback: ["langfuse"]

            """));

        Assert.True(scan.Result.Complete, string.Join('\n', scan.Result.Diagnostics));
        Assert.Equal("embedded-config", Assert.Single(scan.Result.Inputs).Reader);
        Assert.Contains(new SourceLocation("ansible/roles/litellm/vars/main.yml", 6, 16), scan.Result.Model.Get("provider:openai").Evidence);
        Assert.NotNull(scan.Result.Model.Find("exporter:langfuse"));
    }

    [Fact]
    public void A_shell_heredoc_that_writes_a_config_is_a_script_not_a_config()
    {
        using var scan = new Scan(
            ("config.yaml", "model_list:\n  - model_name: m\n    litellm_params:\n      model: openai/gpt-4o\n"),
            (".ci/deploy.yml", "steps:\n  - name: write config\n    run: |\n      cat > config.yaml <<EOF\n      model_list:\n        - model_name: x\n      EOF\n"));

        Assert.True(scan.Result.Complete, string.Join('\n', scan.Result.Diagnostics));
        Assert.Equal("none", Assert.Single(scan.Result.Inputs, i => i.File == ".ci/deploy.yml").Reader);
    }

    [Fact]
    public void A_config_inline_in_compose_configs_is_the_compose_files_embedded_config()
    {
        using var scan = new Scan(("docker-compose.yaml", """
            services:
              litellm:
                image: ghcr.io/berriai/litellm:v1.84.0
                configs:
                  - source: litellm_config
                    target: /app/config.yaml
                command: ["--config", "/app/config.yaml"]
            configs:
              litellm_config:
                content: |
                  model_list:
                    - model_name: mistral
                      litellm_params:
                        model: mistral/mistral-large-latest
                        api_key: os.environ/MISTRAL_API_KEY

            """));

        Assert.True(scan.Result.Complete, string.Join('\n', scan.Result.Diagnostics));
        var stack = Assert.Single(scan.Result.Stacks).Stack;
        Assert.Contains("configs.litellm_config", stack.Name, StringComparison.Ordinal);
        Assert.Contains(scan.Result.Model.Components, c => c.Vendor == "mistral" && c.Evidence.Any(e => e.File == "docker-compose.yaml" && e.Line == 14));
    }

    [Theory]
    [InlineData("docker-compose.yaml", "services:\n  litellm:\n    image: ghcr.io/berriai/litellm:v1.84.0\n    volumes: [./config.yaml:/app/config.yaml]\n    command: --config /app/config.yaml --port 4000 --detailed_debug\n", 5)]
    [InlineData("docker-compose.yaml", "services:\n  litellm:\n    image: ghcr.io/berriai/litellm:v1.84.0\n    volumes: [./config.yaml:/app/config.yaml]\n    environment:\n      LITELLM_LOG: DEBUG\n", 6)]
    [InlineData("docker-compose.yaml", "services:\n  litellm:\n    image: ghcr.io/berriai/litellm:v1.84.0\n    volumes: [./config.yaml:/app/config.yaml]\n    environment: [DETAILED_DEBUG=true]\n", 5)]
    [InlineData("k8s/deployment.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: litellm\nspec:\n  template:\n    spec:\n      containers:\n        - name: proxy\n          image: ghcr.io/berriai/litellm:v1.84.0\n          args:\n            - --config\n            - /etc/litellm/config.yaml\n            - --detailed_debug\n", 14)]
    [InlineData("Dockerfile", "FROM ghcr.io/berriai/litellm:v1.84.0\nCOPY config.yaml /app/config.yaml\nCMD [\"--port\", \"4000\", \"--config\", \"config.yaml\", \"--detailed_debug\"]\n", 3)]
    public void Detailed_debug_on_the_proxy_command_line_or_environment_is_verbose_logging_at_that_line(string file, string text, int line)
    {
        using var scan = new Scan(("config.yaml", "model_list:\n  - model_name: m\n    litellm_params:\n      model: openai/gpt-4o\n"), (file, text));

        Assert.True(scan.Result.Complete, string.Join('\n', scan.Result.Diagnostics));
        var finding = Assert.Single(scan.Result.Findings, f => f.RuleId == "verbose-logging-on");
        Assert.Equal((file, line), (finding.Location?.File, finding.Location?.Line));
        Assert.Equal(true, scan.Result.Model.Get(LiteLlmConfigReader.HostId).Attributes["verboseLogging"]);
    }

    [Theory]
    [InlineData("docker-compose.yaml", "services:\n  litellm:\n    image: ghcr.io/berriai/litellm:v1.84.0\n    volumes: [./config.yaml:/app/config.yaml]\n    command: [\"--config\", \"/app/config.yaml\", \"--debug\"]\n")]
    [InlineData("docker-compose.yaml", "services:\n  litellm:\n    image: ghcr.io/berriai/litellm:v1.84.0\n    volumes: [./config.yaml:/app/config.yaml]\n    environment:\n      LITELLM_LOG: INFO\n")]
    [InlineData(".env", "LITELLM_LOG=DEBUG\n")]
    public void Info_level_logs_and_a_dotenv_the_proxy_is_not_given_are_not_verbose_logging(string file, string text)
    {
        using var scan = new Scan(("config.yaml", "model_list:\n  - model_name: m\n    litellm_params:\n      model: openai/gpt-4o\n"), (file, text));

        Assert.DoesNotContain(scan.Result.Findings, f => f.RuleId == "verbose-logging-on");
        Assert.Null(scan.Result.Model.Get(LiteLlmConfigReader.HostId).Attributes["verboseLogging"]);
    }

    [Theory]
    [InlineData("command: redis-server --save \"\" --appendonly no", "in memory only: persistence off (redis-server --save \"\" --appendonly no)")]
    [InlineData("command: [\"redis-server\", \"--save\", \"\"]", "in memory only: persistence off (redis-server --save \"\")")]
    [InlineData("command: redis-server --save '' --appendonly no", "in memory only")]
    [InlineData("command: redis-server --save \"\" --appendonly yes", null)]
    [InlineData("command: redis-server /usr/local/etc/redis/redis.conf --save \"\"", null)]
    [InlineData("command: redis-server --maxmemory 256mb", null)]
    public void A_redis_beside_the_proxy_started_without_persistence_keeps_data_in_memory_only(string command, string? retention)
    {
        using var scan = new Scan(
            ("config.yaml", "model_list:\n  - model_name: m\n    litellm_params:\n      model: openai/gpt-4o\nrouter_settings:\n  redis_host: redis\n  redis_port: 6379\n"),
            ("docker-compose.yaml", $"services:\n  litellm:\n    image: ghcr.io/berriai/litellm:v1.84.0\n    volumes: [./config.yaml:/app/config.yaml]\n  redis:\n    image: redis:7-alpine\n    {command}\n"));

        var redis = scan.Result.Model.Get(LiteLlmConfigReader.RouterRedisId);
        Assert.Equal(Hosting.OperatorHosted, redis.Hosting);
        if (retention is null)
        {
            Assert.Null(redis.Retention);
        }
        else
        {
            Assert.StartsWith(retention, redis.Retention?.Value.Description, StringComparison.Ordinal);
            Assert.Equal(("docker-compose.yaml", 7), (redis.Retention!.Evidence.File, redis.Retention.Evidence.Line));
        }
    }

    /// <summary>Scans files written into a fresh folder as the CLI does; deletes the folder when disposed.</summary>
    internal sealed class Scan : IDisposable
    {
        private readonly string _folder;

        public Scan(params (string Name, string Text)[] files)
        {
            _folder = Folder(files);
            Result = Auditor.Default.Run(new AuditOptions { Paths = ["."], WorkingDirectory = _folder, Today = new DateOnly(2026, 11, 30) });
        }

        public AuditResult Result { get; }

        public void Dispose() => Directory.Delete(_folder, recursive: true);
    }
}
