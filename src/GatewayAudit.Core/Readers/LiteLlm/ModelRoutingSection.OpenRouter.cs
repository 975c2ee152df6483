using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers.Gateways;
using GatewayAudit.Core.Yaml;

namespace GatewayAudit.Core.Readers.LiteLlm;

/// <summary>
/// OpenRouter deployments: deployments routed on the same terms share one component under OpenRouter with those
/// provider preferences (<see cref="OpenRouterRoutes"/>, shared with the OpenRouter request-file reader).
/// </summary>
internal sealed partial class ModelRoutingSection
{
    private OpenRouterRoutes? _openRouter;

    private OpenRouterRoutes OpenRouter => _openRouter ??= new OpenRouterRoutes(Values, Model, AddToList, ListOf, "deployment");

    private void ReadOpenRouterRoute(Component openRouter, string slug, YamlMapping parameters, string group, SourceLocation at)
    {
        // OpenRouter provider preferences passed through LiteLLM (extra_body.provider, or provider).
        var preferences = parameters["provider"] as YamlMapping ?? (parameters["extra_body"] as YamlMapping)?["provider"] as YamlMapping;
        var route = OpenRouter.Add(openRouter, slug, preferences, at);
        AddToList(route, "modelGroups", group);
    }

    /// <summary>provider.zdr is per request: OpenRouter's own ZDR holds only if every OpenRouter deployment sets it.</summary>
    private void SummariseOpenRouterZdr() => _openRouter?.SummariseZdr();
}
