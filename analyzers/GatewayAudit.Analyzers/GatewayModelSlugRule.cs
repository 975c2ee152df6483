using System;
using System.Collections.Generic;
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

    /// <summary>
    /// Model authors as OpenRouter writes them, whose model names are distinctive enough that <c>author/name-with-dash</c>
    /// is a slug. Source: openrouter.ai/models author slugs (../shared/knowledge/gateways.md).
    /// </summary>
    public static readonly IReadOnlyList<string> DefaultLabVendors =
    [
        "anthropic", "mistralai", "deepseek", "x-ai", "qwen", "cohere", "perplexity", "nousresearch", "moonshotai",
        "z-ai", "minimax", "ai21", "meta-llama", "01-ai", "thudm", "arcee-ai", "openrouter", "gryphe", "sao10k",
        "cognitivecomputations", "eleutherai", "allenai", "inflection", "neversleep", "undi95", "thedrummer",
    ];

    /// <summary>
    /// Authors whose names are also ordinary GitHub owners or path segments (google/go-github, microsoft/vs-code):
    /// for these a slug needs a digit in the model name (google/gemini-2.5-pro, openai/gpt-4o) or a variant suffix.
    /// </summary>
    public static readonly IReadOnlyList<string> DefaultCompanyVendors =
    [
        "openai", "google", "microsoft", "amazon", "nvidia", "baidu", "tencent", "bytedance", "alibaba", "liquid",
        "inception", "ibm-granite", "meta",
    ];

    private static readonly string[] s_fileExtensions =
    [
        ".json", ".yaml", ".yml", ".cs", ".txt", ".md", ".py", ".js", ".ts", ".png", ".jpg", ".svg", ".html", ".xml",
        ".csv", ".proto", ".dll", ".zip", ".gz", ".tar", ".bin", ".onnx", ".gguf", ".safetensors",
    ];

    /// <summary>The slug <paramref name="value"/> is, or null. <c>openrouter/vendor/model</c> (LiteLLM's form) counts.</summary>
    public static string? Match(string value, GatewayVocabulary vocabulary)
    {
        if (value.Length < 6 || value.Length > 120)
        {
            return null;
        }

        var first = value.IndexOf('/');
        if (first <= 0 || first == value.Length - 1)
        {
            return null;
        }

        var vendorStart = 0;
        var second = value.IndexOf('/', first + 1);
        if (second >= 0)
        {
            // Only LiteLLM's openrouter/<vendor>/<model> has two slashes.
            if (!value.StartsWith("openrouter/", StringComparison.Ordinal) || value.IndexOf('/', second + 1) >= 0)
            {
                return null;
            }

            vendorStart = first + 1;
            first = second;
        }

        var vendor = value.Substring(vendorStart, first - vendorStart);
        var model = value.Substring(first + 1);
        if (vendor == "openrouter" && (model == "auto" || model.StartsWith("auto:", StringComparison.Ordinal)))
        {
            return value;
        }

        var kind = vocabulary.KindOf(vendor);
        if (kind == VendorKind.None)
        {
            return null;
        }

        var hasVariant = false;
        var colon = model.IndexOf(':');
        if (colon >= 0)
        {
            if (!IsVariant(model.Substring(colon + 1)))
            {
                return null;
            }

            hasVariant = true;
            model = model.Substring(0, colon);
        }

        if (!IsModelName(model))
        {
            return null;
        }

        var hasDigit = false;
        var hasDash = false;
        foreach (var c in model)
        {
            if (c >= 'A' && c <= 'Z')
            {
                // Gateway slugs are lower case (meta-llama/llama-3.1-70b-instruct); the same author with capitals
                // (meta-llama/Llama-2-7b-hf) is a Hugging Face model id, used with that hub or a provider directly.
                return null;
            }

            hasDigit |= c >= '0' && c <= '9';
            hasDash |= c == '-';
        }

        var distinctive = kind == VendorKind.Company ? hasDigit || hasVariant : hasDigit || hasDash || hasVariant;
        return distinctive ? value : null;
    }

    /// <summary>
    /// True for <c>"anthropic/"</c> when it starts a slug built at run time (<c>"anthropic/" + model</c>,
    /// <c>$"anthropic/{model}"</c>). Only lab vendors and openrouter: <c>"google/" + x</c> is as often a path.
    /// </summary>
    public static bool IsVendorPrefix(string value, GatewayVocabulary vocabulary)
    {
        if (value.Length < 3 || value[value.Length - 1] != '/')
        {
            return false;
        }

        var body = value.Substring(0, value.Length - 1);
        if (body.StartsWith("openrouter/", StringComparison.Ordinal))
        {
            body = body.Substring("openrouter/".Length);
        }

        return body.IndexOf('/') < 0 && vocabulary.KindOf(body) == VendorKind.Lab;
    }

    private static bool IsVariant(string variant)
    {
        if (variant.Length == 0 || variant.Length > 20)
        {
            return false;
        }

        foreach (var c in variant)
        {
            if (!(c >= 'a' && c <= 'z') && c != '-')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsModelName(string model)
    {
        if (model.Length == 0 || !char.IsLetterOrDigit(model[0]) || model[0] > 127)
        {
            return false;
        }

        foreach (var c in model)
        {
            var ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_';
            if (!ok)
            {
                return false;
            }
        }

        // API versions (openai/v1) and file names (openai/models.json) are paths, not models.
        if (model.Length >= 2 && (model[0] == 'v' || model[0] == 'V') && IsAllDigits(model.Substring(1)))
        {
            return false;
        }

        foreach (var extension in s_fileExtensions)
        {
            if (model.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAllDigits(string text)
    {
        foreach (var c in text)
        {
            if (c < '0' || c > '9')
            {
                return false;
            }
        }

        return text.Length > 0;
    }
}

/// <summary>How distinctive a model author's name is (see <see cref="GatewayModelSlugRule"/>).</summary>
public enum VendorKind
{
    None,
    Lab,
    Company,
}
