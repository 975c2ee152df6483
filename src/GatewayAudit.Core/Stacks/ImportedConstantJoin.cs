using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers;
using GatewayAudit.Core.Readers.Code;
using GatewayAudit.Core.Readers.Gateways;

namespace GatewayAudit.Core.Stacks;

/// <summary>
/// A model or an address a file takes from a constant another file defines (<c>from app.config import MODEL_NAME</c>,
/// <c>settings.BASE_URL</c> with <c>from . import settings</c>, TypeScript <c>import { BASE_URL } from "./config"</c>,
/// a Go package-level <c>const</c> in another file of the package): the reader left that site to an endpoint it could
/// not name (<see cref="ImportedValue"/>); here the constant (<see cref="ExportedConstant"/>) is found by the import's
/// module and name, and the site is resolved as if the value were written there, with evidence at both lines. A name
/// that matches no constant, or constants with different values, leaves the site as the reader wrote it (unknown stays
/// unknown). Runs before <see cref="CodeClientJoin"/>, so a client whose base URL is such a constant is joined with
/// the party that URL names. A name another module passes on (a package's <c>__init__</c> re-export, <c>API_URL = BASE_URL</c>)
/// is followed to the constant, a few hops at most, with each hop's line as evidence.
/// </summary>
public static class ImportedConstantJoin
{
    /// <summary>How many modules a chain may pass a name through (A defines, B and C pass on, D uses): enough for a package's re-export, never a loop.</summary>
    private const int MaxHops = 3;

    /// <param name="deployments">
    /// Deployment files of the checkout: a constant that is an environment variable's default (a pydantic-settings
    /// field, <c>os.getenv("X", "...")</c>) takes the literal value the compose service that builds the using code sets
    /// for that variable (<see cref="ComposeBuildEnvironment.Sets"/>), as the running code would.
    /// </param>
    /// <param name="dotEnvs">
    /// The checkout's env files, with <paramref name="scope"/>: where no compose service sets the variable, the env file
    /// nearest the constant's file within its project does (pydantic-settings reads <c>.env</c>; a sample names the
    /// endpoint the project intends, marked <c>confidence: example</c> as <see cref="DotEnvSampleEndpoint"/> does).
    /// </param>
    public static void Apply(IReadOnlyList<StackModel> models, IReadOnlyList<DeploymentFacts>? deployments = null, IReadOnlyList<DeploymentFacts>? dotEnvs = null, ProjectScope? scope = null)
    {
        models = StackModel.WithCodeClients(models);
        var byFolder = DotEnvSampleAddress.ByFolder(dotEnvs ?? []);
        var constants = models.SelectMany(m => m.CodeClients.Constants).ToLookup(c => (c.Language, c.Name));
        var reExports = models.SelectMany(m => m.CodeClients.ReExports).ToLookup(r => (r.Language, r.Name));
        foreach (var model in models)
        {
            var found = model.CodeClients.ImportedValues
                .Select(use => (Use: use, Constant: Deployed(Find(use, constants) ?? Passed(use, constants, reExports), use, deployments ?? [], byFolder, scope), Sighting: use.Sighting as LexicalSighting))
                .Where(r => r.Constant is not null && r.Sighting is not null)
                .ToList();
            foreach (var file in found.GroupBy(r => r.Use.At.File, StringComparer.Ordinal))
            {
                Resolve(model, file.Key, file.Select(r => (r.Use, r.Constant!, r.Sighting!)).ToList());
            }
        }

        foreach (var model in models)
        {
            model.CodeClients.Constants.Clear();
            model.CodeClients.ImportedValues.Clear();
            model.CodeClients.ReExports.Clear();
        }
    }

    /// <summary>The constant as the deployment that runs the using file gives it: its variable set by the compose service building that code wins over the default.</summary>
    private static ExportedConstant? Deployed(ExportedConstant? constant, ImportedValue use, IReadOnlyList<DeploymentFacts> deployments,
        Dictionary<string, List<EnvironmentValue>> byFolder, ProjectScope? scope) =>
        constant is { OverriddenBy: { } variable } && ComposeBuildEnvironment.Sets(deployments, use.At.File, variable) is { } set
            ? constant with
            {
                Value = set.Value.Value!.Trim(),
                Default = constant.Value,
                DeployedAt = set.Value.At,
                DeployedBy = $"the compose service '{set.Service.Name}' that builds this code ({set.Service.BuildContext!.Value.At})",
            }
            : constant is { OverriddenBy: { } named } && scope is not null && DotEnvSampleEndpoint.FromEnvFile(byFolder, scope, constant.At.File, named) is { } env
                && env.Value != constant.Value
            ? constant with { Value = env.Value, Default = constant.Value, DeployedAt = env.At, DeployedBy = env.Where, FromExample = env.Sample }
            : constant;

