using System.Globalization;
using GatewayAudit.Core.Catalog;
using GatewayAudit.Core.Model;

namespace GatewayAudit.Core.Reports;

/// <summary>
/// The request path's hard dependencies and their published availability figures. A request through a LiteLLM proxy
/// needs the proxy and its host, the Postgres that holds virtual keys and budgets (unless
/// <c>allow_requests_on_db_unavailable</c> is on), the router Redis when rate limits are coordinated there, a guardrail
/// that screens before the call, and the provider of its model group. Sources: LiteLLM "Life of a Request"
/// (https://docs.litellm.ai/docs/proxy/architecture: key checked in the cache first, the database on a miss; Redis
/// holds the key cache and rate-limit counters) and <c>litellm/proxy/db/exception_handler.py</c> in BerriAI/litellm
/// (with the flag on, a database connection error does not fail the request). Figures come only from the catalog's
/// <c>sla</c> fact; a dependency without one says so.
/// </summary>
internal static class AvailabilityBuilder
{
    private const string EveryRequest = "every request";

    public static AvailabilitySection Build(StackModel model, VendorCatalog catalog)
    {
        var dependencies = new List<DependencyRow>();
        var notes = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        // The flows out of each component, in the model's order: asking the model scans every flow of the scan, and the
        // roll-up of 10,000 stacks asked it for each entry and each inference target (bench/SCALE.md round 14).
        var outOf = model.Flows.ToLookup(f => f.From, StringComparer.Ordinal);

        void Add(Component component, string scope)
        {
            if (seen.Add(component.Id))
            {
                dependencies.Add(Row(component, catalog.Find(component.Vendor), scope));
            }
        }

        var entries = model.Flows.Where(f => model.Find(f.From)?.Role == ComponentRole.App)
            .Select(f => model.Find(f.To)).OfType<Component>().DistinctBy(c => c.Id).OrderBy(c => c.Id, StringComparer.Ordinal).ToList();
        foreach (var entry in entries)
        {
            // What the clients call: every request passes it when it is the only entry (or the operator's proxy).
            Add(entry, entries.Count == 1 || (entry.Role == ComponentRole.Gateway && entry.Hosting == Hosting.OperatorHosted) ? EveryRequest : "requests the code sends to it");
            foreach (var flow in outOf[entry.Id].OrderBy(f => f.To, StringComparer.Ordinal))
            {
                if (model.Find(flow.To) is not { } target)
                {
                    continue;
                }

                switch (flow.Attributes["kind"] as string)
                {
                    case null when target.Role == ComponentRole.Host:
                        Add(target, EveryRequest);
                        break;
                    case "storage" when target.Role == ComponentRole.Datastore:
                        if (entry.Attributes["allowRequestsOnDbUnavailable"] is true)
                        {
                            notes.Add($"allow_requests_on_db_unavailable is on{At(entry, "allowRequestsOnDbUnavailable")}: when the database is unreachable the proxy lets requests through, so {target.Name} is not on the list (virtual-key and budget checks are skipped while it is down).");
                        }
                        else
                        {
                            Add(target, "every request whose virtual key is not cached (key and budget checks)");
                            notes.Add($"{target.Name} is on the request path because allow_requests_on_db_unavailable is not on: a database outage fails requests whose key is not in the proxy's cache. Setting it to true takes the database off the path, at the price of unchecked keys and budgets while it is down.");
                        }

                        break;
                    case "coordination":
                        Add(target, "every request (rate-limit counters and key cache)");
                        notes.Add($"{target.Name} holds rate-limit counters on the request path; allow_requests_on_db_unavailable concerns the database only, and the config does not show what the proxy does when Redis is unreachable.");
                        break;
                    case "guardrail":
                        Add(target, "requests it screens, when it runs before or during the call (pre_call, during_call)");
                        break;
                    case "inference":
                        AddInference(model, outOf, target, Add);
                        break;
                }
            }

            if (entry.Role != ComponentRole.Gateway || entry.Hosting != Hosting.OperatorHosted)
            {
                foreach (var upstream in outOf[entry.Id].Select(f => model.Find(f.To)).OfType<Component>().Where(c => c.SubProcessorOf == entry.Id))
                {
                    Add(upstream, $"requests {entry.Name} routes to it");
                }
            }
        }

        if (entries.FirstOrDefault(e => e.Attributes["fallbacks"] is string[])?.Attributes["fallbacks"] is string[] fallbacks)
        {
            notes.Add($"Fallbacks ({string.Join("; ", fallbacks)}): a request to a group with a fallback fails only when both its provider and the fallback's fail, so for that group the two count in parallel (1 - (1 - a)(1 - b)), not in series.");
        }

        var (composite, percent) = Composite(dependencies.Where(d => d.Scope.StartsWith(EveryRequest, StringComparison.Ordinal)).ToList());
        return new AvailabilitySection(dependencies, composite, percent, notes);
    }

    private static void AddInference(StackModel model, ILookup<string, Flow> outOf, Component target, Action<Component, string> add)
    {
        var groups = target.Attributes["modelGroups"] is string[] { Length: > 0 } names ? string.Join(", ", names) : null;
        add(target, groups is null ? "requests routed to it" : $"requests to model group{(groups.Contains(',', StringComparison.Ordinal) ? "s" : "")} {groups}");
        foreach (var upstream in outOf[target.Id].Select(f => model.Find(f.To)).OfType<Component>().Where(c => c.SubProcessorOf == target.Id))
        {
            add(upstream, $"requests {target.Name} routes to it");
        }
    }

    private static DependencyRow Row(Component component, Vendor? vendor, string scope)
    {
        var evidence = component.Evidence.Take(AnnexBuilder.EvidenceCap).Select(l => new EvidenceRow(l.File, l.Line)).ToList();
        if (vendor?.Fact(Vendor.Sla) is { Known: true } sla && double.TryParse(sla.Values[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var percent)
            && component.Hosting == Hosting.ThirdParty)
        {
            return new DependencyRow(component.Id, component.Name, scope, $"{Percent(percent)} monthly uptime (published SLA)", percent, sla.Source?.ToString(), evidence);
        }

        var figure = component.Hosting switch
        {
            Hosting.OperatorHosted => "operator-run: your own uptime, no vendor figure",
            Hosting.Unknown => "hosting unknown: no figure",
            _ => "no published figure",
        };
        return new DependencyRow(component.Id, component.Name, scope, figure, null, null, evidence);
    }

    private static (string Text, double? Percent) Composite(List<DependencyRow> path)
    {
        if (path.Count == 0)
        {
            return ("no dependency shared by every request was found in the inputs", null);
        }

        var known = path.Where(d => d.Percent is not null).ToList();
        var product = known.Aggregate(100.0, (acc, d) => acc * d.Percent!.Value / 100);
        if (known.Count == path.Count)
        {
            return ($"{Percent(product)} for every request before its provider (the product of {known.Count} published figures)", product);
        }

        var missing = string.Join(", ", path.Where(d => d.Percent is null).Select(d => d.Name));
        return known.Count == 0
            ? ($"not computable: no published figure for {missing}", null)
            : ($"at most {Percent(product)} (the published figures multiplied); no figure for {missing}", null);
    }

    private static string Percent(double value) => $"{value.ToString("0.###", CultureInfo.InvariantCulture)}%";

    private static string At(Component component, string attribute) =>
        component.Attributes.Origin(attribute) is { } origin ? $" ({origin})" : "";
}
