namespace GatewayAudit.Core.Tests.Readers;

/// <summary>Model lists as real gateways write them (homelab, company, OpenRouter), with the lines tests point at.</summary>
internal static class ModelRoutingFixtures
{
    /// <summary>A homelab proxy: OpenAI-compatible prefixes pointed at a vLLM box on the LAN and an Ollama container.</summary>
    public const string Homelab = """
        model_list:
          - model_name: qwen2.5-32b
            litellm_params:
              model: openai/Qwen/Qwen2.5-32B-Instruct-AWQ
              api_base: http://10.0.3.7:8000/v1
              api_key: not-needed
          - model_name: llama3.1
            litellm_params:
              model: ollama_chat/llama3.1:8b
              api_base: http://ollama:11434
          - model_name: coder
            litellm_params:
              model: openai/qwen2.5-coder
              api_base: os.environ/LOCAL_LLM_URL
          - model_name: fast
            litellm_params:
              model: openai/llama-3.3-70b-versatile
              api_base: https://api.groq.com/openai/v1
              api_key: os.environ/GROQ_API_KEY
        litellm_settings:
          drop_params: true
        """;

    /// <summary>A company gateway: Gemini through Vertex AI (gemini/ prefix with an aiplatform base), Claude through Azure and Bedrock EU.</summary>
    public const string Company = """
        model_list:
          - model_name: gemini-pro
            litellm_params:
              model: gemini/gemini-2.5-pro
              api_base: https://europe-west4-aiplatform.googleapis.com/v1/projects/acme-ml/locations/europe-west4/publishers/google
              api_key: os.environ/GOOGLE_API_KEY
          - model_name: claude
            litellm_params:
              model: anthropic/claude-sonnet-4-5
              api_base: https://acme-foundry.services.ai.azure.com/anthropic
              api_key: os.environ/AZURE_AI_API_KEY
          - model_name: claude-eu
            litellm_params:
              model: bedrock/eu.anthropic.claude-sonnet-4-5-20250929-v1:0
              aws_region_name: eu-central-1
        general_settings:
          master_key: os.environ/LITELLM_MASTER_KEY
        """;
}
