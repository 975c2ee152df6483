using System.Globalization;
using GatewayAudit.Core.Catalog;
using GatewayAudit.Core.Model;

namespace GatewayAudit.Core.Reports;

/// <summary>
/// One component as the report judged it: the catalog entry, the gateway whose terms apply (null when the stack
/// contracts with the party directly, or a gateway calls it with the operator's own account), what it receives, and
/// its row of the technical inventory.
/// </summary>
internal sealed record Party(Component Component, Vendor? Vendor, Component? Terms, DataCategorySet Receives, ZdrStatus Zdr, SubProcessorRow Row)
{
    /// <summary>Why the party is only possible (<see cref="PartyCertainty"/>); null for a party shown receiving data.</summary>
    public PossibleBasis? Possible { get; init; }
}

/// <summary>The annex's numbers for a summary: its sub-processor rows, the operator's systems, and the rows of both that receive prompt text.</summary>
internal readonly record struct AnnexCounts(int Subprocessors, int OperatorSystems, int ReceivingPrompts)
{
    public static AnnexCounts Of(AnnexSection annex) => new(
        annex.Subprocessors.Count,
        annex.OperatorSystems.Count,
        annex.Subprocessors.Count(a => a.DataCategories.Contains("prompt")) + annex.OperatorSystems.Count(o => o.DataCategories.Contains("prompt")));
}

/// <summary>
/// The annex in the shape counsel signs: third parties with legal entity, location, purpose, transfer mechanism,
/// short retention and safeguards; the operator's own systems apart; evidence in a table of its own; and the annex
/// facts the catalog has no sourced value for, listed once per party.
/// </summary>
internal static partial class AnnexBuilder
{
    /// <summary>Locations shown per party in the evidence table; the row also says how many there are in all.</summary>
    public const int EvidenceCap = EvidenceRows.Cap;

    private static readonly (string Fact, string Label)[] AnnexFacts =
    [
        (Vendor.LegalEntity, "legal entity"),
        (Vendor.Country, "country of the legal entity"),
        (Vendor.DataRegions, "processing locations"),
        (Vendor.TransferMechanisms, "transfer mechanism"),
        (Vendor.DefaultRetention, "retention"),
        (Vendor.DpaUrl, "DPA"),
        (Vendor.SubprocessorListUrl, "its own sub-processor list"),
    ];

    // Every fact, for a party without a catalog entry: one list, never changed, for every such row of every stack.
    private static readonly IReadOnlyList<string> AnnexFactLabels = [.. AnnexFacts.Select(f => f.Label)];

    public static AnnexSection Build(IReadOnlyList<Party> parties)
    {
        var annex = PartiesOfOneContract(parties.Where(p => p.Component.Hosting != Hosting.OperatorHosted)).ToList();
        var own = parties.Where(p => p.Component.Hosting == Hosting.OperatorHosted).ToList();
        var evidence = annex.Select(g => (Group: g, Locations: EvidenceOf(g)))
            .Select(x => new AnnexEvidenceRow(IdOf(x.Group), NameOf(x.Group[0]), EvidenceRows.First(x.Locations), x.Locations.Count))
            .Concat(own.Select(p => new AnnexEvidenceRow(p.Component.Id, p.Component.Name, p.Row.Evidence.Take(EvidenceCap).ToList(), p.Row.EvidenceCount)))
            .ToList();
        return new AnnexSection(annex.Select(Row).ToList(), own.Select(OperatorRow).ToList(), evidence);
    }

    /// <summary>
    /// The counts of the annex <see cref="Build"/> makes, without its rows: a row receives prompts when any of its paths
    /// does (a merged row's categories are the union of its paths').
    /// </summary>
    public static AnnexCounts CountsOf(IReadOnlyList<Party> parties)
    {
        var own = 0;
        var receivingPrompts = 0;

        // Each contract's first party and whether any of its paths receives prompts, found by comparing contracts, not
        // by a key string made for each party of each of 10,000 stacks (bench/SCALE.md round 16): a stack has a handful.
        var contracts = new List<(Party First, bool Prompts)>();
        foreach (var party in parties)
        {
            var prompts = party.Receives.Contains(DataCategory.Prompt);
            if (party.Component.Hosting == Hosting.OperatorHosted)
            {
                own++;
                receivingPrompts += prompts ? 1 : 0;
                continue;
            }

            var at = contracts.Count - 1;
            while (at >= 0 && !SameContract(contracts[at].First, party))
            {
                at--;
            }

            if (at < 0)
            {
                contracts.Add((party, prompts));
            }
            else if (prompts)
            {
                contracts[at] = (contracts[at].First, true);
            }
        }

        foreach (var contract in contracts)
        {
            receivingPrompts += contract.Prompts ? 1 : 0;
        }

        return new AnnexCounts(contracts.Count, own, receivingPrompts);
    }

