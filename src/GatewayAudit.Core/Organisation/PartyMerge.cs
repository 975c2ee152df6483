using GatewayAudit.Core.Reports;

namespace GatewayAudit.Core.Organisation;

/// <summary>
/// Combines the rows of one party (by id) from several repositories: data categories are the union, regions and
/// texts that differ are all kept with their repositories, ZDR is the weakest and names where it is so, hosting is
/// third party if any repository shows it so.
/// </summary>
internal static class PartyMerge
{
    public static SubProcessorRow Subprocessor(List<Use<SubProcessorRow>> uses)
    {
        var first = uses[0].Row;
        if (uses.Count == 1)
        {
            return first;
        }

        var hosting = Uses.WeakestHosting(uses.Select(u => u.Row.Hosting));
        var zdr = Uses.WeakestZdr(uses.Select(u => u.Row.Zdr));
        var weakest = uses.Where(u => u.Row.Zdr == zdr).ToList();
        var hostingNote = uses.Select(u => u.Row.Hosting).Distinct().Count() > 1
            ? [$"hosting differs between repositories: {Uses.Agreed(uses, r => r.Hosting)}"]
            : Array.Empty<string>();
        return first with
        {
            LegalEntity = Uses.Agreed(uses, r => r.LegalEntity),
            Role = Uses.Agreed(uses, r => r.Role),
            ThirdParty = hosting != "operator-hosted",
            Hosting = hosting,
            DataCategories = Uses.Categories(uses.SelectMany(u => u.Row.DataCategories)),
            Region = Uses.Agreed(uses, r => r.Region),
            Retention = Uses.Agreed(uses, r => r.Retention),
            Zdr = zdr,
            ZdrDetail = $"weakest in {string.Join(", ", weakest.Select(u => u.Repository).Distinct())}: {Uses.Agreed(weakest, r => r.ZdrDetail)}",
            Evidence = Uses.Evidence(uses.SelectMany(u => u.Row.Evidence)),
            Notes = [.. hostingNote.Concat(uses.SelectMany(u => u.Row.Notes)).Distinct(StringComparer.Ordinal)],
            SubProcessorOf = Uses.AgreedOrNull(uses, r => r.SubProcessorOf),
            SubProcessorOfName = Uses.AgreedOrNull(uses, r => r.SubProcessorOfName),
        };
    }

    public static ComponentRow Component(List<Use<ComponentRow>> uses) => uses[0].Row with
    {
        Hosting = Uses.WeakestHosting(uses.Select(u => u.Row.Hosting)),
        Receives = Uses.Categories(uses.SelectMany(u => u.Row.Receives)),
        // Attributes are one repository's configuration: the merged component says only where it is used.
        Attributes = Repositories(uses),
        Evidence = Uses.Evidence(uses.SelectMany(u => u.Row.Evidence)),
        SubProcessorOf = Uses.AgreedOrNull(uses, r => r.SubProcessorOf),
    };

    public static FlowRow Flow(List<Use<FlowRow>> uses) => uses[0].Row with
    {
        DataCategories = Uses.Categories(uses.SelectMany(u => u.Row.DataCategories)),
        Attributes = Repositories(uses),
        Evidence = Uses.Evidence(uses.SelectMany(u => u.Row.Evidence)),
    };

    public static AnnexRow Annex(List<Use<AnnexRow>> uses)
    {
        var categories = Uses.Categories(uses.SelectMany(u => u.Row.DataCategories));
        return uses[0].Row with
        {
            Hosting = Uses.WeakestHosting(uses.Select(u => u.Row.Hosting)),
            Via = Uses.AgreedOrNull(uses, r => r.Via),
            LegalEntity = Uses.Agreed(uses, r => r.LegalEntity),
            EeaLegalEntity = Uses.AgreedOrNull(uses, r => r.EeaLegalEntity),
            Country = Uses.Agreed(uses, r => r.Country),
            Locations = Uses.Agreed(uses, r => r.Locations),
            Purpose = Uses.Agreed(uses, r => r.Purpose),
            DataCategories = categories,
            DataReceived = uses.Count == 1 ? uses[0].Row.DataReceived : Uses.DataText(categories),
            TransferMechanism = Uses.Agreed(uses, r => r.TransferMechanism),
            Retention = Uses.Agreed(uses, r => r.Retention),
            Safeguards = Uses.Agreed(uses, r => r.Safeguards),
        };
    }

    public static OperatorSystemRow OperatorSystem(List<Use<OperatorSystemRow>> uses) => uses[0].Row with
    {
        Purpose = Uses.Agreed(uses, r => r.Purpose),
        DataCategories = Uses.Categories(uses.SelectMany(u => u.Row.DataCategories)),
        DataHeld = Uses.Agreed(uses, r => r.DataHeld),
        Location = Uses.Agreed(uses, r => r.Location),
        Retention = Uses.Agreed(uses, r => r.Retention),
    };

    public static AnnexEvidenceRow AnnexEvidence(List<Use<AnnexEvidenceRow>> uses) => uses[0].Row with
    {
        Evidence = [.. Uses.Evidence(uses.SelectMany(u => u.Row.Evidence)).Take(AnnexBuilder.EvidenceCap)],
        Total = uses.Sum(u => u.Row.Total),
    };

    public static LockInRow LockIn(List<Use<LockInRow>> uses) => uses[0].Row with
    {
        Count = uses.Sum(u => u.Row.Count),
        Items = [.. uses.SelectMany(u => u.Row.Items).Distinct(StringComparer.Ordinal).Take(AnnexBuilder.EvidenceCap)],
        Locations = [.. Uses.Evidence(uses.SelectMany(u => u.Row.Locations)).Take(AnnexBuilder.EvidenceCap)],
    };

    public static FactToConfirmRow FactToConfirm(List<Use<FactToConfirmRow>> uses) => uses[0].Row with
    {
        Facts = [.. uses.SelectMany(u => u.Row.Facts).Distinct(StringComparer.Ordinal)],
    };

    private static SortedDictionary<string, object> Repositories<T>(List<Use<T>> uses) =>
        new(StringComparer.Ordinal) { ["repositories"] = uses.Select(u => u.Repository).Distinct().ToArray() };
}
