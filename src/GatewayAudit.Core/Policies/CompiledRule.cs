using System.Runtime.CompilerServices;

namespace GatewayAudit.Core.Policies;

/// <summary>
/// What the rule engine works out from a rule alone, once per rule rather than once per rule per stack: its selector's
/// filters and its condition made ready to test, the fact paths it tests (where its findings point), whether it judges
/// certainty itself, and its message and remediation cut at their placeholders.
/// </summary>
internal sealed class CompiledRule
{
    private static readonly ConditionalWeakTable<PolicyRule, CompiledRule> Known = [];

    private CompiledRule(PolicyRule rule)
    {
        Rule = rule;
        var selector = rule.Selector;
        Filter = new ComponentMatch(selector.Filter);
        From = selector.From is null ? null : new ComponentMatch(selector.From);
        To = selector.To is null ? null : new ComponentMatch(selector.To);
        When = rule.When is null ? null : RuleCheck.Of(rule.When);
        TestedFacts = [.. RuleEngine.FactPaths(rule.When)];
        TestedPaths = [.. TestedFacts.Select(FactPath.Of)];
        JudgesCertainty = ConditionalFindings.JudgesCertainty(TestedFacts);
        Message = MessageTemplate.Of(rule.Message, rule.Selector.Kind);
        Remediation = MessageTemplate.Of(rule.Remediation, rule.Selector.Kind);
    }

    public PolicyRule Rule { get; }

    /// <summary>The selector's filter on a component subject.</summary>
    public ComponentMatch Filter { get; }

    /// <summary>The selector's filters on a flow's ends, when it has them.</summary>
    public ComponentMatch? From { get; }

    public ComponentMatch? To { get; }

    /// <summary>The rule's condition, null when the selection alone is the finding.</summary>
    public RuleCheck? When { get; }

    public IReadOnlyList<string> TestedFacts { get; }

    public FactPath[] TestedPaths { get; }

    public bool JudgesCertainty { get; }

    public MessageTemplate Message { get; }

    public MessageTemplate Remediation { get; }

    public static CompiledRule Of(PolicyRule rule) => Known.GetValue(rule, static r => new CompiledRule(r));
}
