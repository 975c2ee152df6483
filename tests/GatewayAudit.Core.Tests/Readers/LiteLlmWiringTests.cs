using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers.LiteLlm;
using static GatewayAudit.Core.Tests.ReaderHarness;

namespace GatewayAudit.Core.Tests.Readers;

/// <summary>The proxy itself, alerting, guardrails, fallbacks, YAML merges, x- blocks and the file's overall shape.</summary>
public sealed class LiteLlmWiringTests
{
    private const string Head = """
        model_list:
          - model_name: m
            litellm_params: {model: openai/gpt-4o}
        # settings under test start on line 5

        """;

    [Fact]
    public void Every_config_has_the_proxy_its_clients_and_its_host()
    {
        var model = ReadClean(Head);
        Assert.Equal((ComponentRole.Gateway, Hosting.OperatorHosted, "litellm"),
            (model.Get(LiteLlmConfigReader.GatewayId).Role, model.Get(LiteLlmConfigReader.GatewayId).Hosting, model.Get(LiteLlmConfigReader.GatewayId).Vendor));
        Assert.Equal("prompt,credentials", model.Flow(LiteLlmConfigReader.AppId, LiteLlmConfigReader.GatewayId).Categories());
        Assert.Equal("prompt,completion,metadata", model.Flow(LiteLlmConfigReader.GatewayId, LiteLlmConfigReader.HostId).Categories());
        Assert.Equal(Hosting.OperatorHosted, model.Get(LiteLlmConfigReader.HostId).Hosting);
        Assert.Equal("not-in-config", model.Get(LiteLlmConfigReader.GatewayId).Attributes["masterKey"]);
    }

    [Theory]
    [InlineData("sk-1234567890abcdef", "literal", "sk-****")]
    [InlineData("os.environ/LITELLM_MASTER_KEY", "reference", null)]
    public void Master_key_literal_is_a_secret_and_a_reference_is_not(string value, string kind, string? redacted)
    {
        var model = Read(Head + $"""
            general_settings:
              master_key: {value}
            """).Fragment;
        Assert.Equal(kind, model.Get(LiteLlmConfigReader.GatewayId).Attributes["masterKey"]);
        Assert.Equal(redacted, model.Secrets.SingleOrDefault()?.Redacted);
    }

    [Theory]
    [InlineData("slack", "alerting:slack", "slack", Hosting.ThirdParty)]
    [InlineData("email", "alerting:email", null, Hosting.Unknown)]
    [InlineData("pagerduty", "alerting:pagerduty", "pagerduty", Hosting.ThirdParty)]
    [InlineData("webhook", "alerting:webhook", null, Hosting.Unknown)]
    public void Alerting_targets_receive_metadata(string name, string id, string? vendor, Hosting hosting)
    {
        var model = ReadClean(Head + $"""
            general_settings:
              alerting: ["{name}"]
            """);
        var alert = model.Get(id);
        Assert.Equal((ComponentRole.Alerting, vendor, hosting), (alert.Role, alert.Vendor, alert.Hosting));
        Assert.Equal("metadata", model.Flow(LiteLlmConfigReader.GatewayId, id).Categories());
        Assert.Equal(new[] { $"{Cfg}:6" }, alert.Lines());
        Assert.Contains(model.OpenQuestions, q => q.Question.Contains("alert", StringComparison.Ordinal) && q.Evidence!.Line == 6);
    }

    [Fact]
    public void Literal_slack_webhook_url_is_a_secret()
    {
        var result = Read(Head + """
            general_settings:
              alerting: ["slack"]
              alert_to_webhook_url:
                llm_exceptions: https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXX
            """);
        Assert.Equal(8, Assert.Single(result.Fragment.Secrets).Location.Line);
        Assert.DoesNotContain("XXXXXXXXXXXXXXXX", result.Secrets.Scrub("https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXX"), StringComparison.Ordinal);
    }

    [Fact]
    public void Guardrails_receive_prompts_a_vendor_is_a_third_party_and_presidio_without_an_address_is_asked_about()
    {
        var result = Read(Head + """
            guardrails:
              - guardrail_name: pii
                litellm_params:
                  guardrail: presidio
                  mode: pre_call
              - guardrail_name: injection
                litellm_params:
                  guardrail: lakera
                  mode: during_call
                  api_key: lk-literal-key-123456
            """);
        var model = result.Fragment;
        Assert.Equal(Hosting.Unknown, model.Get("guardrail:presidio").Hosting);
        Assert.Contains(model.OpenQuestions, q => q.Subject.Contains("Presidio", StringComparison.Ordinal) && q.IsOpen(model));
        Assert.Equal((Hosting.ThirdParty, "lakera", ComponentRole.Guardrail), (model.Get("guardrail:lakera").Hosting, model.Get("guardrail:lakera").Vendor, model.Get("guardrail:lakera").Role));
        Assert.Equal("prompt,completion,metadata", model.Flow(LiteLlmConfigReader.GatewayId, "guardrail:lakera").Categories());
        Assert.Equal(("guardrails[1].litellm_params.api_key", 14), (model.Secrets.Single().Key, model.Secrets.Single().Location.Line));
    }

