using GatewayAudit.Core.Catalog;
using GatewayAudit.Core.Model;

namespace GatewayAudit.Core.Reports;

/// <summary>The annex facts the catalog has no sourced value for, listed once per party (and counted for each stack).</summary>
internal static partial class AnnexBuilder
{
    /// <summary>
    /// Catalog gaps of the parties the stack contracts with directly, one entry per party. Parties whose hosting is
    /// unknown are asked about in the open questions instead (who runs them comes before what their terms are).
    /// </summary>
    public static List<FactToConfirmRow> FactsToConfirm(IReadOnlyList<Party> parties)
    {
        var rows = new List<FactToConfirmRow>();
        foreach (var group in FactGroups(parties))
        {
            var first = group[0];
            if (first.Vendor is not { } vendor)
            {
                rows.Add(new FactToConfirmRow(first.Component.Name, null, AnnexFactLabels,
                    "no catalog entry for whoever runs this endpoint"));
                continue;
            }

            var missing = new List<string>();
            if (MissingFacts(vendor, group, missing) > 0)
            {
                rows.Add(new FactToConfirmRow(vendor.Name, vendor.Id, missing, "the catalog has no value read from the vendor's own pages"));
            }
        }

        return rows.OrderBy(r => r.Party, StringComparer.Ordinal).ThenBy(r => r.Vendor, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// How many rows <see cref="FactsToConfirm"/> gives, without making or sorting them: each of 10,000 stacks' summaries
    /// counts them, and the rows and sort were a tenth of the memory the stacks' sections took to write (bench/SCALE.md
    /// round 15). The same groups as <see cref="FactsToConfirm"/>, so the two cannot disagree.
    /// </summary>
    public static int CountFactsToConfirm(IReadOnlyList<Party> parties)
    {
        var count = 0;
        foreach (var group in FactGroups(parties))
        {
            count += group[0].Vendor is not { } vendor || MissingFacts(vendor, group, null) > 0 ? 1 : 0;
        }

        return count;
    }

    /// <summary>
    /// The parties whose facts the annex asks to confirm, grouped by vendor (or component) in the order each key first
    /// appears, each group's parties in their order, as a GroupBy gives them, without its lookup and enumerators.
    /// </summary>
    private static List<List<Party>> FactGroups(IReadOnlyList<Party> parties)
    {
        var groups = new List<List<Party>>();
        Dictionary<string, List<Party>>? byKey = null;
        foreach (var party in parties)
        {
            if (!ConfirmsFacts(party))
            {
                continue;
            }

            // A stack's few groups are searched; a dictionary only for a report with many (round 16).
            if (groups.Count == FewGroups && byKey is null)
            {
                byKey = new Dictionary<string, List<Party>>(StringComparer.Ordinal);
                foreach (var made in groups)
                {
                    byKey[FactKey(made[0])] = made;
                }
            }

            var group = byKey is null ? GroupOf(groups, FactKey(party)) : byKey.GetValueOrDefault(FactKey(party));
            if (group is null)
            {
                group = [];
                groups.Add(group);
                byKey?.Add(FactKey(party), group);
            }

            group.Add(party);
        }

        return groups;
    }

    private const int FewGroups = 8;

    private static List<Party>? GroupOf(List<List<Party>> groups, string key)
    {
        foreach (var group in groups)
        {
            if (FactKey(group[0]) == key)
            {
                return group;
            }
        }

        return null;
    }

    private static bool ConfirmsFacts(Party p) => p.Component.Hosting == Hosting.ThirdParty && p.Terms is null && p.Component.Role != ComponentRole.App;

    private static string FactKey(Party p) => p.Vendor?.Id ?? p.Component.Id;

    /// <summary>
    /// How many annex facts of <paramref name="vendor"/> a group of parties run by it leaves to confirm, their labels
    /// added to <paramref name="labels"/> unless it is null (only counted: every stack's section counts them).
    /// </summary>
    private static int MissingFacts(Vendor vendor, List<Party> group, List<string>? labels)
    {
        // Loops over the list, not queries capturing the group (bench/SCALE.md rounds 14 and 16).
        var missing = 0;
        foreach (var (fact, label) in AnnexFacts)
        {
            if (!vendor.Fact(fact).Known
                && (fact != Vendor.DataRegions || (!vendor.Fact(Vendor.ProcessingLocations).Known && NoneSetsRegion(group)))
                && (fact != Vendor.DefaultRetention || NoneSetsRetention(group)))
            {
                missing++;
                labels?.Add(label);
            }
        }

        if (AnyCarriesText(group) && !vendor.Fact(Vendor.Zdr).Known && NoneSetsZdr(group))
        {
            missing++;
            labels?.Add("whether it offers zero data retention");
        }

        return missing;
    }

    private static bool NoneSetsRegion(List<Party> group)
    {
        foreach (var p in group)
        {
            if (p.Component.Region is not null || p.Component.Attributes["regions"] is not null)
            {
                return false;
            }
        }

        return true;
    }

    private static bool NoneSetsRetention(List<Party> group)
    {
        foreach (var p in group)
        {
            if (p.Component.Retention is not null)
            {
                return false;
            }
        }

        return true;
    }

    private static bool NoneSetsZdr(List<Party> group)
    {
        foreach (var p in group)
        {
            if (p.Component.Zdr is not null)
            {
                return false;
            }
        }

        return true;
    }

    private static bool AnyCarriesText(List<Party> group)
    {
        foreach (var p in group)
        {
            if (CarriesText(p.Receives))
            {
                return true;
            }
        }

        return false;
    }
}
