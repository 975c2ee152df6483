using System.Text.RegularExpressions;
using GatewayAudit.Core.Readers;
using GatewayAudit.Core.Yaml;

namespace GatewayAudit.Core.Stacks;

/// <summary>
/// The environment a stack gives its proxy, in the order that decides a variable: the compose service that runs the
/// proxy (its <c>environment:</c>, then its <c>env_file:</c>), Kubernetes <c>env</c>, Helm <c>envVars</c>, the
/// Dockerfile's <c>ENV</c>, then the stack's .env files (a real .env before an example). Compose <c>${VAR:-default}</c> is interpolated from the .env
/// beside the compose file, then its default. The config's own environment_variables come last, in the reader, and
/// override these (LiteLLM sets them into its environment at start).
/// </summary>
public static partial class StackEnvironment
{
    /// <param name="processOnly">
    /// True for the proxy process's own environment only (what it runs with), without the stack's other .env files,
    /// which compose reads for interpolation but does not pass to the container unless named in env_file.
    /// </param>
    public static Dictionary<string, EnvironmentValue> For(IReadOnlyList<(InputFile File, DeploymentFacts Facts)> members, string? configFullPath, bool processOnly = false) =>
        processOnly ? Build(members, configFullPath, withStack: false, out _) ?? new(StringComparer.Ordinal) : For(members, configFullPath, out _);

    /// <summary>
    /// The stack's environment for the config and, in <paramref name="process"/>, the proxy process's own (as
    /// <see cref="For"/> with processOnly): one sorting of the stack's files for both, which a large scan did twice per
    /// config (bench/SCALE.md round 16).
    /// </summary>
    public static Dictionary<string, EnvironmentValue> For(IReadOnlyList<(InputFile File, DeploymentFacts Facts)> members, string? configFullPath,
        out Dictionary<string, EnvironmentValue> process)
    {
        process = Build(members, configFullPath, withStack: true, out var stack) ?? new(StringComparer.Ordinal);
        return stack ?? process; // the same when no .env file adds to the process's: both are only read
    }

    // The process's own environment (null when no file is a member) and, with withStack, the stack's, with its other
    // .env files (null when there are none: then it is the process's).
    private static Dictionary<string, EnvironmentValue>? Build(IReadOnlyList<(InputFile File, DeploymentFacts Facts)> members, string? configFullPath,
        bool withStack, out Dictionary<string, EnvironmentValue>? stack)
    {
        stack = null;
        if (members.Count == 0)
        {
            return null; // a config with no deployment file: no sorting of nothing (most stacks of a monorepo)
        }

        var environment = new Dictionary<string, EnvironmentValue>(StringComparer.Ordinal);
        var dotEnvs = new List<(InputFile File, DeploymentFacts Facts)>();
        var proxies = new List<(InputFile File, ServiceFacts Service)>();
        foreach (var member in members)
        {
            if (member.Facts.Variables.Count > 0)
            {
                dotEnvs.Add(member);
            }

            foreach (var service in member.Facts.Services)
            {
                if (service.RunsProxy)
                {
                    proxies.Add((member.File, service));
                }
            }
        }

        // Sorted only when there is an order to decide (OrderBy is stable, so one item stays as it is).
        if (dotEnvs.Count > 1)
        {
            dotEnvs = dotEnvs.OrderBy(m => m.File.FileName.Contains("example", StringComparison.OrdinalIgnoreCase) || m.File.FileName.Contains("sample", StringComparison.OrdinalIgnoreCase) ? 1 : 0)
                .ThenBy(m => m.File.DisplayPath, StringComparer.Ordinal).ToList();
        }

        if (proxies.Count > 1)
        {
            proxies = proxies.OrderBy(p => configFullPath is not null && MountsConfig(p.File, p.Service, configFullPath) ? 0 : 1)
                .ThenBy(p => p.Service.Kind == "Dockerfile" ? 1 : 0) // compose, Kubernetes and Helm override the image's ENV
                .ThenBy(p => p.File.DisplayPath, StringComparer.Ordinal).ToList();
        }

        Dictionary<string, EnvironmentValue>? leftToTheShell = null;
        foreach (var (file, service) in proxies)
        {
            var folder = Path.GetDirectoryName(file.FullPath) ?? "";
            var beside = dotEnvs.FirstOrDefault(d => d.File.FileName == ".env" && Path.GetDirectoryName(d.File.FullPath) == folder);
            foreach (var value in service.Environment)
            {
                // ${VAR} that neither the .env beside the file nor a default fills is set by the shell at deploy time:
                // unknown here, so a later source (env_file, .env) may still say it, and nothing is guessed.
                if (Interpolate(value, beside.Facts?.Variables ?? []) is { Value: { } text } resolved)
                {
                    if (!ConfigValues.IsReference(text))
                    {
                        environment.TryAdd(value.Name, resolved);
                    }
                    else
                    {
                        (leftToTheShell ??= new(StringComparer.Ordinal)).TryAdd(value.Name, resolved);
                    }
                }
            }

            foreach (var (envFile, _) in service.EnvFiles)
            {
                var full = Path.GetFullPath(envFile, folder);
                foreach (var value in dotEnvs.Where(d => d.File.FullPath == full).SelectMany(d => d.Facts.Variables))
                {
                    environment.TryAdd(value.Name, value);
                }
            }
        }

        // The stack's environment goes on from the process's with the other .env files; a copy only when they add one.
        if (withStack && dotEnvs.Count > 0)
        {
            var size = environment.Count + (leftToTheShell?.Count ?? 0);
            foreach (var dotEnv in dotEnvs)
            {
                size += dotEnv.Facts.Variables.Count;
            }

            stack = new Dictionary<string, EnvironmentValue>(size, StringComparer.Ordinal);
            foreach (var (name, value) in environment)
            {
                stack.Add(name, value);
            }

            foreach (var dotEnv in dotEnvs)
            {
                foreach (var value in dotEnv.Facts.Variables)
                {
                    stack.TryAdd(value.Name, value);
                }
            }

            LeaveToTheShell(stack, leftToTheShell);
        }

        LeaveToTheShell(environment, leftToTheShell);
        return environment;
    }

