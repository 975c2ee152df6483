using System.Collections.Concurrent;

namespace GatewayAudit.Core.Policies;

/// <summary>
/// A fact path (<c>settings.maxRetentionDays</c>, <c>attributes.ttlSeconds</c>, <c>catalog.zdr</c>, <c>to.name</c>)
/// cut into its parts once per path, not at every test of every subject of every stack, where each cut made a string.
/// </summary>
internal sealed class FactPath
{
    private const string SettingsPrefix = "settings.";
    private const string AttributesPrefix = "attributes.";
    private const string CatalogPrefix = "catalog.";
    private const string FromPrefix = "from.";
    private const string ToPrefix = "to.";

    private static readonly ConcurrentDictionary<string, FactPath> Known = new(StringComparer.Ordinal);

    private FactPath(string path)
    {
        Path = path;
        Setting = After(path, SettingsPrefix);
        SettingValue = Setting is null ? null : new SettingRead(Setting);

        // "attributes." alone names no attribute.
        Attribute = path.Length > AttributesPrefix.Length ? After(path, AttributesPrefix) : null;
        Catalog = After(path, CatalogPrefix);
        From = After(path, FromPrefix) is { } from ? Of(from) : null;
        To = After(path, ToPrefix) is { } to ? Of(to) : null;
        Name = NameOf(path);
    }

    public string Path { get; }

    /// <summary>The setting a <c>settings.NAME</c> path names.</summary>
    public string? Setting { get; }

    /// <summary>The value of <see cref="Setting"/> in the settings of a run, read once per settings.</summary>
    public SettingRead? SettingValue { get; }

    /// <summary>The attribute an <c>attributes.NAME</c> path names.</summary>
    public string? Attribute { get; }

    /// <summary>The catalog fact a <c>catalog.NAME</c> path names.</summary>
    public string? Catalog { get; }

    /// <summary>The path on the flow's source a <c>from.PATH</c> path names.</summary>
    public FactPath? From { get; }

    /// <summary>The path on the flow's target a <c>to.PATH</c> path names.</summary>
    public FactPath? To { get; }

    /// <summary>The whole path as one of the plain fact names, or <see cref="FactName.Other"/>: compared once, not at every read.</summary>
    public FactName Name { get; }

    public static FactPath Of(string path) => Known.TryGetValue(path, out var known) ? known : Known.GetOrAdd(path, static p => new FactPath(p));

    private static string? After(string path, string prefix) => path.StartsWith(prefix, StringComparison.Ordinal) ? path[prefix.Length..] : null;

    private static FactName NameOf(string path) => path switch
    {
        "id" => FactName.Id,
        "name" => FactName.Name,
        "role" => FactName.Role,
        "vendor" => FactName.Vendor,
        "hosting" => FactName.Hosting,
        "thirdParty" => FactName.ThirdParty,
        "region" => FactName.Region,
        "regions" => FactName.Regions,
        "zdr" => FactName.Zdr,
        "retention" => FactName.Retention,
        "retentionDays" => FactName.RetentionDays,
        "receives" => FactName.Receives,
        "declared" => FactName.Declared,
        "catalogListed" => FactName.CatalogListed,
        "subProcessorOf" => FactName.SubProcessorOf,
        "possible" => FactName.Possible,
        "key" => FactName.Key,
        "carries" => FactName.Carries,
        "redacted" => FactName.Redacted,
        "wellKnown" => FactName.WellKnown,
        "file" => FactName.File,
        "line" => FactName.Line,
        _ => FactName.Other,
    };
}

/// <summary>The plain (unprefixed) fact names of components, flows and secrets.</summary>
internal enum FactName
{
    Other,
    Id,
    Name,
    Role,
    Vendor,
    Hosting,
    ThirdParty,
    Region,
    Regions,
    Zdr,
    Retention,
    RetentionDays,
    Receives,
    Declared,
    CatalogListed,
    SubProcessorOf,
    Possible,
    Key,
    Carries,
    Redacted,
    WellKnown,
    File,
    Line,
}

/// <summary>
/// One setting as a fact (<see cref="PolicySettings.Fact"/>), remembered for the last settings asked about: every stack
/// of a run has the same settings, and each <see cref="PolicySettings.Fact"/> call copies a list setting. Settings are
/// immutable; the memo is swapped whole, so a reader on another thread sees a value and the settings it belongs to.
/// </summary>
internal sealed class SettingRead(string name)
{
    private Memo? _last;

    public object? Of(PolicySettings settings)
    {
        if (_last is { } last && ReferenceEquals(last.Settings, settings))
        {
            return last.Value;
        }

        var value = settings.Fact(name);
        _last = new Memo(settings, value);
        return value;
    }

    private sealed record Memo(PolicySettings Settings, object? Value);
}
