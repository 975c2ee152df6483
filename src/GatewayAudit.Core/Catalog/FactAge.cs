namespace GatewayAudit.Core.Catalog;

/// <summary>A catalog fact read longer ago than the team's re-verification period allows.</summary>
public sealed record StaleFact(string VendorId, string Fact, DateOnly Checked, int AgeDays, Uri? Source, string Origin);

/// <summary>
/// Which sourced catalog facts are due for re-verification. Vendor terms change (retention periods, ZDR terms,
/// sub-processor lists), and a DPA annex quoting a fact read two years ago may quote a page that no longer says it.
/// An <c>unknown</c> fact has no date and is not listed here: it is already in every report's "facts to confirm".
/// Alternatives are checked too: each is a statement the report shows with its own date.
/// </summary>
public static class FactAge
{
    public static IReadOnlyList<StaleFact> OlderThan(VendorCatalog catalog, int maxAgeDays, DateOnly asOf)
    {
        var stale = new List<StaleFact>();
        foreach (var vendor in catalog.Vendors)
        {
            foreach (var name in Vendor.FactNames)
            {
                var fact = vendor.Fact(name);
                var dates = fact.Alternatives.Select(a => ((DateOnly?)a.Checked, (Uri?)a.Source)).Prepend((fact.Checked, fact.Source));
                foreach (var (checkedOn, source) in dates)
                {
                    if (checkedOn is { } day && asOf.DayNumber - day.DayNumber > maxAgeDays)
                    {
                        stale.Add(new StaleFact(vendor.Id, name, day, asOf.DayNumber - day.DayNumber, source, vendor.Origin));
                    }
                }
            }
        }

        return [.. stale.OrderBy(s => s.Checked).ThenBy(s => s.VendorId, StringComparer.Ordinal).ThenBy(s => s.Fact, StringComparer.Ordinal)];
    }
}
