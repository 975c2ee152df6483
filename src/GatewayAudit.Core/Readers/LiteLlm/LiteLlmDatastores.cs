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
