using GatewayAudit.Core.Catalog;
using GatewayAudit.Core.Model;
using GatewayAudit.Core.Policies;
using GatewayAudit.Core.Readers;

namespace GatewayAudit.Core.Scanning;

/// <summary>What to audit and with which catalogs and policies.</summary>
public sealed record AuditOptions
{
    public IReadOnlyList<string> Paths { get; init; } = ["."];

    /// <summary>Paths in output are shown relative to this folder.</summary>
    public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>User catalog folders, applied after the built-in one (same id overrides).</summary>
    public IReadOnlyList<string> CatalogDirs { get; init; } = [];

    /// <summary>User policy folders, loaded after the built-in rule pack.</summary>
    public IReadOnlyList<string> PolicyDirs { get; init; } = [];

    public string? BaselinePath { get; init; }

    /// <summary>Bytes all inputs may hold together (<see cref="InputDiscovery.MaxTotalBytes"/>); tests set a small one.</summary>
    public long InputBudgetBytes { get; init; } = InputDiscovery.MaxTotalBytes;

    /// <summary>The signed DPA (--dpa FILE): a sub-processor annex (.md, .csv) checked for drift, or a YAML list of vendor or component ids for the declaration rules.</summary>
    public string? DpaPath { get; init; }

    /// <summary>Organisation policy settings (--settings FILE); null looks for gateway-audit.settings.yaml in the scanned folder.</summary>
    public string? SettingsPath { get; init; }

    /// <summary>Today's date for suppression expiry; fixed in tests so output stays deterministic.</summary>
    public DateOnly Today { get; init; } = DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>Folder holding policies/ and templates/ (the app's own folder by default).</summary>
    public string ResourceRoot { get; init; } = BuiltIn.Root;

    /// <summary>Told of each input file as it is read (files read, total, current folder); null for none.</summary>
    public IProgress<ScanProgress>? Progress { get; init; }
}

/// <summary>Where the data shipped with the tool lives.</summary>
public static class BuiltIn
{
    public static string Root { get; } = AppContext.BaseDirectory;

    public static string CatalogDir(string root) => Path.Combine(root, "policies", "catalog");

    public static string CatalogSchema(string root) => Path.Combine(root, "policies", "schema", "catalog.schema.json");

    public static string TemplatesDir(string root) => Path.Combine(root, "templates");
}

/// <summary>Everything one audit produced. Incomplete when any diagnostic is an error: then no report is written.</summary>
public sealed class AuditResult
{
    public required IReadOnlyList<ScannedInput> Inputs { get; init; }

    public required StackModel Model { get; init; }

    public required VendorCatalog Catalog { get; init; }

    public required IReadOnlyList<Finding> Findings { get; init; }

    public required IReadOnlyList<Diagnostic> Diagnostics { get; init; }

    public required SecretLedger Secrets { get; init; }

    /// <summary>Every rule that was evaluated (built-in pack and --policies folders), sorted by id.</summary>
    public IReadOnlyList<PolicyRule> Rules { get; init; } = [];

    public bool Complete => !Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>
    /// The inputs whose content was read (by a reader, or declined by one after reading), not those passed over by name;
    /// each with the file it was read from (<see cref="ReadAs"/>), null where the read did not tell.
    /// </summary>
    public IEnumerable<(string File, FileId? ReadAs)> ReadInputs()
    {
        // Looked up here, only for a report written to a file: the scan itself only lists them.
        var readAs = new Dictionary<string, FileId>(ReadAs.Count, StringComparer.Ordinal);
        foreach (var (file, id) in ReadAs)
        {
            readAs.TryAdd(file, id);
        }

        return Inputs.Where(i => i.Reader != "none").Select(i => (i.File, readAs.TryGetValue(i.File, out var id) ? id : (FileId?)null));
    }

    /// <summary>The file each read input's text came from (device and inode of the handle read), by its shown path; an input the read did not tell this of is missing.</summary>
    public IReadOnlyList<(string File, FileId ReadAs)> ReadAs { get; init; } = [];

    /// <summary>The stacks the scan formed, each audited on its own; <see cref="Model"/> and <see cref="Findings"/> are their roll-up.</summary>
    public IReadOnlyList<StackResult> Stacks { get; init; } = [];
}

/// <summary>One stack and the findings about it.</summary>
public sealed record StackResult(Stacks.Stack Stack, IReadOnlyList<Finding> Findings);

/// <summary>What a finding source sees: the merged stack, the catalog and the options.</summary>
public sealed record AuditContext(StackModel Model, VendorCatalog Catalog, AuditOptions Options, IReadOnlyList<InputFile> Files, List<Diagnostic> Diagnostics)
{
    /// <summary>The policy rules the finding sources loaded, for renderers that describe rules (SARIF).</summary>
    public List<PolicyRule> Rules { get; } = [];
}

/// <summary>Produces findings from an audited stack (the policy engine, built-in checks). Registered in <see cref="Auditor"/>.</summary>
public interface IFindingSource
{
    IEnumerable<Finding> Evaluate(AuditContext context);
}

/// <summary>How far a scan is: <see cref="Read"/> of <see cref="Total"/> input files, the last one in <see cref="Folder"/>.</summary>
public sealed record ScanProgress(int Read, int Total, string Folder);
