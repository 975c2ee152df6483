using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers;
using GatewayAudit.Core.Readers.Code;
using GatewayAudit.Core.Readers.LiteLlm;

namespace GatewayAudit.Core.Stacks;

/// <summary>
/// A compose service that builds its image from a folder of the checkout (<c>build: ./backend</c>) runs that folder's
/// code with the service's <c>environment</c>. So an SDK the code builds with no address (<c>OpenAI()</c>,
/// <c>Langfuse()</c>), which reads its host from a variable, sends where that service's variable points:
/// <list type="bullet">
/// <item>an OpenAI or Anthropic client whose base-URL variable names the compose service that runs the LiteLLM proxy
/// (<c>OPENAI_BASE_URL: http://litellm:4000</c>) calls the team's proxy, not the vendor: the flow moves to the proxy,
/// and the direct row goes where nothing else reaches it (so no shadow-sub-processor is raised for it);</item>
/// <item>an observability SDK whose host variable is set takes that host, as from an env file
/// (<see cref="DotEnvSampleAddress"/>), but as the deployment's own value rather than a sample.</item>
/// </list>
/// Only literal values count (a <c>${VAR}</c> is filled at deploy time, not shown here); the sites a service's value
/// answers are taken off <see cref="Component.AddressFromEnvironmentAt"/>, so an env file sample cannot override them.
/// </summary>
public static class ComposeBuildEnvironment
{
    private const string CodeId = "app:code";

    public static void Apply(IReadOnlyList<StackModel> models, IReadOnlyList<DeploymentFacts> deployments)
    {
        var built = deployments.SelectMany(d => d.Services.Where(s => s.BuildContext is not null)
                .Select(s => (Service: s, Deployment: d, Folder: Resolve(DotEnvSampleAddress.Folder(s.At.File), s.BuildContext!.Value.Context))))
            .Where(b => b.Folder is not null)
            .ToList();
        if (built.Count == 0)
        {
            return;
        }

        foreach (var model in models)
        {
            foreach (var component in model.Components.Where(c => c.AddressFromEnvironmentAt.Count > 0 && c.Vendor is not null).ToList())
            {
                if (!LexicalParties.DefaultDestinations.TryGetValue(component.Vendor!, out var cloud))
                {
                    continue;
                }

                // Each site's service: the one whose build folder holds the site's file most nearly.
                var answered = component.AddressFromEnvironmentAt
                    .Select(at => (At: at, Built: built.Where(b => Holds(b.Folder!, at.File)).OrderByDescending(b => b.Folder!.Length).FirstOrDefault()))
                    .Where(s => s.Built.Service is not null)
                    .Select(s => (s.At, s.Built.Service, s.Built.Deployment, Set: cloud.Variables
                        .Select(name => s.Built.Service.Environment.FirstOrDefault(v => v.Name == name && v.Value is { Length: > 0 } value && !ConfigValues.IsReference(value)))
                        .FirstOrDefault(v => v is not null)))
                    .Where(s => s.Set is not null && HostClassifier.HostOf(s.Set.Value!) is not null)
                    .ToList();
                if (answered.Count == 0 || answered.Select(a => HostClassifier.HostOf(a.Set!.Value!)).Distinct(StringComparer.OrdinalIgnoreCase).Count() > 1)
                {
                    continue;
                }

                var (site, service, deployment, set) = answered[0];
                var host = HostClassifier.HostOf(set!.Value!)!;
                if (component.Role == ComponentRole.Exporter && component.Hosting == Hosting.ThirdParty)
                {
                    var what = $"The compose service '{service.Name}', which builds this code ({service.BuildContext!.Value.At}), sets {set.Name}={host} ({set.At})";
                    DotEnvSampleAddress.SetHost(component, component.Vendor!, host, set.At,
                        $"{what}, the vendor's own host: that is where the SDK sends when deployed by that file.",
                        $"{what}, not the vendor's host: the operator's own instance{OwnService(deployment, host)} when deployed by that file.");
                    component.AnswerAddressFromEnvironment(answered.Select(a => a.At));
                }
                else if (component.Role == ComponentRole.ModelProvider && deployment.Services.Any(s => s.RunsProxy && Names(s).Contains(host))
                    && model.Find(LiteLlmConfigReader.GatewayId) is { } gateway)
                {
                    ToProxy(model, component, gateway, answered.Select(a => a.At).ToList(), $"{set.Name}={set.Value!.Trim()} ({set.At}) in the compose service '{service.Name}' that builds this code ({service.BuildContext!.Value.At})");
                }
            }
        }
    }

