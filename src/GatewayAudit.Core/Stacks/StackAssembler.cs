using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers;
using GatewayAudit.Core.Readers.LiteLlm;
using GatewayAudit.Core.Scanning;

namespace GatewayAudit.Core.Stacks;

/// <summary>
/// The one place facts that join files live. Reads the deployment files first, then forms stacks: each LiteLLM
/// config (on disk or embedded in a ConfigMap, Helm values or template) anchors one stack, unless another config
/// includes it; a deployment file joins the stack whose config its proxy mounts, else the config in its folder, else
/// the nearest config above or below it, else the only stack, else it is a stack of its own; a .env file joins the
/// stacks of the files beside it. Each config is then read with the environment its stack gives the proxy, services
/// that run beside the proxy are marked operator-hosted (and a Redis there with persistence off keeps data in memory
/// only), and the proxy's command line and own environment add what they change (debug logging, models stored in
/// the database), and a plain litellm pin beside a config versions its proxy (<see cref="LiteLlmPackagePin"/>). Last, calls through an SDK client built in another file are joined to that client (<see cref="CodeClientJoin"/>), an
/// observability SDK with no address in code takes the host the checkout's .env file sets (<see cref="DotEnvSampleAddress"/>),
/// and code that calls a provider directly beside a gateway of the scan is marked (<see cref="GatewayBypass"/>).
/// </summary>
public static class StackAssembler
{
    public static List<Stack> Assemble(IReadOnlyList<(InputFile File, IConfigReader Reader)> recognized, IReadOnlyList<IConfigReader> readers, List<Diagnostic> diagnostics)
    {
        var configReader = readers.OfType<LiteLlmConfigReader>().FirstOrDefault() ?? new LiteLlmConfigReader();
        var onDisk = recognized.Where(r => r.Reader is LiteLlmConfigReader).Select(r => r.File).ToList();
        var deployments = new List<(InputFile File, ReaderResult Result)>();
        foreach (var (file, reader) in recognized.Where(r => r.Reader is not LiteLlmConfigReader))
        {
            var result = reader.Read(file);
            file.ReleaseParsed();
            diagnostics.AddRange(result.Diagnostics);
            deployments.Add((file, result));
        }

        HelmfileValues.SetAsideUnreferenced(deployments, diagnostics);
        ComposeBuiltProxy.Apply(deployments);

        var index = new StackIndex();
        var stacks = index.All;
        var included = onDisk.SelectMany(c => ConfigIncludes.Named(c).Where(n => n.FullPath != c.FullPath).Select(n => n.FullPath)).ToHashSet(StringComparer.Ordinal);
        var roots = onDisk.Where(c => !included.Contains(c.FullPath)).ToList();
        foreach (var config in roots.Count > 0 || onDisk.Count == 0 ? roots : onDisk)
        {
            var stack = new Stack($"stack:{config.DisplayPath}", config.DisplayPath);
            index.Add(stack, config, null, anchoredByConfig: true);
            index.Join(stack, config, "LiteLLM config");
        }

        foreach (var (file, result) in deployments)
        {
            foreach (var embedded in result.Deployment?.EmbeddedConfigs ?? [])
            {
                var stack = new Stack($"stack:{file.DisplayPath}#{embedded.At.Line}", $"{file.DisplayPath} ({embedded.Name}, line {embedded.At.Line})");
                index.Add(stack, new InputFile(file.DisplayPath, file.FullPath, embedded.Text, namedExplicitly: false), file);
                index.Join(stack, file, $"embeds the LiteLLM config at line {embedded.At.Line} ({embedded.Name})");
            }
        }

        // Deployment files first, then code (which may call a proxy those files run), then .env files.
        foreach (var (file, result) in deployments.OrderBy(d => IsCode(d.Result) ? 1 : d.Result.Deployment?.Variables.Count > 0 && d.Result.Deployment.Services.Count == 0 ? 2 : 0))
        {
            if (result.Deployment?.EmbeddedConfigs.Count > 0 || (result.Deployment?.OnlyPackagePins == true && !result.Fragment.Components.Any() && result.Secrets.Count == 0))
            {
                continue; // a plain litellm pin joins only a config beside it (LiteLlmPackagePin)
            }

            var (targets, why) = IsCode(result) ? AttachCode(file, result, deployments, index) : Attach(file, result.Deployment, index, withoutCode: false);
            if (targets.Count == 0 && IsCode(result))
            {
                // Code that reaches no gateway stack of this checkout: all of it is one inventory, not one per folder.
                var code = index.Code;
                if (code is null)
                {
                    code = new Stack(CodeStackId, "Application code (calls no gateway stack found in this scan)");
                    index.Add(code, file, null, isCode: true);
                }

                index.Join(code, file, "source code that calls no gateway stack of this scan");
                continue;
            }

            if (targets.Count == 0)
            {
                var ownStack = new Stack($"stack:{file.DisplayPath}", file.DisplayPath);
                index.Add(ownStack, file, null);
                index.Join(ownStack, file, "no LiteLLM config found for this file: it forms a stack of its own");
                continue;
            }

            foreach (var target in targets)
            {
                index.Join(target, file, why);
            }
        }

        var pins = LiteLlmPackagePin.Place(index.Configs, deployments.Where(d => d.Result.Deployment?.LiteLlmPackages.Count > 0)
            .Select(d => (d.File, d.Result.Deployment!)).ToList());
        foreach (var (stack, (files, beside)) in pins.Where(p => p.Value.Beside))
        {
            foreach (var (file, _) in files)
            {
                index.Join(stack, file, "pins the litellm package beside the config");
            }
        }

        var byPath = onDisk.ToDictionary(c => c.FullPath, StringComparer.Ordinal);
        var position = deployments.Select((d, i) => (d.File, i)).ToDictionary(p => p.File, p => p.i);
        // One set of lists for every stack, emptied at each: the joins below read them and keep none.
        var positions = new List<int>();
        var own = new List<(InputFile File, ReaderResult Result)>();
        var members = new List<(InputFile File, DeploymentFacts Facts)>();
        var includes = new List<InputFile>();
        foreach (var (stack, config, host) in stacks.ToList())
        {
            // In the order the files were read (as deployments are), not the order they joined.
            positions.Clear();
            own.Clear();
            members.Clear();
            includes.Clear();
            foreach (var file in stack.Files)
            {
                if (position.TryGetValue(file, out var at))
                {
                    positions.Add(at);
                }
            }

            positions.Sort();
            foreach (var at in positions)
            {
                own.Add(deployments[at]);
                if (deployments[at].Result.Deployment is { } facts)
                {
                    members.Add((deployments[at].File, facts));
                }
            }
            foreach (var (file, result) in own)
            {
                stack.Model.MergeFrom(result.Fragment);
                stack.Secrets.Absorb(result.Secrets);
            }

            var hasConfig = host is not null || byPath.ContainsKey(config.FullPath);
            if (!hasConfig)
            {
                ProxyProcess.Apply(stack, members, StackEnvironment.For(members, null, processOnly: true));
                continue; // a stack of deployment files only
            }

            config.Environment = StackEnvironment.For(members, host is null ? config.FullPath : null, out var process);
            config.ProcessEnvironmentShown = ShownProxyEnvironment.For(members, host is null ? config.FullPath : null, process);
            config.Merged = ConfigIncludes.Merge(config, byPath, includes, diagnostics) is { } merged ? (merged.Document, merged.Elsewhere) : null;
            foreach (var file in includes)
            {
                index.Join(stack, file, $"included by {config.DisplayPath}");
            }

            var read = configReader.Read(config);
            config.ReleaseParsed();
            diagnostics.AddRange(read.Diagnostics);
            stack.Model.MergeFrom(read.Fragment);
            stack.Secrets.Absorb(read.Secrets);
            CoLocation.Apply(stack, members);
            RedisPersistence.Apply(stack, members);
            ProxyProcess.Apply(stack, members, process);
            if (host is null)
            {
                UnrunProxyConfig.Apply(stack, config, members);
            }

            if (pins.TryGetValue(stack, out var pinned))
            {
                LiteLlmPackagePin.Apply(stack, pinned.Pins, pinned.Beside);
            }
        }

        // Calls through a client built in another file reach that client's party; then code that calls a provider
        // directly while the checkout runs a gateway is judged against every stack's gateways.
        var models = stacks.Select(s => s.Stack.Model).ToList();
        var composed = deployments.Where(d => d.Result.Deployment is { Services.Count: > 0 }).Select(d => d.Result.Deployment!).ToList();
        var dotEnvs = deployments.Where(d => d.Result.Deployment is { Services.Count: 0, Variables.Count: > 0 })
            .OrderBy(d => d.File.FileName == ".env" ? 0 : 1).ThenBy(d => d.File.DisplayPath, StringComparer.Ordinal)
            .Select(d => d.Result.Deployment!).ToList();
        ClusterServiceNames.Apply(models, deployments.Where(d => d.Result.Deployment is not null).Select(d => d.Result.Deployment!).ToList());
        var scope = ProjectScope.OnDisk(recognized.Select(r => r.File), composed);
        SettingsFileJoin.Apply(models, composed);
        EnvironmentFieldJoin.Apply(models, dotEnvs, scope);
        ComposeModelRunner.Apply(models, composed);
        DotEnvSampleEndpoint.Apply(models, dotEnvs, composed, scope);
        ImportedConstantJoin.Apply(models, composed, dotEnvs, scope);
        CodeClientJoin.Apply(models);
        ComposeBuildEnvironment.Apply(models, composed);
        DotEnvSampleAddress.Apply(models, dotEnvs);
        GatewayBypass.Apply(models, scope);
        foreach (var model in models)
        {
            model.ForgetJoinedCodeClients();
        }

        return stacks.Select(s => s.Stack).OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
    }

