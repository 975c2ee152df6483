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

        AddAliases(source, records, module);
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

        foreach (var sighting in calls.Sightings.Where(s => s.Target.Imported is not null))
        {
            var at = file.At(sighting.At.Line, sighting.At.Column);
            var imported = sighting.Target.Imported!;
            records.ImportedValues.Add(new ImportedValue(imported.Name, imported.FromModule, imported.Via, module, language, at, imported.Slot,
                LexicalParties.Resolve(sighting.Target, at.ToString()).Id, sighting));
        }

        AddConstants(file, source, records, language, module);
        GoEnvironmentFields.Add(file, source, records, module);
        AddReExports(file, source, records, language, module);
        AddPreferenceObjects(file, source, model, diagnostics, secrets, language, module);
        if (!records.IsEmpty)
        {
            // A call through an imported object of no SDK the file shows is application code only once it joins a client.
            var sites = records.Uses.Where(u => u.Sdk != LexicalVocabulary.AnySdk).Select(u => u.At).Concat(records.Builds.Select(b => b.At)).Concat(records.Preferences.Select(p => p.At)).ToList();
            if (sites.Count > 0)
            {
                CodeApplication.Add(model, sites.Min()!);
            }
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

    /// <summary>
    /// A module-level object built from a client the file keeps (<c>chain = prompt | llm | parser</c>,
    /// <c>agent = create_react_agent(llm, tools)</c>, <c>engine = index.as_query_engine(llm=llm)</c>): another file that
    /// imports it and calls <c>chain.invoke(...)</c> sends its prompts through that client, so it is recorded as a
    /// build of the same client under the object's name.
    /// </summary>
    private static void AddAliases(LexicalSource source, CodeClients records, string module)
    {
        var kept = records.Builds.Where(b => b.Name is not null && b.Module == module).GroupBy(b => b.Name!).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        if (kept.Count == 0)
        {
            return;
        }

        for (var i = 1; i < source.Count; i++)
        {
            if (source.AssignedName(i) is not { } name || kept.ContainsKey(name) || !source.IsPunct(i - 1, "=") || !ModuleLevel(source, i))
            {
                continue;
            }

            var end = source.StatementEnd(i);
            for (var k = i; k < end; k++)
            {
                if (source.IsIdentifier(k) && kept.TryGetValue(source[k].Text, out var client) && !source.IsPunct(k + 1, "=") && !source.IsPunct(k - 1, "."))
                {
                    records.Builds.Add(client with { Name = name });
                    kept[name] = client;
                    break;
                }
            }

            i = Math.Max(i, end - 1);
        }
    }

    /// <summary>
    /// Module-level string constants holding an address or a model (a URL, a slug with '/', or a name with MODEL in it),
    /// which another file may import: Python at the first column or a field of a pydantic-settings class, JavaScript <c>export const</c>, Go package-level
    /// <c>const</c> / <c>var</c> (also in a <c>const ( ... )</c> block). Keys and other strings are not recorded.
    /// </summary>
    private static void AddConstants(InputFile file, LexicalSource source, CodeClients records, string language, string module)
    {
        var settings = PydanticSettings.Classes(source);
        foreach (var (name, index) in source.Constants)
        {
            var value = source[index];
            var modelLike = name.Contains("MODEL", StringComparison.OrdinalIgnoreCase) && !value.Text.Any(char.IsWhiteSpace);
            var field = settings.FirstOrDefault(c => value.Line >= c.From && value.Line <= c.To);
            if (value.Form == LexicalStringForm.Template || !(HostClassifier.HostOf(value.Text) is not null && value.Text.Contains("://", StringComparison.Ordinal)
                || value.Text.Contains('/', StringComparison.Ordinal) && !value.Text.Any(char.IsWhiteSpace) || modelLike) || !(ModuleLevel(source, index) || field.To > 0))
            {
                continue;
            }

            // A BaseSettings field's default gives way to the environment variable of its name (PydanticSettings).
            var overridden = field.To > 0 ? source.Overridable.GetValueOrDefault(name) ?? PydanticSettings.Variable(field, name) : source.Overridable.GetValueOrDefault(name);
            records.Constants.Add(new ExportedConstant(name, module, language, file.At(value.Line, value.Column), value.Text, overridden));
        }
    }

    /// <summary>
    /// Names the module passes on from a module of the project: each name it imports from one (a package's
    /// <c>__init__</c> re-exporting <c>from .config import BASE_URL</c>, <c>export { BASE_URL } from "./config"</c>), and
    /// a module-level <c>API_URL = BASE_URL</c> of such a name. The stack assembly follows them to the constant
    /// (ImportedConstantJoin); an aliased import is followed under its local name only, and so reaches nothing.
    /// </summary>
    private static void AddReExports(InputFile file, LexicalSource source, CodeClients records, string language, string module)
    {
        if (source.Language is not (LexicalLanguage.Python or LexicalLanguage.JavaScript) || source.LocalImports.Count == 0)
        {
            return;
        }

        foreach (var (name, from) in source.LocalImports)
        {
            if (source.Imports.Count(i => i.Name == name) > 1)
            {
                continue; // bound by two imports (try/except ImportError, or one rebinding the other): which holds is not shown
            }

            var at = source.Imports.FirstOrDefault(i => i.Name == name)?.At ?? source.Imports.FirstOrDefault(i => i.Module == from)?.At;
            if (at is { } token)
            {
                records.ReExports.Add(new ReExport(name, module, language, file.At(token.Line, token.Column), name, from));
            }
        }

        for (var i = 2; i < source.Count; i++)
        {
            if (source.IsIdentifier(i) && source.LocalImports.TryGetValue(source[i].Text, out var from) && source.AssignedName(i) is { } name
                && name != source[i].Text && source.StatementEnd(i) == i + 1 && ModuleLevel(source, i))
            {
                records.ReExports.Add(new ReExport(name, module, language, file.At(source[i].Line, source[i].Column), source[i].Text, from));
            }
        }
    }

    /// <summary>True when the statement holding token <paramref name="index"/> is at module level (its line starts in the first column, or in Go inside a <c>const (</c> / <c>var (</c> block).</summary>
    private static bool ModuleLevel(LexicalSource source, int index)
    {
        var first = index;
        while (first > 0 && source[first - 1].Line == source[index].Line)
        {
            first--;
        }

        if (source[first].Column == 1)
        {
            return source.Language != LexicalLanguage.JavaScript || source[first].Text is "export" or "const" or "let" or "var";
        }

        if (source.Language != LexicalLanguage.Go)
        {
            return false;
        }

        for (var k = first - 1; k > 0; k--)
        {
            if (source[k].Is("(") && source.Match[k] > index)
            {
                return source[k - 1].Text is "const" or "var" && source[k - 1].Column == 1;
            }
        }

        return false;
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

    // Observability backends and tool APIs are not model clients another file's chat calls could go through.
    private static bool IsExporter(string key) =>
        LexicalVocabulary.ServiceByKey.TryGetValue(key, out var service) && service.Role is ComponentRole.Exporter or ComponentRole.ToolApi;
}
