using GatewayAudit.Core.Catalog;
using GatewayAudit.Core.Model;

namespace GatewayAudit.Core.Reports;

/// <summary>
/// Observations for decisions about the gateway, each with the facts it rests on: a gateway in front of a single
/// provider; several deployments of one provider that may share one organisation's rate limit; and the inputs a
/// hosted-gateway vs self-hosted-proxy cost comparison needs. Never a verdict: the reader weighs them.
/// </summary>
internal static class AdvisoryBuilder
{
    /// <summary>The rule whose selection (regional cloud quotas left out) decides which providers share a limit.</summary>
    private const string SharedRateLimitRule = "shared-rate-limit-deployments";

    public static List<AdvisoryRow> Build(StackModel model, IEnumerable<Finding> findings, VendorCatalog catalog)
    {
        var rows = new List<AdvisoryRow>();
        var gateways = model.Components.Where(c => c.Role == ComponentRole.Gateway).OrderBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();
        foreach (var gateway in gateways)
        {
            if (SingleProvider(model, gateway) is { } advisory)
            {
                rows.Add(advisory);
            }
        }

        foreach (var subject in findings.Where(f => f.RuleId == SharedRateLimitRule && f.Subject is not null).Select(f => f.Subject!).Distinct().Order(StringComparer.Ordinal))
        {
            if (model.Find(subject) is not { } provider)
            {
                continue;
            }

            var groups = provider.Attributes["groupsWithSeveralDeployments"] as string[] ?? [];
            rows.Add(new AdvisoryRow("Several keys, one rate limit",
                $"{provider.Name} serves {Plural(groups.Length, "model group")} {string.Join(", ", groups)} from several deployments. Keys of one provider organisation share that organisation's rate limit (Anthropic: \"limits are set at the organization level\"), so the extra deployments add capacity only if their keys belong to other organisations or projects with limits of their own; a fallback to another provider pool adds capacity either way.",
                [
                    $"deployments per model group: up to {provider.Attributes["maxDeploymentsPerGroup"] ?? "unknown"}",
                    $"model groups with several deployments: {string.Join(", ", groups)}",
                    $"where: {Where(provider.Evidence)}",
                    "which organisation or project each key belongs to: not in the inputs",
                ]));
        }

        if (gateways.Count > 0)
        {
            rows.Add(BreakEven(model, gateways, catalog));
        }

        return rows;
    }

    private static AdvisoryRow? SingleProvider(StackModel model, Component gateway)
    {
        var targets = model.FlowsOutOf(gateway.Id).Where(f => f.Attributes["kind"] is "inference").Select(f => model.Find(f.To)).OfType<Component>().ToList();
        if (gateway.Hosting != Hosting.OperatorHosted)
        {
            // A hosted gateway's upstreams: single only when every route names the same known vendor.
            targets = model.Components.Where(c => c.SubProcessorOf == gateway.Id).ToList();
        }

        var vendors = targets.Select(t => t.Vendor ?? t.Id).Distinct(StringComparer.Ordinal).ToList();
        if (vendors.Count != 1 || targets.Any(t => t.Vendor is null && t.Role != ComponentRole.SelfHostedInference))
        {
            return null;
        }

        var provider = targets[0];
        var groups = targets.SelectMany(t => t.Attributes["modelGroups"] as string[] ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var inputs = new List<string>
        {
            $"gateway: {gateway.Name} ({(gateway.Hosting == Hosting.OperatorHosted ? "run by the operator" : "a third party")})",
            $"provider: {provider.Name}",
        };
        if (groups.Count > 0)
        {
            inputs.Add($"model groups: {string.Join(", ", groups)}");
        }

        inputs.Add($"where: {Where(targets.SelectMany(t => t.Evidence))}");
        var added = gateway.Hosting == Hosting.OperatorHosted
            ? "a network hop and a failure mode of its own (and its database and cache, where wired)"
            : $"a network hop, a failure mode and a sub-processor ({gateway.Name})";
        return new AdvisoryRow("Single provider behind a gateway",
            $"Every request through {gateway.Name} goes to {provider.Name}. Routing across providers, a gateway's main use, is not in use here, while the gateway still adds {added}. Keys, budgets, logging or a planned second provider may still be reasons to keep it.",
            inputs);
    }

    private static AdvisoryRow BreakEven(StackModel model, List<Component> gateways, VendorCatalog catalog)
    {
        var inputs = new List<string> { "monthly model spend through the gateway: not in the inputs" };
        foreach (var hosted in gateways.Where(g => g.Hosting != Hosting.OperatorHosted))
        {
            inputs.Add($"{hosted.Name}'s fee or margin on that spend: not in the inputs or the catalog");
        }

        foreach (var own in gateways.Where(g => g.Hosting == Hosting.OperatorHosted))
        {
            inputs.Add(own.Attributes["replicas"] is long replicas ? $"{own.Name} replicas: {replicas}" : $"{own.Name} replicas: not shown");
            foreach (var store in model.FlowsOutOf(own.Id).Where(f => f.Attributes["kind"] is "storage" or "coordination" or "cache").Select(f => model.Find(f.To)).OfType<Component>())
            {
                inputs.Add($"{store.Name}: {(store.Hosting == Hosting.OperatorHosted ? "run by the operator" : store.Hosting == Hosting.ThirdParty ? $"hosted by {catalog.Find(store.Vendor)?.Name ?? "a third party"}" : "hosting unknown")}");
            }

            inputs.Add($"people's time to run, secure and upgrade {own.Name}: not in the inputs");
        }

        return new AdvisoryRow("Hosted gateway or self-hosted proxy",
            "A break-even between a hosted gateway's margin and running a proxy yourself rests on the inputs below; the files show only some of them, so no figure is given.",
            inputs);
    }

    /// <summary>Locations as "file:3, 7; other:2", at most <see cref="LockInBuilder.ItemCap"/> of them.</summary>
    private static string Where(IEnumerable<SourceLocation> locations) =>
        string.Join("; ", locations.Distinct().Order().Take(LockInBuilder.ItemCap).GroupBy(l => l.File, StringComparer.Ordinal)
            .Select(g => $"{g.Key}:{string.Join(", ", g.Select(l => l.Line))}"));

    private static string Plural(int count, string noun) => count == 1 ? noun : $"{noun}s";
}