    private const string CodeStackId = "stack:application-code";

    // Source-code readers describe the calling application as app:code.
    private static bool IsCode(ReaderResult result) => result.Deployment is null && result.Fragment.Find("app:code") is not null;

    /// <summary>
    /// Code joins the stack whose proxy it calls (a client pointed at http://litellm:4000 where a compose service or
    /// Kubernetes Service of that stack is named litellm), else the stack of its folder or above it, else the only
    /// stack that has a config.
    /// </summary>
    private static (List<Stack> Targets, string Why) AttachCode(InputFile file, ReaderResult result,
        List<(InputFile File, ReaderResult Result)> deployments, StackIndex index)
    {
        var proxyHosts = result.Fragment.Components.SelectMany(c => c.Attributes["proxyAddresses"] as string[] ?? [])
            .Select(a => a.Split(':')[0]).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (proxyHosts.Count > 0)
        {
            var calling = index.All.Where(s => deployments.Any(d => s.Stack.Files.Contains(d.File)
                && (d.Result.Deployment?.Services.Any(v => v.RunsProxy && (proxyHosts.Contains(v.Name) || v.Aliases.Any(proxyHosts.Contains))) ?? false)))
                .Select(s => s.Stack).ToList();
            if (calling.Count > 0)
            {
                return (calling, $"calls this stack's proxy ({string.Join(", ", proxyHosts.Order(StringComparer.Ordinal))})");
            }
        }

        var (targets, why) = Attach(file, null, index, withoutCode: true);
        if (targets.Count > 0 && why != "the only stack in the scan")
        {
            return (targets, why);
        }

        var gatewayStacks = index.All.Count - (index.Code is null ? 0 : 1);
        return gatewayStacks == 1 ? ([index.All.First(s => s.Stack != index.Code).Stack], "the only gateway stack in the scan") : ([], "");
    }

