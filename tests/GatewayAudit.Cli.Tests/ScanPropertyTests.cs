using CsCheck;

namespace GatewayAudit.Cli.Tests;

/// <summary>
/// The whole scan (readers, catalog, rule pack, renderers) on generated LiteLLM configs. The main property runs on
/// configs that are mostly valid, with a planted password in a random set of the slots a credential can take, and
/// checks the reports that were actually written; it counts how many inputs the scan accepted, so that a generator
/// drifting into inputs the scan refuses fails here instead of silently testing nothing.
/// </summary>
public sealed class ScanPropertyTests
{
    private const string Secret = "Plant3dPassw0rd";

    /// <summary>Every place a credential can be written in a LiteLLM config; each takes the planted password.</summary>
    public static readonly string[] Slots =
    [
        "api_key", "api_base_userinfo", "model_userinfo", "model_name_userinfo", "extra_headers", "master_key", "database_url",
        "redis_password", "redis_url", "cache_password", "environment_key", "environment_url", "guardrail_key", "callback_url",
        "alerting_url", "fallback_userinfo",
    ];

    private static readonly string[] Models =
    [
        "openai/gpt-4o", "anthropic/claude-sonnet-4-5", "openrouter/meta-llama/llama-3.3-70b-instruct", "bedrock/anthropic.claude-3-7-sonnet",
        "azure/gpt-4o-eu", "vertex_ai/claude-3-5-sonnet@20240620", "ollama/llama3", "groq/llama-3.1-8b-instant", "mistral/mistral-large-latest",
    ];

    private static readonly string[] Callbacks = ["langfuse", "s3", "otel", "datadog", "prometheus", "helicone"];

    private static readonly string[] Formats = ["md", "json", "html", "sarif", "csv", "annex"];

    /// <summary>A config: models, callbacks, which slots hold the password, whether to break it a little, report format.</summary>
    public sealed record Case(string[] Models, string[] Callbacks, bool[] Planted, int Corruption, string Format)
    {
        public bool Valid => Corruption == 0;

        public override string ToString() => $"{Format} corruption {Corruption} slots [{string.Join(", ", Slots.Where((_, i) => Planted[i]))}]\n{Yaml()}";

        private bool Has(string slot) => Planted[Array.IndexOf(Slots, slot)];

        public string Yaml()
        {
            var text = new System.Text.StringBuilder("model_list:\n");
            for (var i = 0; i < Models.Length; i++)
            {
                var name = i == 0 && Has("model_name_userinfo") ? $"gpt@ops:{Secret}" : $"m{i}";
                var model = i == 0 && Has("model_userinfo") ? $"{Models[i]}@alice:{Secret}" : Models[i];
                text.Append($"  - model_name: \"{name}\"\n    litellm_params:\n      model: \"{model}\"\n");
                text.Append(i == 0 && Has("api_key") ? $"      api_key: {Secret}\n" : "      api_key: os.environ/PROVIDER_KEY\n");
                if (i == 0 && Has("api_base_userinfo"))
                {
                    text.Append($"      api_base: https://bob:{Secret}@llm.example.com/v1\n");
                }

                if (i == 0 && Has("extra_headers"))
                {
                    text.Append($"      extra_headers: {{Authorization: \"Bearer {Secret}\"}}\n");
                }
            }

            text.Append("litellm_settings:\n");
            var callbacks = Callbacks.Select(c => $"\"{c}\"").ToList();
            if (Has("callback_url"))
            {
                callbacks.Add($"\"https://cb:{Secret}@otel.example.com/v1/traces\"");
            }

            text.Append($"  success_callback: [{string.Join(", ", callbacks)}]\n");
            if (Has("fallback_userinfo"))
            {
                text.Append($"  fallbacks: [{{\"m0\": [\"gpt@ops:{Secret}\"]}}]\n");
            }

            text.Append("  cache: true\n  cache_params:\n    type: redis\n    host: redis.internal\n");
            text.Append(Has("cache_password") ? $"    password: {Secret}\n" : "    password: os.environ/REDIS_PASSWORD\n");
            text.Append("router_settings:\n  routing_strategy: simple-shuffle\n");
            if (Has("redis_password"))
            {
                text.Append($"  redis_password: {Secret}\n");
            }

            if (Has("redis_url"))
            {
                text.Append($"  redis_url: redis://default:{Secret}@cache.example.com:6379\n");
            }

            text.Append("general_settings:\n");
            text.Append(Has("master_key") ? $"  master_key: sk-{Secret}\n" : "  master_key: os.environ/LITELLM_MASTER_KEY\n");
            text.Append(Has("database_url") ? $"  database_url: postgresql://litellm:{Secret}@db.example.com:5432/litellm\n" : "  database_url: os.environ/DATABASE_URL\n");
            if (Has("alerting_url"))
            {
                text.Append($"  alerting: [\"https://ops:{Secret}@alerts.example.com/notify\"]\n");
            }

            if (Has("guardrail_key"))
            {
                text.Append($"guardrails:\n  - guardrail_name: pii\n    litellm_params:\n      guardrail: presidio\n      mode: pre_call\n      api_key: {Secret}\n");
            }

            text.Append("environment_variables:\n  LITELLM_LOG: INFO\n");
            if (Has("environment_key"))
            {
                text.Append($"  OPENAI_API_KEY: {Secret}\n");
            }

            if (Has("environment_url"))
            {
                text.Append($"  LANGFUSE_HOST: https://lf:{Secret}@langfuse.example.com\n");
            }

            return Corrupt(text.ToString());
        }

