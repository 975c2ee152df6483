using System.Runtime.CompilerServices;

namespace GatewayAudit.Core.Policies;

/// <summary>
/// What the rule engine works out from a rule alone, once per rule rather than once per rule per stack: the fact
/// paths it tests (where its findings point), whether it judges certainty itself, and its message and remediation
/// cut at their placeholders.
/// </summary>
internal sealed class CompiledRule
{
    private static readonly ConditionalWeakTable<PolicyRule, CompiledRule> Known = [];

    private CompiledRule(PolicyRule rule)
    {
        TestedFacts = [.. RuleEngine.FactPaths(rule.When)];
        JudgesCertainty = ConditionalFindings.JudgesCertainty(TestedFacts);
        Message = MessageTemplate.Of(rule.Message, rule.Selector.Kind);
        Remediation = MessageTemplate.Of(rule.Remediation, rule.Selector.Kind);
    }

    public IReadOnlyList<string> TestedFacts { get; }

    public bool JudgesCertainty { get; }

    public MessageTemplate Message { get; }

    public MessageTemplate Remediation { get; }

    public static CompiledRule Of(PolicyRule rule) => Known.GetValue(rule, static r => new CompiledRule(r));
}
