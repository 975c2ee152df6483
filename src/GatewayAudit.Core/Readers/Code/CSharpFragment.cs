using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers.Gateways;
using GatewayAudit.Vocabulary;

namespace GatewayAudit.Core.Readers.Code;

/// <summary>
/// Turns the sites of one C# file into components and flows: one component per party however many call sites (each
/// site is evidence), one flow from the application code to each party with the data categories its call sites show.
/// </summary>
internal sealed partial class CSharpFragment(InputFile file, CSharpSites sites)
{
    /// <summary>The application code as one client of every party it calls (shared by every code file and language).</summary>
    public const string AppId = CodeApplication.Id;

    public const string LiteLlmProxyId = "gateway:litellm-proxy";

    private const string NotShownNote = "Some evidence here (a host, base URL or gateway header) has no call beside it in the same file; the party is taken to receive prompts, since these APIs exist for that, until a reviewer shows otherwise.";

    private readonly StackModel _model = new();
    private readonly Dictionary<string, Party> _parties = new(StringComparer.Ordinal);

    // SDK vendors whose calls here go through a client built elsewhere (recorded for the join, not import-only).
    private readonly HashSet<string?> _usedByCalls = [];

    private const string Language = "csharp";

    // The gateway the file's Portkey headers go through; its own host, when the operator runs it, is that gateway's party.
    private CodePortkey.Gateway? _portkey;

    // The service each Azure AI services resource host of this file is shown to answer for (by a path or an OpenAI client).
    private readonly Dictionary<string, HostTerm> _servicesOnResource = new(StringComparer.Ordinal);

    /// <summary>A party as this file shows it: its component, what its call sites do, and how it was reached.</summary>
    private sealed class Party(Component component, PartyKind kind)
    {
        public Component Component { get; } = component;

        public PartyKind Kind { get; } = kind;

        public SortedSet<CallKind> Calls { get; } = [];

        public List<SourceLocation> CallSites { get; } = [];

        public bool HttpBase { get; set; }

        public bool BySdk { get; set; }

        /// <summary>A tool API set up through its SDK (kept apart from <see cref="BySdk"/>, which gives a party the file's model calls).</summary>
        public bool ToolBySdk { get; set; }

        public bool OwnServer { get; set; }

        /// <summary>A call site (not only a client or an endpoint) is attributed to the party.</summary>
        public bool Called { get; set; }
    }

