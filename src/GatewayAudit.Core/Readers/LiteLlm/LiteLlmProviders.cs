using GatewayAudit.Core.Catalog;
using GatewayAudit.Core.Model;

namespace GatewayAudit.Core.Readers.LiteLlm;

/// <summary>How a LiteLLM provider prefix relates to the api_base a deployment may set.</summary>
internal enum EndpointKind
{
    /// <summary>Any server that speaks OpenAI's API: with an api_base, the host decides who runs it.</summary>
    OpenAiCompatible,

    /// <summary>The vendor's own API: api_base is normally its host; another host (Azure, Vertex, a proxy) decides instead.</summary>
    VendorApi,

    /// <summary>api_base names the customer's own resource at the vendor (Azure, Bedrock, Vertex): one from the environment keeps the vendor.</summary>
    TenantEndpoint,

    /// <summary>An inference engine the operator runs: operator-hosted unless its api_base is a public host.</summary>
    SelfHosted,

    /// <summary>Runs inside the proxy process (LiteLLM's auto router, dotprompt files): not a party.</summary>
    InProcess,
}

/// <summary>
/// LiteLLM provider prefixes (the text before the first '/' in litellm_params.model) and who they send prompts to.
/// The prefixes are LiteLLM's <c>LlmProviders</c> enum (<c>litellm/types/utils.py</c>; <c>litellm.provider_list</c> is
/// <c>list(LlmProviders)</c>) and the JSON-configured OpenAI-compatible providers (<c>litellm/llms/openai_like/providers.json</c>),
/// BerriAI/litellm at 001c64f, read 2026-11-30. Vendor ids name files in policies/catalog/; a company the catalog does
/// not list has a null vendor and a name. Hosts are the API hosts LiteLLM's client for the prefix talks to by default
/// (tests check the catalog maps each to the same vendor); they tell an api_base at the vendor's own host from one
/// elsewhere.
/// </summary>
internal static class LiteLlmProviders
{
    internal sealed record ProviderInfo(string? Vendor, string Name, ComponentRole Role, Hosting Hosting, EndpointKind Endpoint, IReadOnlyList<string> Hosts);

