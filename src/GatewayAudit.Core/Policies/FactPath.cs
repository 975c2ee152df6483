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

        // "attributes." alone names no attribute.
        Attribute = path.Length > AttributesPrefix.Length ? After(path, AttributesPrefix) : null;
        Catalog = After(path, CatalogPrefix);
        From = After(path, FromPrefix) is { } from ? Of(from) : null;
        To = After(path, ToPrefix) is { } to ? Of(to) : null;
    }

    public string Path { get; }

    /// <summary>The setting a <c>settings.NAME</c> path names.</summary>
    public string? Setting { get; }

    /// <summary>The attribute an <c>attributes.NAME</c> path names.</summary>
    public string? Attribute { get; }

    /// <summary>The catalog fact a <c>catalog.NAME</c> path names.</summary>
    public string? Catalog { get; }

    /// <summary>The path on the flow's source a <c>from.PATH</c> path names.</summary>
    public FactPath? From { get; }

    /// <summary>The path on the flow's target a <c>to.PATH</c> path names.</summary>
    public FactPath? To { get; }

    public static FactPath Of(string path) => Known.TryGetValue(path, out var known) ? known : Known.GetOrAdd(path, static p => new FactPath(p));

    private static string? After(string path, string prefix) => path.StartsWith(prefix, StringComparison.Ordinal) ? path[prefix.Length..] : null;
}
