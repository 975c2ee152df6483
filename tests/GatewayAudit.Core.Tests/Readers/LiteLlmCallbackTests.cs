using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers.LiteLlm;
using static GatewayAudit.Core.Tests.ReaderHarness;

namespace GatewayAudit.Core.Tests.Readers;

/// <summary>Logging callbacks: who receives what, and which settings take the prompts out.</summary>
public sealed class LiteLlmCallbackTests
{
    private const string Messages = "prompt,completion,metadata,usage";
    private const string MetadataOnly = "metadata,usage";

    private static string Config(string settings) => $"""
        model_list:
          - model_name: m
            litellm_params: {"{"}model: openai/gpt-4o{"}"}
        litellm_settings:
        {settings}
        """;

    // callback name, setting key, expected id, role, hosting, vendor, categories
    public static TheoryData<string, string, string, ComponentRole, Hosting, string?, string> Callbacks() => new()
    {
        { "langfuse", "success_callback", "exporter:langfuse", ComponentRole.Exporter, Hosting.ThirdParty, "langfuse", Messages },
        { "langfuse_otel", "callbacks", "exporter:langfuse", ComponentRole.Exporter, Hosting.ThirdParty, "langfuse", Messages },
        { "langsmith", "success_callback", "exporter:langsmith", ComponentRole.Exporter, Hosting.ThirdParty, "langsmith", Messages },
        { "datadog", "callbacks", "exporter:datadog", ComponentRole.Exporter, Hosting.ThirdParty, "datadog", Messages },
        // A failure callback gets failed requests: the prompt and metadata with the error, never a completion or usage.
        { "sentry", "failure_callback", "exporter:sentry", ComponentRole.Exporter, Hosting.ThirdParty, "sentry", "prompt,metadata" },
        { "langfuse", "failure_callback", "exporter:langfuse", ComponentRole.Exporter, Hosting.ThirdParty, "langfuse", "prompt,metadata" },
        { "prometheus", "failure_callback", "exporter:prometheus", ComponentRole.Exporter, Hosting.OperatorHosted, null, "metadata" },
        { "s3", "success_callback", "exporter:aws-s3", ComponentRole.Exporter, Hosting.ThirdParty, "aws-s3", Messages },
        { "gcs_bucket", "success_callback", "exporter:google-cloud-storage", ComponentRole.Exporter, Hosting.ThirdParty, "google-cloud-storage", Messages },
        { "azure_storage", "success_callback", "exporter:azure-blob-storage", ComponentRole.Exporter, Hosting.ThirdParty, "azure-blob-storage", Messages },
        { "helicone", "success_callback", "exporter:helicone", ComponentRole.Exporter, Hosting.ThirdParty, "helicone", Messages },
        { "otel", "callbacks", "exporter:otel", ComponentRole.Exporter, Hosting.Unknown, null, Messages },
        { "generic_api", "callbacks", "exporter:generic_api", ComponentRole.Exporter, Hosting.Unknown, null, Messages },
        { "arize_phoenix", "callbacks", "exporter:arize", ComponentRole.Exporter, Hosting.Unknown, "arize", Messages },
        { "prometheus", "callbacks", "exporter:prometheus", ComponentRole.Exporter, Hosting.OperatorHosted, null, MetadataOnly },
        { "openmeter", "callbacks", "exporter:openmeter", ComponentRole.Exporter, Hosting.ThirdParty, "openmeter", MetadataOnly },
        { "slack", "callbacks", "alerting:slack", ComponentRole.Alerting, Hosting.ThirdParty, "slack", MetadataOnly },
        { "pagerduty", "callbacks", "alerting:pagerduty", ComponentRole.Alerting, Hosting.ThirdParty, "pagerduty", MetadataOnly },
        { "smtp_email", "callbacks", "alerting:smtp_email", ComponentRole.Alerting, Hosting.Unknown, null, MetadataOnly },
        // A custom callback (module.instance) is the operator's code in the proxy: it receives the prompts, and where
        // it sends them is an open question.
        { "custom_callbacks.proxy_handler_instance", "callbacks", "operator-code:custom_callbacks.proxy_handler_instance", ComponentRole.OperatorCode, Hosting.OperatorHosted, null, Messages },
        { "literalai", "callbacks", "exporter:literal-ai", ComponentRole.Exporter, Hosting.ThirdParty, "literal-ai", Messages },
        { "deepeval", "callbacks", "exporter:confident-ai", ComponentRole.Exporter, Hosting.ThirdParty, "confident-ai", Messages },
        { "opentelemetry", "callbacks", "exporter:opentelemetry", ComponentRole.Exporter, Hosting.Unknown, null, Messages },
        { "cloudzero", "callbacks", "exporter:cloudzero", ComponentRole.Exporter, Hosting.ThirdParty, "cloudzero", MetadataOnly },
        { "bedrock_vector_store", "callbacks", "exporter:aws-bedrock", ComponentRole.Datastore, Hosting.ThirdParty, "aws-bedrock", Messages },
    };

