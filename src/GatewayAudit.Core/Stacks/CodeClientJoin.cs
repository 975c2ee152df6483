using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers.Code;
using GatewayAudit.Core.Readers.Gateways;

namespace GatewayAudit.Core.Stacks;

/// <summary>
/// Joins calls through an SDK client built in another file (<see cref="ClientUse"/>) to the client built there
/// (<see cref="ClientBuild"/>), across every stack of one checkout, so such a call reaches the party its client was
/// pointed at (OpenRouter, the team's proxy, a self-hosted server) and not the SDK's default vendor. Rules, in order,
/// each named in the evidence: the module the client was imported from (and its name there); the same Go package
/// (folder) and field name; the only party the checkout's clients of that SDK reach. Nothing joins when the rules find
/// clients that send to different places: the call stays an open question, never a guess. With no client of the SDK
/// found and no base URL set for it anywhere, the SDK's default vendor is listed as <c>presumed</c> (a confidence
/// <see cref="GatewayBypass"/> does not treat as a direct call). Module-level OpenRouter preference objects a joined
/// call passes become that call's route under OpenRouter (<see cref="OpenRouterRoutes.CodeScope"/>). Indexed by SDK
/// and by module name, so the cost grows with calls times the few clients of one module, not files squared.
/// </summary>
public static class CodeClientJoin
{
    private const string AppId = CodeApplication.Id;

    public static void Apply(IReadOnlyList<StackModel> models)
    {
        var coded = StackModel.WithCodeClients(models);
        var builds = coded.SelectMany(m => m.CodeClients.Builds.Select(b => (Build: b, Model: m))).ToList();
        var uses = coded.SelectMany(m => m.CodeClients.Uses.Select(u => (Use: u, Model: m))).ToList();
        var preferences = coded.SelectMany(m => m.CodeClients.Preferences).ToList();
        var index = new ClientIndex(builds);
        var joined = new List<(StackModel Model, ClientUse Use, ClientBuild Build, string Rule)>();
        foreach (var (use, model) in uses)
        {
            var (build, rule, why) = index.Resolve(use);
            if (build is not null)
            {
                joined.Add((model, use, build, rule!));
            }
            else
            {
                Unjoined(model, use, index, why);
            }
        }

        foreach (var group in joined.GroupBy(j => (j.Model, j.Build.PartyId)))
        {
            Adopt(group.Key.Model, group.Select(j => (j.Use, j.Build, j.Rule)).ToList(), index, preferences);
        }

        foreach (var model in models)
        {
            PruneExplainedImports(model, index);
        }

        UnpassedPreferences(models, preferences, joined.Select(j => j.Use).ToList());
        foreach (var model in coded)
        {
            model.CodeClients.Builds.Clear();
            model.CodeClients.Uses.Clear();
            model.CodeClients.Preferences.Clear();
        }
    }

    /// <summary>The joined calls of one stack to one party: a flow with their call sites, and the rule that joined each.</summary>
    private static void Adopt(StackModel model, List<(ClientUse Use, ClientBuild Build, string Rule)> uses, ClientIndex index, List<PreferenceObject> preferences)
    {
        var (first, build, _) = uses[0];
        if (model.Find(build.PartyId) is not { } party)
        {
            party = model.Add(Copy(index.Party(build.PartyId)!));
        }

        CodeApplication.Add(model, first.At);
        party.Attributes.Set("confidence", "call", first.At);
        foreach (var (use, client, rule) in uses)
        {
            party.Evidence.Add(use.At);
            var flow = model.Connect(AppId, party.Id, use.Categories, use.At);
            flow.Attributes.Set("confidence", "call", use.At);
            flow.Attributes.Set("kind", use.Call == "listing" ? "listing" : "inference", use.At);
            flow.Attributes.AddToList("callSites", $"{use.At} {use.Call}");
            flow.Attributes.AddToList("joinedClients", $"{use.At} {use.Through} -> {client.At} ({rule})");
        }

        foreach (var byBuild in uses.GroupBy(u => (u.Build.At, u.Rule)))
        {
            var sites = byBuild.Select(u => $"{u.Use.At} ({u.Use.Call})").Distinct(StringComparer.Ordinal).ToList();
            party.Notes.Add($"Called from other files through the {byBuild.First().Build.Sdk} client built at {byBuild.Key.At}, joined by {byBuild.Key.Rule}: "
                + string.Join(", ", sites.Take(5)) + (sites.Count > 5 ? $" and {sites.Count - 5} more" : "") + ".");
        }

        if (party.Id == OpenRouterRoutes.Id && uses.Any(u => u.Use.Call != "listing"))
        {
            Route(model, party, uses.Where(u => u.Use.Call != "listing").Select(u => u.Use).ToList(), preferences);
        }
    }

    /// <summary>OpenRouter's upstreams for the joined calls: under the preference object each passes, else any provider.</summary>
    private static void Route(StackModel model, Component openRouter, List<ClientUse> uses, List<PreferenceObject> preferences)
    {
        var routes = new OpenRouterRoutes(null, model, CSharpFragment.AddToList, (c, key) => c.Attributes[key] as string[] ?? [], "call", acrossFiles: true);
        foreach (var group in uses.GroupBy(u => Passed(u, preferences)))
        {
            var at = group.First().At;
            var route = routes.Add(openRouter, "", group.Key?.Value as OpenRouterPreferences, at, scope: OpenRouterRoutes.CodeScope);
            route.Evidence.UnionWith(group.Select(u => u.At));
            if (group.Key is { } passed)
            {
                route.Evidence.Add(passed.At);
                route.Notes.Add($"The provider preferences are {passed.Name}, defined at {passed.At} and passed by the calls at {string.Join(", ", group.Select(u => u.At.ToString()).Distinct(StringComparer.Ordinal).Take(5))}.");
            }
        }

        routes.SummariseZdr();
    }

