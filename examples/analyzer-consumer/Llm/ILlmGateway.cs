namespace Acme.Support.Llm;

/// <summary>What the agent needs from any gateway, in its own terms.</summary>
public interface ILlmGateway
{
    HttpRequestMessage CreateChatRequest(ModelTier tier, IReadOnlyList<ChatMessage> messages);
}

public enum ModelTier
{
    Default,
    CheapFast,
}

public sealed record ChatMessage(string Role, string Content);

/// <summary>Marks a gateway adapter; the analyzer matches the attribute by name.</summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class GatewayAdapterAttribute : Attribute
{
}
