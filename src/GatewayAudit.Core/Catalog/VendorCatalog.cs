using System.Collections.Concurrent;
using System.Globalization;
using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers;
using GatewayAudit.Core.Yaml;

namespace GatewayAudit.Core.Catalog;

/// <summary>
/// Vendor facts loaded from catalog folders. Later folders override earlier ones by vendor id, so a user's
/// <c>--catalog DIR</c> can correct or add vendors without forking the built-in one.
/// </summary>
public sealed class VendorCatalog
{
    private readonly SortedDictionary<string, Vendor> _vendors;

    private VendorCatalog(SortedDictionary<string, Vendor> vendors) => _vendors = vendors;

    public static VendorCatalog Empty { get; } = new(new(StringComparer.Ordinal));

    public IEnumerable<Vendor> Vendors => _vendors.Values;

    public Vendor? Find(string? id) => id is not null && _vendors.TryGetValue(id, out var v) ? v : null;

    /// <summary>The vendor whose API host this is (e.g. api.groq.com), if the catalog knows it.</summary>
    public Vendor? FindByHost(string host) => _byHost.TryGetValue(host, out var known) ? known : _byHost.GetOrAdd(host, MatchHost);

    // Each host is matched against every vendor's patterns once per run: a monorepo names the same few hosts in
    // thousands of stacks (bench/SCALE.md round 13). The catalog does not change once loaded.
    private readonly ConcurrentDictionary<string, Vendor?> _byHost = new(StringComparer.Ordinal);

    private Vendor? MatchHost(string host) => _vendors.Values.FirstOrDefault(v => v.MatchesHost(host));

    /// <summary>The most recent date any fact was checked, for the report header.</summary>
    public DateOnly? LastChecked => CheckDates.Max();

    public DateOnly? FirstChecked => CheckDates.Min();

    private IEnumerable<DateOnly?> CheckDates => _vendors.Values.SelectMany(v => v.Facts.Values)
        .SelectMany(f => f.Alternatives.Select(a => (DateOnly?)a.Checked).Prepend(f.Checked));

    /// <param name="trustedFolder">
    /// The built-in catalog, schema-checked in tests and at build instead of on every run, and served from the build's
    /// snapshot when its files are the ones the snapshot was built from; null checks and parses every file.
    /// </param>
    public static (VendorCatalog Catalog, IReadOnlyList<Diagnostic> Diagnostics) Load(IEnumerable<string> folders, string? schemaPath, Func<string, string> displayPath,
        string? trustedFolder = null)
    {
        var diagnostics = new List<Diagnostic>();
        var vendors = new SortedDictionary<string, Vendor>(StringComparer.Ordinal);
        var validator = schemaPath is not null && File.Exists(schemaPath) ? YamlSchemaValidator.FromFile(schemaPath) : null;
        foreach (var folder in folders)
        {
            if (!Directory.Exists(folder))
            {
                diagnostics.Add(Diagnostic.Error("catalog-missing", "catalog folder not found", new SourceLocation(displayPath(folder), 0)));
                continue;
            }

            if (SameFolder(folder, trustedFolder) && Snapshot.BuiltInSnapshot.Vendors(folder, displayPath) is { } builtIn)
            {
                foreach (var vendor in builtIn)
                {
                    vendors[vendor.Id] = vendor;
                }

                continue;
            }

            var files = Directory.EnumerateFiles(folder, "*.y*ml", SearchOption.TopDirectoryOnly)
                .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal);
            foreach (var file in files)
            {
                var shown = displayPath(file);
                var text = InputText.Read(file, shown, diagnostics);
                if (text is null)
                {
                    continue;
                }

                var (document, yamlDiagnostics) = new SafeYamlLoader().Load(shown, text);
                diagnostics.AddRange(yamlDiagnostics);
                if (document is null)
                {
                    continue;
                }

                var schemaErrors = SameFolder(folder, trustedFolder) ? [] : validator?.Validate(document, "catalog-schema") ?? [];
                diagnostics.AddRange(schemaErrors);
                if (schemaErrors.Count > 0)
                {
                    continue;
                }

                var vendor = Parse(document, diagnostics);
                if (vendor is null)
                {
                    continue;
                }

                var expectedId = Path.GetFileNameWithoutExtension(file);
                if (vendor.Id != expectedId)
                {
                    diagnostics.Add(Diagnostic.Warning("catalog-id", $"vendor id '{vendor.Id}' differs from the file name '{expectedId}'",
                        new SourceLocation(shown, 1)));
                }

                vendors[vendor.Id] = vendor;
            }
        }