    /// <summary>
    /// One annex row per contract: a vendor the operator reaches on its own account through several paths (directly,
    /// and through Helicone or Portkey with the operator's own key) is one sub-processor, not one row per path. Parties
    /// under a gateway's terms (OpenRouter's upstreams) and parties of different roles stay rows of their own.
    /// </summary>
    private static IEnumerable<List<Party>> PartiesOfOneContract(IEnumerable<Party> annex) =>
        annex.GroupBy(ContractOf, StringComparer.Ordinal).Select(g => g.ToList());

    /// <summary>Whether <see cref="ContractOf"/> gives the two parties the same key, without making the keys.</summary>
    private static bool SameContract(Party a, Party b) => ByVendor(a) is { } vendorA
        ? ByVendor(b) is { } vendorB && vendorA.Id == vendorB.Id && EnumText.Of(a.Component.Role) == EnumText.Of(b.Component.Role)
        : ByVendor(b) is null && a.Component.Id == b.Component.Id;

    private static Vendor? ByVendor(Party p) => p.Terms is null && p.Vendor is { } vendor && p.Component.Hosting == Hosting.ThirdParty ? vendor : null;

    private static string ContractOf(Party p) => p.Terms is null && p.Vendor is { } vendor && p.Component.Hosting == Hosting.ThirdParty
        ? $"{vendor.Id}\u0000{EnumText.Of(p.Component.Role)}"
        : p.Component.Id;

    // A one-path party keeps its own list and count; paths merged into one row count each file and line once.
    private static List<SourceLocation> EvidenceOf(List<Party> group) => group.Count == 1
        ? [.. group[0].Component.Evidence]
        : [.. group.SelectMany(p => p.Component.Evidence).DistinctBy(l => (l.File, l.Line))];

    // The direct path's id when there is one, so a row keeps the id a one-path stack gives it.
    private static string IdOf(List<Party> group) => (group.FirstOrDefault(p => p.Component.SubProcessorOf is null) ?? group[0]).Component.Id;

    // A row is possible only when every path of it is: one path shown in use makes the party certain.
    private static AnnexRow Row(List<Party> group) =>
        group.All(p => p.Possible is not null) && group[0].Possible is { } possible
            ? Possibly(ShownRow(group), possible)
            : ShownRow(group);

    private static AnnexRow Possibly(AnnexRow row, PossibleBasis possible) =>
        row with { Possible = possible.Shown, Purpose = $"Possible sub-processor, if it is used ({possible.Shown}): {row.Purpose}" };

    private static AnnexRow ShownRow(List<Party> group)
    {
        var rows = group.Select(ShownRow).ToList();
        var paths = PathsOf(group);
        if (rows.Count == 1)
        {
            return paths is null ? rows[0] : rows[0] with { Purpose = $"{rows[0].Purpose} ({paths})" };
        }

        var categories = DataCategorySet.Of(group.SelectMany(p => p.Receives));
        string Joined(Func<AnnexRow, string> cell) => string.Join("; ", rows.Select(cell).Distinct(StringComparer.Ordinal));
        return rows[0] with
        {
            Id = IdOf(group),
            Locations = Joined(r => r.Locations),
            Purpose = paths is null ? Joined(r => r.Purpose) : $"{Joined(r => r.Purpose)} ({paths})",
            DataCategories = [.. categories.Select(EnumText.Of)],
            DataReceived = DataText(categories),
            Retention = Joined(r => r.Retention),
            Safeguards = Joined(r => r.Safeguards),
            Notes = ComponentNotes.Shown(rows.SelectMany(r => r.Notes ?? [])),
        };
    }

