using GatewayAudit.Core.Model;

namespace GatewayAudit.Core.Catalog;

/// <summary>
/// Fills in what the catalog knows and the readers could not: who runs an endpoint known only by its host
/// (api.groq.com, *.rds.amazonaws.com). Nothing is inferred beyond a host match. A model endpoint whose public host
/// the catalog does not know is asked about here, once the catalog has had its say, so a host the catalog names
/// never gets a question asking who runs it.
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
            else if (component.Vendor is null && component.Role is ComponentRole.ModelProvider or ComponentRole.Gateway or ComponentRole.SelfHostedInference)
            {
                model.OpenQuestions.Add(new OpenQuestion(component.Name,
                    $"Who runs the server at {host}, and what does it keep of the prompts it receives? Neither the config nor the catalog shows it.",
                    component.Attributes.Origin("host") ?? component.Evidence.FirstOrDefault()));
            }
        }
    }
}
