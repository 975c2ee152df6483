using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Acme.Assistant.Llm;

/// <summary>The one class that knows the assistant talks to OpenRouter.</summary>
[GatewayAdapter]
public sealed class OpenRouterAdapter : IChatModel
{
    private const string BaseUrl = "https://openrouter.ai/api/v1/";

    private readonly HttpClient _http;

    public OpenRouterAdapter(HttpClient http, string apiKey)
    {
        _http = http;
        _http.BaseAddress = new Uri(BaseUrl);
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        _http.DefaultRequestHeaders.Add("HTTP-Referer", "https://assistant.acme.example");
        _http.DefaultRequestHeaders.Add("X-Title", "Acme Assistant");
    }

    public async Task<string> CompleteAsync(string prompt, CancellationToken cancellationToken)
    {
        var request = new
        {
            model = "anthropic/claude-sonnet-4.5",
            models = new[] { "anthropic/claude-sonnet-4.5", "openai/gpt-4o" },
            messages = new[] { new { role = "user", content = prompt } },
            provider = new
            {
                order = new[] { "anthropic", "openai" },
                allow_fallbacks = false,
                data_collection = "deny",
                zdr = true,
            },
        };

        using var response = await _http.PostAsJsonAsync("chat/completions", request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<ChatResponse>(cancellationToken);
        return body?.Choices[0].Message.Content ?? "";
    }
}
