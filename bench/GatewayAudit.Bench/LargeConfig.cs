using System.Globalization;
using System.Text;

namespace GatewayAudit.Bench;

/// <summary>A large, realistic LiteLLM config: many deployments over all provider families, anchors, callbacks.</summary>
public static class LargeConfig
{
    private static readonly string[] Models =
    [
        "openai/gpt-4o", "anthropic/claude-sonnet-4-5", "bedrock/anthropic.claude-3-7-sonnet", "vertex_ai/gemini-2.5-pro",
        "azure/gpt-4o-eu", "mistral/mistral-large-latest", "groq/llama-3.3-70b", "openrouter/meta-llama/llama-3.3-70b-instruct",
        "openrouter/anthropic/claude-sonnet-4.5", "together_ai/meta-llama/Llama-3-70b", "hosted_vllm/meta-llama/Llama-3.1-8B",
        "gpt-4o-mini", "deepseek/deepseek-chat", "cohere/command-r-plus",
    ];

    private static readonly string[] KnownCallbacks =
    [
        "langfuse", "langsmith", "datadog", "sentry", "s3", "gcs_bucket", "otel", "prometheus", "helicone", "braintrust", "arize",
        "lunary", "logfire", "posthog", "slack",
    ];

    public static string Generate(int deployments, int callbacks)
    {
        var text = new StringBuilder();
        text.Append("x-defaults: &defaults\n  timeout: 60\n  stream_timeout: 30\n  num_retries: 2\n\nmodel_list:\n");
        for (var i = 0; i < deployments; i++)
        {
            var model = Models[i % Models.Length];
            text.Append(CultureInfo.InvariantCulture, $"  - model_name: group-{i % 400}\n    litellm_params:\n      <<: *defaults\n      model: {model}\n");
            text.Append(CultureInfo.InvariantCulture, $"      api_key: os.environ/KEY_{i % 50}\n");
            if (model.StartsWith("hosted_vllm", StringComparison.Ordinal))
            {
                text.Append(CultureInfo.InvariantCulture, $"      api_base: http://vllm-{i % 20}.inference.svc.cluster.local:8000/v1\n");
            }
            else if (model.StartsWith("bedrock", StringComparison.Ordinal))
            {
                text.Append("      aws_region_name: eu-central-1\n");
            }

            text.Append(CultureInfo.InvariantCulture, $"    model_info:\n      id: deployment-{i}\n");
        }

        text.Append("\nlitellm_settings:\n  success_callback:\n");
        for (var i = 0; i < callbacks; i++)
        {
            var name = i < KnownCallbacks.Length ? KnownCallbacks[i] : $"custom_callbacks.handler_{i}";
            text.Append(CultureInfo.InvariantCulture, $"    - {name}\n");
        }

        text.Append("  cache: true\n  cache_params:\n    type: redis\n    host: os.environ/REDIS_HOST\n    ttl: 600\n");
        text.Append("\nrouter_settings:\n  redis_host: os.environ/REDIS_HOST\n  fallbacks:\n");
        for (var i = 0; i < 100; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"    - group-{i}: [group-{i + 1}]\n");
        }

        text.Append("\ngeneral_settings:\n  master_key: os.environ/LITELLM_MASTER_KEY\n  database_url: os.environ/DATABASE_URL\n  maximum_spend_logs_retention_period: 30d\n  alerting: [slack]\n");
        return text.ToString();
    }

    public static string DistinctModels(int deployments, string modelPrefix)
    {
        var text = new StringBuilder("model_list:\n");
        for (var i = 0; i < deployments; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"  - model_name: group-{i}\n    litellm_params:\n      model: {modelPrefix}{i}\n      api_key: os.environ/KEY\n");
        }

        return text.ToString();
    }
}