    /// <summary>"through Helicone", "directly, and through Helicone and Portkey"; null when every path is direct.</summary>
    private static string? PathsOf(List<Party> group)
    {
        var gateways = group.Where(p => p.Terms is null && p.Component.SubProcessorOf is not null)
            .Select(p => p.Row.SubProcessorOfName ?? p.Component.SubProcessorOf!).Distinct(StringComparer.Ordinal).ToList();
        if (gateways.Count == 0)
        {
            return null;
        }

        var through = gateways.Count == 1 ? gateways[0] : $"{string.Join(", ", gateways[..^1])} and {gateways[^1]}";
        return group.Any(p => p.Component.SubProcessorOf is null) ? $"directly, and through {through}" : $"through {through}";
    }

    /// <summary>The party's name as the annex prints it: the vendor who runs it, else the component.</summary>
    public static string NameOf(Party party) => party.Vendor is { } vendor && party.Component.Hosting != Hosting.OperatorHosted ? vendor.Name : party.Component.Name;

    private static AnnexRow ShownRow(Party p)
    {
        var c = p.Component;
        var gateway = p.Terms;
        var vendor = p.Vendor;
        var legal = vendor?.Fact(Vendor.LegalEntity) is { Known: true } entity ? entity.Text
            : gateway is not null && vendor is null ? $"chosen by {gateway.Name} per request" : "unknown";
        return new AnnexRow(
            c.Id,
            NameOf(p),
            EnumText.Of(c.Hosting),
            // "via" is for a gateway's own sub-processors, under its terms; a path through a gateway on the
            // operator's own account is said in the purpose instead (PathsOf).
            gateway is not null ? p.Row.SubProcessorOfName : null,
            legal,
            // An EEA entity that is the contracting entity itself (Langfuse GmbH) is not repeated.
            vendor?.Fact(Vendor.EeaLegalEntity) is { Known: true } eea && !legal.StartsWith(eea.Text, StringComparison.Ordinal) ? eea.Text : null,
            vendor?.Fact(Vendor.Country) is { Known: true } country ? country.Text : gateway is not null && vendor is null ? "n/a" : "unknown",
            LocationsOf(p),
            PurposeOf(p),
            p.Row.DataCategories,
            c.Role == ComponentRole.ToolApi ? ToolDataText(p.Receives) : DataText(p.Receives),
            gateway is not null ? $"under {gateway.Name}'s terms with the provider"
                : vendor?.Fact(Vendor.TransferMechanisms) is { Known: true } transfer ? transfer.Text : "unknown",
            ShortRetention(p),
            SafeguardsOf(p))
        {
            Notes = ComponentNotes.Shown(c.Notes),
        };
    }

    private static OperatorSystemRow OperatorRow(Party p)
    {
        var c = p.Component;
        var location = c.Region is { } region ? $"{region.Value} (config)" : "the operator's infrastructure";
        var retention = c.Retention is { } configured ? $"{configured.Value.Description} (config)"
            : c.Attributes["retentionUnbounded"] is true ? "no bound set: kept until deleted"
            : "not shown by the config";
        return new OperatorSystemRow(c.Id, c.Name, PurposeOf(p), p.Row.DataCategories, DataText(p.Receives), location, retention) { Notes = ComponentNotes.Shown(c.Notes) };
    }

    private static string LocationsOf(Party p)
    {
        var c = p.Component;
        if (c.Attributes["regions"] is string[] { Length: > 1 } || c.Region is not null)
        {
            return p.Row.Region;
        }

        if (p.Terms is { } gateway)
        {
            return $"wherever the provider {gateway.Name} picks processes the request";
        }

        if (p.Vendor?.Fact(Vendor.DataRegions) is { Known: true } regions)
        {
            // Catalog values may be region codes or the vendor's own wording; several are options, not all at once.
            return regions.Values.Count == 1
                ? $"{regions.Text} (vendor)"
                : $"{string.Join("; ", regions.Values)} (the vendor's options; which applies to this account is not in the config)";
        }

        if (p.Vendor?.Fact(Vendor.ProcessingLocations) is { Known: true } places)
        {
            // Not a choice the customer makes: the vendor's own list of where processing may happen.
            return $"may be processed in any of: {string.Join(", ", places.Values)} (the vendor's list; which serves a request is not stated)";
        }

        return "unknown";
    }

