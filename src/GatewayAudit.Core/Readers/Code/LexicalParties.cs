using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers.LiteLlm;

namespace GatewayAudit.Core.Readers.Code;

/// <summary>Who receives what a target sends: the component to add, and what the file can and cannot show about it.</summary>
internal sealed record LexicalParty(string Id, string Name, ComponentRole Role, string? Vendor, Hosting Hosting)
{
    /// <summary>The host the address names (for the catalog and region), when there is one.</summary>
    public string? Host { get; init; }

    /// <summary>host[:port] of the team's own LiteLLM proxy the code calls.</summary>
    public string? ProxyAddress { get; init; }

    /// <summary>The inference server an address names (Ollama, vLLM ...).</summary>
    public string? Server { get; init; }

    /// <summary>An observability backend's fixed categories; null for parties whose calls decide.</summary>
    public IReadOnlyList<DataCategory>? Sends { get; init; }

    public string? Note { get; init; }

    /// <summary>What a reviewer must ask because the file does not show it.</summary>
    public string? Question { get; init; }

    /// <summary>The SDK is given no address, so it reads its host from the environment (<see cref="LexicalParties.DefaultDestinations"/>).</summary>
    public bool AddressFromEnvironment { get; init; }

    /// <summary>What the party does with what it receives, where its role's general wording would mislead (a tool API, Inngest).</summary>
    public string? Purpose { get; init; }
}

/// <summary>
/// Resolves targets to parties the way the LiteLLM config reader resolves an api_base: the address's host first (a
/// private host is the operator's own server, or its LiteLLM proxy; a known host is its vendor; another public host is
/// an endpoint of unknown hosting), an environment variable or an expression the file does not resolve is an endpoint
/// nobody can name yet, and only with no address at all the SDK's own vendor.
/// </summary>
internal static class LexicalParties
{
    public const string LiteLlmProxyId = LiteLlmConfigReader.GatewayId;

    /// <summary>
    /// Where an SDK given no address in code sends, and the variables it reads for its address instead: openai-python and
    /// anthropic-sdk-python READMEs; Langfuse Python reads LANGFUSE_BASE_URL then the deprecated LANGFUSE_HOST
    /// (langfuse-python langfuse/_client/client.py), the JS clients LANGFUSE_BASE_URL then LANGFUSE_BASEURL, the v2 name
    /// (langfuse-js packages/client/src/LangfuseClient.ts), both defaulting to https://cloud.langfuse.com (read 2026-11-30);
    /// LangSmith's LANGSMITH_ENDPOINT / LANGCHAIN_ENDPOINT and Logfire's LOGFIRE_BASE_URL as in
    /// <see cref="LexicalVocabulary.Environment"/>, which must hold every variable here (a test checks it). Sentry is not
    /// here: with no DSN it sends nothing, so it has no default destination to caveat.
    /// </summary>
    internal static IReadOnlyDictionary<string, (string Destination, string[] Variables)> DefaultDestinations { get; } =
        new Dictionary<string, (string, string[])>(StringComparer.Ordinal)
        {
            ["openai"] = ("OpenAI's API", ["OPENAI_BASE_URL"]),
            ["anthropic"] = ("Anthropic's API", ["ANTHROPIC_BASE_URL"]),
            ["langfuse"] = ("Langfuse Cloud", ["LANGFUSE_BASE_URL", "LANGFUSE_HOST", "LANGFUSE_BASEURL"]),
            ["langsmith"] = ("LangSmith's cloud", ["LANGSMITH_ENDPOINT", "LANGCHAIN_ENDPOINT"]),
            ["logfire"] = ("Pydantic Logfire's cloud", ["LOGFIRE_BASE_URL"]),
        };

