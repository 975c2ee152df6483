namespace GatewayAudit.Core.Reports;

/// <summary>
/// A roll-up of parties over many holders (the stacks of one scan; the repositories of an organisation for
/// <c>merge</c>): each party with the number of holders it appears in and the first few of them by name, so a report
/// over 1,000 stacks lists a party once, not once per stack nor with 1,000 names in one row.
/// </summary>
public sealed class PartyRollUp(int firstHolders = PartyRollUp.DefaultFirst)
{
    public const int DefaultFirst = 5;

    private readonly Dictionary<string, Holders> _parties = new(StringComparer.Ordinal);

    /// <summary>Records that <paramref name="holder"/> (a stack or repository name) has the party; a holder counts once per party.</summary>
    public void Add(string partyId, string partyName, string holder)
    {
        if (!_parties.TryGetValue(partyId, out var holders))
        {
            _parties[partyId] = holders = new Holders(partyName);
        }

        holders.Add(holder);
    }

    /// <summary>
    /// A party's holders as they come, put in name order and made distinct only if they did not come so. A scan adds
    /// its stacks in name order, each once per party: a sorted set per party, with a tree node per stack, was 1 % of a
    /// 10,000-config scan's instructions (bench/SCALE.md round 18).
    /// </summary>
    private sealed class Holders(string name)
    {
        private readonly List<string> _names = [];
        private bool _ordered = true;

        public string Name { get; } = name;

        public void Add(string holder)
        {
            if (_ordered && _names.Count > 0 && string.CompareOrdinal(_names[^1], holder) is var order and >= 0)
            {
                if (order == 0)
                {
                    return; // the one just added again
                }

                _ordered = false;
            }

            _names.Add(holder);
        }

        /// <summary>The distinct holders in name order.</summary>
        public List<string> Distinct()
        {
            if (!_ordered)
            {
                _names.Sort(StringComparer.Ordinal);
                var kept = 0;
                for (var i = 0; i < _names.Count; i++)
                {
                    if (kept == 0 || !string.Equals(_names[kept - 1], _names[i], StringComparison.Ordinal))
                    {
                        _names[kept++] = _names[i];
                    }
                }

                _names.RemoveRange(kept, _names.Count - kept);
                _ordered = true;
            }

            return _names;
        }
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
        _parties.Select(p => (Id: p.Key, p.Value.Name, Holders: p.Value.Distinct()))
            .OrderByDescending(p => p.Holders.Count).ThenBy(p => p.Id, StringComparer.Ordinal)
            .Select(p => new PartyStacksRow(p.Id, p.Name, p.Holders.Count, p.Holders.Take(firstHolders).ToList()))
            .ToList();
}
