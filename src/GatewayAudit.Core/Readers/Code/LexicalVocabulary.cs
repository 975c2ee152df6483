using System.Buffers;
using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers.LiteLlm;
using GatewayAudit.Vocabulary;

namespace GatewayAudit.Core.Readers.Code;

/// <summary>What a call site does with the prompt: a chat or completion call sends it, a listing sends none.</summary>
internal enum LexicalCallKind
{
    Chat,
    Embedding,
    Listing,
}

/// <summary>
/// The names the source readers recognise, as data in one place: SDK entry points and the party each reaches by
/// default, modules, call shapes, setting names, host names of observability backends and gateways that LiteLLM's
/// provider table (<see cref="LiteLlmProviders"/>, which gives every model provider's host) does not hold, and the
/// words of the cheap pre-filter. A party key is a LiteLLM provider prefix ("openai", "anthropic", "ollama") or a key of
/// <see cref="Services"/>. Hosts, gateway headers and OpenRouter fields are not here: they are the shared vocabulary
/// (src/Shared/GatewayTerms.cs) that the C# reader, the gateway file readers and the analyzer read too; this class holds
/// only the shapes of the Python, JavaScript/TypeScript, Go and Java/Kotlin SDKs.
/// </summary>
internal static class LexicalVocabulary
{
    /// <summary>A party that is not a LiteLLM provider prefix: observability backends and gateways, with the hosts that name them.</summary>
    /// <summary>The service's hosts are the rows of the shared host table (<see cref="GatewayTerms.Hosts"/>) with its vendor.</summary>
    internal sealed record Service(string Key, string Id, string Name, ComponentRole Role, string Vendor, DataCategory[] Sends, string? SendsNote = null)
    {
        /// <summary>What the service does with what it receives, in the annex's words, where its role's general wording would mislead.</summary>
        public string? Purpose { get; init; }

        /// <summary>Who runs it when the code names no address: the vendor, unless the product also runs on the operator's own servers by default.</summary>
        public Hosting Hosting { get; init; } = Hosting.ThirdParty;
    }

    private static readonly DataCategory[] Traces = [DataCategory.Prompt, DataCategory.Completion, DataCategory.Metadata, DataCategory.Usage];
    private static readonly DataCategory[] Telemetry = [DataCategory.Metadata];
    private static readonly DataCategory[] Requests = [DataCategory.Prompt, DataCategory.Completion, DataCategory.Metadata];

    // Hosts come from the shared table (src/Shared/GatewayTerms.cs): Langfuse Cloud regions are subdomains of
    // cloud.langfuse.com, LangSmith's EU host of api.smith.langchain.com, Datadog sites of datadoghq.com / .eu, Sentry's
    // ingest hosts of sentry.io, Helicone's of helicone.ai.
    public static IReadOnlyList<Service> Services { get; } =
    [
        new("langfuse", "exporter:langfuse", "Langfuse", ComponentRole.Exporter, "langfuse", Traces,
            "Langfuse traces keep each call's input and output unless masked in the SDK."),
        new("langsmith", "exporter:langsmith", "LangSmith", ComponentRole.Exporter, "langsmith", Traces,
            "LangSmith traces keep each run's inputs and outputs unless hidden (LANGSMITH_HIDE_INPUTS / _OUTPUTS)."),
        // ddtrace alone sends APM telemetry; LLM Observability (LLMObs.enable, DD_LLMOBS_ENABLED) records prompts and completions.
        new("datadog", "exporter:datadog", "Datadog", ComponentRole.Exporter, "datadog", Telemetry),
        // Sentry's AI integrations record prompts and responses only with send_default_pii / sendDefaultPii on
        // (docs.sentry.io/platforms/python/integrations/openai/, read 2026-11-30).
        new("sentry", "exporter:sentry", "Sentry", ComponentRole.Exporter, "sentry", Telemetry),
        // Pydantic Logfire: logfire.configure() sends spans and logs; an LLM instrumentation (logfire.instrument_openai and
        // the like) records each conversation (logfire.pydantic.dev/docs/integrations/openai, read 2026-11-30); found
        // missing in the public-code corpus run (bench/CODE-CORPUS.md).
        new("logfire", "exporter:logfire", "Pydantic Logfire", ComponentRole.Exporter, "logfire", Telemetry,
            "Logfire keeps each LLM call's messages when an LLM instrumentation (logfire.instrument_openai, _anthropic, _pydantic_ai ...) is on."),
        // Azure Monitor's OpenTelemetry distro (azure-monitor-opentelemetry configure_azure_monitor(), @azure/monitor-opentelemetry
        // useAzureMonitor()) sends traces, logs and metrics to the Application Insights resource its connection string names.
        new("azure-monitor", "exporter:azure-monitor", "Azure Monitor (Application Insights)", ComponentRole.Exporter, "azure-monitor", Telemetry),
        new("helicone", "provider:helicone", "Helicone", ComponentRole.Gateway, "helicone", Requests,
            "Helicone is an observability gateway: it keeps request logs (a retention surface); Helicone-Omit-Request / -Response stop storage, not sending."),
        new("portkey", "provider:portkey", "Portkey", ComponentRole.Gateway, "portkey", Requests),
        // Rollbar is an error tracker, modelled as Sentry is: what it receives is what the code reports (errors, their
        // context), metadata unless shown otherwise (pyrollbar rollbar.init(access_token, environment); rollbar.js
        // new Rollbar({ accessToken }); docs.rollbar.com, read 2026-11-30).
        new("rollbar", "exporter:rollbar", "Rollbar", ComponentRole.Exporter, "rollbar", Telemetry),
        // Inngest (durable workflows) is judged as a backend that keeps what it receives: it stores each run's triggering
        // event, every step's result and, for step.ai.wrap / step.ai.infer, the AI call's input and output as run history
        // ("AI Traces - ... model input and output"; built-in traces keep "Event data"; inngest.com/docs/platform/monitor/traces,
        // read 2026-11-30). Not a model provider (it runs no model) and not a tool API (it keeps, it does not answer).
        new("inngest", "exporter:inngest", "Inngest", ComponentRole.Exporter, "inngest", Telemetry,
            "Inngest keeps each run's event payload and every step's result as run history; what they hold is what the code puts in them.")
        {
            Purpose = "durable workflow runs: keeps event payloads, step results and AI step inputs and outputs as run history",
        },
        // Arize Phoenix: phoenix.otel's register() (arize-phoenix-otel) and @arizeai/phoenix-otel's register() set up OpenTelemetry
        // tracing whose OpenInference instrumentors (auto_instrument=True) record each LLM call's input and output; with no
        // endpoint they send to a Phoenix server on localhost:6006, PHOENIX_COLLECTOR_ENDPOINT names another (self-hosted, or
        // Arize's Phoenix Cloud, whose API key is PHOENIX_API_KEY). Arize-ai/phoenix docs/tracing/how-to-tracing/setup-tracing/
        // setup-using-phoenix-otel.md and js/packages/phoenix-otel README, read 2026-12-01; missed in the fifth held-out code
        // run (bench/CODE-CORPUS.md, class A3). Who runs the server is not in the code, so hosting stays unknown.
        new("phoenix", "exporter:arize-phoenix", "Arize Phoenix", ComponentRole.Exporter, "arize", Traces,
            "Phoenix keeps each traced LLM call's input and output; it runs on the operator's own server (the library's default is localhost:6006) or as Arize's Phoenix Cloud, as PHOENIX_COLLECTOR_ENDPOINT says where the code runs.")
        {
            Hosting = Hosting.Unknown,
        },
        .. ToolApis.All.Select(t => new Service(t.Vendor, ToolApis.Id(t.Vendor), t.Name, ComponentRole.ToolApi, t.Vendor, ToolApis.Categories, t.Sends) { Purpose = t.Purpose }),
    ];

