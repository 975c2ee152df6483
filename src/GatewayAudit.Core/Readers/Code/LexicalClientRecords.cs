using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers.Gateways;
using GatewayAudit.Core.Yaml;

namespace GatewayAudit.Core.Readers.Code;

/// <summary>
/// Writes down, for the stack assembly's join (<see cref="CodeClients"/>), the half of a client that one file shows:
/// the SDK clients it builds (with the variable or field they are kept in and the party their address names), the
/// calls it makes through a client it does not build, and the OpenRouter preference objects it keeps in module-level
/// variables. A file with such a call or object is application code even when it names no party itself.
/// </summary>
internal static class LexicalClientRecords
{
    public static void Add(InputFile file, LexicalSource source, LexicalCallSites calls, StackModel model, List<Diagnostic> diagnostics, SecretLedger secrets)
    {
        var language = source.Language.ToString().ToLowerInvariant();
        var module = ModuleOf(file.DisplayPath, source.Language);
        var records = model.CodeClients;
        foreach (var client in calls.Built.Where(c => !c.SendsNothing && !IsExporter(c.Target.Key)))
        {
            var at = file.At(client.At.Line, client.At.Column);
            var target = client.Target;
            records.Builds.Add(new ClientBuild(target.Key, language, at, client.Kept, module, LexicalParties.Resolve(target, at.ToString()).Id,
                target.Url is not null || target.Variable is not null || target.Expression is not null, LexicalParties.Resolve(new LexicalTarget(target.Key), at.ToString()).Id));
        }

        foreach (var call in calls.Unresolved)
        {
            var at = file.At(call.At.Line, call.At.Column);
            var party = LexicalParties.Resolve(new LexicalTarget(call.Sdk), at.ToString());
            var fallback = new Component { Id = party.Id, Name = party.Name, Role = party.Role, Vendor = party.Vendor, Hosting = party.Hosting };
            records.Uses.Add(new ClientUse(call.Sdk, language, at, call.Through, call.Name, call.FromModule, module, LexicalInventory.CallName(call.Kind),
                [.. LexicalInventory.CategoriesOf(call.Kind)], fallback)
            {
                PassesPreferences = call.Passes,
                PreferencesFrom = call.PassesFrom,
                SdkFromShape = call.SdkFromShape,
            });
        }

        AddPreferenceObjects(file, source, model, diagnostics, secrets, language, module);
        if (!records.IsEmpty)
        {
            CodeApplication.Add(model, records.Uses.Select(u => u.At).Concat(records.Builds.Select(b => b.At)).Concat(records.Preferences.Select(p => p.At)).Min());
        }
    }

    /// <summary>
    /// The file's module path as imports name it, with '/' between parts: a Python file without <c>.py</c> and
    /// <c>/__init__</c>; a JavaScript/TypeScript file without its extension and <c>/index</c>; a Go package is its folder.
    /// </summary>
    public static string ModuleOf(string displayPath, LexicalLanguage language)
    {
        if (language == LexicalLanguage.Go)
        {
            var slash = displayPath.LastIndexOf('/');
            return slash < 0 ? "" : displayPath[..slash];
        }

        var dot = displayPath.LastIndexOf('.');
        var path = dot > displayPath.LastIndexOf('/') ? displayPath[..dot] : displayPath;
        foreach (var tail in new[] { "/__init__", "/index" })
        {
            if (path.EndsWith(tail, StringComparison.Ordinal))
            {
                return path[..^tail.Length];
            }
        }

        return path;
    }

    /// <summary>
    /// <c>NAME = {"provider": {...}}</c> or <c>NAME = {"order": [...], ...}</c> at the top of a module (its name in the
    /// first column, or after <c>export const</c>): OpenRouter provider preferences another file may pass by name.
    /// </summary>
    private static void AddPreferenceObjects(InputFile file, LexicalSource source, StackModel model, List<Diagnostic> diagnostics, SecretLedger secrets, string language, string module)
    {
        if (source.Language is not (LexicalLanguage.Python or LexicalLanguage.JavaScript))
        {
            return;
        }

        LexicalObjects? objects = null;
        for (var i = 2; i < source.Count; i++)
        {
            if (!source[i].Is("{") || source.Match[i] < i || source.AssignedName(i) is not { } name || !TopLevel(source, i))
            {
                continue;
            }

            objects ??= new LexicalObjects(source);
            if (objects.ValueFrom(i) is not YamlMapping mapping)
            {
                continue;
            }

            var provider = GatewayKeys.Value(mapping, "provider") as YamlMapping ?? mapping;
            if (provider.Entries.Count == 0 || !OpenRouterFileReader.IsPreferences(provider, withModel: true))
            {
                continue;
            }

            var snake = LexicalOpenRouter.Snake(provider);
            var values = new ConfigValues(new YamlDocument(file.DisplayPath, snake), model, diagnostics, secrets);
            var at = file.At(source[i].Line, source[i].Column);
            model.CodeClients.Preferences.Add(new PreferenceObject(name, module, language, at, OpenRouterPreferences.FromYaml(values, snake)));
        }
    }

    /// <summary>True when the assignment before <paramref name="open"/> starts its line in the first column (Python module level) or after export/const.</summary>
    private static bool TopLevel(LexicalSource source, int open)
    {
        var first = open;
        while (first > 0 && source[first - 1].Line == source[open].Line)
        {
            first--;
        }

        return source[first].Column == 1 && (source.Language == LexicalLanguage.Python || source[first].Text is "export" or "const" or "let" or "var");
    }

    private static bool IsExporter(string key) =>
        LexicalVocabulary.ServiceByKey.TryGetValue(key, out var service) && service.Role == ComponentRole.Exporter;
}
