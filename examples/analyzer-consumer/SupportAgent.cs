using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Acme.Support.Llm;

namespace Acme.Support;

/// <summary>
/// Business code written before the adapter existed. Each gateway detail here is a GW00N warning; the
/// comments say which. README.md lists the expected build output.
/// </summary>
public sealed class SupportAgent(HttpClient http, ILlmGateway gateway)
{
    private const string Model = "anthropic/claude-sonnet-4.6"; // GW002

    private static readonly string[] Fallbacks = ["openai/gpt-4o", "google/gemini-2.5-pro"]; // GW002 x2

    public async Task<string> AnswerAsync(string question)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://openrouter.ai/api/v1/chat/completions") // GW003
        {
            Content = JsonContent.Create(new
            {
                model = Model, // not reported: the const above is reported where it is declared
                messages = new[] { new ChatMessage("user", question) },
                models = Fallbacks, // GW004
                provider = new { order = new[] { "anthropic" } }, // GW004 x2
            }),
        };
        request.Headers.Add(OpenRouterAdapter.RefererHeader, "https://support.acme.example"); // not reported: the adapter exports it
        request.Headers.Add("X-Title", "Acme Support"); // GW001
        using var response = await http.SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The way it should look: tiers, not slugs; the gateway builds the request.</summary>
    public async Task<string> AnswerThroughGatewayAsync(string question)
    {
        using var request = gateway.CreateChatRequest(ModelTier.Default, [new ChatMessage("user", question)]);
        using var response = await http.SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }
}

/// <summary>A request DTO that carries OpenRouter's routing fields outside the adapter.</summary>
public sealed class LegacyChatRequest
{
    [JsonPropertyName("model")]
    public string Model { get; set; } = "";

    [JsonPropertyName("messages")]
    public List<ChatMessage> Messages { get; set; } = [];

    [JsonPropertyName("transforms")] // GW004
    public List<string> Transforms { get; set; } = ["middle-out"];
}

/// <summary>Ordinary strings that look a little like gateway details and are not reported.</summary>
public static class NotGatewayDetails
{
    public const string Mime = "text/plain";
    public const string Date = "2024/10/21";
    public const string Path = "prompts/support.md";
    public const string Docs = "See https://openrouter.ai/docs for what the adapter sets.";
    public static readonly object Query = new { order = "desc", provider = "stripe" };
}