    public static IReadOnlyDictionary<string, Service> ServiceByKey { get; } = Services.ToDictionary(s => s.Key, StringComparer.Ordinal);

    /// <summary>
    /// Constructors and factories of SDK clients, by name (a Go or module-qualified name as "pkg.Name"), and the party
    /// key each reaches when no base URL says otherwise. The OpenAI SDKs read OPENAI_BASE_URL when no base URL is given
    /// (openai-python README), so the default is the vendor, noted as such.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Clients { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // OpenAI SDKs (Python, TypeScript, Java, Go: openai-go and sashabaranov/go-openai), LangChain, LlamaIndex, langchain4j.
        ["OpenAI"] = "openai", ["AsyncOpenAI"] = "openai", ["OpenAIOkHttpClient"] = "openai", ["OpenAIOkHttpClientAsync"] = "openai",
        ["openai.NewClient"] = "openai", ["openai.NewClientWithConfig"] = "openai", ["openai.DefaultConfig"] = "openai",
        ["ChatOpenAI"] = "openai", ["OpenAIEmbeddings"] = "openai", ["OpenAiChatModel"] = "openai", ["OpenAiStreamingChatModel"] = "openai",
        ["OpenAiEmbeddingModel"] = "openai", ["createOpenAI"] = "openai",
        ["OpenAILike"] = "openai_like", ["createOpenAICompatible"] = "openai_like",
        ["AzureOpenAI"] = "azure", ["AsyncAzureOpenAI"] = "azure", ["AzureChatOpenAI"] = "azure", ["AzureOpenAIEmbeddings"] = "azure",
        ["openai.DefaultAzureConfig"] = "azure", ["createAzure"] = "azure",

        // Anthropic SDKs and their cloud variants.
        ["Anthropic"] = "anthropic", ["AsyncAnthropic"] = "anthropic", ["AnthropicOkHttpClient"] = "anthropic", ["anthropic.NewClient"] = "anthropic",
        ["ChatAnthropic"] = "anthropic", ["AnthropicChatModel"] = "anthropic", ["createAnthropic"] = "anthropic",
        ["AnthropicBedrock"] = "bedrock", ["AsyncAnthropicBedrock"] = "bedrock", ["AnthropicVertex"] = "vertex_ai", ["AsyncAnthropicVertex"] = "vertex_ai",

