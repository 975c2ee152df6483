using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GatewayAudit.Core.Readers.Code;

/// <summary>
/// The C# SDK shapes the source reader recognises, as data: client types, builder methods, namespaces, the call
/// methods and request paths that send prompts or only list models, and the logging calls whose text is prose.
/// Sources (read 2026-11-30): openai/openai-dotnet README (<c>OpenAIClient</c>, <c>ChatClient(model, key, options)</c>,
/// <c>OpenAIClientOptions.Endpoint</c>, <c>OpenAIModelClient.GetModels</c>); Azure.AI.OpenAI README
/// (<c>AzureOpenAIClient(Uri, credential)</c>); anthropics/anthropic-sdk-csharp README (<c>new AnthropicClient()</c>,
/// reads ANTHROPIC_BASE_URL) and tghamm/Anthropic.SDK; microsoft/semantic-kernel connector extension methods
/// (<c>AddOpenAIChatCompletion(modelId, apiKey | endpoint)</c>, <c>AddAzureOpenAIChatCompletion(deploymentName,
/// endpoint, apiKey)</c>, Ollama, Mistral, Google, Hugging Face, Azure AI Inference); Microsoft.Extensions.AI
/// (<c>OllamaChatClient(Uri)</c>) and OllamaSharp (<c>OllamaApiClient(Uri)</c>).
/// </summary>
internal static class CSharpSdkShapes
{
    /// <summary>
    /// A client or builder: the vendor it talks to by default (null: it has no default host, the endpoint decides), the
    /// host it uses when no endpoint is given, and a display name for the SDK; a self-hosted one names its engine, and an
    /// exporter sends telemetry (traces, logs, metrics), not prompts of its own. A service that shares its hosts with
    /// another vendor id of the same company names that id (<see cref="HostVendor"/>) and the party it is
    /// (<see cref="PartyName"/>): an endpoint on those hosts given to this SDK is still this SDK's vendor.
    /// </summary>
    internal sealed record Sdk(string? Vendor, string? DefaultHost, string Name, bool SelfHosted = false, string? Engine = null, bool Exporter = false,
        string? HostVendor = null, string? PartyName = null)
    {
        /// <summary>A tool API's client or tool definition (<see cref="ToolApis"/>): it receives text built from prompts, it is no model.</summary>
        public bool Tool { get; init; }
    }

    /// <summary>
    /// Grounding with Bing Search as an Azure AI agent's tool: Azure.AI.Agents.Persistent and Azure.AI.Projects 1.0 previews
    /// <c>new BingGroundingToolDefinition(new BingGroundingSearchToolParameters(...))</c> (older previews took the connection
    /// list directly), the Foundry agents v2 <c>BingGroundingAgentTool</c> (Azure SDK for .NET samples "Sample for use of an
    /// agent with Bing grounding in Azure.AI.Agents", read 2026-11-30). Found missing in the held-out code run
    /// (runceel/BingAgentLab, bench/CODE-CORPUS.md).
    /// </summary>
    private static readonly Sdk BingGrounding = new("bing-grounding", null, "Grounding with Bing Search tool") { Tool = true };

    private static readonly Sdk Mindee = new("mindee", null, "Mindee client") { Tool = true };

    /// <summary>
    /// Semantic Kernel's Bing web search (Microsoft.SemanticKernel.Plugins.Web: <c>new BingConnector(apiKey)</c> wrapped in a
    /// <c>WebSearchEnginePlugin</c>, and the newer <c>new BingTextSearch(apiKey)</c>), which sends the model's queries to the
    /// Bing Search API. Missed in the seventh held-out code run (qmatteoq/SemanticKernel-Demos, bench/CODE-CORPUS.md class B).
    /// </summary>
    private static readonly Sdk BingSearch = new("bing-search", "api.bing.microsoft.com", "Semantic Kernel Bing connector") { Tool = true };