    public StackModel Build()
    {
        _portkey = sites.PortkeyGateway();
        var relativeLlmCalls = sites.Calls.Any(c => !c.Sdk && c.Url is null);
        // The literal an SDK of a shared-host service was given is that service's endpoint, not a second sighting of the host's vendor.
        var sharedHostUrls = sites.Endpoints.Where(e => e.Sdk?.HostVendor is not null).Select(e => (e.Url, e.At.File)).ToHashSet();
        foreach (var endpoint in sites.Endpoints)
        {
            if (ServiceOf(endpoint.Url, endpoint.Sdk) is { Pattern: GatewayTerms.AzureAiServicesHost } named && named != GatewayTerms.AzureAiServicesResource)
            {
                _servicesOnResource.TryAdd(endpoint.Url.Host, named);
            }
        }

        foreach (var endpoint in sites.Endpoints)
        {
            if (endpoint.Source == EndpointSource.Literal && sharedHostUrls.Contains((endpoint.Url, endpoint.At.File)))
            {
                continue;
            }

            if (endpoint.Sdk is { Exporter: true } exporterSdk)
            {
                ExporterAt(endpoint.Url, exporterSdk, endpoint.At);
                continue;
            }

            if ((SharedHostParty(endpoint) ?? PartyAt(endpoint.Url, endpoint.Sdk, endpoint.Source, relativeLlmCalls, endpoint.At)) is not { } party)
            {
                continue;
            }

            party.HttpBase |= endpoint.Source == EndpointSource.BaseAddress;
            if (endpoint.Source == EndpointSource.Sdk)
            {
                AddBuild(endpoint.Sdk!, party, endpoint.At, addressSet: true);
                party.BySdk = true;
                AddCall(party, CallKind.Inference, endpoint.At);
                party.Component.Notes.Add($"Called through the {endpoint.Sdk!.Name} with its endpoint set to {endpoint.Url.Host}.");
            }

            if (party.Kind == PartyKind.Gateway && !party.OwnServer)
            {
                LockIn(party.Component, endpoint.At, "base-url", endpoint.Url.Shown);
            }
        }

        foreach (var client in sites.Clients)
        {
            AddClient(client);
        }

        AddConfiguredUrls();
        _model.CodeClients.OptionsBindings.AddRange(sites.OptionsBindings);
        _model.CodeClients.ClassConstants.AddRange(sites.ClassConstants);

        foreach (var header in sites.Headers)
        {
            var party = header.Term.Vendor == GatewayTerms.Portkey && _portkey?.OwnHost is { } ownHost ? OwnPortkey(ownHost, header.At) : Known(header.Term.Vendor, header.At);
            LockIn(party.Component, header.At, "header", header.Name);
        }

        if (sites.Preferences.Count > 0 || sites.RequestFields.Count > 0)
        {
            var openRouter = Known("openrouter", (sites.Preferences.FirstOrDefault()?.At ?? sites.RequestFields[0].At));
            foreach (var preference in sites.Preferences)
            {
                openRouter.Component.Evidence.Add(preference.At);
                LockIn(openRouter.Component, preference.At, "request-field", "provider." + string.Join(",", preference.Values.Keys));
                foreach (var (_, (_, at)) in preference.Values)
                {
                    openRouter.Component.Evidence.Add(at);
                }
            }

            foreach (var field in sites.RequestFields)
            {
                openRouter.Component.Evidence.Add(field.At);
                LockIn(openRouter.Component, field.At, "request-field", field.Field);
            }
        }

        AttributeCalls();
        foreach (var party in _parties.Values)
        {
            Connect(party);
        }

        if (_parties.TryGetValue("provider:openrouter", out var gateway) && !gateway.Calls.SetEquals([CallKind.Listing]))
        {
            AddOpenRouterRoutes(gateway.Component);
        }

        AddSlugs();
        AddImportsOnly();
        return _model;
    }

