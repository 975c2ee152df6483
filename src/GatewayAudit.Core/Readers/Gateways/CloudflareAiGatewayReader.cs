using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers.LiteLlm;
using GatewayAudit.Core.Yaml;
using GatewayAudit.Vocabulary;

namespace GatewayAudit.Core.Readers.Gateways;

/// <summary>
/// Cloudflare AI Gateway where a JSON or YAML file configures it: a base URL
/// <c>https://gateway.ai.cloudflare.com/v1/{account}/{gateway}/{provider}</c> (the provider segment names the upstream),
/// or a Universal Endpoint body (a list of {provider, endpoint, headers, query} steps tried in order). Cloudflare logs
/// each request, prompt and response included, by default; <c>cf-aig-collect-log: false</c> skips the log and
/// <c>cf-aig-collect-log-payload: false</c> keeps only metadata; <c>cf-aig-cache-ttl</c> caches responses
/// (https://developers.cloudflare.com/ai-gateway/observability/logging/, /features/caching/, read 2026-11-30).
/// Chosen over Vercel AI Gateway because its URL names the upstream provider, so the file alone shows the sub-processor.
/// </summary>
internal sealed class CloudflareAiGatewayReader : GatewayFileReader
{
    public const string Id = "provider:cloudflare-ai-gateway";

