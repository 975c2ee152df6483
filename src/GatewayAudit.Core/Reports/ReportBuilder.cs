using GatewayAudit.Core.Catalog;
using GatewayAudit.Core.Model;
using GatewayAudit.Core.Scanning;

namespace GatewayAudit.Core.Reports;

/// <summary>
/// Turns an audit into the report model: the sub-processor annex, retention surfaces, ZDR gaps, findings and
/// open questions. Every judgement here follows one rule: what the inputs and the catalog do not show is
/// "unknown", with the reason, never a default that looks like a fact.
/// </summary>
public static partial class ReportBuilder
{
    private static readonly Dictionary<string, string> FactLabels = new(StringComparer.Ordinal)
    {
        [Vendor.LegalEntity] = "Legal entity",
        [Vendor.Country] = "Country",
        [Vendor.DataRegions] = "Data regions",
        [Vendor.ProcessingLocations] = "May process in (vendor's list, not a choice)",
        [Vendor.DefaultRetention] = "Default retention",
        [Vendor.Zdr] = "Zero data retention available",
        [Vendor.TrainsOnApiData] = "Trains on API data",
        [Vendor.Certifications] = "Certifications",
        [Vendor.DpaUrl] = "DPA",
        [Vendor.SubprocessorListUrl] = "Sub-processor list",
        [Vendor.EeaLegalEntity] = "Legal entity in the EEA",
        [Vendor.TransferMechanisms] = "Transfer mechanism",
        [Vendor.Sla] = "Published availability (SLA)",
    };

    public static Report Build(AuditResult audit)
    {
        var model = audit.Model;
        var catalog = audit.Catalog;
        var texts = new PartyTexts();
        var inventory = InventoryOf(model, catalog, texts, surfaceRows: true);
        var (subprocessors, surfaces, gaps, parties) = (inventory.Subprocessors, inventory.Surfaces!, inventory.Gaps, inventory.Parties);
        // Each stack's findings are among the report's own (the same objects: FindingOrder.Distinct keeps the first of
        // equal ones), so a stack's section reuses their rows rather than making a second row for each (round 18).
        var rowOf = audit.Stacks.Count > 1 ? new Dictionary<Finding, FindingRow>(audit.Findings.Count, ReferenceEqualityComparer.Instance) : null;
        var findings = RowsOf(audit.Findings, rowOf, remember: true);
        var questions = QuestionsOf(model, catalog);
        var annex = AnnexBuilder.Build(parties);
        var factsToConfirm = AnnexBuilder.FactsToConfirm(parties);
        var summary = Summary(subprocessors, surfaces, gaps, findings, questions, annex, factsToConfirm);

        // The vendor facts are printed once, in the full report; a stack's own section never shows them.
        var vendors = model.Components.Select(c => catalog.Find(c.Vendor)).OfType<Vendor>().DistinctBy(v => v.Id).OrderBy(v => v.Id, StringComparer.Ordinal)
            .Select(v => new VendorRow(v.Id, v.Name, v.Kind, Vendor.FactNames.Where(n => Shown(v, n)).Select(n => FactRow(v.Fact(n))).ToList()))
            .ToList();

        return new Report(
            new ToolSection(ToolInfo.Name, ToolInfo.Version, catalog.FirstChecked?.ToString("yyyy-MM-dd"), catalog.LastChecked?.ToString("yyyy-MM-dd"), catalog.Vendors.Count()),
            audit.Inputs.Select(i => new InputRow(i.File, i.Reader, i.SkippedReason)).ToList(),
            subprocessors,
            model.Components.Select(c => new ComponentRow(c.Id, c.Name, EnumText.Of(c.Role), c.Vendor, EnumText.Of(c.Hosting),
                model.Receives(c.Id).Select(EnumText.Of).ToList(), Attributes(c.Attributes), EvidenceRows.First(c.Evidence), c.SubProcessorOf, c.Evidence.Count)).ToList(),
            model.Flows.Select(f => new FlowRow(f.From, f.To, f.DataCategories.Select(EnumText.Of).ToList(), Attributes(f.Attributes), EvidenceRows.First(f.Evidence), f.Evidence.Count)).ToList(),
            findings,
            audit.Diagnostics.Select(d => new DiagnosticRow(EnumText.Of(d.Severity), d.Code, d.Message, d.Location.File, d.Location.Line)).ToList(),
            surfaces,
            gaps,
            questions,
            vendors,
            summary,
            MermaidDiagram.Render(model),
            annex,
            factsToConfirm,
            AvailabilityBuilder.Build(model, catalog),
            LockInBuilder.Build(model, audit.Inputs),
            AdvisoryBuilder.Build(model, audit.Findings, catalog),
            // No forced collections while the stacks are written: with a stack's row only what it shows, the 10,000-stack
            // scan's peak stays under 250 MiB without them, and they were a quarter of the writing's CPU (bench/SCALE.md round 13).
            audit.Stacks.Count > 1 ? new RowsOnDemand<StackRow>(audit.Stacks.Count, i => StackRowOf(audit.Stacks[i], audit, texts, rowOf)) : null,
            audit.Stacks.Count > 1 ? PartyStacks(audit.Stacks) : null,
            Locations: Locations(model));
    }