    [Fact]
    public void Guardrail_without_provider_is_an_error_with_line()
    {
        var result = Read(Head + """
            guardrails:
              - guardrail_name: pii
                litellm_params: {mode: pre_call}
            """);
        Assert.Equal(("litellm-guardrail", 7), (result.Diagnostics.Single().Code, result.Diagnostics.Single().Location.Line));
    }

    [Fact]
    public void Cross_provider_fallbacks_are_recorded()
    {
        var model = ReadClean("""
            model_list:
              - model_name: claude
                litellm_params: {model: anthropic/claude-sonnet-4-5}
              - model_name: gpt
                litellm_params: {model: openai/gpt-4o}
            router_settings:
              fallbacks:
                - claude: ["gpt"]
            """);
        var gateway = model.Get(LiteLlmConfigReader.GatewayId);
        Assert.Equal(new[] { "claude -> gpt" }, (string[])gateway.Attributes["fallbacks"]!);
        Assert.Equal(new[] { "claude (Anthropic) -> gpt (OpenAI)" }, (string[])gateway.Attributes["crossProviderFallbacks"]!);
    }

    [Fact]
    public void Merge_keys_and_anchors_are_resolved_and_evidence_points_at_the_anchor_for_shared_values()
    {
        var result = Read("""
            x-defaults: &defaults
              api_key: sk-proj-shared-literal-key-0001
              timeout: 60
            x-azure: &azure
              <<: *defaults
              api_base: https://acme.openai.azure.com/
            model_list:
              - model_name: a
                litellm_params:
                  <<: *azure
                  model: azure/gpt-4o
              - model_name: b
                litellm_params:
                  <<: [*azure, *defaults]
                  model: azure/gpt-4o-mini
            """);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        var azure = result.Fragment.Get("provider:azure-openai");
        Assert.Equal(new[] { "acme.openai.azure.com" }, (string[])azure.Attributes["apiHosts"]!);
        Assert.Equal(new[] { "azure/gpt-4o", "azure/gpt-4o-mini" }, (string[])azure.Attributes["models"]!);

        // The key is written once (line 2), so it is one secret, however many deployments share it.
        var secret = Assert.Single(result.Fragment.Secrets);
        Assert.Equal((2, "sk-proj-****"), (secret.Location.Line, secret.Redacted));
    }

    [Fact]
    public void X_blocks_are_not_unknown_sections_but_other_unknown_sections_are_warnings_and_questions()
    {
        var result = Read(Head + """
            x-anything: {a: 1}
            litellm_setings:
              cache: true
            """);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(("litellm-unknown-section", DiagnosticSeverity.Warning, 6), (warning.Code, warning.Severity, warning.Location.Line));
        Assert.Contains("did you mean 'litellm_settings'", warning.Message, StringComparison.Ordinal);
        Assert.Contains(result.Fragment.OpenQuestions, q => q.Question.Contains("'litellm_setings'", StringComparison.Ordinal) && q.Evidence!.Line == 6);
    }

    [Theory]
    [InlineData("model_list: {a: 1}", "'model_list' must be a list", 1)]
    [InlineData("model_list:\n  - just-a-string", "'model_list[0]' must be a mapping", 2)]
    [InlineData("model_list:\n  - model_name: m", "'model_list[0]' needs both model_name and litellm_params", 2)]
    [InlineData("model_list:\n  - model_name: m\n    litellm_params: {api_key: x}", "needs a 'model'", 3)]
    [InlineData("model_list: []\nlitellm_settings: [1, 2]", "'litellm_settings' must be a mapping", 2)]
    [InlineData("model_list: []\nlitellm_settings:\n  turn_off_message_logging: maybe", "'litellm_settings.turn_off_message_logging' must be true or false", 3)]
    [InlineData("model_list: []\ngeneral_settings:\n  database_url: [a, b]", "'general_settings.database_url' must be text (a postgresql:// URL, or os.environ/NAME), not a list", 3)]
    [InlineData("model_list: []\ninclude: {file: other.yaml}", "'include' must be a file name or a list of file names, not a mapping", 2)]
    [InlineData("- a\n- b", "must be a mapping of sections", 1)]
    public void Wrong_types_are_errors_naming_the_key_and_line(string yaml, string message, int line)
    {
        var result = Read(yaml);
        var error = result.Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal((Cfg, line), (error.Location.File, error.Location.Line));
    }

