using GatewayAudit.Core.Catalog;

namespace GatewayAudit.Core.Readers.Gateways;

/// <summary>
/// The hosts, headers and request fields that name a hosted LLM gateway (OpenRouter, Portkey, Helicone, Cloudflare AI
/// Gateway), in one table that every reader calls: the gateway file readers here, and the source-code readers that
/// meet the same strings in code. Vendor ids are catalog ids (policies/catalog/ID.yaml). Sources, read 2026-11-30:
/// OpenRouter https://openrouter.ai/docs/features/provider-routing, /docs/guides/privacy/logging (eu.openrouter.ai);
/// Portkey Portkey-AI/gateway src/globals.ts (HEADER_KEYS) and src/middlewares/requestValidator/schema/config.ts;
/// Helicone https://docs.helicone.ai/helicone-headers/header-directory and
/// https://docs.helicone.ai/getting-started/integration-method/gateway (dedicated provider domains);
/// Cloudflare https://developers.cloudflare.com/ai-gateway/observability/logging/ and /features/caching/.
/// </summary>
public static class GatewayVocabulary
{
    public const string OpenRouter = "openrouter";
    public const string Portkey = "portkey";
    public const string Helicone = "helicone";
    public const string CloudflareAiGateway = "cloudflare-ai-gateway";

    /// <summary>
    /// A gateway host. <see cref="Pattern"/> is a catalog host pattern (exact, ".suffix", or "*" in a label);
    /// <see cref="Upstream"/> is the provider a provider-specific host forwards to (Helicone's oai.helicone.ai is
    /// OpenAI); <see cref="Region"/> the region the host pins (eu.openrouter.ai).
    /// </summary>
    public sealed record GatewayHost(string Pattern, string Gateway, string? Upstream = null, string? Region = null);

    /// <summary>What a header does at its gateway.</summary>
    public enum HeaderKind
    {
        /// <summary>Authenticates to the gateway: its value is a credential.</summary>
        Credential,

        /// <summary>Names where the gateway forwards the request (Helicone-Target-URL, x-portkey-custom-host).</summary>
        Target,

        /// <summary>Switches a cache on or bounds it (Helicone-Cache-Enabled, cf-aig-cache-ttl).</summary>
        Cache,

        /// <summary>Keeps content out of the gateway's stored logs; the content is still sent to it.</summary>
        OmitFromLogs,

        /// <summary>Chooses provider or routing at the gateway (x-portkey-config, x-portkey-provider).</summary>
        Routing,

        /// <summary>App attribution or request metadata the gateway records (HTTP-Referer, Helicone-Property-*).</summary>
        Attribution,
    }

    /// <summary>A gateway header; a name ending in "*" is a prefix (Helicone-Property-*). Names compare case-insensitively.</summary>
    public sealed record GatewayHeader(string Name, string Gateway, HeaderKind Kind, string Meaning);

    public static IReadOnlyList<GatewayHost> Hosts { get; } =
    [
        new("openrouter.ai", OpenRouter),
        new("eu.openrouter.ai", OpenRouter, Region: "EU"),
        new("us.openrouter.ai", OpenRouter, Region: "US"),
        new("api.portkey.ai", Portkey),
        new("oai.helicone.ai", Helicone, Upstream: "openai"),
        new("oai.hconeai.com", Helicone, Upstream: "openai"),
        new("anthropic.helicone.ai", Helicone, Upstream: "anthropic"),
        new("together.helicone.ai", Helicone, Upstream: "together-ai"),
        new("groq.helicone.ai", Helicone, Upstream: "groq"),
        new("deepinfra.helicone.ai", Helicone, Upstream: "deepinfra"),
        new("openrouter.helicone.ai", Helicone, Upstream: "openrouter"),
        new("gateway.helicone.ai", Helicone),
        new("ai-gateway.helicone.ai", Helicone),
        new("api.helicone.ai", Helicone),
        new(".eu.helicone.ai", Helicone, Region: "EU"),
        new("gateway.ai.cloudflare.com", CloudflareAiGateway),
    ];