    /// <summary>The module-level preference object a call passes by name: from the module it imports it from, else the only one of that name.</summary>
    private static PreferenceObject? Passed(ClientUse use, List<PreferenceObject> preferences)
    {
        if (use.PassesPreferences is not { } name)
        {
            return null;
        }

        var named = preferences.Where(p => p.Name == name && p.Language == use.Language).ToList();
        var fromModule = use.PreferencesFrom is { } from ? named.Where(p => ModulePaths.Matches(ModulePaths.Resolve(from, use.Module, use.Language), p.Module)).ToList() : [];
        return fromModule.Count == 1 ? fromModule[0] : named.Count == 1 ? named[0] : named.FirstOrDefault(p => p.Module == use.Module);
    }

    /// <summary>A call no rule joins: the SDK's default vendor as presumed when nothing in the checkout moves that SDK elsewhere; else an open question.</summary>
    private static void Unjoined(StackModel model, ClientUse use, ClientIndex index, string why)
    {
        if (use.SdkFromShape && index.Of(use).Count == 0)
        {
            return; // no SDK in the file and no client of it anywhere: a look-alike method of the app's own wrapper names no party
        }

        CodeApplication.Add(model, use.At);
        var builds = index.Of(use);
        if (builds.Count > 0)
        {
            var parties = builds.Select(b => $"{b.At} -> {index.Party(b.PartyId)?.Name ?? b.PartyId}").Distinct(StringComparer.Ordinal).Take(4);
            model.OpenQuestions.Add(new OpenQuestion("Application code",
                $"The {use.Call} call at {use.At} goes through {use.Through}, a {use.Sdk} client built in another file{why}; the checkout builds {use.Sdk} clients that send to different places ({string.Join("; ", parties)}): which one is it, and so who receives these prompts?",
                use.At));
            return;
        }

        var party = model.Find(use.Default.Id) ?? model.Add(Copy(use.Default));
        party.Evidence.Add(use.At);
        party.Attributes.Set("confidence", "presumed", use.At);
        party.Notes.Add($"Presumed, not shown (confidence: presumed): {use.Through} at {use.At} is a {use.Sdk} client built in a file this scan did not find{why}; no base URL is set for the {use.Sdk} SDK anywhere in the checkout, so it would reach the SDK's default, {use.Default.Name}.");
        var flow = model.Connect(AppId, party.Id, use.Categories, use.At);
        flow.Attributes.Set("confidence", "presumed", use.At);
        flow.Attributes.Set("kind", use.Call == "listing" ? "listing" : "inference", use.At);
        flow.Attributes.AddToList("callSites", $"{use.At} {use.Call}");
    }

    /// <summary>
    /// An SDK imported without a client in some file, while every client of it the checkout builds is pointed at one
    /// other party: the import (go-openai imported for its types) is no separate party. Said on the party it reaches.
    /// </summary>
    private static void PruneExplainedImports(StackModel model, ClientIndex index)
    {
        foreach (var component in model.Components.Where(c => c.Attributes["confidence"] as string == "import-only").ToList())
        {
            if (index.ExplainedImport(component.Id) is not { } reached
                || reached.Select(b => model.Find(b.PartyId)).ToList() is not { } parties || parties.Any(p => p is null))
            {
                continue;
            }

            var imports = component.Evidence.Take(3).Select(e => e.ToString()).ToList();
            var sdk = reached[0].Sdk;
            foreach (var party in parties)
            {
                party!.Notes.Add($"The {sdk} SDK is also imported without a client at {string.Join(", ", imports)}{(component.Evidence.Count > 3 ? $" and {component.Evidence.Count - 3} more" : "")}; every {sdk} client this checkout builds is pointed "
                    + (parties.Count == 1 ? "here" : $"at one of {parties.Count} parties, this one among them") + ", so those imports are no separate party.");
            }

            model.Remove(component.Id);
        }
    }

    /// <summary>A preference object no joined call passes: said on OpenRouter, since its routing is then not in force for any call shown.</summary>
    private static void UnpassedPreferences(IReadOnlyList<StackModel> models, List<PreferenceObject> preferences, List<ClientUse> joined)
    {
        foreach (var preference in preferences.Where(p => !joined.Any(u => Passed(u, preferences) == p)))
        {
            foreach (var model in models.Where(m => m.Find(OpenRouterRoutes.Id) is not null && m.Components.Any(c => c.Evidence.Any(e => e.File == preference.At.File))))
            {
                model.Find(OpenRouterRoutes.Id)!.Notes.Add($"OpenRouter provider preferences are defined in {preference.Name} at {preference.At}, but no call this scan can follow passes them: their routing is not shown in force.");
            }
        }
    }

    private static Component Copy(Component from)
    {
        var copy = new Component { Id = from.Id, Name = from.Name, Role = from.Role, Vendor = from.Vendor, Hosting = from.Hosting };
        copy.MergeFrom(from);
        return copy;
    }
}
