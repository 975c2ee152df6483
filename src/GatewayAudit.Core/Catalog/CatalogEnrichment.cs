using GatewayAudit.Core.Model;

namespace GatewayAudit.Core.Catalog;

/// <summary>
/// Fills in what the catalog knows and the readers could not: who runs an endpoint known only by its host
/// (api.groq.com, *.rds.amazonaws.com). Nothing is inferred beyond a host match.
/// </summary>
public static class CatalogEnrichment
{
    public static void Apply(StackModel model, VendorCatalog catalog)
    {
        foreach (var component in model.Components)
        {
            if (component.Hosting == Hosting.OperatorHosted || component.Attributes["host"] is not string host)
            {
                continue;
            }

            if (catalog.FindByHost(host) is { } vendor && (component.Vendor is null || component.Vendor == vendor.Id))
            {
                component.Vendor = vendor.Id;
                component.Hosting = Hosting.ThirdParty;
                component.Notes.Add($"Host {host} belongs to {vendor.Name} (catalog).");
            }
        }
    }
}
