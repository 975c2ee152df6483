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

    /// <summary>
    /// Set when the finding is about a party the inputs show only as possible (an SDK only imported, a model named
    /// as data): the finding holds only if that party is used, and its severity is one level below the rule's.
    /// </summary>
    public FindingCondition? Condition { get; init; }
}

/// <summary>What a conditional finding depends on: the possible party, why it is only possible, and the rule's own severity.</summary>
public sealed record FindingCondition(PossibleBasis Basis, Severity RuleSeverity);

/// <summary>Why a finding is accepted, by whom (inline or baseline), and until when.</summary>
public sealed record Suppression(string Kind, string Reason, DateOnly? Until, SourceLocation? Location, bool Expired);
