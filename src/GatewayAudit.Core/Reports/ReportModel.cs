using System.Text.Json.Serialization;

namespace GatewayAudit.Core.Reports;

// The one report model every renderer reads. Property names become the JSON keys (camelCase) and the Liquid
// template names, so they are part of the contract in shared/DESIGN.md.

public sealed record Report(
    ToolSection Tool,
    IReadOnlyList<InputRow> Inputs,
    IReadOnlyList<SubProcessorRow> Subprocessors,
    IReadOnlyList<ComponentRow> Components,
    IReadOnlyList<FlowRow> Flows,
    IReadOnlyList<FindingRow> Findings,
    IReadOnlyList<DiagnosticRow> Diagnostics,
    IReadOnlyList<RetentionSurfaceRow> RetentionSurfaces,
    IReadOnlyList<ZdrGapRow> ZdrGaps,
    IReadOnlyList<OpenQuestionRow> OpenQuestions,
    IReadOnlyList<VendorRow> Vendors,
    SummarySection Summary,
    string Mermaid,
    AnnexSection Annex,
    IReadOnlyList<FactToConfirmRow> FactsToConfirm,
    AvailabilitySection Availability,
    IReadOnlyList<LockInRow> LockIn,
    IReadOnlyList<AdvisoryRow> Advisories,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<StackRow>? Stacks = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<PartyStacksRow>? PartyStacks = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] OrganisationSection? Organisation = null,
    IReadOnlyDictionary<string, IReadOnlyList<EvidenceRow>>? Locations = null)
{
    /// <summary>
    /// The JSON shape's version, read by <c>diff</c> and <c>merge</c>. 2: every evidence list in a row holds at most
    /// <see cref="EvidenceRows.Cap"/> locations with the total in <c>evidenceCount</c>, and <see cref="Locations"/>
    /// holds every location once (README, "JSON report").
    /// </summary>
    [JsonPropertyOrder(-1)]
    public int SchemaVersion => CurrentSchemaVersion;

    public const int CurrentSchemaVersion = 2;
}

/// <summary>
/// The roll-up over many stacks: a party, in how many stacks it appears, and the first of them by name
/// (<see cref="PartyRollUp"/>).
/// </summary>
public sealed record PartyStacksRow(string Id, string Name, int Stacks, IReadOnlyList<string> First);

/// <summary>
/// Present only in the output of <c>gateway-audit merge</c>: the repositories merged and, for every party, which
/// repositories and stacks use it, with the union of what it receives, every region and the weakest ZDR among them.
/// </summary>
public sealed record OrganisationSection(IReadOnlyList<RepositoryRow> Repositories, IReadOnlyList<OrganisationPartyRow> Parties);

/// <summary>One merged repository: its name, the result file it came from, and its stacks (empty for a one-stack scan).</summary>
public sealed record RepositoryRow(string Name, string Result, string ToolVersion, IReadOnlyList<string> Stacks, int Subprocessors, int Findings, int SuppressedFindings);

/// <summary>
/// A party across the organisation. <see cref="Zdr"/> is the weakest of its uses (no, unknown, partial, yes, n/a in
/// that order) and <see cref="ZdrWeakestIn"/> names the repositories that make it so.
/// </summary>
public sealed record OrganisationPartyRow(
    string Id,
    string Name,
    string Role,
    string Hosting,
    IReadOnlyList<string> DataCategories,
    IReadOnlyList<string> Regions,
    string Zdr,
    IReadOnlyList<string> ZdrWeakestIn,
    IReadOnlyList<PartyUseRow> Uses);

/// <summary>One repository's use of a party: in which of its stacks (empty for a one-stack scan), as what, and with what ZDR.</summary>
public sealed record PartyUseRow(string Repository, IReadOnlyList<string> Stacks, string Hosting, IReadOnlyList<string> DataCategories, string Region, string Zdr);

