using GatewayAudit.Core.Model;

namespace GatewayAudit.Core.Readers.LiteLlm;

/// <summary>
/// LiteLLM logging callbacks (success_callback, failure_callback, callbacks, service_callbacks) and what each
/// receives. Logging integrations get LiteLLM's standard logging payload, which carries the messages and the
/// response unless turn_off_message_logging or the callback's message_logging setting removes them; metrics and
/// billing integrations receive usage and metadata only. Source: LiteLLM logging docs, summarised in
/// shared/knowledge/gateways.md (checked 2026-11-25). The names track LiteLLM's registry
/// (litellm/litellm_core_utils/custom_logger_registry.py and _custom_logger_compatible_callbacks_literal in
/// litellm/__init__.py, read 2026-11-30) plus the older string callbacks; guardrail callbacks are in
/// <see cref="LiteLlmGuardrails"/>.
/// </summary>
internal static class LiteLlmCallbacks
{
    internal sealed record CallbackInfo(string? Vendor, string Name, ComponentRole Role, Hosting Hosting, bool CarriesMessages, string? Note = null);

    private static CallbackInfo Logs(string vendor, string name) => new(vendor, name, ComponentRole.Exporter, Hosting.ThirdParty, true);

    private static readonly CallbackInfo Otel = new(null, "OpenTelemetry collector", ComponentRole.Exporter, Hosting.Unknown, true,
        "spans go to the OTLP endpoint set by environment variables; who runs it is not in the config");

    /// <summary>Callbacks that run inside the proxy and send the request nowhere else: no party, noted on the proxy.</summary>
    public static IReadOnlyDictionary<string, string> InProcess { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["anthropic_cache_control_hook"] = "Anthropic prompt-caching markers (anthropic_cache_control_hook)",
        ["dynamic_rate_limiter"] = "dynamic rate limiter (dynamic_rate_limiter)",
        ["dynamic_rate_limiter_v3"] = "dynamic rate limiter (dynamic_rate_limiter_v3)",
        ["batch_redis_requests"] = "batched cache reads (batch_redis_requests, through the cache already listed)",
        ["dotprompt"] = "prompt templates from local .prompt files (dotprompt)",
        ["bitbucket"] = "prompt templates fetched from Bitbucket (bitbucket); request content is not sent there",
        ["gitlab"] = "prompt templates fetched from GitLab (gitlab); request content is not sent there",
    };

