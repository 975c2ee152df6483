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
        return host.Length > 0 && vocabulary.IsGatewayHost(host) ? host : null;
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
