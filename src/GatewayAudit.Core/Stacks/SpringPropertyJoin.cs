using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers.Code;

namespace GatewayAudit.Core.Stacks;

/// <summary>
/// A Java or Kotlin client whose address is a field Spring fills from a property
/// (<c>@Value("${langchain4j.open-ai.chat-model.base-url}") lateinit var url</c>, then <c>.baseUrl(url)</c>): the code
/// reader left the site to an endpoint it could not name (<see cref="SpringValueFields"/>); here the property is looked
/// up in the Spring property files of the same application (<see cref="SpringPropertyValue"/>: same folder before
/// <c>src/main/resources</c>, the nearest one holding the code), <c>application.yml</c> and every
/// <c>application-{profile}.yml</c>, and the site is resolved with each value, with evidence at both lines.
/// <para>
/// Profiles: which profile runs is decided where the application starts (<c>spring.profiles.active</c>,
/// <c>SPRING_PROFILES_ACTIVE</c>), not in the checkout, so every distinct value the files set is a party the site may
/// send to, each named with the profiles that set it. A privacy reviewer needs every possible recipient in the annex;
/// one "depends on profile" row would hide who they are. Where the values differ, each party's note says the recipient
/// depends on the active profile. A property no file sets takes the placeholder's default (<c>${key:default}</c>);
/// with neither, the site stays unknown.
/// </para>
/// </summary>
public static class SpringPropertyJoin
{
    public static void Apply(IReadOnlyList<StackModel> models)
    {
        var properties = models.SelectMany(m => m.CodeClients.SpringProperties).ToList();
        foreach (var model in models)
        {
            var uses = model.CodeClients.ImportedValues.Where(u => u.FromModule == SpringValueFields.Module).ToList();
            model.CodeClients.ImportedValues.RemoveAll(u => u.FromModule == SpringValueFields.Module);
            foreach (var use in uses)
            {
                if (use.Sighting is LexicalSighting sighting && SpringValueFields.Parse(use.Name) is { } placeholder
                    && Values(use, placeholder.Key, placeholder.Default, properties) is { Count: > 0 } values)
                {
                    Resolve(model, use, sighting, values);
                }
            }
        }

        foreach (var model in models)
        {
            model.CodeClients.SpringProperties.Clear();
        }
    }

    /// <summary>The values the property files of the code's application set for the key, else the placeholder's default.</summary>
    private static List<SpringPropertyValue> Values(ImportedValue use, string key, string? fallback, List<SpringPropertyValue> properties)
    {
        var canonical = string.Concat(key.Where(c => c is not ('-' or '_'))).ToLowerInvariant();
        var root = properties.Select(p => p.Root).Where(r => r.Length == 0 || use.At.File.StartsWith(r + "/", StringComparison.Ordinal))
            .OrderByDescending(r => r.Length).FirstOrDefault();
        var set = root is null ? [] : properties.Where(p => p.Root == root && p.Key == canonical).ToList();
        return set.Count > 0 ? set
            : fallback is not null && fallback.Contains("://", StringComparison.Ordinal) ? [new SpringPropertyValue(canonical, root ?? "", null, use.At, fallback, null)]
            : [];
    }

    private static void Resolve(StackModel model, ImportedValue use, LexicalSighting sighting, List<SpringPropertyValue> values)
    {
        ImportedConstantJoin.Withdraw(model, use);
        var distinct = values.Select(v => v.Value).Distinct(StringComparer.Ordinal).Count();
        Component? only = null;
        foreach (var group in values.GroupBy(v => v.Value, StringComparer.Ordinal))
        {
            var variable = group.Select(v => v.Variable).FirstOrDefault(v => v is not null);
            var fragment = LexicalInventory.Build(use.At.File, [(sighting with { Target = sighting.Target.With(use.Slot, group.Key, variable) }, use.At)]);
            model.MergeFrom(fragment);
            foreach (var party in fragment.Components.Where(c => c.Id != CodeApplication.Id))
            {
                var kept = model.Find(party.Id)!;
                kept.Evidence.UnionWith(group.Select(v => v.At));
                var where = string.Join("; ", group.Select(v => v.At == use.At ? "the placeholder's default (no property file sets it)"
                    : $"{v.At} ({(v.Profile is null ? "default profile" : $"profile '{v.Profile}'")})"));
                kept.Notes.Add($"The {use.Slot} at {use.At} is the Spring property {use.Name}, set to {group.Key} at {where}"
                    + (variable is not null ? $", unless {variable} is set where the application runs" : "")
                    + (distinct > 1 ? $"; {(distinct == 2 ? "another file sets it to another value" : $"other files set it to {distinct - 1} other values")} (a party of its own), so which party receives these calls depends on the profile the application runs with." : "."));
                only = distinct == 1 ? kept : null;
            }
        }

        for (var i = 0; i < model.CodeClients.Builds.Count; i++)
        {
            if (only is not null && model.CodeClients.Builds[i] is { } build && build.At == use.At && build.PartyId == use.PartyId)
            {
                model.CodeClients.Builds[i] = build with { PartyId = only.Id, AddressSet = true };
            }
        }
    }
}
