using System;
using System.Collections.Generic;
using GatewayAudit.Vocabulary;
using Microsoft.CodeAnalysis;

namespace GatewayAudit.Analyzers;

/// <summary>GW003: a gateway endpoint (base URL or host) outside the adapter.</summary>
public static class GatewayEndpointRule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        RuleIdentifiers.GatewayEndpoint,
        title: "Gateway endpoint used outside the gateway adapter",
        messageFormat: "Gateway endpoint '{0}' is used outside the gateway adapter; read the base URL from the adapter or from configuration",
        category: RuleIdentifiers.Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A gateway base URL (https://openrouter.ai/api/v1, https://api.portkey.ai/v1, Helicone, Vercel and Cloudflare AI gateways) ties the code to one gateway. Keep it in the adapter.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.GatewayEndpoint));

    /// <summary>
    /// Gateway hosts; a host matches itself and its subdomains. The gateway rows of <see cref="GatewayTerms.Hosts"/>,
    /// shared with the code readers.
    /// </summary>
    public static readonly IReadOnlyList<string> DefaultHosts = GatewayHosts();

    /// <summary>The gateway host <paramref name="value"/> points at, when the whole string is a URL or host[/path].</summary>
    public static string? Match(string value, GatewayVocabulary vocabulary)
    {
        if (value.Length < 6 || value.Length > 2048 || value.IndexOf('.') < 0)
        {
            return null;
        }

        var text = value.Trim();
        var start = 0;
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            var name = text.Substring(0, scheme);
            if (!string.Equals(name, "https", StringComparison.OrdinalIgnoreCase) && !string.Equals(name, "http", StringComparison.OrdinalIgnoreCase)
                && !string.Equals(name, "wss", StringComparison.OrdinalIgnoreCase) && !string.Equals(name, "ws", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            start = scheme + 3;
        }

        var end = text.Length;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '/' || c == '?' || c == '#')
            {
                end = i;
                break;
            }

            if (char.IsWhiteSpace(c))
            {
                return null; // a sentence that mentions a URL is prose, not an endpoint
            }
        }

        for (var i = end; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                return null;
            }
        }

        var authority = text.Substring(start, end - start);
        var at = authority.LastIndexOf('@');
        if (at >= 0 && scheme < 0)
        {
            return null; // support@openrouter.ai is a mailbox, not an endpoint
        }

        if (at >= 0)
        {
            authority = authority.Substring(at + 1);
        }

        var port = authority.LastIndexOf(':');
        if (port >= 0)
        {
            authority = authority.Substring(0, port);
        }

        var host = authority.TrimEnd('.').ToLowerInvariant();
        if (host.Length == 0 || !vocabulary.IsGatewayHost(host) || IsWebsiteLink(host, text.Substring(end)))
        {
            return null;
        }

        return host;
    }

    /// <summary>
    /// A page of a gateway's website, not its API: a <c>docs.</c> host (<c>docs.helicone.ai</c>), or a path on the
    /// site's own host (<c>openrouter.ai</c>, <c>www.openrouter.ai</c>, <c>helicone.ai</c>) that is not under
    /// <c>/api</c> or <c>/v1</c> (<c>https://openrouter.ai/keys</c>, <c>https://openrouter.ai/docs/quickstart</c>,
    /// <c>https://openrouter.ai/models</c>). OpenRouter's API lives under <c>https://openrouter.ai/api/v1</c>
    /// (openrouter.ai/docs/api-reference/overview); the other gateways' APIs have hosts of their own (<c>api.portkey.ai</c>,
    /// <c>oai.helicone.ai</c>, <c>ai-gateway.vercel.sh</c>, <c>gateway.ai.cloudflare.com</c>). A bare host
    /// (<c>https://openrouter.ai</c>) stays an endpoint: base URLs are written that way too.
    /// </summary>
    internal static bool IsWebsiteLink(string host, string pathAndQuery)
    {
        if (host.StartsWith("docs.", StringComparison.Ordinal))
        {
            return true;
        }

        var siteHost = host.StartsWith("www.", StringComparison.Ordinal) ? host.Substring(4) : host;
        if (!IsSiteHost(siteHost))
        {
            return false;
        }

        var path = pathAndQuery.TrimStart('/');
        var segmentEnd = path.IndexOfAny(['/', '?', '#']);
        var segment = (segmentEnd < 0 ? path : path.Substring(0, segmentEnd)).ToLowerInvariant();
        return segment.Length > 0 && segment != "api" && segment != "v1";
    }

    /// <summary>A gateway row that is a whole registrable site (<c>openrouter.ai</c>), not an API host of its own.</summary>
    private static bool IsSiteHost(string host)
    {
        foreach (var gatewayHost in DefaultHosts)
        {
            if (host == gatewayHost && gatewayHost.IndexOf('.') == gatewayHost.LastIndexOf('.'))
            {
                return true;
            }
        }

        return false;
    }

    internal static bool HostMatches(string host, string gatewayHost) => GatewayTerms.HostMatches(host, gatewayHost);

    private static List<string> GatewayHosts()
    {
        var hosts = new List<string>();
        foreach (var term in GatewayTerms.Hosts)
        {
            if (term.Kind == PartyKind.Gateway)
            {
                hosts.Add(term.Pattern);
            }
        }

        return hosts;
    }
}
