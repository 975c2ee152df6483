using GatewayAudit.Core.Model;

namespace GatewayAudit.Core.Scanning;

/// <summary>Every literal secret a reader met is a finding, shown redacted.</summary>
public sealed class LiteralSecretFindings : IFindingSource
{
    public const string RuleId = "literal-secret";

    public IEnumerable<Finding> Evaluate(AuditContext context) =>
        context.Model.Secrets.Select(secret => new Finding
        {
            RuleId = RuleId,
            Severity = Severity.High,
            Title = "Literal secret in config",
            Message = $"'{secret.Key}' holds a literal secret ({secret.Redacted}); anyone who can read this file or its history has it.",
            Remediation = "Move the value to a secret store or an environment variable and reference it (os.environ/NAME); rotate the exposed secret.",
            Location = secret.Location,
            Subject = secret.Key,
        });
}
