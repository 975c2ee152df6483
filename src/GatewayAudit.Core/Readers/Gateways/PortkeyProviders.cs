using GatewayAudit.Core.Readers.LiteLlm;

namespace GatewayAudit.Core.Readers.Gateways;

/// <summary>
/// Portkey's provider slugs (the <c>provider</c> of a config target; the constants of src/globals.ts in
/// Portkey-AI/gateway, read 2026-11-30) mapped to the LiteLLM provider prefix that names the same API, so both readers
/// share one table of who runs each API (<see cref="LiteLlmProviders"/>: vendor, name, role, hosts). A slug not here
/// is listed by its name with no vendor.
/// </summary>
internal static class PortkeyProviders
{
    private static readonly Dictionary<string, string> ToLiteLlmPrefix = new(StringComparer.OrdinalIgnoreCase)
    {
        ["openai"] = "openai",
        ["anthropic"] = "anthropic",
        ["azure-openai"] = "azure",
        ["azure-ai"] = "azure_ai",
        ["cohere"] = "cohere",
        ["together-ai"] = "together_ai",
        ["google"] = "gemini",
        ["vertex-ai"] = "vertex_ai",
        ["huggingface"] = "huggingface",
        ["perplexity-ai"] = "perplexity",
        ["mistral-ai"] = "mistral",
        ["deepinfra"] = "deepinfra",
        ["ollama"] = "ollama",
        ["triton"] = "triton",
        ["bedrock"] = "bedrock",
        ["sagemaker"] = "sagemaker",
        ["groq"] = "groq",
        ["fireworks-ai"] = "fireworks_ai",
        ["workers-ai"] = "cloudflare",
        ["openrouter"] = "openrouter",
        ["deepseek"] = "deepseek",
        ["github"] = "github",
        ["cerebras"] = "cerebras",
        ["x-ai"] = "xai",
        ["replicate"] = "replicate",
        ["ai21"] = "ai21",
        ["nebius"] = "nebius",
        ["sambanova"] = "sambanova",
        ["moonshot"] = "moonshot",
        ["dashscope"] = "dashscope",
        ["novita-ai"] = "novita",
        ["featherless-ai"] = "featherless_ai",
        ["predibase"] = "predibase",
        ["voyage"] = "voyage",
        ["lambda"] = "lambda_ai",
        ["hyperbolic"] = "hyperbolic",
        ["nscale"] = "nscale",
        ["z-ai"] = "zai",
        ["ovhcloud"] = "ovhcloud",
        ["jina"] = "jina_ai",
        ["bytez"] = "bytez",
        ["cortex"] = "snowflake",
        ["oracle"] = "oci",
        ["recraft-ai"] = "recraft",
        ["stability-ai"] = "stability",
        ["cometapi"] = "cometapi",
    };

    /// <summary>Who runs the API a Portkey provider slug names; null for a slug the table does not know.</summary>
    public static LiteLlmProviders.ProviderInfo? Find(string slug) =>
        ToLiteLlmPrefix.TryGetValue(slug, out var prefix) && LiteLlmProviders.ByPrefix.TryGetValue(prefix, out var info) ? info : null;
}
