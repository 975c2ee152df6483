using GatewayAudit.Core.Model;

namespace GatewayAudit.Core.Policies;

/// <summary>
/// A finding about a party the inputs show only as possible (<see cref="PartyCertainty"/>: an SDK only imported, a
/// model name or address held as data, a call through a client the scan could not follow) is stated as a condition,
/// never as a fact: its message starts "If Gemini receives prompts (it is only named as data at app.py:4, ...)", its
/// remediation starts by asking to confirm the use, and its severity is one level below the rule's (a high becomes a
/// medium), because whether the party receives anything is unconfirmed; the rule's own severity is kept in
/// <see cref="FindingCondition.RuleSeverity"/>. A rule that tests <c>possible</c> (or <c>attributes.confidence</c>)
/// itself has judged the certainty: its severity stands, and the wording is still conditional. The finding's subject
/// and location, and so its baseline fingerprint, do not change.
/// </summary>
public static class ConditionalFindings
{
    /// <summary>The fact a rule tests to judge certainty itself.</summary>
    public const string Fact = "possible";

    private const string ConfidenceFact = "attributes.confidence";

    public static Finding Qualify(Finding finding, RuleSubject subject, PolicyContext context, bool judgesCertainty)
    {
        // Worked out once per component or flow of the stack, however many rules find something about it.
        var graph = context.Graph;
        var basis = subject.Kind switch
        {
            SubjectKind.Component => graph.BasisOf(subject.Component!),
            SubjectKind.Flow => graph.BasisOf(subject.Flow!),
            _ => null,
        };
        if (basis is null)
        {
            return finding;
        }

        var receives = subject.Kind == SubjectKind.Flow ? subject.Flow!.DataCategories.Contains(DataCategory.Prompt) : graph.Receives(subject.Component!.Id, DataCategory.Prompt);
        return finding with
        {
            Severity = judgesCertainty ? finding.Severity : Lower(finding.Severity),
            Message = $"If {basis.Party} receives {(receives ? "prompts" : "data")} ({basis.Shown}): {finding.Message}",
            Remediation = $"First confirm whether {basis.Party} is used at all; if it is not, remove the unused {(basis.Confidence == "import-only" ? "import" : "reference")} and this finding goes with it. If it is: {finding.Remediation}",
            Condition = new FindingCondition(basis, finding.Severity),
        };
    }

    /// <summary>Whether a rule's own conditions test certainty (then its severity is the author's judgement).</summary>
    public static bool JudgesCertainty(IEnumerable<string> testedFacts) => testedFacts.Any(f => f is Fact or ConfidenceFact);

    /// <summary>One level down: critical to high, high to medium, medium to low, low to info; info stays.</summary>
    public static Severity Lower(Severity severity) => severity == Severity.Info ? Severity.Info : severity - 1;
}
