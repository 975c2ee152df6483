namespace GatewayAudit.Core.Model;

/// <summary>A policy result: a rule that fired on a component, flow or input location.</summary>
public sealed record Finding
{
    public required string RuleId { get; init; }

    public required Severity Severity { get; init; }

    public required string Title { get; init; }

    public required string Message { get; init; }

    public required string Remediation { get; init; }

    public SourceLocation? Location { get; init; }

    /// <summary>The component or flow key the finding is about, when there is one.</summary>
    public string? Subject { get; init; }

    public IReadOnlyList<string> References { get; init; } = [];

    /// <summary>Set when an inline comment or the baseline suppresses it; suppressed findings stay in JSON and SARIF.</summary>
    public Suppression? Suppression { get; init; }

    public bool Suppressed => Suppression is { Expired: false };
}

/// <summary>Why a finding is accepted, by whom (inline or baseline), and until when.</summary>
public sealed record Suppression(string Kind, string Reason, DateOnly? Until, SourceLocation? Location, bool Expired);
