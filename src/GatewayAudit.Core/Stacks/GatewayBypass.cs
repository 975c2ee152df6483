using GatewayAudit.Core.Model;

namespace GatewayAudit.Core.Stacks;

/// <summary>
/// Marks direct model-provider calls from the application's code that go around a gateway the same checkout runs or
/// uses (the team's LiteLLM proxy, OpenRouter, Portkey, Helicone ...): a shadow sub-processor, which the gateway's
/// controls (logging off, ZDR routing, budgets, the reviewed provider list) never see. A cross-file fact, so it is set
/// here, after every stack is read: the flow from <c>app:code</c> to the provider gets <c>bypassedGateways</c>
/// ("NAME at FILE:LINE" for each gateway the checkout runs, else each hosted gateway its code uses), read at the first
/// direct call site, and the
/// <c>shadow-sub-processor</c> rule reports it. Only a call or client counts: an SDK that is only imported is no call,
/// and a provider with no catalog vendor (an endpoint from an environment variable, which may be the proxy itself) is
/// not presumed to be a direct provider.
/// </summary>
public static class GatewayBypass
{
    public const string Attribute = "bypassedGateways";

    private const string CodeId = "app:code";

    /// <summary>Marks the direct calls in each model against the gateways of all of them (one checkout).</summary>
    public static void Apply(IReadOnlyList<StackModel> models)
    {
        // The gateway the team runs (its LiteLLM proxy) is the one a direct call goes around; hosted gateways the code
        // uses count when the checkout runs none.
        var used = models.SelectMany(Gateways).DistinctBy(g => g.Component.Id).ToList();
        var run = used.Where(g => g.Component.Hosting == Hosting.OperatorHosted).ToList();
        var gateways = (run.Count > 0 ? run : used)
            .OrderBy(g => g.Component.Id, StringComparer.Ordinal)
            .Select(g => $"{g.Component.Name} at {g.At}")
            .ToArray();
        if (gateways.Length == 0)
        {
            return;
        }

        foreach (var model in models)
        {
            foreach (var flow in model.FlowsOutOf(CodeId).ToList())
            {
                if (model.Find(flow.To) is { } provider && IsDirectProviderCall(provider, flow))
                {
                    flow.Attributes.Set(Attribute, gateways, flow.Evidence.First());
                }
            }
        }
    }

    private static bool IsDirectProviderCall(Component provider, Flow flow) =>
        provider.Role == ComponentRole.ModelProvider
        && provider.Hosting != Hosting.OperatorHosted
        && provider.SubProcessorOf is null
        && provider.Vendor is not null
        && flow.DataCategories.Contains(DataCategory.Prompt)
        && flow.Evidence.Count > 0
        && !ImportOnly(flow.Attributes["confidence"]);

    /// <summary>The gateways a model shows in use: a gateway that prompts reach by something more than an import.</summary>
    private static IEnumerable<(Component Component, SourceLocation At)> Gateways(StackModel model)
    {
        // A LiteLLM config nothing in the checkout runs as a proxy (UnrunProxyConfig) is no gateway a call goes around.
        foreach (var gateway in model.Components.Where(c => c.Role == ComponentRole.Gateway && c.SubProcessorOf is null && c.Attributes[UnrunProxyConfig.RunsAsProxyAttribute] is not false))
        {
            var into = model.FlowsInto(gateway.Id).Where(f => f.DataCategories.Contains(DataCategory.Prompt) && !ImportOnly(f.Attributes["confidence"])).ToList();
            if (into.Count > 0 && (gateway.Evidence.Concat(into.SelectMany(f => f.Evidence)).FirstOrDefault() is { } at))
            {
                yield return (gateway, at);
            }
        }
    }

    /// <summary>An import alone, or a party presumed from an SDK's default (CodeClientJoin): never a direct call as if certain.</summary>
    private static bool ImportOnly(object? confidence) => confidence switch
    {
        string one => one is "import-only" or "presumed",
        string[] all => all.Length > 0 && all.All(c => c is "import-only" or "presumed"),
        _ => false,
    };
}
