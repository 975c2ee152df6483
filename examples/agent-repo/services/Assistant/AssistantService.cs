namespace Acme.Assistant;

/// <summary>Answers customer questions; knows nothing about which gateway serves the model.</summary>
public sealed class AssistantService(IChatModel model)
{
    public Task<string> AnswerAsync(string question, CancellationToken cancellationToken) =>
        model.CompleteAsync($"Answer the customer's question politely:\n\n{question}", cancellationToken);
}
