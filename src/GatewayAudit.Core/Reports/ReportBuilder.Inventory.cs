using GatewayAudit.Core.Catalog;
using GatewayAudit.Core.Model;

namespace GatewayAudit.Core.Reports;

/// <summary>A model's parties as the report judges them: the rows of its sub-processors, ZDR gaps and retention surfaces.</summary>
public static partial class ReportBuilder
{
    /// <summary>
    /// A model's parties as the report judges them, with their rows: sub-processors, ZDR gaps and retention surfaces.
    /// Without <paramref name="surfaceRows"/> the surfaces are only counted: a stack's section shows their number, not them.
    /// </summary>
    private static Inventory InventoryOf(StackModel model, VendorCatalog catalog, PartyTexts texts, bool surfaceRows)
    {
        var inventory = new Inventory(surfaceRows ? [] : null);
        var received = model.Flows.Count > FewFlows ? ReceivedBy(model) : null;
        foreach (var component in InventoryOrder(model))
        {
            var vendor = catalog.Find(component.Vendor);
            var (receives, shown) = received is null ? ReceivedBy(model, component.Id) : received.GetValueOrDefault(component.Id);
            var parent = component.SubProcessorOf is { } parentId ? model.Find(parentId) : null;
            var terms = OnOwnAccount(component) ? null : parent;
            var (zdr, zdrDetail) = ZdrOf(component, vendor, receives, terms, texts);
            var retention = RetentionOf(component, vendor, terms, texts);
            var evidence = EvidenceRows.First(component.Evidence);
            var evidenceCount = component.Evidence.Count;
            var row = new SubProcessorRow(
                component.Id,
                component.Name,
                component.Vendor,
                LegalEntityOf(component, vendor, texts),
                EnumText.Of(component.Role),
                component.Hosting != Hosting.OperatorHosted,
                EnumText.Of(component.Hosting),
                texts.CategoryTexts(receives),
                RegionOf(component, vendor, texts),
                retention.Text,
                EnumText.Of(zdr),
                zdrDetail,
                evidence,
                component.Notes.ToArray(), // a copy of the set's array, not a list filled through a boxed enumerator for each row
                component.SubProcessorOf,
                parent?.Name,
                evidenceCount);
            inventory.Subprocessors.Add(row);
            var possible = shown ? null : PartyCertainty.BasisOf(model, component);
            inventory.Parties.Add(new Party(component, vendor, terms, receives, zdr, row) { Possible = possible });
            var ifUsed = possible is null ? "" : $"Possible party, if it is used ({possible.Shown}): ";

            // The operator's own proxy keeps nothing itself: its storage is the Postgres, cache and host listed separately.
            var kept = texts.CategoryTexts(receives, except: DataCategory.Credentials);
            if (kept.Count > 0 && (component.Role != ComponentRole.Gateway || component.Hosting != Hosting.OperatorHosted))
            {
                inventory.SurfaceCount++;
                inventory.Surfaces?.Add(new RetentionSurfaceRow(SurfaceName(component), component.Id,
                    kept, retention.Text, ifUsed + retention.Basis, evidence, evidenceCount));
            }

            var carriesText = receives.Contains(DataCategory.Prompt) || receives.Contains(DataCategory.Completion);
            if (carriesText && component.Hosting != Hosting.OperatorHosted && zdr is not (ZdrStatus.Yes or ZdrStatus.NotApplicable))
            {
                inventory.Gaps.Add(new ZdrGapRow(component.Id, component.Name, EnumText.Of(zdr), ifUsed + zdrDetail, evidence, evidenceCount));
            }
        }

        return inventory;
    }

    /// <summary>
    /// The components of the inventory (not the client apps) by role, then name, ties in the model's order: a sort of one
    /// array instead of a query's iterators, key arrays and buffer for each of 10,000 stacks (bench/SCALE.md round 16).
    /// </summary>
    private static Component[] InventoryOrder(StackModel model)
    {
        var count = 0;
        foreach (var component in model.Components)
        {
            count += component.Role != ComponentRole.App ? 1 : 0;
        }

        var order = new (Component Component, int Index)[count];
        count = 0;
        foreach (var component in model.Components)
        {
            if (component.Role != ComponentRole.App)
            {
                order[count] = (component, count);
                count++;
            }
        }

        Array.Sort(order, static (a, b) =>
            RoleOrder(a.Component.Role).CompareTo(RoleOrder(b.Component.Role)) is var byRole and not 0 ? byRole
            : string.CompareOrdinal(a.Component.Name, b.Component.Name) is var byName and not 0 ? byName
            : a.Index.CompareTo(b.Index));
        return Array.ConvertAll(order, static o => o.Component);
    }

    /// <summary>
    /// What each component receives (<see cref="StackModel.Receives"/>), from one pass over the flows: asking the model
    /// walks every flow of the stack once per component, for each of 10,000 stacks (bench/SCALE.md round 14).
    /// </summary>
    // A stack of a monorepo has a handful of flows: each party's are found by going through them all, without a table
    // per stack (2 MiB of a 10,000-config scan's garbage, bench/SCALE.md round 18).
    private const int FewFlows = 16;

    /// <summary>As <see cref="ReceivedBy(StackModel)"/> for one component, folding the same flows in the same order.</summary>
    private static Received ReceivedBy(StackModel model, string componentId)
    {
        var into = default(Received);
        foreach (var flow in model.Flows)
        {
            if (flow.To == componentId)
            {
                into = new Received(into.Categories.Union(flow.DataCategories), into.Shown || PartyCertainty.ShowsTarget(flow, model.Find(flow.From)));
            }
        }

        return into;
    }

    private static Dictionary<string, Received> ReceivedBy(StackModel model)
    {
        // Bits, not a SortedSet per component: 10,000 stacks' sets and their nodes were 8 MiB of the report (round 16).
        var received = new Dictionary<string, Received>(StringComparer.Ordinal);
        foreach (var flow in model.Flows)
        {
            ref var into = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(received, flow.To, out _);
            into = new Received(into.Categories.Union(flow.DataCategories), into.Shown || PartyCertainty.ShowsTarget(flow, model.Find(flow.From)));
        }

        return received;
    }

    /// <summary>
    /// What the flows into a component carry, and whether one of them shows it is used (<see cref="PartyCertainty.ShowsTarget"/>),
    /// which makes the party certain. Most parties are such, and PartyCertainty walked the model's flows with a new
    /// array per party to say so, for every party of the report and of every stack's section (round 17).
    /// </summary>
    private readonly record struct Received(DataCategorySet Categories, bool Shown);

    private sealed class Inventory(List<RetentionSurfaceRow>? surfaces)
    {
        public List<SubProcessorRow> Subprocessors { get; } = [];

        public List<Party> Parties { get; } = [];

        public List<ZdrGapRow> Gaps { get; } = [];

        /// <summary>Null when only counted.</summary>
        public List<RetentionSurfaceRow>? Surfaces { get; } = surfaces;

        public int SurfaceCount { get; set; }
    }
}