    private void AddClient(ClientSite client)
    {
        var sdk = client.Sdk;
        if (sdk.Exporter)
        {
            AddExporter(client);
            return;
        }

        if (sdk.Tool && ToolApis.ByVendor(sdk.Vendor) is { } tool)
        {
            // Not BySdk: the file's model calls never go to a tool, so it must not take them from the model's client.
            var toolParty = Tool(tool, client.At);
            toolParty.ToolBySdk = true;
            toolParty.Component.Notes.Add($"The {sdk.Name} is set up here ({client.Shape}).");
            return;
        }

        Party? party = null;
        if (client.EndpointFrom is { } local && IsFoundryLocalEndpoint(local))
        {
            party = OwnServer(new CodeUrl("localhost", null, "", false, "localhost"), CSharpSdkShapes.FoundryLocal.Engine, client.At, runtime: FoundryLocalRuntime);
            party.Component.Notes.Add($"The {sdk.Name} client's endpoint is the Foundry Local web service this file starts ({local[8..]}).");
        }
        else if (client.EndpointFrom is { } configured && sdk.Vendor is { } resourceVendor && sdk.DefaultHost is null)
        {
            // An SDK that only talks to its vendor's resources (Azure OpenAI: the endpoint picks the resource, never the
            // vendor) is that vendor wherever the endpoint comes from; only which resource, and so the region, is open.
            // Found in the public-code corpus run (bench/CODE-CORPUS.md): one unknown row per configuration name.
            party = Known(resourceVendor, client.At, sdk.PartyName);
            party.Component.Notes.Add($"A {sdk.Name} client whose resource endpoint comes from {(configured.StartsWith("env:", StringComparison.Ordinal) ? "$" + configured[4..] : configured[8..])}: the resource, and so its region, is not in the code.");
        }
        else if (client.EndpointFrom is { } from)
        {
            var variable = from.StartsWith("env:", StringComparison.Ordinal) ? from[4..] : null;
            party = Add(new Component
            {
                Id = variable is null ? $"provider:{from}" : $"provider:env:{variable}",
                Name = variable is null ? $"Endpoint set by {from[8..]} ({sdk.Name})" : $"Endpoint at the address in ${variable} ({sdk.Name})",
                Role = ComponentRole.ModelProvider,
                Hosting = Hosting.Unknown,
            }, PartyKind.ModelProvider, client.At);
            if (sdk.Vendor is { } sdkVendor)
            {
                party.Component.Attributes.Set("sdkVendor", sdkVendor);
            }

            party.Component.Notes.Add($"A {sdk.Name} client whose endpoint comes from {(variable is null ? "configuration" : "the environment")}: whoever runs that address receives the prompts.");
            if (client.ConfigurationKey is { } key)
            {
                // The key's value is in appsettings*.json: the stack assembly resolves the site (Stacks/SettingsFileJoin).
                var sighting = new LexicalSighting(new LexicalTarget(sdk.Vendor ?? "openai"), LexicalSightingKind.Client, LexicalCallKind.Chat,
                    new LexicalToken(LexicalTokenKind.String, key.Shown, client.At.Line, client.At.Column));
                _model.CodeClients.ImportedValues.Add(new ImportedValue(key.Key, CSharpConfigurationKey.Module, key.OptionsType, "", Language, client.At,
                    LexicalImportedName.AddressSlot, party.Component.Id, sighting));
            }

            _model.OpenQuestions.Add(new OpenQuestion(party.Component.Name,
                $"The {sdk.Name} client's endpoint comes from {from}, which the code does not show: which server is it, who runs it, and what does it keep?", client.At));
        }
        else if (sdk.SelfHosted)
        {
            party = OwnServer(new CodeUrl("localhost", null, "", false, "localhost"), sdk.Engine, client.At, runtime: sdk == CSharpSdkShapes.FoundryLocal ? FoundryLocalRuntime : null);
        }
        else if (sdk.DefaultHost is { } host && GatewayTerms.FindHost(host) is { } term)
        {
            party = Known(term, client.At);
            party.Component.Notes.Add($"A {sdk.Name} client with no endpoint set talks to {host}, the SDK's default.");
        }
        else if (sdk.Vendor is { } vendor)
        {
            party = Known(vendor, client.At, sdk.PartyName);
            party.Component.Notes.Add($"A {sdk.Name} client whose resource endpoint is not in the code.");
        }

        if (party is not null)
        {
            party.BySdk = true;
            if (client.Note is { } note)
            {
                party.Component.Notes.Add(note);
                AddToList(party.Component, "aspireResources", client.Resource!);
            }

            AddCall(party, CallKind.Inference, client.At);
            AddBuild(sdk, party, client.At, addressSet: client.EndpointFrom is not null);
        }
    }

    /// <summary>A client this file builds, for the stack assembly's join (a DI registration in Program.cs, called in a service).</summary>
    private void AddBuild(CSharpSdkShapes.Sdk sdk, Party party, SourceLocation at, bool addressSet)
    {
        if (sdk.Vendor is { } vendor)
        {
            _model.CodeClients.Builds.Add(new ClientBuild(vendor, Language, at, null, "", party.Component.Id, addressSet, "provider:" + vendor));
        }
    }

    /// <summary>
    /// An SDK call with no client of this file to go through (a client injected into a service): recorded for the
    /// stack assembly's join, once per provider SDK the file imports, instead of presuming the SDK's default vendor.
    /// </summary>
    private bool AddUse(CallSite call)
    {
        var imported = sites.Imports.Where(i => i.Sdk.Vendor is not null).DistinctBy(i => i.Sdk.Vendor).ToList();
        foreach (var import in imported)
        {
            var vendor = import.Sdk.Vendor!;
            var term = import.Sdk.DefaultHost is { } host ? GatewayTerms.FindHost(host) : null;
            var fallback = new Component { Id = $"provider:{vendor}", Name = term?.Name ?? import.Sdk.Name, Role = ComponentRole.ModelProvider, Vendor = vendor, Hosting = Hosting.ThirdParty };
            var listing = call.Kind == CallKind.Listing;
            _model.CodeClients.Uses.Add(new ClientUse(vendor, Language, call.At, $"a {import.Sdk.Name} client this file does not build", "", null, "",
                listing ? "listing" : "chat", listing ? [DataCategory.Metadata, DataCategory.Credentials] : [DataCategory.Prompt, DataCategory.Completion, DataCategory.Metadata, DataCategory.Credentials], fallback));
            _usedByCalls.Add(vendor);
        }

        return imported.Count > 0;
    }