    private static readonly (string Prefix, ProviderInfo Info)[] Entries =
    [
        // OpenAI and OpenAI-compatible clients.
        ("openai", Compatible("openai", "OpenAI", "api.openai.com")),
        ("text-completion-openai", Compatible("openai", "OpenAI", "api.openai.com")),
        ("aiohttp_openai", Compatible("openai", "OpenAI", "api.openai.com")),
        ("chatgpt", Api("openai", "OpenAI (ChatGPT subscription)")),
        ("custom_openai", Compatible(null, "OpenAI-compatible endpoint")),
        ("openai_like", Compatible(null, "OpenAI-compatible endpoint")),

        // Hyperscalers: the api_base names the customer's resource.
        ("azure", Tenant("azure-openai", "Azure OpenAI", AzureHosts)),
        ("azure_text", Tenant("azure-openai", "Azure OpenAI", AzureHosts)),
        ("azure_ai", Tenant("azure-openai", "Azure AI Foundry", AzureHosts)),
        ("bedrock", Tenant("aws-bedrock", "Amazon Bedrock", "bedrock-runtime.*.amazonaws.com", "bedrock.*.amazonaws.com")),
        ("bedrock_mantle", Tenant("aws-bedrock", "Amazon Bedrock", ".bedrock-mantle.amazonaws.com")),
        ("sagemaker", Tenant("aws-sagemaker", "Amazon SageMaker", "runtime.sagemaker.*.amazonaws.com")),
        ("sagemaker_chat", Tenant("aws-sagemaker", "Amazon SageMaker", "runtime.sagemaker.*.amazonaws.com")),
        ("sagemaker_nova", Tenant("aws-sagemaker", "Amazon SageMaker", "runtime.sagemaker.*.amazonaws.com")),
        ("vertex_ai", Tenant("google-vertex-ai", "Google Vertex AI", "aiplatform.googleapis.com", "*-aiplatform.googleapis.com")),
        ("vertex_ai_beta", Tenant("google-vertex-ai", "Google Vertex AI", "aiplatform.googleapis.com", "*-aiplatform.googleapis.com")),
        ("databricks", Tenant("databricks", "Databricks", ".cloud.databricks.com", ".azuredatabricks.net", ".gcp.databricks.com")),
        ("watsonx", Tenant("ibm-watsonx", "IBM watsonx", ".ml.cloud.ibm.com")),
        ("watsonx_text", Tenant("ibm-watsonx", "IBM watsonx", ".ml.cloud.ibm.com")),
        ("oci", Tenant(null, "Oracle Cloud Infrastructure Generative AI")),
        ("sap", Tenant(null, "SAP Generative AI Hub")),
        ("snowflake", Tenant(null, "Snowflake Cortex")),
        ("datarobot", Tenant(null, "DataRobot")),
        ("aws_polly", Tenant(null, "Amazon Polly")),
        ("s3_vectors", new("aws-s3", "Amazon S3 Vectors", ComponentRole.Datastore, Hosting.ThirdParty, EndpointKind.TenantEndpoint, [])),

        // Model vendors' own APIs.
        ("anthropic", Api("anthropic", "Anthropic", "api.anthropic.com")),
        ("anthropic_text", Api("anthropic", "Anthropic", "api.anthropic.com")),
        ("gemini", Api("google-gemini-api", "Google Gemini API", "generativelanguage.googleapis.com")),
        ("mistral", Api("mistral", "Mistral AI", "api.mistral.ai")),
        ("codestral", Api("mistral", "Mistral AI", "codestral.mistral.ai", "api.mistral.ai")),
        ("text-completion-codestral", Api("mistral", "Mistral AI", "codestral.mistral.ai", "api.mistral.ai")),
        ("groq", Api("groq", "Groq", "api.groq.com")),
        ("together_ai", Api("together-ai", "Together AI", "api.together.xyz", "api.together.ai")),
        ("fireworks_ai", Api("fireworks-ai", "Fireworks AI", "api.fireworks.ai")),
        ("deepseek", Api("deepseek", "DeepSeek", "api.deepseek.com")),
        ("xai", Api("xai", "xAI", "api.x.ai")),
        ("cohere", Api("cohere", "Cohere", "api.cohere.com", "api.cohere.ai")),
        ("cohere_chat", Api("cohere", "Cohere", "api.cohere.com", "api.cohere.ai")),
        ("perplexity", Api("perplexity", "Perplexity", "api.perplexity.ai")),
        ("deepinfra", Api("deepinfra", "DeepInfra", "api.deepinfra.com")),
        ("cerebras", Api("cerebras", "Cerebras", "api.cerebras.ai")),
        ("nvidia_nim", Api("nvidia-nim", "NVIDIA NIM", "integrate.api.nvidia.com", "ai.api.nvidia.com")),
        ("huggingface", Api("huggingface", "Hugging Face", "router.huggingface.co", "api-inference.huggingface.co", ".endpoints.huggingface.cloud")),
        ("replicate", Api("replicate", "Replicate", "api.replicate.com")),
        ("cloudflare", Api("cloudflare-workers-ai", "Cloudflare Workers AI", "api.cloudflare.com", "gateway.ai.cloudflare.com")),
        ("github", Api("github-models", "GitHub Models", "models.github.ai", "models.inference.ai.azure.com")),
        ("wandb", Api("weights-and-biases", "Weights & Biases Inference")),
        ("langfuse", Api("langfuse", "Langfuse (prompt management)")),
        ("humanloop", Api("humanloop", "Humanloop (prompt management)")),

        // Companies the catalog does not list yet (LiteLLM's enum and providers.json).
        ("jina_ai", Api(null, "Jina AI")),
        ("zai", Api(null, "Z.ai")),
        ("clarifai", Api(null, "Clarifai")),
        ("bytez", Api(null, "Bytez")),
        ("reducto", Api(null, "Reducto")),
        ("runwayml", Api(null, "Runway")),
        ("ai21", Api(null, "AI21 Labs")),
        ("ai21_chat", Api(null, "AI21 Labs")),
        ("baseten", Api(null, "Baseten")),
        ("black_forest_labs", Api(null, "Black Forest Labs")),
        ("nlp_cloud", Api(null, "NLP Cloud")),
        ("gigachat", Api(null, "GigaChat (Sber)")),
        ("nvidia_riva", Api(null, "NVIDIA Riva")),
        ("soniox", Api(null, "Soniox")),
        ("volcengine", Api(null, "Volcengine (ByteDance)")),
        // Hosts as in policies/catalog/alibaba-dashscope.yaml (the vendor's Base URL page).
        ("dashscope", Api("alibaba-dashscope", "Alibaba Cloud Model Studio (DashScope)", ".dashscope.aliyuncs.com", "dashscope-intl.aliyuncs.com", "dashscope-us.aliyuncs.com", ".maas.aliyuncs.com")),
        ("modelscope", Api(null, "ModelScope")),
        ("moonshot", Api(null, "Moonshot AI")),
        ("publicai", Api(null, "PublicAI")),
        ("v0", Api(null, "Vercel v0")),
        ("morph", Api(null, "Morph")),
        ("lambda_ai", Api(null, "Lambda")),
        ("inception", Api(null, "Inception Labs")),
        ("text-completion-inception", Api(null, "Inception Labs")),
        ("sambanova", Api(null, "SambaNova")),
        ("maritalk", Api(null, "Maritaca AI")),
        // Voyage AI's API: https://api.voyageai.com/v1 (the voyageai Python library, pypi.org/project/voyageai; the AI SDK
        // community provider's default prefix, ai-sdk.dev/providers/community-providers/voyage-ai; read 2026-11-30).
        ("voyage", Api(null, "Voyage AI", "api.voyageai.com")),
        ("friendliai", Api(null, "FriendliAI")),
        ("featherless_ai", Api(null, "Featherless AI")),
        ("predibase", Api(null, "Predibase")),
        ("empower", Api(null, "Empower")),
        ("compactifai", Api(null, "CompactifAI (Multiverse Computing)")),
        ("tencent", Api(null, "Tencent Cloud")),
        ("galadriel", Api(null, "Galadriel")),
        ("nebius", Api(null, "Nebius AI Studio")),
        ("deepgram", Api(null, "Deepgram")),
        ("elevenlabs", Api(null, "ElevenLabs")),
        ("novita", Api(null, "Novita AI")),
        ("topaz", Api(null, "Topaz Labs")),
        ("assemblyai", Api(null, "AssemblyAI")),
        ("charity_engine", Api(null, "Charity Engine")),
        ("github_copilot", Api(null, "GitHub Copilot")),
        ("gradient_ai", Api(null, "DigitalOcean Gradient AI")),
        ("meta_llama", Api(null, "Meta Llama API")),
        ("meta", Api(null, "Meta")),
        ("nscale", Api(null, "Nscale")),
        ("hyperbolic", Api(null, "Hyperbolic")),
        ("recraft", Api(null, "Recraft")),
        ("fal_ai", Api(null, "fal.ai")),
        ("stability", Api(null, "Stability AI")),
        ("heroku", Api(null, "Heroku")),
        ("aiml", Api(null, "AI/ML API")),
        ("manus", Api(null, "Manus")),
        ("ovhcloud", Api(null, "OVHcloud AI Endpoints")),
        ("scaleway", Api(null, "Scaleway")),
        ("amazon_nova", Api(null, "Amazon Nova API")),
        ("minimax", Api(null, "MiniMax")),
        ("synthetic", Api(null, "Synthetic")),
        ("neosantara", Api(null, "Neosantara")),
        ("parasail", Api(null, "Parasail")),
        ("xiaomi_mimo", Api(null, "Xiaomi MiMo")),
        ("tensormesh", Api(null, "Tensormesh")),
        ("libertai", Api(null, "LibertAI")),
        ("pinstripes", Api(null, "Pinstripes")),
        ("darkbloom", Api(null, "Darkbloom")),
        ("cursor", Api(null, "Cursor")),
        ("veniceai", Api(null, "Venice.ai")),
        ("abliteration", Api(null, "Abliteration")),
        ("llamagate", Api(null, "LlamaGate")),
        ("gmi", Api(null, "GMI Cloud")),
        ("sarvam", Api(null, "Sarvam AI")),
        ("salad_cloud", Api(null, "SaladCloud")),
        ("crusoe", Api(null, "Crusoe")),

        // Gateways and aggregators: they pass the prompt on to providers of their own choosing.
        ("openrouter", Gateway("openrouter", "OpenRouter", "openrouter.ai", "eu.openrouter.ai")),
        ("vercel_ai_gateway", Gateway("vercel-ai-gateway", "Vercel AI Gateway", "ai-gateway.vercel.sh")),
        ("helicone", Gateway("helicone", "Helicone AI Gateway", "ai-gateway.helicone.ai")),
        ("cometapi", Gateway(null, "CometAPI")),
        ("apertis", Gateway(null, "Apertis")),
        ("nano-gpt", Gateway(null, "NanoGPT")),
        ("poe", Gateway(null, "Poe")),
        ("chutes", Gateway(null, "Chutes")),
        ("aihubmix", Gateway(null, "AiHubMix")),
        ("litellm_proxy", new(null, "Another LiteLLM proxy", ComponentRole.Gateway, Hosting.Unknown, EndpointKind.OpenAiCompatible, [])),

        // Engines and servers the operator runs.
        ("ollama", Engine("Ollama")),
        ("ollama_chat", Engine("Ollama")),
        ("vllm", Engine("vLLM")),
        ("hosted_vllm", Engine("vLLM")),
        ("lm_studio", Engine("LM Studio")),
        ("llamafile", Engine("llamafile")),
        ("xinference", Engine("Xinference")),
        ("triton", Engine("Triton Inference Server")),
        ("oobabooga", Engine("text-generation-webui (oobabooga)")),
        ("docker_model_runner", Engine("Docker Model Runner")),
        ("infinity", Engine("Infinity")),
        ("lemonade", Engine("Lemonade")),

        // Endpoints whose operator the prefix does not tell: the api_base decides, or it stays unknown.
        ("custom", Unknown("Custom provider handler (operator code)")),
        ("petals", Unknown("Petals swarm")),
        ("ragflow", Unknown("RAGFlow server")),
        ("langgraph", Unknown("LangGraph server")),
        ("langflow", Unknown("Langflow server")),
        ("a2a", Unknown("A2A agent endpoint")),
        ("a2a_agent", Unknown("A2A agent endpoint")),
        ("litellm_agent", Unknown("LiteLLM agent endpoint")),
        ("gdc", Unknown("Provider 'gdc'")),
        ("milvus", new(null, "Milvus vector store", ComponentRole.Datastore, Hosting.Unknown, EndpointKind.OpenAiCompatible, [])),
        ("pg_vector", new(null, "pgvector store", ComponentRole.Datastore, Hosting.Unknown, EndpointKind.OpenAiCompatible, [])),

        // Inside the proxy: the auto router picks among the config's own model groups; dotprompt reads local files.
        ("auto_router", new(null, "LiteLLM auto router", ComponentRole.Gateway, Hosting.OperatorHosted, EndpointKind.InProcess, [])),
        ("dotprompt", new(null, "dotprompt files", ComponentRole.Gateway, Hosting.OperatorHosted, EndpointKind.InProcess, [])),
    ];

