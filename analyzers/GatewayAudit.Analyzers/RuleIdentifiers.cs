namespace GatewayAudit.Analyzers;

/// <summary>Rule ids, the shared category and help links, in one place so docs cannot drift from code.</summary>
public static class RuleIdentifiers
{
    public const string AdapterNotDeclared = "GW000";
    public const string GatewayHeader = "GW001";
    public const string GatewayModelSlug = "GW002";
    public const string GatewayEndpoint = "GW003";
    public const string GatewayRequestField = "GW004";

    public const string Category = "GatewayPortability";

    /// <summary>Where the rule docs live: <c>docs/rules/{id}.md</c> in the gateway-audit repository.</summary>
    public const string DocsBaseUri = "https://github.com/gateway-audit/gateway-audit/blob/main/docs/rules/";

    public static string GetHelpUri(string id) => DocsBaseUri + id + ".md";
}