    /// <summary>
    /// Azure AI services a .NET solution calls beside its model (fourth held-out code run, bench/CODE-CORPUS.md class 2):
    /// Azure.AI.ContentSafety <c>ContentSafetyClient</c>, Azure.AI.TextAnalytics <c>TextAnalyticsClient</c>,
    /// Azure.AI.Translation.Text <c>TextTranslationClient</c>, and the Speech SDK's <c>SpeechConfig.FromSubscription</c> /
    /// <c>FromEndpoint</c> / <c>FromHost</c> (Microsoft.CognitiveServices.Speech). Each endpoint is the customer's resource
    /// of that same service, so it names no other party.
    /// </summary>
    private static readonly Sdk ContentSafety = new("azure-ai-content-safety", null, "Azure AI Content Safety client") { Tool = true };

    private static readonly Sdk Language = new("azure-ai-language", null, "Azure AI Language (Text Analytics) client") { Tool = true };

    private static readonly Sdk Translator = new("azure-ai-translator", null, "Azure AI Translator client") { Tool = true };

    public static readonly Sdk Speech = new("azure-ai-speech", null, "Azure AI Speech SDK") { Tool = true };

    /// <summary>The Speech SDK's config classes and the static methods that bind them to a Speech resource.</summary>
    public static readonly IReadOnlySet<string> SpeechConfigTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "SpeechConfig", "SpeechTranslationConfig", "Microsoft.CognitiveServices.Speech.SpeechConfig",
        "Microsoft.CognitiveServices.Speech.SpeechTranslationConfig",
    };

    public static readonly IReadOnlySet<string> SpeechConfigFactories = new HashSet<string>(StringComparer.Ordinal)
    {
        "FromSubscription", "FromEndpoint", "FromHost", "FromAuthorizationToken",
    };

    private static readonly Sdk OpenAi = new("openai", "api.openai.com", "OpenAI .NET SDK");
    private static readonly Sdk AzureOpenAi = new("azure-openai", null, "Azure OpenAI SDK");
    private static readonly Sdk Anthropic = new("anthropic", "api.anthropic.com", "Anthropic SDK");
    private static readonly Sdk Ollama = new(null, "localhost", "Ollama client", SelfHosted: true, Engine: "Ollama");

    /// <summary>
    /// Azure AI Foundry projects and agents (Azure.AI.Projects <c>AIProjectClient(endpoint, credential)</c>,
    /// Azure.AI.Agents.Persistent <c>PersistentAgentsClient(endpoint, credential)</c>, Semantic Kernel's
    /// <c>AzureAIAgent.CreateAzureAIClient(connectionString, credential)</c>; endpoint
    /// <c>https://&lt;resource&gt;.services.ai.azure.com/api/projects/&lt;project&gt;</c>): the Agent Service, which keeps
    /// threads and messages on its side, on the hosts Azure OpenAI in Foundry also uses. Like Azure OpenAI, the endpoint
    /// picks the Foundry resource, never the vendor. Found missing in the public-code and held-out corpus runs
    /// (bench/CODE-CORPUS.md), where the reviewer lists it apart from Azure OpenAI.
    /// </summary>
    private static readonly Sdk AzureAiFoundry = new("azure-ai-foundry-agents", null, "Azure AI Foundry Agents SDK",
        HostVendor: "azure-openai", PartyName: "Azure AI Foundry Agent Service");

    /// <summary>
    /// Foundry Local, Microsoft's on-device runtime (Microsoft.AI.Foundry.Local: <c>FoundryLocalManager.StartModelAsync(alias)</c>,
    /// then an OpenAI client with <c>Endpoint = manager.Endpoint</c>, a localhost web service; microsoft/Foundry-Local
    /// sdk docs, read 2026-11-30): operator-hosted inference, not a third party.
    /// </summary>
    public static readonly Sdk FoundryLocal = new(null, "localhost", "Foundry Local", SelfHosted: true, Engine: "Foundry Local");

    /// <summary>The class and namespace of <see cref="FoundryLocal"/>.</summary>
    public const string FoundryLocalManager = "FoundryLocalManager";

    public const string FoundryLocalNamespace = "Microsoft.AI.Foundry.Local";

    /// <summary>
    /// Azure Monitor's OpenTelemetry distro and exporters (Azure.Monitor.OpenTelemetry.AspNetCore <c>UseAzureMonitor()</c>,
    /// Azure.Monitor.OpenTelemetry.Exporter <c>AddAzureMonitorTraceExporter</c> / <c>LogExporter</c> / <c>MetricExporter</c>):
    /// telemetry to the Application Insights resource the connection string names (APPLICATIONINSIGHTS_CONNECTION_STRING
    /// when the code sets none).
    /// </summary>
    private static readonly Sdk AzureMonitor = new("azure-monitor", null, "Azure Monitor OpenTelemetry exporter", Exporter: true);

    /// <summary>
    /// OpenTelemetry's OTLP exporter (<c>UseOtlpExporter()</c> in .NET Aspire service defaults, <c>AddOtlpExporter</c>):
    /// it sends to OTEL_EXPORTER_OTLP_ENDPOINT unless the code names an endpoint, so the party is whoever that endpoint
    /// names; with none in the code it is an unknown party, never a vendor.
    /// </summary>
    private static readonly Sdk Otlp = new(null, null, "OpenTelemetry OTLP exporter", Exporter: true);

    /// <summary>Client types, by the type name written after <c>new</c> (generic arity and namespace stripped).</summary>
    public static readonly IReadOnlyDictionary<string, Sdk> ClientTypes = new Dictionary<string, Sdk>(StringComparer.Ordinal)
    {
        ["OpenAIClient"] = OpenAi,
        ["ChatClient"] = OpenAi,
        ["EmbeddingClient"] = OpenAi,
        ["OpenAIResponseClient"] = OpenAi,
        ["ResponsesClient"] = OpenAi,
        ["AudioClient"] = OpenAi,
        ["ImageClient"] = OpenAi,
        ["OpenAIModelClient"] = OpenAi,
        ["AzureOpenAIClient"] = AzureOpenAi,
        ["ChatCompletionsClient"] = new(null, null, "Azure AI Inference SDK"),
        ["AnthropicClient"] = Anthropic,
        ["MistralClient"] = new("mistral", "api.mistral.ai", "Mistral SDK"),
        ["OllamaChatClient"] = Ollama,
        ["OllamaApiClient"] = Ollama,
        ["AIProjectClient"] = AzureAiFoundry,
        ["PersistentAgentsClient"] = AzureAiFoundry,
        [FoundryLocalManager] = FoundryLocal,
        ["BingGroundingToolDefinition"] = BingGrounding,
        ["BingGroundingAgentTool"] = BingGrounding,
        // The Mindee .NET client (NuGet Mindee: new MindeeClient(apiKey), MindeeClientV2 for the v2 platform; docs.mindee.com
        // .NET SDK, read 2026-11-30): documents and images sent for OCR and extraction (third held-out run, class 3).
        ["BingConnector"] = BingSearch,
        ["BingTextSearch"] = BingSearch,
        ["MindeeClient"] = Mindee,
        ["MindeeClientV2"] = Mindee,
        ["ContentSafetyClient"] = ContentSafety,
        ["TextAnalyticsClient"] = Language,
        ["TextTranslationClient"] = Translator,

        // Community OpenRouter .NET clients (OpenRouter.NET, Codezerg.OpenRouter, OpenRouterClientLite ...) all name their
        // client OpenRouterClient and default to https://openrouter.ai/api/v1 (found in the public-code corpus run,
        // bench/CODE-CORPUS.md: a program creating one with no URL in the file was missed).
        ["OpenRouterClient"] = new("openrouter", "openrouter.ai", "OpenRouter .NET client"),
    };

    /// <summary>
    /// Google's Gen AI .NET SDK names its client plainly <c>Client</c> (namespace <c>Google.GenAI</c>): it counts only
    /// written as <c>Google.GenAI.Client</c> or in a file that imports the namespace. <c>new Client(apiKey: ...)</c>
    /// talks to the Gemini API, <c>new Client(vertexAI: true, ...)</c> to Vertex AI (googleapis/dotnet-genai README,
    /// read 2026-11-30; found missing in the public-code corpus run, bench/CODE-CORPUS.md). The import alone names no
    /// party: the same client reaches either.
    /// </summary>
    public const string GoogleGenAiNamespace = "Google.GenAI";

    /// <summary>
    /// The community <c>OpenAI_API</c> library (NuGet <c>OpenAI</c> 1.x, OkGoDoIt/OpenAI-API-dotnet): <c>new OpenAIAPI(key)</c>
    /// sends to <c>OpenAIAPI.ApiUrlFormat</c>, which defaults to <c>https://api.openai.com/{0}/{1}</c>; its doc comment gives
    /// <c>https://(resource).openai.azure.com/openai/deployments/(id)/{1}?api-version={0}</c> for Azure (class OpenAIAPI,
    /// read 2026-11-30). The type counts only under <c>using OpenAI_API;</c> or written <c>OpenAI_API.OpenAIAPI</c>
    /// (second held-out code run, bench/CODE-CORPUS.md class 1d).
    /// </summary>
    public const string OpenAiApiNamespace = "OpenAI_API";

    public const string OpenAiApiType = "OpenAIAPI";

    public static readonly Sdk OpenAiApi = new("openai", "api.openai.com", "OpenAI_API community .NET library");

    public static readonly Sdk GoogleGenAi = new("google-gemini-api", "generativelanguage.googleapis.com", "Google Gen AI .NET SDK");

    /// <summary>
    /// The community Gemini clients for .NET: Google_GenerativeAI (gunpal5/google_generativeai, namespace <c>GenerativeAI</c>;
    /// <c>new GenerativeModel(apiKey)</c> in 1.x, <c>new GoogleAi(apiKey).CreateGenerativeModel(...)</c> later) and
    /// Mscc.GenerativeAI (mscraftsman/generative-ai: <c>new GoogleAI(apiKey)</c>, <c>new GenerativeModel(...)</c>). With an API
    /// key both call the Gemini Developer API on generativelanguage.googleapis.com (their READMEs, read 2026-12-01; Vertex AI
    /// has its own <c>VertexAI</c> classes there). The type names are common words, so they count only in a file that
    /// imports one of the namespaces. Found missing in the sixth held-out code run (bench/CODE-CORPUS.md class B).
    /// </summary>
    public static readonly Sdk GoogleGenerativeAi = new("google-gemini-api", "generativelanguage.googleapis.com", "Google Generative AI community .NET client");

    public static readonly IReadOnlySet<string> GoogleGenerativeAiTypes = new HashSet<string>(StringComparer.Ordinal) { "GenerativeModel", "GoogleAi", "GoogleAI" };

    /// <summary>The namespaces of <see cref="GoogleGenerativeAi"/>: <c>GenerativeAI</c>, <c>Mscc.GenerativeAI</c> and theirs below.</summary>
    public static bool IsGoogleGenerativeAiNamespace(string? name) => name is not null
        && (name is "GenerativeAI" or "Mscc.GenerativeAI" || name.StartsWith("GenerativeAI.", StringComparison.Ordinal) || name.StartsWith("Mscc.GenerativeAI.", StringComparison.Ordinal));

    /// <summary>
    /// Azure.AI.OpenAI 1.0.0-beta named its client <c>OpenAIClient</c>, as the OpenAI .NET SDK does: built from an endpoint
    /// <c>Uri</c> with an <c>AzureKeyCredential</c> or a token credential it is the Azure OpenAI client; from an API key string
    /// alone it reaches OpenAI (Azure.AI.OpenAI 1.0.0-beta README, "Authenticate the client"; Microsoft's migration guide
    /// from 1.0 beta to 2.0, read 2026-12-01). The OpenAI .NET SDK's own <c>OpenAIClient</c> takes no <c>Uri</c> in first
    /// place. Found in the sixth held-out code run (bench/CODE-CORPUS.md class D).
    /// </summary>
    public static readonly Sdk AzureOpenAiBeta = AzureOpenAi with { Name = "Azure OpenAI SDK (1.0 beta OpenAIClient)" };

    public static bool IsAzureBetaClient(string type, IReadOnlyList<ArgumentSyntax> arguments) => type == "OpenAIClient"
        && arguments.Any(a => a.Expression is BaseObjectCreationExpressionSyntax creation
            && CSharpText.TypeName(creation) is "AzureKeyCredential" or "DefaultAzureCredential" or "ManagedIdentityCredential" or "AzureCliCredential" or "ClientSecretCredential")
        || (type == "OpenAIClient" && arguments.Count > 1 && arguments[0].NameColon is null
            && arguments[0].Expression is BaseObjectCreationExpressionSyntax first && CSharpText.TypeName(first) == "Uri");

    public static readonly Sdk GoogleGenAiVertex = new("google-vertex-ai", "aiplatform.googleapis.com", "Google Gen AI .NET SDK (Vertex AI)");

    /// <summary>Semantic Kernel connector methods (on <c>IKernelBuilder</c> or <c>IServiceCollection</c>), by name.</summary>
    public static readonly IReadOnlyDictionary<string, Sdk> BuilderMethods = new Dictionary<string, Sdk>(StringComparer.Ordinal)
    {
        ["AddOpenAIChatCompletion"] = OpenAi with { Name = "Semantic Kernel OpenAI connector" },
        ["AddOpenAITextEmbeddingGeneration"] = OpenAi with { Name = "Semantic Kernel OpenAI connector" },
        ["AddOpenAIEmbeddingGenerator"] = OpenAi with { Name = "Semantic Kernel OpenAI connector" },
        ["AddAzureOpenAIChatCompletion"] = AzureOpenAi with { Name = "Semantic Kernel Azure OpenAI connector" },
        ["AddAzureOpenAITextEmbeddingGeneration"] = AzureOpenAi with { Name = "Semantic Kernel Azure OpenAI connector" },
        ["AddAzureOpenAIEmbeddingGenerator"] = AzureOpenAi with { Name = "Semantic Kernel Azure OpenAI connector" },
        ["AddAzureAIInferenceChatCompletion"] = new(null, null, "Semantic Kernel Azure AI Inference connector"),
        ["AddMistralChatCompletion"] = new("mistral", "api.mistral.ai", "Semantic Kernel Mistral connector"),
        ["AddGoogleAIGeminiChatCompletion"] = new("google-gemini-api", "generativelanguage.googleapis.com", "Semantic Kernel Google connector"),
        ["AddVertexAIGeminiChatCompletion"] = new("google-vertex-ai", "aiplatform.googleapis.com", "Semantic Kernel Google connector"),
        ["AddHuggingFaceChatCompletion"] = new("huggingface", "api-inference.huggingface.co", "Semantic Kernel Hugging Face connector"),
        ["AddOllamaChatCompletion"] = Ollama with { Name = "Semantic Kernel Ollama connector" },
        ["AddOllamaChatClient"] = Ollama with { Name = "Semantic Kernel Ollama connector" },
        ["CreateAzureAIClient"] = AzureAiFoundry,
        ["UseAzureMonitor"] = AzureMonitor,
        ["AddAzureMonitorTraceExporter"] = AzureMonitor,
        ["AddAzureMonitorLogExporter"] = AzureMonitor,
        ["AddAzureMonitorMetricExporter"] = AzureMonitor,
        ["UseOtlpExporter"] = Otlp,
        ["AddOtlpExporter"] = Otlp,
    };

    /// <summary>Namespaces whose import alone names a provider SDK (<c>using OpenAI;</c>).</summary>
    public static readonly IReadOnlyDictionary<string, Sdk> Namespaces = new Dictionary<string, Sdk>(StringComparer.Ordinal)
    {
        ["OpenAI"] = OpenAi,
        ["OpenAI.Chat"] = OpenAi,
        ["Azure.AI.OpenAI"] = AzureOpenAi,
        ["Anthropic"] = Anthropic,
        ["Anthropic.SDK"] = Anthropic,
        ["Mistral.SDK"] = new("mistral", "api.mistral.ai", "Mistral SDK"),
        ["Microsoft.SemanticKernel.Connectors.OpenAI"] = OpenAi with { Name = "Semantic Kernel OpenAI connector" },
        ["Microsoft.SemanticKernel.Connectors.MistralAI"] = new("mistral", "api.mistral.ai", "Semantic Kernel Mistral connector"),
        ["Microsoft.SemanticKernel.Connectors.Google"] = new("google-gemini-api", "generativelanguage.googleapis.com", "Semantic Kernel Google connector"),
        ["Azure.AI.Projects"] = AzureAiFoundry,
        ["Azure.AI.Agents.Persistent"] = AzureAiFoundry,
        [OpenAiApiNamespace] = OpenAiApi,
        ["Microsoft.SemanticKernel.Agents.AzureAI"] = AzureAiFoundry,
    };

    /// <summary>
    /// Namespaces whose types another vendor's client of the same family is used with, by the vendors of those clients.
    /// Semantic Kernel's Azure OpenAI connector builds on its OpenAI connector (<c>AzureOpenAIPromptExecutionSettings :
    /// OpenAIPromptExecutionSettings</c>; <c>ToolCallBehavior</c> lives in <c>Connectors.OpenAI</c>; microsoft/semantic-kernel
    /// dotnet/src/Connectors/Connectors.AzureOpenAI), and <c>AzureOpenAIClient</c> derives from <c>OpenAIClient</c> and
    /// hands out <c>OpenAI.Chat.ChatClient</c> (Azure.AI.OpenAI README). So where the file builds the other vendor's
    /// client, the import is for types and names no party of its own; with no client of the family in the file it stays
    /// a possible party, lower confidence (held-out code run, bench/CODE-CORPUS.md class 9).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> SharedTypeNamespaces = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["Microsoft.SemanticKernel.Connectors.OpenAI"] = ["azure-openai"],
        ["OpenAI"] = ["azure-openai"],
        ["OpenAI.Chat"] = ["azure-openai"],
    };

    /// <summary>Named arguments and option properties that hold an endpoint.</summary>
    public static readonly IReadOnlySet<string> EndpointNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "endpoint", "baseUrl", "baseUri", "baseAddress", "apiBase", "apiEndpoint", "uri", "host", "ApiUrlFormat",
    };

    /// <summary>SDK methods that send a prompt (chat, completion, embedding, responses).</summary>
    public static readonly IReadOnlySet<string> InferenceMethods = new HashSet<string>(StringComparer.Ordinal)
    {
        "CompleteChat", "CompleteChatAsync", "CompleteChatStreaming", "CompleteChatStreamingAsync",
        "GenerateEmbedding", "GenerateEmbeddingAsync", "GenerateEmbeddings", "GenerateEmbeddingsAsync",
        "CreateResponse", "CreateResponseAsync", "GetResponseAsync", "GetStreamingResponseAsync",
        "GetChatMessageContentAsync", "GetChatMessageContentsAsync", "GetStreamingChatMessageContentsAsync", "InvokePromptAsync",
        "GetClaudeMessageAsync", "StreamClaudeMessageAsync", "GenerateContentAsync", "GenerateContentStreamAsync",
        // Foundry agents: a message on a thread carries the user's text, a run sends the thread to the model.
        "CreateMessage", "CreateMessageAsync", "CreateRun", "CreateRunAsync", "CreateRunStreaming", "CreateRunStreamingAsync",
        "CreateThreadAndRun", "CreateThreadAndRunAsync",
        // The OpenAI_API community library (OkGoDoIt/OpenAI-API-dotnet: CompletionEndpoint, ChatEndpoint, EmbeddingEndpoint, Conversation).
        "CreateCompletionAsync", "CreateCompletionsAsync", "StreamCompletionAsync", "StreamCompletionEnumerableAsync", "GetCompletion",
        "CreateChatCompletionAsync", "StreamChatEnumerableAsync", "StreamChatAsync", "GetResponseFromChatbotAsync", "StreamResponseEnumerableFromChatbotAsync",
        "CreateEmbeddingAsync", "GetEmbeddingsAsync",
    };

    /// <summary>SDK methods that only list models: metadata, no prompt.</summary>
    public static readonly IReadOnlySet<string> ListingMethods = new HashSet<string>(StringComparer.Ordinal)
    {
        "GetModels", "GetModelsAsync", "ListModels", "ListModelsAsync", "ListLocalModelsAsync",
    };

    /// <summary>HttpClient methods whose first argument is the request URI.</summary>
    public static readonly IReadOnlySet<string> HttpMethods = new HashSet<string>(StringComparer.Ordinal)
    {
        "GetAsync", "PostAsync", "PutAsync", "SendAsync", "GetStringAsync", "GetStreamAsync", "GetByteArrayAsync",
        "PostAsJsonAsync", "GetFromJsonAsync", "PutAsJsonAsync", "HttpRequestMessage",
    };

    /// <summary>Logging and console calls: a URL in their text is a message about a call, not a call.</summary>
    public static readonly IReadOnlySet<string> ProseMethods = new HashSet<string>(StringComparer.Ordinal)
    {
        "LogTrace", "LogDebug", "LogInformation", "LogWarning", "LogError", "LogCritical", "Log", "BeginScope",
        "WriteLine", "Write", "Trace", "TraceInformation", "TraceWarning", "TraceError", "Debug", "Information", "Warning",
        "Error", "Fatal", "Verbose", "Assert",
    };

    /// <summary>
    /// Switches that put prompt and completion text into GenAI telemetry, so an exporter in the same file receives it:
    /// Microsoft.Extensions.AI's <c>OpenTelemetryChatClient.EnableSensitiveData = true</c> ("whether potentially
    /// sensitive information should be included in telemetry", learn.microsoft.com dotnet api, read 2026-11-30) and
    /// Semantic Kernel's <c>AppContext.SetSwitch("Microsoft.SemanticKernel.Experimental.GenAI.EnableOTelDiagnosticsSensitive", true)</c>
    /// (Semantic Kernel observability docs). Found in the public-code corpus run (bench/CODE-CORPUS.md).
    /// </summary>
    public static bool IsSensitiveTelemetrySwitch(string name) =>
        name is "EnableSensitiveData" or "Microsoft.SemanticKernel.Experimental.GenAI.EnableOTelDiagnosticsSensitive";

    /// <summary>Exceptions whose message text is prose.</summary>
    public static bool IsProseType(string typeName) => typeName.EndsWith("Exception", StringComparison.Ordinal);

    /// <summary>What a request path does: send a prompt, list models, or neither that we can tell.</summary>
    public static CallKind? KindOfPath(string path)
    {
        var p = path.Split('?', '#')[0].TrimEnd('/').ToLowerInvariant();
        string[] inference = ["chat/completions", "/completions", "/messages", "/responses", "/embeddings", ":generatecontent", ":streamgeneratecontent", "/api/chat", "/api/generate", "/rerank"];
        if (inference.Any(p.EndsWith) || p is "completions" or "messages" or "responses" or "embeddings" or "chat/completions" or "api/chat" or "api/generate")
        {
            return CallKind.Inference;
        }

        return p == "models" || p.EndsWith("/models", StringComparison.Ordinal) || p.EndsWith("/api/tags", StringComparison.Ordinal) ? CallKind.Listing : null;
    }
}

