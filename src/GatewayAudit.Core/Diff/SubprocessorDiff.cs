using GatewayAudit.Core.Model;

namespace GatewayAudit.Core.Diff;

/// <summary>
/// A sub-processor as a DPA lists it: one party (a catalog vendor, or a party the catalog does not know) with
/// everything the stack sends it across the services it provides. Operator-run systems are not parties; a
/// gateway's own sub-processors (the providers OpenRouter routes to) are its <see cref="Upstreams"/>. <see cref="Key"/>
/// is the catalog vendor id, or the scan's id for a party the catalog does not know.
/// </summary>
public sealed record PartyRow(
    string Key,
    string Name,
    string? Vendor,
    string LegalEntity,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Services,
    string Hosting,
    IReadOnlyList<string> DataCategories,
    IReadOnlyList<string> Regions,
    string Zdr,
    IReadOnlyList<Upstream> Upstreams,
    IReadOnlyList<EvidenceLine> Evidence,
    string? Purpose);

/// <summary>A gateway's own sub-processor (a route of OpenRouter's), by the id the scan gives it.</summary>
public sealed record Upstream(string Id, string Name);

/// <summary>What changed about a party present in both scans: <see cref="Kind"/> is data, region, zdr, upstream, legal-entity, hosting or service.</summary>
public sealed record PartyChange(string Kind, string Text);

public sealed record ChangedParty(PartyRow Party, IReadOnlyList<PartyChange> Changes);

public sealed record DiffSide(string File, string? ToolVersion);

public sealed record DiffSummary(int Added, int Removed, int Changed);

