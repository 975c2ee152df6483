using System.Collections.Generic;
using GatewayAudit.Vocabulary;
using Microsoft.CodeAnalysis;

namespace GatewayAudit.Analyzers;

/// <summary>GW002: a gateway model slug (<c>vendor/model</c>, OpenRouter variants, <c>openrouter/auto</c>) outside the adapter.</summary>
public static class GatewayModelSlugRule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        RuleIdentifiers.GatewayModelSlug,
        title: "Gateway model slug used outside the gateway adapter",
        messageFormat: "Gateway model slug '{0}' is used outside the gateway adapter; map your own model names to gateway slugs in the adapter",
        category: RuleIdentifiers.Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Slugs such as anthropic/claude-sonnet-4.6, openai/gpt-4o:free or openrouter/auto name a model the way one gateway does. Another gateway or a direct provider SDK names it differently, so the slug belongs in the adapter.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.GatewayModelSlug));

    /// <summary>Model authors whose names are distinctive (see <see cref="GatewayTerms.LabVendors"/>, shared with the code readers).</summary>
    public static readonly IReadOnlyList<string> DefaultLabVendors = GatewayTerms.LabVendors;

    /// <summary>Authors that are also ordinary path segments (see <see cref="GatewayTerms.CompanyVendors"/>).</summary>
    public static readonly IReadOnlyList<string> DefaultCompanyVendors = GatewayTerms.CompanyVendors;

    /// <summary>The slug <paramref name="value"/> is, or null. <c>openrouter/vendor/model</c> (LiteLLM's form) counts.</summary>
    public static string? Match(string value, GatewayVocabulary vocabulary) => GatewaySlug.Match(value, vocabulary.KindLookup);

    /// <summary>
    /// True for <c>"anthropic/"</c> when it starts a slug built at run time (<c>"anthropic/" + model</c>,
    /// <c>$"anthropic/{model}"</c>). Only lab vendors and openrouter: <c>"google/" + x</c> is as often a path.
    /// </summary>
    public static bool IsVendorPrefix(string value, GatewayVocabulary vocabulary) => GatewaySlug.IsVendorPrefix(value, vocabulary.KindLookup);
}