/// <summary>What a call site sends: a prompt, or only a request for the model list.</summary>
internal enum CallKind
{
    Inference,
    Listing,
}

/// <summary>
/// Which self-hosted engine an address on the operator's network names, by host name or default port: LiteLLM proxy
/// 4000 (docs.litellm.ai proxy quick start), Ollama 11434, LM Studio 1234, vLLM 8000 only with its name (8000 is
/// common), TGI and llama.cpp by name. Null when the address names none. With <c>portAlone</c> false the common ports
/// 4000 and 1234 name nothing by themselves (as <c>LexicalAddresses.ServerOf</c>; held-out code run, bench/CODE-CORPUS.md class 3).
/// </summary>
internal static class CSharpEngines
{
    public const string LiteLlm = "LiteLLM proxy";

    public static string? Of(CodeUrl url, bool portAlone = true)
    {
        var host = url.Host;
        return host.Contains("litellm", StringComparison.Ordinal) || (portAlone && url.Port == 4000) ? LiteLlm
            : host.Contains("ollama", StringComparison.Ordinal) || url.Port == 11434 ? "Ollama"
            : host.Contains("vllm", StringComparison.Ordinal) ? "vLLM"
            : host.Contains("lmstudio", StringComparison.Ordinal) || host.Contains("lm-studio", StringComparison.Ordinal) || (portAlone && url.Port == 1234) ? "LM Studio"
            : host.Contains("tgi", StringComparison.Ordinal) || host.Contains("text-generation", StringComparison.Ordinal) ? "TGI"
            : host.Contains("llama-cpp", StringComparison.Ordinal) || host.Contains("llamacpp", StringComparison.Ordinal) ? "llama.cpp"
            : null;
    }
}
