using GatewayAudit.Core.Model;
using static GatewayAudit.Core.Tests.ReaderHarness;

namespace GatewayAudit.Core.Tests.Readers;

/// <summary>
/// Settings LiteLLM reads as text (URLs, hosts, models, keys): a number, true/false, a list or a mapping there is an
/// error naming file, line, key and the expected type, never a value silently ignored or read as something else.
/// The legitimate YAML forms (quoted numbers, !!str, os.environ/ references, numeric passwords and ports, an inline
/// vertex_credentials mapping) stay clean.
/// </summary>
public sealed class LiteLlmTextSettingTests
{
    private const string Model = "model_list:\n  - model_name: m\n    litellm_params:\n      model: openai/gpt-4o\n";

    private static string Deployment(string extra) => $"model_list:\n  - model_name: m\n    litellm_params:\n      model: openai/gpt-4o\n{extra}";

    // yaml, the start of the message (key, expected type, what was found), line
    public static TheoryData<string, string, int> WrongTypes() => new()
    {
        { Model + "general_settings:\n  database_url: 5\n", "'general_settings.database_url' must be text (a postgresql:// URL, or os.environ/NAME), not a number (put it in quotes if it is meant as text)", 6 },
        { Model + "general_settings:\n  database_url: true\n", "'general_settings.database_url' must be text (a postgresql:// URL, or os.environ/NAME), not true/false", 6 },
        { Deployment("      api_key: [1, 2]\n"), "'model_list[0].litellm_params.api_key' must be text (the value, or os.environ/NAME), not a list", 5 },
        { Deployment("      api_key: {a: b}\n"), "'model_list[0].litellm_params.api_key' must be text (the value, or os.environ/NAME), not a mapping", 5 },
        { Deployment("      api_key: 12345678\n"), "'model_list[0].litellm_params.api_key' must be text (the value, or os.environ/NAME), not a number", 5 },
        { Deployment("      aws_secret_access_key: [a]\n"), "'model_list[0].litellm_params.aws_secret_access_key' must be text", 5 },
        { Deployment("      api_base: 8080\n"), "'model_list[0].litellm_params.api_base' must be text (a URL, or os.environ/NAME), not a number", 5 },
        { Deployment("      api_base: [https://a.example]\n"), "'model_list[0].litellm_params.api_base' must be text (a URL, or os.environ/NAME), not a list", 5 },
        { Deployment("      aws_region_name: [eu-west-1]\n"), "'model_list[0].litellm_params.aws_region_name' must be text (a region name, or os.environ/NAME), not a list", 5 },
        { "model_list:\n  - model_name: m\n    litellm_params:\n      model: 5\n", "'model_list[0].litellm_params.model' must be text (provider/model, or os.environ/NAME), not a number", 4 },
        { "model_list:\n  - model_name: m\n    litellm_params:\n      model: [openai/gpt-4o]\n", "'model_list[0].litellm_params.model' must be text (provider/model, or os.environ/NAME), not a list", 4 },
        { "model_list:\n  - model_name: [m]\n    litellm_params:\n      model: openai/gpt-4o\n", "'model_list[0].model_name' must be text (the model group name), not a list", 2 },
        { Model + "general_settings:\n  master_key: [sk-1]\n", "'general_settings.master_key' must be text (the key, or os.environ/NAME), not a list", 6 },
        { Model + "router_settings:\n  redis_host: 6379\n", "'router_settings.redis_host' must be text (a host name or address, or os.environ/NAME), not a number", 6 },
        { Model + "router_settings:\n  redis_url: {host: r}\n", "'router_settings.redis_url' must be text (a redis:// URL, or os.environ/NAME), not a mapping", 6 },
        { Model + "router_settings:\n  redis_host: r\n  redis_password: [a]\n", "'router_settings.redis_password' must be text (the password, or os.environ/NAME), not a list", 7 },
        { Model + "litellm_settings:\n  cache: true\n  cache_params:\n    type: 1\n", "'litellm_settings.cache_params.type' must be text (redis, s3, qdrant-semantic, ...), not a number", 8 },
        { Model + "litellm_settings:\n  cache: true\n  cache_params:\n    type: redis\n    host: [a, b]\n", "'litellm_settings.cache_params.host' must be text (a host name or address, or os.environ/NAME), not a list", 9 },
        { Model + "litellm_settings:\n  cache: true\n  cache_params:\n    type: s3\n    s3_bucket_name: 123456\n", "'litellm_settings.cache_params.s3_bucket_name' must be text (a bucket name, or os.environ/NAME), not a number (put it in quotes", 9 },
        { Model + "litellm_settings:\n  cache: true\n  cache_params:\n    type: redis\n    password: [x]\n", "'litellm_settings.cache_params.password' must be text", 9 },
        { Model + "litellm_settings:\n  success_callback: [s3]\n  s3_callback_params:\n    s3_region_name: [eu-west-1]\n", "'litellm_settings.s3_callback_params.s3_region_name' must be text (a region name, or os.environ/NAME), not a list", 8 },
        { Model + "litellm_settings:\n  success_callback: [langfuse, 5]\n", "'litellm_settings.success_callback' must be a list of names; this item is a number", 6 },
        { Model + "litellm_settings:\n  success_callback: true\n", "'litellm_settings.success_callback' must be a list of names, not true/false", 6 },
        { Model + "general_settings:\n  alerting: [slack]\n  alert_to_webhook_url:\n    budget_alerts: 42\n", "'general_settings.alert_to_webhook_url.budget_alerts' must be text (a URL, or os.environ/NAME) or a list of them, not a number", 8 },
        { Model + "general_settings:\n  alerting: [slack]\n  alert_to_webhook_url:\n    budget_alerts: {url: x}\n", "'general_settings.alert_to_webhook_url.budget_alerts' must be text (a URL, or os.environ/NAME) or a list of them, not a mapping", 8 },
        { Model + "general_settings:\n  alerting: [slack]\n  alert_to_webhook_url:\n    budget_alerts: [https://hooks.example/a, [b]]\n", "'general_settings.alert_to_webhook_url.budget_alerts[1]' must be text (a URL, or os.environ/NAME), not a list", 8 },
        { Model + "general_settings:\n  key_management_system: true\n", "'general_settings.key_management_system' must be text (google_kms, azure_key_vault, aws_secret_manager, ...), not true/false", 6 },
        { Model + "general_settings:\n  pass_through_endpoints:\n    - path: /x\n      target: [https://a.example]\n", "'general_settings.pass_through_endpoints[0].target' must be text (a URL, or os.environ/NAME), not a list", 8 },
        { Model + "general_settings:\n  pass_through_endpoints:\n    - https://a.example\n", "'general_settings.pass_through_endpoints[0]' must be a mapping with path and target, not a single value", 7 },
        { Model + "guardrails:\n  - guardrail_name: g\n    litellm_params:\n      guardrail: lakera\n      api_base: 443\n", "'guardrails[0].litellm_params.api_base' must be text (a URL, or os.environ/NAME), not a number", 9 },
        { Model + "guardrails:\n  - guardrail_name: g\n    litellm_params:\n      guardrail: [lakera]\n", "'guardrails[0].litellm_params.guardrail' must be text (the guardrail provider), not a list", 8 },
        { Model + "litellm_settings:\n  default_team_settings:\n    - team_id: t\n      langfuse_secret: [x]\n", "'litellm_settings.default_team_settings[0].langfuse_secret' must be text", 8 },
    };

