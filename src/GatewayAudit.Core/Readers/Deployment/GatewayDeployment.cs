using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers.LiteLlm;
using GatewayAudit.Core.Yaml;

namespace GatewayAudit.Core.Readers.Deployment;

/// <summary>
/// Writes what a deployment file says about the LiteLLM proxy onto the gateway component (id
/// <see cref="LiteLlmConfigReader.GatewayId"/>), so it merges with what config.yaml says. Attribute names are the
/// contract the policy rules select on: image, version, versionPinned, versionChannel, versionSource, replicas,
/// maxReplicas. Within one file the first LiteLLM image wins, as across files (fragments merge first-wins).
/// </summary>
public sealed class GatewayDeployment(StackModel model, string source)
{
    public const string Image = "image";
    public const string Version = "version";
    public const string VersionPinned = "versionPinned";
    public const string VersionChannel = "versionChannel";
    public const string VersionSource = "versionSource";
    public const string Replicas = "replicas";
    public const string MaxReplicas = "maxReplicas";

    /// <summary>Which reader the facts come from ("docker-compose", "dockerfile", ...), recorded as versionSource.</summary>
    public string Source { get; } = source;

    /// <summary>The gateway component in this file's fragment, added on first use.</summary>
    public Component Gateway(SourceLocation at) => model.Add(new Component
    {
        Id = LiteLlmConfigReader.GatewayId,
        Name = "LiteLLM proxy",
        Role = ComponentRole.Gateway,
        Vendor = "litellm",
        Hosting = Hosting.OperatorHosted,
        Evidence = { at },
    });

    /// <summary>Records a LiteLLM container image and the version its tag or digest states.</summary>
    public void SetImage(ImageReference image, SourceLocation at)
    {
        var gateway = Gateway(at);
        if (gateway.Attributes.ContainsKey(Image))
        {
            gateway.Notes.Add($"Another LiteLLM image is named at {at}: {image}.");
            gateway.Evidence.Add(at);
            return;
        }

        if (!image.IsLiteLlmRelease)
        {
            gateway.Evidence.Add(at);
            gateway.Notes.Add($"The proxy runs the team's own image {image} (at {at}); its tag is not a LiteLLM release, so the LiteLLM version is whatever that image's build installs.");
            return;
        }

        gateway.Attributes.Set(Image, image.ToString());
        SetVersion(LiteLlmVersion.FromImage(image), at, image.ToString());
    }

    /// <summary>Records a version read from a pip requirement or any other source without an image.</summary>
    public void SetVersion(LiteLlmVersion version, SourceLocation at, string written)
    {
        var gateway = Gateway(at);
        gateway.Evidence.Add(at);
        if (gateway.Attributes.ContainsKey(VersionSource))
        {
            return;
        }

        if (version.Version is not null)
        {
            gateway.Attributes.Set(Version, version.Version);
        }

        gateway.Attributes.Set(VersionPinned, version.Pinned);
        if (version.Channel is not null)
        {
            gateway.Attributes.Set(VersionChannel, version.Channel);
        }

        gateway.Attributes.Set(VersionSource, Source);
        var note = version.Channel switch
        {
            LiteLlmVersion.Floating => $"LiteLLM version is not pinned ({written} at {at}): each pull or install can bring a different version.",
            LiteLlmVersion.Nightly => $"LiteLLM runs a nightly build ({written} at {at}), not a stable release.",
            LiteLlmVersion.Dev => $"LiteLLM runs a pre-release or main-branch build ({written} at {at}), not a stable release.",
            _ => null,
        };
        if (note is not null)
        {
            gateway.Notes.Add(note);
        }
    }

    /// <summary>Records a replica count (or an autoscaler's upper bound under <see cref="MaxReplicas"/>).</summary>
    public void SetCount(string key, long count, SourceLocation at)
    {
        var gateway = Gateway(at);
        gateway.Evidence.Add(at);
        if (!gateway.Attributes.ContainsKey(key))
        {
            gateway.Attributes.Set(key, count);
        }
    }

    /// <summary>A whole, non-negative replica count; a placeholder (${REPLICAS}) is left unknown, anything else is an error.</summary>
    public static (long Count, YamlScalar Node)? ReadCount(ConfigValues values, YamlMapping parent, string key, string path)
    {
        if (values.Scalar(parent, key, path) is not { } node || values.Resolve(node).Value is not { } text)
        {
            return null;
        }

        if (long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count))
        {
            return (count, node);
        }

        values.Error("wrong-type", $"'{path}' must be a whole number of replicas", node);
        return null;
    }
}