/// <summary>
/// One deployment of a scan that formed several stacks: its files (and why each belongs), its own inventory,
/// findings and open questions. The report's top level is the roll-up of all stacks. Absent for a one-stack scan.
/// </summary>
public sealed record StackRow(
    string Id,
    string Name,
    IReadOnlyList<StackFileRow> Files,
    IReadOnlyList<SubProcessorRow> Subprocessors,
    IReadOnlyList<FindingRow> Findings,
    IReadOnlyList<ZdrGapRow> ZdrGaps,
    IReadOnlyList<OpenQuestionRow> OpenQuestions,
    SummarySection Summary);

public sealed record StackFileRow(string File, string Why);

public sealed record ToolSection(string Name, string Version, string? CatalogCheckedFrom, string? CatalogCheckedTo, int CatalogVendors);

/// <summary>
/// Counts. <see cref="Subprocessors"/> counts every component but the client apps (the JSON contract);
/// <see cref="AnnexSubprocessors"/> and <see cref="OperatorSystems"/> are the split the Markdown summary prints, and
/// <see cref="PartiesReceivingPrompts"/> counts the rows of that split that receive prompt text (a vendor reached by
/// several paths is one annex row, where <see cref="ReceivingPrompts"/> counts each path's component).
/// </summary>
public sealed record SummarySection(
    int Subprocessors,
    int ThirdParties,
    int HostingUnknown,
    int ReceivingPrompts,
    int RetentionSurfaces,
    int ZdrGaps,
    int Findings,
    int SuppressedFindings,
    int OpenQuestions,
    int AnnexSubprocessors = 0,
    int OperatorSystems = 0,
    int FactsToConfirm = 0,
    int PartiesReceivingPrompts = 0);

public sealed record InputRow(string File, string Reader, string? Skipped);

public sealed record EvidenceRow(string File, int Line);

/// <summary>
/// Evidence in a report row: the first <see cref="Cap"/> locations in file order, and how many there are in all.
/// A party seen in 3,000 files is one readable row; every location is kept once, in <see cref="Report.Locations"/>.
/// </summary>
public static class EvidenceRows
{
    public const int Cap = 5;

    public static List<EvidenceRow> First(IEnumerable<Model.SourceLocation> locations) =>
        locations.Take(Cap).Select(l => new EvidenceRow(l.File, l.Line)).ToList();

    /// <summary>
    /// <see cref="First(IEnumerable{Model.SourceLocation})"/> as a view of the set, each row made when read: every row of
    /// every stack's section has one, and a list of row objects for each was 7 MiB at 10,000 configs (bench/SCALE.md
    /// round 16). The set must not change while the report is in use.
    /// </summary>
    public static IReadOnlyList<EvidenceRow> First(Model.SortedArraySet<Model.SourceLocation> locations) =>
        new LocationRows(locations, Math.Min(Cap, locations.Count));

    public static List<EvidenceRow> All(IEnumerable<Model.SourceLocation> locations) =>
        locations.Select(l => new EvidenceRow(l.File, l.Line)).ToList();

    /// <summary><see cref="All"/>, each row made when read and not kept (<see cref="LocationRows"/>). The set must not change while the report is in use.</summary>
    public static IReadOnlyList<EvidenceRow> OnDemand(Model.SortedArraySet<Model.SourceLocation> locations) => new LocationRows(locations, locations.Count);
}