    /// <summary>
    /// Where an SDK for a self-hosted engine sends when no address is passed, and the variable read first. The ollama
    /// libraries default to http://127.0.0.1:11434: ollama-python <c>ollama/_client.py</c> (<c>_parse_host(host or
    /// os.getenv('OLLAMA_HOST'))</c>, whose doctest gives <c>_parse_host(None) == 'http://127.0.0.1:11434'</c>; the module
    /// functions such as <c>ollama.embeddings</c> use a default <c>Client()</c>, <c>ollama/__init__.py</c>) and ollama-js
    /// <c>src/constant.ts</c> (<c>defaultHost</c>, used by <c>export default new Ollama()</c>); read 2026-11-30.
    /// </summary>
    private static readonly Dictionary<string, (string Url, string Variable)> DefaultAddresses = new(StringComparer.Ordinal)
    {
        ["ollama"] = ("http://127.0.0.1:11434", "OLLAMA_HOST"),
    };

    public static LexicalParty Resolve(LexicalTarget target, string at)
    {
        var party = ResolveAddress(target, at);
        return target is { ModelVariable: { } variable, Model: { } model }
            ? party with { Note = Join(party.Note, $"The model {model} at {at} is the default of {variable}: where {variable} is set, its value decides who receives the request.") }
            : party;
    }

    private static LexicalParty ResolveAddress(LexicalTarget target, string at)
    {
        if (target.Url is { } url && HostClassifier.HostOf(url) is { } host)
        {
            var party = ByHost(url, host, target.Key);
            return target.Variable is { } overriding
                ? party with { Note = Join(party.Note, $"The address at {at} is a default: {overriding} overrides it where the code runs.") }
                : party;
        }

        if ((target.Variable ?? target.Expression) is { } configured && LexicalVocabulary.ResourceVendorKeys.Contains(target.Key))
        {
            var vendor = ByKey(target.Key);
            return vendor with { Note = $"Its resource endpoint comes from {configured} ({at}), which this file does not show: the resource, and so its region, is not known here." };
        }

        if (target.Variable is { } variable)
        {
            if (LexicalVocabulary.ServiceByKey.TryGetValue(target.Key, out var service))
            {
                return Service(service) with { Note = Join(service.SendsNote, $"Its address is read from {variable} ({at}), which this file does not set: the region is not shown here.") };
            }

            var role = RoleOf(target.Key);
            return new LexicalParty($"provider:env:{variable}", $"Endpoint at the address in ${variable}", role, null, Hosting.Unknown)
            {
                Question = $"The {SdkName(target.Key)} client at {at} reads its base URL from {variable}, which the inputs do not define: which server is it, who runs it, and what does it keep?",
            };
        }

        if (target.Expression is { } expression)
        {
            // An observability SDK is its vendor's wherever its address comes from, as with a variable above
            // (sentry_sdk.init(dsn=settings.sentry_dsn)): one row with the address as an open fact, not a second party.
            if (LexicalVocabulary.ServiceByKey.TryGetValue(target.Key, out var observed) && observed.Role is ComponentRole.Exporter or ComponentRole.ToolApi)
            {
                return Service(observed) with { Note = Join(observed.SendsNote, $"Its address is set by {expression} ({at}), which this file does not resolve: the region is not shown here.") };
            }

            // A gateway SDK (Portkey(base_url=settings.GATEWAY_URL)) talks to that gateway wherever its address comes
            // from, as with a variable above: one row, whose open fact is whether the address is the vendor's hosted
            // gateway or the operator's own, not a second, unnamed endpoint (eighth held-out code run, class E).
            if (observed is { Role: ComponentRole.Gateway })
            {
                return Service(observed) with
                {
                    Note = Join(observed.SendsNote, $"Its address is set by {expression} ({at}), which this file does not resolve: whether that is {observed.Name}'s hosted gateway or the operator's own deployment of it is not shown here."),
                };
            }

            if (target.Key == LexicalVocabulary.LiteLlmModule && target.Url is null)
            {
                // litellm.acompletion(model=request.model): LiteLLM picks the provider by the model name's prefix at run
                // time, so the party is whichever provider the caller names; one unknown row that says so, rather than
                // an "endpoint" (second held-out code run, bench/CODE-CORPUS.md class 4b).
                return new LexicalParty($"provider:unresolved:litellm-model:{expression}", $"Provider picked at run time by the model name ({expression}) of a LiteLLM SDK call",
                    RoleOf(target.Key), null, Hosting.Unknown)
                {
                    Question = $"The LiteLLM SDK call at {at} sends the prompt to whichever provider the model name in {expression} names (LiteLLM routes by the name's prefix, e.g. anthropic/...), and this file does not fix it: which model names can reach this call, and so which providers receive the prompts?",
                };
            }

            return new LexicalParty($"provider:unresolved:{expression}", $"Endpoint set by {expression}", RoleOf(target.Key), null, Hosting.Unknown)
            {
                Question = $"The {SdkName(target.Key)} call at {at} is sent to the address or model in {expression}, which this file does not resolve: who receives it, and what do they keep?",
            };
        }

        return ByKey(target.Key);
    }

