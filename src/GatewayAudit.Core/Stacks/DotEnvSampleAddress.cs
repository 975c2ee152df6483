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
        var variables = dotEnvs.SelectMany(d => d.Variables).Where(v => v.Value is { Length: > 0 }).ToList();
        if (variables.Count == 0)
        {
            return;
        }

        foreach (var component in models.SelectMany(m => m.Components))
        {
            if (component.Role != ComponentRole.Exporter || component.Hosting != Hosting.ThirdParty || component.Vendor is not { } vendor
                || !component.Notes.Any(n => n.Contains(LexicalParties.NoAddressLead, StringComparison.Ordinal))
                || !LexicalParties.DefaultDestinations.TryGetValue(vendor, out var cloud))
            {
                continue;
            }

            // The variable the SDK reads first wins, as in the SDKs; the files in the order read.
            var set = cloud.Variables.Select(name => variables.FirstOrDefault(v => v.Name == name)).FirstOrDefault(v => v is not null);
            if (set?.Value is not { } value || ConfigValues.IsReference(value) || HostClassifier.HostOf(value) is not { } host)
            {
                continue;
            }

            component.Evidence.Add(set!.At);
            var where = $"{set.Name}={host} in {set.At.File} at line {set.At.Line}";
            if (LexicalVocabulary.ServiceByHost(host)?.Key == vendor)
            {
                component.Notes.Add($"The checkout's env file sets {where}, the vendor's own host: that is where the SDK sends wherever this file is what the code runs with.");
                continue;
            }

            component.Name = $"{component.Name} (self-hosted at {host})";
            component.Hosting = Hosting.OperatorHosted;
            component.Attributes.Set("host", host, set.At);
            component.Notes.Add($"The checkout's env file sets {where}, not the vendor's host: the operator's own instance wherever this file is what the code runs with (it is only a sample where the code is deployed with other values).");
        }
    }
}