    // Cloudflare AI Gateway provider path segments → LiteLLM prefixes (one table of who runs each API).
    private static readonly Dictionary<string, string> Providers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["openai"] = "openai", ["anthropic"] = "anthropic", ["azure-openai"] = "azure", ["aws-bedrock"] = "bedrock",
        ["google-ai-studio"] = "gemini", ["google-vertex-ai"] = "vertex_ai", ["groq"] = "groq", ["mistral"] = "mistral",
        ["workers-ai"] = "cloudflare", ["huggingface"] = "huggingface", ["replicate"] = "replicate", ["perplexity-ai"] = "perplexity",
        ["deepseek"] = "deepseek", ["grok"] = "xai", ["openrouter"] = "openrouter", ["cohere"] = "cohere", ["cerebras"] = "cerebras",
    };

    public override string Name => "cloudflare-ai-gateway";

    protected override IReadOnlyList<string> Markers { get; } = ["gateway.ai.cloudflare.com"];

    protected override string BrokenFileMarker => "gateway.ai.cloudflare.com";

    protected override string Kind => "a Cloudflare AI Gateway config";

    protected override bool IsUse(YamlMapping mapping, YamlMapping root) =>
        GatewayUrls(mapping).Any() || (mapping.ContainsKey("provider") && mapping.ContainsKey("endpoint") && mapping.ContainsKey("query"));

    protected override void ReadDocument(GatewayRead read, IReadOnlyList<YamlMapping> uses)
    {
        foreach (var use in uses)
        {
            var at = read.At(use);
            var gateway = read.Model.Add(new Component
            {
                Id = Id,
                Name = "Cloudflare AI Gateway",
                Role = ComponentRole.Gateway,
                Vendor = GatewayTerms.CloudflareAiGateway,
                Hosting = Hosting.ThirdParty,
                Evidence = { at },
                Notes = { "Cloudflare AI Gateway logs each request, prompt and response included, unless logging is off for the gateway (a dashboard setting the file cannot show) or the request sends cf-aig-collect-log: false." },
            });
            read.Model.Connect(AppId, Id, [DataCategory.Prompt, DataCategory.Completion, DataCategory.Metadata, DataCategory.Credentials], at).Attributes.Set("kind", "inference");
            var headers = use.Entries.Where(e => e.Key.Value.Contains("header", StringComparison.OrdinalIgnoreCase) && e.Value is YamlMapping)
                .SelectMany(e => ((YamlMapping)e.Value).Entries).Concat(use.Entries).ToList();
            foreach (var (node, provider) in GatewayUrls(use))
            {
                AddUpstream(read, gateway, provider, read.At(node), headers);
            }

            if (read.Text(use["provider"]) is { } step && use.ContainsKey("endpoint"))
            {
                AddUpstream(read, gateway, step, at, headers);
            }

            ReadLogging(read, gateway, headers);
        }
    }

    private static void AddUpstream(GatewayRead read, Component gateway, string? provider, SourceLocation at, List<KeyValuePair<YamlScalar, YamlNode>> headers)
    {
        if (provider is null or "compat")
        {
            read.Model.OpenQuestions.Add(new OpenQuestion("Cloudflare AI Gateway",
                "Which providers do requests through this gateway reach? The URL names none (the OpenAI-compatible endpoint takes the provider from each request's model).", at));
            return;
        }

        var info = Providers.TryGetValue(provider, out var prefix) && LiteLlmProviders.ByPrefix.TryGetValue(prefix, out var known) ? known : null;
        var upstream = read.Model.Add(new Component
        {
            Id = $"provider:cloudflare-ai-gateway-upstream:{provider}",
            Name = info?.Name ?? $"Cloudflare AI Gateway provider '{provider}'",
            Role = info?.Role ?? ComponentRole.ModelProvider,
            Vendor = info?.Vendor,
            Hosting = info?.Hosting ?? Hosting.Unknown,
            SubProcessorOf = gateway.Id,
            Evidence = { at },
        });

        // A provider key in the file's own headers shows the operator's account; otherwise the gateway may hold the key
        // (BYOK stored at Cloudflare) or bill through Cloudflare, which the file does not show.
        if (headers.Any(h => h.Key.Value.Equals("Authorization", StringComparison.OrdinalIgnoreCase) || h.Key.Value.Equals("x-api-key", StringComparison.OrdinalIgnoreCase)))
        {
            upstream.Attributes.Set("providerAccount", "operator", at);
            upstream.Notes.Add("The request carries the operator's own provider key: the provider's retention and ZDR are the operator's account terms with it.");
        }
        else
        {
            read.Model.OpenQuestions.Add(new OpenQuestion(upstream.Name,
                $"Whose account does Cloudflare AI Gateway use to call {provider}: a key the operator stored at Cloudflare, or Cloudflare's unified billing? The file carries no provider key.", at));
        }

        read.Model.Connect(gateway.Id, upstream.Id, [DataCategory.Prompt, DataCategory.Completion, DataCategory.Metadata], at).Attributes.Set("kind", "inference");
    }

    private static void ReadLogging(GatewayRead read, Component gateway, List<KeyValuePair<YamlScalar, YamlNode>> headers)
    {
        foreach (var (key, value) in headers)
        {
            var name = key.Value.ToLowerInvariant();
            var text = read.Text(value);
            if (name is "cf-aig-collect-log" or "cf-aig-collect-log-payload" && string.Equals(text, "false", StringComparison.OrdinalIgnoreCase))
            {
                gateway.Attributes.Set(name == "cf-aig-collect-log" ? "collectLog" : "collectLogPayload", false, read.At(key));
                gateway.Notes.Add(name == "cf-aig-collect-log"
                    ? "cf-aig-collect-log: false: these requests still pass through Cloudflare but are not logged."
                    : "cf-aig-collect-log-payload: false: these requests still pass through Cloudflare; their bodies are not stored, their metadata is logged.");
            }
            else if (name == "cf-aig-cache-ttl" && long.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
            {
                var cache = read.AddCache(gateway, "cache:cloudflare-ai-gateway", "Cloudflare AI Gateway response cache", GatewayTerms.CloudflareAiGateway, Hosting.ThirdParty,
                    "cf-aig-cache-ttl: Cloudflare keeps responses keyed by the request and answers identical requests from them.", read.At(key));
                GatewayRead.SetTtl(cache, seconds, "cf-aig-cache-ttl", read.At(key));
            }
        }
    }

    /// <summary>Scalars of the mapping holding a gateway URL, with the provider segment after account and gateway ids.</summary>
    private static IEnumerable<(YamlScalar Node, string? Provider)> GatewayUrls(YamlMapping mapping) =>
        mapping.Entries.Select(e => e.Value).OfType<YamlScalar>()
            .Where(s => s.Value.Contains("://", StringComparison.Ordinal) && GatewayTerms.FindHost(HostClassifier.HostOf(s.Value))?.Vendor == GatewayTerms.CloudflareAiGateway)
            .Select(s =>
            {
                var segments = Uri.TryCreate(s.Value.Trim(), UriKind.Absolute, out var uri) ? uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries) : [];
                return (s, segments.Length > 3 && segments[0] == "v1" ? segments[3] : null);
            });
}
