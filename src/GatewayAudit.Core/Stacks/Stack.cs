using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers;

namespace GatewayAudit.Core.Stacks;

/// <summary>
/// The files of one deployment, assembled: its LiteLLM config (on disk or embedded in a manifest), the deployment
/// files that run it, the .env files they read, and the stack model joined from all of them.
/// </summary>
public sealed class Stack(string id, string name)
{
    /// <summary>Stable id ("stack:deploy/prod"), from the folder or file that anchors the stack.</summary>
    public string Id { get; } = id;

    /// <summary>What the reader sees: the config's path, or the deployment file's for a stack without a config.</summary>
    public string Name { get; } = name;

    public List<InputFile> Files { get; } = [];

    /// <summary>Why each file is part of this stack ("mounted by the proxy in docker-compose.yaml"), in file order.</summary>
    /// <remarks>Two arrays rather than a tree with a node per file: most stacks hold one or two files (bench/SCALE.md round 15).</remarks>
    public SortedList<string, string> Membership { get; } = new(StringComparer.Ordinal);

    public StackModel Model { get; } = new();

    public SecretLedger Secrets { get; } = new();
}
