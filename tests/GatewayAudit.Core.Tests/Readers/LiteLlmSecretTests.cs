using GatewayAudit.Core.Model;
using static GatewayAudit.Core.Tests.ReaderHarness;

namespace GatewayAudit.Core.Tests.Readers;

/// <summary>
/// Literal-secret precision: every literal reported is a credential (must-find rows), and the values real configs
/// hold under credential-like names that are none are not reported (must-not-find rows): numbers, per-token prices,
/// placeholders of keyless local servers, references. LiteLLM's documented example values are well known.
/// </summary>
public sealed class LiteLlmSecretTests
{
    private static string Model(string parameters) => $"""
        model_list:
          - model_name: m
            litellm_params:
              model: openai/qwen2.5
              api_base: http://vllm:8000/v1
              {parameters}
        """;

    [Theory]
    [InlineData("api_key", true)]
    [InlineData("master_key", true)]
    [InlineData("aws_secret_access_key", true)]
    [InlineData("aws_access_key_id", false)]
    [InlineData("LANGFUSE_S3_EVENT_UPLOAD_ACCESS_KEY_ID", false)]
    [InlineData("LANGFUSE_S3_EVENT_UPLOAD_SECRET_ACCESS_KEY", true)]
    [InlineData("langfuse_secret", true)]
    [InlineData("redis_password", true)]
    [InlineData("auth_token", true)]
    [InlineData("HF_TOKEN", true)]
    [InlineData("x-api-key", true)]
    [InlineData("Authorization", true)]
    [InlineData("vertex_credentials", true)]
    [InlineData("input_cost_per_token", false)]
    [InlineData("output_cost_per_token", false)]
    [InlineData("max_tokens", false)]
    [InlineData("tpm", false)]
    [InlineData("key_alias", false)]
    [InlineData("cache_key", false)]
    [InlineData("prompt_cache_key", false)]
    [InlineData("langfuse_public_key", false)]
    [InlineData("LANGFUSE_PUBLIC_KEY", false)]
    [InlineData("NEXT_PUBLIC_API_KEY", false)]
    public void Credential_names_are_told_from_names_that_only_end_like_one(string key, bool secret) =>
        Assert.Equal(secret, GatewayAudit.Core.Readers.ConfigValues.IsSecretKey(key));

    [Theory]
    // Numbers and prices: input_cost_per_token ends in "token" but is a price, and a number is no key.
    [InlineData("input_cost_per_token: 0.0000025")]
    [InlineData("output_cost_per_token: \"0.00001\"")]
    [InlineData("input_cost_per_token_batches: 0.00000125")]
    [InlineData("max_tokens: 0")]
    [InlineData("tpm: 100000")]
    [InlineData("api_key: \"0\"")]
    // Keys that name something else.
    [InlineData("cache_key: team-a-cache-2024")]
    [InlineData("prompt_cache_key: support-bot-v2")]
    // Placeholders for servers that check no key (vLLM, Ollama, LM Studio, llama.cpp, LocalAI) and unfilled templates.
    [InlineData("api_key: EMPTY")]
    [InlineData("api_key: no-key")]
    [InlineData("api_key: not-needed")]
    [InlineData("api_key: lm-studio")]
    [InlineData("api_key: ollama")]
    [InlineData("api_key: dummy")]
    [InlineData("api_key: none")]
    [InlineData("api_key: \"None\"")]
    [InlineData("api_key: sk-no-key-required")]
    [InlineData("api_key: fake-key")]
    [InlineData("api_key: my-fake-key")]
    [InlineData("api_key: xxx")]
    [InlineData("api_key: sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxx")]
    [InlineData("api_key: \"****\"")]
    [InlineData("api_key: your-api-key-here")]
    [InlineData("api_key: YOUR_OPENAI_API_KEY")]
    [InlineData("api_key: changeme")]
    [InlineData("api_key: anything")]
    [InlineData("api_key: a")]
    [InlineData("api_key: sk-bridge-noauth")]
    [InlineData("api_key: sk-change-me-to-something-secure")]
    [InlineData("api_key: dummy-token-01")]
    [InlineData("api_key: sk-ant-replace-me")]
    [InlineData("api_key: sk-proj-your-key-here")]
    [InlineData("api_key: eXaMpLeOnLy")]
    [InlineData("api_key: dapi...")]
    // References are never literals.
    [InlineData("api_key: os.environ/OPENAI_API_KEY")]
    [InlineData("api_key: \"os.environ/VLLM_API_KEY\"")]
    public void Values_that_are_no_credential_are_not_literal_secrets(string parameters)
    {
        var result = Read(Model(parameters));
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Empty(result.Fragment.Secrets);
    }

