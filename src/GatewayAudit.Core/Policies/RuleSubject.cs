using System.Collections.Concurrent;
using System.Globalization;
using GatewayAudit.Core.Catalog;
using GatewayAudit.Core.Model;

namespace GatewayAudit.Core.Policies;

/// <summary>What rules evaluate against: the merged stack, the vendor catalog and the organisation settings.</summary>
public sealed record PolicyContext(StackModel Model, VendorCatalog Catalog, PolicySettings Settings);

/// <summary>
/// One thing a rule looks at (a component, a flow or a literal secret) and the facts it exposes by path:
/// <c>role</c>, <c>attributes.ttlSeconds</c>, <c>catalog.zdr</c>, <c>to.role</c>, <c>settings.maxRetentionDays</c>.
/// Values are string, bool, double or string[]; null when the fact is missing.
/// </summary>
public sealed class RuleSubject
{
    private static readonly HashSet<string> ComponentFacts = new(StringComparer.Ordinal)
    {
        "id", "name", "role", "vendor", "hosting", "thirdParty", "region", "regions", "zdr", "retention", "retentionDays", "receives", "declared", "catalogListed", "subProcessorOf", "possible",
    };

    private static readonly HashSet<string> FlowFacts = new(StringComparer.Ordinal) { "key", "carries", "possible" };

    private static readonly HashSet<string> SecretFacts = new(StringComparer.Ordinal) { "key", "redacted", "wellKnown", "file", "line" };

    private RuleSubject(SubjectKind kind, Component? component, Flow? flow, LiteralSecret? secret)
    {
        Kind = kind;
        Component = component;
        Flow = flow;
        Secret = secret;
    }

    public SubjectKind Kind { get; }

    public Component? Component { get; }

    public Flow? Flow { get; }

    public LiteralSecret? Secret { get; }

    public static RuleSubject Of(Component component) => new(SubjectKind.Component, component, null, null);

    public static RuleSubject Of(Flow flow) => new(SubjectKind.Flow, null, flow, null);

    public static RuleSubject Of(LiteralSecret secret) => new(SubjectKind.Secret, null, null, secret);

    /// <summary>The stable key of the subject: component id, flow key or the secret's config key.</summary>
    public string Key => Component?.Id ?? Flow?.Key ?? Secret!.Key;

    /// <summary>
    /// Where a finding about this subject points: the first evidence in a file whose name matches the first of
    /// <paramref name="preferredFiles"/> that any evidence matches; else the line where the first of
    /// <paramref name="facts"/> (the facts the rule tests) was read, so a fallback finding points at the fallbacks
    /// and not at the first line of the config, and an inline suppression goes on the setting it accepts; else the
    /// first evidence (the target's for a flow without its own).
    /// </summary>
    public SourceLocation? Location(PolicyContext context, IReadOnlyList<string>? preferredFiles = null, IReadOnlyList<string>? facts = null)
    {
        IEnumerable<SourceLocation> evidence = Kind switch
        {
            SubjectKind.Component => Component!.Evidence,
            SubjectKind.Flow => Flow!.Evidence.Count > 0 ? Flow.Evidence : context.Model.Find(Flow.To)?.Evidence ?? [],
            _ => [Secret!.Location],
        };
        foreach (var pattern in preferredFiles ?? [])
        {
            foreach (var candidate in evidence)
            {
                if (RuleEngine.Glob(pattern, candidate.File.AsSpan(candidate.File.LastIndexOf('/') + 1)))
                {
                    return candidate;
                }
            }
        }

        foreach (var path in facts ?? [])
        {
            if (FactOrigin(path) is { } origin)
            {
                return origin;
            }
        }

        return evidence.FirstOrDefault();
    }

    /// <summary>Where a fact of this subject was read, when a reader recorded it; null for derived or missing facts.</summary>
    public SourceLocation? FactOrigin(string path)
    {
        var attribute = IsAttributePath(path) ? AttributeName(path) : null;
        return Kind switch
        {
            SubjectKind.Component when attribute is not null => Component!.Attributes.Origin(attribute),
            SubjectKind.Component => path switch
            {
                "retention" or "retentionDays" => Component!.Retention?.Evidence,
                "region" => Component!.Region?.Evidence,
                "zdr" => Component!.Zdr?.Evidence,
                _ => null,
            },
            SubjectKind.Flow when attribute is not null => Flow!.Attributes.Origin(attribute),
            _ => null,
        };
    }