/// <summary>
/// A row of the DPA sub-processor annex. <see cref="ThirdParty"/> is a bool by contract (shared/DESIGN.md) and is
/// true unless the component is known to run on the operator's own infrastructure: for a DPA, a party whose
/// hosting the inputs do not show counts as a third party until shown otherwise. <see cref="Hosting"/> tells the
/// cases apart (third-party, operator-hosted, unknown), and the Markdown annex prints "unknown" for the last.
/// <see cref="SubProcessorOf"/> is the id of the gateway whose sub-processor this party is (OpenRouter's upstream
/// providers), with its name in <see cref="SubProcessorOfName"/>; null for a party the stack contracts with directly.
/// </summary>
public sealed record SubProcessorRow(
    string Id,
    string Name,
    string? Vendor,
    string LegalEntity,
    string Role,
    bool ThirdParty,
    string Hosting,
    IReadOnlyList<string> DataCategories,
    string Region,
    string Retention,
    string Zdr,
    string ZdrDetail,
    IReadOnlyList<EvidenceRow> Evidence,
    IReadOnlyList<string> Notes,
    string? SubProcessorOf = null,
    string? SubProcessorOfName = null,
    int EvidenceCount = 0);

public sealed record ComponentRow(
    string Id,
    string Name,
    string Role,
    string? Vendor,
    string Hosting,
    IReadOnlyList<string> Receives,
    IReadOnlyDictionary<string, object> Attributes,
    IReadOnlyList<EvidenceRow> Evidence,
    string? SubProcessorOf = null,
    int EvidenceCount = 0);

public sealed record FlowRow(string From, string To, IReadOnlyList<string> DataCategories, IReadOnlyDictionary<string, object> Attributes, IReadOnlyList<EvidenceRow> Evidence, int EvidenceCount = 0);

public sealed record FindingRow(
    string RuleId,
    string Severity,
    string Title,
    string Message,
    string? File,
    int? Line,
    string Remediation,
    bool Suppressed,
    string? Subject,
    IReadOnlyList<string> References,
    SuppressionRow? Suppression,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Repository = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ConditionRow? Conditional = null);

/// <summary>
/// What a conditional finding depends on (absent for a finding about a party the inputs show receiving data): the
/// possible party, its <c>confidence</c> (import-only, presumed), where it is seen, the sentence the message quotes,
/// and the rule's own severity (the finding's is one level lower unless the rule tests certainty itself).
/// </summary>
public sealed record ConditionRow(string Party, string Confidence, string Shown, string? File, int? Line, string RuleSeverity);

public sealed record SuppressionRow(string Kind, string Reason, string? Until, bool Expired, string? File, int? Line);

public sealed record DiagnosticRow(string Severity, string Code, string Message, string File, int Line);

/// <summary>
/// Somewhere prompts, completions or their metadata are kept, and for how long. <see cref="Repositories"/> only in the
/// output of <c>merge</c>: every repository where the party keeps them for this long (one row per party and retention).
/// </summary>
public sealed record RetentionSurfaceRow(string Surface, string Subprocessor, IReadOnlyList<string> Keeps, string Retention, string Basis, IReadOnlyList<EvidenceRow> Evidence, int EvidenceCount = 0,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Repositories = null);

/// <summary>
/// A sub-processor that receives prompt or completion text without zero data retention in force.
/// <see cref="Repositories"/> only in the output of <c>merge</c>: every repository where the party is a gap (one row per party).
/// </summary>
public sealed record ZdrGapRow(string Subprocessor, string Name, string Zdr, string Detail, IReadOnlyList<EvidenceRow> Evidence, int EvidenceCount = 0,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Repositories = null);

public sealed record OpenQuestionRow(string Subject, string Question, string? File, int? Line);

/// <summary>Catalog facts for one vendor in the report, each with its source and check date.</summary>
public sealed record VendorRow(string Id, string Name, string Kind, IReadOnlyList<VendorFactRow> Facts);

public sealed record VendorFactRow(string Name, string Label, string Value, string? Source, string? Checked, string? Note)
{
    /// <summary>
    /// What other pages of the same vendor state where they disagree with <see cref="Value"/>, each with its source;
    /// absent (not an empty list in every fact of the JSON) where the pages agree.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<VendorFactAlternativeRow>? Alternatives { get; init; }
}

/// <summary>Another page of the vendor's own that states the fact differently.</summary>
public sealed record VendorFactAlternativeRow(string Value, string Source, string Checked, string? Note);

