using GatewayAudit.Core.Model;

namespace GatewayAudit.Core.Readers.LiteLlm;

/// <summary>
/// The LiteLLM proxy's own datastores as every reader adds them, so that a <c>database_url</c> in config.yaml and a
/// <c>DATABASE_URL</c> in a compose file or Kubernetes manifest become one component under one id.
/// </summary>
public static class LiteLlmDatastores
{
    /// <summary>What the proxy writes to Postgres whatever the settings: keys, budgets, spend rows.</summary>
    public static IReadOnlyList<DataCategory> PostgresCategories { get; } = [DataCategory.Metadata, DataCategory.Usage, DataCategory.Credentials];

    /// <summary>
    /// The open question a model store in the database raises: general_settings.store_model_in_db or
    /// STORE_MODEL_IN_DB lets admins add models (and their providers) through the UI, which no file shows.
    /// </summary>
    public static OpenQuestion StoreModelInDbQuestion(SourceLocation at) => new("LiteLLM proxy",
        "store_model_in_db is on: models and their providers can be added through the admin UI and live only in the database, so this annex may miss parties. Which models are stored there?",
        at);

    /// <summary>A response cache type: what it is called in the report, who is known to run it, and whether it stores prompts.</summary>
    internal sealed record CacheType(string Name, string? Vendor, Hosting Hosting, bool Semantic);

    /// <summary>
    /// litellm_settings.cache_params.type values (LiteLLMCacheType in litellm/types/caching.py, read 2026-11-30).
    /// </summary>
    internal static IReadOnlyDictionary<string, CacheType> CacheTypes { get; } = new Dictionary<string, CacheType>(StringComparer.Ordinal)
    {
        ["local"] = new("In-memory response cache (proxy process)", null, Hosting.OperatorHosted, false),
        ["redis"] = new("Redis response cache", null, Hosting.Unknown, false),
        ["redis-semantic"] = new("Redis semantic cache", null, Hosting.Unknown, true),
        ["valkey-semantic"] = new("Valkey semantic cache", null, Hosting.Unknown, true),
        ["qdrant-semantic"] = new("Qdrant semantic cache", null, Hosting.Unknown, true),
        ["s3"] = new("Amazon S3 response cache", "aws-s3", Hosting.ThirdParty, false),
        ["gcs"] = new("Google Cloud Storage response cache", "google-cloud-storage", Hosting.ThirdParty, false),
        ["azure-blob"] = new("Azure Blob Storage response cache", "azure-blob-storage", Hosting.ThirdParty, false),
        ["disk"] = new("Disk response cache (proxy host)", null, Hosting.OperatorHosted, false),
    };

    /// <summary>
    /// LiteLLM's cache type when cache: true comes without cache_params.type: Redis. The proxy reads
    /// <c>cache_type = cache_params.get("type", "redis")</c> and, with no cache_params, REDIS_HOST / REDIS_PORT /
    /// REDIS_PASSWORD from the environment (ProxyConfig.load_config in litellm/proxy/proxy_server.py, read 2026-11-30).
    /// </summary>
    internal const string DefaultCacheType = "redis";

    /// <summary>A secret manager: its name in the report, who is known to run it (null: the operator's own code).</summary>
    internal sealed record SecretManager(string Name, Hosting Hosting);

    /// <summary>
    /// general_settings.key_management_system values (KeyManagementSystem in litellm/types/secret_managers/main.py,
    /// read 2026-11-30). "local" reads the proxy's own environment (no party); "custom" is the operator's class named
    /// in key_management_settings.custom_secret_manager.
    /// </summary>
    internal static IReadOnlyDictionary<string, SecretManager?> SecretManagers { get; } = new Dictionary<string, SecretManager?>(StringComparer.Ordinal)
    {
        ["google_kms"] = new("Google Cloud KMS", Hosting.ThirdParty),
        ["azure_key_vault"] = new("Azure Key Vault", Hosting.ThirdParty),
        ["aws_secret_manager"] = new("AWS Secrets Manager", Hosting.ThirdParty),
        ["aws_kms"] = new("AWS KMS", Hosting.ThirdParty),
        ["google_secret_manager"] = new("Google Secret Manager", Hosting.ThirdParty),
        // Vault and CyberArk run self-hosted or as their vendor's cloud service: the address decides, not the name.
        ["hashicorp_vault"] = new("HashiCorp Vault", Hosting.Unknown),
        ["cyberark"] = new("CyberArk secrets manager", Hosting.Unknown),
        ["local"] = null,
        ["custom"] = null,
    };

    /// <summary>Adds (or merges into) the proxy's Postgres component; its hosting is left for the caller to classify.</summary>
    public static Component AddPostgres(StackModel model, SourceLocation at) => model.Add(new Component
    {
        Id = LiteLlmConfigReader.PostgresId,
        Name = "LiteLLM Postgres (keys, budgets, spend logs)",
        Role = ComponentRole.Datastore,
        Evidence = { at },
        Notes = { "Holds virtual keys, teams, budgets and, unless disabled, one spend-log row per request." },
    });

    /// <summary>The storage flow from the proxy to its Postgres.</summary>
    public static Flow ConnectPostgres(StackModel model, IEnumerable<DataCategory> categories, SourceLocation at)
    {
        var flow = model.Connect(LiteLlmConfigReader.GatewayId, LiteLlmConfigReader.PostgresId, categories, at);
        flow.Attributes.Set("kind", "storage");
        return flow;
    }
}
