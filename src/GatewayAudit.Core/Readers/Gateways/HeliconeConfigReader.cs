using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers.LiteLlm;
using GatewayAudit.Core.Yaml;
using GatewayAudit.Vocabulary;

namespace GatewayAudit.Core.Readers.Gateways;

/// <summary>
/// Helicone where a JSON or YAML file configures it: a mapping that holds a Helicone base URL (oai.helicone.ai,
/// anthropic.helicone.ai, gateway.helicone.ai, ai-gateway.helicone.ai, the EU hosts) or Helicone headers
/// (Helicone-Auth, Helicone-Target-URL, Helicone-Cache-Enabled, Helicone-Omit-Request / -Response), directly or under a
/// headers key. Helicone is an observability gateway: every request passes through it and it keeps request logs, a
/// retention surface. Helicone-Omit-Request / -Response keep the content out of Helicone's storage, but the content is
/// still sent to Helicone (https://docs.helicone.ai/features/advanced-usage/omit-logs), so Helicone stays a
/// sub-processor of it either way.
/// </summary>
internal sealed class HeliconeConfigReader : GatewayFileReader
{
    public const string Id = "provider:helicone";

    public override string Name => "helicone-config";

    protected override IReadOnlyList<string> Markers { get; } = ["helicone", "hconeai"];

    protected override string BrokenFileMarker => "helicone";

    protected override string Kind => "a Helicone config";

    protected override bool IsUse(YamlMapping mapping, YamlMapping root) =>
        HeliconeUrls(mapping).Any() || Headers(mapping).Any(h => GatewayTerms.FindHeader(h.Key.Value)?.Vendor == GatewayTerms.Helicone);

    protected override void ReadDocument(GatewayRead read, IReadOnlyList<YamlMapping> uses)
    {
        foreach (var use in uses)
        {
            var at = read.At(use);
            var helicone = read.Model.Add(new Component
            {
                Id = Id,
                Name = "Helicone",
                Role = ComponentRole.Gateway,
                Vendor = GatewayTerms.Helicone,
                Hosting = Hosting.ThirdParty,
                Evidence = { at },
                Notes = { "Helicone is an observability gateway: every request and response passes through it and it keeps request logs (a retention surface)." },
            });
            var flow = read.Model.Connect(AppId, Id, [DataCategory.Prompt, DataCategory.Completion, DataCategory.Metadata, DataCategory.Credentials], at);
            flow.Attributes.Set("kind", "inference");

            var headers = Headers(use).ToList();
            string? upstream = null;
            foreach (var (node, host, entry) in HeliconeUrls(use))
            {
                helicone.Evidence.Add(read.At(node));
                GatewayRead.AddToList(helicone, "hosts", host);
                if (entry.Region is { } region)
                {
                    helicone.Region = new Sourced<string>(region, read.At(node));
                }

                upstream ??= entry.Upstream;
            }

            ReadOmit(read, helicone, flow, headers);
            ReadCache(read, helicone, headers);
            ReadUpstream(read, helicone, headers, upstream, at);
        }
    }

    private static void ReadOmit(GatewayRead read, Component helicone, Flow flow, List<(YamlScalar Key, YamlNode Value)> headers)
    {
        var stored = new List<string> { "metadata" };
        foreach (var (header, (_, _, category)) in OmitHeaders)
        {
            var omitted = headers.FirstOrDefault(h => string.Equals(h.Key.Value, header, StringComparison.OrdinalIgnoreCase));
            if (omitted.Key is not null && string.Equals(read.Text(omitted.Value), "true", StringComparison.OrdinalIgnoreCase))
            {
                MarkOmitted(helicone, flow, header, read.At(omitted.Key));
            }
            else
            {
                stored.Add(category);
            }
        }

        helicone.Attributes.Set("storedCategories", stored.Order(StringComparer.Ordinal));
    }