    // Plain words per role, as a DPA annex's "nature and purpose of processing" column reads.
    private static string PurposeOf(Party p)
    {
        var c = p.Component;
        var hosted = p.Vendor is not null && c.Hosting == Hosting.ThirdParty;
        // A reader that knows what the party does says it (a tool API's "web search on queries built from prompts", Inngest's run history).
        if (c.Attributes["purpose"] is string stated && c.Role is ComponentRole.ToolApi or ComponentRole.Exporter or ComponentRole.ModelProvider)
        {
            return stated;
        }

        return c.Role switch
        {
            ComponentRole.Gateway => c.Hosting == Hosting.OperatorHosted ? "LLM gateway run by the operator: routes prompts to the model providers" : "LLM gateway: receives prompts and routes them to model providers",
            ComponentRole.ModelProvider when p.Terms is { } gateway => $"LLM inference on prompts, as {gateway.Name}'s sub-processor",
            ComponentRole.ModelProvider or ComponentRole.SelfHostedInference => "LLM inference on prompts",
            ComponentRole.Guardrail => "screening of prompts and responses (guardrail)",
            ComponentRole.ToolApi => "third-party API receiving text built from prompts (not LLM inference)",
            ComponentRole.Exporter => CarriesText(p.Receives) ? "trace and log storage (observability)" : "observability: request metadata and usage, no message text",
            ComponentRole.Datastore => hosted ? $"hosts the gateway's datastore: {c.Name}" : "datastore of the gateway",
            ComponentRole.Cache => hosted ? $"hosts the gateway's cache: {c.Name}" : "response cache of the gateway",
            ComponentRole.Alerting => "alerting (messages about the gateway's errors, budgets and spend)",
            ComponentRole.Host => "runs the gateway process (memory and logs)",
            ComponentRole.OperatorCode => "the operator's own code loaded into the gateway",
            _ => c.Name,
        };
    }

    private static string ShortRetention(Party p)
    {
        var c = p.Component;
        if (c.Retention is { } configured)
        {
            return $"{configured.Value.Description} (config)";
        }

        if (p.Terms is { } gateway)
        {
            return $"under {gateway.Name}'s terms with the provider";
        }

        if (c.Attributes["retentionUnbounded"] is true)
        {
            return "no bound set: kept until deleted";
        }

        // The catalog's wording runs long (exceptions, flagged content): the annex gives the headline and points to it.
        if (p.Vendor?.Fact(Vendor.DefaultRetention) is { Known: true } fact)
        {
            return fact.Days is { } days
                ? $"{days.ToString("0.##", CultureInfo.InvariantCulture)} days by default (exceptions: see the vendor facts)"
                : "the vendor's default terms (quoted in the vendor facts)";
        }

        return "unknown";
    }

    private static string SafeguardsOf(Party p)
    {
        var zdr = p.Zdr switch
        {
            ZdrStatus.Yes => "ZDR in force (config)",
            ZdrStatus.Partial => "ZDR partly in force (config)",
            ZdrStatus.NotApplicable => "receives no prompt or completion text",
            _ when p.Terms is { } gateway => $"ZDR only where {gateway.Name} routes to ZDR endpoints; not set in the config",
            ZdrStatus.No when p.Component.Role is ComponentRole.Exporter or ComponentRole.Datastore or ComponentRole.Cache => "no ZDR: keeps what it receives by design",
            ZdrStatus.No => "ZDR not offered",
            _ => p.Vendor?.Fact(Vendor.Zdr).Text switch
            {
                "yes" => "ZDR available, not shown in force",
                "partial" => "ZDR available for part of the service, not shown in force",
                _ => "ZDR unknown",
            },
        };
        return p.Vendor?.Fact(Vendor.Certifications) is { Known: true } certifications ? $"{zdr}; {certifications.Text}" : zdr;
    }

    private static bool CarriesText(DataCategorySet receives) => receives.Contains(DataCategory.Prompt) || receives.Contains(DataCategory.Completion);

    /// <summary>What a tool API receives, in counsel's words: prompt content is text built from prompts (a search query, text to translate, an image prompt).</summary>
    private static string ToolDataText(IEnumerable<DataCategory> categories) =>
        DataText(categories).Replace("prompts", "text built from prompts (queries, text to translate, image prompts)", StringComparison.Ordinal);

    /// <summary>Data categories in counsel's words: "prompts, completions, request metadata".</summary>
    public static string DataText(IEnumerable<DataCategory> categories) => string.Join(", ", categories.Select(c => c switch
    {
        DataCategory.Prompt => "prompts",
        DataCategory.Completion => "completions",
        DataCategory.Metadata => "request metadata",
        DataCategory.Credentials => "API keys",
        DataCategory.Usage => "usage and cost",
        _ => EnumText.Of(c),
    }));
}