    /// <summary>
    /// The literal value the compose service that builds <paramref name="file"/> (the one whose build folder holds it
    /// most nearly) gives <paramref name="variable"/>, with the service; null where no such service sets it to a literal
    /// (a <c>${VAR}</c> is filled at deploy time and not known here).
    /// </summary>
    public static (ServiceFacts Service, EnvironmentValue Value)? Sets(IReadOnlyList<DeploymentFacts> deployments, string file, string variable)
    {
        var service = BuiltBy(deployments, file);
        var value = service?.Environment.FirstOrDefault(v => v.Name == variable && v.Value is { Length: > 0 } text && !ConfigValues.IsReference(text));
        return service is not null && value is not null ? (service, value) : null;
    }

    /// <summary>The compose service that builds <paramref name="file"/> (the one whose build folder holds it most nearly), or null.</summary>
    public static ServiceFacts? BuiltBy(IReadOnlyList<DeploymentFacts> deployments, string file) =>
        deployments.SelectMany(d => d.Services.Where(s => s.BuildContext is not null)
                .Select(s => (Service: s, Folder: Resolve(DotEnvSampleAddress.Folder(s.At.File), s.BuildContext!.Value.Context))))
            .Where(b => b.Folder is not null && Holds(b.Folder, file))
            .OrderByDescending(b => b.Folder!.Length).Select(b => b.Service).FirstOrDefault();

    /// <summary>Moves the code's flow to the vendor onto the proxy, when every call site of it is one the service's variable answers.</summary>
    private static void ToProxy(StackModel model, Component provider, Component gateway, List<SourceLocation> sites, string why)
    {
        var files = sites.Select(s => s.File).ToHashSet(StringComparer.Ordinal);
        if (model.FlowsOutOf(CodeId).FirstOrDefault(f => f.To == provider.Id) is not { } direct || !direct.Evidence.All(e => files.Contains(e.File)))
        {
            return;
        }

        var proxied = new Flow { From = CodeId, To = gateway.Id };
        proxied.MergeFrom(direct);
        model.RemoveFlow(direct);
        model.AddFlow(proxied);
        gateway.Evidence.UnionWith(sites);
        gateway.Notes.Add($"The {provider.Name} client the code builds with no address at {sites[0]} reads its base URL from {why}: it calls this proxy, not {provider.Name} directly.");
        provider.AnswerAddressFromEnvironment(sites);
        if (!model.FlowsInto(provider.Id).Any())
        {
            model.Remove(provider.Id);
            return;
        }

        // Still the proxy's upstream: what the code's sighting added to it no longer holds.
        provider.Evidence.RemoveWhere(e => files.Contains(e.File));
        provider.Notes.RemoveWhere(n => files.Any(f => n.Contains(f, StringComparison.Ordinal)));
    }

    private static IEnumerable<string> Names(ServiceFacts service) => service.Aliases.Prepend(service.Name);

    private static string OwnService(DeploymentFacts deployment, string host) =>
        deployment.Services.FirstOrDefault(s => Names(s).Contains(host, StringComparer.OrdinalIgnoreCase)) is { } own ? $" (the compose service '{own.Name}', {own.At})" : "";

    internal static bool Holds(string folder, string file) => folder.Length == 0 || file.StartsWith(folder + "/", StringComparison.Ordinal);

    /// <summary>The build folder as a path of the scan (compose file's folder + context), or null for one outside it or a URL.</summary>
    internal static string? Resolve(string composeFolder, string context)
    {
        if (context.Contains("://", StringComparison.Ordinal) || context.StartsWith('/') || context.StartsWith("git@", StringComparison.Ordinal))
        {
            return null;
        }

        var parts = composeFolder.Length == 0 ? new List<string>() : composeFolder.Split('/').ToList();
        foreach (var part in context.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == "..")
            {
                if (parts.Count == 0)
                {
                    return null;
                }

                parts.RemoveAt(parts.Count - 1);
            }
            else if (part != ".")
            {
                parts.Add(part);
            }
        }

        return string.Join('/', parts);
    }
}