    /// <summary>
    /// The constant a name reaches through modules that pass it on (<see cref="ReExport"/>): from the module the use
    /// imports, each hop resolved from the module that passes it, at most <see cref="MaxHops"/> hops and never a module
    /// twice. The constant returned carries the hops' lines as <see cref="ExportedConstant.Through"/>; as for a direct
    /// import, two different values leave the site unknown.
    /// </summary>
    private static ExportedConstant? Passed(ImportedValue use, ILookup<(string, string), ExportedConstant> constants, ILookup<(string, string), ReExport> reExports)
    {
        if (use.FromModule is not { } from)
        {
            return null;
        }

        var start = use.Via is { } via && use.Language == "python" ? ModulePaths.Resolve(from.EndsWith('.') ? from + via : $"{from}.{via}", use.Module, use.Language) : ModulePaths.Resolve(from, use.Module, use.Language);
        var starts = use.Via is not null && use.Language == "python" ? [start, ModulePaths.Resolve(from, use.Module, use.Language)] : new[] { start };
        var found = new List<ExportedConstant>();
        foreach (var module in starts.Distinct(StringComparer.Ordinal))
        {
            Follow(use.Language, use.Name, module, [], constants, reExports, found, new HashSet<string>(StringComparer.Ordinal));
            if (found.Count > 0)
            {
                break;
            }
        }

        return found.Select(c => c.Value).Distinct(StringComparer.Ordinal).Count() == 1 ? found[0] : null;
    }

    private static void Follow(string language, string name, string module, List<SourceLocation> hops, ILookup<(string, string), ExportedConstant> constants,
        ILookup<(string, string), ReExport> reExports, List<ExportedConstant> found, HashSet<string> seen)
    {
        if (hops.Count >= MaxHops || !seen.Add($"{module}\u0000{name}"))
        {
            return;
        }

        foreach (var pass in reExports[(language, name)].Where(r => ModulePaths.Matches(module, r.Module)))
        {
            // A package's __init__ (or a barrel index) is its folder's module: its relative imports start inside that folder.
            var importer = Path.GetFileNameWithoutExtension(pass.At.File) is "__init__" or "index" ? pass.Module + "/" + Path.GetFileNameWithoutExtension(pass.At.File) : pass.Module;
            var next = ModulePaths.Resolve(pass.FromModule, importer, language);
            var through = new List<SourceLocation>(hops) { pass.At };
            var defined = constants[(language, pass.FromName)].Where(c => ModulePaths.Matches(next, c.Module)).ToList();
            if (defined.Count > 0)
            {
                found.AddRange(defined.Select(c => c with { Through = through }));
                continue;
            }

            Follow(language, pass.FromName, next, through, constants, reExports, found, seen);
        }
    }

    /// <summary>The one value the import names: the constant of that name in the module it is imported from (in Go, the same package).</summary>
    private static ExportedConstant? Find(ImportedValue use, ILookup<(string, string), ExportedConstant> constants)
    {
        var named = constants[(use.Language, use.Name)];
        string[] modules = use.FromModule is not { } from ? []
            : use.Via is not { } via ? [ModulePaths.Resolve(from, use.Module, use.Language)]
            : use.Language == "python" ? [ModulePaths.Resolve(from.EndsWith('.') ? from + via : $"{from}.{via}", use.Module, use.Language), ModulePaths.Resolve(from, use.Module, use.Language)]
            : [ModulePaths.Resolve(from, use.Module, use.Language)];
        var there = use.FromModule is null
            ? named.Where(c => c.Module == use.Module).ToList()
            : modules.Select(path => named.Where(c => ModulePaths.Matches(path, c.Module)).ToList()).FirstOrDefault(l => l.Count > 0) ?? [];
        return there.Select(c => c.Value).Distinct(StringComparer.Ordinal).Count() == 1 ? there[0] : null;
    }