    [Fact]
    public void Each_literal_the_sweep_finds_is_named_by_its_path_in_the_config()
    {
        const string config = """
            model_list:
              - model_name: m
                litellm_params:
                  model: openai/gpt-4o
                  extra_headers:
                    - "Bearer sk-proj-Zx81kQm3VwT9pLr2Nd7sHf4Jc6Yb0EaUi5Og"
            x-callbacks:
              s3_callback_params:
                s3_aws_secret_access_key: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
              sk-ant-api03-Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz9Xc: pasted
              nested:
                - - url: redis://user:hunter2-rotated@cache.internal:6379
            """;

        Assert.Equal(
            [
                ("model_list[0].litellm_params.extra_headers[0]", 6),
                ("x-callbacks.nested[0][0].url", 12),
                ("x-callbacks.s3_callback_params.s3_aws_secret_access_key", 9),
                ("x-callbacks.sk-ant-****", 10),
            ],
            Read(config).Fragment.Secrets.Select(s => (s.Key, s.Location.Line)).Order());
    }

    [Theory]
    [InlineData("api_key: sk-proj-Zx81kQm3VwT9pLr2Nd7sHf4Jc6Yb0EaUi5Og", "sk-proj-****")]
    [InlineData("api_key: team-gateway-key-7731", "****")]
    [InlineData("api_key: openai", "****")]
    [InlineData("api_key: dapi0123456789abcdef0123456789abcdef", "****")]
    [InlineData("aws_secret_access_key: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "****")]
    [InlineData("vertex_credentials: '{\"type\": \"service_account\", \"private_key\": \"x\"}'", "****")]
    public void Provider_credentials_are_literal_secrets(string parameters, string redacted)
    {
        var secret = Assert.Single(Read(Model(parameters)).Fragment.Secrets);
        Assert.Equal((6, redacted, (string?)null), (secret.Location.Line, secret.Redacted, secret.WellKnown));
    }

    [Theory]
    // What the proxy or its datastores check is the live credential whatever it is: a weak value is still reported.
    [InlineData("general_settings:\n  master_key: changeme", "general_settings.master_key")]
    [InlineData("general_settings:\n  master_key: dummy", "general_settings.master_key")]
    [InlineData("general_settings:\n  master_key: sk-changeme", "general_settings.master_key")]
    [InlineData("general_settings:\n  database_url: postgresql://postgres:postgres@db:5432/litellm", "general_settings.database_url")]
    [InlineData("router_settings:\n  redis_host: redis\n  redis_password: postgres", "router_settings.redis_password")]
    [InlineData("router_settings:\n  redis_host: redis\n  redis_password: 123456", "router_settings.redis_password")]
    [InlineData("environment_variables:\n  LITELLM_SALT_KEY: none", "environment_variables.LITELLM_SALT_KEY")]
    [InlineData("environment_variables:\n  UI_PASSWORD: langchain", "environment_variables.UI_PASSWORD")]
    public void Weak_values_of_credentials_the_stack_checks_are_literal_secrets(string settings, string key)
    {
        var secret = Assert.Single(Read(Model("api_key: EMPTY") + "\n" + settings + "\n").Fragment.Secrets);
        Assert.Equal((key, (string?)null), (secret.Key, secret.WellKnown));
    }

    [Theory]
    [InlineData("general_settings:\n  master_key: sk-1234", "general_settings.master_key", "LiteLLM's documented example master key")]
    [InlineData("environment_variables:\n  LITELLM_MASTER_KEY: sk-1234", "environment_variables.LITELLM_MASTER_KEY", "LiteLLM's documented example master key")]
    [InlineData("environment_variables:\n  LITELLM_SALT_KEY: \"sk-1234\"", "environment_variables.LITELLM_SALT_KEY", "LiteLLM's documented example master key")]
    [InlineData("general_settings:\n  database_url: postgresql://llmproxy:dbpassword9090@db:5432/litellm", "general_settings.database_url", "the example database password of LiteLLM's docker quick start")]
    public void LiteLlm_documented_example_values_are_well_known_credentials(string settings, string key, string what)
    {
        var secret = Assert.Single(Read(Model("api_key: EMPTY") + "\n" + settings + "\n").Fragment.Secrets);
        Assert.Equal((key, what), (secret.Key, secret.WellKnown));
        Assert.DoesNotContain("1234", secret.Redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("9090", secret.Redacted, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""
        environment_variables:
          OPENAI_API_KEY: sk-proj-Zx81kQm3VwT9pLr2Nd7sHf4Jc6Yb0EaUi5Og
        model_list:
          - model_name: m
            litellm_params: {model: openai/gpt-4o, api_key: os.environ/OPENAI_API_KEY}
        """)]
    [InlineData("""
        environment_variables:
          REDIS_URL: redis://default:r3dis-Secret-88@cache.internal:6379
        model_list:
          - model_name: m
            litellm_params: {model: openai/gpt-4o, api_key: os.environ/OPENAI_API_KEY}
        router_settings:
          redis_url: os.environ/REDIS_URL
        """)]
    [InlineData("""
        environment_variables:
          REDIS_URL: redis://default:r3dis-Secret-88@cache.internal:6379
        model_list:
          - model_name: m
            litellm_params: {model: openai/gpt-4o, api_key: os.environ/OPENAI_API_KEY}
        litellm_settings:
          cache: true
          cache_params: {type: redis, url: os.environ/REDIS_URL}
        """)]
    public void A_literal_in_environment_variables_is_one_finding_at_its_own_line(string config)
    {
        var secret = Assert.Single(Read(config).Fragment.Secrets);
        Assert.Equal(2, secret.Location.Line);
        Assert.StartsWith("environment_variables.", secret.Key, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("general_settings:\n  master_key: sk-change-me-to-something-secure")]
    [InlineData("general_settings:\n  master_key: sk-chnge-me-to-something-random")]
    [InlineData("environment_variables:\n  LITELLM_MASTER_KEY: your_litellm_master_key")]
    [InlineData("environment_variables:\n  CLICKHOUSE_PASSWORD: your_clickhouse_password")]
    [InlineData("environment_variables:\n  LITELLM_SALT_KEY: sk-your_salt_key_here")]
    public void An_instruction_to_fill_the_value_in_is_no_credential_even_where_the_stack_checks_it(string settings)
    {
        Assert.Empty(Read(Model("api_key: EMPTY") + "\n" + settings + "\n").Fragment.Secrets);
    }

    [Fact]
    public void A_placeholder_in_environment_variables_is_no_literal_secret()
    {
        var result = Read("""
            environment_variables:
              OPENAI_API_KEY: EMPTY
              HOSTED_VLLM_API_KEY: not-needed
              LANGFUSE_PUBLIC_KEY: pk-lf-0d2c9b8a-1234-4e5f-9a8b-0c1d2e3f4a5b
            model_list:
              - model_name: m
                litellm_params: {model: hosted_vllm/qwen2.5, api_base: http://vllm:8000/v1, api_key: os.environ/HOSTED_VLLM_API_KEY}
            """);
        Assert.Empty(result.Fragment.Secrets);
    }
}
