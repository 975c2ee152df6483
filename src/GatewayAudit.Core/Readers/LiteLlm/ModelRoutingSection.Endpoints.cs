using GatewayAudit.Core.Model;
using GatewayAudit.Core.Yaml;

namespace GatewayAudit.Core.Readers.LiteLlm;

/// <summary>
/// Who receives a deployment's prompts: the api_base's host first, the model prefix second. An OpenAI-compatible
/// prefix pointed at Groq is Groq, gemini/ pointed at aiplatform.googleapis.com is Vertex AI, anthropic/ pointed at an
/// Azure resource is Azure, any prefix pointed at a private address is the operator's own server; an api_base the
/// inputs cannot resolve leaves the host unknown rather than falling back to the prefix's vendor.
/// </summary>
internal sealed partial class ModelRoutingSection
{
    private readonly HashSet<string> _askedVariables = new(StringComparer.Ordinal);

    /// <summary>One model_list entry as far as the endpoint decision needs it.</summary>
    private sealed record Deployment(string? Prefix, string ModelText, string Model, bool Inferred, string Group, SourceLocation At);

    /// <summary>The component a deployment's prompts go to, the prefix that decided it and the model after that prefix.</summary>
    private sealed record Endpoint(Component Component, string? Prefix, string Model);

    private Endpoint? ResolveEndpoint(Deployment deployment, YamlScalar? apiBase)
    {
        var prefix = deployment.Prefix;
        var info = prefix is not null && LiteLlmProviders.ByPrefix.TryGetValue(prefix, out var known) ? known : null;
        if (info?.Endpoint == EndpointKind.InProcess)
        {
            // LiteLLM's auto router and dotprompt run inside the proxy and call the config's other model groups.
            return null;
        }

        var (apiBaseText, variable, _) = apiBase is null ? (null, null, null!) : Values.Resolve(apiBase);
        if (apiBase is not null && apiBaseText is null && info?.Endpoint != EndpointKind.TenantEndpoint)
        {
            return new Endpoint(AddUnresolvedEndpoint(deployment, info, variable!, apiBase), prefix, deployment.Model);
        }

        var host = HostClassifier.HostOf(apiBaseText);
        if (host is not null && HostClassifier.IsOperatorNetwork(host))
        {
            return new Endpoint(AddInference(host, info, apiBase!, prefix), prefix, deployment.Model);
        }

        if (host is not null && (info is null || (!LiteLlmProviders.Owns(info, host) && (info.Hosts.Count > 0 || info.Endpoint is EndpointKind.OpenAiCompatible or EndpointKind.SelfHosted))))
        {
            // A public host that is not the prefix's own API: whoever runs that host receives the prompts.
            if (info is null)
            {
                WarnUnmapped(deployment, $"; the api_base host {host} decides who receives the prompts");
            }

            if (LiteLlmProviders.FindByHost(host) is var (hostPrefix, hostInfo))
            {
                var provider = AddProvider(hostPrefix, hostInfo, deployment with { Inferred = false });
                RecordApiHost(provider, host, apiBase!);
                provider.Notes.Add($"api_base {host} is {hostInfo.Name}'s API, whatever the model prefix ({prefix ?? "none"}/) suggests.");
                return new Endpoint(provider, hostPrefix, deployment.Model);
            }

            return new Endpoint(info?.Endpoint == EndpointKind.SelfHosted ? AddInference(host, info, apiBase!, prefix) : AddHostEndpoint(host, info, prefix, apiBase!), prefix, deployment.Model);
        }

        if (info is null)
        {
            WarnUnmapped(deployment, "; the provider is listed as unknown");
            Model.OpenQuestions.Add(new OpenQuestion($"Model group {deployment.Group}", $"Which company serves '{deployment.ModelText}', and under what retention terms?", deployment.At));
            return new Endpoint(Model.Add(new Component
            {
                Id = $"provider:unmapped:{prefix ?? deployment.ModelText}",
                Name = prefix is null ? $"Provider of {deployment.ModelText}" : $"Provider '{prefix}'",
                Role = ComponentRole.ModelProvider,
                Hosting = Hosting.Unknown,
                Evidence = { deployment.At },
            }), prefix, deployment.Model);
        }

        if (info.Endpoint == EndpointKind.SelfHosted && host is null)
        {
            return new Endpoint(AddInference(null, info, null, prefix), prefix, deployment.Model);
        }

        var component = AddProvider(prefix!, info, deployment);
        if (host is not null)
        {
            RecordApiHost(component, host, apiBase!);
        }
        else if (apiBase is not null && variable is not null)
        {
            // A tenant endpoint (Azure resource, Bedrock or Vertex region) from the environment: the vendor is the
            // prefix's, the resource and its region are not in the inputs.
            component.Attributes.Set("apiBaseVariable", variable, Values.At(apiBase));
            component.Evidence.Add(Values.At(apiBase));
            component.Notes.Add($"The endpoint comes from the environment variable {variable}, which the inputs do not define: the {info.Name} resource (and its region) is not shown.");
        }

        return new Endpoint(component, prefix, deployment.Model);
    }

