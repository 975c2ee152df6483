using GatewayAudit.Core.Catalog;

namespace GatewayAudit.Core.Tests.Catalog;

/// <summary>
/// The table of built-in vendors in policies/catalog/README.md is what a reader checks before trusting the catalog:
/// it must list every shipped vendor and show each fact as the files hold it (✓ sourced, · unknown, the value for
/// zdr and training).
/// </summary>
public sealed class CatalogReadmeTests
{
    /// <summary>The table's fact columns after id and kind, in order.</summary>
    private static readonly string[] Columns =
    [
        Vendor.LegalEntity, Vendor.EeaLegalEntity, Vendor.Country, Vendor.DataRegions, Vendor.DefaultRetention, Vendor.Zdr,
        Vendor.TrainsOnApiData, Vendor.Certifications, Vendor.DpaUrl, Vendor.SubprocessorListUrl, Vendor.TransferMechanisms, Vendor.Sla,
    ];

    private static Dictionary<string, string[]> TableRows()
    {
        var lines = File.ReadAllLines(RepoPaths.Combine("policies", "catalog", "README.md"));
        return lines.SkipWhile(l => !l.StartsWith("| id | kind |", StringComparison.Ordinal)).Skip(2)
            .TakeWhile(l => l.StartsWith('|'))
            .Select(l => l.Trim('|').Split('|').Select(c => c.Trim()).ToArray())
            .ToDictionary(cells => cells[0].Trim('`'), cells => cells, StringComparer.Ordinal);
    }

    private static string Cell(VendorFact fact, string name) =>
        !fact.Known ? "·" : name is Vendor.Zdr or Vendor.TrainsOnApiData ? fact.Text : "✓";

    [Fact]
    public void The_readme_table_lists_every_shipped_vendor_with_its_facts_as_the_files_hold_them()
    {
        var rows = TableRows();
        var vendors = ReaderHarness.ShippedCatalog.Vendors.ToList();
        Assert.Equal(vendors.Select(v => v.Id).Order(StringComparer.Ordinal), rows.Keys.Order(StringComparer.Ordinal));
        var stale = vendors
            .Where(v => !rows[v.Id].Skip(2).SequenceEqual(Columns.Select(c => Cell(v.Fact(c), c))))
            .Select(v => $"{v.Id}: table says [{string.Join(' ', rows[v.Id].Skip(2))}], files say [{string.Join(' ', Columns.Select(c => Cell(v.Fact(c), c)))}]")
            .ToList();
        Assert.True(stale.Count == 0, "update the table in policies/catalog/README.md:\n" + string.Join('\n', stale));
    }
}
