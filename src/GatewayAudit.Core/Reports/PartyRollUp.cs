namespace GatewayAudit.Core.Reports;

/// <summary>
/// A roll-up of parties over many holders (the stacks of one scan; the repositories of an organisation for
/// <c>merge</c>): each party with the number of holders it appears in and the first few of them by name, so a report
/// over 1,000 stacks lists a party once, not once per stack nor with 1,000 names in one row.
/// </summary>
public sealed class PartyRollUp(int firstHolders = PartyRollUp.DefaultFirst)
{
    public const int DefaultFirst = 5;

    private readonly Dictionary<string, (string Name, SortedSet<string> Holders)> _parties = new(StringComparer.Ordinal);

    /// <summary>Records that <paramref name="holder"/> (a stack or repository name) has the party; a holder counts once per party.</summary>
    public void Add(string partyId, string partyName, string holder)
    {
        if (!_parties.TryGetValue(partyId, out var entry))
        {
            _parties[partyId] = entry = (partyName, new SortedSet<string>(StringComparer.Ordinal));
        }

        entry.Holders.Add(holder);
    }

    /// <summary>
    /// "a, b, c, d, e and 3 more": the first names in the order given and how many others, for a cell a reader scans
    /// (the JSON keeps every name in a list of its own).
    /// </summary>
    public static string FirstNames(IEnumerable<string> names, int first = DefaultFirst)
    {
        var all = names.ToList();
        var shown = string.Join(", ", all.Take(first));
        return all.Count > first ? $"{shown} and {all.Count - first} more" : shown;
    }

    /// <summary>Parties in the most holders first, then by id; each with its count and its first holders in name order.</summary>
    public List<PartyStacksRow> Rows() =>
        _parties.OrderByDescending(p => p.Value.Holders.Count).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new PartyStacksRow(p.Key, p.Value.Name, p.Value.Holders.Count, p.Value.Holders.Take(firstHolders).ToList()))
            .ToList();
}