        return (new VendorCatalog(vendors), diagnostics);
    }

    private static Vendor? Parse(YamlDocument document, List<Diagnostic> diagnostics)
    {
        if (document.Root is not YamlMapping root)
        {
            diagnostics.Add(Diagnostic.Error("catalog-shape", "a catalog file must be a mapping with id, name, kind and facts", new SourceLocation(document.File, 1)));
            return null;
        }

        string? Text(YamlMapping m, string key) => m[key] is YamlScalar s && !s.IsNull ? s.Value : null;
        var id = Text(root, "id");
        var name = Text(root, "name");
        var kind = Text(root, "kind");
        if (id is null || name is null || kind is null)
        {
            diagnostics.Add(Diagnostic.Error("catalog-shape", "a catalog file needs id, name and kind", document.At(root)));
            return null;
        }

        var hosts = root["hosts"] is YamlSequence hs ? hs.Items.OfType<YamlScalar>().Select(s => s.Value).ToList() : [];
        var aliases = root["aliases"] is YamlSequence al ? al.Items.OfType<YamlScalar>().Select(s => s.Value).ToList() : [];
        var facts = new Dictionary<string, VendorFact>(StringComparer.Ordinal);
        if (root["facts"] is YamlMapping factsNode)
        {
            foreach (var (key, value) in factsNode.Entries)
            {
                if (value is YamlMapping factNode && ParseFact(document, key.Value, factNode, diagnostics) is { } fact)
                {
                    facts[key.Value] = fact;
                }
            }
        }

        return new Vendor { Id = id, Name = name, Kind = kind, Hosts = hosts, Aliases = aliases, Facts = facts, Origin = document.File };
    }

    private static VendorFact? ParseFact(YamlDocument document, string name, YamlMapping node, List<Diagnostic> diagnostics)
    {
        var values = Values(node);
        var note = node["note"] is YamlScalar n ? n.Value : null;
        var maintainerNote = node["maintainerNote"] is YamlScalar m ? m.Value : null;
        if (values.Count == 0)
        {
            // The schema's if/then says the same, but only as a bare "not": the details an unknown value cannot have are worded here
            // (YamlSchemaValidator leaves that error to this check).
            foreach (var detail in UnknownHasNo.Where(k => node[k] is not null))
            {
                diagnostics.Add(Diagnostic.Error("catalog-shape", $"fact '{name}' is unknown, so it cannot have '{detail}'; state the value with its source, or drop '{detail}'", document.At(node)));
            }

            return VendorFact.Unknown(name) with { Note = note, MaintainerNote = maintainerNote };
        }

        if (Provenance(document, name, node, diagnostics) is not { } provenance)
        {
            return null;
        }

        var alternatives = new List<VendorFactAlternative>();
        if (node["alternatives"] is YamlSequence alternativeNodes)
        {
            foreach (var alternative in alternativeNodes.Items.OfType<YamlMapping>())
            {
                var alternativeValues = Values(alternative);
                if (alternativeValues.Count > 0 && Provenance(document, $"{name}' alternative '{string.Join(", ", alternativeValues)}", alternative, diagnostics) is { } other)
                {
                    alternatives.Add(new VendorFactAlternative(alternativeValues, other.Source, other.Checked, alternative["note"] is YamlScalar an ? an.Value : null));
                }
            }
        }

        return new VendorFact(name, values, provenance.Source, provenance.Checked, note)
        {
            Days = node["days"] is YamlScalar d ? d.AsNumber() : null,
            HowToEnable = node["howToEnable"] is YamlScalar h ? h.Value : null,
            MaintainerNote = maintainerNote,
            Alternatives = alternatives,
        };
    }

    private static readonly string[] UnknownHasNo = ["days", "howToEnable", "alternatives"];

    private static List<string> Values(YamlMapping node) => node["value"] switch
    {
        YamlScalar s when s.Value == "unknown" || s.IsNull => [],
        YamlScalar s => [s.Value],
        YamlSequence seq => seq.Items.OfType<YamlScalar>().Select(s => s.Value).ToList(),
        _ => [],
    };

    /// <summary>
    /// The https source and the date a stated value was read. A value without both is exactly the guess the
    /// catalog exists to prevent, so it is refused (the schema says the same; this holds without the schema too).
    /// </summary>
    private static (Uri Source, DateOnly Checked)? Provenance(YamlDocument document, string name, YamlMapping node, List<Diagnostic> diagnostics)
    {
        var sourceText = node["source"] is YamlScalar src ? src.Value : null;
        var checkedText = node["checked"] is YamlScalar chk ? chk.Value : null;
        if (sourceText is null || !Uri.TryCreate(sourceText, UriKind.Absolute, out var source) || source.Scheme != Uri.UriSchemeHttps)
        {
            diagnostics.Add(Diagnostic.Error("catalog-unsourced", $"fact '{name}' has a value but no https source URL; use 'value: unknown' if it cannot be confirmed", document.At(node)));
            return null;
        }

        if (checkedText is null || !DateOnly.TryParseExact(checkedText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var checkedOn))
        {
            diagnostics.Add(Diagnostic.Error("catalog-unsourced", $"fact '{name}' needs 'checked: YYYY-MM-DD' (the date the source was read)", document.At(node)));
            return null;
        }

        return (source, checkedOn);
    }

    /// <summary>True when both name the same folder (the built-in one, which is not schema-checked at run time).</summary>
    public static bool SameFolder(string folder, string? trusted) =>
        trusted is not null && string.Equals(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)), Path.TrimEndingDirectorySeparator(Path.GetFullPath(trusted)), StringComparison.Ordinal);
}
