using GatewayAudit.Core.Model;

namespace GatewayAudit.Core.Stacks;

/// <summary>
/// Marks direct model-provider calls from the application's code that go around a gateway the same module or
/// deployment runs or uses (the team's LiteLLM proxy, OpenRouter, Portkey, Helicone ...): a shadow sub-processor, which
/// the gateway's controls (logging off, ZDR routing, budgets, the reviewed provider list) never see. A cross-file fact,
/// so it is set here, after every stack is read: the flow from <c>app:code</c> to the provider gets
/// <c>bypassedGateways</c> ("NAME at FILE:LINE" for each gateway in its scope the checkout runs, else each hosted
/// gateway used there), read at the first direct call site that goes around one, and the <c>shadow-sub-processor</c>
/// rule reports it.
/// <para>
/// Scope (<see cref="ProjectScope"/>): a call site goes around a gateway only when a site that uses the gateway (a call
/// to it, its config or deployment file) is in the same project (nearest folder with a build manifest), or the call's
/// code is built by a compose service of the file that runs the gateway. Two modules of one repository, one calling
/// OpenRouter and one OpenAI, are two applications, not a bypass. Alternatives are not a bypass either: a call site
/// that also reaches the gateway (a Spring <c>@Value</c> resolved per profile), and two Spring profile files of one
/// folder (<c>application-openai.yml</c> beside <c>application-openrouter.yml</c>), only one of which runs.
/// </para>
/// Only a call or client counts: an SDK that is only imported is no call, and a provider with no catalog vendor (an
/// endpoint from an environment variable, which may be the proxy itself) is not presumed to be a direct provider.
/// </summary>
public static class GatewayBypass
{
    public const string Attribute = "bypassedGateways";

    private const string CodeId = "app:code";

    /// <summary>Marks the direct calls in each model against the gateways of all of them (one checkout).</summary>
    public static void Apply(IReadOnlyList<StackModel> models, ProjectScope scope)
    {
        var gateways = models.SelectMany(Gateways).GroupBy(g => g.Component.Id, StringComparer.Ordinal)
            .Select(g => (g.First().Component, Sites: g.SelectMany(x => x.Sites).Distinct().Order().ToList()))
            .OrderBy(g => g.Component.Id, StringComparer.Ordinal)
            .ToList();
        if (gateways.Count == 0)
        {
            return;
        }

        foreach (var model in models)
        {
            foreach (var flow in model.FlowsOutOf(CodeId).ToList())
            {
                if (model.Find(flow.To) is not { } provider || !IsDirectProviderCall(provider, flow))
                {
                    continue;
                }

                // The gateway the team runs is the one a direct call goes around; hosted gateways count where it runs none in scope.
                var around = flow.Evidence.Select(site => (Site: site, Gateways: gateways
                        .Select(g => (g.Component, At: InScope(site, g.Sites, scope)))
                        .Where(g => g.At is not null)
                        .ToList()))
                    .Where(s => s.Gateways.Count > 0)
                    .ToList();
                if (around.Count == 0)
                {
                    continue;
                }

                var all = around.SelectMany(s => s.Gateways).DistinctBy(g => g.Component.Id).ToList();
                var run = all.Where(g => g.Component.Hosting == Hosting.OperatorHosted).ToList();
                var named = (run.Count > 0 ? run : all).Select(g => $"{g.Component.Name} at {g.At}").ToArray();
                flow.Attributes.Set(Attribute, named, around[0].Site);
            }
        }
    }

    /// <summary>Where the gateway is used in the call site's scope, or null: a site of it in the same project, or the deployment that builds the call's code.</summary>
    private static SourceLocation? InScope(SourceLocation call, List<SourceLocation> sites, ProjectScope scope)
    {
        if (sites.Contains(call))
        {
            return null; // the same site reaches the gateway too: alternatives (a property set per profile), not a bypass
        }

        var root = scope.RootOf(call.File);
        var deployment = scope.DeploymentOf(call.File);
        return sites.FirstOrDefault(s => (scope.RootOf(s.File) == root && !ProjectScope.AreAlternatives(call.File, s.File)) || s.File == deployment);
    }

    private static bool IsDirectProviderCall(Component provider, Flow flow) =>
        provider.Role == ComponentRole.ModelProvider
        && provider.Hosting != Hosting.OperatorHosted
        && provider.SubProcessorOf is null
        && provider.Vendor is not null
        && flow.DataCategories.Contains(DataCategory.Prompt)
        && flow.Evidence.Count > 0
        && !PartyCertainty.IsWeak(flow.Attributes["confidence"]);

    /// <summary>
    /// The gateways a model shows in use, each with the sites that show it: the calls and config lines that send it
    /// prompts by something more than an import, and its own evidence where the operator runs it (config, deployment).
    /// </summary>
    private static IEnumerable<(Component Component, List<SourceLocation> Sites)> Gateways(StackModel model)
    {
        // A LiteLLM config nothing in the checkout runs as a proxy (UnrunProxyConfig) is no gateway a call goes around.
        foreach (var gateway in model.Components.Where(c => c.Role == ComponentRole.Gateway && c.SubProcessorOf is null && c.Attributes[UnrunProxyConfig.RunsAsProxyAttribute] is not false))
        {
            var into = model.FlowsInto(gateway.Id).Where(f => f.DataCategories.Contains(DataCategory.Prompt) && !PartyCertainty.IsWeak(f.Attributes["confidence"])).ToList();
            if (into.Count > 0)
            {
                var own = gateway.Hosting == Hosting.OperatorHosted || into.All(f => f.Evidence.Count == 0) ? gateway.Evidence : [];
                yield return (gateway, [.. into.SelectMany(f => f.Evidence).Concat(own)]);
            }
        }
    }
}
