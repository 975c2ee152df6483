namespace GatewayAudit.Core.Dpa;

/// <summary>
/// Which columns of an annex table name the party. Annexes call the name column many things ("Sub-processor",
/// "Subprocessor name", "Vendor", "Name", "Entity", "Legal entity and address", "Company", "Provider", "Service");
/// columns that describe the processing ("Purpose", "Processing location", "Data categories", "Transfer mechanism")
/// never do, whatever else their heading says.
/// </summary>
public static class AnnexColumns
{
    /// <summary>Words of a heading that make it a name column. The first such column is the party's display name.</summary>
    private static readonly string[] NameWords =
    [
        "subprocessor", "processor", "vendor", "name", "entity", "company", "provider", "supplier", "party", "parties",
        "organisation", "organization", "recipient", "service", "contractor", "partner",
    ];

    /// <summary>Words of a heading that make it a description of the processing, not a name.</summary>
    private static readonly string[] DescriptionWords =
    [
        "purpose", "activity", "activities", "location", "locations", "country", "countries", "region", "regions", "categor",
        "data", "transfer", "mechanism", "retention", "safeguard", "description", "evidence", "url", "link", "contact", "list",
        "role", "zdr", "notes", "address",
    ];

    public static string Describe => "Sub-processor, Vendor, Name, Entity, Company or Provider";

    /// <summary>Words of a later heading that make it a second name of the same party (its legal entity, its service).</summary>
    private static readonly string[] AlsoNameWords = ["entity", "legal", "company", "service"];

    /// <summary>
    /// The indexes of the columns that name the party: the first heading that names one (the display name), then every
    /// later one about its legal entity or service. Empty when no heading names a party. A later "Third party: yes"
    /// column is not a name.
    /// </summary>
    public static IReadOnlyList<int> NameColumns(IReadOnlyList<string> headings)
    {
        var columns = new List<int>();
        for (var i = 0; i < headings.Count; i++)
        {
            var words = PartyNames.Words(headings[i]);
            var joined = string.Concat(words);
            var wanted = columns.Count == 0 ? NameWords : AlsoNameWords;
            var names = wanted.Any(w => joined.Contains(w, StringComparison.Ordinal));
            var describes = words.Any(w => DescriptionWords.Any(d => w.StartsWith(d, StringComparison.Ordinal)))
                && !words.Any(w => w is "entity" or "name" or "recipient");
            if (names && !describes)
            {
                columns.Add(i);
            }
        }

        return columns;
    }
}