    [Fact]
    public void Errors_never_quote_the_value_they_complain_about()
    {
        var result = Read("model_list: []\nlitellm_settings:\n  turn_off_message_logging: hunter2-password-value");
        Assert.DoesNotContain(result.Diagnostics, d => d.Message.Contains("hunter2", StringComparison.Ordinal));
    }

    [Fact]
    public void Empty_document_is_an_error()
    {
        var result = Read("# only a comment\n");
        Assert.Equal("litellm-shape", Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void No_model_list_is_an_open_question_about_models_in_the_database()
    {
        var model = ReadClean("general_settings:\n  store_model_in_db: true\n");
        Assert.Contains(model.OpenQuestions, q => q.Subject == "Model providers");
    }

    [Fact]
    public void Secret_inside_environment_variables_is_found_and_redacted()
    {
        var result = Read(Head + """
            environment_variables:
              ANTHROPIC_API_KEY: sk-ant-api03-abcdefghijklmnop
              REDIS_URL: rediss://default:envredispass@cache.example.com:6380
              LANGFUSE_HOST: https://cloud.langfuse.com
            """);
        Assert.Equal(new[] { (6, "sk-ant-****"), (7, "rediss://default:****@cache.example.com:6380") },
            result.Fragment.Secrets.Select(s => (s.Location.Line, s.Redacted)).Order());
    }

    [Fact]
    public void Secrets_in_sections_the_reader_does_not_interpret_are_still_found()
    {
        var result = Read(Head + """
            litellm_settings:
              s3_callback_params:
                s3_aws_secret_access_key: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
            finetune_settings:
              - custom_llm_provider: openai
                api_key: sk-finetune-literal-000111
            """);
        Assert.Equal(new[] { 7, 10 }, result.Fragment.Secrets.Select(s => s.Location.Line).Order());
    }

    [Theory]
    [InlineData("os.environ/OPENAI_API_KEY")]
    [InlineData("\"os.environ/OPENAI_API_KEY\"")]
    [InlineData("${OPENAI_API_KEY}")]
    [InlineData("${N8N_LITELLM_IMAGE_API_KEY:-${LITELLM_MASTER_KEY}}")]
    [InlineData("\"{{ .Values.openaiKey }}\"")]
    [InlineData("/var/secrets/vertex-sa.json")]
    [InlineData("\"\"")]
    [InlineData("null")]
    public void References_placeholders_and_file_paths_are_not_literal_secrets(string value)
    {
        var result = Read($"model_list:\n  - model_name: m\n    litellm_params:\n      model: openai/gpt-4o\n      api_key: {value}\n");
        Assert.Empty(result.Fragment.Secrets);
    }

    [Fact]
    public void Credential_shaped_values_under_any_key_are_secrets()
    {
        var result = Read("""
            model_list:
              - model_name: m
                litellm_params:
                  model: anthropic/claude-sonnet-4-5
                  extra_headers:
                    x-api-key: sk-ant-api03-HeaderLiteralKey0001
                    Authorization: "Bearer sk-or-v1-0123456789abcdef0123456789"
                  api_base: "https://proxy.example.com/v1?token=sk-proj-QueryStringKey1234567890"
                  aws_access_key_id: AKIAABCDEFGHIJKLMNOP
            """);
        Assert.Equal(new[] { 6, 7, 8, 9 }, result.Fragment.Secrets.Select(s => s.Location.Line).Order());
        foreach (var raw in new[] { "sk-ant-api03-HeaderLiteralKey0001", "sk-or-v1-0123456789abcdef0123456789", "sk-proj-QueryStringKey1234567890", "AKIAABCDEFGHIJKLMNOP" })
        {
            Assert.DoesNotContain(raw, result.Secrets.Scrub($"x {raw} y"), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("xoxb-1234567890", true)] // the shortest text a credential shape takes (15 letters)
    [InlineData("xoxb-123456789", false)] // one letter short of it
    [InlineData("redis://user:hunter2-rotated@cache:6379", true)]
    [InlineData("redis://cache:6379/user:hunter2-rotated", false)] // no user info without an '@'
    public void A_credential_shape_or_url_password_under_any_key_is_a_secret_from_its_shortest_form(string value, bool secret)
    {
        var result = Read($"model_list:\n  - model_name: m\n    litellm_params:\n      model: openai/gpt-4o\n      description: \"{value}\"\n");
        Assert.Equal(secret, result.Fragment.Secrets.Count == 1);
    }

    [Theory]
    [InlineData("sk-short")]
    [InlineData("task-scheduler-settings-for-the-proxy")]
    [InlineData("https://api.openai.com/v1")]
    public void Ordinary_values_are_not_mistaken_for_secrets(string value)
    {
        var result = Read($"model_list:\n  - model_name: m\n    litellm_params:\n      model: openai/gpt-4o\n      description: \"{value}\"\n");
        Assert.Empty(result.Fragment.Secrets);
    }

    [Fact]
    public void Auth_scheme_in_front_of_an_env_reference_is_still_a_reference()
    {
        var result = Read(Head + """
            general_settings:
              pass_through_endpoints:
                - path: /v1/rerank
                  target: https://api.cohere.com/v1/rerank
                  headers: {Authorization: "bearer os.environ/COHERE_API_KEY"}
            """);
        Assert.Empty(result.Fragment.Secrets);
        Assert.Equal("prompt,completion,metadata,credentials", result.Fragment.Flow(LiteLlmConfigReader.GatewayId, "provider:host:api.cohere.com").Categories());
    }

    [Fact]
    public void Bedrock_guardrail_is_amazon_bedrock_not_an_unknown_service()
    {
        var model = ReadClean(Head + """
            guardrails:
              - guardrail_name: pii
                litellm_params: {guardrail: bedrock, mode: pre_call, guardrailIdentifier: abc}
            """);
        var guard = model.Get("guardrail:bedrock");
        Assert.Equal(("aws-bedrock", Hosting.ThirdParty), (guard.Vendor, guard.Hosting));
        Assert.DoesNotContain(model.OpenQuestions, q => q.Subject == guard.Name);
    }

    [Theory]
    [InlineData("litellm_settings", "turn_off_message_loging: true", "turn_off_message_logging")]
    [InlineData("litellm_settings", "sucess_callback: [langfuse]", "success_callback")]
    [InlineData("general_settings", "store_prompts_in_spend_log: false", "store_prompts_in_spend_logs")]
    [InlineData("general_settings", "databse_url: os.environ/DB", "database_url")]
    [InlineData("router_settings", "redis_hots: redis", "redis_host")]
    [InlineData("router_settings", "redis_hort: redis", "redis_host")] // as near to redis_port: the first in order
    [InlineData("litellm_settings", "fallbackz: []", "fallbacks")] // callbacks is two edits away, fallbacks one
    public void Near_miss_setting_names_warn_with_the_setting_meant(string section, string setting, string meant)
    {
        var result = Read(Head + $"{section}:\n  {setting}\n");
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(("litellm-unknown-key", DiagnosticSeverity.Warning, 6), (warning.Code, warning.Severity, warning.Location.Line));
        Assert.Contains($"did you mean '{meant}'", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_bounded_edit_distance_is_exact_within_its_bound_and_past_it_says_so()
    {
        // Every known setting against near and far keys: the bounded distance is the full one where that is at most
        // two, and three (past the bound) wherever the full one is larger.
        string[] keys = ["turn_off_message_loging", "fallbackz", "redis_hort", "num_retries", "x", "", "success_callback", "callbacks_", "cache_parms"];
        foreach (var known in new[] { "turn_off_message_logging", "fallbacks", "callbacks", "redis_port", "redis_host", "cache_params", "success_callback" })
        {
            foreach (var key in keys)
            {
                var full = FullEditDistance(known, key);
                Assert.Equal(Math.Min(full, 3), GeneralWiringSection.EditDistance(known, key, 2));
            }
        }
    }

    // The whole table, as a check on the bounded one.
    private static int FullEditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                d[i, j] = Math.Min(Math.Min(d[i - 1, j], d[i, j - 1]) + 1, d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
        }

        return d[a.Length, b.Length];
    }

    [Theory]
    [InlineData("litellm_settings", "drop_params: true")]
    [InlineData("litellm_settings", "num_retries: 3")]
    [InlineData("general_settings", "disable_error_logs: true")]
    [InlineData("general_settings", "alerting_threshold: 300")]
    [InlineData("general_settings", "maximum_spend_logs_retention_interval: 1d")]
    [InlineData("router_settings", "routing_strategy_args: {ttl: 10}")]
    [InlineData("router_settings", "redis_db: 0")]
    public void Other_litellm_settings_are_not_flagged(string section, string setting)
    {
        Assert.Empty(Read(Head + $"{section}:\n  {setting}\n").Diagnostics);
    }
}
