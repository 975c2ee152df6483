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
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<StackRow>? Stacks = null);

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

public sealed record SummarySection(int Subprocessors, int ThirdParties, int HostingUnknown, int ReceivingPrompts, int RetentionSurfaces, int ZdrGaps, int Findings, int SuppressedFindings, int OpenQuestions);

public sealed record InputRow(string File, string Reader, string? Skipped);

public sealed record EvidenceRow(string File, int Line);

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
    string? SubProcessorOfName = null);

public sealed record ComponentRow(
    string Id,
    string Name,
    string Role,
    string? Vendor,
    string Hosting,
    IReadOnlyList<string> Receives,
    IReadOnlyDictionary<string, object> Attributes,
    IReadOnlyList<EvidenceRow> Evidence,
    string? SubProcessorOf = null);

public sealed record FlowRow(string From, string To, IReadOnlyList<string> DataCategories, IReadOnlyDictionary<string, object> Attributes, IReadOnlyList<EvidenceRow> Evidence);

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
    SuppressionRow? Suppression);

public sealed record SuppressionRow(string Kind, string Reason, string? Until, bool Expired, string? File, int? Line);

public sealed record DiagnosticRow(string Severity, string Code, string Message, string File, int Line);

/// <summary>Somewhere prompts, completions or their metadata are kept, and for how long.</summary>
public sealed record RetentionSurfaceRow(string Surface, string Subprocessor, IReadOnlyList<string> Keeps, string Retention, string Basis, IReadOnlyList<EvidenceRow> Evidence);

/// <summary>A sub-processor that receives prompt or completion text without zero data retention in force.</summary>
public sealed record ZdrGapRow(string Subprocessor, string Name, string Zdr, string Detail, IReadOnlyList<EvidenceRow> Evidence);

public sealed record OpenQuestionRow(string Subject, string Question, string? File, int? Line);

/// <summary>Catalog facts for one vendor in the report, each with its source and check date.</summary>
public sealed record VendorRow(string Id, string Name, string Kind, IReadOnlyList<VendorFactRow> Facts);

public sealed record VendorFactRow(string Name, string Label, string Value, string? Source, string? Checked, string? Note);
