using GatewayAudit.Core.Model;

namespace GatewayAudit.Core.Readers.LiteLlm;

/// <summary>
/// LiteLLM logging callbacks (success_callback, failure_callback, callbacks, service_callbacks) and what each
/// receives. Logging integrations get LiteLLM's standard logging payload, which carries the messages and the
/// response unless turn_off_message_logging or the callback's message_logging setting removes them; metrics and
/// billing integrations receive usage and metadata only. Source: LiteLLM logging docs, summarised in
/// shared/knowledge/gateways.md (checked 2026-11-25).
/// </summary>
internal static class LiteLlmCallbacks
{
    internal sealed record CallbackInfo(string? Vendor, string Name, ComponentRole Role, Hosting Hosting, bool CarriesMessages, string? Note = null);

    private static CallbackInfo Logs(string vendor, string name) => new(vendor, name, ComponentRole.Exporter, Hosting.ThirdParty, true);

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
        ["otel"] = new(null, "OpenTelemetry collector", ComponentRole.Exporter, Hosting.Unknown, true,
            "spans go to the OTLP endpoint set by environment variables; who runs it is not in the config"),
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
    /// Environment variables LiteLLM's integrations read their endpoint from. Only used when the config's own
    /// environment_variables defines one; a name that is not set changes nothing.
    /// </summary>
    public static IReadOnlyDictionary<string, string[]> EndpointVariables { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["langfuse"] = ["LANGFUSE_HOST"],
        ["langfuse_otel"] = ["LANGFUSE_HOST"],
        ["langsmith"] = ["LANGSMITH_BASE_URL"],
        ["otel"] = ["OTEL_ENDPOINT", "OTEL_EXPORTER_OTLP_ENDPOINT"],
        ["arize_phoenix"] = ["PHOENIX_COLLECTOR_HTTP_ENDPOINT", "PHOENIX_COLLECTOR_ENDPOINT"],
        ["mlflow"] = ["MLFLOW_TRACKING_URI"],
        ["generic_api"] = ["GENERIC_LOGGER_ENDPOINT"],
        ["datadog"] = ["DD_SITE"],
        ["datadog_llm_observability"] = ["DD_SITE"],
    };

    /// <summary>
    /// Data region implied by a vendor endpoint host, where the vendor documents fully separated regions by host
    /// (Langfuse Cloud, see policies/catalog/langfuse.yaml dataRegions; Datadog EU site). Null when the host does not say.
    /// </summary>
    public static string? RegionOfHost(string host) => host switch
    {
        "cloud.langfuse.com" => "EU",
        "us.cloud.langfuse.com" or "hipaa.cloud.langfuse.com" => "US",
        "jp.cloud.langfuse.com" => "JP",
        "datadoghq.eu" => "EU",
        _ => null,
    };
}