    public static IReadOnlyList<GatewayHeader> Headers { get; } =
    [
        new("HTTP-Referer", OpenRouter, HeaderKind.Attribution, "app attribution (the app's URL)"),
        new("X-OpenRouter-Title", OpenRouter, HeaderKind.Attribution, "app attribution (the app's name)"),
        new("X-Title", OpenRouter, HeaderKind.Attribution, "app attribution (legacy name header)"),
        new("X-OpenRouter-Categories", OpenRouter, HeaderKind.Attribution, "app attribution (categories)"),
        new("x-portkey-api-key", Portkey, HeaderKind.Credential, "Portkey API key"),
        new("x-portkey-virtual-key", Portkey, HeaderKind.Routing, "a virtual key: provider credentials kept in Portkey's vault"),
        new("x-portkey-provider", Portkey, HeaderKind.Routing, "the provider Portkey forwards to"),
        new("x-portkey-config", Portkey, HeaderKind.Routing, "a config inline (JSON) or by id (pc-...)"),
        new("x-portkey-custom-host", Portkey, HeaderKind.Target, "the host Portkey forwards to"),
        new("x-portkey-forward-headers", Portkey, HeaderKind.Routing, "headers passed on to the provider as they are"),
        new("x-portkey-cache", Portkey, HeaderKind.Cache, "cache mode"),
        new("x-portkey-metadata", Portkey, HeaderKind.Attribution, "request metadata Portkey logs"),
        new("x-portkey-trace-id", Portkey, HeaderKind.Attribution, "trace id Portkey logs"),
        new("Helicone-Auth", Helicone, HeaderKind.Credential, "Helicone API key"),
        new("Helicone-Target-URL", Helicone, HeaderKind.Target, "the provider URL gateway.helicone.ai forwards to"),
        new("Helicone-OpenAI-Api-Base", Helicone, HeaderKind.Target, "the OpenAI-compatible URL oai.helicone.ai forwards to"),
        new("Helicone-Target-Provider", Helicone, HeaderKind.Target, "the provider's name, for cost mapping"),
        new("Helicone-Cache-Enabled", Helicone, HeaderKind.Cache, "caches responses at Helicone"),
        new("Helicone-Omit-Request", Helicone, HeaderKind.OmitFromLogs, "the request is still sent to Helicone but not stored"),
        new("Helicone-Omit-Response", Helicone, HeaderKind.OmitFromLogs, "the response still passes through Helicone but is not stored"),
        new("Helicone-Property-*", Helicone, HeaderKind.Attribution, "custom properties Helicone logs"),
        new("Helicone-User-Id", Helicone, HeaderKind.Attribution, "end-user id Helicone logs"),
        new("cf-aig-authorization", CloudflareAiGateway, HeaderKind.Credential, "Cloudflare AI Gateway token (authenticated gateway)"),
        new("cf-aig-collect-log", CloudflareAiGateway, HeaderKind.OmitFromLogs, "false: this request is not logged (it still passes through)"),
        new("cf-aig-collect-log-payload", CloudflareAiGateway, HeaderKind.OmitFromLogs, "false: bodies are not stored, metadata is"),
        new("cf-aig-cache-ttl", CloudflareAiGateway, HeaderKind.Cache, "cache time to live in seconds"),
        new("cf-aig-skip-cache", CloudflareAiGateway, HeaderKind.Cache, "true: bypass the cache"),
        new("cf-aig-metadata", CloudflareAiGateway, HeaderKind.Attribution, "custom metadata Cloudflare logs"),
    ];

    /// <summary>Request fields only OpenRouter takes (an OpenAI-shaped body with one of these is OpenRouter's).</summary>
    public static IReadOnlyList<string> OpenRouterRequestFields { get; } = ["provider", "models", "transforms", "route", "plugins"];

    /// <summary>Keys of OpenRouter's provider preferences object.</summary>
    public static IReadOnlyList<string> OpenRouterPreferenceKeys { get; } =
        ["order", "only", "ignore", "allow_fallbacks", "data_collection", "zdr", "require_parameters", "quantizations", "sort", "max_price"];

    /// <summary>The gateway host entry a host matches; an exact pattern wins over a suffix.</summary>
    public static GatewayHost? FindHost(string? host) =>
        host is null ? null : Hosts.Where(h => HostPattern.Matches(h.Pattern, host)).OrderBy(h => h.Pattern.StartsWith('.') ? 1 : 0).FirstOrDefault();

    public static GatewayHeader? FindHeader(string name) =>
        Headers.FirstOrDefault(h => h.Name.EndsWith('*')
            ? name.StartsWith(h.Name[..^1], StringComparison.OrdinalIgnoreCase)
            : string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase));
}
