using System.Net.Http.Json;

namespace Acme.Support.Llm;

/// <summary>Everything OpenRouter-specific lives here (declared in .editorconfig): nothing in this file is reported.</summary>
public sealed class OpenRouterAdapter(Uri appUrl, string appName) : ILlmGateway
{
    public const string BaseUrl = "https://openrouter.ai/api/v1/";
    public const string RefererHeader = "HTTP-Referer";
    public const string TitleHeader = "X-OpenRouter-Title";

    public HttpRequestMessage CreateChatRequest(ModelTier tier, IReadOnlyList<ChatMessage> messages)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(BaseUrl + "chat/completions"))
        {
            Content = JsonContent.Create(new
            {
                model = Slug(tier),
                messages,
                provider = new { zdr = true, data_collection = "deny", allow_fallbacks = false },
            }),
        };
        request.Headers.Add(RefererHeader, appUrl.ToString());
        request.Headers.Add(TitleHeader, appName);
        return request;
    }

    private static string Slug(ModelTier tier) => tier switch
    {
        ModelTier.CheapFast => "openai/gpt-4o-mini",
        _ => "anthropic/claude-sonnet-4.6",
    };
}