    /// <summary>Gives each call site to the party it reaches: by its host, else the file's one HTTP base or SDK party.</summary>
    private void AttributeCalls()
    {
        foreach (var call in sites.Calls)
        {
            Party? target = null;
            if (call.Url is { } url)
            {
                target = _parties.Values.FirstOrDefault(p => p.Component.Attributes["host"] as string == url.Host
                    || (p.Component.Attributes["apiHosts"] as string[] ?? []).Contains(url.Host, StringComparer.Ordinal));
            }
            else if (call.Sdk)
            {
                // An exporter set up in the same file (UseAzureMonitor) receives telemetry, not the SDK's calls.
                target = Single(_parties.Values.Where(p => p.BySdk && p.Kind is not (PartyKind.Observability or PartyKind.LlmObservability)));
            }
            else
            {
                target = Single(_parties.Values.Where(p => p.HttpBase)) ?? Single(_parties.Values.Where(p => p.Kind is PartyKind.Gateway or PartyKind.ModelProvider));
            }

            if (target is not null)
            {
                target.Called = true;
                AddCall(target, call.Kind, call.At);
            }
            else if (call.Sdk && !_parties.Values.Any(p => p.BySdk) && AddUse(call))
            {
                CodeApplication.Add(_model, call.At);
            }
        }
    }

    private void Connect(Party party)
    {
        if (party.Kind == PartyKind.ToolApi)
        {
            ConnectTool(party);
            return;
        }

        var exporter = party.Kind is PartyKind.Observability or PartyKind.LlmObservability;
        var shown = party.Calls.Count > 0;
        var sensitive = exporter && party.Kind == PartyKind.Observability && sites.SensitiveTelemetry.Count > 0;
        DataCategory[] categories = exporter
            ? party.Kind == PartyKind.LlmObservability || sensitive ? [DataCategory.Prompt, DataCategory.Completion, DataCategory.Metadata] : [DataCategory.Metadata]
            : !shown || party.Calls.Contains(CallKind.Inference)
                ? [DataCategory.Prompt, DataCategory.Completion, DataCategory.Metadata, DataCategory.Credentials]
                : [DataCategory.Metadata, DataCategory.Credentials];
        // The strongest sighting in this file, on the scale every source reader uses (AttributeStrength.Confidence).
        var confidence = party.Called ? "call" : party.BySdk ? "client" : "address";
        party.Component.Attributes.Set("confidence", confidence);
        var flow = _model.Connect(AppId, party.Component.Id, categories, party.CallSites.FirstOrDefault() ?? party.Component.Evidence.First());
        flow.Attributes.Set("confidence", confidence);
        flow.Evidence.UnionWith(party.CallSites);
        flow.Attributes.Set("kind", exporter ? "telemetry" : categories.Contains(DataCategory.Prompt) ? "inference" : "listing");
        flow.Attributes.Set("callKinds", exporter ? ["telemetry"] : shown ? party.Calls.Select(c => c == CallKind.Inference ? "inference" : "listing") : ["not-shown"]);
        if (party.OwnServer)
        {
            flow.Attributes.Set("callsOwnProxy", true);
            party.Component.Attributes.Set("callsOwnProxy", true);
        }

        if (!shown && !exporter)
        {
            party.Component.Notes.Add(NotShownNote);
        }
        else if (sensitive)
        {
            flow.Evidence.UnionWith(sites.SensitiveTelemetry);
            party.Component.Notes.Add($"This file turns on sensitive data in its GenAI telemetry ({sites.SensitiveTelemetry[0]}): the spans it exports carry prompt and completion text.");
        }
        else if (exporter && party.Kind == PartyKind.Observability)
        {
            party.Component.Notes.Add("Receives what the application's instrumentation sends (traces, logs, errors); whether prompt text is in them depends on that instrumentation, which the code at these lines does not show.");
        }

        CodeApplication.Add(_model, flow.Evidence.First());
    }

