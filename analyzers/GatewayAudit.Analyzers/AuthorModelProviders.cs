using System;
using System.Collections.Generic;
using System.Threading;
using GatewayAudit.Vocabulary;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GatewayAudit.Analyzers;

/// <summary>
/// Providers whose own APIs name models <c>author/model</c>, as OpenRouter does: NVIDIA NIM
/// (<c>meta/llama-3.3-70b-instruct</c> on integrate.api.nvidia.com), Groq (<c>openai/gpt-oss-120b</c>,
/// <c>meta-llama/llama-4-scout-17b-16e-instruct</c>), Together AI, DeepInfra, Hugging Face's router and GitHub
/// Models (<c>openai/gpt-4.1</c> on models.github.ai). Code that clearly targets one of them (its type is named
/// after it, or the type holds that provider's API URL and no gateway URL) uses that provider's ids, not gateway
/// slugs, so GW002 stays quiet there. OpenRouter-only forms (<c>openrouter/...</c>, a <c>:variant</c>) are still
/// reported.
/// </summary>
internal static class AuthorModelProviders
{
    /// <summary>Catalog vendor ids of the rows of <see cref="GatewayTerms.Hosts"/> whose APIs take <c>author/model</c> ids.</summary>
    public static readonly IReadOnlyList<string> Vendors = ["nvidia-nim", "groq", "together-ai", "deepinfra", "huggingface", "github-models"];

    /// <summary>Words in a type name that say which of those providers the type talks to (compared case-insensitively).</summary>
    public static readonly IReadOnlyList<string> NameWords = ["Nim", "Nvidia", "Groq", "TogetherAi", "DeepInfra", "HuggingFace", "GitHubModels"];

    /// <summary>Words in a type name that say it talks to a gateway: then the ids are gateway slugs after all.</summary>
    private static readonly IReadOnlyList<string> GatewayNameWords = ["OpenRouter", "Portkey", "Helicone", "LiteLlm", "Gateway"];

    /// <summary>True when a slug found in code is exempt because of where it is: only for plain <c>author/model</c> ids.</summary>
    public static bool MayBeProviderId(string slug) => slug.IndexOf(':') < 0 && !slug.StartsWith("openrouter/", StringComparison.Ordinal);

    /// <summary>Decides for one top-level type (all its parts); called once per type that has a GW002 finding.</summary>
    public static bool Targets(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        for (var named = type; named is not null; named = named.ContainingType)
        {
            if (HasWord(named.Name, GatewayNameWords))
            {
                return false;
            }
        }

        var byName = HasWord(type.Name, NameWords);
        var byUrl = false;
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            foreach (var token in reference.GetSyntax(cancellationToken).DescendantTokens())
            {
                if (!IsStringToken(token))
                {
                    continue;
                }

                switch (HostKindOf(token.ValueText))
                {
                    case HostKind.Gateway:
                        return false;
                    case HostKind.AuthorModelProvider:
                        byUrl = true;
                        break;
                }
            }
        }

        return byName || byUrl;
    }

    private static bool IsStringToken(SyntaxToken token) =>
        token.IsKind(SyntaxKind.StringLiteralToken) || token.IsKind(SyntaxKind.InterpolatedStringTextToken)
        || token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken) || token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken);

    private enum HostKind
    {
        None,
        Gateway,
        AuthorModelProvider,
    }

    private static HostKind HostKindOf(string text)
    {
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0 || text.Length > 2048)
        {
            return HostKind.None;
        }

        var start = scheme + 3;
        var end = start;
        while (end < text.Length && text[end] != '/' && text[end] != ':' && text[end] != '?' && text[end] != '#' && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }

        var host = text.Substring(start, end - start).ToLowerInvariant();
        if (GatewayTerms.FindHost(host) is not { } term)
        {
            return HostKind.None;
        }

        if (term.Kind == PartyKind.Gateway)
        {
            return HostKind.Gateway;
        }

        foreach (var vendor in Vendors)
        {
            if (term.Vendor == vendor)
            {
                return HostKind.AuthorModelProvider;
            }
        }

        return HostKind.None;
    }

    /// <summary>True when one of <paramref name="words"/> is a whole PascalCase word run of <paramref name="name"/> (NvidiaNimClient has Nim).</summary>
    private static bool HasWord(string name, IReadOnlyList<string> words)
    {
        foreach (var word in words)
        {
            var at = 0;
            while ((at = name.IndexOf(word, at, StringComparison.OrdinalIgnoreCase)) >= 0)
            {
                var end = at + word.Length;
                var startsWord = at == 0 || char.IsUpper(name[at]) || name[at - 1] == '_';
                var endsWord = end == name.Length || char.IsUpper(name[end]) || name[end] == '_' || char.IsDigit(name[end]);
                if (startsWord && endsWord)
                {
                    return true;
                }

                at = end;
            }
        }

        return false;
    }
}
