using System.Text.RegularExpressions;
using GatewayAudit.Core.Model;

namespace GatewayAudit.Core.Reports;

/// <summary>
/// What ties the stack to its gateway, counted with locations: files in the gateway's own config format, model slugs
/// in config and code, gateway headers and request fields in code, callback and alerting wiring, router fallbacks, and
/// the budget database. Each row is a fact the inputs show; none is a verdict.
/// </summary>
internal static partial class LockInBuilder
{
    /// <summary>Items shown per row; <see cref="LockInRow.Count"/> says how many there are in all.</summary>
    public const int ItemCap = 5;

    // The reader whose format is a gateway's own (the one place this pairing is written down).
    private static readonly Dictionary<string, string> GatewayFormats = new(StringComparer.Ordinal)
    {
        ["litellm-config"] = "litellm",
        ["embedded-config"] = "litellm",
        ["portkey-config"] = "portkey",
        ["openrouter-request"] = "openrouter",
        ["helicone-config"] = "helicone",
        ["cloudflare-ai-gateway"] = "cloudflare-ai-gateway",
    };

    // Kinds of the code readers' lockIn entries ("file:line kind value") in the report's words.
    private static readonly (string Kind, string Surface)[] CodeSurfaces =
    [
        ("base-url", "gateway base URL in code"),
        ("header", "gateway headers in code (attribution, routing, credentials)"),
        ("slug", "gateway model slugs in code"),
        ("request-field", "gateway-only request fields in code"),
    ];

    public static List<LockInRow> Build(StackModel model, IReadOnlyList<ScannedInput> inputs)
    {
        var readers = inputs.Where(i => !i.Skipped).GroupBy(i => i.File, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Reader, StringComparer.Ordinal);
        bool IsCode(string file) => readers.TryGetValue(file, out var reader) && reader.EndsWith("-source", StringComparison.Ordinal);
        var rows = new List<LockInRow>();
        foreach (var gateway in model.Components.Where(c => c.Role == ComponentRole.Gateway).OrderBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.Id, StringComparer.Ordinal))
        {
            var name = gateway.Name;
            var ownFiles = readers.Where(r => gateway.Vendor is not null && GatewayFormats.GetValueOrDefault(r.Value) == gateway.Vendor).Select(r => r.Key).Order(StringComparer.Ordinal).ToList();
            Add(rows, name, "files in the gateway's own config format", ownFiles, []);

            if (gateway.Hosting != Hosting.OperatorHosted && gateway.Attributes["models"] is string[] models)
            {
                var configAt = gateway.Evidence.Where(l => !IsCode(l.File)).ToList();
                if (configAt.Count > 0)
                {
                    Add(rows, name, "gateway model slugs in config", models, Locations(configAt));
                }
            }

            var code = (gateway.Attributes["lockIn"] as string[] ?? []).Select(ParseCodeEntry).OfType<CodeEntry>().ToList();
            foreach (var (kind, surface) in CodeSurfaces)
            {
                var entries = code.Where(e => e.Kind == kind).ToList();
                Add(rows, name, surface, entries.Select(e => $"{e.Value} ({e.At})"), entries.Select(e => new EvidenceRow(e.At.File, e.At.Line)));
            }

            if (gateway.Hosting != Hosting.OperatorHosted)
            {
                continue;
            }

            // The operator's own proxy: what moving off it means rewiring.
            var flows = model.FlowsOutOf(gateway.Id).OrderBy(f => f.To, StringComparer.Ordinal).ToList();
            var wiring = flows.Where(f => f.Attributes["kind"] is "logging" or "alerting" && model.Find(f.To) is not null).ToList();
            Add(rows, name, "callback and alerting wiring in the gateway's config",
                wiring.Select(f => Wired(model.Find(f.To)!, f)), wiring.SelectMany(f => f.Evidence.Take(1)).Select(l => new EvidenceRow(l.File, l.Line)));

            if (gateway.Attributes["fallbacks"] is string[] fallbacks)
            {
                Add(rows, name, "router fallbacks in the gateway's config", fallbacks, Origin(gateway, "fallbacks"));
            }

            var budget = flows.Where(f => f.Attributes["kind"] is "storage").Select(f => model.Find(f.To)).OfType<Component>().ToList();
            Add(rows, name, "budget database (virtual keys, budgets and spend in the gateway's schema)",
                budget.Select(b => b.Name), budget.SelectMany(b => b.Evidence.Take(1)).Select(l => new EvidenceRow(l.File, l.Line)));
        }

        return rows;
    }

    private static void Add(List<LockInRow> rows, string gateway, string surface, IEnumerable<string> items, IEnumerable<EvidenceRow> locations)
    {
        var all = items.ToList();
        if (all.Count > 0)
        {
            rows.Add(new LockInRow(gateway, surface, all.Count, all.Take(ItemCap).ToList(), locations.Distinct().OrderBy(l => l.File, StringComparer.Ordinal).ThenBy(l => l.Line).Take(ItemCap).ToList()));
        }
    }

    private static string Wired(Component target, Flow flow) =>
        flow.Attributes["settings"] is string[] { Length: > 0 } settings ? $"{target.Name} ({string.Join(", ", settings)})" : target.Name;

    private static IEnumerable<EvidenceRow> Origin(Component component, string attribute) =>
        component.Attributes.Origin(attribute) is { } at ? [new EvidenceRow(at.File, at.Line)] : [];

    private static IEnumerable<EvidenceRow> Locations(IEnumerable<SourceLocation> locations) => locations.Select(l => new EvidenceRow(l.File, l.Line));

    private sealed record CodeEntry(SourceLocation At, string Kind, string Value);

    /// <summary>A code reader's lockIn entry, "file:line kind value" (the file may hold spaces; the kind never does).</summary>
    private static CodeEntry? ParseCodeEntry(string entry) =>
        CodeEntryPattern().Match(entry) is { Success: true } m
            ? new CodeEntry(new SourceLocation(m.Groups["file"].Value, int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture)), m.Groups["kind"].Value, m.Groups["value"].Value)
            : null;

    [GeneratedRegex(@"^(?<file>.+):(?<line>\d{1,9}) (?<kind>base-url|header|slug|request-field) (?<value>.*)$")]
    private static partial Regex CodeEntryPattern();
}
