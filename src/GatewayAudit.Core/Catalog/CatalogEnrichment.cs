using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers;

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
                MarkHostingPlatform(component, host);
                model.OpenQuestions.Add(new OpenQuestion(component.Name,
                    $"Who runs the server at {host}, and what does it keep of the prompts it receives? Neither the config nor the catalog shows it.",
                    component.Attributes.Origin("host") ?? component.Evidence.FirstOrDefault()));
            }
        }
    }

    /// <summary>
    /// A host under a public hosting platform (an app on Railway, Render, Fly.io ...) runs on that platform whoever
    /// deployed it: a third party the data passes through, though who operates the app stays the open question.
    /// </summary>
    private static void MarkHostingPlatform(Component component, string host)
    {
        if (HostClassifier.HostingPlatformOf(host) is not { } platform || component.Attributes.ContainsKey("hostingPlatform"))
        {
            return;
        }

        component.Hosting = Hosting.ThirdParty;
        component.Name += $" (on {platform})";
        component.Attributes.Set("hostingPlatform", platform);
        component.Notes.Add($"{host} is an app on {platform}, a public hosting platform: prompts pass through {platform}'s infrastructure whoever deployed the app, and who that is is not in the inputs.");
    }
}
