using GatewayAudit.Core.Model;
using GatewayAudit.Core.Reports;

namespace GatewayAudit.Core.Organisation;

/// <summary>One repository's row of something the merge combines (a party, an annex row, a component).</summary>
internal sealed record Use<T>(string Repository, T Row);

/// <summary>
/// How the merge combines the rows several repositories give for one party. A value all repositories agree on is
/// kept as it is; values that differ are all kept, each with the repositories it comes from, so a merged row never
/// states one repository's fact as if it held for all.
/// </summary>
internal static class Uses
{
    // Weakest first: a DPA reviewer needs the worst case across the organisation.
    private static readonly string[] ZdrOrder = ["no", "unknown", "partial", "yes", "n/a"];

    // Third party first: a party third-party anywhere belongs in the annex; unknown hosting counts as third party until shown otherwise.
    private static readonly string[] HostingOrder = ["third-party", "unknown", "operator-hosted"];

    public static string Agreed<T>(IReadOnlyList<Use<T>> uses, Func<T, string> value)
    {
        var groups = uses.GroupBy(u => value(u.Row), StringComparer.Ordinal).ToList();
        return groups.Count == 1
            ? groups[0].Key
            : string.Join("; ", groups.Select(g => $"{g.Key} (in {PartyRollUp.FirstNames(g.Select(u => u.Repository).Distinct())})"));
    }

    public static string? AgreedOrNull<T>(IReadOnlyList<Use<T>> uses, Func<T, string?> value) =>
        uses.All(u => value(u.Row) is null) ? null : Agreed(uses.Where(u => value(u.Row) is not null).ToList(), r => value(r)!);

    public static string WeakestZdr(IEnumerable<string> values) => Weakest(values, ZdrOrder);

    /// <summary>Where a ZDR value stands from weakest (0); a value not in the order counts as the weakest.</summary>
    public static int ZdrRank(string value) => Rank(value, ZdrOrder);

    public static string WeakestHosting(IEnumerable<string> values) => Weakest(values, HostingOrder);

    private static string Weakest(IEnumerable<string> values, string[] order) => values.OrderBy(v => Rank(v, order)).First();

    private static int Rank(string value, string[] order) => Array.IndexOf(order, value) is var i and >= 0 ? i : 0;

    /// <summary>The union of data categories in the model's order (prompt, completion, metadata, ...); names it does not know last.</summary>
    public static List<string> Categories(IEnumerable<string> categories)
    {
        var known = Enum.GetValues<DataCategory>().Select(EnumText.Of).ToList();
        return [.. categories.Distinct(StringComparer.Ordinal).OrderBy(c => known.IndexOf(c) is var i and >= 0 ? i : int.MaxValue).ThenBy(c => c, StringComparer.Ordinal)];
    }

    public static string DataText(IEnumerable<string> categories) =>
        AnnexBuilder.DataText(categories.Select(c => Enum.GetValues<DataCategory>().FirstOrDefault(d => EnumText.Of(d) == c, (DataCategory)(-1)))
            .Where(Enum.IsDefined));

    public static int RoleOrder(string role) => EnumText.TryParseRole(role, out var parsed) ? ReportBuilder.RoleOrder(parsed) : int.MaxValue;

    public static List<EvidenceRow> Evidence(IEnumerable<EvidenceRow> rows) => [.. rows.Distinct()];

    /// <summary>The first locations of a merged row, as a scan's rows hold them; every location is under the report's <c>locations</c>.</summary>
    public static List<EvidenceRow> FirstEvidence(IEnumerable<EvidenceRow> rows) => [.. rows.Distinct().Take(EvidenceRows.Cap)];

    /// <summary>Rows grouped by key in order of first appearance, each group with the repositories it came from.</summary>
    public static IEnumerable<List<Use<T>>> ByKey<T, TKey>(IEnumerable<Use<T>> uses, Func<T, TKey> key) where TKey : notnull =>
        uses.GroupBy(u => key(u.Row)).Select(g => g.ToList());
}
