namespace GatewayAudit.Core.Model;

/// <summary>
/// One thing in the stack that prompts or their metadata pass through: a provider, the gateway, an exporter,
/// a datastore. Ids are stable across runs ("provider:anthropic", "exporter:langfuse") so output is deterministic
/// and fragments from several files merge.
/// </summary>
public sealed class Component
{
    public required string Id { get; init; }

    public required string Name { get; set; }

    public required ComponentRole Role { get; init; }

    /// <summary>Catalog vendor id (policies/catalog/ID.yaml), or null when the inputs do not say who runs it.</summary>
    public string? Vendor { get; set; }

    public Hosting Hosting { get; set; }

    /// <summary>
    /// The id of the gateway whose sub-processor this is (OpenRouter's upstream providers): the customer's contract is
    /// with that gateway, which picks this party per request. Null for a party the stack contracts with directly.
    /// </summary>
    public string? SubProcessorOf
    {
        get => _rare?.SubProcessorOf;
        set => Rare(value)?.SubProcessorOf = value;
    }

    /// <summary>Region as the config states it (e.g. aws_region_name), with its evidence; null when not stated.</summary>
    public Sourced<string>? Region
    {
        get => _rare?.Region;
        set => Rare(value)?.Region = value;
    }

    /// <summary>Retention as the config bounds it (cache ttl, spend-log retention); null when the config is silent.</summary>
    public Sourced<Retention>? Retention
    {
        get => _rare?.Retention;
        set => Rare(value)?.Retention = value;
    }

    /// <summary>ZDR as the config sets it (e.g. OpenRouter provider.zdr); null leaves it to the catalog.</summary>
    public Sourced<ZdrStatus>? Zdr
    {
        get => _rare?.Zdr;
        set => Rare(value)?.Zdr = value;
    }

    /// <summary>Facts the policy engine selects on. Values are string, bool, long, double or a string list.</summary>
    public AttributeBag Attributes { get; } = new();

    public SortedArraySet<SourceLocation> Evidence { get; } = [];

    /// <summary>Short plain-language notes the report shows beside the component (why it is here, what it holds).</summary>
    public SortedArraySet<string> Notes { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Where code builds this party's SDK with no address, so the SDK reads its host from the environment: a marker for
    /// the stack assembly (<c>DotEnvSampleAddress</c>), never rendered.
    /// </summary>
    public IReadOnlyCollection<SourceLocation> AddressFromEnvironmentAt => (IReadOnlyCollection<SourceLocation>?)_rare?.AddressFromEnvironmentAt ?? [];

    // Facts most components never have (a sub-processor's gateway, a region, retention, ZDR, SDK sites without an
    // address), in one object made at the first of them: five fields on every component of a 10,000-config scan were
    // about a third of each component's size, kept to the end.
    private RareFacts? _rare;

    private sealed class RareFacts
    {
        public string? SubProcessorOf;
        public Sourced<string>? Region;
        public Sourced<Retention>? Retention;
        public Sourced<ZdrStatus>? Zdr;

        // Made only for a party that has such sites: an empty set on each component was about 50,000 of a
        // 10,000-config scan's live objects (bench/SCALE.md round 15).
        public SortedArraySet<SourceLocation>? AddressFromEnvironmentAt;
    }

    // The rare facts to set a value in; none (and nothing made) when a null is set where nothing was.
    private RareFacts? Rare(object? value) => _rare ?? (value is null ? null : _rare = new RareFacts());

    /// <summary>Adds sites where code builds this party's SDK with no address (see <see cref="AddressFromEnvironmentAt"/>).</summary>
    public void AddAddressFromEnvironment(IEnumerable<SourceLocation> sites)
    {
        if (sites is SortedArraySet<SourceLocation> set)
        {
            if (set.Count > 0)
            {
                (Rare(set)!.AddressFromEnvironmentAt ??= []).UnionWith(set);
            }

            return;
        }

        foreach (var site in sites)
        {
            (Rare(site)!.AddressFromEnvironmentAt ??= []).Add(site);
        }
    }

    /// <summary>Takes off sites whose address another file answers.</summary>
    public void AnswerAddressFromEnvironment(IEnumerable<SourceLocation> sites) => _rare?.AddressFromEnvironmentAt?.ExceptWith(sites);

    /// <summary>What <see cref="MergeFrom"/> takes from who another sighting says the party is: the first vendor and gateway known, and a hosting where this one's is unknown.</summary>
    internal void MergeIdentity(string? vendor, string? subProcessorOf, Hosting hosting)
    {
        Vendor ??= vendor;
        SubProcessorOf ??= subProcessorOf;
        if (Hosting == Hosting.Unknown)
        {
            Hosting = hosting;
        }
    }

    /// <summary>Folds another sighting of the same component into this one; the first non-null value of a fact wins.</summary>
    public void MergeFrom(Component other)
    {
        if (other.Id != Id)
        {
            throw new ArgumentException($"cannot merge {other.Id} into {Id}", nameof(other));
        }

        MergeIdentity(other.Vendor, other.SubProcessorOf, other.Hosting);

        // Two sightings in different regions: no single region is true; the "regions" attribute lists both.
        Region = Region is not null && other.Region is not null && Region.Value != other.Region.Value ? null : Region ?? other.Region;
        Retention ??= other.Retention;
        Zdr ??= other.Zdr;
        Attributes.MergeFrom(other.Attributes);
        Evidence.UnionWith(other.Evidence);
        Notes.UnionWith(other.Notes);
        if (other._rare?.AddressFromEnvironmentAt is { } theirs)
        {
            AddAddressFromEnvironment(theirs);
        }
    }
}

/// <summary>A value read from an input, with the place it was read.</summary>
public sealed record Sourced<T>(T Value, SourceLocation Evidence);

/// <summary>A retention bound: human text plus days when a number is known.</summary>
public sealed record Retention(string Description, double? Days);