    private static (List<Stack> Targets, string Why) Attach(InputFile file, DeploymentFacts? facts, StackIndex index, bool withoutCode)
    {
        if (facts is not null)
        {
            // The mounts of the services that run the proxy, in a list made only when one does.
            List<string>? mounts = null;
            foreach (var service in facts.Services)
            {
                if (service.RunsProxy)
                {
                    (mounts ??= []).AddRange(StackEnvironment.MountedPaths(file, service));
                }
            }

            var mounted = mounts is null ? [] : index.ConfigsMountedBy(mounts);
            if (mounted.Count > 0)
            {
                return (mounted, "runs the proxy with this config mounted");
            }
        }

        var folder = Path.GetDirectoryName(file.FullPath) ?? "";
        var beside = index.Beside(file, folder, withoutCode);
        if (beside.Count > 0)
        {
            return (beside, "in the same folder as the stack's files");
        }

        // The nearest config above the file (a deployment in a subfolder), then below it (a config in a subfolder).
        var above = index.NearestConfigsAbove(folder);
        if (above.Count > 0)
        {
            return (above, "in a subfolder of the config's folder");
        }

        var below = index.NearestConfigsBelow(folder);
        if (below.Count == 1)
        {
            return ([below[0]], "in a parent folder of the config");
        }

        var candidates = index.All.Where(s => !(withoutCode && s.Stack == index.Code)).Take(2).ToList();
        return candidates.Count == 1 ? ([candidates[0].Stack], "the only stack in the scan") : ([], "");
    }
}
