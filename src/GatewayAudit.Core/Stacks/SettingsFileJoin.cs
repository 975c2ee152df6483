using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers;
using GatewayAudit.Core.Readers.Code;

namespace GatewayAudit.Core.Stacks;

/// <summary>
/// A client whose address a framework fills from a settings file of the same application: the code reader left the
/// site to an endpoint it could not name, as an imported value of a settings module; here the key is looked up in the
/// settings files of that application (<see cref="SettingValue"/>: the longest settings root holding the code) and the
/// site is resolved with each value, with evidence at both lines.
/// <list type="bullet">
/// <item>Spring: a Java or Kotlin field annotated <c>@Value("${key}")</c> or a <c>@ConfigurationProperties</c> field
/// (<see cref="SpringValueFields"/>), against <c>application.yml</c> and every <c>application-{profile}.yml</c> (and each
/// document of a file activated on a profile).</item>
/// <item>.NET: <c>IConfiguration["A:B"]</c>, <c>GetValue&lt;string&gt;("A:B")</c>, <c>GetSection("A")["B"]</c>,
/// <c>GetSection("A:B").Value</c> (<see cref="CSharpConfigurationKey"/>), against <c>appsettings.json</c> and every
/// <c>appsettings.{Environment}.json</c> of the project folder; a compose service building the code that sets
/// <c>A__B</c> to a literal overrides them all, as environment variables override JSON files in .NET's default
/// configuration (https://learn.microsoft.com/aspnet/core/fundamentals/configuration, read 2026-12-01).</item>
/// </list>
/// <para>
/// Profiles and environments: which one runs is decided where the application starts (<c>spring.profiles.active</c>,
/// <c>ASPNETCORE_ENVIRONMENT</c>), not in the checkout, so every distinct value the files set is a party the site may
/// send to, each named with where it is set. A privacy reviewer needs every possible recipient in the annex; one
/// "depends on profile" row would hide who they are. A key no file sets takes the placeholder's default
/// (<c>${key:default}</c>); with neither, the site stays unknown.
/// </para>
/// </summary>
public static class SettingsFileJoin
{
    public static void Apply(IReadOnlyList<StackModel> models, IReadOnlyList<DeploymentFacts>? deployments = null)
    {
        models = StackModel.WithCodeClients(models);
        var settings = models.SelectMany(m => m.CodeClients.Settings).ToList();
        var sections = new OptionsSections(models);
        foreach (var model in models)
        {
            var uses = model.CodeClients.ImportedValues.Where(u => FrameworkOf(u) is not null).ToList();
            model.CodeClients.ImportedValues.RemoveAll(u => FrameworkOf(u) is not null);
            foreach (var use in uses)
            {
                if (use.Sighting is not LexicalSighting sighting || Keys(use, sections) is not { Count: > 0 } keys)
                {
                    continue;
                }

                var values = keys.SelectMany(k => Values(use, k, settings, deployments ?? [])).ToList();
                var parties = use.FromModule == CSharpConfigurationKey.RequestModule ? NamingParties(values) : values;
                if (parties.Count > 0)
                {
                    Resolve(model, use, sighting, keys, parties);
                }
                else if (keys[0].Binding is not null && model.Find(use.PartyId) is { } unset)
                {
                    unset.Notes.Add($"{char.ToUpperInvariant(Described(use, keys[0])[0])}{Described(use, keys[0])[1..]}, which no settings file in the inputs sets.");
                }
            }
        }

        foreach (var model in models)
        {
            model.CodeClients.Settings.Clear();
            model.CodeClients.OptionsBindings.Clear();
            model.CodeClients.ClassConstants.Clear();
        }
    }

    /// <summary>
    /// A key to look up: <see cref="Key"/> as the settings readers record it, <see cref="Written"/> as the code or binding
    /// writes it; for a property of an options class, the section it is bound to and where (<see cref="Binding"/>).
    /// </summary>
    private sealed record SettingKey(string Framework, string Key, string Written, string? Default, string? Section = null, SourceLocation? Binding = null);

    private static string? FrameworkOf(ImportedValue use) => use.FromModule switch
    {
        SpringValueFields.Module => SettingValue.Spring,
        CSharpConfigurationKey.Module or CSharpConfigurationKey.RequestModule => SettingValue.DotNet,
        _ => null,
    };

