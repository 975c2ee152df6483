using System;

namespace GatewayAudit.Vocabulary;

/// <summary>
/// Gateway model slugs (<c>vendor/model</c>, OpenRouter variants such as <c>:free</c>, <c>openrouter/auto</c>, LiteLLM's
/// <c>openrouter/vendor/model</c>): the analyzer's GW002 and the code readers decide with this one function. Shared
/// with the analyzer like <see cref="GatewayTerms"/>; BCL only.
/// </summary>
internal static class GatewaySlug
{
    private static readonly string[] s_fileExtensions =
    [
        ".json", ".yaml", ".yml", ".cs", ".txt", ".md", ".py", ".js", ".ts", ".png", ".jpg", ".svg", ".html", ".xml",
        ".csv", ".proto", ".dll", ".zip", ".gz", ".tar", ".bin", ".onnx", ".gguf", ".safetensors",
    ];

    /// <summary>The slug <paramref name="value"/> is, or null. <c>openrouter/vendor/model</c> (LiteLLM's form) counts.</summary>
    public static string? Match(string value, Func<string, VendorKind> kindOf)
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

        var kind = kindOf(vendor);
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
        return distinctive || GatewayTerms.IsPlainNameSlug(vendor, model) ? value : null;
    }

    /// <summary>
    /// True for <c>"anthropic/"</c> when it starts a slug built at run time (<c>"anthropic/" + model</c>,
    /// <c>$"anthropic/{model}"</c>). Only lab vendors and openrouter: <c>"google/" + x</c> is as often a path.
    /// </summary>
    public static bool IsVendorPrefix(string value, Func<string, VendorKind> kindOf)
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

        return body.IndexOf('/') < 0 && kindOf(body) == VendorKind.Lab;
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
