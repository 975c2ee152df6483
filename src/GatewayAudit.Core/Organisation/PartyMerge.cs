using GatewayAudit.Core.Reports;

namespace GatewayAudit.Core.Organisation;

/// <summary>
/// Combines the rows of one party (by id) from several repositories: data categories are the union, names, regions and
/// texts that differ are all kept with their repositories (an id such as OpenRouter's "any provider" upstream names
/// different models in different repositories), ZDR is the weakest and names where it is so, hosting is
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
            Name = Uses.Agreed(uses, r => r.Name),
            LegalEntity = Uses.Agreed(uses, r => r.LegalEntity),
            Role = Uses.Agreed(uses, r => r.Role),
            ThirdParty = hosting != "operator-hosted",
            Hosting = hosting,
            DataCategories = Uses.Categories(uses.SelectMany(u => u.Row.DataCategories)),
            Region = Uses.Agreed(uses, r => r.Region),
            Retention = Uses.Agreed(uses, r => r.Retention),
            Zdr = zdr,
            ZdrDetail = $"weakest in {string.Join(", ", weakest.Select(u => u.Repository).Distinct())}: {Uses.Agreed(weakest, r => r.ZdrDetail)}",
            Evidence = Uses.FirstEvidence(uses.SelectMany(u => u.Row.Evidence)),
            EvidenceCount = uses.Sum(u => Math.Max(u.Row.EvidenceCount, u.Row.Evidence.Count)),
            Notes = [.. hostingNote.Concat(uses.SelectMany(u => u.Row.Notes)).Distinct(StringComparer.Ordinal)],
            SubProcessorOf = Uses.AgreedOrNull(uses, r => r.SubProcessorOf),
            SubProcessorOfName = Uses.AgreedOrNull(uses, r => r.SubProcessorOfName),
        };
    }

    public static ComponentRow Component(List<Use<ComponentRow>> uses) => uses[0].Row with
    {
        Name = Uses.Agreed(uses, r => r.Name),
        Hosting = Uses.WeakestHosting(uses.Select(u => u.Row.Hosting)),
        Receives = Uses.Categories(uses.SelectMany(u => u.Row.Receives)),
        // Attributes are one repository's configuration: the merged component says only where it is used.
        Attributes = Repositories(uses),
        Evidence = Uses.FirstEvidence(uses.SelectMany(u => u.Row.Evidence)),
        EvidenceCount = uses.Sum(u => Math.Max(u.Row.EvidenceCount, u.Row.Evidence.Count)),
        SubProcessorOf = Uses.AgreedOrNull(uses, r => r.SubProcessorOf),
    };

    public static FlowRow Flow(List<Use<FlowRow>> uses) => uses[0].Row with
    {
        DataCategories = Uses.Categories(uses.SelectMany(u => u.Row.DataCategories)),
        Attributes = Repositories(uses),
        Evidence = Uses.FirstEvidence(uses.SelectMany(u => u.Row.Evidence)),
        EvidenceCount = uses.Sum(u => Math.Max(u.Row.EvidenceCount, u.Row.Evidence.Count)),
    };

    public static AnnexRow Annex(List<Use<AnnexRow>> uses)
    {
        var categories = Uses.Categories(uses.SelectMany(u => u.Row.DataCategories));
        return uses[0].Row with
        {
            Name = Uses.Agreed(uses, r => r.Name),
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
            Possible = uses.All(u => u.Row.Possible is not null) ? Uses.Agreed(uses, r => r.Possible!) : null,
            Notes = Notes(uses, r => r.Notes),
        };
    }

    /// <summary>Each distinct note once; one that not every repository of the party states names those that do.</summary>
    private static List<string>? Notes<T>(List<Use<T>> uses, Func<T, IReadOnlyList<string>?> notes)
    {
        var repositories = uses.Select(u => u.Repository).Distinct(StringComparer.Ordinal).Count();
        var merged = uses.SelectMany(u => (notes(u.Row) ?? []).Select(n => (Note: n, u.Repository)))
            .GroupBy(x => x.Note, StringComparer.Ordinal)
            .Select(g => g.Select(x => x.Repository).Distinct(StringComparer.Ordinal).ToList() is var stating && stating.Count == repositories
                ? g.Key
                : $"{g.Key} (in {PartyRollUp.FirstNames(stating)})")
            .ToList();
        return merged.Count > 0 ? merged : null;
    }

    public static OperatorSystemRow OperatorSystem(List<Use<OperatorSystemRow>> uses) => uses[0].Row with
    {
        Name = Uses.Agreed(uses, r => r.Name),
        Purpose = Uses.Agreed(uses, r => r.Purpose),
        DataCategories = Uses.Categories(uses.SelectMany(u => u.Row.DataCategories)),
        DataHeld = Uses.Agreed(uses, r => r.DataHeld),
        Location = Uses.Agreed(uses, r => r.Location),
        Retention = Uses.Agreed(uses, r => r.Retention),
        Notes = Notes(uses, r => r.Notes),
    };

    public static AnnexEvidenceRow AnnexEvidence(List<Use<AnnexEvidenceRow>> uses) => uses[0].Row with
    {
        Name = Uses.Agreed(uses, r => r.Name),
        Evidence = Uses.FirstEvidence(uses.SelectMany(u => u.Row.Evidence)),
        Total = uses.Sum(u => u.Row.Total),
    };

    public static LockInRow LockIn(List<Use<LockInRow>> uses) => uses[0].Row with
    {
        Count = uses.Sum(u => u.Row.Count),
        Items = [.. uses.SelectMany(u => u.Row.Items).Distinct(StringComparer.Ordinal).Take(AnnexBuilder.EvidenceCap)],
        Locations = Uses.FirstEvidence(uses.SelectMany(u => u.Row.Locations)),
    };

    public static FactToConfirmRow FactToConfirm(List<Use<FactToConfirmRow>> uses) => uses[0].Row with
    {
        Facts = [.. uses.SelectMany(u => u.Row.Facts).Distinct(StringComparer.Ordinal)],
    };

    private static SortedDictionary<string, object> Repositories<T>(List<Use<T>> uses) =>
        new(StringComparer.Ordinal) { ["repositories"] = uses.Select(u => u.Repository).Distinct().ToArray() };
}
