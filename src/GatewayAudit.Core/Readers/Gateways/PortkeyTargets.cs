using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers.LiteLlm;
using GatewayAudit.Core.Yaml;

namespace GatewayAudit.Core.Readers.Gateways;

/// <summary>
/// One Portkey target: the provider it names (a Portkey slug, an @integration slug or a virtual key), its custom_host,
/// model override, forwarded headers and region, as a sub-processor under the gateway. Targets of one provider (and
/// host) in a file are one component; the provider behind a virtual key or integration is not in the config, so it
/// is listed by that name and asked about.
/// </summary>
internal static class PortkeyTargets
{
    public const string OperatorAccountNote =
        "Called through Portkey with the operator's own provider credentials (virtual key, integration or api_key): the provider's retention and ZDR are the operator's account terms with it.";

    public static void Add(GatewayRead read, Component gateway, YamlMapping target, string path, string? mode)
    {
        var (providerNode, providerKey) = GatewayKeys.Get(target, "provider");
        var (virtualNode, virtualKey) = GatewayKeys.Get(target, "virtual_key");
        var slug = read.Text(providerNode);
        var virtualName = read.Text(virtualNode);
        var at = read.At(providerKey ?? virtualKey ?? (YamlNode)target);
        var info = slug is null || slug.StartsWith('@') ? null : PortkeyProviders.Find(slug);
        var customHost = GatewayKeys.Get(target, "custom_host") is (YamlScalar hostNode, _) ? (Host: HostClassifier.HostOf(read.Text(hostNode)), Node: hostNode) : default;

        // Who receives the prompt: a custom_host decides over the provider's name, as for a LiteLLM api_base.
        var name = slug ?? (virtualName is null ? null : $"virtual key {virtualName}");
        var opaque = slug is null || slug.StartsWith('@');
        var host = customHost.Host;
        var ownHost = host is not null && info is not null && LiteLlmProviders.Owns(info, host);
        var hosting = host is not null && HostClassifier.IsOperatorNetwork(host) ? Hosting.OperatorHosted
            : host is not null && !ownHost ? Hosting.Unknown
            : info?.Hosting ?? Hosting.Unknown;
        var id = $"provider:portkey-target:{(opaque ? name ?? path : slug)}{(host is null || ownHost ? "" : "@" + host)}";
        var component = read.Model.Add(new Component
        {
            Id = id,
            Name = opaque
                ? name is null ? $"Provider of Portkey target {path}" : $"Provider behind Portkey {(slug is null ? name : $"integration {slug}")}"
                : host is not null && !ownHost ? $"{info?.Name ?? slug} API at {host} (Portkey custom_host)" : info?.Name ?? $"Portkey provider '{slug}'",
            Role = hosting == Hosting.OperatorHosted ? ComponentRole.SelfHostedInference : info?.Role ?? ComponentRole.ModelProvider,
            Vendor = host is not null && !ownHost ? null : info?.Vendor,
            Hosting = hosting,
            SubProcessorOf = gateway.Id,
            Evidence = { at },
        });
        component.Attributes.Set("providerAccount", "operator", at);
        component.Notes.Add(OperatorAccountNote);
        if (slug is not null)
        {
            GatewayRead.AddToList(component, "portkeyProviders", slug);
        }

        if (virtualName is not null)
        {
            GatewayRead.AddToList(component, "virtualKeys", virtualName);
        }

        if (host is not null)
        {
            component.Attributes.Set("host", host, read.At(customHost.Node));
            component.Evidence.Add(read.At(customHost.Node));
            if (hosting == Hosting.OperatorHosted)
            {
                component.Notes.Add($"custom_host {host} is on the operator's own network: the prompt stays with the operator's server.");
            }
        }

        if (opaque)
        {
            read.Model.OpenQuestions.Add(new OpenQuestion(component.Name,
                $"Which provider does {(name is null ? $"the target at {path}" : name)} hold credentials for? The config names {(name is null ? "none" : "only the Portkey-side name")}, so who receives these prompts is not shown.", at));
        }
        else if (info is null)
        {
            read.Values.Warning("portkey-unknown-provider", $"Portkey provider '{slug}' at '{path}' is not in gateway-audit's table; it is listed without a vendor", at);
        }

        ReadModel(read, component, target);
        ReadRegion(read, component, target);
        if (GatewayKeys.Get(target, "forward_headers") is (YamlSequence forwarded, { } forwardKey))
        {
            component.Attributes.Set("forwardHeaders", forwarded.Items.OfType<YamlScalar>().Select(s => s.Value), read.At(forwardKey));
            component.Notes.Add("forward_headers: these request headers reach the provider as they are (they may carry user ids or other metadata).");
        }

        var flow = read.Model.Connect(gateway.Id, component.Id, [DataCategory.Prompt, DataCategory.Completion, DataCategory.Metadata, DataCategory.Credentials], at);
        flow.Attributes.Set("kind", "inference");
        if (mode is not null)
        {
            GatewayRead.AddToList(component, "strategies", mode);
        }
    }

    private static void ReadModel(GatewayRead read, Component component, YamlMapping target)
    {
        if (GatewayKeys.Value(target, "override_params") is YamlMapping overrides && GatewayKeys.Value(overrides, "model") is YamlScalar model && read.Text(model) is { } text)
        {
            GatewayRead.AddToList(component, "models", text);
            component.Evidence.Add(read.At(model));
        }
    }

    /// <summary>vertex_region / aws_region name where the provider processes the request.</summary>
    private static void ReadRegion(GatewayRead read, Component component, YamlMapping target)
    {
        foreach (var key in new[] { "vertex_region", "aws_region" })
        {
            if (GatewayKeys.Value(target, key) is YamlScalar region && read.Text(region) is { } text)
            {
                GatewayRead.AddToList(component, "regions", text);
                component.Region = (component.Attributes["regions"] as string[])!.Length == 1 ? new Sourced<string>(text, read.At(region)) : null;
                component.Evidence.Add(read.At(region));
            }
        }
    }
}