/// <summary>
/// The DPA annex in two parts: third parties (and parties whose hosting is unknown, marked) and the operator's own
/// systems that hold the data; evidence for both in a technical table of its own.
/// </summary>
public sealed record AnnexSection(IReadOnlyList<AnnexRow> Subprocessors, IReadOnlyList<OperatorSystemRow> OperatorSystems, IReadOnlyList<AnnexEvidenceRow> Evidence);

/// <summary>
/// One sub-processor as DPA annexes list it. Every text is plain words for counsel: <see cref="Purpose"/> ("LLM
/// inference on prompts"), <see cref="DataReceived"/> ("prompts, completions, request metadata"), a short
/// <see cref="Retention"/> (the long text is in the vendor facts). <see cref="Hosting"/> is third-party or unknown;
/// <see cref="Via"/> names the gateway whose sub-processor this party is.
/// </summary>
public sealed record AnnexRow(
    string Id,
    string Name,
    string Hosting,
    string? Via,
    string LegalEntity,
    string? EeaLegalEntity,
    string Country,
    string Locations,
    string Purpose,
    IReadOnlyList<string> DataCategories,
    string DataReceived,
    string TransferMechanism,
    string Retention,
    string Safeguards)
{
    /// <summary>
    /// Set only for a party the inputs show as possible, not in use (an SDK only imported, a model named as data):
    /// why, in words ("it is only imported at worker.py:2, with no client or call of it shown"). The purpose then
    /// starts "Possible sub-processor, if it is used".
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Possible { get; init; }

    /// <summary>The party's notes a human report prints under the annex (<see cref="ComponentNotes"/>); absent when none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Notes { get; init; }
}

/// <summary>A system the operator runs that holds prompts, completions or their metadata (the proxy, its host, a Postgres beside it).</summary>
public sealed record OperatorSystemRow(string Id, string Name, string Purpose, IReadOnlyList<string> DataCategories, string DataHeld, string Location, string Retention)
{
    /// <summary>
    /// The system's notes a human report prints under the table (<see cref="ComponentNotes"/>), e.g. the proxy's "No
    /// spend-log database: ... is given no DATABASE_URL"; absent when none.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Notes { get; init; }
}

/// <summary>Where the inputs show a party: at most <c>EvidenceCap</c> locations, and how many there are in all.</summary>
public sealed record AnnexEvidenceRow(string Id, string Name, IReadOnlyList<EvidenceRow> Evidence, int Total);

/// <summary>A party whose annex facts the catalog has no sourced value for: listed once, with the facts to confirm.</summary>
public sealed record FactToConfirmRow(string Party, string? Vendor, IReadOnlyList<string> Facts, string Why);

/// <summary>
/// The request path's hard dependencies with their published availability figures, and what the config changes
/// about them. <see cref="Composite"/> is the product of the figures when every dependency has one; otherwise it says
/// which have none.
/// </summary>
public sealed record AvailabilitySection(IReadOnlyList<DependencyRow> Dependencies, string Composite, double? CompositePercent, IReadOnlyList<string> Notes);

/// <summary>
/// One dependency: <see cref="Scope"/> says which requests need it ("every request", "model group gpt-4o").
/// <see cref="Repositories"/> only in the output of <c>merge</c>: every repository whose request path needs it (one row per dependency and figure).
/// </summary>
public sealed record DependencyRow(string Id, string Name, string Scope, string Figure, double? Percent, string? Source, IReadOnlyList<EvidenceRow> Evidence,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Repositories = null);

/// <summary>What ties the stack to one gateway: a kind of surface, how many there are, and where (capped, with the total).</summary>
public sealed record LockInRow(string Gateway, string Surface, int Count, IReadOnlyList<string> Items, IReadOnlyList<EvidenceRow> Locations);

/// <summary>An observation for a decision, with the facts it rests on; never a verdict.</summary>
public sealed record AdvisoryRow(string Topic, string Observation, IReadOnlyList<string> Inputs);