    /// <summary>
    /// The providers OpenRouter may route this file's calls to, as OpenRouter's sub-processors, modelled by the same
    /// <see cref="OpenRouterRoutes"/> as a LiteLLM config's OpenRouter deployments and request files: one route per slug
    /// the file names (or one for whatever model each call names), under the provider preferences the file writes.
    /// </summary>
    private void AddOpenRouterRoutes(Component openRouter)
    {
        var values = new SortedDictionary<string, (object Value, SourceLocation At)>(StringComparer.Ordinal);
        foreach (var site in sites.Preferences)
        {
            foreach (var (key, value) in site.Values)
            {
                values.TryAdd(key, value);
            }
        }

        var preferences = values.Count > 0 ? OpenRouterPreferences.FromValues(values) : null;
        var routes = new OpenRouterRoutes(null, _model, AddToList, (c, key) => c.Attributes[key] as string[] ?? [], "call", acrossFiles: true);
        var fallback = sites.Preferences.FirstOrDefault()?.At ?? openRouter.Evidence.First(e => e.File == file.DisplayPath);
        var slugs = sites.Slugs.DistinctBy(s => s.Slug).ToList();
        foreach (var (slug, at) in slugs.Count > 0 ? slugs.Select(s => (s.Slug, s.At)) : [("", fallback)])
        {
            routes.Add(openRouter, slug, preferences, at, scope: OpenRouterRoutes.CodeScope);
        }
    }

    /// <summary>Model slugs are lock-in evidence of the file's one gateway, else of the application code.</summary>
    private void AddSlugs()
    {
        if (sites.Slugs.Count == 0)
        {
            return;
        }

        var gateway = Single(_parties.Values.Where(p => p.Kind == PartyKind.Gateway && !p.OwnServer))?.Component
            ?? CodeApplication.Add(_model);
        foreach (var slug in sites.Slugs)
        {
            LockIn(gateway, slug.At, "slug", slug.Slug);
        }
    }

    /// <summary>
    /// A provider SDK imported with no client, endpoint or call of it in this file: possible, not certain; nothing when
    /// the namespace holds types of a client the file builds with another vendor's connector (<see cref="CSharpSdkShapes.SharedTypeNamespaces"/>).
    /// </summary>
    private void AddImportsOnly()
    {
        var used = sites.Clients.Select(c => c.Sdk.Vendor).Concat(sites.Endpoints.Select(e => e.Sdk?.Vendor)).Concat(_usedByCalls).ToHashSet();
        bool ForTypes(ImportSite import) =>
            CSharpSdkShapes.SharedTypeNamespaces.TryGetValue(import.Namespace, out var vendors) && vendors.Any(used.Contains);
        foreach (var import in sites.Imports.Where(i => i.Sdk.Vendor is not null && !used.Contains(i.Sdk.Vendor) && !ForTypes(i)))
        {
            var vendor = import.Sdk.Vendor!;
            var term = import.Sdk.DefaultHost is { } host ? GatewayTerms.FindHost(host) : null;
            var component = _model.Add(new Component
            {
                Id = $"provider:{vendor}",
                Name = import.Sdk.PartyName ?? term?.Name ?? import.Sdk.Name,
                Role = ComponentRole.ModelProvider,
                Vendor = vendor,
                Hosting = Hosting.ThirdParty,
                Evidence = { import.At },
            });
            component.Attributes.Set("confidence", "import-only", import.At);
            component.Notes.Add($"Possible sub-processor, lower confidence: the {import.Sdk.Name} is imported (using {import.Namespace};) with no client, endpoint or call of it in the same file.");
        }
    }

    private static void AddCall(Party party, CallKind kind, SourceLocation at)
    {
        party.Calls.Add(kind);
        party.CallSites.Add(at);
        party.Component.Evidence.Add(at);
    }

    /// <summary>
    /// Lock-in evidence for the reports: "file:line kind value" (kind: header, slug, base-url, request-field); the
    /// lexical readers record OpenRouter's slugs and request fields the same way.
    /// </summary>
    internal static void LockIn(Component component, SourceLocation at, string kind, string value) =>
        AddToList(component, "lockIn", $"{at} {kind} {value}");

    internal static void AddToList(Component component, string key, string value) => component.Attributes.AddToList(key, value);

    private static Party? Single(IEnumerable<Party> parties)
    {
        var list = parties.Take(2).ToList();
        return list.Count == 1 ? list[0] : null;
    }
}
