using GatewayAudit.Core.Model;
using GatewayAudit.Core.Policies;

namespace GatewayAudit.Cli;

/// <summary>A rule's selector and condition in one readable line each, for <c>explain</c>.</summary>
public static class RuleDescription
{
    public static string Selector(RuleSelector selector)
    {
        var parts = new List<string>();
        switch (selector.Kind)
        {
            case SubjectKind.Secret:
                return "every literal secret the readers found in a config";
            case SubjectKind.Flow:
                parts.Add(selector.Carries.Count > 0 ? $"every flow carrying {string.Join(" or ", selector.Carries.Select(EnumText.Of))}" : "every flow");
                if (selector.From is not null)
                {
                    parts.Add($"from {Filter(selector.From)}");
                }

                if (selector.To is not null)
                {
                    parts.Add($"to {Filter(selector.To)}");
                }

                return string.Join(" ", parts);
            default:
                return $"every {Filter(selector.Filter)}";
        }
    }

    private static string Filter(ComponentFilter filter)
    {
        var parts = new List<string> { filter.Roles is { } roles ? string.Join(" or ", roles.Select(EnumText.Of)) : "component" };
        if (filter.Hostings is { } hostings)
        {
            parts.Add($"with hosting {string.Join(" or ", hostings.Select(EnumText.Of))}");
        }

        if (filter.Ids is { } ids)
        {
            parts.Add($"with id {string.Join(" or ", ids)}");
        }

        if (filter.Vendors is { } vendors)
        {
            parts.Add($"of vendor {string.Join(" or ", vendors)}");
        }

        if (filter.Receives is { } receives)
        {
            parts.Add($"receiving {string.Join(" or ", receives.Select(EnumText.Of))}");
        }

        return string.Join(" ", parts);
    }

    public static string Condition(RuleCondition condition) => condition switch
    {
        AllCondition all => all.Conditions.Count == 1 ? Condition(all.Conditions[0]) : "(" + string.Join(" and ", all.Conditions.Select(Condition)) + ")",
        AnyCondition any => any.Conditions.Count == 1 ? Condition(any.Conditions[0]) : "(" + string.Join(" or ", any.Conditions.Select(Condition)) + ")",
        NotCondition not => $"not {Condition(not.Condition)}",
        FactCondition fact => string.Join(" and ", fact.Tests.Select(t => $"{fact.Fact} {t.Operator} {Operand(t.Operand)}")),
        ReachCondition reach => $"{(reach.Downstream ? "it reaches" : "it is reached from")}"
            + (reach.Carrying.Count > 0 ? $" (via flows carrying {string.Join(" or ", reach.Carrying.Select(EnumText.Of))})" : "")
            + (reach.Where is null ? " any component" : $" a component where {Condition(reach.Where)}"),
        FlowCondition flows => $"{(flows.Incoming ? "a flow into it" : "a flow out of it")} has {Condition(flows.Where)}",
        _ => condition.ToString(),
    };

    private static string Operand(Operand operand) =>
        operand.Setting is { } setting ? $"settings.{setting}" : operand.Literal is string[] list ? $"[{string.Join(", ", list)}]" : RuleSubject.Format(operand.Literal);
}
