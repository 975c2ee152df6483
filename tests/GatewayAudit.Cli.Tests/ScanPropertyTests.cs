using CsCheck;

namespace GatewayAudit.Cli.Tests;

/// <summary>The whole scan (readers, catalog, rule pack, renderers) on generated LiteLLM-shaped configs: never an internal error.</summary>
public sealed class ScanPropertyTests
{
    private static readonly Gen<string> Value = Gen.OneOf(
        "openai/gpt-4o", "openrouter/meta-llama/llama-3", "openrouter/auto", "anthropic/claude-x", "gpt-4o", "os.environ/X", "true", "false",
        "600", "-5", "1e400", "30d", "forever", "redis", "redis-semantic", "s3", "qdrant-semantic", "langfuse", "otel", "x.y", "slack",
        "http://10.0.0.1/v1", "https://api.groq.com/v1", "", "~", "[]", "{}", "[langfuse, s3]", "{message_logging: false}", "[slack, email]",
        "postgres://u:Plant3dPassw0rd@db.example.com/x", "[{a: [b]}]", "{zdr: true, order: [x]}", "{guardrail: bedrock}", "'quoted: value'");

    private static readonly Gen<string> Key = Gen.OneOf(
        "model_name", "litellm_params", "model", "api_base", "api_key", "success_callback", "failure_callback", "callbacks", "cache",
        "cache_params", "type", "ttl", "host", "database_url", "store_prompts_in_spend_logs", "disable_spend_logs",
        "maximum_spend_logs_retention_period", "alerting", "alert_types", "redis_host", "redis_url", "redis_password",
        "turn_off_message_logging", "default_team_settings", "guardrails", "fallbacks", "provider", "extra_body", "master_key", "otel",
        "langfuse", "LANGFUSE_HOST", "key_management_system", "pass_through_endpoints", "target", "store_model_in_db");

    private static readonly Gen<string> Section = Gen.OneOf(
        "model_list", "litellm_settings", "general_settings", "router_settings", "environment_variables", "callback_settings", "guardrails", "x-a");

    private static readonly Gen<string> Config =
        Gen.Select(Section, Gen.Select(Key, Value, Gen.Int[0, 2]).Array[0, 8], Gen.Bool).Array[1, 6].Select(sections =>
            string.Concat(sections.Select(s =>
                s.Item1 + ":\n" + string.Concat(s.Item2.Select(kv =>
                    (s.Item3 ? "  - " : "  ") + new string(' ', kv.Item3 * 2) + kv.Item1 + ": " + kv.Item2 + "\n")))));

    [Fact]
    public void Scan_never_fails_internally_and_never_prints_the_planted_password()
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "config.yaml");
        Config.Sample(text =>
        {
            File.WriteAllText(path, text);
            var run = CliRunner.Run(dir.Path, "scan", "config.yaml", "--format", "json").AssertNoStackTrace();
            Assert.True(run.Exit is 0 or 2, $"exit {run.Exit} for:\n{text}\n{run.Stderr}");
            Assert.DoesNotContain("Plant3dPassw0rd", run.Stdout + run.Stderr, StringComparison.Ordinal);
        }, iter: 100, threads: 1);
    }
}