    [Theory]
    [MemberData(nameof(Callbacks))]
    public void Callback_becomes_a_component_receiving_what_litellm_sends_it(string name, string key, string id, ComponentRole role, Hosting hosting, string? vendor, string categories)
    {
        var model = ReadClean(Config($"  {key}: [\"{name}\"]"));
        var component = model.Get(id);
        Assert.Equal((role, hosting, vendor), (component.Role, component.Hosting, component.Vendor));
        Assert.Equal(new[] { $"{Cfg}:5" }, component.Lines());
        var flow = model.Flow(LiteLlmConfigReader.GatewayId, id);
        Assert.Equal(categories, flow.Categories());
        Assert.Equal(new[] { key }, (string[])flow.Attributes["settings"]!);
    }

    [Fact]
    public void All_three_callback_lists_are_read_and_merge_per_destination()
    {
        var model = ReadClean(Config("""
              success_callback: ["langfuse"]
              failure_callback: ["langfuse", "sentry"]
              callbacks: ["datadog"]
            """));
        Assert.Equal(new[] { "failure_callback", "success_callback" }, (string[])model.Flow(LiteLlmConfigReader.GatewayId, "exporter:langfuse").Attributes["settings"]!);
        Assert.Equal(new[] { $"{Cfg}:5", $"{Cfg}:6" }, model.Get("exporter:langfuse").Lines());
        Assert.NotNull(model.Find("exporter:sentry"));
        Assert.NotNull(model.Find("exporter:datadog"));
    }

    [Fact]
    public void A_failure_only_callback_receives_no_completions_and_says_why_but_one_in_both_lists_receives_both()
    {
        var model = ReadClean(Config("""
              success_callback: ["langfuse"]
              failure_callback: ["langfuse", "sentry"]
            """));
        Assert.Equal("prompt,metadata", model.Flow(LiteLlmConfigReader.GatewayId, "exporter:sentry").Categories());
        Assert.Contains(model.Get("exporter:sentry").Notes, n => n.StartsWith("Named only in failure_callback", StringComparison.Ordinal));
        Assert.Equal(Messages, model.Flow(LiteLlmConfigReader.GatewayId, "exporter:langfuse").Categories());
        Assert.DoesNotContain(model.Get("exporter:langfuse").Notes, n => n.Contains("failure_callback", StringComparison.Ordinal));
    }

    [Fact]
    public void Turn_off_message_logging_leaves_a_failure_callback_only_metadata()
    {
        var model = ReadClean(Config("""
              turn_off_message_logging: true
              failure_callback: ["sentry"]
            """));
        Assert.Equal("metadata", model.Flow(LiteLlmConfigReader.GatewayId, "exporter:sentry").Categories());
    }

    [Fact]
    public void A_team_failure_callback_is_a_failure_callback_too()
    {
        var model = ReadClean(Config("""
              default_team_settings:
                - team_id: t1
                  failure_callback: ["sentry"]
            """));
        Assert.Equal("prompt,metadata", model.Flow(LiteLlmConfigReader.GatewayId, "exporter:sentry").Categories());
    }

    [Fact]
    public void A_single_name_instead_of_a_list_is_read()
    {
        var model = ReadClean(Config("  success_callback: langfuse"));
        Assert.NotNull(model.Find("exporter:langfuse"));
    }

