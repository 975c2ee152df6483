using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers.Gateways;
using GatewayAudit.Vocabulary;

namespace GatewayAudit.Core.Readers.Code;

/// <summary>
/// Which party an address or a vendor id is: a known vendor's host (by the shared host table and, on Azure AI services'
/// shared host, the path), the operator's own server or Portkey gateway, or an SDK's unknown host; one party per id
/// however many sites name it.
/// </summary>
internal sealed partial class CSharpFragment
{
    /// <summary>An SDK's endpoint on the hosts its service shares with another vendor id (Foundry agents on Azure OpenAI's): the SDK's party.</summary>
    private Party? SharedHostParty(EndpointSite endpoint)
    {
        if (endpoint.Sdk is not { Vendor: { } vendor, HostVendor: { } hostVendor } sdk || GatewayTerms.FindHost(endpoint.Url.Host)?.Vendor != hostVendor)
        {
            return null;
        }

        var party = Known(vendor, endpoint.At, sdk.PartyName);
        AddToList(party.Component, "apiHosts", endpoint.Url.Host);
        party.Component.Attributes.Set("host", endpoint.Url.Host, endpoint.At);
        HostClassifier.SetRegionFromHost(party.Component, endpoint.Url.Host, endpoint.At);
        return party;
    }

    /// <summary>The party a URL names: a known vendor's host, the operator's own server, or an SDK's unknown host.</summary>
    private Party? PartyAt(CodeUrl url, CSharpSdkShapes.Sdk? sdk, EndpointSource source, bool relativeLlmCalls, SourceLocation at)
    {
        if (_portkey?.OwnHost == url.Host)
        {
            return OwnPortkey(url.Host, at);
        }

        if (ServiceOf(url, sdk) is { } term)
        {
            var party = Known(term, at);
            AddToList(party.Component, "apiHosts", url.Host);
            if (!party.Component.Attributes.ContainsKey("host"))
            {
                party.Component.Attributes.Set("host", url.Host, at);
            }

            HostClassifier.SetRegionFromHost(party.Component, url.Host, at);
            return party;
        }

        var engine = CSharpEngines.Of(url);
        if (HostClassifier.IsOperatorNetwork(url.Host))
        {
            // A private address in a bare string is anything (a health check, a database, a gRPC service on 4000); with a
            // LiteLLM or inference engine's name or distinctive port, an LLM API path, as a client's endpoint, or as the
            // base of chat calls, it is the operator's server.
            var named = CSharpEngines.Of(url, portAlone: false) is not null || CSharpSdkShapes.KindOfPath(url.Path) is not null;
            var accepted = source == EndpointSource.Sdk || (source == EndpointSource.Literal ? named : engine is not null) || (source == EndpointSource.BaseAddress && relativeLlmCalls);
            return accepted ? OwnServer(url, engine, at) : null;
        }

        if (source == EndpointSource.Sdk || (source == EndpointSource.BaseAddress && relativeLlmCalls))
        {
            var party = Add(new Component
            {
                Id = $"provider:host:{url.Host}",
                Name = $"OpenAI-compatible endpoint at {url.Host}",
                Role = ComponentRole.ModelProvider,
                Hosting = Hosting.Unknown,
            }, PartyKind.ModelProvider, at);
            party.Component.Attributes.Set("host", url.Host, at);
            party.Component.Notes.Add($"The code sends model requests to {url.Host}; who runs that server is not in the code.");
            return party;
        }

        return null;
    }

    /// <summary>
    /// The host row of a URL, told apart by its path on the Azure AI services host (<see cref="GatewayTerms.FindService"/>):
    /// a bare resource address given to an OpenAI or Azure OpenAI client is Azure OpenAI, and a bare address written beside
    /// a service URL built on the same resource (<c>endpoint = "https://x.cognitiveservices.azure.com"</c>, then
    /// <c>$"{endpoint}/vision/v3.2/analyze"</c>) is that service's.
    /// </summary>
    private HostTerm? ServiceOf(CodeUrl url, CSharpSdkShapes.Sdk? sdk)
    {
        var term = GatewayTerms.FindService(url.Host, url.Path, sdk?.Vendor is "openai" or "azure-openai");
        return term == GatewayTerms.AzureAiServicesResource && GatewayTerms.IsBarePath(url.Path) && _servicesOnResource.TryGetValue(url.Host, out var named)
            ? named
            : term;
    }