    private Component AddProvider(string prefix, LiteLlmProviders.ProviderInfo info, Deployment deployment)
    {
        var provider = Model.Add($"provider:{info.Vendor ?? prefix}", info.Name, info.Role, info.Hosting, info.Vendor);
        if (deployment.Inferred)
        {
            provider.Notes.Add($"Provider inferred from the bare model name '{deployment.ModelText}' (LiteLLM's default routing).");
        }

        if (provider.Vendor is null && provider.Hosting == Hosting.Unknown)
        {
            Model.OpenQuestions.Add(new OpenQuestion(provider.Name, $"Who runs the {info.Name} that model group {deployment.Group} calls, and what does it keep? The config sets no api_base that shows it.", deployment.At));
        }

        return provider;
    }

    /// <summary>An inference server: at a host (private, or public and not known), or the engine's default local address.</summary>
    private Component AddInference(string? host, LiteLlmProviders.ProviderInfo? info, YamlScalar? apiBase, string? prefix)
    {
        var engine = info?.Endpoint == EndpointKind.SelfHosted ? $" ({info.Name})" : "";
        var component = Model.Add(new Component
        {
            Id = host is null ? $"inference:{prefix ?? "unknown"}"
                : HostClassifier.InferenceId(host, info?.Endpoint == EndpointKind.SelfHosted ? info.Name : Code.LexicalAddresses.ServerOf(apiBase!.Value, host), Code.LexicalAddresses.PortOf(apiBase!.Value)),
            Name = host is null ? $"Self-hosted inference{engine}" : $"Self-hosted inference at {host}{engine}",
            Role = ComponentRole.SelfHostedInference,
            Hosting = host is null || HostClassifier.IsOperatorNetwork(host) ? Hosting.OperatorHosted : Hosting.Unknown,
        });
        component.Notes.Add(component.Hosting == Hosting.OperatorHosted
            ? "Inference on the operator's own servers: not a third party, but it holds prompts in memory and in its own logs."
            : $"An inference engine at the public host {host}: who runs that server is not in the config.");
        if (host is not null)
        {
            component.Attributes.Set("host", host, Values.At(apiBase!));
            component.Evidence.Add(Values.At(apiBase!));
        }

        return component;
    }

    /// <summary>A public host no prefix claims: the catalog may know it (CatalogEnrichment); until then, unknown.</summary>
    private Component AddHostEndpoint(string host, LiteLlmProviders.ProviderInfo? info, string? prefix, YamlScalar apiBase)
    {
        var component = Model.Add(new Component
        {
            Id = $"provider:host:{host}",
            Name = prefix is "openai" or "text-completion-openai" or "custom_openai" or "openai_like" or null
                ? $"OpenAI-compatible endpoint at {host}"
                : $"Endpoint at {host} ({prefix}/ prefix)",
            Role = info?.Role == ComponentRole.Gateway ? ComponentRole.Gateway : ComponentRole.ModelProvider,
            Hosting = Hosting.Unknown,
        });
        component.Attributes.Set("host", host, Values.At(apiBase));
        component.Evidence.Add(Values.At(apiBase));
        if (info?.Vendor is { } prefixVendor)
        {
            component.Notes.Add($"The model prefix '{prefix}/' is {info.Name}'s, but api_base points at {host}: the host decides who receives the prompts.");
            component.Attributes.Set("prefixVendor", prefixVendor);
        }

        return component;
    }

    /// <summary>An api_base read from an environment variable the inputs do not define: the host is unknown.</summary>
    private Component AddUnresolvedEndpoint(Deployment deployment, LiteLlmProviders.ProviderInfo? info, string variable, YamlScalar apiBase)
    {
        var what = info?.Endpoint == EndpointKind.SelfHosted ? $"{info.Name} server" : "Endpoint";
        var component = Model.Add(new Component
        {
            Id = $"provider:env:{variable}",
            Name = $"{what} at the address in ${variable}",
            Role = info?.Role is ComponentRole.Gateway or ComponentRole.SelfHostedInference ? info.Role : ComponentRole.ModelProvider,
            Hosting = Hosting.Unknown,
        });
        component.Attributes.Set("apiBaseVariable", variable, Values.At(apiBase));
        component.Evidence.Add(Values.At(apiBase));
        if (info?.Vendor is { } prefixVendor)
        {
            component.Attributes.Set("prefixVendor", prefixVendor);
            component.Notes.Add($"The model prefix '{deployment.Prefix}/' names {info.Name}'s API, but api_base comes from {variable}: whoever runs that address receives the prompts.");
        }

        if (_askedVariables.Add(variable))
        {
            Model.OpenQuestions.Add(new OpenQuestion(component.Name,
                $"api_base is read from the environment variable {variable}, which the inputs do not define: which server does it point at, who runs it, and what does it keep?", Values.At(apiBase)));
        }

        return component;
    }

    private void RecordApiHost(Component component, string host, YamlScalar apiBase)
    {
        AddToList(component, "apiHosts", host);
        component.Evidence.Add(Values.At(apiBase));
    }

    private void WarnUnmapped(Deployment deployment, string outcome) =>
        Values.Warning("litellm-unknown-provider", deployment.Prefix is null
            ? $"model '{deployment.ModelText}' has no provider prefix gateway-audit can map{outcome}"
            : $"provider prefix '{deployment.Prefix}' is not in gateway-audit's table{outcome}", deployment.At);
}
