using GatewayAudit.Core.Model;
using GatewayAudit.Core.Yaml;

namespace GatewayAudit.Core.Readers;

/// <summary>
/// A variable a deployment file gives a process (compose <c>environment:</c>, a <c>.env</c> line, Kubernetes
/// <c>env:</c>): its value as a scalar, the place it is written, and how it was given ("docker-compose.yaml
/// services.litellm.environment"). A value that is only a reference (a Kubernetes secretKeyRef) has a null Node.
/// </summary>
public sealed record EnvironmentValue(string Name, YamlScalar? Node, SourceLocation At, string Origin)
{
    /// <summary>The value when the files show it; null for a reference whose value lives elsewhere (a Secret).</summary>
    public string? Value => Node?.Value;
}
