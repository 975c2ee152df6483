using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers.Code;

namespace GatewayAudit.Core.Stacks;

/// <summary>
/// The SDK clients a checkout builds, by language and SDK and by the last part of their module path, with the party
/// each reaches; and the rules that join a call through a client built elsewhere to one of them (<see cref="CodeClientJoin"/>).
/// </summary>
internal sealed class ClientIndex
{
    private readonly Dictionary<string, List<ClientBuild>> _bySdk = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ClientBuild>> _byModuleName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ClientBuild>> _byDefault = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ClientBuild>> _byModuleAnySdk = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Component> _parties = new(StringComparer.Ordinal);

    public ClientIndex(IEnumerable<(ClientBuild Build, StackModel Model)> builds)
    {
        foreach (var (build, model) in builds)
        {
            Add(_bySdk, $"{build.Language}:{build.Sdk}", build);
            Add(_byModuleName, $"{build.Language}:{build.Sdk}:{ModulePaths.LastPart(build.Module)}", build);
            Add(_byDefault, build.DefaultPartyId, build);
            Add(_byModuleAnySdk, $"{build.Language}:{ModulePaths.LastPart(build.Module)}", build);
            if (!_parties.ContainsKey(build.PartyId) && model.Find(build.PartyId) is { } party)
            {
                _parties[build.PartyId] = party;
            }
        }
    }

    public Component? Party(string id) => _parties.GetValueOrDefault(id);

    /// <summary>The clients of the call's SDK in its language.</summary>
    public List<ClientBuild> Of(ClientUse use) => _bySdk.GetValueOrDefault($"{use.Language}:{use.Sdk}") ?? [];

    /// <summary>The client a call goes through, the rule that says so, or why none is named (text to append to a sentence).</summary>
    public (ClientBuild? Build, string? Rule, string Why) Resolve(ClientUse use)
    {
        var why = "";
        if (use.Sdk == LexicalVocabulary.AnySdk)
        {
            return ResolveAnySdk(use);
        }

        if (use.FromModule is { } from)
        {
            var path = ModulePaths.Resolve(from, use.Module, use.Language);
            var there = (_byModuleName.GetValueOrDefault($"{use.Language}:{use.Sdk}:{ModulePaths.LastPart(path)}") ?? [])
                .Where(b => ModulePaths.Matches(path, b.Module)).ToList();
            var named = there.Where(b => b.Name == use.Name).ToList();
            var pick = named.Count > 0 ? named : there;
            if (pick.Count > 0)
            {
                return pick.Select(b => b.PartyId).Distinct(StringComparer.Ordinal).Count() == 1
                    ? (pick[0], named.Count > 0 ? $"import ({use.Name} from {from} is the client kept as {use.Name} there)" : $"import (the only {use.Sdk} client target of {from})", "")
                    : (null, null, $" (imported from {from}, which builds {use.Sdk} clients with different addresses)");
            }

            why = $" ({use.Name} is imported from {from}, where this scan found no {use.Sdk} client)";
        }

        var beside = (_byModuleName.GetValueOrDefault($"{use.Language}:{use.Sdk}:{ModulePaths.LastPart(use.Module)}") ?? [])
            .Where(b => b.Module == use.Module && b.Name == use.Name).ToList();
        if (beside.Count > 0 && beside.Select(b => b.PartyId).Distinct(StringComparer.Ordinal).Count() == 1)
        {
            return (beside[0], use.Language == "go" ? $"same Go package ({use.Module}), field or variable {use.Name}" : $"same module ({use.Module}), {use.Name}", "");
        }

        var all = Of(use);
        if (all.Count > 0 && all.Select(b => b.PartyId).Distinct(StringComparer.Ordinal).Count() == 1)
        {
            return (all[0], all.Count == 1 ? $"the only {use.Sdk} client this checkout builds" : $"all {all.Count} {use.Sdk} clients this checkout builds reach this party", "");
        }

        return (null, null, why);
    }

