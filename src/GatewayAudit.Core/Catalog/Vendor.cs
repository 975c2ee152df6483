namespace GatewayAudit.Core.Catalog;

/// <summary>
/// One fact about a vendor as the catalog states it: a value, where it was read and when. A fact that could not
/// be confirmed is <see cref="Known"/> = false and renders as "unknown", never as a guess.
/// </summary>
/// <param name="Note">For the report's reader: a short, neutral caveat that goes with the value.</param>
public sealed record VendorFact(string Name, IReadOnlyList<string> Values, Uri? Source, DateOnly? Checked, string? Note = null)
{
    public bool Known => Values.Count > 0;

    /// <summary>Days, for retention facts that state a number.</summary>
    public double? Days { get; init; }

    /// <summary>How ZDR is switched on, for the zdr fact.</summary>
    public string? HowToEnable { get; init; }

    /// <summary>
    /// For catalog maintainers only (what could not be read, where to look next). Never rendered in a report.
    /// </summary>
    public string? MaintainerNote { get; init; }

    /// <summary>
    /// What other pages of the same vendor state when they disagree with <see cref="Values"/>, each with its own
    /// source and date, so a reader sees both statements rather than the catalog picking one silently.
    /// </summary>
    public IReadOnlyList<VendorFactAlternative> Alternatives { get; init; } = [];

    public string Text => Known ? string.Join(", ", Values) : "unknown";

    public static VendorFact Unknown(string name) => new(name, [], null, null);
}

/// <summary>Another statement of the same fact on another page of the vendor's own.</summary>
public sealed record VendorFactAlternative(IReadOnlyList<string> Values, Uri Source, DateOnly Checked, string? Note = null)
{
    public string Text => string.Join(", ", Values);
}

/// <summary>A vendor entry from policies/catalog/ID.yaml (or a user's catalog folder, which overrides by id).</summary>
public sealed class Vendor
{
    public const string LegalEntity = "legalEntity";
    public const string Country = "country";
    public const string DataRegions = "dataRegions";

    /// <summary>
    /// Where the vendor says it may process customer data (e.g. its sub-processor list's locations), optional in
    /// catalog files. Unlike <see cref="DataRegions"/> these are not options a customer picks, so policies that test
    /// allowed regions do not read them; the annex shows them when no region is chosen or configured.
    /// </summary>
    public const string ProcessingLocations = "processingLocations";
    public const string DefaultRetention = "defaultRetention";
    public const string Zdr = "zdr";
    public const string TrainsOnApiData = "trainsOnApiData";
    public const string Certifications = "certifications";
    public const string DpaUrl = "dpaUrl";
    public const string SubprocessorListUrl = "subprocessorListUrl";

    /// <summary>The vendor's entity in the EEA where it has one (optional in catalog files).</summary>
    public const string EeaLegalEntity = "eeaLegalEntity";

    /// <summary>EU SCCs, EU-US DPF, adequacy... (optional in catalog files).</summary>
    public const string TransferMechanisms = "transferMechanisms";

    /// <summary>
    /// The monthly uptime percentage the vendor's own SLA page commits to (e.g. "99.9"), optional in catalog files.
    /// Many gateways and providers publish none; the availability section then says so.
    /// </summary>
    public const string Sla = "sla";

    public static IReadOnlyList<string> FactNames { get; } =
        [LegalEntity, EeaLegalEntity, Country, DataRegions, ProcessingLocations, DefaultRetention, Zdr, TrainsOnApiData, Certifications, DpaUrl, SubprocessorListUrl, TransferMechanisms, Sla];

    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string Kind { get; init; }

    public IReadOnlyList<string> Hosts { get; init; } = [];

    /// <summary>Other names of the vendor (legal entities, trading names) for matching a signed DPA's wording.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    public required IReadOnlyDictionary<string, VendorFact> Facts { get; init; }

    /// <summary>The catalog file this entry came from (for messages).</summary>
    public required string Origin { get; init; }

    public VendorFact Fact(string name) => Facts.TryGetValue(name, out var fact) ? fact : VendorFact.Unknown(name);

    public bool MatchesHost(string host) => Hosts.Any(pattern => HostPattern.Matches(pattern, host));
}
