using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers;

namespace GatewayAudit.Core.Stacks;

/// <summary>
/// A callback, database, cache, guardrail or inference server whose host is a service of the same compose file,
/// Kubernetes namespace or Helm release (<c>http://langfuse-web:3000</c>, <c>postgres:5432</c>) runs beside the proxy on
/// the operator's infrastructure: it is operator-hosted, not a third party, and its evidence cites the service too.
/// </summary>
public static class CoLocation
{
    public static void Apply(Stack stack, IReadOnlyList<(InputFile File, DeploymentFacts Facts)> members)
    {
        var services = new Dictionary<string, (ServiceFacts Service, InputFile File)>(StringComparer.OrdinalIgnoreCase);
        foreach (var (file, facts) in members)
        {
            foreach (var service in facts.Services.Where(s => !s.RunsProxy))
            {
                foreach (var name in NamesOf(service, facts.Namespace))
                {
                    services.TryAdd(name, (service, file));
                }
            }
        }

        if (services.Count == 0)
        {
            return;
        }

        foreach (var component in stack.Model.Components.Where(c => c.Role is not (ComponentRole.Gateway or ComponentRole.App or ComponentRole.Host)))
        {
            if (component.Attributes["host"] is not string host || !services.TryGetValue(host, out var found))
            {
                continue;
            }

            var (service, file) = found;
            component.Hosting = Hosting.OperatorHosted;
            component.Evidence.Add(service.At);
            component.Attributes.Set("colocatedService", service.Name);
            var image = service.Image is null ? "" : $", image {service.Image}";
            component.Notes.Add($"Runs as {service.Kind} '{service.Name}'{image} in {file.DisplayPath}, in the same deployment as the proxy: operator-hosted.");
        }
    }

    // A compose service answers to its name, container_name, hostname and network aliases; a Kubernetes Service to
    // its name and its namespace-qualified DNS names.
    private static IEnumerable<string> NamesOf(ServiceFacts service, string? ns)
    {
        yield return service.Name;
        foreach (var alias in service.Aliases)
        {
            yield return alias;
        }

        if (service.Kind.StartsWith("Kubernetes", StringComparison.Ordinal))
        {
            var space = ns ?? "default";
            yield return $"{service.Name}.{space}";
            yield return $"{service.Name}.{space}.svc";
            yield return $"{service.Name}.{space}.svc.cluster.local";
        }
    }
}