    /// <summary>The basis of a retention the config sets, and the detail of a ZDR it sets: "config (config.yaml:26)".</summary>
    internal const string RetentionFromConfig = "config";

    internal const string ZdrFromConfig = "set in config";

    private static string FromConfig(string stem, SourceLocation at) => $"{stem} ({at})";

    /// <summary>
    /// The stem and location of a text <see cref="FromConfig"/> made ("config", "config.yaml:26"), or null: the merge
    /// puts the repository in front of the location, and says "in each repository's config" for values from many.
    /// </summary>
    internal static (string Stem, string Location)? ConfigLocated(string text) =>
        new[] { ZdrFromConfig, RetentionFromConfig }.FirstOrDefault(s => text.StartsWith(s + " (", StringComparison.Ordinal) && text.EndsWith(')')) is { } stem
            ? (stem, text[(stem.Length + 2)..^1])
            : null;

    /// <summary>The counts of a report, from its rows (also for the merged organisation report).</summary>
    internal static SummarySection Summary(
        IReadOnlyList<SubProcessorRow> subprocessors, IReadOnlyList<RetentionSurfaceRow> surfaces, IReadOnlyList<ZdrGapRow> gaps,
        IReadOnlyList<FindingRow> findings, IReadOnlyList<OpenQuestionRow> questions, AnnexSection annex, IReadOnlyList<FactToConfirmRow> factsToConfirm) =>
        Summary(subprocessors, surfaces.Count, gaps.Count, findings, questions.Count, AnnexCounts.Of(annex), factsToConfirm.Count);

    private static SummarySection Summary(
        IReadOnlyList<SubProcessorRow> subprocessors, int surfaces, int gaps, IReadOnlyList<FindingRow> findings, int questions, AnnexCounts annex, int factsToConfirm) => new(
        subprocessors.Count,
        subprocessors.Count(s => s.Hosting == EnumText.Of(Hosting.ThirdParty)),
        subprocessors.Count(s => s.Hosting == EnumText.Of(Hosting.Unknown)),
        subprocessors.Count(s => s.DataCategories.Contains("prompt")),
        surfaces,
        gaps,
        findings.Count(f => !f.Suppressed),
        findings.Count(f => f.Suppressed),
        questions,
        annex.Subprocessors,
        annex.OperatorSystems,
        factsToConfirm,
        annex.ReceivingPrompts);

    /// <summary>
    /// A stack's section: only what it shows (sub-processors, findings, ZDR gaps, open questions) and the counts of its
    /// summary. The annex, the retention surfaces and the facts to confirm are counted, not built: 10,000 stacks are
    /// written one after another, and each stack's full report model was most of the cost of writing them.
    /// </summary>
    private static StackRow StackRowOf(StackResult stack, AuditResult audit, PartyTexts texts, Dictionary<Finding, FindingRow>? rowOf)
    {
        var model = stack.Stack.Model;
        var inventory = InventoryOf(model, audit.Catalog, texts, surfaceRows: false);
        var findings = RowsOf(stack.Findings, rowOf, remember: false);
        var questions = QuestionsOf(model, audit.Catalog);
        var summary = Summary(inventory.Subprocessors, inventory.SurfaceCount, inventory.Gaps.Count, findings, questions.Count,
            AnnexBuilder.CountsOf(inventory.Parties), AnnexBuilder.CountFactsToConfirm(inventory.Parties));
        return new StackRow(stack.Stack.Id, stack.Stack.Name,
            FilesOf(stack.Stack.Membership),
            inventory.Subprocessors, findings, inventory.Gaps, questions, summary);
    }