    [Fact]
    public void Turn_off_message_logging_leaves_only_metadata_on_logging_flows()
    {
        var model = ReadClean(Config("""
              turn_off_message_logging: true
              success_callback: ["langfuse", "s3"]
            """));
        foreach (var id in new[] { "exporter:langfuse", "exporter:aws-s3" })
        {
            var flow = model.Flow(LiteLlmConfigReader.GatewayId, id);
            Assert.Equal(MetadataOnly, flow.Categories());
            Assert.Equal(false, flow.Attributes["messageLogging"]);
        }

        Assert.Equal(true, model.Get(LiteLlmConfigReader.GatewayId).Attributes["turnOffMessageLogging"]);
    }

    [Fact]
    public void Per_callback_message_logging_overrides_the_global_setting_both_ways()
    {
        var model = ReadClean("""
            model_list:
              - model_name: m
                litellm_params: {model: openai/gpt-4o}
            litellm_settings:
              turn_off_message_logging: true
              callbacks: ["otel", "langfuse", "datadog"]
            callback_settings:
              otel:
                message_logging: false
              langfuse:
                message_logging: true
            """);
        Assert.Equal(MetadataOnly, model.Flow(LiteLlmConfigReader.GatewayId, "exporter:otel").Categories());
        Assert.Equal(Messages, model.Flow(LiteLlmConfigReader.GatewayId, "exporter:langfuse").Categories());
        Assert.Equal(MetadataOnly, model.Flow(LiteLlmConfigReader.GatewayId, "exporter:datadog").Categories());
    }

    [Fact]
    public void Callback_settings_can_turn_messages_off_for_one_callback_only()
    {
        var model = ReadClean("""
            model_list:
              - model_name: m
                litellm_params: {model: openai/gpt-4o}
            litellm_settings:
              callbacks: ["otel", "langfuse"]
            callback_settings:
              otel: {message_logging: false}
            """);
        Assert.Equal(MetadataOnly, model.Flow(LiteLlmConfigReader.GatewayId, "exporter:otel").Categories());
        Assert.Equal(Messages, model.Flow(LiteLlmConfigReader.GatewayId, "exporter:langfuse").Categories());
    }

    [Fact]
    public void Unknown_callback_is_listed_as_receiving_prompts_with_a_warning_on_its_line()
    {
        var result = Read(Config("  success_callback: [\"acme_logger\"]"));
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(("litellm-unknown-callback", 5), (warning.Code, warning.Location.Line));
        Assert.Equal(Hosting.Unknown, result.Fragment.Get("exporter:acme_logger").Hosting);
        Assert.Equal(Messages, result.Fragment.Flow(LiteLlmConfigReader.GatewayId, "exporter:acme_logger").Categories());
        Assert.Contains(result.Fragment.OpenQuestions, q => q.Subject.Contains("acme_logger", StringComparison.Ordinal));
    }

    [Fact]
    public void Custom_callback_is_operator_code_with_a_question_about_where_it_sends_data_and_no_unidentified_party()
    {
        var result = Read(Config("  callbacks: [\"hooks.audit_logger\"]"));
        Assert.Empty(result.Diagnostics);
        var code = result.Fragment.Get("operator-code:hooks.audit_logger");
        Assert.Equal((ComponentRole.OperatorCode, Hosting.OperatorHosted), (code.Role, code.Hosting));
        Assert.Contains(result.Fragment.OpenQuestions, q => q.Subject == code.Name && q.Question.StartsWith("Where does this code send", StringComparison.Ordinal));
        Assert.DoesNotContain(Scan(Config("  callbacks: [\"hooks.audit_logger\"]")).Findings, f => f.RuleId == "prompts-reach-unidentified-party");
    }