    private static List<SettingKey> Keys(ImportedValue use, OptionsSections sections) => FrameworkOf(use) switch
    {
        SettingValue.Spring when SpringValueFields.Parse(use.Name) is { } placeholder => [new(SettingValue.Spring, SpringCanonical(placeholder.Key), placeholder.Key, placeholder.Default)],
        SettingValue.DotNet when use.Via is { } options => sections.For(options, use.At.File)
            .Select(b => (Written: b.Section.Length == 0 ? use.Name : $"{b.Section}:{use.Name}", b.Section, b.At))
            .Select(b => new SettingKey(SettingValue.DotNet, b.Written.ToLowerInvariant(), b.Written, null, b.Section, b.At)).ToList(),
        SettingValue.DotNet => [new(SettingValue.DotNet, use.Name.ToLowerInvariant(), use.Name, null)],
        _ => [],
    };

    /// <summary>What the site reads, in a reviewer's words.</summary>
    private static string Described(ImportedValue use, SettingKey key) => key.Framework == SettingValue.Spring ? $"the Spring property {use.Name}"
        : key.Binding is { } binding ? $"the property {use.Name.Replace(':', '.')} of the options class {use.Via}, bound to the configuration section {(key.Section!.Length == 0 ? "(the root)" : key.Section)} at {binding}, so the .NET configuration key {key.Written}"
        : $"the .NET configuration key {use.Name}";

    /// <summary>
    /// For a raw HTTP request whose file shows nothing but the key (<see cref="CSharpConfigurationKey.RequestModule"/>):
    /// only the values that name a party by themselves, as a literal URL in code must (a known host, an inference server
    /// on the operator's network, an LLM API path). A configured URL of an ordinary back end names no party.
    /// </summary>
    private static List<SettingValue> NamingParties(List<SettingValue> values) =>
        values.Where(v => LexicalAddresses.NamesParty(v.Value, out _)).ToList();

    /// <summary>Spring's relaxed binding: dashes and underscores do not count, nor case.</summary>
    public static string SpringCanonical(string key) => string.Concat(key.Where(c => c is not ('-' or '_'))).ToLowerInvariant();

    /// <summary>The values the settings files of the code's application set for the key, else the placeholder's default.</summary>
    private static List<SettingValue> Values(ImportedValue use, SettingKey setting, List<SettingValue> settings, IReadOnlyList<DeploymentFacts> deployments)
    {
        var (framework, key, fallback) = (setting.Framework, setting.Key, setting.Default);
        if (framework == SettingValue.DotNet && ComposeBuildEnvironment.Sets(deployments, use.At.File, setting.Written.Replace(":", "__", StringComparison.Ordinal)) is { } set
            && set.Value.Value!.Contains("://", StringComparison.Ordinal))
        {
            // An environment variable overrides every appsettings file: the deployment's value is the one that runs.
            return [new SettingValue(framework, key, "", $"the compose service '{set.Service.Name}' that builds this code", set.Value.At, set.Value.Value.Trim(), null)];
        }

        var own = settings.Where(s => s.Framework == framework).ToList();
        var root = own.Select(p => p.Root).Where(r => r.Length == 0 || use.At.File.StartsWith(r + "/", StringComparison.Ordinal))
            .OrderByDescending(r => r.Length).FirstOrDefault();
        var found = root is null ? [] : own.Where(p => p.Root == root && p.Key == key).ToList();
        if (found.Any(v => !v.Example))
        {
            found.RemoveAll(v => v.Example); // an example documents the value; a file the host loads sets it
        }

        return found.Count > 0 ? found
            : fallback is not null && fallback.Contains("://", StringComparison.Ordinal) ? [new SettingValue(framework, key, root ?? "", null, use.At, fallback, null)]
            : [];
    }

