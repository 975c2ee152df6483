using System;
using System.Collections.Generic;
using GatewayAudit.Vocabulary;
using Microsoft.CodeAnalysis;

namespace GatewayAudit.Analyzers;

/// <summary>GW001: a gateway attribution or control header name outside the adapter.</summary>
public static class GatewayHeaderRule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        RuleIdentifiers.GatewayHeader,
        title: "Gateway header name used outside the gateway adapter",
        messageFormat: "Gateway header '{0}' is used outside the gateway adapter; keep gateway headers in the adapter so that swapping gateways is a one-file change",
        category: RuleIdentifiers.Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "OpenRouter's attribution headers (HTTP-Referer, X-OpenRouter-Title, X-Title), Portkey's x-portkey-* and Helicone's Helicone-* headers only mean something to one gateway. Set them in the adapter type declared in gateway_audit.adapter_types or marked [GatewayAdapter].",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.GatewayHeader));

    /// <summary>
    /// Built-in header names, compared case-insensitively (HTTP header names are). A trailing '*' is a prefix. The
    /// list is <see cref="GatewayTerms.Headers"/>, shared with the code readers.
    /// </summary>
    public static readonly IReadOnlyList<string> DefaultHeaderNames = HeaderNames();

    /// <summary>
    /// The header name <paramref name="value"/> holds: the whole trimmed string, or the name before ':' in the
    /// "Name: value" form that Refit's [Headers] and raw HTTP text use. Null when it is no gateway header.
    /// </summary>
    public static string? Match(string value, GatewayVocabulary vocabulary)
    {
        if (value.Length < 5 || value.Length > 512 || (vocabulary.EveryHeaderHasDash && value.IndexOf('-') < 0))
        {
            return null;
        }

        var text = value.Trim();
        var colon = text.IndexOf(':');
        var name = colon > 0 ? text.Substring(0, colon).TrimEnd() : text;
        if (name.Length < 5 || name.Length > 80 || HasWhitespace(name))
        {
            return null;
        }

        return vocabulary.IsGatewayHeader(name) ? name : null;
    }

    private static List<string> HeaderNames()
    {
        var names = new List<string>();
        foreach (var term in GatewayTerms.Headers)
        {
            names.Add(term.Name);
        }

        return names;
    }

    private static bool HasWhitespace(string text)
    {
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                return true;
            }
        }

        return false;
    }
}
