using System.Globalization;
using GatewayAudit.Core.Catalog;
using GatewayAudit.Core.Model;

namespace GatewayAudit.Core.Policies;

/// <summary>What rules evaluate against: the merged stack, the vendor catalog and the organisation settings.</summary>
public sealed record PolicyContext(StackModel Model, VendorCatalog Catalog, PolicySettings Settings)
{
    // Worked out on first use and kept for every rule of the stack; a copy made with 'with' keeps it only while it is
    // of the same model.
    private StackGraph? _graph;

    /// <summary>The stack's subjects and flows indexed for the rule engine, made once per context.</summary>
    internal StackGraph Graph => _graph is { } graph && ReferenceEquals(graph.Model, Model) ? graph : _graph = new StackGraph(Model);

    // Equal as the three things it holds, as before it held the graph above.
    public bool Equals(PolicyContext? other) =>
        other is not null && Equals(Model, other.Model) && Equals(Catalog, other.Catalog) && Equals(Settings, other.Settings);

    public override int GetHashCode() => HashCode.Combine(Model, Catalog, Settings);
}

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
    public SourceLocation? Location(PolicyContext context, IReadOnlyList<string>? preferredFiles = null, IReadOnlyList<string>? facts = null) =>
        Location(context, preferredFiles, facts?.Select(FactPath.Of).ToArray());

    /// <summary><see cref="Location(PolicyContext, IReadOnlyList{string}?, IReadOnlyList{string}?)"/> with the facts' paths cut once per rule.</summary>
    internal SourceLocation? Location(PolicyContext context, IReadOnlyList<string>? preferredFiles, FactPath[]? facts)
    {
        // The evidence as a set, or for a secret its one location; walked by index, not through an enumerator.
        var evidence = Kind switch
        {
            SubjectKind.Component => Component!.Evidence,
            SubjectKind.Flow => Flow!.Evidence.Count > 0 ? Flow.Evidence : context.Graph.Component(Flow.To)?.Component!.Evidence,
            _ => null,
        };
        var count = Kind == SubjectKind.Secret ? 1 : evidence?.Count ?? 0;
        for (var p = 0; p < (preferredFiles?.Count ?? 0); p++)
        {
            for (var i = 0; i < count; i++)
            {
                var candidate = evidence is null ? Secret!.Location : evidence[i];
                if (RuleEngine.Glob(preferredFiles![p], candidate.File.AsSpan(candidate.File.LastIndexOf('/') + 1)))
                {
                    return candidate;
                }
            }
        }

        for (var f = 0; f < (facts?.Length ?? 0); f++)
        {
            if (FactOrigin(facts![f]) is { } origin)
            {
                return origin;
            }
        }

        return count == 0 ? null : evidence is null ? Secret!.Location : evidence[0];
    }

    /// <summary>Where a fact of this subject was read, when a reader recorded it; null for derived or missing facts.</summary>
    public SourceLocation? FactOrigin(string path) => FactOrigin(FactPath.Of(path));

    internal SourceLocation? FactOrigin(FactPath path)
    {
        var attribute = path.Attribute;
        return Kind switch
        {
            SubjectKind.Component when attribute is not null => Component!.Attributes.Origin(attribute),
            SubjectKind.Component => path.Name switch
            {
                FactName.Retention or FactName.RetentionDays => Component!.Retention?.Evidence,
                FactName.Region => Component!.Region?.Evidence,
                FactName.Zdr => Component!.Zdr?.Evidence,
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

    public object? Fact(string path, PolicyContext context) => Fact(FactPath.Of(path), context);

    /// <summary><see cref="Fact(string, PolicyContext)"/> of a path cut once (per rule or per message template).</summary>
    internal object? Fact(FactPath fact, PolicyContext context)
    {
        if (fact.SettingValue is { } setting)
        {
            return setting.Of(context.Settings);
        }

        switch (Kind)
        {
            case SubjectKind.Component:
                return ComponentFact(Component!, fact, context);
            case SubjectKind.Flow:
                if (fact.From is { } fromPath)
                {
                    return context.Graph.Component(Flow!.From) is { } from ? ComponentFact(from.Component!, fromPath, context) : null;
                }

                if (fact.To is { } toPath)
                {
                    return context.Graph.Component(Flow!.To) is { } to ? ComponentFact(to.Component!, toPath, context) : null;
                }

                return fact.Name switch
                {
                    FactName.Key => Flow!.Key,
                    FactName.Carries => CategoryNames(Flow!.DataCategories),
                    FactName.Possible => context.Graph.IsPossible(Flow!),
                    _ when fact.Attribute is { } attribute => Normalize(Flow!.Attributes[attribute]),
                    _ => null,
                };
            default:
                return fact.Name switch
                {
                    FactName.Key => Secret!.Key,
                    FactName.Redacted => Secret!.Redacted,
                    FactName.WellKnown => Secret!.WellKnown,
                    FactName.File => Secret!.Location.File,
                    FactName.Line => (double)Secret!.Location.Line,
                    _ => null,
                };
        }
    }

    private static object? ComponentFact(Component component, FactPath fact, PolicyContext context)
    {
        if (fact.Attribute is { } attribute)
        {
            return Normalize(component.Attributes[attribute]);
        }

        if (fact.Catalog is { } name)
        {
            // A vendor the catalog does not list, or a component nobody identified, has every catalog fact unknown.
            var vendor = context.Catalog.Find(component.Vendor);
            return vendor?.Fact(name) is { Known: true } known ? known.Text : "unknown";
        }

        return fact.Name switch
        {
            FactName.Id => component.Id,
            FactName.Name => component.Name,
            FactName.Role => EnumText.Of(component.Role),
            FactName.Vendor => component.Vendor,
            FactName.Hosting => EnumText.Of(component.Hosting),
            FactName.ThirdParty => component.Hosting != Hosting.OperatorHosted,
            FactName.Region => component.Region?.Value,
            FactName.Regions => component.Region is { } r ? new[] { r.Value }
                : context.Catalog.Find(component.Vendor)?.Fact(Vendor.DataRegions) is { Known: true } regions ? regions.Values.ToArray() : null,
            FactName.Zdr => component.Zdr is { } z ? EnumText.Of(z.Value) : null,
            FactName.Retention => component.Retention?.Value.Description,
            FactName.RetentionDays => component.Retention?.Value.Days,
            FactName.Receives => context.Graph.ReceivedNames(component.Id),
            FactName.Declared => context.Settings.DeclaredSubprocessors is null ? null : context.Settings.Declares(component),
            FactName.CatalogListed => context.Catalog.Find(component.Vendor) is not null,
            FactName.SubProcessorOf => component.SubProcessorOf,
            FactName.Possible => context.Graph.IsPossible(component),
            _ => null,
        };
    }

    private static string[] CategoryNames(DataCategorySet categories)
    {
        var names = new string[categories.Count];
        var i = 0;
        foreach (var category in categories)
        {
            names[i++] = StackGraph.CategoryName(category);
        }

        return names;
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