    /// <summary>The omit headers: the attribute each sets, what it keeps out of storage, and that content's data category.</summary>
    internal static IReadOnlyDictionary<string, (string Attribute, string What, string Category)> OmitHeaders { get; } =
        new Dictionary<string, (string, string, string)>(StringComparer.OrdinalIgnoreCase)
        {
            ["Helicone-Omit-Request"] = ("omitRequest", "request (the prompt)", "prompt"),
            ["Helicone-Omit-Response"] = ("omitResponse", "response (the completion)", "completion"),
        };

    /// <summary>An omit header set true (in a settings file or in code): sent, passed on, not stored.</summary>
    internal static void MarkOmitted(Component helicone, Flow flow, string header, SourceLocation at)
    {
        var (attribute, what, _) = OmitHeaders[header];
        helicone.Attributes.Set(attribute, true, at);
        flow.Attributes.Set(attribute, true, at);
        helicone.Evidence.Add(at);
        helicone.Notes.Add($"{OmitHeaders.Keys.First(k => string.Equals(k, header, StringComparison.OrdinalIgnoreCase))}: true: the {what} is still sent to Helicone, which passes it on, but Helicone does not store it.");
    }

    /// <summary>Helicone-Cache-Enabled: responses cached at Helicone, keyed by the request; Cache-Control max-age bounds them.</summary>
    private static void ReadCache(GatewayRead read, Component helicone, List<(YamlScalar Key, YamlNode Value)> headers)
    {
        var enabled = headers.FirstOrDefault(h => string.Equals(h.Key.Value, CacheHeader, StringComparison.OrdinalIgnoreCase));
        if (enabled.Key is null || !string.Equals(read.Text(enabled.Value), "true", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var control = headers.FirstOrDefault(h => string.Equals(h.Key.Value, "Cache-Control", StringComparison.OrdinalIgnoreCase));
        AddResponseCache(read.Model, helicone, read.At(enabled.Key), read.Text(control.Value), control.Key is null ? null : read.At(control.Key));
    }

    /// <summary>The header that turns Helicone's response cache on.</summary>
    internal const string CacheHeader = "Helicone-Cache-Enabled";

    /// <summary>
    /// Helicone's response cache (in a settings file or in code): responses kept at Helicone (Cloudflare Workers KV), keyed
    /// by the request, for Cache-Control max-age seconds, 7 days (max-age=604800) when none is given, 365 days at most;
    /// one response per bucket unless Helicone-Cache-Bucket-Max-Size says more (docs.helicone.ai/features/advanced-usage/caching,
    /// read 2026-11-30).
    /// </summary>
    internal static Component AddResponseCache(StackModel model, Component helicone, SourceLocation at, string? cacheControl, SourceLocation? controlAt)
    {
        var cache = model.Add(new Component
        {
            Id = "cache:helicone", Name = "Helicone response cache", Role = ComponentRole.Cache, Vendor = GatewayTerms.Helicone, Hosting = Hosting.ThirdParty,
            Evidence = { at }, Notes = { "Helicone-Cache-Enabled: Helicone keeps responses keyed by the request and answers identical requests from them." },
        });
        model.Connect(helicone.Id, cache.Id, [DataCategory.Prompt, DataCategory.Completion], at).Attributes.Set("kind", "cache");
        var maxAge = cacheControl is { } text && text.Contains("max-age=", StringComparison.Ordinal)
            ? new string(text[(text.IndexOf("max-age=", StringComparison.Ordinal) + 8)..].TakeWhile(char.IsDigit).ToArray())
            : "";
        if (controlAt is not null && long.TryParse(maxAge, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
        {
            GatewayRead.SetTtl(cache, seconds, "Cache-Control max-age", controlAt);
        }
        else
        {
            GatewayRead.SetTtl(cache, DefaultCacheSeconds, "Helicone's default with no Cache-Control max-age", at);
        }

        return cache;
    }

    /// <summary>Helicone's cache duration with no Cache-Control header: max-age=604800, 7 days (caching docs above).</summary>
    internal const long DefaultCacheSeconds = 604_800;

    /// <summary>
    /// Where Helicone forwards the request: the provider a dedicated host names (oai.helicone.ai is OpenAI), or the
    /// Helicone-Target-URL / Helicone-OpenAI-Api-Base host. In this proxy mode the request carries the operator's own
    /// provider key. Through ai-gateway.helicone.ai Helicone may route with its own credits, which the file cannot show.
    /// </summary>
    private static void ReadUpstream(GatewayRead read, Component helicone, List<(YamlScalar Key, YamlNode Value)> headers, string? vendor, SourceLocation at)
    {
        var target = headers.FirstOrDefault(h => GatewayTerms.FindHeader(h.Key.Value) is { Kind: HeaderKind.Target } header
            && header.Name != "Helicone-Target-Provider" && HostClassifier.HostOf(read.Text(h.Value)) is not null);
        var host = target.Key is null ? null : HostClassifier.HostOf(read.Text(target.Value));
        var info = host is null ? null : LiteLlmProviders.FindByHost(host)?.Info;
        if (target.Key is not null)
        {
            at = read.At(target.Key);
            vendor = info?.Vendor;
        }

        if (vendor is null && host is null)
        {
            if (helicone.Attributes["hosts"] is string[] hosts && hosts.Contains("ai-gateway.helicone.ai"))
            {
                read.Model.OpenQuestions.Add(new OpenQuestion("Helicone AI Gateway",
                    "Which providers does Helicone's AI Gateway route these requests to, and with whose provider accounts (the operator's keys, or Helicone's credits)? The file does not show it.", at));
            }

            return;
        }

        AddUpstream(read.Model, helicone, vendor, host, info?.Name, at);
    }

    /// <summary>
    /// The provider Helicone forwards to, under Helicone, called with the operator's own provider key (a settings file
    /// or code that sends to a dedicated host such as oai.helicone.ai, or names a Helicone-Target-URL).
    /// </summary>
    internal static Component AddUpstream(StackModel model, Component helicone, string? vendor, string? host, string? name, SourceLocation at)
    {
        var upstream = model.Add(new Component
        {
            Id = $"provider:helicone-upstream:{vendor ?? host}",
            Name = name ?? (vendor is not null ? $"Provider {vendor}" : $"Endpoint at {host}"),
            Role = ComponentRole.ModelProvider,
            Vendor = vendor,
            Hosting = host is not null && HostClassifier.IsOperatorNetwork(host) ? Hosting.OperatorHosted : vendor is null ? Hosting.Unknown : Hosting.ThirdParty,
            SubProcessorOf = helicone.Id,
            Evidence = { at },
            Notes = { "Reached through Helicone's proxy with the operator's own provider key: the provider's retention and ZDR are the operator's account terms with it." },
        });
        upstream.Attributes.Set("providerAccount", "operator", at);
        if (host is not null)
        {
            upstream.Attributes.Set("host", host, at);
        }

        model.Connect(helicone.Id, upstream.Id, [DataCategory.Prompt, DataCategory.Completion, DataCategory.Metadata, DataCategory.Credentials], at).Attributes.Set("kind", "inference");
        return upstream;
    }

    private static IEnumerable<(YamlScalar Node, string Host, HostTerm Entry)> HeliconeUrls(YamlMapping mapping) =>
        mapping.Entries.Select(e => e.Value).OfType<YamlScalar>()
            .Select(s => (Node: s, Host: s.Value.Contains("://", StringComparison.Ordinal) ? HostClassifier.HostOf(s.Value) : null))
            .Where(u => u.Host is not null && GatewayTerms.FindHost(u.Host)?.Vendor == GatewayTerms.Helicone)
            .Select(u => (u.Node, u.Host!, GatewayTerms.FindHost(u.Host)!));

    /// <summary>Header-named entries of the mapping itself and of its child mappings whose key names headers.</summary>
    private static IEnumerable<(YamlScalar Key, YamlNode Value)> Headers(YamlMapping mapping) =>
        mapping.Entries.Select(e => (e.Key, e.Value))
            .Concat(mapping.Entries.Where(e => e.Key.Value.Contains("header", StringComparison.OrdinalIgnoreCase) && e.Value is YamlMapping)
                .SelectMany(e => ((YamlMapping)e.Value).Entries.Select(h => (h.Key, h.Value))));
}