    private static void Resolve(StackModel model, ImportedValue use, LexicalSighting sighting, List<SettingKey> keys, List<SettingValue> values)
    {
        var framework = keys[0].Framework;
        ImportedConstantJoin.Withdraw(model, use);
        var distinct = values.Select(v => v.Value).Distinct(StringComparer.Ordinal).Count();
        var spring = framework == SettingValue.Spring;
        Component? only = null;
        var resolved = new List<Component>();
        foreach (var group in values.GroupBy(v => v.Value, StringComparer.Ordinal))
        {
            var variable = group.Select(v => v.Variable).FirstOrDefault(v => v is not null);
            var at = sighting with { Target = sighting.Target.With(use.Slot, group.Key, variable) };
            if (use.FromModule == CSharpConfigurationKey.RequestModule && HostClassifier.HostOf(group.Key) is { } host)
            {
                // The code's request shows no route: the value's path tells the call (a /models listing sends no prompt).
                at = at with { Call = LexicalAddresses.CallOf(group.Key, host) ?? LexicalCallKind.Chat };
            }

            var fragment = LexicalInventory.Build(use.At.File, [(at, use.At)]);
            if (group.All(v => v.Example))
            {
                // The project's example settings show the endpoint its authors intend, not one the host loads: listed,
                // as the call is real, with confidence "example" (as DotEnvSampleEndpoint does for a sample env file).
                foreach (var party in fragment.Components.Where(c => c.Id != CodeApplication.Id))
                {
                    DotEnvSampleEndpoint.MarkExample(fragment, party, group.First().At);
                }
            }

            model.MergeFrom(fragment);
            foreach (var party in fragment.Components.Where(c => c.Id != CodeApplication.Id))
            {
                var kept = model.Find(party.Id)!;
                kept.Evidence.UnionWith(group.Select(v => v.At));
                var setting = keys.FirstOrDefault(k => group.Any(v => v.Key == k.Key)) ?? keys[0];
                if (setting.Binding is { } binding)
                {
                    kept.Evidence.Add(binding);
                }

                var where = string.Join("; ", group.Select(v => v.At == use.At ? "the placeholder's default (no property file sets it)"
                    : $"{v.At} ({Scope(v, spring)})"));
                kept.Notes.Add($"The {use.Slot} at {use.At} is {Described(use, setting)}, set to {group.Key} at {where}"
                    + (variable is not null ? $", unless {variable} is set where the application runs" : "")
                    + (distinct > 1 ? $"; {(distinct == 2 ? "another file sets it to another value" : $"other files set it to {distinct - 1} other values")} (a party of its own), so which party receives these calls depends on the {(spring ? "profile the application runs with" : "environment the application runs in (ASPNETCORE_ENVIRONMENT or DOTNET_ENVIRONMENT)")}." : "."));
                only = distinct == 1 ? kept : null;
                resolved.Add(kept);
            }
        }

        if (!spring && model.Find(use.PartyId) is { } left && resolved.Count > 0)
        {
            TakeCalls(model, left, resolved);
        }

        var count = model.CodeClients.Builds.Count;
        for (var i = 0; i < count; i++)
        {
            if (resolved.Count > 0 && model.CodeClients.Builds[i] is { } build && build.At == use.At && build.PartyId == use.PartyId)
            {
                // One build per party the values name: the client reaches one of them, chosen where it runs.
                model.CodeClients.Builds[i] = build with { PartyId = (only ?? resolved[0]).Id, AddressSet = true };
                model.CodeClients.Builds.AddRange(only is null ? resolved.Skip(1).Select(p => build with { PartyId = p.Id, AddressSet = true }) : []);
            }
        }
    }

    /// <summary>
    /// The calls the file made on an HttpClient whose base address is the key (<c>PostAsJsonAsync("/api/chat", ...)</c>
    /// on <c>BaseAddress = new Uri(config["Ollama:Url"])</c>) reach the parties the key's values name: the endpoint
    /// named by the key gives them its call sites and is gone.
    /// </summary>
    private static void TakeCalls(StackModel model, Component left, List<Component> resolved)
    {
        var flows = model.FlowsInto(left.Id).ToList();
        foreach (var party in resolved)
        {
            party.Evidence.UnionWith(left.Evidence);
            foreach (var flow in flows)
            {
                var into = model.Connect(flow.From, party.Id, flow.DataCategories, flow.Evidence.FirstOrDefault());
                into.Evidence.UnionWith(flow.Evidence);
            }
        }

        model.OpenQuestions.RemoveAll(q => q.About == left.Id);
        model.Remove(left.Id);
    }

    private static string Scope(SettingValue value, bool spring) => value.Profile switch
    {
        { } file when value.Example => $"{file}, an example settings file: the endpoint the project documents, not a file the application is shown to load",
        null => spring ? "default profile" : "every environment that does not override it",
        { } deployed when deployed.StartsWith("the compose service", StringComparison.Ordinal) => deployed,
        { } profile => spring ? $"profile '{profile}'" : $"environment '{profile}'",
    };
}