    [Theory]
    [MemberData(nameof(WrongTypes))]
    public void A_wrong_type_is_an_error_naming_file_line_key_and_expected_type(string yaml, string message, int line)
    {
        var result = Read(yaml);
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var error = Assert.Single(errors);
        Assert.Equal("wrong-type", error.Code);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.Equal((Cfg, line), (error.Location.File, error.Location.Line));
    }

    [Fact]
    public void A_wrong_type_message_never_holds_the_value()
    {
        var result = Read(Deployment("      api_key: 987654321012\n") + "router_settings:\n  redis_host: r\n  redis_url: [redis://u:hunter2pass@r:6379]\n");
        Assert.Equal(2, result.Diagnostics.Count(d => d.Code == "wrong-type"));
        Assert.DoesNotContain(result.Diagnostics, d => d.Message.Contains("987654321012", StringComparison.Ordinal) || d.Message.Contains("hunter2pass", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("general_settings:\n  database_url: \"5\"\n")]
    [InlineData("general_settings:\n  database_url: !!str 5\n")]
    [InlineData("general_settings:\n  database_url: os.environ/DATABASE_URL\n")]
    [InlineData("general_settings:\n  database_url: \"os.environ/DATABASE_URL\"\n")]
    [InlineData("general_settings:\n  database_url:\n")]
    [InlineData("general_settings:\n  master_key: sk-1234\n")]
    [InlineData("router_settings:\n  redis_host: 10.0.0.5\n  redis_port: 6379\n  redis_password: 123456\n")]
    [InlineData("router_settings:\n  redis_host: os.environ/REDIS_HOST\n  redis_port: os.environ/REDIS_PORT\n")]
    [InlineData("litellm_settings:\n  cache: true\n  cache_params:\n    type: redis\n    host: redis.internal\n    port: 6379\n    password: 123456\n    ttl: 600\n")]
    [InlineData("litellm_settings:\n  cache: True\n  cache_params:\n    type: s3\n    s3_bucket_name: \"123456\"\n    s3_region_name: eu-west-1\n")]
    [InlineData("litellm_settings:\n  set_verbose: False\n  turn_off_message_logging: yes\n  success_callback: langfuse\n")]
    [InlineData("general_settings:\n  alerting: [slack]\n  alert_to_webhook_url:\n    budget_alerts: [os.environ/HOOK_A, os.environ/HOOK_B]\n    llm_exceptions: os.environ/HOOK_C\n")]
    [InlineData("general_settings:\n  disable_spend_logs: true\n  store_model_in_db: false\n  maximum_spend_logs_retention_period: 30d\n")]
    public void Legitimate_yaml_forms_are_not_wrong_types(string settings)
    {
        ReadClean(Model + settings);
    }

    [Theory]
    [InlineData("      model: openai/1e5\n", "openai/1e5")]
    [InlineData("      model: \"5\"\n", "5")]
    public void Values_pyyaml_reads_as_text_are_text(string modelLine, string model)
    {
        var result = Read("model_list:\n  - model_name: m\n    litellm_params:\n" + modelLine);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "wrong-type");
        Assert.Contains(result.Fragment.Components, c => c.Attributes["models"] is string[] models && models.Contains(model));
    }

    [Fact]
    public void Vertex_credentials_written_inline_as_a_mapping_are_accepted()
    {
        ReadClean("model_list:\n  - model_name: m\n    litellm_params:\n      model: vertex_ai/gemini-2.0-flash\n"
            + "      vertex_credentials:\n        type: service_account\n        project_id: acme\n");
    }

    [Fact]
    public void A_list_of_slack_webhooks_is_checked_for_literal_secrets_like_a_single_one()
    {
        var model = ReadClean(Model + "general_settings:\n  alerting: [slack]\n  alert_to_webhook_url:\n    budget_alerts:\n      - https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXX\n");
        var secret = Assert.Single(model.Secrets);
        Assert.Equal(("general_settings.alert_to_webhook_url.budget_alerts", 9), (secret.Key, secret.Location.Line));
    }
}