    // Every name LiteLLM's registry and string callbacks accept (custom_logger_registry.py, litellm/__init__.py
    // _custom_logger_compatible_callbacks_literal, callback_utils.py) is mapped: a party, in-process, or a guardrail.
    [Theory]
    [InlineData("lago")]
    [InlineData("openmeter")]
    [InlineData("logfire")]
    [InlineData("literalai")]
    [InlineData("dynamic_rate_limiter")]
    [InlineData("dynamic_rate_limiter_v3")]
    [InlineData("langsmith")]
    [InlineData("prometheus")]
    [InlineData("otel")]
    [InlineData("opentelemetry")]
    [InlineData("datadog")]
    [InlineData("datadog_llm_observability")]
    [InlineData("galileo")]
    [InlineData("braintrust")]
    [InlineData("arize")]
    [InlineData("arize_phoenix")]
    [InlineData("langtrace")]
    [InlineData("gcs_bucket")]
    [InlineData("azure_storage")]
    [InlineData("opik")]
    [InlineData("argilla")]
    [InlineData("mlflow")]
    [InlineData("langfuse")]
    [InlineData("langfuse_otel")]
    [InlineData("pagerduty")]
    [InlineData("humanloop")]
    [InlineData("gcs_pubsub")]
    [InlineData("agentops")]
    [InlineData("anthropic_cache_control_hook")]
    [InlineData("bedrock_vector_store")]
    [InlineData("generic_api")]
    [InlineData("resend_email")]
    [InlineData("smtp_email")]
    [InlineData("deepeval")]
    [InlineData("s3_v2")]
    [InlineData("aws_sqs")]
    [InlineData("vector_store_pre_call_hook")]
    [InlineData("dotprompt")]
    [InlineData("bitbucket")]
    [InlineData("cloudzero")]
    [InlineData("posthog")]
    [InlineData("sentry")]
    [InlineData("slack")]
    [InlineData("traceloop")]
    [InlineData("athina")]
    [InlineData("helicone")]
    [InlineData("lunary")]
    [InlineData("promptlayer")]
    [InlineData("dynamodb")]
    [InlineData("s3")]
    [InlineData("wandb")]
    [InlineData("supabase")]
    [InlineData("greenscale")]
    [InlineData("presidio")]
    [InlineData("detect_prompt_injection")]
    [InlineData("hide_secrets")]
    [InlineData("llamaguard_moderations")]
    [InlineData("lakera_prompt_injection")]
    [InlineData("google_text_moderation")]
    [InlineData("azure_content_safety")]
    public void Every_callback_name_litellm_accepts_is_mapped(string name)
    {
        var mapped = LiteLlmCallbacks.ByName.ContainsKey(name) || LiteLlmCallbacks.InProcess.ContainsKey(name) || LiteLlmGuardrails.CallbackNames.Contains(name);
        Assert.True(mapped, $"callback '{name}' is not in LiteLlmCallbacks or LiteLlmGuardrails");
        Assert.DoesNotContain(Read(Config($"  callbacks: [\"{name}\"]")).Diagnostics, d => d.Code == "litellm-unknown-callback");
    }

    [Theory]
    [InlineData("anthropic_cache_control_hook")]
    [InlineData("dynamic_rate_limiter")]
    [InlineData("detect_prompt_injection")]
    [InlineData("hide_secrets")]
    public void In_process_callbacks_are_no_party_but_a_note_on_the_proxy(string name)
    {
        var model = ReadClean(Config($"  callbacks: [\"{name}\"]"));
        Assert.DoesNotContain(model.Components, c => c.Id.Contains(name, StringComparison.Ordinal));
        Assert.Contains(name, (string[])model.Get(LiteLlmConfigReader.GatewayId).Attributes["inProcessHooks"]!);
        Assert.Contains($"{Cfg}:5", model.Get(LiteLlmConfigReader.GatewayId).Lines());
        Assert.DoesNotContain(Scan(Config($"  callbacks: [\"{name}\"]")).Findings, f => f.RuleId == "prompts-reach-unidentified-party");
    }

    [Fact]
    public void Langfuse_without_a_host_anywhere_is_langfuse_cloud_eu_by_litellm_default_and_otel_is_us()
    {
        var model = ReadClean(Config("  success_callback: [\"langfuse\"]"), enrich: true);
        var langfuse = model.Get("exporter:langfuse");
        Assert.Equal(("cloud.langfuse.com", "EU", Hosting.ThirdParty), (langfuse.Attributes["host"], langfuse.Region?.Value, langfuse.Hosting));
        Assert.Contains(langfuse.Notes, n => n.Contains("litellm/integrations/langfuse/langfuse.py", StringComparison.Ordinal));

        var otel = ReadClean(Config("  callbacks: [\"langfuse_otel\"]"), enrich: true).Get("exporter:langfuse");
        Assert.Equal(("us.cloud.langfuse.com", "US"), (otel.Attributes["host"], otel.Region?.Value));
    }