    /// <summary>The findings' rows; with <paramref name="rowOf"/>, a row made before for the same finding object is used
    /// again, and with <paramref name="remember"/> each row made is kept there.</summary>
    private static List<FindingRow> RowsOf(IReadOnlyList<Finding> findings, Dictionary<Finding, FindingRow>? rowOf, bool remember)
    {
        var rows = new List<FindingRow>(findings.Count);
        for (var i = 0; i < findings.Count; i++)
        {
            var finding = findings[i];
            if (rowOf is null || !rowOf.TryGetValue(finding, out var row))
            {
                row = ToRow(finding);
                if (remember)
                {
                    rowOf?.TryAdd(finding, row);
                }
            }

            rows.Add(row);
        }

        return rows;
    }

    private static List<StackFileRow> FilesOf(SortedList<string, string> membership)
    {
        var rows = new List<StackFileRow>(membership.Count);
        for (var i = 0; i < membership.Count; i++)
        {
            rows.Add(new StackFileRow(membership.Keys[i], membership.Values[i]));
        }

        return rows;
    }

    /// <summary>
    /// A gateway's sub-processor that the gateway calls with the operator's own provider credentials (a Portkey target):
    /// its retention and ZDR are the operator's account terms with that provider, so it is judged as a direct provider.
    /// </summary>
    private static bool OnOwnAccount(Component component) => component.Attributes["providerAccount"] is "operator";

    private static (ZdrStatus Status, string Detail) ZdrOf(Component component, Vendor? vendor, DataCategorySet receives, Component? parent, PartyTexts texts)
    {
        if (component.Zdr is { } set)
        {
            return (set.Value, FromConfig(ZdrFromConfig, set.Evidence));
        }

        if (!receives.Contains(DataCategory.Prompt) && !receives.Contains(DataCategory.Completion))
        {
            return (ZdrStatus.NotApplicable, "receives no prompt or completion text");
        }

        if (parent is not null)
        {
            // A gateway's sub-processor: whether it retains depends on the gateway's routing and its agreements, not on
            // a contract of ours with this provider.
            return (ZdrStatus.Unknown, texts.GatewayZdr(parent.Name));
        }

        if (component.Hosting == Hosting.OperatorHosted || component.Role == ComponentRole.Host)
        {
            return (ZdrStatus.NotApplicable, "runs the operator's own software: retention is the operator's to set");
        }

        if (component.Role is ComponentRole.Exporter or ComponentRole.Datastore or ComponentRole.Cache)
        {
            return (ZdrStatus.No, "keeps what it receives by design (logging, storage or cache)");
        }

        return vendor is null ? (ZdrStatus.Unknown, "no catalog entry for whoever runs this endpoint") : texts.Zdr(vendor);
    }

    // The annex reads in the order a request travels: gateway, providers, then everything the proxy is wired to.
    internal static int RoleOrder(ComponentRole role) => role switch
    {
        ComponentRole.Gateway => 0,
        ComponentRole.ModelProvider => 1,
        ComponentRole.SelfHostedInference => 2,
        ComponentRole.Guardrail => 3,
        ComponentRole.ToolApi => 4,
        ComponentRole.OperatorCode => 5,
        ComponentRole.Exporter => 6,
        ComponentRole.Datastore => 7,
        ComponentRole.Cache => 8,
        ComponentRole.Alerting => 9,
        _ => 10,
    };

    private static (string Text, string Basis) RetentionOf(Component component, Vendor? vendor, Component? parent, PartyTexts texts)
    {
        if (component.Retention is { } configured)
        {
            return (configured.Value.Description, FromConfig(RetentionFromConfig, configured.Evidence));
        }

        if (parent is not null)
        {
            return ("unknown", texts.GatewayRetention(parent.Name));
        }

        if (component.Attributes["retentionUnbounded"] is true)
        {
            return ("no bound set: kept until deleted", "config sets no retention");
        }

        if (component.Hosting != Hosting.OperatorHosted && vendor is not null && texts.DefaultRetention(vendor) is { } fromCatalog)
        {
            return fromCatalog;
        }

        return ("unknown", component.Hosting == Hosting.OperatorHosted ? "operator-run: not shown by the config" : "not in config or catalog");
    }

    private static string LegalEntityOf(Component component, Vendor? vendor, PartyTexts texts)
    {
        if (component.Hosting == Hosting.OperatorHosted)
        {
            return "the operator (you)";
        }

        return vendor is null ? "unknown" : texts.LegalEntity(vendor);
    }