    public static IReadOnlyDictionary<string, CallbackInfo> ByName { get; } = new Dictionary<string, CallbackInfo>(StringComparer.Ordinal)
    {
        ["langfuse"] = Logs("langfuse", "Langfuse"),
        ["langfuse_otel"] = Logs("langfuse", "Langfuse"),
        ["langsmith"] = Logs("langsmith", "LangSmith"),
        ["datadog"] = Logs("datadog", "Datadog"),
        ["datadog_llm_observability"] = Logs("datadog", "Datadog"),
        ["braintrust"] = Logs("braintrust", "Braintrust"),
        ["arize"] = Logs("arize", "Arize"),
        ["arize_phoenix"] = new("arize", "Arize Phoenix", ComponentRole.Exporter, Hosting.Unknown, true,
            "Phoenix can be Arize's hosted service or self-hosted; the endpoint is set by environment variables"),
        ["mlflow"] = new("mlflow", "MLflow", ComponentRole.Exporter, Hosting.Unknown, true,
            "MLflow runs wherever its tracking server is hosted; the tracking URI is set by environment variables"),
        ["opik"] = Logs("opik", "Opik (Comet)"),
        ["weave_otel"] = Logs("weights-and-biases", "Weights & Biases Weave"),
        ["wandb"] = Logs("weights-and-biases", "Weights & Biases"),
        ["galileo"] = Logs("galileo", "Galileo"),
        ["helicone"] = Logs("helicone", "Helicone"),
        ["lunary"] = Logs("lunary", "Lunary"),
        ["promptlayer"] = Logs("promptlayer", "PromptLayer"),
        ["logfire"] = Logs("logfire", "Pydantic Logfire"),
        ["langtrace"] = Logs("langtrace", "Langtrace"),
        ["humanloop"] = Logs("humanloop", "Humanloop"),
        ["agentops"] = Logs("agentops", "AgentOps"),
        ["posthog"] = Logs("posthog", "PostHog"),
        ["sentry"] = Logs("sentry", "Sentry"),
        ["newrelic"] = Logs("new-relic", "New Relic"),
        ["supabase"] = Logs("supabase", "Supabase"),
        ["traceloop"] = Logs("traceloop", "Traceloop"),
        ["athina"] = Logs("athina", "Athina"),
        ["s3"] = Logs("aws-s3", "Amazon S3 log bucket"),
        ["s3_v2"] = Logs("aws-s3", "Amazon S3 log bucket"),
        ["gcs_bucket"] = Logs("google-cloud-storage", "Google Cloud Storage log bucket"),
        ["gcs_pubsub"] = Logs("google-cloud-pubsub", "Google Cloud Pub/Sub"),
        ["azure_storage"] = Logs("azure-blob-storage", "Azure Blob Storage log container"),
        ["aws_sqs"] = Logs("aws-sqs", "Amazon SQS"),
        ["dynamodb"] = Logs("aws-dynamodb", "Amazon DynamoDB"),
        ["azure_sentinel"] = Logs("azure-sentinel", "Microsoft Sentinel"),
        ["generic_api"] = new(null, "Generic logging API", ComponentRole.Exporter, Hosting.Unknown, true,
            "the endpoint comes from environment variables the config does not show"),
        ["otel"] = Otel,
        ["opentelemetry"] = Otel,
        ["literalai"] = Logs("literal-ai", "Literal AI"),
        ["argilla"] = new("argilla", "Argilla", ComponentRole.Exporter, Hosting.Unknown, true,
            "Argilla can be self-hosted or hosted by others; the server is set by ARGILLA_BASE_URL"),
        ["deepeval"] = Logs("confident-ai", "Confident AI (DeepEval)"),
        ["greenscale"] = Logs("greenscale", "Greenscale"),
        ["cloudzero"] = new("cloudzero", "CloudZero", ComponentRole.Exporter, Hosting.ThirdParty, false, "cost data"),
        // Vector-store hooks send the request's messages as a search query to the vector store they retrieve from.
        ["bedrock_vector_store"] = new("aws-bedrock", "Amazon Bedrock Knowledge Bases (retrieval)", ComponentRole.Datastore, Hosting.ThirdParty, true,
            "queried with the request's messages to retrieve context"),
        ["vector_store_pre_call_hook"] = new(null, "Vector stores of vector_store_registry (retrieval)", ComponentRole.Datastore, Hosting.Unknown, true,
            "queried with the request's messages; which stores is set by vector_store_registry and the request"),
        ["prometheus"] = new(null, "Prometheus metrics", ComponentRole.Exporter, Hosting.OperatorHosted, false,
            "metrics exposed on the proxy's /metrics endpoint for the operator's scraper"),
        ["openmeter"] = new("openmeter", "OpenMeter", ComponentRole.Exporter, Hosting.ThirdParty, false, "usage metering"),
        ["lago"] = new("lago", "Lago", ComponentRole.Exporter, Hosting.ThirdParty, false, "usage billing"),
        ["slack"] = new("slack", "Slack", ComponentRole.Alerting, Hosting.ThirdParty, false),
        ["pagerduty"] = new("pagerduty", "PagerDuty", ComponentRole.Alerting, Hosting.ThirdParty, false),
        ["resend_email"] = new("resend", "Resend (email)", ComponentRole.Alerting, Hosting.ThirdParty, false),
        ["sendgrid_email"] = new("sendgrid", "SendGrid (email)", ComponentRole.Alerting, Hosting.ThirdParty, false),
        ["smtp_email"] = new(null, "SMTP email server", ComponentRole.Alerting, Hosting.Unknown, false),
    };

    /// <summary>
    /// Environment variables LiteLLM's integrations read their endpoint from, in LiteLLM's order. langfuse_otel reads
    /// LANGFUSE_OTEL_HOST, then LANGFUSE_HOST (litellm/integrations/langfuse/langfuse_otel.py, _get_langfuse_otel_host).
    /// </summary>
    public static IReadOnlyDictionary<string, string[]> EndpointVariables { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["langfuse"] = ["LANGFUSE_HOST"],
        ["langfuse_otel"] = ["LANGFUSE_OTEL_HOST", "LANGFUSE_HOST"],
        ["langsmith"] = ["LANGSMITH_BASE_URL"],
        ["otel"] = ["OTEL_ENDPOINT", "OTEL_EXPORTER_OTLP_ENDPOINT"],
        ["opentelemetry"] = ["OTEL_ENDPOINT", "OTEL_EXPORTER_OTLP_ENDPOINT"],
        ["arize_phoenix"] = ["PHOENIX_COLLECTOR_HTTP_ENDPOINT", "PHOENIX_COLLECTOR_ENDPOINT"],
        ["mlflow"] = ["MLFLOW_TRACKING_URI"],
        ["argilla"] = ["ARGILLA_BASE_URL"],
        ["generic_api"] = ["GENERIC_LOGGER_ENDPOINT"],
        ["datadog"] = ["DD_SITE"],
        ["datadog_llm_observability"] = ["DD_SITE"],
    };

    /// <summary>
    /// The endpoint LiteLLM's client uses when none of <see cref="EndpointVariables"/> is set, with the source line
    /// that says so: a documented default is a fact, not an unknown.
    /// </summary>
    public static IReadOnlyDictionary<string, (string Url, string Source)> DefaultEndpoints { get; } = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        // LangFuseLogger.__init__: langfuse_host or os.getenv("LANGFUSE_HOST", "https://cloud.langfuse.com").
        ["langfuse"] = ("https://cloud.langfuse.com", "litellm/integrations/langfuse/langfuse.py"),
        // get_langfuse_otel_config: without a host, LANGFUSE_CLOUD_US_ENDPOINT (https://us.cloud.langfuse.com/api/public/otel).
        ["langfuse_otel"] = ("https://us.cloud.langfuse.com", "litellm/integrations/langfuse/langfuse_otel.py"),
    };
}