        // A few inputs are broken the way real ones are; the scan may refuse those, but never crash or echo the secret.
        private string Corrupt(string yaml) => Corruption switch
        {
            1 => yaml.Replace("litellm_settings:\n", "litellm_settings: [oops]\nx:\n", StringComparison.Ordinal),
            2 => yaml.Replace("  - model_name:", "  -  model_name:", StringComparison.Ordinal) + "\tbad: tab\n",
            3 => yaml[..(yaml.Length * 2 / 3)],
            _ => yaml,
        };
    }

    private static readonly Gen<Case> Cases =
        Gen.Select(
            Gen.OneOf(Models).Array[1, 4],
            Gen.OneOf(Callbacks).Array[0, 3],
            Gen.Bool.Array[Slots.Length],
            Gen.Frequency((17, 0), (1, 1), (1, 2), (1, 3)),
            Gen.OneOf(Formats))
        .Select((models, callbacks, planted, corruption, format) => new Case(models, callbacks.Distinct().ToArray(), planted, corruption, format));

    /// <summary>Runs one case with --output; returns whether a report was written (exit 0 or 1).</summary>
    private static bool ScanWritesNoSecret(Case c)
    {
        using var dir = new TempDir();
        dir.Write("config.yaml", c.Yaml());
        var report = Path.Combine(dir.Path, "report.out");
        var run = CliRunner.Run(dir.Path, "scan", "config.yaml", "--format", c.Format, "--output", "report.out").AssertNoStackTrace();
        Assert.True(run.Exit is 0 or 1 or 2, $"exit {run.Exit}\n{run.Stderr}");
        Assert.DoesNotContain(Secret, run.Stdout + run.Stderr, StringComparison.Ordinal);
        if (run.Exit == 2)
        {
            Assert.False(File.Exists(report), "a refused scan wrote a report");
            return false;
        }

        var written = File.ReadAllText(report);
        Assert.True(written.Length > 100, $"{c.Format} report is nearly empty");
        Assert.DoesNotContain(Secret, written, StringComparison.Ordinal);
        return true;
    }

    [Fact]
    public void Mostly_valid_configs_are_accepted_and_no_written_report_holds_the_planted_password()
    {
        var (runs, accepted, valid) = (0, 0, 0);
        Cases.Sample(c =>
        {
            var wrote = ScanWritesNoSecret(c);
            runs++;
            accepted += wrote ? 1 : 0;
            valid += c.Valid ? 1 : 0;
            Assert.True(wrote || !c.Valid, "a valid config was refused");
        }, iter: 100, threads: 1, seed: "0N0XIzNsQ0O2");

        Assert.Equal(100, runs);
        Assert.True(accepted >= 75, $"only {accepted} of {runs} generated configs were accepted; the property barely ran");
        Assert.True(valid >= 75, $"only {valid} of {runs} generated configs were valid");
    }

    [Theory]
    [InlineData("md")]
    [InlineData("json")]
    [InlineData("html")]
    [InlineData("sarif")]
    [InlineData("csv")]
    [InlineData("annex")]
    public void A_valid_config_with_the_password_in_every_slot_is_accepted_and_never_prints_it(string format)
    {
        var everySlot = new Case([Models[0], Models[2]], Callbacks, Slots.Select(_ => true).ToArray(), 0, format);
        Assert.True(ScanWritesNoSecret(everySlot), "the config with every slot filled was refused");
    }

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

    private static readonly Gen<string> Shapeless =
        Gen.Select(Section, Gen.Select(Key, Value, Gen.Int[0, 2]).Array[0, 8], Gen.Bool).Array[1, 6].Select(sections =>
            string.Concat(sections.Select(s =>
                s.Item1 + ":\n" + string.Concat(s.Item2.Select(kv =>
                    (s.Item3 ? "  - " : "  ") + new string(' ', kv.Item3 * 2) + kv.Item1 + ": " + kv.Item2 + "\n")))));

    /// <summary>Keys and values thrown together in any shape: most are refused, none may crash or echo the password.</summary>
    [Fact]
    public void Shapeless_configs_never_fail_internally_nor_print_the_planted_password()
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "config.yaml");
        Shapeless.Sample(text =>
        {
            File.WriteAllText(path, text);
            var run = CliRunner.Run(dir.Path, "scan", "config.yaml", "--format", "json").AssertNoStackTrace();
            Assert.True(run.Exit is 0 or 2, $"exit {run.Exit} for:\n{text}\n{run.Stderr}");
            Assert.DoesNotContain(Secret, run.Stdout + run.Stderr, StringComparison.Ordinal);
        }, iter: 100, threads: 1);
    }
}