    private static LexicalParty ByHost(string url, string host, string key)
    {
        if (key == "portkey" && LexicalVocabulary.ServiceByHost(host)?.Key != "portkey")
        {
            // The Portkey SDK pointed at another host: the operator's own Portkey gateway (as PortkeyConfigReader decides).
            return new LexicalParty($"gateway:portkey:{host}", $"Self-hosted Portkey gateway at {host}", ComponentRole.Gateway, null, Hosting.OperatorHosted) { Host = host };
        }

        if (HostClassifier.IsOperatorNetwork(host))
        {
            // A private address given to an observability SDK (LANGFUSE_BASE_URL="http://localhost:3000") is the
            // operator's own instance of that backend, as a LiteLLM callback's host makes it, never an inference server.
            if (LexicalVocabulary.ServiceByKey.TryGetValue(key, out var own) && own.Role == ComponentRole.Exporter)
            {
                return Service(own) with
                {
                    Name = $"{own.Name} (self-hosted at {host})",
                    Hosting = Hosting.OperatorHosted,
                    Host = host,
                    Note = Join(own.SendsNote, "It runs on the operator's own network: not a third party, but it keeps what it is sent."),
                };
            }

            var server = LexicalAddresses.ServerOf(url, host) ?? EngineName(key);
            if (server == "LiteLLM proxy")
            {
                return new LexicalParty(LiteLlmProxyId, "LiteLLM proxy", ComponentRole.Gateway, "litellm", Hosting.OperatorHosted)
                {
                    ProxyAddress = LexicalAddresses.HostAndPort(url, host),
                    Note = "The code calls the team's own LiteLLM proxy (a private address with LiteLLM's name or default port 4000): its providers are the proxy config's.",
                };
            }

            var machine = HostClassifier.SameMachineName(host);
            return new LexicalParty(HostClassifier.InferenceId(host, server, LexicalAddresses.PortOf(url)), server is null ? $"Self-hosted inference at {machine}" : $"Self-hosted inference at {machine} ({server})",
                ComponentRole.SelfHostedInference, null, Hosting.OperatorHosted)
            {
                Host = host,
                Server = server,
                Note = "Inference on the operator's own servers: not a third party, but it holds prompts in memory and in its own logs.",
            };
        }

        if (LexicalVocabulary.ServiceByUrl(url, host, key is "openai" or "azure") is { } service)
        {
            return Service(service) with { Host = host };
        }

        if (LiteLlmProviders.FindByHost(host) is var (prefix, info))
        {
            return Provider(prefix, info) with { Host = host };
        }

        if (LexicalVocabulary.ServiceByKey.TryGetValue(key, out var tool) && tool.Role == ComponentRole.ToolApi)
        {
            // A tool SDK pointed at another public host (a proxy, a reseller): whoever runs it receives what the tool is sent.
            return new LexicalParty($"tool:host:{host}", $"{tool.Name} API at {host}", ComponentRole.ToolApi, null, Hosting.Unknown)
            {
                Host = host,
                Sends = tool.Sends,
                Purpose = tool.Purpose,
                Question = $"The {tool.Name} client is pointed at {host}: who runs that server, and what does it keep?",
            };
        }

        var exporter = LexicalVocabulary.ServiceByKey.TryGetValue(key, out var expected) && expected.Role == ComponentRole.Exporter;
        return new LexicalParty(exporter ? $"exporter:host:{host}" : $"provider:host:{host}",
            exporter ? $"{expected!.Name} at {host}" : $"OpenAI-compatible endpoint at {host}", exporter ? ComponentRole.Exporter : RoleOf(key), null, Hosting.Unknown)
        {
            Host = host,
            Sends = exporter ? expected!.Sends : null,
        };
    }

