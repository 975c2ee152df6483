using GatewayAudit.Core.Model;
using GatewayAudit.Core.Policies;
using GatewayAudit.Core.Readers;

namespace GatewayAudit.Core.Scanning;

/// <summary>
/// Just the built-in <c>literal-secret</c> rule (policies/rules/literal-secret.yaml), for callers that want secret
/// findings without the whole pack. A scan runs it as part of <see cref="PolicyFindings"/>.
/// </summary>
public sealed class LiteralSecretFindings : IFindingSource
{
    public const string RuleId = "literal-secret";

    public IEnumerable<Finding> Evaluate(AuditContext context)
    {
        var root = context.Options.ResourceRoot;
        var file = Path.Combine(PolicyPack.RulesDir(root), RuleId + ".yaml");
        var text = InputText.Read(file, "policies/rules/" + RuleId + ".yaml", context.Diagnostics);
        var rule = text is null ? null : PolicyPack.Parse("policies/rules/" + RuleId + ".yaml", text, validator: null, context.Diagnostics); // built in: schema-checked in tests
        return rule is null ? [] : RuleEngine.Evaluate(rule, new PolicyContext(context.Model, context.Catalog, PolicySettings.Default)).ToList();
    }
}
