using GatewayAudit.Core.Model;

namespace GatewayAudit.Core.Policies;

/// <summary>One rule of the policy pack, as loaded from policies/rules/*.yaml or a --policies folder.</summary>
public sealed record PolicyRule
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public required Severity Severity { get; init; }

    public string Description { get; init; } = "";

    public required string Message { get; init; }

    public required string Remediation { get; init; }

    public IReadOnlyList<string> References { get; init; } = [];

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>File-name globs whose evidence a finding prefers as its location (e.g. the compose file for image rules).</summary>
    public IReadOnlyList<string> EvidenceFiles { get; init; } = [];

    public required RuleSelector Selector { get; init; }

    /// <summary>Null when the selection alone is the finding.</summary>
    public RuleCondition? When { get; init; }

    public IReadOnlyList<RuleTestCase> Tests { get; init; } = [];

    /// <summary>The rule file and the line of its id, for messages.</summary>
    public required SourceLocation Origin { get; init; }
}

public enum SubjectKind
{
    Component,
    Flow,
    Secret,
}

/// <summary>Which subjects of the stack model a rule looks at: components, flows (with filters on both ends) or literal secrets.</summary>
public sealed record RuleSelector(SubjectKind Kind, ComponentFilter Filter, IReadOnlyList<DataCategory> Carries, ComponentFilter? From, ComponentFilter? To);

/// <summary>Quick filters on a component; each list present must match (any of its values).</summary>
public sealed record ComponentFilter(
    IReadOnlyList<string>? Ids = null,
    IReadOnlyList<ComponentRole>? Roles = null,
    IReadOnlyList<string>? Vendors = null,
    IReadOnlyList<Hosting>? Hostings = null,
    IReadOnlyList<DataCategory>? Receives = null)
{
    public static ComponentFilter Any { get; } = new();
}

/// <summary>A value a rule compares a fact with: a literal (text, number, bool, list) or an organisation setting.</summary>
public sealed record Operand(object? Literal, string? Setting)
{
    public static Operand Of(object? literal) => new(literal, null);
}

/// <summary>A condition over a subject's facts or over the graph around it.</summary>
public abstract record RuleCondition(SourceLocation Location);

/// <summary><c>fact: PATH</c> with one or more operators (equals, in, greaterThan ...); every operator given must hold.</summary>
public sealed record FactCondition(SourceLocation Location, string Fact, IReadOnlyList<(string Operator, Operand Operand)> Tests) : RuleCondition(Location);

public sealed record AllCondition(SourceLocation Location, IReadOnlyList<RuleCondition> Conditions) : RuleCondition(Location);

public sealed record AnyCondition(SourceLocation Location, IReadOnlyList<RuleCondition> Conditions) : RuleCondition(Location);

public sealed record NotCondition(SourceLocation Location, RuleCondition Condition) : RuleCondition(Location);

/// <summary>
/// <c>reaches</c> / <c>reachedFrom</c>: some component joined to this one by a path of flows, each carrying one of
/// <see cref="Carrying"/> (any flow when empty), satisfies <see cref="Where"/>.
/// </summary>
public sealed record ReachCondition(SourceLocation Location, bool Downstream, IReadOnlyList<DataCategory> Carrying, RuleCondition? Where) : RuleCondition(Location);

/// <summary><c>flowsIn</c> / <c>flowsOut</c>: some flow into (out of) this component satisfies the inner condition.</summary>
public sealed record FlowCondition(SourceLocation Location, bool Incoming, RuleCondition Where) : RuleCondition(Location);

/// <summary>A rule's own test case: an input snippet and whether the rule must fire on it.</summary>
public sealed record RuleTestCase
{
    public required string Name { get; init; }

    public string? Config { get; init; }

    public IReadOnlyDictionary<string, string> Files { get; init; } = new Dictionary<string, string>();

    /// <summary>Component id -> attribute name -> value, set on the model after reading (for facts no reader emits yet).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, object>> Attributes { get; init; } = new Dictionary<string, IReadOnlyDictionary<string, object>>();

    public PolicySettings? Settings { get; init; }

    public required bool ExpectFire { get; init; }

    public int? Count { get; init; }

    public required SourceLocation Location { get; init; }
}
