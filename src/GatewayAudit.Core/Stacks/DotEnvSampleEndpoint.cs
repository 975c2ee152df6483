using System.Text.RegularExpressions;
using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers;
using GatewayAudit.Core.Readers.Code;

namespace GatewayAudit.Core.Stacks;

/// <summary>
/// A client whose base URL the code reads from an environment variable with no default (<c>os.getenv("BASE_URL")</c>,
/// <c>os.environ["BASE_URL"]</c>, a module-level <c>base_url = os.getenv("BASE_URL")</c> passed on, <c>process.env.BASE_URL</c>):
/// the reader left it an endpoint nobody can name (<c>provider:env:BASE_URL</c>) and recorded the variable
/// (<see cref="LexicalImportedName.EnvironmentModule"/>). Where the project shows the value, the site is resolved with it,
/// with evidence at the line that sets it:
/// <list type="bullet">
/// <item>a compose service that builds the code and sets the variable to a literal: the deployment's own value;</item>
/// <item>else the env file nearest the code (<c>.env</c> before <c>.env.example</c>, <c>.env-example</c>,
/// <c>.env.sample</c>, <c>example.env</c>: its folder, then each folder above, as <see cref="DotEnvSampleAddress"/> looks),
/// within the code's project (<see cref="ProjectScope.RootOf"/>): a sibling project's file never reaches it.</item>
/// </list>
/// A placeholder (<c>https://your-endpoint</c>, <c>${X}</c>) or no value leaves the site unknown.
/// <para>
/// Confidence: a sample file (example, sample, template in its name) shows the endpoint the project's authors intend,
/// not the one a deployment sets, so the party is listed (a reviewer must see it, and the call is real) with
/// <c>confidence: example</c>, ranked below an address written in code and above a presumed party
/// (<see cref="AttributeStrength.Confidence"/>), and a note that says the value is a sample. It is not a "possible"
/// party: the prompts are sent by a call the code shows, and the sample is the only recipient the checkout names. A
/// real <c>.env</c> is what the code runs with where it is used, noted as such.
/// </para>
/// </summary>
public static partial class DotEnvSampleEndpoint
{
    public static void Apply(IReadOnlyList<StackModel> models, IReadOnlyList<DeploymentFacts> dotEnvs, IReadOnlyList<DeploymentFacts> composed, ProjectScope scope)
    {
        models = StackModel.WithCodeClients(models);
        var byFolder = DotEnvSampleAddress.ByFolder(dotEnvs);
        foreach (var model in models)
        {
            var uses = model.CodeClients.ImportedValues.Where(u => u.FromModule == LexicalImportedName.EnvironmentModule).ToList();
            model.CodeClients.ImportedValues.RemoveAll(u => u.FromModule == LexicalImportedName.EnvironmentModule);
            foreach (var use in uses)
            {
                if (use.Sighting is LexicalSighting sighting && Value(use, byFolder, composed, scope) is { } found)
                {
                    Resolve(model, use, sighting, found);
                }
            }
        }
    }

    private sealed record Found(string Value, SourceLocation At, string Where, bool Sample);

    private static Found? Value(ImportedValue use, Dictionary<string, List<EnvironmentValue>> byFolder, IReadOnlyList<DeploymentFacts> composed, ProjectScope scope)
    {
        if (ComposeBuildEnvironment.Sets(composed, use.At.File, use.Name) is { } deployed)
        {
            var text = deployed.Value.Value!.Trim();
            // The deployment's own value, not a template: any URL with a host counts (a compose service name is one).
            return text.Contains("://", StringComparison.Ordinal) && !ConfigValues.IsReference(text) && HostClassifier.HostOf(text) is not null
                ? new Found(text, deployed.Value.At, $"the compose service '{deployed.Service.Name}' that builds this code", Sample: false)
                : null;
        }

        return FromEnvFile(byFolder, scope, use.At.File, use.Name) is { } set ? new Found(set.Value, set.At, set.Where, set.Sample) : null;
    }

    /// <summary>
    /// The address the env file nearest <paramref name="file"/> within its project sets <paramref name="variable"/> to
    /// (a real .env before a sample), with whether it is a sample; null for none, a placeholder, or another project's file.
    /// </summary>
    internal static (string Value, SourceLocation At, string Where, bool Sample)? FromEnvFile(Dictionary<string, List<EnvironmentValue>> byFolder, ProjectScope scope, string file, string variable)
    {
        if (DotEnvSampleAddress.Nearest(file, [variable], byFolder) is not { } set || set.Value?.Trim() is not { } value
            || !EnvironmentFieldJoin.IsAddress(value) || scope.RootOf(set.At.File) != scope.RootOf(file))
        {
            return null;
        }

        var sample = SampleRegex().IsMatch(Path.GetFileName(set.At.File));
        return (value, set.At, sample ? "the project's sample env file" : "the project's env file", sample);
    }

    private static void Resolve(StackModel model, ImportedValue use, LexicalSighting sighting, Found found)
    {
        ImportedConstantJoin.Withdraw(model, use);
        var fragment = LexicalInventory.Build(use.At.File, [(sighting with { Target = sighting.Target.With(use.Slot, found.Value, null) }, use.At)]);
        var parties = fragment.Components.Where(c => c.Id != CodeApplication.Id).ToList();
        foreach (var party in parties)
        {
            party.Evidence.Add(found.At);
            party.Notes.Add($"The base URL at {use.At} is read from ${use.Name}, which {found.Where} sets to {found.Value} ({found.At})"
                + (found.Sample
                    ? ": a sample shows the endpoint the project intends, not the one a deployment sets; where the code runs with another value, that value's server receives the calls instead."
                    : ", which is what the code runs with wherever that file is used."));
            if (found.Sample)
            {
                MarkExample(fragment, party, found.At);
            }
        }

        model.MergeFrom(fragment);
        var only = parties.Count == 1 ? model.Find(parties[0].Id) : null;
        for (var i = 0; i < model.CodeClients.Builds.Count; i++)
        {
            if (only is not null && model.CodeClients.Builds[i] is { } build && build.At == use.At && build.PartyId == use.PartyId)
            {
                model.CodeClients.Builds[i] = build with { PartyId = only.Id, AddressSet = true };
            }
        }
    }

    /// <summary>
    /// Marks a party of a fragment, and the flows into it, as shown by an example file (<c>confidence: example</c>); done
    /// before the fragment is merged, so a call shown with an address in code (stronger) wins where both reach the party.
    /// </summary>
    internal static void MarkExample(StackModel fragment, Component party, SourceLocation at)
    {
        party.Attributes.Set("confidence", "example", at);
        foreach (var flow in fragment.FlowsInto(party.Id))
        {
            flow.Attributes.Set("confidence", "example", at);
        }
    }

    // The env files the DotEnvReader takes as examples (their values are placeholders or samples).
    [GeneratedRegex(@"(example|sample|template|dist|defaults?)", RegexOptions.IgnoreCase)]
    private static partial Regex SampleRegex();
}
