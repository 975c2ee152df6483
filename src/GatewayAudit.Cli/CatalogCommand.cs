using System.CommandLine;
using GatewayAudit.Core.Catalog;
using GatewayAudit.Core.Model;
using GatewayAudit.Core.Scanning;

namespace GatewayAudit.Cli;

/// <summary><c>gateway-audit catalog list</c>: the vendors the catalog knows and how much of each is confirmed.</summary>
public static class CatalogCommand
{
    public static Command Create(Terminal terminal, string workingDirectory)
    {
        var catalogs = new Option<string[]>("--catalog") { Description = "Extra vendor catalog folder, as for scan. Repeatable." };
        var list = new Command("list", "List catalog vendors: id, kind, ZDR availability, and how many facts are confirmed with a source.") { catalogs };
        list.SetAction(parse =>
        {
            var folders = new[] { BuiltIn.CatalogDir(BuiltIn.Root) }
                .Concat((parse.GetValue(catalogs) ?? []).Select(d => Path.GetFullPath(d, workingDirectory)));
            var (catalog, diagnostics) = VendorCatalog.Load(folders, BuiltIn.CatalogSchema(BuiltIn.Root),
                p => Path.GetRelativePath(workingDirectory, p).Replace('\\', '/'));
            foreach (var diagnostic in diagnostics)
            {
                terminal.Report(diagnostic);
            }

            if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
            {
                return ExitCodes.UsageOrInput;
            }

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
        });
        return new Command("catalog", "Inspect the vendor catalog (policies/catalog).") { list };
    }
}
