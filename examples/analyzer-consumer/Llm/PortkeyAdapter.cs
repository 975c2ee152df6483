namespace Acme.Support.Llm;

/// <summary>An adapter marked by attribute rather than by .editorconfig: nothing in this file is reported.</summary>
[GatewayAdapter]
public sealed class PortkeyAdapter(string virtualKey) : ILlmGateway
{
    public HttpRequestMessage CreateChatRequest(ModelTier tier, IReadOnlyList<ChatMessage> messages)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "https://api.portkey.ai/v1/chat/completions");
        request.Headers.Add("x-portkey-virtual-key", virtualKey);
        return request;
    }
}
