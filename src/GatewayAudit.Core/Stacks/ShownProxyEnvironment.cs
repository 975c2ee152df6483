using GatewayAudit.Core.Readers;

namespace GatewayAudit.Core.Stacks;

/// <summary>
/// Whether the stack's files show the <em>whole</em> environment of the process that runs a config, so that a variable
/// they do not set (DATABASE_URL) is known to be unset there rather than merely unseen. True only for a process the
/// files run and whose every source of variables was read:
/// <list type="bullet">
/// <item>a compose service that runs the proxy with this config mounted (or a Kubernetes workload for an embedded
/// config), each of its <c>env_file</c> entries a .env file of the stack that was read, and no compose override file
/// (<c>docker-compose.override.yml</c>, which compose merges without being asked) nor another compose file of the same
/// folder defining a service of the same name, and no bind-mounted folder holding a .env file (LiteLLM loads one it finds
/// unless <c>LITELLM_MODE=PRODUCTION</c>);</item>
/// <item>a Kubernetes container without <c>envFrom</c> (a Secret's or ConfigMap's keys are not listed in the file).</item>
/// </list>
/// A Helm release is never shown whole (the LiteLLM chart writes DATABASE_URL itself from its <c>db</c> values), nor a
/// Dockerfile alone (whoever runs the image adds variables). The environment named is the process's own (its
/// <c>environment:</c>, env files and image ENV), not the .env files compose only reads for interpolation.
/// </summary>
public static class ShownProxyEnvironment
{
    /// <summary>The files compose merges into a compose file of the same folder without being asked.</summary>
    public static IReadOnlyList<string> OverrideNames { get; } = ["docker-compose.override.yml", "docker-compose.override.yaml", "compose.override.yml", "compose.override.yaml"];

    public static ShownProcessEnvironment? For(IReadOnlyList<(InputFile File, DeploymentFacts Facts)> members, string? configFullPath,
        IReadOnlyDictionary<string, EnvironmentValue> process)
    {
        if (members.Count == 0)
        {
            return null; // no file runs the process
        }

        var runners = members.SelectMany(m => m.Facts.Services.Where(s => s.RunsProxy && s.Kind != "Dockerfile").Select(s => (m.File, Service: s))).ToList();
        if (configFullPath is not null)
        {
            // A config on disk: only the processes that mount it are known to read it.
            runners = runners.Where(r => StackEnvironment.MountsConfig(r.File, r.Service, configFullPath)).ToList();
        }

        if (runners.Count == 0 || !runners.All(r => Whole(r.File, r.Service, members)))
        {
            return null;
        }

        var (file, service) = runners[0];
        var described = runners.Count == 1 ? $"{service.Kind} '{service.Name}'" : string.Join(", ", runners.Select(r => $"{r.Service.Kind} '{r.Service.Name}' ({r.Service.At})"));
        return new ShownProcessEnvironment(described, service.At, process.Keys.ToHashSet(StringComparer.Ordinal));
    }

    private static bool Whole(InputFile file, ServiceFacts service, IReadOnlyList<(InputFile File, DeploymentFacts Facts)> members)
    {
        if (service.Kind.StartsWith("Kubernetes", StringComparison.Ordinal))
        {
            return service.EnvironmentFrom.Count == 0;
        }

        if (service.Kind != "compose service")
        {
            return false;
        }

        var folder = Path.GetDirectoryName(file.FullPath) ?? "";
        var envFilesRead = service.EnvFiles.All(e => members.Any(m => m.Facts.Variables.Count > 0 && m.File.FullPath == Path.GetFullPath(e.Path, folder)));
        // The walk's listing of the folder answers where it was walked (no lookup per name and compose file); a file named
        // on the command line, or a folder the listing cannot answer for, is asked.
        var overridden = OverrideNames.Any(n => n != file.FileName && (file.Beside?.Holds(n) ?? File.Exists(Path.Combine(folder, n))))
            || members.Any(m => m.File != file && Path.GetDirectoryName(m.File.FullPath) == folder && m.Facts.Services.Any(s => s.Kind == service.Kind && s.Name == service.Name));
        // LiteLLM loads a .env file it finds (python-dotenv) unless LITELLM_MODE=PRODUCTION: a bind-mounted folder holding one may add to it.
        var dotEnvMounted = StackEnvironment.MountedPaths(file, service).Any(mounted => members.Any(m => m.Facts.Variables.Count > 0 && StackEnvironment.Covers(mounted, m.File.FullPath) && mounted != m.File.FullPath));
        return envFilesRead && !overridden && !dotEnvMounted;
    }
}