    /// <summary>Moves the sites of one file from the endpoint the reader could not name to the party the constant's value names.</summary>
    private static void Resolve(StackModel model, string path, List<(ImportedValue Use, ExportedConstant Constant, LexicalSighting Sighting)> sites)
    {
        var fragment = LexicalInventory.Build(path, sites
            .Select(s => (s.Sighting with { Target = s.Sighting.Target.With(s.Use.Slot, s.Constant.Value, s.Constant.OverriddenBy) }, s.Use.At))
            .ToList());
        foreach (var (use, _, _) in sites)
        {
            Withdraw(model, use);
        }

        foreach (var party in fragment.Components.Where(c => c.Id != CodeApplication.Id))
        {
            if (sites.Where(s => party.Evidence.Contains(s.Use.At)).ToList() is { Count: > 0 } reaching && reaching.All(s => s.Constant.FromExample))
            {
                DotEnvSampleEndpoint.MarkExample(fragment, party, reaching[0].Constant.DeployedAt!);
            }
        }

        model.MergeFrom(fragment);
        foreach (var party in fragment.Components.Where(c => c.Id != CodeApplication.Id))
        {
            foreach (var byConstant in sites.Where(s => party.Evidence.Contains(s.Use.At)).GroupBy(s => s.Constant))
            {
                var constant = byConstant.Key;
                var uses = byConstant.Select(s => s.Use.At.ToString()).Distinct(StringComparer.Ordinal).ToList();
                var kept = model.Find(party.Id)!;
                kept.Evidence.Add(constant.At);
                if (constant.DeployedAt is { } deployedAt)
                {
                    kept.Evidence.Add(deployedAt);
                    kept.Notes.Add($"The {byConstant.First().Use.Slot} at {string.Join(", ", uses.Take(5))} is {constant.Name}, whose default {constant.Default} ({constant.At}) "
                        + $"{constant.OverriddenBy} replaces: {constant.DeployedBy} sets {constant.OverriddenBy}={constant.Value} ({deployedAt})"
                        + (constant.FromExample ? ", a sample of the endpoint the project intends, not the one a deployment is shown to set." : ", so that is where the code sends when deployed by that file."));
                    continue;
                }

                foreach (var hop in constant.Through)
                {
                    kept.Evidence.Add(hop);
                }

                var through = constant.Through.Count == 0 ? "," : $", passed on at {string.Join(", then ", constant.Through)},";
                kept.Notes.Add($"The {byConstant.First().Use.Slot} at {string.Join(", ", uses.Take(5))}{(uses.Count > 5 ? $" and {uses.Count - 5} more" : "")} is {constant.Name}{through} "
                    + $"defined in another file at {constant.At} as {constant.Value}{(constant.OverriddenBy is { } variable ? $" (the default of {variable}, which replaces it where set)" : "")}.");
            }
        }

        if (model.Find(OpenRouterRoutes.Id) is { } openRouter && sites.Where(s => fragment.Find(OpenRouterRoutes.Id)!?.Evidence.Contains(s.Use.At) == true && s.Use.Slot == "model").ToList() is { Count: > 0 } routed)
        {
            // The model's slug after openrouter/ is the upstream route, as a slug written in the calling file would be.
            var routes = new OpenRouterRoutes(null, model, CSharpFragment.AddToList, (c, key) => c.Attributes[key] as string[] ?? [], "call", acrossFiles: true);
            foreach (var (use, constant, _) in routed)
            {
                var slug = constant.Value.StartsWith("openrouter/", StringComparison.Ordinal) ? constant.Value["openrouter/".Length..] : "";
                routes.Add(openRouter, slug, (OpenRouterPreferences?)null, constant.At, scope: OpenRouterRoutes.CodeScope).Evidence.Add(use.At);
            }

            routes.SummariseZdr();
        }

        for (var i = 0; i < model.CodeClients.Builds.Count; i++)
        {
            var build = model.CodeClients.Builds[i];
            if (sites.FirstOrDefault(s => s.Use.At == build.At && s.Use.PartyId == build.PartyId) is { Use: { } use } site
                && fragment.Components.FirstOrDefault(c => c.Evidence.Contains(use.At) && c.Id != CodeApplication.Id) is { } party)
            {
                model.CodeClients.Builds[i] = build with { PartyId = party.Id, AddressSet = true };
            }
        }
    }

    /// <summary>Takes one site off the unnamed endpoint it was given, and the endpoint away when nothing else shows it.</summary>
    internal static void Withdraw(StackModel model, ImportedValue use)
    {
        if (model.Find(use.PartyId) is not { } unnamed)
        {
            return;
        }

        unnamed.Evidence.Remove(use.At);
        foreach (var flow in model.FlowsInto(unnamed.Id))
        {
            flow.Evidence.Remove(use.At);
            if (flow.Attributes["callSites"] is string[] calls)
            {
                flow.Attributes.Set("callSites", calls.Where(c => !c.StartsWith(use.At + " ", StringComparison.Ordinal)).ToArray());
            }
        }

        model.OpenQuestions.RemoveAll(q => q.About == unnamed.Id && q.Evidence == use.At);
        if (unnamed.Evidence.Count == 0)
        {
            model.OpenQuestions.RemoveAll(q => q.About == unnamed.Id);
            model.Remove(unnamed.Id);
        }
    }
}
