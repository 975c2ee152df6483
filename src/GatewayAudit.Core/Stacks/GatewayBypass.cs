using GatewayAudit.Core.Model;

namespace GatewayAudit.Core.Stacks;

/// <summary>
/// Marks direct model-provider calls from the application's code that go around a gateway the same module or
/// deployment runs (the team's LiteLLM proxy, a self-hosted Portkey gateway ...): a shadow sub-processor, which the
/// gateway's controls (logging off, ZDR routing, budgets, the reviewed provider list) never see. A cross-file fact, so
/// it is set here, after every stack is read: the flow from <c>app:code</c> to the provider gets
/// <c>bypassedGateways</c> ("NAME at FILE:LINE" for each such gateway in its scope), read at the first direct call
/// site that goes around one, and the <c>shadow-sub-processor</c> rule reports it.
/// <para>
/// A hosted gateway (OpenRouter, Portkey's or Helicone's cloud) is itself one more provider choice: code that calls it
/// and a provider directly in one file is a multi-provider client offering both (no mark); a direct call elsewhere in
/// its scope gets <c>hostedGatewaysBeside</c> instead, for the lesser <c>direct-call-beside-hosted-gateway</c> rule.
/// Both parties are in the inventory either way; the note says the hosted gateway's controls do not cover the call.
/// </para>
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

    /// <summary>Set instead of <see cref="Attribute"/> where only hosted gateways are in scope (rule <c>direct-call-beside-hosted-gateway</c>).</summary>
    public const string HostedAttribute = "hostedGatewaysBeside";

    private const string CodeId = "app:code";

    /// <summary>Marks the direct calls in each model against the gateways of all of them (one checkout).</summary>
    public static void Apply(IReadOnlyList<StackModel> models, ProjectScope scope)
    {
        var gateways = models.SelectMany(Gateways).GroupBy(g => g.Component.Id, StringComparer.Ordinal)
            .Select(g => new GatewaySites(g.First().Component, SortedOnce(g.SelectMany(x => x.Sites).ToList())))
            .OrderBy(g => g.Component.Id, StringComparer.Ordinal)
            .ToList();
        if (gateways.Count == 0)
        {
            return;
        }

        // A call site's project and deployment, asked once per file rather than once per gateway and site.
        var placeOf = new Dictionary<string, (string Root, string? Deployment)>(StringComparer.Ordinal);
        foreach (var model in models)
        {
            foreach (var flow in model.FlowsOutOf(CodeId).ToList())
            {
                if (model.Find(flow.To) is not { } provider || !IsDirectProviderCall(provider, flow))
                {
                    continue;
                }

                // A gateway the team runs (its own proxy) is what a direct call goes around; a hosted gateway used in
                // the same file as the call is one choice of a multi-provider client, and elsewhere only a lesser note.
                var around = flow.Evidence.Select(site => (Site: site, Gateways: gateways
                        .Select(g => (g.Component, At: g.InScope(site, PlaceOf(site.File), scope)))
                        .Where(g => g.At is not null)
                        .ToList()))
                    .Where(s => s.Gateways.Count > 0)
                    .ToList();
                var run = around.Select(s => (s.Site, Gateways: s.Gateways.Where(g => !IsHosted(g.Component)).ToList()))
                    .Where(s => s.Gateways.Count > 0)
                    .ToList();
                if (run.Count > 0)
                {
                    flow.Attributes.Set(Attribute, Named(run.SelectMany(s => s.Gateways)), run[0].Site);
                }
                else if (around.Count > 0)
                {
                    flow.Attributes.Set(HostedAttribute, Named(around.SelectMany(s => s.Gateways)), around[0].Site);
                }
            }
        }

        (string Root, string? Deployment) PlaceOf(string file)
        {
            if (!placeOf.TryGetValue(file, out var place))
            {
                placeOf[file] = place = (scope.RootOf(file), scope.DeploymentOf(file));
            }

            return place;
        }
    }

    // The sites in order, each once: sorted, then equal neighbours dropped, where a set of them hashed every site's
    // path first (one LiteLLM proxy id gathers a site from each of 10,000 stacks, bench/SCALE.md round 16).
    private static List<SourceLocation> SortedOnce(List<SourceLocation> sites)
    {
        sites.Sort();
        var kept = 0;
        for (var i = 0; i < sites.Count; i++)
        {
            if (kept == 0 || !sites[kept - 1].Equals(sites[i]))
            {
                sites[kept++] = sites[i];
            }
        }

        sites.RemoveRange(kept, sites.Count - kept);
        return sites;
    }

    private static string[] Named(IEnumerable<(Component Component, SourceLocation? At)> gateways) =>
        gateways.DistinctBy(g => g.Component.Id).Select(g => $"{g.Component.Name} at {g.At}").ToArray();

    /// <summary>A gateway a vendor runs (OpenRouter, Portkey's or Helicone's cloud), not the team's own proxy.</summary>
    private static bool IsHosted(Component gateway) => gateway.Hosting == Hosting.ThirdParty;

    /// <summary>
    /// A gateway and the sites that show it in use (sorted, each once), indexed for the question asked of every direct
    /// call site: which of its sites, if any, is in the call's scope. Scanning every site for every call was quadratic:
    /// one LiteLLM proxy id gathers a site from each stack of a monorepo (bench/SCALE.md round 18).
    /// </summary>
    private sealed class GatewaySites(Component component, List<SourceLocation> sites)
    {
        public Component Component { get; } = component;

        private HashSet<string>? _files;
        private Dictionary<string, List<SourceLocation>>? _byRoot;
        private Dictionary<string, SourceLocation>? _firstInFile;

        /// <summary>
        /// Where the gateway is used in the call site's scope, or null: the first of its sites (in site order) that is
        /// in the same project and not a profile alternative of the call's file, or in the deployment that builds the
        /// call's code (<paramref name="place"/>: the call file's project root and deployment file).
        /// </summary>
        public SourceLocation? InScope(SourceLocation call, (string Root, string? Deployment) place, ProjectScope scope)
        {
            if (sites.BinarySearch(call) >= 0)
            {
                return null; // the same site reaches the gateway too: alternatives (a property set per profile), not a bypass
            }

            _files ??= sites.Select(s => s.File).ToHashSet(StringComparer.Ordinal);
            if (IsHosted(Component) && _files.Contains(call.File))
            {
                return null; // one file that calls the hosted gateway and the provider: a client offering both as choices
            }

            (_byRoot, _firstInFile) = (_byRoot ?? ByRoot(scope), _firstInFile ?? FirstInFile());
            var inProject = _byRoot.TryGetValue(place.Root, out var near) ? near.FirstOrDefault(s => !ProjectScope.AreAlternatives(call.File, s.File)) : null;
            var inDeployment = place.Deployment is not null && _firstInFile.TryGetValue(place.Deployment, out var built) ? built : null;
            return inProject is null || (inDeployment is not null && inDeployment.CompareTo(inProject) < 0) ? inDeployment : inProject;
        }

        // Sites grouped by their file's project, each group in site order.
        private Dictionary<string, List<SourceLocation>> ByRoot(ProjectScope scope)
        {
            var byRoot = new Dictionary<string, List<SourceLocation>>(StringComparer.Ordinal);
            var rootOfFile = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var site in sites)
            {
                if (!rootOfFile.TryGetValue(site.File, out var root))
                {
                    rootOfFile[site.File] = root = scope.RootOf(site.File);
                }

                if (!byRoot.TryGetValue(root, out var group))
                {
                    byRoot[root] = group = [];
                }

                group.Add(site);
            }

            return byRoot;
        }

        private Dictionary<string, SourceLocation> FirstInFile()
        {
            var first = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
            foreach (var site in sites)
            {
                first.TryAdd(site.File, site);
            }

            return first;
        }
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
