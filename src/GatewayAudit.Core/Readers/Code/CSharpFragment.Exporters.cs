using GatewayAudit.Core.Model;
using GatewayAudit.Vocabulary;

namespace GatewayAudit.Core.Readers.Code;

/// <summary>
/// Telemetry exporters set up in C# (Azure Monitor, OpenTelemetry OTLP), tool APIs (Grounding with Bing) and Foundry
/// Local's on-device endpoint: parties that receive telemetry or tool requests, not the SDK calls of the file, and an
/// endpoint that is the operator's own machine.
/// </summary>
internal sealed partial class CSharpFragment
{
    /// <summary>An exporter given an address in the code: a known backend's host, else whoever runs that address.</summary>
    private void ExporterAt(CodeUrl url, CSharpSdkShapes.Sdk sdk, SourceLocation at)
    {
        if (GatewayTerms.FindHost(url.Host) is { Kind: PartyKind.Observability or PartyKind.LlmObservability } term)
        {
            Known(term, at).BySdk = true;
            return;
        }

        var own = HostClassifier.IsOperatorNetwork(url.Host);
        var party = Add(new Component
        {
            Id = $"exporter:host:{url.Host}",
            Name = $"Telemetry endpoint at {url.Host} ({sdk.Name})",
            Role = ComponentRole.Exporter,
            Hosting = own ? Hosting.OperatorHosted : Hosting.Unknown,
        }, PartyKind.Observability, at);
        party.BySdk = true;
        party.Component.Attributes.Set("host", url.Host, at);
        party.Component.Notes.Add(own
            ? $"The {sdk.Name} sends to {url.Host} on the operator's own network (a collector): where the collector forwards the telemetry is in its own configuration."
            : $"The {sdk.Name} sends to {url.Host}; who runs that endpoint is not in the code.");
    }

    /// <summary>An exporter set up with no address in the code: its vendor's resource, or an endpoint from configuration.</summary>
    private void AddExporter(ClientSite client)
    {
        var sdk = client.Sdk;
        Party party;
        if (sdk.Vendor is { } vendor)
        {
            party = Known(vendor, client.At);
            party.Component.Notes.Add($"The {sdk.Name} is set up here ({client.Shape}); the resource it sends to, and so its region, comes from its connection string, which the code does not show.");
        }
        else
        {
            var from = client.EndpointFrom is { } configured ? configured[(configured.IndexOf(':') + 1)..] : "OTEL_EXPORTER_OTLP_ENDPOINT";
            party = Add(new Component
            {
                Id = "exporter:otlp",
                Name = "OTLP endpoint (OpenTelemetry exporter)",
                Role = ComponentRole.Exporter,
                Hosting = Hosting.Unknown,
            }, PartyKind.Observability, client.At);
            party.Component.Notes.Add($"The {sdk.Name} ({client.Shape}) sends traces, metrics and logs to the endpoint in {from}; who runs that endpoint is not in the code.");
            _model.OpenQuestions.Add(new OpenQuestion(party.Component.Name,
                $"The OTLP exporter sends to the endpoint in {from}: which collector or backend is it, who runs it, and what does it keep?", client.At));
        }

        party.BySdk = true;
    }

    /// <summary>A tool API (web search, translation, OCR, image generation): prompt content and metadata, never a model's calls.</summary>
    private Party Tool(ToolApis.Tool tool, SourceLocation at) => Add(ToolApis.Component(tool, at), PartyKind.ToolApi, at);

    private void ConnectTool(Party party)
    {
        var at = party.Component.Evidence.First();
        var confidence = party.ToolBySdk ? "client" : "address";
        party.Component.Attributes.Set("confidence", confidence);
        var flow = _model.Connect(AppId, party.Component.Id, ToolApis.Categories, at);
        flow.Attributes.Set("confidence", confidence);
        flow.Attributes.Set("kind", "tool");
        CodeApplication.Add(_model, at);
    }

    /// <summary>The file starts Foundry Local and this client's endpoint is a property of that manager (<c>manager.Endpoint</c>).</summary>
    private bool IsFoundryLocalEndpoint(string configured) =>
        (configured.EndsWith(".Endpoint", StringComparison.Ordinal) || configured.EndsWith(".Urls", StringComparison.Ordinal))
        && sites.Clients.Any(c => c.Sdk == CSharpSdkShapes.FoundryLocal);
}