    private static string RegionOf(Component component, Vendor? vendor, PartyTexts texts)
    {
        if (component.Attributes["regions"] is string[] { Length: > 1 } regions)
        {
            // Deployments pinned to different regions: all of them, not the vendor's default list.
            return $"{string.Join(", ", regions)} (config)";
        }

        if (component.Region is { } region)
        {
            return component.Attributes["regionNote"] is string note ? $"{region.Value} (config: {note})" : $"{region.Value} (config)";
        }

        if (component.Hosting == Hosting.OperatorHosted)
        {
            return "operator's infrastructure";
        }

        return vendor is null ? "unknown" : texts.DefaultRegion(vendor);
    }

    private static string SurfaceName(Component component) => component.Role switch
    {
        ComponentRole.ModelProvider or ComponentRole.Gateway => $"{component.Name}: provider-side retention of requests",
        ComponentRole.Exporter => $"{component.Name}: logged traces",
        ComponentRole.Datastore => component.Name,
        ComponentRole.Cache => component.Name,
        ComponentRole.Alerting => $"{component.Name}: alert messages",
        ComponentRole.Host => component.Name,
        ComponentRole.SelfHostedInference => $"{component.Name}: server logs",
        ComponentRole.Guardrail => $"{component.Name}: inspected requests",
        ComponentRole.ToolApi => $"{component.Name}: requests it receives",
        ComponentRole.OperatorCode => $"{component.Name}: wherever its code writes",
        _ => component.Name,
    };

    private static FindingRow ToRow(Finding f) => new(
        f.RuleId,
        EnumText.Of(f.Severity),
        f.Title,
        f.Message,
        f.Location?.File,
        f.Location?.Line,
        f.Remediation,
        f.Suppressed,
        f.Subject,
        f.References,
        f.Suppression is { } s ? new SuppressionRow(s.Kind, s.Reason, s.Until?.ToString("yyyy-MM-dd"), s.Expired, s.Location?.File, s.Location?.Line) : null,
        Conditional: f.Condition is { Basis: var b } c ? new ConditionRow(b.Party, b.Confidence, b.Shown, b.At?.File, b.At?.Line, EnumText.Of(c.RuleSeverity)) : null);

    // Processing locations are few vendors' fact and say nothing more than "Data regions: unknown" when missing;
    // a row of them per vendor would only be noise, so an unknown one is not listed.
    private static bool Shown(Vendor vendor, string fact) => fact != Vendor.ProcessingLocations || vendor.Fact(fact).Known;

    private static VendorFactRow FactRow(VendorFact fact)
    {
        var value = fact.Text;
        if (fact.Days is { } days)
        {
            value += $" ({days:0.##} days)";
        }

        if (fact.HowToEnable is { } how)
        {
            value += $"; how: {how}";
        }

        return new VendorFactRow(fact.Name, FactLabels.GetValueOrDefault(fact.Name, fact.Name), value, fact.Source?.ToString(), fact.Checked?.ToString("yyyy-MM-dd"), fact.Note)
        {
            Alternatives = fact.Alternatives.Count == 0 ? null
                : [.. fact.Alternatives.Select(a => new VendorFactAlternativeRow(a.Text, a.Source.ToString(), a.Checked.ToString("yyyy-MM-dd"), a.Note))],
        };
    }

    /// <summary>Every location of every component and flow, once: rows elsewhere show the first few and a count.</summary>
    private static SortedDictionary<string, IReadOnlyList<EvidenceRow>> Locations(StackModel model)
    {
        var all = new SortedDictionary<string, IReadOnlyList<EvidenceRow>>(StringComparer.Ordinal);
        foreach (var component in model.Components.Where(c => c.Evidence.Count > 0))
        {
            all[component.Id] = EvidenceRows.OnDemand(component.Evidence);
        }

        foreach (var flow in model.Flows.Where(f => f.Evidence.Count > 0))
        {
            all[flow.Key] = EvidenceRows.OnDemand(flow.Evidence);
        }

        return all;
    }

    /// <summary>Each party of the scan (not the client apps), in how many stacks it appears and the first of them.</summary>
    private static List<PartyStacksRow> PartyStacks(IReadOnlyList<StackResult> stacks)
    {
        var rollUp = new PartyRollUp();
        foreach (var stack in stacks)
        {
            foreach (var component in stack.Stack.Model.Components.Where(c => c.Role != ComponentRole.App))
            {
                rollUp.Add(component.Id, component.Name, stack.Stack.Name);
            }
        }

        return rollUp.Rows();
    }

    private static SortedDictionary<string, object> Attributes(AttributeBag bag) => new(bag.ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal);
}
