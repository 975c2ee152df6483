using GatewayAudit.Core.Model;

namespace GatewayAudit.Core.Dpa;

/// <summary>
/// What one of the <c>scan --dpa</c> checks is, for <c>explain</c> and <c>policies list</c>: these compare the stack
/// with a signed annex, which the YAML rule language (conditions over one stack's graph) cannot express, so they are
/// code, and this is their one description (the findings take their titles and severities from here).
/// </summary>
public sealed record DpaCheck(string Id, Severity Severity, string Title, string Checks, string WhyItMatters, string Remediation)
{
    public static readonly DpaCheck Undeclared = new(
        DpaDrift.UndeclaredId, Severity.High,
        "Undeclared transfer: a third party receives data but is not in the signed DPA",
        "every third party a stack sends prompts, completions, metadata or credentials to, against the sub-processors the --dpa annex declares " +
        "(matched by vendor name, legal entity, catalog aliases and host); a gateway's own upstreams are covered by the gateway's entry",
        "GDPR Art. 28(2) and (4): a processor engages another processor only with the controller's prior authorisation, and under a general " +
        "authorisation must inform the controller of each addition before it happens. Data reaching a party the DPA does not name is an unauthorised transfer.",
        "Add the party to the DPA's sub-processor annex and notify customers before the change ('gateway-audit diff' drafts the notice), or stop " +
        "sending data to it. If the annex names it in other words, add those words to the vendor's aliases in a --catalog folder.");

    public static readonly DpaCheck Unconfirmed = new(
        DpaDrift.UnconfirmedId, Severity.Medium,
        "A party of unknown hosting receives data and is not in the signed DPA",
        "every party of unknown hosting (a Postgres, Redis or endpoint whose host the files do not show) that receives data and that the --dpa annex does not declare",
        "If a third party runs it, it is an undeclared transfer; if the operator runs it, it needs no declaring. The files cannot tell which.",
        "Confirm who runs it. If you do (a service beside the proxy, your own cloud account), it is not a sub-processor; if a third party does, add it to the annex.");

    public static readonly DpaCheck Unused = new(
        DpaDrift.UnusedId, Severity.Info,
        "A declared sub-processor receives nothing from the stack",
        "every sub-processor the --dpa annex declares that no scanned stack sends data to (or only to a self-run instance of)",
        "An annex that lists parties no longer used overstates the transfers; customers object to, and audit, what the annex says.",
        "If the stack no longer uses it, remove it from the annex at the next DPA update and tell customers; if something outside the scanned files sends it data, scan that too.");

    public static readonly DpaCheck Unmatched = new(
        DpaDrift.UnmatchedId, Severity.Info,
        "A DPA entry names no vendor the catalog knows and no party in the scan",
        "every --dpa annex row whose name matches no catalog vendor (name, legal entity, alias, host) and no party in the scan",
        "The scan cannot tell whether the stack uses a party it cannot name, so the other DPA checks are blind to it.",
        "If the stack uses it, add a catalog entry (or an alias of an existing one) in a --catalog folder so the scan can match it; if not, remove it from the annex at the next DPA update.");

    /// <summary>What every DPA check and its findings cite: GDPR Art. 28 (processors and sub-processors).</summary>
    public static IReadOnlyList<string> References { get; } = ["https://gdpr-info.eu/art-28-gdpr/"];

    public static IReadOnlyList<DpaCheck> All { get; } = [Undeclared, Unconfirmed, Unused, Unmatched];

    public static DpaCheck? Find(string id) => All.FirstOrDefault(c => string.Equals(c.Id, id, StringComparison.Ordinal));
}