    /// <summary>Whether a fact path is one this kind of subject can have (checked when rules load).</summary>
    public static bool IsKnownPath(SubjectKind kind, string path)
    {
        if (path.StartsWith("settings.", StringComparison.Ordinal))
        {
            return PolicySettings.Names.Contains(path["settings.".Length..]);
        }

        return kind switch
        {
            SubjectKind.Component => IsComponentPath(path),
            SubjectKind.Flow => FlowFacts.Contains(path) || IsAttributePath(path)
                || (path.StartsWith("from.", StringComparison.Ordinal) && IsComponentPath(path[5..]))
                || (path.StartsWith("to.", StringComparison.Ordinal) && IsComponentPath(path[3..])),
            _ => SecretFacts.Contains(path),
        };
    }

    private static bool IsComponentPath(string path) =>
        ComponentFacts.Contains(path) || IsAttributePath(path)
        || (path.StartsWith("catalog.", StringComparison.Ordinal) && Vendor.FactNames.Contains(path["catalog.".Length..]));

    private static bool IsAttributePath(string path) => path.StartsWith("attributes.", StringComparison.Ordinal) && path.Length > "attributes.".Length;

    // The attribute a fact path names ("attributes.ttlSeconds" -> "ttlSeconds"), cut once per path rather than at every
    // test of every subject of every stack.
    private static readonly ConcurrentDictionary<string, string> AttributeNames = new(StringComparer.Ordinal);

    private static string AttributeName(string path) => AttributeNames.GetOrAdd(path, p => p["attributes.".Length..]);

    public object? Fact(string path, PolicyContext context)
    {
        if (path.StartsWith("settings.", StringComparison.Ordinal))
        {
            return context.Settings.Fact(path["settings.".Length..]);
        }

        switch (Kind)
        {
            case SubjectKind.Component:
                return ComponentFact(Component!, path, context);
            case SubjectKind.Flow:
                if (path.StartsWith("from.", StringComparison.Ordinal))
                {
                    return context.Model.Find(Flow!.From) is { } from ? ComponentFact(from, path[5..], context) : null;
                }

                if (path.StartsWith("to.", StringComparison.Ordinal))
                {
                    return context.Model.Find(Flow!.To) is { } to ? ComponentFact(to, path[3..], context) : null;
                }

                return path switch
                {
                    "key" => Flow!.Key,
                    "carries" => Flow!.DataCategories.Select(EnumText.Of).ToArray(),
                    "possible" => PartyCertainty.IsPossible(context.Model, Flow!),
                    _ when IsAttributePath(path) => Normalize(Flow!.Attributes[AttributeName(path)]),
                    _ => null,
                };
            default:
                return path switch
                {
                    "key" => Secret!.Key,
                    "redacted" => Secret!.Redacted,
                    "wellKnown" => Secret!.WellKnown,
                    "file" => Secret!.Location.File,
                    "line" => (double)Secret!.Location.Line,
                    _ => null,
                };
        }
    }

    private static object? ComponentFact(Component component, string path, PolicyContext context)
    {
        if (IsAttributePath(path))
        {
            return Normalize(component.Attributes[AttributeName(path)]);
        }

        if (path.StartsWith("catalog.", StringComparison.Ordinal))
        {
            // A vendor the catalog does not list, or a component nobody identified, has every catalog fact unknown.
            var vendor = context.Catalog.Find(component.Vendor);
            return vendor?.Fact(path["catalog.".Length..]) is { Known: true } fact ? fact.Text : "unknown";
        }

        var vendorEntry = context.Catalog.Find(component.Vendor);
        return path switch
        {
            "id" => component.Id,
            "name" => component.Name,
            "role" => EnumText.Of(component.Role),
            "vendor" => component.Vendor,
            "hosting" => EnumText.Of(component.Hosting),
            "thirdParty" => component.Hosting != Hosting.OperatorHosted,
            "region" => component.Region?.Value,
            "regions" => component.Region is { } r ? new[] { r.Value }
                : vendorEntry?.Fact(Vendor.DataRegions) is { Known: true } regions ? regions.Values.ToArray() : null,
            "zdr" => component.Zdr is { } z ? EnumText.Of(z.Value) : null,
            "retention" => component.Retention?.Value.Description,
            "retentionDays" => component.Retention?.Value.Days,
            "receives" => context.Model.Receives(component.Id).Select(EnumText.Of).ToArray(),
            "declared" => context.Settings.DeclaredSubprocessors is null ? null : context.Settings.Declares(component),
            "catalogListed" => vendorEntry is not null,
            "subProcessorOf" => component.SubProcessorOf,
            "possible" => PartyCertainty.IsPossible(context.Model, component),
            _ => null,
        };
    }

    private static object? Normalize(object? value) => value switch
    {
        long l => (double)l,
        string[] { Length: 0 } => null,
        _ => value,
    };

    /// <summary>A fact as text for messages: lists joined with ", ", numbers without trailing zeros.</summary>
    public static string Format(object? value) => value switch
    {
        null => "(not set)",
        bool b => b ? "true" : "false",
        double d => d.ToString("0.###", CultureInfo.InvariantCulture),
        string[] list => string.Join(", ", list),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