    private static LexicalParty ByKey(string key)
    {
        if (LexicalVocabulary.ServiceByKey.TryGetValue(key, out var service))
        {
            var own = Service(service);
            return DefaultDestinations.TryGetValue(key, out var cloud)
                ? own with { Note = Join(own.Note, NoAddressNote("No address in the code", cloud)), AddressFromEnvironment = true }
                : own;
        }

        if (!LiteLlmProviders.ByPrefix.TryGetValue(key, out var info))
        {
            return new LexicalParty($"provider:unmapped:{key}", $"Provider '{key}'", ComponentRole.ModelProvider, null, Hosting.Unknown);
        }

        if (DefaultAddresses.TryGetValue(key, out var local))
        {
            // The same party as an address naming the same server, so two ways of calling it are one row.
            return ByHost(local.Url, "127.0.0.1", key) with
            {
                Host = null,
                Note = $"No address in the code: the {info.Name} library's default, {local.Url[7..]} on the machine the code runs on (the Python library reads {local.Variable} first, where it is set).",
            };
        }

        if (info.Endpoint == EndpointKind.SelfHosted)
        {
            return new LexicalParty($"inference:{key}", $"Self-hosted inference ({info.Name})", ComponentRole.SelfHostedInference, null, Hosting.OperatorHosted)
            {
                Server = info.Name,
                Note = $"No address in the code: the {info.Name} client's default, a server on the machine the code runs on.",
            };
        }

        var party = Provider(key, info);
        return DefaultDestinations.TryGetValue(key, out var destination)
            ? party with { Note = NoAddressNote("No base URL in the code", destination), AddressFromEnvironment = true }
            : party;
    }

    private static string NoAddressNote(string lead, (string Destination, string[] Variables) cloud) =>
        $"{lead}: the SDK sends to {cloud.Destination} unless {OneOf(cloud.Variables)} is set where it runs.";

    private static string OneOf(string[] names) =>
        names.Length == 1 ? names[0] : $"{string.Join(", ", names[..^1])} or {names[^1]}";

    private static LexicalParty Provider(string prefix, LiteLlmProviders.ProviderInfo info) =>
        new($"provider:{info.Vendor ?? prefix}", info.Name, info.Role, info.Vendor, info.Hosting);

    private static LexicalParty Service(LexicalVocabulary.Service service) =>
        new(service.Id, service.Name, service.Role, service.Vendor, service.Hosting)
        {
            Sends = service.Role is ComponentRole.Exporter or ComponentRole.ToolApi ? service.Sends : null,
            Note = service.SendsNote,
            Purpose = service.Purpose,
        };

    private static ComponentRole RoleOf(string key) =>
        LexicalVocabulary.ServiceByKey.TryGetValue(key, out var service) ? service.Role
        : LiteLlmProviders.ByPrefix.TryGetValue(key, out var info) && info.Role is ComponentRole.Gateway or ComponentRole.SelfHostedInference ? info.Role
        : ComponentRole.ModelProvider;

    private static string? EngineName(string key) =>
        LiteLlmProviders.ByPrefix.TryGetValue(key, out var info) && info.Endpoint == EndpointKind.SelfHosted ? info.Name : null;

    private static string SdkName(string key) =>
        key == "litellm" ? "LiteLLM"
        : LexicalVocabulary.ServiceByKey.TryGetValue(key, out var service) ? service.Name
        : LiteLlmProviders.ByPrefix.TryGetValue(key, out var info) ? info.Name : key;

    private static string? Join(string? first, string second) => first is null ? second : $"{first} {second}";
}
