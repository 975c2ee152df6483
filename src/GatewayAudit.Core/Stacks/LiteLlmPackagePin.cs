using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers;
using GatewayAudit.Core.Readers.Deployment;
using GatewayAudit.Core.Readers.LiteLlm;

namespace GatewayAudit.Core.Stacks;

/// <summary>
/// A plain <c>litellm==X</c> in requirements.txt, pyproject.toml or a Pipfile is the Python SDK an application imports
/// (held-out class 3, bench/CODE-CORPUS.md), unless a LiteLLM proxy config lies in the same folder: then it is the
/// package a proxy started there (<c>litellm --config config.yaml</c>) runs, and it versions the proxy as an image tag or
/// a <c>litellm[proxy]</c> pin would (the same attributes, through <see cref="GatewayDeployment"/>). Scope is the
/// nearest folder: each config takes the pins of its own folder; a pin in a folder above it (a monorepo's root, which is
/// as likely the application's) is named in a note as a presumption and versions nothing; a pin in a sibling folder
/// never reaches it. A LiteLLM image or a <c>litellm[proxy]</c> requirement the stack already names wins, and a config
/// nothing runs beside code that calls the SDK in process (<see cref="UnrunProxyConfig"/>) takes no version from the SDK's pin.
/// </summary>
public static class LiteLlmPackagePin
{
    /// <summary>The pin files nearest to each on-disk config: its own folder, else the nearest folder above it.</summary>
    internal static Dictionary<Stack, (List<(InputFile File, DeploymentFacts Facts)> Pins, bool Beside)> Place(
        IReadOnlyList<(Stack Stack, InputFile Config)> configs, IReadOnlyList<(InputFile File, DeploymentFacts Facts)> pins)
    {
        var placed = new Dictionary<Stack, (List<(InputFile, DeploymentFacts)>, bool)>();
        if (pins.Count == 0)
        {
            return placed;
        }

        var byFolder = pins.GroupBy(p => Path.GetDirectoryName(p.File.FullPath) ?? "", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var (stack, config) in configs)
        {
            var own = Path.GetDirectoryName(config.FullPath) ?? "";
            for (var folder = own; folder is not null; folder = Path.GetDirectoryName(folder))
            {
                if (byFolder.TryGetValue(folder, out var found))
                {
                    placed[stack] = (found, folder == own);
                    break;
                }
            }
        }

        return placed;
    }

    /// <summary>Versions the stack's proxy from the pins beside its config, or says what a pin above it would mean.</summary>
    public static void Apply(Stack stack, IReadOnlyList<(InputFile File, DeploymentFacts Facts)> pins, bool beside)
    {
        if (stack.Model.Find(LiteLlmConfigReader.GatewayId) is not { } gateway || gateway.Attributes.ContainsKey(GatewayDeployment.VersionSource))
        {
            return; // no proxy, or an image / litellm[proxy] pin already states its version
        }

        if (gateway.Attributes[UnrunProxyConfig.RunsAsProxyAttribute] is false)
        {
            return; // nothing runs the config as a proxy while the application calls the SDK in process: the pin is the SDK's
        }

        var all = pins.SelectMany(p => p.Facts.LiteLlmPackages.Select(l => (p.File, l.Requirement, l.At))).ToList();
        var where = string.Join(", ", all.Select(p => $"{p.Requirement.Text} at {p.At}"));
        if (!beside)
        {
            gateway.Notes.Add($"No LiteLLM image or litellm[proxy] requirement is named for this proxy. The nearest dependency file above its config pins plain litellm ({where}), "
                + "presumed only: that file may be an application's SDK dependency, so the proxy's version stays unknown.");
            return;
        }

        if (all.Select(p => p.Requirement.Specifier).Distinct(StringComparer.Ordinal).Count() > 1)
        {
            gateway.Notes.Add($"The dependency files beside the config pin litellm differently ({where}): which one installs the proxy is not shown, so its version stays unknown.");
            return;
        }

        var first = all[0];
        var source = first.File.FileName == "Pipfile" ? "pipfile" : first.File.FileName.Equals("pyproject.toml", StringComparison.OrdinalIgnoreCase) ? "pyproject" : "requirements";
        var deployment = new GatewayDeployment(stack.Model, source);
        deployment.SetVersion(first.Requirement.Version, first.At, first.Requirement.Text);
        foreach (var (_, _, at) in all.Skip(1))
        {
            gateway.Evidence.Add(at);
        }

        gateway.Notes.Add($"The proxy's version is the plain litellm package pinned beside its config ({where}): no LiteLLM image or litellm[proxy] requirement is named, "
            + "and a proxy started from that folder runs the installed package.");
    }
}