    // Still unset: the process is given the variable, but its value is the deploy shell's. Kept as the reference
    // it is, so a reader neither applies a client default (LANGFUSE_HOST unset means Langfuse Cloud) nor guesses.
    private static void LeaveToTheShell(Dictionary<string, EnvironmentValue> environment, Dictionary<string, EnvironmentValue>? leftToTheShell)
    {
        foreach (var (name, value) in leftToTheShell ?? [])
        {
            environment.TryAdd(name, value);
        }
    }

    /// <summary>True when the service mounts the config (a bind mount of the file or its folder).</summary>
    public static bool MountsConfig(InputFile file, ServiceFacts service, string configFullPath) =>
        MountedPaths(file, service).Any(mounted => Covers(mounted, configFullPath));

    /// <summary>The full paths of the files and folders the service bind-mounts (ConfigMap volumes are not on disk).</summary>
    public static IEnumerable<string> MountedPaths(InputFile file, ServiceFacts service)
    {
        var folder = Path.GetDirectoryName(file.FullPath) ?? "";
        return service.Mounts.Where(m => !m.Source.StartsWith("configmap:", StringComparison.Ordinal) && m.Source.Length > 0)
            .Select(m => Path.GetFullPath(Expand(m.Source), folder));
    }

    /// <summary>True when the bind mount <paramref name="mounted"/> is the config file or a folder above it.</summary>
    public static bool Covers(string mounted, string config)
    {
        if (string.Equals(mounted, config, StringComparison.Ordinal))
        {
            return true;
        }

        // The folder and a separator as a prefix of the config's path, without making that string per question.
        var folder = mounted.AsSpan().TrimEnd(Path.DirectorySeparatorChar);
        return config.Length > folder.Length && config[folder.Length] == Path.DirectorySeparatorChar
            && config.AsSpan().StartsWith(folder, StringComparison.Ordinal);
    }

    // ${PWD}/config.yaml and ./config.yaml name the same file for a compose project.
    private static string Expand(string source) => source.Replace("${PWD}", ".", StringComparison.Ordinal).Replace("$PWD", ".", StringComparison.Ordinal);

    /// <summary>Compose interpolation of ${VAR}, ${VAR:-default}, ${VAR-default} and $VAR from the .env beside it.</summary>
    private static EnvironmentValue Interpolate(EnvironmentValue value, IReadOnlyList<EnvironmentValue> dotEnv)
    {
        if (value.Node is not { } node || !node.Value.Contains('$', StringComparison.Ordinal))
        {
            return value;
        }

        var unresolved = false;
        var text = VariableRegex().Replace(node.Value, m =>
        {
            var name = m.Groups["name"].Success ? m.Groups["name"].Value : m.Groups["bare"].Value;
            if (dotEnv.FirstOrDefault(v => v.Name == name)?.Value is { } found && (found.Length > 0 || !m.Groups["colon"].Success))
            {
                return found;
            }

            if (m.Groups["default"].Success)
            {
                return m.Groups["default"].Value;
            }

            unresolved = true;
            return m.Value;
        });
        return unresolved && text == node.Value ? value : value with { Node = new YamlScalar(node.Line, node.Column, text, node.Quoted, node.Tag) };
    }

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)((?<colon>:)?-(?<default>[^}]*)|[:]?[?+][^}]*)?\}|\$(?<bare>[A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex VariableRegex();
}
