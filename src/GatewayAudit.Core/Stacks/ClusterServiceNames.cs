using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers;

namespace GatewayAudit.Core.Stacks;

/// <summary>
/// One in-cluster server under its Kubernetes DNS names: a Service <c>NAME</c> in namespace <c>NS</c> answers to
/// <c>NAME</c> (inside its namespace), <c>NAME.NS</c>, <c>NAME.NS.svc</c> and <c>NAME.NS.svc.cluster.local</c> ("DNS for
/// Services and Pods", https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/, read 2026-12-01). A
/// component named for a longer form (an overlay's <c>api_base: http://llama-3b-service.litellm.svc.cluster.local:8000</c>)
/// is the component of the short name (the base config's <c>http://llama-3b-service:8000</c>): it takes that id, so the
/// server is one row with the evidence of both. It is folded only where the scan shows the Service: a Kubernetes
/// Service <c>NAME</c> whose namespace is <c>NS</c> (or not stated in its file, as Kustomize sets it), or, for the
/// <c>svc</c> forms, a component already named <c>NAME</c>; a bare <c>NAME.NS</c> needs the Service with its namespace
/// stated, as it reads like any public host.
/// </summary>
public static class ClusterServiceNames
{
    public static void Apply(IReadOnlyList<StackModel> models, IReadOnlyList<DeploymentFacts> deployments)
    {
        var services = deployments.SelectMany(d => d.Services.Where(s => s.Kind == "Kubernetes Service").Select(s => (s.Name, d.Namespace, s.At)))
            .ToLookup(s => s.Name, StringComparer.OrdinalIgnoreCase);
        // Every id as it is before any fold, made at the first fold (none has moved a component yet): most scans have
        // no component named for a two-label host, and the set of every id of 10,000 stacks was made for nothing
        // (bench/SCALE.md round 16). Likewise only the components that may fold are copied out of each model.
        HashSet<string>? ids = null;
        foreach (var model in models)
        {
            List<Component>? candidates = null;
            foreach (var component in model.Components)
            {
                if (MayFold(component, out _))
                {
                    (candidates ??= []).Add(component);
                }
            }

            foreach (var component in candidates ?? [])
            {
                if (!MayFold(component, out var host) || Split(host) is not var (name, ns, svc))
                {
                    continue;
                }

                ids ??= models.SelectMany(m => m.Components).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
                Fold(model, component, host, name, ns, svc, services, ids);
            }
        }
    }

    // Named for a host with more than one label (Split answers only those).
    private static bool MayFold(Component component, out string host)
    {
        host = component.Attributes["host"] as string ?? "";
        return host.Contains('.', StringComparison.Ordinal) && IdEndsWithHost(component.Id, host);
    }

    // The component is named for its host (provider:HOST): what ":" + host at the end of the id would say, without the string.
    private static bool IdEndsWithHost(string id, string host) =>
        id.Length > host.Length && id[id.Length - host.Length - 1] == ':' && id.AsSpan(id.Length - host.Length).Equals(host, StringComparison.OrdinalIgnoreCase);

    // Apart from the loop, so the closure below is made only for a component that may move, not for every one looked at.
    private static void Fold(StackModel model, Component component, string host, string name, string ns, bool svc,
        ILookup<string, (string Name, string? Namespace, SourceLocation At)> services, HashSet<string> ids)
    {
        var id = component.Id[..^host.Length] + name;
        var service = services[name].FirstOrDefault(s => s.Namespace is null ? svc : string.Equals(s.Namespace, ns, StringComparison.OrdinalIgnoreCase));
        if (service.Name is null && !(svc && ids.Contains(id)))
        {
            return;
        }

        var why = service.Name is not null
            ? $"the Kubernetes Service '{name}' ({service.At})"
            : $"the server this scan also reaches as {name}";
        ComponentMove.Move(model, component, id, component.Role, moved =>
        {
            moved.Name = moved.Name.Replace(host, name, StringComparison.OrdinalIgnoreCase);
            if (moved.Attributes.Origin("host") is { } origin)
            {
                moved.Attributes.Set("host", name, origin);
            }
            else
            {
                moved.Attributes.Set("host", name);
            }

            moved.Notes.Add($"Also addressed as {host} ({component.Evidence.FirstOrDefault()}): the in-cluster DNS name of {why} in namespace {ns}, one server.");
            if (service.At is { } at)
            {
                moved.Evidence.Add(at);
            }
        });
    }

    /// <summary>NAME, NS and whether a svc form is written, for <c>NAME.NS</c>, <c>NAME.NS.svc</c>, <c>NAME.NS.svc.cluster.local</c>; null for anything else.</summary>
    private static (string Name, string Namespace, bool Svc)? Split(string host)
    {
        if (!host.Contains('.', StringComparison.Ordinal))
        {
            return null; // one label: none of the forms below
        }

        var labels = host.ToLowerInvariant().Split('.');
        return labels switch
        {
            [var name, var ns, "svc", "cluster", "local"] => (name, ns, true),
            [var name, var ns, "svc"] => (name, ns, true),
            [var name, var ns] when !name.Contains(':') => (name, ns, false),
            _ => null,
        };
    }
}