    [Fact]
    public void A_connection_url_pasted_as_a_callback_name_never_carries_its_password_into_ids_or_names()
    {
        // Found by the property test (seed 0VbQmBV3QQs2): the URL became an operator-code id with the password in it.
        var result = Read("litellm_settings:\n  callbacks: postgres://u:Plant3dPassw0rd@db.example.com/x\n");
        Assert.DoesNotContain(result.Fragment.Components, c => c.Id.Contains("Plant3dPassw0rd", StringComparison.Ordinal) || c.Name.Contains("Plant3dPassw0rd", StringComparison.Ordinal));
        Assert.Contains(result.Fragment.Secrets, s => s.Redacted == "postgres://u:****@db.example.com/x");
    }

    [Fact]
    public void A_self_hosted_callback_in_success_and_failure_lists_is_named_once()
    {
        var model = ReadClean("""
            environment_variables:
              LANGFUSE_HOST: http://langfuse-web:3000
            litellm_settings:
              success_callback: ["langfuse"]
              failure_callback: ["langfuse"]
            """);
        Assert.Equal("Langfuse (self-hosted at langfuse-web)", model.Get("exporter:langfuse").Name);
    }

    [Fact]
    public void Langfuse_otel_host_wins_over_langfuse_host()
    {
        var model = ReadClean("""
            environment_variables:
              LANGFUSE_HOST: https://us.cloud.langfuse.com
              LANGFUSE_OTEL_HOST: http://langfuse-web:3000
            model_list:
              - model_name: m
                litellm_params: {model: openai/gpt-4o}
            litellm_settings:
              callbacks: ["langfuse_otel"]
            """);
        var langfuse = model.Get("exporter:langfuse");
        Assert.Equal((Hosting.OperatorHosted, "langfuse-web"), (langfuse.Hosting, langfuse.Attributes["host"]));
        Assert.Contains($"{Cfg}:3", langfuse.Lines());
    }

    [Fact]
    public void Service_callbacks_carry_metadata_only()
    {
        var model = ReadClean(Config("  service_callback: [\"datadog\"]"));
        Assert.Equal(MetadataOnly, model.Flow(LiteLlmConfigReader.GatewayId, "exporter:datadog").Categories());
    }

    [Fact]
    public void Default_team_settings_add_team_callbacks_and_their_literal_keys_are_secrets()
    {
        var result = Read("""
            model_list:
              - model_name: m
                litellm_params: {model: openai/gpt-4o}
            litellm_settings:
              default_team_settings:
                - team_id: claims
                  success_callback: ["langfuse"]
                  langfuse_public_key: pk-lf-public-is-not-secret
                  langfuse_secret: sk-lf-0123456789abcdef
            """);
        var flow = result.Fragment.Flow(LiteLlmConfigReader.GatewayId, "exporter:langfuse");
        Assert.Equal(new[] { "default_team_settings[claims].success_callback" }, (string[])flow.Attributes["settings"]!);
        Assert.Equal(Messages, flow.Categories());
        var secret = Assert.Single(result.Fragment.Secrets);
        Assert.Equal((9, "sk-lf-****"), (secret.Location.Line, secret.Redacted));
        Assert.Contains("default_team_settings[0].langfuse_secret", secret.Key, StringComparison.Ordinal);
    }

    [Fact]
    public void S3_callback_params_give_bucket_and_region_and_a_custom_endpoint_means_not_aws()
    {
        var aws = ReadClean(Config("""
              success_callback: ["s3"]
              s3_callback_params:
                s3_bucket_name: acme-logs
                s3_region_name: eu-west-1
            """));
        var bucket = aws.Get("exporter:aws-s3");
        Assert.Equal(("acme-logs", "eu-west-1", "aws-s3"), (bucket.Attributes["bucket"], bucket.Region!.Value, bucket.Vendor));

        var minio = ReadClean(Config("""
              success_callback: ["s3"]
              s3_callback_params:
                s3_bucket_name: logs
                s3_endpoint_url: http://minio:9000
            """));
        var local = minio.Get("exporter:aws-s3");
        Assert.Null(local.Vendor);
        Assert.Equal(Hosting.OperatorHosted, local.Hosting);
        Assert.Contains("minio", local.Name, StringComparison.Ordinal);
    }

