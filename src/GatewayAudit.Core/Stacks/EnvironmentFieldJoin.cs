using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers;
using GatewayAudit.Core.Readers.Code;
using GatewayAudit.Vocabulary;

namespace GatewayAudit.Core.Stacks;

/// <summary>
/// A Go client whose base URL is a struct field another file sets from the environment (<c>clientConfig.BaseURL =
/// conf.OpenAIBaseURL</c> in <c>main.go</c>, <c>OpenAIBaseURL: os.Getenv("BASE_URL")</c> in <c>config/config.go</c>):
/// the reader left the site to an endpoint it could not name (<see cref="GoEnvironmentFields"/>). Here the field is found
/// by name, and the variable's value in the env file nearest the field's file (<c>.env</c>, <c>example.env</c>,
/// <c>.env.example</c>: its folder, then each folder above, as <see cref="DotEnvSampleAddress"/> looks), which must be
/// the env file of the module both files belong to: the field's file, the using file and the env file have one project
/// root (<see cref="ProjectScope.RootOf"/>: the nearest folder holding <c>go.mod</c> or another build manifest), so an
/// env file beside the config package serves the module's <c>main.go</c>, and one above the module's folder does not. The site is resolved with that value, with evidence at the field and the env file's line, and a
/// note that the file is what the code runs with only where it is used. Fields of that name setting different
/// variables, a value that is a placeholder or a reference, or no value, leave the site unknown; a helper's literal
/// default (<c>getEnv("BASE_URL", "https://...")</c>) is used where no env file sets the variable.
/// </summary>
public static class EnvironmentFieldJoin
{
    public static void Apply(IReadOnlyList<StackModel> models, IReadOnlyList<DeploymentFacts> dotEnvs, ProjectScope scope)
    {
        models = StackModel.WithCodeClients(models);
        var fields = models.SelectMany(m => m.CodeClients.EnvironmentFields).ToLookup(f => (f.Language, f.Name));
        var byFolder = DotEnvSampleAddress.ByFolder(dotEnvs);
        foreach (var model in models)
        {
            var uses = model.CodeClients.ImportedValues.Where(u => u.FromModule == GoEnvironmentFields.Module).ToList();
            model.CodeClients.ImportedValues.RemoveAll(u => u.FromModule == GoEnvironmentFields.Module);
            foreach (var use in uses)
            {
                if (use.Sighting is LexicalSighting sighting && Value(use, fields[(use.Language, use.Name)].ToList(), byFolder, scope) is { } found)
                {
                    Resolve(model, use, sighting, found);
                }
            }
        }

        foreach (var model in models)
        {
            model.CodeClients.EnvironmentFields.Clear();
        }
    }

    private sealed record Found(EnvironmentField Field, string Value, SourceLocation? SetAt);

    private static Found? Value(ImportedValue use, List<EnvironmentField> fields, Dictionary<string, List<EnvironmentValue>> byFolder, ProjectScope scope)
    {
        if (fields.Select(f => f.Variable).Distinct(StringComparer.Ordinal).Count() != 1)
        {
            return null; // no field of that name, or fields of that name reading different variables
        }

        var field = fields[0];
        var module = scope.RootOf(field.At.File);
        if (scope.RootOf(use.At.File) != module)
        {
            return null; // the field is another module's
        }

        if (DotEnvSampleAddress.Nearest(field.At.File, [field.Variable], byFolder) is { } set)
        {
            return scope.RootOf(set.At.File) == module && set.Value is { } text && IsAddress(text.Trim())
                ? new Found(field, text.Trim(), set.At)
                : null;
        }

        return field.Default is { } fallback && IsAddress(fallback) ? new Found(field, fallback, null) : null;
    }

    /// <summary>A URL with a real host: not a reference, not a template's stand-in (<c>https://your-endpoint</c>, <c>&lt;BASE_URL&gt;</c>, example.com).</summary>
    internal static bool IsAddress(string value)
    {
        if (ConfigValues.IsReference(value) || !value.Contains("://", StringComparison.Ordinal) || HostClassifier.HostOf(value) is not { } host)
        {
            return false;
        }

        return host.IndexOfAny(['<', '>', '{', '}', '$']) < 0
            && !host.EndsWith("example.com", StringComparison.OrdinalIgnoreCase) && !host.EndsWith("example.org", StringComparison.OrdinalIgnoreCase)
            && !(SecretValues.IsPlaceholder(host) && GatewayTerms.FindHost(host) is null);
    }

    private static void Resolve(StackModel model, ImportedValue use, LexicalSighting sighting, Found found)
    {
        ImportedConstantJoin.Withdraw(model, use);
        var field = found.Field;
        var fragment = LexicalInventory.Build(use.At.File, [(sighting with { Target = sighting.Target.With(use.Slot, found.Value, field.Variable) }, use.At)]);
        model.MergeFrom(fragment);
        Component? only = null;
        foreach (var party in fragment.Components.Where(c => c.Id != CodeApplication.Id))
        {
            var kept = model.Find(party.Id)!;
            kept.Evidence.Add(field.At);
            if (found.SetAt is { } at)
            {
                kept.Evidence.Add(at);
            }

            kept.Notes.Add($"The {use.Slot} at {use.At} is the field {use.Via}.{use.Name}, set from ${field.Variable} at {field.At}; "
                + (found.SetAt is { } line
                    ? $"the module's env file sets {field.Variable}={found.Value} ({line}), which is what the code runs with wherever that file is used."
                    : $"no env file of the module sets it, so the default {found.Value} written there is used where {field.Variable} is unset."));
            only = kept;
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
