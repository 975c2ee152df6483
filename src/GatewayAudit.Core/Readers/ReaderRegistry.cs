using GatewayAudit.Core.Readers.LiteLlm;

namespace GatewayAudit.Core.Readers;

/// <summary>The one place readers are registered. The first reader that recognises a file reads it.</summary>
public static class ReaderRegistry
{
    public static IReadOnlyList<IConfigReader> Default { get; } =
    [
        new LiteLlmConfigReader(),
    ];
}
