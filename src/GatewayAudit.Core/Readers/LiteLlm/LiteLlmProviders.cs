using GatewayAudit.Core.Model;

namespace GatewayAudit.Core.Readers.LiteLlm;

/// <summary>
/// LiteLLM provider prefixes (the text before the first '/' in litellm_params.model) and who they send prompts to.
/// Vendor ids name files in policies/catalog/. Source: LiteLLM provider docs, as summarised in
/// shared/knowledge/gateways.md (checked 2026-11-25).
/// </summary>
internal static class LiteLlmProviders
{
    internal sealed record ProviderInfo(string? Vendor, string Name, ComponentRole Role, Hosting Hosting);

    private static readonly ProviderInfo SelfHosted = new(null, "Self-hosted inference", ComponentRole.SelfHostedInference, Hosting.OperatorHosted);

    public static IReadOnlyDictionary<string, ProviderInfo> ByPrefix { get; } = new Dictionary<string, ProviderInfo>(StringComparer.Ordinal)
    {
        ["openai"] = Provider("openai", "OpenAI"),
        ["text-completion-openai"] = Provider("openai", "OpenAI"),
        ["azure"] = Provider("azure-openai", "Azure OpenAI"),
        ["azure_text"] = Provider("azure-openai", "Azure OpenAI"),
        ["azure_ai"] = Provider("azure-openai", "Azure AI Foundry"),
        ["anthropic"] = Provider("anthropic", "Anthropic"),
        ["bedrock"] = Provider("aws-bedrock", "Amazon Bedrock"),
        ["sagemaker"] = Provider("aws-sagemaker", "Amazon SageMaker"),
        ["sagemaker_chat"] = Provider("aws-sagemaker", "Amazon SageMaker"),
        ["vertex_ai"] = Provider("google-vertex-ai", "Google Vertex AI"),
        ["vertex_ai_beta"] = Provider("google-vertex-ai", "Google Vertex AI"),
        ["gemini"] = Provider("google-gemini-api", "Google Gemini API"),
        ["mistral"] = Provider("mistral", "Mistral AI"),
        ["codestral"] = Provider("mistral", "Mistral AI"),
        ["text-completion-codestral"] = Provider("mistral", "Mistral AI"),
        ["groq"] = Provider("groq", "Groq"),
        ["together_ai"] = Provider("together-ai", "Together AI"),
        ["fireworks_ai"] = Provider("fireworks-ai", "Fireworks AI"),
        ["deepseek"] = Provider("deepseek", "DeepSeek"),
        ["xai"] = Provider("xai", "xAI"),
        ["cohere"] = Provider("cohere", "Cohere"),
        ["cohere_chat"] = Provider("cohere", "Cohere"),
        ["perplexity"] = Provider("perplexity", "Perplexity"),
        ["deepinfra"] = Provider("deepinfra", "DeepInfra"),
        ["cerebras"] = Provider("cerebras", "Cerebras"),
        ["nvidia_nim"] = Provider("nvidia-nim", "NVIDIA NIM"),
        ["databricks"] = Provider("databricks", "Databricks"),
        ["watsonx"] = Provider("ibm-watsonx", "IBM watsonx"),
        ["huggingface"] = Provider("huggingface", "Hugging Face"),
        ["replicate"] = Provider("replicate", "Replicate"),
        ["cloudflare"] = Provider("cloudflare-workers-ai", "Cloudflare Workers AI"),
        ["github"] = Provider("github-models", "GitHub Models"),
        ["openrouter"] = new("openrouter", "OpenRouter", ComponentRole.Gateway, Hosting.ThirdParty),
        ["vercel_ai_gateway"] = new("vercel-ai-gateway", "Vercel AI Gateway", ComponentRole.Gateway, Hosting.ThirdParty),
        ["litellm_proxy"] = new(null, "Another LiteLLM proxy", ComponentRole.Gateway, Hosting.Unknown),
        ["ollama"] = SelfHosted,
        ["ollama_chat"] = SelfHosted,
        ["vllm"] = SelfHosted,
        ["hosted_vllm"] = SelfHosted,
        ["lm_studio"] = SelfHosted,
        ["llamafile"] = SelfHosted,
    };

    /// <summary>
    /// OpenRouter slug authors whose models only their own company serves through OpenRouter as far as we map them.
    /// Other authors (open-weight models such as meta-llama, qwen) are served by whichever host OpenRouter picks,
    /// so no vendor is named for them and the report asks instead.
    /// </summary>
    public static IReadOnlyDictionary<string, (string Vendor, string Name)> OpenRouterAuthors { get; } =
        new Dictionary<string, (string, string)>(StringComparer.Ordinal)
        {
            ["anthropic"] = ("anthropic", "Anthropic"),
            ["openai"] = ("openai", "OpenAI"),
            ["mistralai"] = ("mistral", "Mistral AI"),
            ["deepseek"] = ("deepseek", "DeepSeek"),
            ["x-ai"] = ("xai", "xAI"),
            ["cohere"] = ("cohere", "Cohere"),
            ["perplexity"] = ("perplexity", "Perplexity"),
        };

    /// <summary>Provider LiteLLM uses for a bare model name. Only the unambiguous families are mapped.</summary>
    public static string? PrefixForBareModel(string model)
    {
        if (model.StartsWith("gpt-", StringComparison.Ordinal) || model.StartsWith("o1", StringComparison.Ordinal)
            || model.StartsWith("o3", StringComparison.Ordinal) || model.StartsWith("o4", StringComparison.Ordinal)
            || model.StartsWith("text-embedding-", StringComparison.Ordinal) || model.StartsWith("dall-e", StringComparison.Ordinal)
            || model.StartsWith("whisper", StringComparison.Ordinal) || model.StartsWith("tts-", StringComparison.Ordinal))
        {
            return "openai";
        }

        return model.StartsWith("claude-", StringComparison.Ordinal) ? "anthropic" : null;
    }

    private static ProviderInfo Provider(string vendor, string name) => new(vendor, name, ComponentRole.ModelProvider, Hosting.ThirdParty);
}
