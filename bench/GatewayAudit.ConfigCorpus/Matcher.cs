using System.Text.RegularExpressions;

namespace GatewayAudit.ConfigCorpus;

/// <summary>How one expected party fared.</summary>
public sealed record PartyOutcome(ExpectedParty Expected, ScanParty? Listed)
{
    public bool IsListed => Listed is not null;

    /// <summary>
    /// The vendor is right when it equals the annotation; an annotated <c>unknown</c> wants no vendor; an
    /// operator-hosted party may also carry none (software the operator runs, e.g. a self-hosted Langfuse).
    /// </summary>
    public bool VendorRight => Listed is not null && (Matcher.VendorOf(Listed) == Expected.Vendor
        || (Expected.Hosting == "operator-hosted" && Matcher.VendorOf(Listed) == "unknown"));

    public bool HostingRight => Listed is not null && Listed.Hosting == Expected.Hosting;

    public bool Right => VendorRight && HostingRight;
}

/// <summary>The comparison of one scan with one deployment's annotation.</summary>
public sealed class MatchResult
{
    public List<PartyOutcome> Outcomes { get; } = [];

    /// <summary>Further scan entries for a party already matched (same family, and same vendor or a shared name word).</summary>
    public List<(ScanParty Scan, string Party)> Duplicates { get; } = [];

    /// <summary>Scan entries no reviewer would list.</summary>
    public List<ScanParty> FalseParties { get; } = [];

    /// <summary>The LiteLLM proxy's own entry (the operator's software on the host party): never scored.</summary>
    public List<ScanParty> Proxy { get; } = [];
}

/// <summary>
/// Pairs scan sub-processors with annotated parties. Rule, in order:
/// (1) the LiteLLM proxy's own entry (role gateway, vendor litellm) is set aside;
/// (2) a party with <c>match</c> globs takes the scan entries whose id matches them;
/// (3) every other party takes the best unclaimed entry of the same role family, in two passes (first a known
///     vendor takes an entry of that vendor; then the rest, unknown vendors first, take the best entry left)
///     (inference: model-provider, self-hosted-inference, gateway; telemetry: exporter, alerting, operator-code; store: datastore,
///     cache; host; guardrail), scored +4 same vendor (or, for an unknown vendor, +2 no vendor),
///     +3 a name word in common, +2 same role, +1 same hosting;
/// (4) an unclaimed entry of the same family as a claimed one, with the same vendor or a name word in common, is a
///     duplicate of that party; (5) what is left is a false party.
/// A party is "listed" when it took an entry; "right" when that entry's vendor and hosting are the annotated ones.
/// </summary>
public static class Matcher
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "litellm", "proxy", "host", "hosts", "model", "models", "with", "the", "and", "from", "service", "services", "server", "servers",
        "provider", "inference", "exporter", "datastore", "gateway", "self", "hosted", "picks", "unmapped", "unresolved", "response",
    };

    public static string VendorOf(ScanParty party) =>
        string.IsNullOrEmpty(party.Vendor) ? "unknown" : party.Vendor;

    public static string Family(string role) => role switch
    {
        "model-provider" or "self-hosted-inference" or "gateway" => "inference",
        "exporter" or "alerting" or "operator-code" => "telemetry",
        "datastore" or "cache" => "store",
        _ => role,
    };

    public static MatchResult Match(Deployment deployment, IReadOnlyList<ScanParty> scan)
    {
        var result = new MatchResult();
        var open = new List<ScanParty>();
        foreach (var party in scan)
        {
            if (party.Role == "gateway" && VendorOf(party) == "litellm")
            {
                result.Proxy.Add(party);
            }
            else
            {
                open.Add(party);
            }
        }

        var claimed = new Dictionary<ScanParty, ExpectedParty>();
        var outcomes = new Dictionary<ExpectedParty, ScanParty?>();
        foreach (var expected in deployment.Parties.Where(p => p.Match.Count > 0))
        {
            var taken = open.Where(s => expected.Match.Any(g => Glob(g, s.Id))).ToList();
            foreach (var s in taken)
            {
                open.Remove(s);
                claimed[s] = expected;
            }

            outcomes[expected] = taken.FirstOrDefault();
        }

        // Pass A: a party with a known vendor takes an entry of that vendor. Pass B: the rest (unknown vendors
        // first, optional parties last) take the best entry left in their family.
        var rest = deployment.Parties.Where(p => p.Match.Count == 0).OrderBy(p => p.Optional ? 1 : 0).ToList();
        foreach (var expected in rest.Where(p => p.Vendor != "unknown"))
        {
            var best = Best(expected, open.Where(s => VendorOf(s) == expected.Vendor));
            if (best is not null)
            {
                open.Remove(best);
                claimed[best] = expected;
                outcomes[expected] = best;
            }
        }

        foreach (var expected in rest.Where(p => !outcomes.ContainsKey(p)).OrderBy(p => p.Vendor == "unknown" ? 0 : 1))
        {
            var best = Best(expected, open);
            if (best is not null)
            {
                open.Remove(best);
                claimed[best] = expected;
            }

            outcomes[expected] = best;
        }

        foreach (var s in open)
        {
            var owner = claimed.FirstOrDefault(c => Family(c.Key.Role) == Family(s.Role)
                && ((VendorOf(c.Key) != "unknown" && VendorOf(c.Key) == VendorOf(s))
                    || Words(c.Key.Id + " " + c.Key.Name).Overlaps(Words(s.Id + " " + s.Name))));
            if (owner.Key is not null)
            {
                result.Duplicates.Add((s, owner.Value.Name));
            }
            else
            {
                result.FalseParties.Add(s);
            }
        }

        result.Outcomes.AddRange(deployment.Parties.Select(p => new PartyOutcome(p, outcomes[p])));
        return result;
    }

    private static ScanParty? Best(ExpectedParty expected, IEnumerable<ScanParty> candidates) =>
        candidates
            .Where(s => Family(s.Role) == Family(expected.Role))
            .Select(s => (Scan: s, Score: Score(expected, s)))
            .OrderByDescending(x => x.Score)
            .Select(x => x.Scan)
            .FirstOrDefault();

    private static int Score(ExpectedParty expected, ScanParty scan)
    {
        var score = 0;
        var vendor = VendorOf(scan);
        if (expected.Vendor != "unknown" && vendor == expected.Vendor)
        {
            score += 4;
        }
        else if (expected.Vendor == "unknown" && vendor == "unknown")
        {
            score += 2;
        }

        if (Words(expected.Name).Overlaps(Words(scan.Id + " " + scan.Name)))
        {
            score += 3;
        }

        if (expected.Role == scan.Role)
        {
            score += 2;
        }

        if (expected.Hosting == scan.Hosting)
        {
            score += 1;
        }

        return score;
    }

    private static HashSet<string> Words(string text) =>
        Regex.Split(text.ToLowerInvariant(), "[^a-z0-9]+")
            .Where(w => w.Length >= 4 && !StopWords.Contains(w))
            .ToHashSet(StringComparer.Ordinal);

    private static bool Glob(string pattern, string id) =>
        Regex.IsMatch(id, "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal) + "$");
}
