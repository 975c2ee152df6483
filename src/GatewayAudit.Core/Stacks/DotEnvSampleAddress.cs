using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers;
using GatewayAudit.Core.Readers.Code;

namespace GatewayAudit.Core.Stacks;

/// <summary>
/// An observability SDK built in code with no address (<c>new Langfuse()</c>) reads its host from the environment; when
/// the checkout's own .env file or sample sets that vendor's host variable, the row says where it points, with the
/// line as evidence: a private or non-vendor host is the operator's own instance, the vendor's host its region. The
/// sample is what the code gets only where it is used, and the note says so (held-out class 7, bench/CODE-CORPUS.md).
/// </summary>
public static class DotEnvSampleAddress
{
    public static void Apply(IReadOnlyList<StackModel> models, IReadOnlyList<DeploymentFacts> dotEnvs)
    {
        var byFolder = ByFolder(dotEnvs);
        if (byFolder.Count == 0)
        {
            return;
        }

        foreach (var component in models.SelectMany(m => m.Components))
        {
            if (component.Role != ComponentRole.Exporter || component.Hosting != Hosting.ThirdParty || component.Vendor is not { } vendor
                || component.AddressFromEnvironmentAt.Count == 0
                || !LexicalParties.DefaultDestinations.TryGetValue(vendor, out var cloud))
            {
                continue;
            }

            // Each site's nearest env file that sets the variable (its folder, then each folder above): a sibling
            // service's env file never reaches it. The sites must agree, or the row stays as the code shows it.
            var found = component.AddressFromEnvironmentAt.Select(at => Nearest(at.File, cloud.Variables, byFolder)).ToList();
            var hosts = found.Select(v => v?.Value is { } value && !ConfigValues.IsReference(value) ? HostClassifier.HostOf(value) : null).ToList();
            if (found[0] is not { } set || hosts[0] is not { } host)
            {
                continue;
            }

            if (hosts.Any(h => h != host))
            {
                component.Notes.Add($"The env file nearest to the code at {component.AddressFromEnvironmentAt.First(a => Nearest(a.File, cloud.Variables, byFolder) == set)} sets {set.Name}={host} ({set.At}), "
                    + "but other code that builds this SDK is not under it: where those send is not shown by that file.");
                continue;
            }

            var where = $"{set.Name}={host} in {set.At.File} at line {set.At.Line}";
            SetHost(component, vendor, host, set.At,
                $"The checkout's env file sets {where}, the vendor's own host: that is where the SDK sends wherever this file is what the code runs with.",
                $"The checkout's env file sets {where}, not the vendor's host: the operator's own instance wherever this file is what the code runs with (it is only a sample where the code is deployed with other values).");
        }
    }

    /// <summary>The set variables of the env files, by the folder that holds them (in the order read: a real .env before a sample).</summary>
    internal static Dictionary<string, List<EnvironmentValue>> ByFolder(IReadOnlyList<DeploymentFacts> dotEnvs) =>
        dotEnvs.SelectMany(d => d.Variables).Where(v => v.Value is { Length: > 0 })
            .GroupBy(v => Folder(v.At.File), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

    /// <summary>An exporter row given the host its environment sets: the vendor's own host is noted, any other makes it the operator's instance.</summary>
    internal static void SetHost(Component component, string vendor, string host, SourceLocation at, string vendorNote, string ownNote)
    {
        component.Evidence.Add(at);
        if (LexicalVocabulary.ServiceByHost(host)?.Key == vendor)
        {
            component.Notes.Add(vendorNote);
            return;
        }

        component.Name = $"{component.Name} (self-hosted at {host})";
        component.Hosting = Hosting.OperatorHosted;
        component.Attributes.Set("host", host, at);
        component.Notes.Add(ownNote);
    }

    /// <summary>The variable the SDK reads first, from the env file of the code's folder or its nearest ancestor that sets one (a real .env before a sample, in the order read).</summary>
    internal static EnvironmentValue? Nearest(string codeFile, string[] names, Dictionary<string, List<EnvironmentValue>> byFolder)
    {
        for (var folder = Folder(codeFile); ; folder = Folder(folder))
        {
            if (byFolder.TryGetValue(folder, out var variables)
                && names.Select(name => variables.FirstOrDefault(v => v.Name == name)).FirstOrDefault(v => v is not null) is { } set)
            {
                return set;
            }

            if (folder.Length == 0)
            {
                return null;
            }
        }
    }

    internal static string Folder(string path) => path.Contains('/', StringComparison.Ordinal) ? path[..path.LastIndexOf('/')] : "";
}