        // Other providers' SDKs and LangChain / LlamaIndex / Vercel AI SDK provider classes.
        ["Mistral"] = "mistral", ["MistralClient"] = "mistral", ["MistralAI"] = "mistral", ["ChatMistralAI"] = "mistral", ["MistralAiChatModel"] = "mistral", ["createMistral"] = "mistral",
        ["Groq"] = "groq", ["AsyncGroq"] = "groq", ["ChatGroq"] = "groq", ["createGroq"] = "groq",
        ["cohere.Client"] = "cohere", ["cohere.ClientV2"] = "cohere", ["CohereClient"] = "cohere", ["ChatCohere"] = "cohere", ["createCohere"] = "cohere",
        ["genai.Client"] = "gemini", ["GoogleGenerativeAI"] = "gemini", ["GoogleGenAI"] = "gemini", ["ChatGoogleGenerativeAI"] = "gemini", ["Gemini"] = "gemini", ["createGoogleGenerativeAI"] = "gemini",
        ["ChatVertexAI"] = "vertex_ai", ["createVertex"] = "vertex_ai",
        ["ChatBedrock"] = "bedrock", ["ChatBedrockConverse"] = "bedrock", ["createAmazonBedrock"] = "bedrock",
        ["Together"] = "together_ai", ["ChatTogether"] = "together_ai", ["createTogetherAI"] = "together_ai",
        ["ChatFireworks"] = "fireworks_ai", ["createFireworks"] = "fireworks_ai", ["ChatDeepSeek"] = "deepseek", ["createDeepSeek"] = "deepseek",
        ["ChatXAI"] = "xai", ["createXai"] = "xai", ["ChatPerplexity"] = "perplexity", ["createPerplexity"] = "perplexity",
        ["OpenRouter"] = "openrouter", ["ChatOpenRouter"] = "openrouter", ["createOpenRouter"] = "openrouter",
        ["Ollama"] = "ollama", ["ChatOllama"] = "ollama", ["OllamaLLM"] = "ollama", ["OllamaEmbeddings"] = "ollama", ["OllamaChatModel"] = "ollama",
        ["ollama.Client"] = "ollama", ["ollama.AsyncClient"] = "ollama", ["createOllama"] = "ollama",
        ["Portkey"] = "portkey", ["AsyncPortkey"] = "portkey",
        // Voyage AI's embeddings: its own library (voyageai.Client, voyageai.AsyncClient) and the AI SDK community provider's
        // createVoyage (third held-out code run, bench/CODE-CORPUS.md class 3). LangChain's and LlamaIndex's class names
        // (VoyageAIEmbeddings, VoyageEmbedding) are not here: applications name their own wrappers so (FinAdvisor's
        // VoyageEmbeddings); those packages' imports still count as import-only through Modules.
        ["voyageai.Client"] = "voyage", ["voyageai.AsyncClient"] = "voyage", ["createVoyage"] = "voyage",
        // cohesion-org/deepseek-go (import deepseek "github.com/cohesion-org/deepseek-go"; deepseek.NewClient(key) reaches
        // DeepSeek; a second argument is the base URL of another OpenAI-compatible provider: the library's README and its
        // examples/00_external_providers, read 2026-12-01). Missed in the eighth held-out code run (class B).
        ["deepseek.NewClient"] = "deepseek",
        // Replicate's Python client: the module-level replicate.run("owner/model", input={...}) / async_run / stream and
        // replicate.Client(api_token=...) (replicate/replicate-python README, read 2026-12-01); the model named is served by
        // Replicate, whoever trained it. Missed in the sixth held-out code run (bench/CODE-CORPUS.md class A2).
        ["replicate.run"] = "replicate", ["replicate.async_run"] = "replicate", ["replicate.stream"] = "replicate", ["replicate.Client"] = "replicate",

        // Observability SDKs.
        ["Langfuse"] = "langfuse", ["LangfuseClient"] = "langfuse", ["sentry_sdk.init"] = "sentry", ["Sentry.init"] = "sentry", ["sentry.Init"] = "sentry",
        ["LLMObs.enable"] = "datadog", ["logfire.instrument_openai"] = "logfire", ["logfire.instrument_anthropic"] = "logfire",
        ["logfire.instrument_pydantic_ai"] = "logfire", ["logfire.instrument_litellm"] = "logfire",
        ["configure_azure_monitor"] = "azure-monitor", ["useAzureMonitor"] = "azure-monitor",
        ["rollbar.init"] = "rollbar", ["Rollbar"] = "rollbar", ["Inngest"] = "inngest", ["inngestgo.NewClient"] = "inngest",