/// <summary>The sub-processor changes between two scan results (<c>gateway-audit diff OLD.json NEW.json</c>).</summary>
public sealed record SubprocessorDiff(
    string Tool,
    string Version,
    string Kind,
    int SchemaVersion,
    DiffSide Old,
    DiffSide New,
    DiffSummary Summary,
    IReadOnlyList<PartyRow> Added,
    IReadOnlyList<PartyRow> Removed,
    IReadOnlyList<ChangedParty> Changed)
{
    /// <summary>The <c>kind</c> a diff result carries, so that it is never mistaken for a scan result.</summary>
    public const string KindName = "subprocessor-diff";

    public const string Credentials = "credentials";

    private static readonly string[] Categories = [.. Enum.GetValues<DataCategory>().Select(EnumText.Of)];

    /// <summary>ZDR from strongest to weakest; n/a (the party receives no text) is outside the scale.</summary>
    private static readonly string[] ZdrOrder = ["yes", "partial", "unknown", "no"];

    public bool AnyChange => Added.Count + Removed.Count + Changed.Count > 0;

    public static SubprocessorDiff Compare(ScanResult old, ScanResult @new)
    {
        var before = Parties(old);
        var after = Parties(@new);
        var added = after.Where(p => !before.ContainsKey(p.Key)).Select(p => p.Value).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        var removed = before.Where(p => !after.ContainsKey(p.Key)).Select(p => p.Value).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        var changed = after.Where(p => before.ContainsKey(p.Key))
            .Select(p => new ChangedParty(p.Value, Changes(before[p.Key], p.Value)))
            .Where(c => c.Changes.Count > 0)
            .OrderBy(c => c.Party.Name, StringComparer.Ordinal)
            .ToList();
        return new SubprocessorDiff(ToolInfo.Name, ToolInfo.Version, KindName, 1, new DiffSide(old.File, old.ToolVersion), new DiffSide(@new.File, @new.ToolVersion),
            new DiffSummary(added.Count, removed.Count, changed.Count), added, removed, changed);
    }

    /// <summary>The parties of a scan by key: the catalog vendor when known (one party however many services), else the row's id.</summary>
    private static Dictionary<string, PartyRow> Parties(ScanResult scan)
    {
        var rows = scan.Parties;
        var direct = rows.Where(r => r.Hosting != "operator-hosted" && (r.SubProcessorOf is null || r.OnOwnAccount)).ToList();
        return direct.GroupBy(r => r.Vendor ?? r.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g =>
        {
            var members = g.OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
            var ids = members.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
            var vendor = members[0].Vendor;
            return new PartyRow(
                g.Key,
                vendor is not null && scan.VendorNames.TryGetValue(vendor, out var name) ? name : members[0].Name,
                vendor,
                members.Select(r => r.LegalEntity).FirstOrDefault(e => !e.Contains("unknown", StringComparison.Ordinal)) ?? members[0].LegalEntity,
                Distinct(members.Select(r => r.Role)),
                Distinct(members.Select(r => r.Name)),
                members.Any(r => r.Hosting == "third-party") ? "third-party" : "unknown",
                [.. members.SelectMany(r => r.DataCategories).Distinct(StringComparer.Ordinal).OrderBy(CategoryOrder).ThenBy(c => c, StringComparer.Ordinal)],
                Distinct(members.Select(r => r.Region)),
                WeakestZdr(members.Select(r => r.Zdr)),
                [.. rows.Where(r => r.SubProcessorOf is { } parent && ids.Contains(parent) && !r.OnOwnAccount).OrderBy(r => r.Id, StringComparer.Ordinal)
                    .Select(r => new Upstream(r.Id, r.Name))],
                [.. members.SelectMany(r => r.Evidence).Distinct().OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Line)],
                members.Select(r => r.Purpose).FirstOrDefault(p => p is not null));
        }, StringComparer.Ordinal);
    }

    private static List<PartyChange> Changes(PartyRow old, PartyRow @new)
    {
        var changes = new List<PartyChange>();
        // The operator's own API key for the vendor is not data processed for a customer: a notice never turns on it.
        changes.AddRange(@new.DataCategories.Except(old.DataCategories).Where(c => c != Credentials).Select(c => new PartyChange("data", $"now also receives {c}")));
        changes.AddRange(old.DataCategories.Except(@new.DataCategories).Where(c => c != Credentials).Select(c => new PartyChange("data", $"no longer receives {c}")));
        if (!old.Regions.SequenceEqual(@new.Regions))
        {
            changes.Add(new PartyChange("region", $"processing location: {string.Join("; ", old.Regions)} → {string.Join("; ", @new.Regions)}"));
        }

        var (was, now) = (Array.IndexOf(ZdrOrder, old.Zdr), Array.IndexOf(ZdrOrder, @new.Zdr));
        if (was >= 0 && now >= 0 && was != now && (was < 2 || now < 2))
        {
            changes.Add(new PartyChange("zdr", now > was ? $"zero data retention lost: {old.Zdr} → {@new.Zdr}" : $"zero data retention now {@new.Zdr} (was {old.Zdr})"));
        }

        // Upstreams by id: OpenRouter's "any provider" route stays one upstream however many models it carries.
        changes.AddRange(@new.Upstreams.ExceptBy(old.Upstreams.Select(u => u.Id), u => u.Id).Select(u => new PartyChange("upstream", $"new upstream: {u.Name}")));
        changes.AddRange(old.Upstreams.ExceptBy(@new.Upstreams.Select(u => u.Id), u => u.Id).Select(u => new PartyChange("upstream", $"upstream no longer used: {u.Name}")));
        changes.AddRange(@new.Services.Except(old.Services).Select(s => new PartyChange("service", $"also used for: {s}")));
        if (old.Hosting != @new.Hosting)
        {
            changes.Add(new PartyChange("hosting", $"hosting: {old.Hosting} → {@new.Hosting}"));
        }

        if (old.LegalEntity != @new.LegalEntity && !old.LegalEntity.Contains("unknown", StringComparison.Ordinal))
        {
            changes.Add(new PartyChange("legal-entity", $"legal entity: {old.LegalEntity} → {@new.LegalEntity}"));
        }

        return changes;
    }

    /// <summary>Data categories in the order a request carries them (prompt, completion, metadata, credentials, usage).</summary>
    private static int CategoryOrder(string category)
    {
        var index = Array.IndexOf(Categories, category);
        return index < 0 ? Categories.Length : index;
    }

    /// <summary>The weakest ZDR among a party's services that receive text; n/a only when none does.</summary>
    private static string WeakestZdr(IEnumerable<string> values)
    {
        var rated = values.Where(v => Array.IndexOf(ZdrOrder, v) >= 0).ToList();
        return rated.Count == 0 ? "n/a" : rated.MaxBy(v => Array.IndexOf(ZdrOrder, v))!;
    }

    private static List<string> Distinct(IEnumerable<string> values) => [.. values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