    /// <summary>Portkey's gateway run by the operator at the base of the file's clients (as a Portkey client's base URL makes it in other languages).</summary>
    private Party OwnPortkey(string host, SourceLocation at)
    {
        var party = Add(PortkeyConfigReader.OwnGateway(host, at, _portkey!.UrlAt ?? at), PartyKind.Gateway, at);
        party.OwnServer = true;
        return party;
    }

    /// <summary>The team's LiteLLM proxy or a self-hosted inference server: not a third party; links the code to its stack.</summary>
    /// <param name="runtime">
    /// A server on this machine whose port is picked at run time (Foundry Local): its own id, so another local server in
    /// the checkout (Ollama on localhost:11434) stays a row of its own rather than taking this one's name.
    /// </param>
    private const string FoundryLocalRuntime = "foundry-local";

    private Party OwnServer(CodeUrl url, string? engine, SourceLocation at, string? runtime = null)
    {
        Party party;
        if (engine == CSharpEngines.LiteLlm)
        {
            party = Add(new Component
            {
                Id = LiteLlmProxyId,
                Name = "LiteLLM proxy",
                Role = ComponentRole.Gateway,
                Vendor = "litellm",
                Hosting = Hosting.OperatorHosted,
            }, PartyKind.Gateway, at);
            party.Component.Notes.Add("The application calls the team's own LiteLLM proxy: prompts go on to whatever the proxy's config wires up.");
        }
        else
        {
            party = Add(new Component
            {
                Id = runtime is null ? HostClassifier.InferenceId(url.Host, engine, url.Port) : $"inference:{HostClassifier.SameMachineName(url.Host)}:{runtime}",
                Name = $"Self-hosted inference at {HostClassifier.SameMachineName(url.Host)}{(engine is null ? "" : $" ({engine})")}",
                Role = ComponentRole.SelfHostedInference,
                Hosting = Hosting.OperatorHosted,
            }, PartyKind.ModelProvider, at);
            party.Component.Notes.Add("A server on the operator's own network: not a third party, but it holds prompts in memory and in its own logs.");
        }

        party.OwnServer = true;
        party.Component.Attributes.Set("host", url.Host, at);
        AddToList(party.Component, "proxyAddresses", url.Host + (url.Port is { } port ? ":" + port : ""));
        return party;
    }

    private Party Known(HostTerm term, SourceLocation at)
    {
        if (term.Kind == PartyKind.ToolApi && ToolApis.ByVendor(term.Vendor) is { } tool)
        {
            return Tool(tool, at);
        }

        var exporter = term.Kind is PartyKind.Observability or PartyKind.LlmObservability;
        return Add(new Component
        {
            Id = (exporter ? "exporter:" : "provider:") + term.Vendor,
            Name = term.Name,
            Role = exporter ? ComponentRole.Exporter : term.Kind == PartyKind.Gateway ? ComponentRole.Gateway : ComponentRole.ModelProvider,
            Vendor = term.Vendor,
            Hosting = Hosting.ThirdParty,
        }, term.Kind, at);
    }

    /// <summary>A gateway or provider known by vendor id (from a header or an SDK), named as the host table names it.</summary>
    private Party Known(string vendor, SourceLocation at, string? name = null)
    {
        if (_parties.Values.FirstOrDefault(p => p.Component.Vendor == vendor && !p.OwnServer) is { } party)
        {
            party.Component.Evidence.Add(at);
            return party;
        }

        return Known(GatewayTerms.Hosts.FirstOrDefault(h => h.Vendor == vendor) ?? new HostTerm("", vendor, name ?? vendor, PartyKind.ModelProvider), at);
    }

    private Party Add(Component component, PartyKind kind, SourceLocation at)
    {
        if (!_parties.TryGetValue(component.Id, out var party))
        {
            component.Attributes.Set("confidence", "address");
            party = new Party(_model.Add(component), kind);
            _parties[component.Id] = party;
        }

        party.Component.Evidence.Add(at);
        return party;
    }
}
