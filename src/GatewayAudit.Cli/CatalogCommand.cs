using System.CommandLine;
using System.Globalization;
using GatewayAudit.Core.Catalog;
using GatewayAudit.Core.Model;
using GatewayAudit.Core.Scanning;

namespace GatewayAudit.Cli;

/// <summary><c>gateway-audit catalog list</c>: the vendors the catalog knows and how much of each is confirmed.</summary>
public static class CatalogCommand
{
    public static Command Create(Terminal terminal, string workingDirectory)
    {
        static Option<string[]> CatalogFolders() => new("--catalog") { Description = "Extra vendor catalog folder, as for scan. Repeatable." };
        var catalogs = CatalogFolders();
        var list = new Command("list", "List catalog vendors: id, kind, ZDR availability, and how many facts are confirmed with a source.") { catalogs };
        list.SetAction(parse => Load(parse.GetValue(catalogs), terminal, workingDirectory) is { } catalog ? List(catalog, terminal) : ExitCodes.UsageOrInput);

        var checkCatalogs = CatalogFolders();
        var maxAge = new Option<int>("--max-age")
        {
            Description = "Days after which a fact is due for re-verification (default 180). Vendor retention, ZDR and sub-processor terms change; re-read the page before the annex is signed.",
            DefaultValueFactory = _ => DefaultMaxAgeDays,
        };
        var asOf = new Option<string?>("--as-of") { Description = "Judge ages as of this date (YYYY-MM-DD), e.g. the day the DPA will be signed. Default: today (UTC)." };
        var check = new Command("check", "List the sourced facts read longer ago than --max-age days, oldest first, with the page to re-read. Exit 1 when any is due, 0 when none.")
        {
            checkCatalogs, maxAge, asOf,
        };
        check.SetAction(parse => Check(parse.GetValue(checkCatalogs), parse.GetValue(maxAge), parse.GetValue(asOf), terminal, workingDirectory));
        return new Command("catalog", "Inspect the vendor catalog (policies/catalog).") { list, check };
    }

    private const int DefaultMaxAgeDays = 180;

    private static VendorCatalog? Load(string[]? extraFolders, Terminal terminal, string workingDirectory)
    {
        var folders = new[] { BuiltIn.CatalogDir(BuiltIn.Root) }
            .Concat((extraFolders ?? []).Select(d => Path.GetFullPath(d, workingDirectory)));
        var (catalog, diagnostics) = VendorCatalog.Load(folders, BuiltIn.CatalogSchema(BuiltIn.Root),
            p => Path.GetRelativePath(workingDirectory, p).Replace('\\', '/'), trustedFolder: BuiltIn.CatalogDir(BuiltIn.Root));
        foreach (var diagnostic in diagnostics)
        {
            terminal.Report(diagnostic);
        }

        return diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error) ? null : catalog;
    }

    private static int List(VendorCatalog catalog, Terminal terminal)
    {
        var rows = catalog.Vendors.Select(v => (v.Id, v.Kind, Zdr: v.Fact(Vendor.Zdr).Text,
            Known: $"{v.Facts.Values.Count(f => f.Known)}/{Vendor.FactNames.Count}", v.Name)).ToList();
        var idWidth = Math.Max(2, rows.Max(r => r.Id.Length));
        var kindWidth = Math.Max(4, rows.Max(r => r.Kind.Length));
        terminal.Write($"{"ID".PadRight(idWidth)}  {"KIND".PadRight(kindWidth)}  {"ZDR",-8} {"FACTS",-6} NAME\n");
        foreach (var row in rows)
        {
            terminal.Write($"{row.Id.PadRight(idWidth)}  {row.Kind.PadRight(kindWidth)}  {row.Zdr,-8} {row.Known,-6} {row.Name}\n");
        }

        terminal.Write($"\n{rows.Count} vendors. FACTS counts facts confirmed with a source; the rest are 'unknown'.\n");
        return ExitCodes.Ok;
    }

    private static int Check(string[]? extraFolders, int maxAgeDays, string? asOfText, Terminal terminal, string workingDirectory)
    {
        if (maxAgeDays < 0)
        {
            terminal.Error($"--max-age must be 0 or more days, not {maxAgeDays}.");
            return ExitCodes.UsageOrInput;
        }

        var asOf = DateOnly.FromDateTime(DateTime.UtcNow);
        if (asOfText is not null && !DateOnly.TryParseExact(asOfText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out asOf))
        {
            terminal.Error($"--as-of must be a date written YYYY-MM-DD, not '{asOfText}'.");
            return ExitCodes.UsageOrInput;
        }

        if (Load(extraFolders, terminal, workingDirectory) is not { } catalog)
        {
            return ExitCodes.UsageOrInput;
        }

        var stale = FactAge.OlderThan(catalog, maxAgeDays, asOf);
        var asOfIso = asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (stale.Count == 0)
        {
            terminal.Write($"Every sourced fact was checked within {maxAgeDays} days of {asOfIso}.\n");
            return ExitCodes.Ok;
        }

        var vendorWidth = Math.Max(6, stale.Max(s => s.VendorId.Length));
        var factWidth = Math.Max(4, stale.Max(s => s.Fact.Length));
        terminal.Write($"{"VENDOR".PadRight(vendorWidth)}  {"FACT".PadRight(factWidth)}  CHECKED     AGE   RE-READ\n");
        foreach (var fact in stale)
        {
            var checkedOn = fact.Checked.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            terminal.Write($"{fact.VendorId.PadRight(vendorWidth)}  {fact.Fact.PadRight(factWidth)}  {checkedOn}  {fact.AgeDays,4}d  {fact.Source?.ToString() ?? fact.Origin}\n");
        }

        var vendors = stale.Select(s => s.VendorId).Distinct(StringComparer.Ordinal).Count();
        terminal.Write($"\n{stale.Count} facts of {vendors} vendors were checked more than {maxAgeDays} days before {asOfIso}: re-read each page and update 'checked' (or the value) in the catalog file.\n");
        return ExitCodes.Findings;
    }
}