        // Tool APIs (ToolApis). Tavily: tavily-python TavilyClient / AsyncTavilyClient (github.com/tavily-ai/tavily-python
        // README), @tavily/core's tavily({ apiKey }) (docs.tavily.com/sdk/javascript/get-started; an imported factory,
        // see LexicalCallSites.ClientKey), LangChain's TavilySearch (langchain_tavily, @langchain/tavily) and
        // TavilySearchResults / TavilySearchAPIWrapper (langchain_community), agno's TavilyTools. DeepL: deepl-python
        // deepl.Translator / deepl.DeepLClient (developers.deepl.com "your first API request"), deepl-node
        // new deepl.Translator(authKey) / new deepl.DeepLClient(authKey). Google Cloud Vision: ImageAnnotatorClient
        // (google-cloud-vision Python vision.ImageAnnotatorClient(), Node new ImageAnnotatorClient() from
        // @google-cloud/vision, Java ImageAnnotatorClient.create(), Go vision.NewImageAnnotatorClient). Grounding with
        // Bing: azure-ai-agents / azure-ai-projects BingGroundingTool(connection_id=...), @azure/ai-agents
        // ToolUtility.createBingGroundingTool(...) (Azure SDK samples sample_agents_bing_grounding, read 2026-11-30).
        ["TavilyClient"] = "tavily", ["AsyncTavilyClient"] = "tavily", ["TavilySearch"] = "tavily", ["TavilySearchResults"] = "tavily",
        ["TavilySearchAPIWrapper"] = "tavily", ["TavilyTools"] = "tavily",
        ["deepl.Translator"] = "deepl", ["deepl.DeepLClient"] = "deepl",
        ["ImageAnnotatorClient"] = "google-cloud-vision", ["ImageAnnotatorAsyncClient"] = "google-cloud-vision", ["vision.NewImageAnnotatorClient"] = "google-cloud-vision",
        ["BingGroundingTool"] = "bing-grounding", ["BingGroundingAgentTool"] = "bing-grounding", ["ToolUtility.createBingGroundingTool"] = "bing-grounding",
        // ElevenLabs: elevenlabs-python ElevenLabs / AsyncElevenLabs (from elevenlabs.client), elevenlabs-js ElevenLabsClient,
        // agno's ElevenLabsTools (agno.tools.eleven_labs). DuckDuckGo: agno's DuckDuckGoTools (agno.tools.duckduckgo),
        // LangChain's DuckDuckGoSearchRun / DuckDuckGoSearchResults / DuckDuckGoSearchAPIWrapper (langchain_community).
        // The renamed ddgs package's DDGS is a metasearch over several engines, so it names no single party and is not here.
        ["ElevenLabs"] = "elevenlabs", ["AsyncElevenLabs"] = "elevenlabs", ["ElevenLabsClient"] = "elevenlabs", ["ElevenLabsTools"] = "elevenlabs",
        ["DuckDuckGoTools"] = "duckduckgo", ["DuckDuckGoSearchRun"] = "duckduckgo", ["DuckDuckGoSearchResults"] = "duckduckgo",
        ["DuckDuckGoSearchAPIWrapper"] = "duckduckgo",
        // gTTS (from gtts import gTTS; gTTS(text=...).save(...)): "a Python library ... to interface with Google Translate's
        // text-to-speech API", "leveraging the undocumented Google Translate speech functionality", "different from Google
        // Cloud Text-to-Speech" (pypi.org/project/gTTS, the library's own page, read 2026-12-01). Missed in the seventh
        // held-out code run (bench/CODE-CORPUS.md class A): a bot speaking the model's answers.
        ["gTTS"] = "google-translate-tts", ["gtts.gTTS"] = "google-translate-tts",
    };

    /// <summary>
    /// MCP servers of tool vendors, by npm package, started by the code as a tool server for its agent: Bright Data's
    /// <c>@brightdata/mcp</c> (docs.brightdata.com MCP server docs, read 2026-11-30; third held-out run, class 3).
    /// </summary>
    private static readonly Dictionary<string, string> McpServers = new(StringComparer.Ordinal)
    {
        ["@brightdata/mcp"] = "bright-data",
    };

    /// <summary>The party key of a string literal that names a known MCP server package (with an optional <c>@version</c>).</summary>
    public static string? McpServerKey(string literal)
    {
        var at = literal.Length > 1 ? literal.IndexOf('@', 1) : -1;
        var package = at > 0 ? literal[..at] : literal;
        return McpServers.GetValueOrDefault(package);
    }

    /// <summary>Modules (Python, npm, Go, Java packages) by prefix, and the party key of the SDK they are.</summary>
    public static IReadOnlyList<(string Module, string Key)> Modules { get; } =
    [
        ("openai", "openai"), ("langchain_openai", "openai"), ("@langchain/openai", "openai"), ("llama_index.llms.openai", "openai"), ("@ai-sdk/openai", "openai"),
        ("github.com/openai/openai-go/azure", "azure"), ("github.com/openai/openai-go", "openai"), ("github.com/sashabaranov/go-openai", "openai"), ("com.openai", "openai"), ("dev.langchain4j.model.openai", "openai"),
        ("anthropic", "anthropic"), ("@anthropic-ai/sdk", "anthropic"), ("langchain_anthropic", "anthropic"), ("@langchain/anthropic", "anthropic"), ("llama_index.llms.anthropic", "anthropic"),
        ("@ai-sdk/anthropic", "anthropic"), ("github.com/anthropics/anthropic-sdk-go", "anthropic"), ("com.anthropic", "anthropic"), ("dev.langchain4j.model.anthropic", "anthropic"),
        ("mistralai", "mistral"), ("@mistralai/mistralai", "mistral"), ("langchain_mistralai", "mistral"), ("@ai-sdk/mistral", "mistral"),
        ("groq", "groq"), ("groq-sdk", "groq"), ("langchain_groq", "groq"), ("@ai-sdk/groq", "groq"),
        ("cohere", "cohere"), ("cohere-ai", "cohere"), ("langchain_cohere", "cohere"),
        ("google.generativeai", "gemini"), ("google.genai", "gemini"), ("@google/generative-ai", "gemini"), ("@google/genai", "gemini"), ("langchain_google_genai", "gemini"), ("@ai-sdk/google", "gemini"),
        ("langchain_google_vertexai", "vertex_ai"), ("@ai-sdk/google-vertex", "vertex_ai"), ("langchain_aws", "bedrock"), ("@ai-sdk/amazon-bedrock", "bedrock"),
        ("@ai-sdk/azure", "azure"), ("@openrouter/ai-sdk-provider", "openrouter"), ("llama_index.llms.openrouter", "openrouter"),
        // The AI SDK's other provider packages, each exporting a default instance (import { xai } from "@ai-sdk/xai"; xai("grok-4"),
        // xai.chat("grok-4")) with the vendor's base URL (ai-sdk.dev/providers/ai-sdk-providers/xai: "The default prefix is
        // https://api.x.ai/v1"; read 2026-11-30; second held-out code run, bench/CODE-CORPUS.md class 1a).
        ("@ai-sdk/xai", "xai"), ("@ai-sdk/deepseek", "deepseek"), ("@ai-sdk/cohere", "cohere"), ("@ai-sdk/togetherai", "together_ai"),
        ("@ai-sdk/fireworks", "fireworks_ai"), ("@ai-sdk/perplexity", "perplexity"),
        // LangChain4j's Gemini API module and JetBrains Koog's provider clients (package ai.koog.prompt.executor.clients.<provider>;
        // Koog docs/prompts/llm-clients.md; docs.langchain4j.dev apidocs dev.langchain4j.model.googleai; class 1b).
        ("dev.langchain4j.model.googleai", "gemini"), ("dev.langchain4j.model.mistralai", "mistral"),
        ("ai.koog.prompt.executor.clients.openai", "openai"), ("ai.koog.prompt.executor.clients.anthropic", "anthropic"),
        ("ai.koog.prompt.executor.clients.google", "gemini"), ("ai.koog.prompt.executor.clients.openrouter", "openrouter"),
        ("ai.koog.prompt.executor.clients.deepseek", "deepseek"), ("ai.koog.prompt.executor.clients.mistralai", "mistral"),
        ("ollama", "ollama"), ("langchain_ollama", "ollama"), ("@langchain/ollama", "ollama"), ("llama_index.llms.ollama", "ollama"), ("ollama-ai-provider", "ollama"),
        ("github.com/ollama/ollama/api", "ollama"), ("dev.langchain4j.model.ollama", "ollama"),
        ("portkey_ai", "portkey"), ("portkey-ai", "portkey"),
        ("github.com/cohesion-org/deepseek-go", "deepseek"),
        // Genkit's model plugins (genkit({ plugins: [googleAI()] })): @genkit-ai/googleai is the "Google Gemini Developer API
        // plugin for Genkit" (its npm README, npmjs.com/package/@genkit-ai/googleai), @genkit-ai/vertexai is Vertex AI's,
        // @genkit-ai/google-genai serves both (googleAI() the Gemini API, vertexAI() Vertex AI: see PluginFactories).
        // Read 2026-12-01; missed in the eighth held-out code run (class A).
        ("@genkit-ai/googleai", "gemini"), ("@genkit-ai/vertexai", "vertex_ai"), ("@genkit-ai/google-genai", "gemini"),
        ("replicate", "replicate"),
        ("voyageai", "voyage"), ("langchain_voyageai", "voyage"), ("llama_index.embeddings.voyageai", "voyage"), ("voyage-ai-provider", "voyage"),
        ("langfuse", "langfuse"), ("@langfuse", "langfuse"), ("langfuse-langchain", "langfuse"), ("com.langfuse", "langfuse"),
        ("langsmith", "langsmith"), ("logfire", "logfire"), ("@pydantic/logfire-node", "logfire"),
        ("sentry_sdk", "sentry"), ("@sentry", "sentry"), ("github.com/getsentry/sentry-go", "sentry"), ("io.sentry", "sentry"),
        ("azure.monitor.opentelemetry", "azure-monitor"), ("@azure/monitor-opentelemetry", "azure-monitor"),
        ("ddtrace", "datadog"), ("dd-trace", "datadog"), ("gopkg.in/DataDog/dd-trace-go.v1", "datadog"), ("github.com/DataDog/dd-trace-go", "datadog"),
        ("rollbar", "rollbar"), ("github.com/rollbar/rollbar-go", "rollbar"), ("com.rollbar", "rollbar"),
        ("inngest", "inngest"), ("github.com/inngest/inngestgo", "inngest"), ("com.inngest", "inngest"),
        ("tavily", "tavily"), ("@tavily/core", "tavily"), ("langchain_tavily", "tavily"), ("@langchain/tavily", "tavily"),
        ("langchain_community.tools.tavily_search", "tavily"), ("langchain_community.utilities.tavily_search", "tavily"), ("agno.tools.tavily", "tavily"),
        ("deepl", "deepl"), ("deepl-node", "deepl"), ("com.deepl", "deepl"),
        ("google.cloud.vision", "google-cloud-vision"), ("google.cloud.vision_v1", "google-cloud-vision"), ("@google-cloud/vision", "google-cloud-vision"),
        ("com.google.cloud.vision", "google-cloud-vision"), ("cloud.google.com/go/vision", "google-cloud-vision"),
        // Exa: exa_py (from exa_py import Exa; Exa(api_key)), exa-js (import Exa from "exa-js"; new Exa(key)), LangChain's
        // langchain_exa / @langchain/exa. Mindee: the mindee PyPI and npm clients (mindee.Client, mindee.ClientV2). The
        // vendors' own docs (exa.ai/docs SDK pages, docs.mindee.com client libraries), read 2026-11-30.
        ("exa_py", "exa"), ("exa-js", "exa"), ("langchain_exa", "exa"), ("@langchain/exa", "exa"),
        ("mindee", "mindee"),
        ("elevenlabs", "elevenlabs"), ("@elevenlabs/elevenlabs-js", "elevenlabs"), ("agno.tools.eleven_labs", "elevenlabs"),
        ("agno.tools.duckduckgo", "duckduckgo"), ("duckduckgo_search", "duckduckgo"),
        ("phoenix.otel", "phoenix"), ("@arizeai/phoenix-otel", "phoenix"),
        ("gtts", "google-translate-tts"),
    ];

    /// <summary>
    /// Plugin factories of an agent framework, by module and export, and the party the plugin's models reach: Genkit's
    /// <c>googleAI()</c> and <c>vertexAI()</c> (npm READMEs of @genkit-ai/googleai, @genkit-ai/vertexai and
    /// @genkit-ai/google-genai, read 2026-12-01). A call of one is a client of that party, as an SDK constructor is.
    /// </summary>
    public static IReadOnlyDictionary<(string Module, string Export), string> PluginFactories { get; } = new Dictionary<(string, string), string>
    {
        [("@genkit-ai/googleai", "googleAI")] = "gemini",
        [("@genkit-ai/google-genai", "googleAI")] = "gemini",
        [("@genkit-ai/google-genai", "vertexAI")] = "vertex_ai",
        [("@genkit-ai/vertexai", "vertexAI")] = "vertex_ai",
    };

    /// <summary>
    /// Client factories whose positional argument at the given index (from 0) is the base URL:
    /// <c>deepseek.NewClient(key, "https://openrouter.ai/api/v1/")</c> (cohesion-org/deepseek-go examples, read 2026-12-01).
    /// </summary>
    public static IReadOnlyDictionary<string, int> PositionalBaseUrls { get; } = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["deepseek.NewClient"] = 1,
    };

    /// <summary>The SDK of a call through an object imported from a module of the project whose SDK the calling file does not show (<c>llm.invoke</c>).</summary>
    public const string AnySdk = "*";

    /// <summary>
    /// Client classes whose plain names an application could give its own class (<c>GoogleLLMClient</c>): each counts only
    /// where the file imports it by that name from the SDK module it is keyed by (<see cref="Modules"/>). LangChain4j's
    /// Gemini API models (dev.langchain4j.model.googleai) and JetBrains Koog's clients (ai.koog.prompt.executor.clients.*:
    /// OpenAILLMClient, AnthropicLLMClient, GoogleLLMClient, OpenRouterLLMClient, DeepSeekLLMClient, MistralAILLMClient).
    /// </summary>
    public static IReadOnlySet<string> ImportedClients { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "GoogleAiGeminiChatModel", "GoogleAiGeminiStreamingChatModel", "GoogleAiEmbeddingModel",
        "OpenAILLMClient", "AnthropicLLMClient", "GoogleLLMClient", "OpenRouterLLMClient", "DeepSeekLLMClient", "MistralAILLMClient",
        "gTTS",
    };

    /// <summary>
    /// Methods of an AI SDK provider instance that return a model of that provider (<c>openai.chat("gpt-4o")</c>,
    /// <c>openai.responses(...)</c>, <c>anthropic.messages(...)</c>, <c>openai.textEmbeddingModel(...)</c>; ai-sdk.dev
    /// providers pages and the ProviderV2 interface's languageModel / textEmbeddingModel / imageModel), lower case.
    /// </summary>
    public static IReadOnlySet<string> ProviderModelMethods { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "chat", "languagemodel", "responses", "completion", "messages", "embedding", "textembedding", "textembeddingmodel", "image", "imagemodel",
    };

    /// <summary>The LiteLLM Python SDK: a call's <c>model</c> prefix decides the party (as in a proxy config).</summary>
    public const string LiteLlmModule = "litellm";

    /// <summary>
    /// Call shapes by the dotted names before the parenthesis (lower case, underscores dropped, matched at the end).
    /// Shapes marked bound count only on a receiver this file binds to a client (<c>llm = ChatOpenAI(...)</c>; <c>llm.invoke(...)</c>).
    /// </summary>
    public static IReadOnlyList<(string Suffix, LexicalCallKind Kind, bool Bound)> Calls { get; } =
    [
        ("chat.completions.create", LexicalCallKind.Chat, false), ("chat.completions.new", LexicalCallKind.Chat, false), ("chat.completions.parse", LexicalCallKind.Chat, false),
        ("chat.completions.stream", LexicalCallKind.Chat, false), ("completions.create", LexicalCallKind.Chat, false), ("messages.create", LexicalCallKind.Chat, false),
        ("messages.new", LexicalCallKind.Chat, false), ("messages.stream", LexicalCallKind.Chat, false), ("responses.create", LexicalCallKind.Chat, false),
        ("responses.new", LexicalCallKind.Chat, false), ("responses.stream", LexicalCallKind.Chat, false), ("generatecontent", LexicalCallKind.Chat, false),
        ("generatecontentstream", LexicalCallKind.Chat, false), ("createchatcompletion", LexicalCallKind.Chat, false), ("createchatcompletionstream", LexicalCallKind.Chat, false),
        ("createcompletion", LexicalCallKind.Chat, false), ("generatetext", LexicalCallKind.Chat, false), ("streamtext", LexicalCallKind.Chat, false),
        ("generateobject", LexicalCallKind.Chat, false), ("streamobject", LexicalCallKind.Chat, false),
        ("embeddings.create", LexicalCallKind.Embedding, false), ("embeddings.new", LexicalCallKind.Embedding, false), ("createembeddings", LexicalCallKind.Embedding, false),
        ("embedmany", LexicalCallKind.Embedding, false),
        ("models.list", LexicalCallKind.Listing, false), ("models.retrieve", LexicalCallKind.Listing, false), ("listmodels", LexicalCallKind.Listing, false),
        ("invoke", LexicalCallKind.Chat, true), ("ainvoke", LexicalCallKind.Chat, true), ("stream", LexicalCallKind.Chat, true), ("astream", LexicalCallKind.Chat, true),
        ("batch", LexicalCallKind.Chat, true), ("complete", LexicalCallKind.Chat, true), ("acomplete", LexicalCallKind.Chat, true), ("chat", LexicalCallKind.Chat, true),
        ("achat", LexicalCallKind.Chat, true), ("streamchat", LexicalCallKind.Chat, true), ("generate", LexicalCallKind.Chat, true), ("embed", LexicalCallKind.Embedding, true),
        ("embedquery", LexicalCallKind.Embedding, true), ("embeddocuments", LexicalCallKind.Embedding, true),
    ];

    /// <summary>Call shapes that are free functions (the Vercel AI SDK's); every other shape needs a receiver, so a method definition or a user function named <c>listModels</c> is no call.</summary>
    public static IReadOnlySet<string> FreeFunctions { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "generatetext", "streamtext", "generateobject", "streamobject", "embedmany",
    };

    /// <summary>
    /// CrewAI: its <c>LLM(model=..., base_url=...)</c> takes LiteLLM's model names (docs.crewai.com/learn/llm-connections,
    /// read 2026-11-30: native SDKs for OpenAI, Anthropic, Gemini, Azure and Bedrock, LiteLLM for the rest, one naming).
    /// </summary>
    public const string CrewAiModule = "crewai";

    /// <summary>pydantic-ai: its <c>Agent</c> takes the model as <c>"provider:model"</c>.</summary>
    public const string PydanticAiModule = "pydantic_ai";

    /// <summary>
    /// pydantic-ai's model-name prefixes (<c>Agent("google-gla:gemini-2.5-flash")</c>), to the LiteLLM prefix of the same
    /// provider, whose table (<see cref="LiteLlm.LiteLlmProviders"/>) names the party. Source: pydantic-ai
    /// pydantic_ai_slim/pydantic_ai/models/__init__.py (<c>KnownModelName</c>, <c>infer_model</c>) and ai.pydantic.dev/models
    /// (read 2026-11-30): google-gla is the Gemini API (Generative Language API), google-vertex is Vertex AI, grok is xAI.
    /// <c>test:</c> is pydantic-ai's offline TestModel and <c>gateway/…</c> the Pydantic AI Gateway: neither is here.
    /// </summary>
    public static IReadOnlyDictionary<string, string> PydanticAiProviders { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["openai"] = "openai", ["openai-chat"] = "openai", ["openai-responses"] = "openai", ["anthropic"] = "anthropic",
        ["google-gla"] = "gemini", ["google-vertex"] = "vertex_ai", ["groq"] = "groq", ["mistral"] = "mistral", ["cohere"] = "cohere",
        ["deepseek"] = "deepseek", ["bedrock"] = "bedrock", ["cerebras"] = "cerebras", ["huggingface"] = "huggingface",
        ["openrouter"] = "openrouter", ["grok"] = "xai", ["together"] = "together_ai", ["fireworks"] = "fireworks_ai", ["azure"] = "azure",
    };

    /// <summary>LiteLLM SDK functions (<c>litellm.completion(model=...)</c>, or imported by name).</summary>
    public static IReadOnlyDictionary<string, LexicalCallKind> LiteLlmCalls { get; } = new Dictionary<string, LexicalCallKind>(StringComparer.Ordinal)
    {
        ["completion"] = LexicalCallKind.Chat, ["acompletion"] = LexicalCallKind.Chat, ["responses"] = LexicalCallKind.Chat, ["aresponses"] = LexicalCallKind.Chat,
        ["text_completion"] = LexicalCallKind.Chat, ["embedding"] = LexicalCallKind.Embedding, ["aembedding"] = LexicalCallKind.Embedding,
    };

    /// <summary>
    /// Constants SDKs export for a gateway's base URL, used as <c>base_url=PORTKEY_GATEWAY_URL</c> (portkey_ai
    /// api_resources/global_constants.py and portkey-ai src/constants.ts: <c>https://api.portkey.ai/v1</c>). A constant
    /// the file defines itself wins.
    /// </summary>
    public static IReadOnlyDictionary<string, string> UrlConstants { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["PORTKEY_GATEWAY_URL"] = "https://api.portkey.ai/v1",
    };

    /// <summary>Argument or builder names that set where a client sends (lower case, underscores dropped).</summary>
    public static IReadOnlySet<string> BaseUrlSettings { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "baseurl", "apibase", "openaiapibase", "anthropicapiurl", "apiurl", "host", "endpoint", "azureendpoint", "dsn", "site",
        "serverurl", "withbaseurl", "basepath", "withendpoint",
    };

    /// <summary>
    /// SDK keys whose clients only ever reach their vendor's resources: the endpoint picks the resource (and region),
    /// never the vendor, so an endpoint from configuration leaves the vendor known (Azure OpenAI: AzureOpenAI(azure_endpoint=...),
    /// openai-go's azure.WithEndpoint). Found in the public-code corpus run (bench/CODE-CORPUS.md).
    /// </summary>
    public static IReadOnlySet<string> ResourceVendorKeys { get; } = new HashSet<string>(StringComparer.Ordinal) { "azure" };

    /// <summary>Environment variables that configure a party (a value beside them is its host), and whether it means prompts are recorded.</summary>
    public static IReadOnlyDictionary<string, (string Key, bool Host)> Environment { get; } = new Dictionary<string, (string, bool)>(StringComparer.Ordinal)
    {
        ["LANGFUSE_HOST"] = ("langfuse", true), ["LANGFUSE_BASE_URL"] = ("langfuse", true), ["LANGFUSE_BASEURL"] = ("langfuse", true),
        ["LANGFUSE_PUBLIC_KEY"] = ("langfuse", false), ["LANGFUSE_SECRET_KEY"] = ("langfuse", false),
        ["LANGSMITH_ENDPOINT"] = ("langsmith", true), ["LANGCHAIN_ENDPOINT"] = ("langsmith", true), ["LANGSMITH_TRACING"] = ("langsmith", false),
        ["LANGCHAIN_TRACING_V2"] = ("langsmith", false), ["LANGSMITH_API_KEY"] = ("langsmith", false), ["LANGCHAIN_API_KEY"] = ("langsmith", false),
        ["LOGFIRE_TOKEN"] = ("logfire", false), ["LOGFIRE_BASE_URL"] = ("logfire", true),
        ["DD_SITE"] = ("datadog", true), ["DD_LLMOBS_ENABLED"] = ("datadog", false), ["SENTRY_DSN"] = ("sentry", true),
        ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = ("azure-monitor", false),
        ["PHOENIX_COLLECTOR_ENDPOINT"] = ("phoenix", true), ["PHOENIX_API_KEY"] = ("phoenix", false),
        ["OPENAI_BASE_URL"] = ("openai", true), ["OPENAI_API_BASE"] = ("openai", true), ["ANTHROPIC_BASE_URL"] = ("anthropic", true),
    };

    /// <summary>Settings whose truth means an observability SDK records prompts and completions.</summary>
    public static IReadOnlyDictionary<string, string> RecordsPrompts { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["senddefaultpii"] = "sentry", ["DD_LLMOBS_ENABLED"] = "datadog", ["LLMObs.enable"] = "datadog",
        ["logfire.instrument_openai"] = "logfire", ["logfire.instrument_anthropic"] = "logfire", ["logfire.instrument_pydantic_ai"] = "logfire",
        ["logfire.instrument_litellm"] = "logfire",
    };

    /// <summary>Settings whose falsity means an SDK sends nothing off the machine (Logfire's <c>send_to_logfire=False</c>: console and local exporters only).</summary>
    public static IReadOnlySet<string> SendSwitches { get; } = new HashSet<string>(StringComparer.Ordinal) { "sendtologfire" };

    /// <summary>Calls whose string arguments are messages for people (logs, prints, errors), never addresses that are called.</summary>
    public static bool IsMessageCall(IReadOnlyList<string> chain)
    {
        var last = chain[^1];
        if (last is "print" or "println" or "printf" or "Println" or "Printf" or "Print" or "pprint" or "echo" or "Errorf" or "Fatalf" or "Panicf"
            || last.EndsWith("Error", StringComparison.Ordinal) || last.EndsWith("Exception", StringComparison.Ordinal)
            || (chain.Count == 2 && chain[0] == "errors" && last == "New"))
        {
            return true;
        }

        if (chain.Count < 2)
        {
            return false;
        }

        var receiver = chain[^2].ToLowerInvariant();
        return MessageVerbs.Contains(last.ToLowerInvariant())
            && (receiver.Contains("log", StringComparison.Ordinal) || receiver is "console" or "warnings" or "fmt" or "st" or "click");
    }

    /// <summary>Calls that set up test doubles: an address given to them is mocked, not called.</summary>
    public static bool IsTestDoubleCall(IReadOnlyList<string> chain) =>
        chain.Any(name => TestDoubles.Contains(name.ToLowerInvariant()))
        || (chain.Count == 2 && chain[0] == "responses" && chain[1] is "add" or "get" or "post" or "upsert" or "replace");

    private static readonly HashSet<string> MessageVerbs = new(StringComparer.Ordinal)
    {
        "info", "debug", "warn", "warning", "error", "exception", "critical", "fatal", "trace", "log", "infof", "debugf", "warnf", "errorf",
        "fatalf", "printf", "println", "print", "write", "echo", "success",
    };

    private static readonly HashSet<string> TestDoubles = new(StringComparer.Ordinal)
    {
        "nock", "respx", "mock", "mocker", "patch", "magicmock", "asyncmock", "sinon", "jest", "vi", "wiremock", "mockwebserver", "httpretty",
        "aioresponses", "stub", "httptest",
    };

    /// <summary>
    /// Words a file must contain to be tokenised at all: SDK and module names, every known API host, setting names and
    /// API paths. A file with none of them cannot yield a party, so it is passed over unread by the lexers.
    /// </summary>
    public static SearchValues<string> PreFilter { get; } = SearchValues.Create(
        new[]
        {
            "openai", "anthropic", "claude", "gemini", "genai", "mistral", "groq", "cohere", "ollama", "vllm", "litellm", "openrouter",
            "helicone", "portkey", "langfuse", "langsmith", "langchain", "llama_index", "llamaindex", "ai-sdk", "generateText", "streamText",
            "bedrock", "vertexai", "vertex_ai", "aiplatform", "together_ai", "togetherai", "ChatTogether", "fireworks", "deepseek", "perplexity",
            "ChatXAI", "createXai", "sentry", "logfire", "azure_monitor", "AzureMonitor", "azure/monitor-opentelemetry", "APPLICATIONINSIGHTS", "ddtrace", "dd-trace", "DD_SITE", "datadog", "LLMObs", "completions", "/models", ":11434", ":4000",
            "lmstudio", "lm-studio", "llama.cpp", "llamacpp", "/api/chat", "/api/generate", "/v1/messages",
            "sk-ant-", "sk-or-v1-", "sk-proj-", "ai.koog", "langchain4j", "voyage", "replicate",

            // A LangChain runnable called in a file that imports it from the project (from app.llm import chain):
            // the stack assembly may join it to the client built there (CodeClientJoin).
            ".invoke(", ".ainvoke(",

            "rollbar", "inngest", "step.ai.", "tavily", "deepl", "ImageAnnotator", "cloud.vision", "cloud/vision", "go/vision", "BingGrounding",
            "exa_py", "exa-js", "langchain_exa", "langchain/exa", "mindee", "brightdata",
            "ElevenLabs", "elevenlabs", "eleven_labs", "DuckDuckGo", "duckduckgo", "phoenix", "gtts", "genkit-ai",
        }
        .Concat(GatewayTerms.Hosts.Select(h => h.Pattern))
        .Concat(LiteLlmProviders.ByPrefix.Values.SelectMany(p => p.Hosts))
        .Select(h => h.TrimStart('.').Replace("*.", "", StringComparison.Ordinal).Replace("*-", "", StringComparison.Ordinal).Replace("*", "", StringComparison.Ordinal))
        .Where(h => h.Length > 3)
        .Distinct(StringComparer.OrdinalIgnoreCase)
        .ToArray(),
        StringComparison.OrdinalIgnoreCase);

    /// <summary>The party key of a module name, by the longest matching prefix (at a '.', '/' or '-' boundary).</summary>
    public static string? ModuleKey(string module)
    {
        string? best = null;
        var bestLength = 0;
        foreach (var (prefix, key) in Modules)
        {
            if (prefix.Length > bestLength && module.StartsWith(prefix, StringComparison.Ordinal)
                && (module.Length == prefix.Length || module[prefix.Length] is '.' or '/'))
            {
                (best, bestLength) = (key, prefix.Length);
            }
        }

        return best;
    }

    /// <summary>
    /// Hosts of messaging and developer APIs that are never model inference, whatever a path on them says
    /// (<c>https://slack.com/api/chat.postMessage</c> posts a message; held-out code run, bench/CODE-CORPUS.md class 8).
    /// A host or any subdomain of it.
    /// </summary>
    private static readonly string[] NonInferenceHosts =
    [
        "slack.com", "discord.com", "discordapp.com", "api.telegram.org", "graph.facebook.com", "api.twilio.com", "webhook.office.com",
        "api.github.com", "api.notion.com", "api.sendgrid.com",
    ];

    public static bool IsNonInferenceHost(string host) =>
        NonInferenceHosts.Any(h => host.Equals(h, StringComparison.OrdinalIgnoreCase) || host.EndsWith("." + h, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The service a URL reaches: as <see cref="ServiceByHost"/>, except that on the Azure AI services host the path (or an
    /// OpenAI client, <paramref name="openAiClient"/>) says which service (<see cref="GatewayTerms.FindService"/>).
    /// </summary>
    public static Service? ServiceByUrl(string url, string host, bool openAiClient) =>
        GatewayTerms.FindService(host, LexicalAddresses.PathOf(url, host), openAiClient) is { } term ? Services.FirstOrDefault(s => s.Vendor == term.Vendor) : null;

    /// <summary>A service whose hosts include this host.</summary>
    public static Service? ServiceByHost(string host) =>
        GatewayTerms.FindHost(host) is { } term ? Services.FirstOrDefault(s => s.Vendor == term.Vendor) : null;
}