    /// <summary>
    /// A call through an object imported by name from a module of the project, whose SDK the calling file does not show
    /// (<c>from app.llm import llm</c>, <c>llm.invoke(...)</c>): only the client (or the object built from it) kept
    /// under that name in that module joins; no other rule applies, since nothing else says which SDK it is.
    /// </summary>
    private (ClientBuild? Build, string? Rule, string Why) ResolveAnySdk(ClientUse use)
    {
        if (use.FromModule is not { } from)
        {
            return (null, null, "");
        }

        var path = ModulePaths.Resolve(from, use.Module, use.Language);
        var named = (_byModuleAnySdk.GetValueOrDefault($"{use.Language}:{ModulePaths.LastPart(path)}") ?? [])
            .Where(b => b.Name == use.Name && ModulePaths.Matches(path, b.Module)).ToList();
        return named.Count > 0 && named.Select(b => b.PartyId).Distinct(StringComparer.Ordinal).Count() == 1
            ? (named[0], $"import ({use.Name} from {from} is the {named[0].Sdk} client, or an object built on it, kept as {use.Name} there)", "")
            : (null, null, "");
    }

    /// <summary>
    /// For an import-only party (an SDK's default vendor), the client builds that explain the import, one per party they
    /// reach: every client of that SDK the checkout builds is pointed at another party, and none reaches the default
    /// (a LangChain4j OpenAI starter whose clients go to xAI and DashScope by profile: two parties, neither OpenAI).
    /// </summary>
    public IReadOnlyList<ClientBuild>? ExplainedImport(string defaultPartyId)
    {
        var builds = _byDefault.GetValueOrDefault(defaultPartyId);
        return builds is { Count: > 0 } && builds.All(b => b.AddressSet && b.PartyId != defaultPartyId)
            ? builds.DistinctBy(b => b.PartyId, StringComparer.Ordinal).ToList()
            : null;
    }

    private static void Add(Dictionary<string, List<ClientBuild>> index, string key, ClientBuild build)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        list.Add(build);
    }
}

/// <summary>Module paths as the readers write them ('/' between parts, no extension) and as imports name them.</summary>
internal static class ModulePaths
{
    public static string LastPart(string module) => module[(module.LastIndexOf('/') + 1)..];

    /// <summary>
    /// An import as a path: a Python relative import (<c>.llm</c>, <c>..core.llm</c>) or a JavaScript relative one
    /// (<c>./llm</c>) from the importing module's folder; <c>app.llm</c> as <c>app/llm</c>; a <c>@/</c> or <c>~/</c> alias
    /// without it; a script extension dropped.
    /// </summary>
    public static string Resolve(string import, string importer, string language)
    {
        var folder = importer.Contains('/', StringComparison.Ordinal) ? importer[..importer.LastIndexOf('/')] : "";
        if (language == "python")
        {
            var dots = import.TakeWhile(c => c == '.').Count();
            var rest = import[dots..].Replace('.', '/');
            if (dots == 0)
            {
                return rest;
            }

            for (var up = 1; up < dots && folder.Length > 0; up++)
            {
                folder = folder.Contains('/', StringComparison.Ordinal) ? folder[..folder.LastIndexOf('/')] : "";
            }

            return Join(folder, rest);
        }

        var path = import.StartsWith("@/", StringComparison.Ordinal) || import.StartsWith("~/", StringComparison.Ordinal) ? import[2..] : import;
        foreach (var extension in new[] { ".js", ".ts", ".mjs", ".jsx", ".tsx" })
        {
            path = path.EndsWith(extension, StringComparison.Ordinal) ? path[..^extension.Length] : path;
        }

        if (!path.StartsWith("./", StringComparison.Ordinal) && !path.StartsWith("../", StringComparison.Ordinal))
        {
            return path;
        }

        var parts = folder.Length == 0 ? new List<string>() : [.. folder.Split('/')];
        foreach (var part in path.Split('/'))
        {
            if (part == ".." && parts.Count > 0)
            {
                parts.RemoveAt(parts.Count - 1);
            }
            else if (part is not ("." or ".." or ""))
            {
                parts.Add(part);
            }
        }

        return string.Join('/', parts);
    }

    /// <summary>True when one path ends with the other part by part (an import names a module by its tail), or a Go import path and a folder share two or more last parts.</summary>
    public static bool Matches(string import, string module)
    {
        var a = import.Split('/');
        var b = module.Split('/');
        var common = 0;
        while (common < a.Length && common < b.Length && a[^(common + 1)] == b[^(common + 1)])
        {
            common++;
        }

        return common > 0 && (common == Math.Min(a.Length, b.Length) || common >= 2);
    }

    private static string Join(string folder, string rest) => folder.Length == 0 ? rest : rest.Length == 0 ? folder : $"{folder}/{rest}";
}
