using GatewayAudit.Core.Readers.LiteLlm;

namespace GatewayAudit.Core.Readers.Code;

/// <summary>What an address in code says by itself: the call its path makes, the port, and the server it names.</summary>
internal static class LexicalAddresses
{
    /// <summary>
    /// LiteLLM's proxy listens on port 4000 by default (docs.litellm.ai/docs/proxy/quick_start, "Running on
    /// http://0.0.0.0:4000"); Ollama on 11434 (docs.ollama.com/api); LM Studio's server on 1234 (lmstudio.ai/docs/app/api).
    /// </summary>
    public const int LiteLlmProxyPort = 4000;

    private static readonly (string Word, string Server)[] ServerNames =
    [
        ("litellm", "LiteLLM proxy"), ("ollama", "Ollama"), ("vllm", "vLLM"), ("tgi", "Text Generation Inference"),
        ("text-generation", "Text Generation Inference"), ("lmstudio", "LM Studio"), ("lm-studio", "LM Studio"), ("llamacpp", "llama.cpp"),
        ("llama-cpp", "llama.cpp"), ("llama-server", "llama.cpp"), ("llamafile", "llamafile"),
    ];

    /// <summary>
    /// The call an address's path makes: a listing (<c>/models</c>), embeddings, or a chat/completion/generation; null for
    /// a base URL or any other path. The path must end in an LLM API's own route (as the C# reader's
    /// <c>CSharpSdkShapes.KindOfPath</c>): a segment that only holds the word (<c>slack.com/api/chat.postMessage</c>,
    /// a messaging API's <c>/channels/1/messages</c>) is not one (held-out code run, bench/CODE-CORPUS.md class 8).
    /// </summary>
    /// <summary>
    /// Whether an address, by itself, names a party a request to it reaches: a known provider, gateway or observability
    /// host; a private host with an LLM API path, an inference server's name or distinctive port; a public host with an
    /// LLM API path and a scheme. A known non-LLM API (Slack, Discord ...) never does. <paramref name="call"/> is the call
    /// its path makes. Shared by the lexical readers' string literals and the .NET configuration join of a raw HTTP
    /// request's URL (Stacks/SettingsFileJoin), so an address counts the same wherever it is written.
    /// </summary>
    public static bool NamesParty(string url, out LexicalCallKind? call)
    {
        call = null;
        if (HostClassifier.HostOf(url) is not { } host || LexicalVocabulary.IsNonInferenceHost(host))
        {
            return false;
        }

        call = CallOf(url, host);
        var known = LexicalVocabulary.ServiceByHost(host) is not null || LiteLlmProviders.FindByHost(host) is not null;
        var isPrivate = HostClassifier.IsOperatorNetwork(host);
        return known || (isPrivate && (call is not null || ServerOf(url, host, portAlone: false) is not null))
            || (!isPrivate && call is not null && url.Contains("://", StringComparison.Ordinal));
    }

    public static LexicalCallKind? CallOf(string url, string host)
    {
        var path = PathOf(url, host).TrimEnd('/');
        if (path.EndsWith("/models", StringComparison.Ordinal) || path.EndsWith("/api/tags", StringComparison.Ordinal))
        {
            return LexicalCallKind.Listing;
        }

        if (EmbeddingRoutes.Any(r => path.EndsWith(r, StringComparison.Ordinal)))
        {
            return LexicalCallKind.Embedding;
        }

        return ChatRoutes.Any(r => path.EndsWith(r, StringComparison.Ordinal)) ? LexicalCallKind.Chat : null;
    }

    // OpenAI-compatible /chat/completions, /completions and /responses; Anthropic's /v1/messages; Ollama's /api/chat and
    // /api/generate; Gemini's :generateContent; TGI's /generate.
    private static readonly string[] ChatRoutes =
    [
        "/chat/completions", "/completions", "/responses", "/v1/messages", "/api/chat", "/api/generate", ":generateContent",
        ":streamGenerateContent", "/generate",
    ];

    private static readonly string[] EmbeddingRoutes = ["/embeddings", "/api/embed", "/api/embeddings"];

    /// <summary>
    /// The inference server or proxy an address names by its host name or default port; null when it does not say.
    /// With <paramref name="portAlone"/> false, a port many other servers use too (4000, LiteLLM's; 1234, LM Studio's)
    /// names nothing by itself: a string such as <c>process.env.RESOLVER_URL || 'localhost:4000'</c> handed to a gRPC
    /// client is not the proxy (held-out code run, bench/CODE-CORPUS.md class 3). Given to an LLM SDK as its base URL,
    /// or with an LLM API path, the port does name it.
    /// </summary>
    public static string? ServerOf(string url, string host, bool portAlone = true)
    {
        foreach (var (word, server) in ServerNames)
        {
            if (host.Contains(word, StringComparison.Ordinal))
            {
                return server;
            }
        }

        return PortOf(url) switch
        {
            LiteLlmProxyPort when portAlone => "LiteLLM proxy",
            11434 => "Ollama",
            1234 when portAlone => "LM Studio",
            _ => null,
        };
    }

    public static int? PortOf(string url)
    {
        var text = url.Contains("://", StringComparison.Ordinal) ? url : "http://" + url;
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && !uri.IsDefaultPort ? uri.Port : null;
    }

    /// <summary>host, or host:port when the address gives a port.</summary>
    public static string HostAndPort(string url, string host) => PortOf(url) is { } port ? $"{host}:{port}" : host;

    /// <summary>The path of a URL after its host, without query or fragment ("" when none).</summary>
    public static string PathOf(string url, string host)
    {
        var at = url.IndexOf(host, StringComparison.OrdinalIgnoreCase);
        var rest = at >= 0 ? url[(at + host.Length)..] : url;
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var path = slash >= 0 ? rest[slash..] : "";
        var query = path.IndexOfAny(['?', '#']);
        return query >= 0 ? path[..query] : path;
    }
}