    public static IReadOnlyDictionary<string, ProviderInfo> ByPrefix { get; } =
        Entries.ToDictionary(e => e.Prefix, e => e.Info, StringComparer.Ordinal);

    private static string[] AzureHosts => [".openai.azure.com", ".services.ai.azure.com", ".cognitiveservices.azure.com", ".models.ai.azure.com"];

    /// <summary>The first prefix (in table order) whose default API hosts include this host, e.g. api.groq.com → groq.</summary>
    public static (string Prefix, ProviderInfo Info)? FindByHost(string host)
    {
        foreach (var entry in Entries)
        {
            if (Owns(entry.Info, host))
            {
                return entry;
            }
        }

        return null;
    }

    /// <summary>True when the host is one of the prefix's own API hosts.</summary>
    public static bool Owns(ProviderInfo info, string host) => info.Hosts.Any(pattern => HostPattern.Matches(pattern, host));

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

    private static ProviderInfo Api(string? vendor, string name, params string[] hosts) =>
        new(vendor, name, ComponentRole.ModelProvider, Hosting.ThirdParty, EndpointKind.VendorApi, hosts);

    private static ProviderInfo Compatible(string? vendor, string name, params string[] hosts) =>
        new(vendor, name, ComponentRole.ModelProvider, vendor is null ? Hosting.Unknown : Hosting.ThirdParty, EndpointKind.OpenAiCompatible, hosts);

    private static ProviderInfo Tenant(string? vendor, string name, params string[] hosts) =>
        new(vendor, name, ComponentRole.ModelProvider, Hosting.ThirdParty, EndpointKind.TenantEndpoint, hosts);

    private static ProviderInfo Gateway(string? vendor, string name, params string[] hosts) =>
        new(vendor, name, ComponentRole.Gateway, Hosting.ThirdParty, EndpointKind.VendorApi, hosts);

    private static ProviderInfo Engine(string name) =>
        new(null, name, ComponentRole.SelfHostedInference, Hosting.OperatorHosted, EndpointKind.SelfHosted, []);

    private static ProviderInfo Unknown(string name) =>
        new(null, name, ComponentRole.ModelProvider, Hosting.Unknown, EndpointKind.OpenAiCompatible, []);
}