    [Fact]
    public void Callback_list_with_a_mapping_item_is_an_error_naming_the_key_and_line()
    {
        var result = Read(Config("""
              success_callback:
                - langfuse
                - {name: datadog}
            """));
        var error = Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(("wrong-type", 7), (error.Code, error.Location.Line));
        Assert.Contains("litellm_settings.success_callback", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("langfuse", "LANGFUSE_HOST", "http://langfuse.observability.svc.cluster.local:3000", "exporter:langfuse", Hosting.OperatorHosted, null)]
    [InlineData("langfuse", "LANGFUSE_HOST", "https://cloud.langfuse.com", "exporter:langfuse", Hosting.ThirdParty, "EU")]
    [InlineData("langfuse", "LANGFUSE_HOST", "https://us.cloud.langfuse.com", "exporter:langfuse", Hosting.ThirdParty, "US")]
    [InlineData("langfuse", "LANGFUSE_HOST", "https://langfuse.acme.example", "exporter:langfuse", Hosting.Unknown, null)]
    [InlineData("otel", "OTEL_ENDPOINT", "http://otel-collector:4317", "exporter:otel", Hosting.OperatorHosted, null)]
    [InlineData("datadog", "DD_SITE", "datadoghq.eu", "exporter:datadog", Hosting.ThirdParty, "EU")]
    public void Endpoint_in_environment_variables_decides_who_runs_the_exporter(string callback, string variable, string value, string id, Hosting hosting, string? region)
    {
        var model = ReadClean($"""
            environment_variables:
              {variable}: {value}
            model_list:
              - model_name: m
                litellm_params: {"{"}model: openai/gpt-4o{"}"}
            litellm_settings:
              callbacks: ["{callback}"]
            """, enrich: true);
        var exporter = model.Get(id);
        Assert.Equal(hosting, exporter.Hosting);
        Assert.Equal(region, exporter.Region?.Value);
        Assert.Contains($"{Cfg}:2", exporter.Lines());
        Assert.DoesNotContain(model.OpenQuestions, q => q.IsOpen(model) && q.Question.StartsWith("Who runs the endpoint", StringComparison.Ordinal));
    }

    [Fact]
    public void Endpoint_from_an_unresolved_reference_changes_nothing()
    {
        var model = ReadClean("""
            environment_variables:
              LANGFUSE_HOST: os.environ/REAL_LANGFUSE_HOST
            model_list:
              - model_name: m
                litellm_params: {model: openai/gpt-4o}
            litellm_settings:
              callbacks: ["langfuse"]
            """);
        Assert.Equal(Hosting.ThirdParty, model.Get("exporter:langfuse").Hosting);
        Assert.Null(model.Get("exporter:langfuse").Region);
    }

    [Fact]
    public void Callback_settings_inside_litellm_settings_is_flagged_because_litellm_ignores_it_there()
    {
        var result = Read("""
            model_list:
              - model_name: m
                litellm_params: {model: openai/gpt-4o}
            litellm_settings:
              callbacks: ["otel"]
              callback_settings:
                otel: {message_logging: false}
            """);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(("litellm-misplaced-setting", DiagnosticSeverity.Warning, 6), (warning.Code, warning.Severity, warning.Location.Line));
        Assert.EndsWith("so this setting does not apply: otel.message_logging", warning.Message, StringComparison.Ordinal);
        Assert.Equal(Messages, result.Fragment.Flow(LiteLlmConfigReader.GatewayId, "exporter:otel").Categories());
    }

    [Theory]
    [InlineData("  callback_settings: {}")]
    [InlineData("  callback_settings:")]
    [InlineData("  callback_settings: ~")]
    public void Empty_callback_settings_inside_litellm_settings_sets_nothing_so_nothing_is_warned(string block)
    {
        var result = Read(Config("  callbacks: [\"otel\"]\n" + block));
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Misplaced_callback_settings_warning_names_every_setting_that_does_not_apply()
    {
        var result = Read(Config("""
              callbacks: ["otel", "langfuse"]
              callback_settings:
                otel: {message_logging: false}
                langfuse: {message_logging: false, extra: 1}
            """));
        var warning = Assert.Single(result.Diagnostics);
        Assert.EndsWith("so these settings do not apply: otel.message_logging, langfuse.message_logging, langfuse.extra", warning.Message, StringComparison.Ordinal);
    }
}
