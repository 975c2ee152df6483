using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers;
using GatewayAudit.Core.Yaml;

namespace GatewayAudit.Core.Policies;

/// <summary>
/// Organisation settings the rule pack reads as <c>settings.NAME</c>: allowed vendors and regions, retention
/// bounds, whether ZDR is required, and the declared sub-processors (settings file plus <c>--dpa</c>).
/// </summary>
public sealed record PolicySettings
{
    public const string FileName = "gateway-audit.settings.yaml";

    public static PolicySettings Default { get; } = new();

    public IReadOnlyList<string>? AllowedVendors { get; init; }

    public IReadOnlyList<string>? AllowedRegions { get; init; }

    public double MaxRetentionDays { get; init; } = 30;

    public double MaxCacheTtlSeconds { get; init; } = 86_400;

    public bool RequireZdr { get; init; } = true;

    /// <summary>Null when neither the settings nor a DPA file declare any: then declaration rules stay silent.</summary>
    public IReadOnlyList<string>? DeclaredSubprocessors { get; init; }

    /// <summary>Settings as facts (<c>settings.NAME</c>); absent lists are missing facts.</summary>
    public object? Fact(string name) => name switch
    {
        "allowedVendors" => AllowedVendors?.ToArray(),
        "allowedRegions" => AllowedRegions?.ToArray(),
        "maxRetentionDays" => MaxRetentionDays,
        "maxCacheTtlSeconds" => MaxCacheTtlSeconds,
        "requireZdr" => RequireZdr,
        "declaredSubprocessors" => DeclaredSubprocessors?.ToArray(),
        _ => null,
    };

    public static IReadOnlyList<string> Names { get; } =
        ["allowedVendors", "allowedRegions", "maxRetentionDays", "maxCacheTtlSeconds", "requireZdr", "declaredSubprocessors"];

    public bool Declares(Component component) =>
        DeclaredSubprocessors is { } declared
        && declared.Any(d => d == component.Id || (component.Vendor is not null && string.Equals(d, component.Vendor, StringComparison.OrdinalIgnoreCase)));

    public PolicySettings WithDeclared(IEnumerable<string> more) =>
        this with { DeclaredSubprocessors = (DeclaredSubprocessors ?? []).Concat(more).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList() };

    /// <summary>Reads settings from a parsed mapping already checked against settings.schema.json.</summary>
    public static PolicySettings FromMapping(YamlMapping mapping)
    {
        static IReadOnlyList<string>? List(YamlMapping m, string key) =>
            m[key] is YamlSequence seq ? seq.Items.OfType<YamlScalar>().Select(s => s.Value).ToList() : null;

        var settings = new PolicySettings
        {
            AllowedVendors = List(mapping, "allowedVendors"),
            AllowedRegions = List(mapping, "allowedRegions"),
            DeclaredSubprocessors = List(mapping, "declaredSubprocessors"),
        };
        if ((mapping["maxRetentionDays"] as YamlScalar)?.AsNumber() is { } days)
        {
            settings = settings with { MaxRetentionDays = days };
        }

        if ((mapping["maxCacheTtlSeconds"] as YamlScalar)?.AsNumber() is { } ttl)
        {
            settings = settings with { MaxCacheTtlSeconds = ttl };
        }

        if ((mapping["requireZdr"] as YamlScalar)?.AsBool() is { } zdr)
        {
            settings = settings with { RequireZdr = zdr };
        }

        return settings;
    }

    /// <summary>Loads a settings file; errors (schema, YAML) are diagnostics with file:line and the defaults are returned.</summary>
    public static PolicySettings Load(string fullPath, string shownPath, string schemaPath, List<Diagnostic> diagnostics)
    {
        var text = InputText.Read(fullPath, shownPath, diagnostics);
        if (text is null)
        {
            return Default;
        }

        var (document, yamlDiagnostics) = new SafeYamlLoader().Load(shownPath, text);
        diagnostics.AddRange(yamlDiagnostics);
        if (document is null)
        {
            return Default;
        }

        var errors = YamlSchemaValidator.FromFile(schemaPath).Validate(document, "settings-schema");
        diagnostics.AddRange(errors);
        return errors.Count == 0 && document.Root is YamlMapping root ? FromMapping(root) : Default;
    }
}

/// <summary>
/// The declared sub-processor list of a DPA (<c>--dpa FILE</c>). One documented format: YAML, either a list of
/// ids or a mapping with <c>subprocessors:</c> holding that list; each id is a catalog vendor id (anthropic) or a
/// component id (datastore:litellm-postgres).
/// </summary>
public static class DpaDeclaration
{
    public static IReadOnlyList<string> Load(string fullPath, string shownPath, List<Diagnostic> diagnostics)
    {
        var text = InputText.Read(fullPath, shownPath, diagnostics);
        if (text is null)
        {
            return [];
        }

        var (document, yamlDiagnostics) = new SafeYamlLoader().Load(shownPath, text);
        diagnostics.AddRange(yamlDiagnostics);
        if (document is null)
        {
            return [];
        }

        var list = document.Root switch
        {
            YamlSequence seq => seq,
            YamlMapping map => map["subprocessors"] as YamlSequence,
            _ => null,
        };
        if (list is null)
        {
            diagnostics.Add(Diagnostic.Error("dpa-shape", "a DPA file is a YAML list of sub-processor ids, or a mapping with 'subprocessors:' holding that list",
                new SourceLocation(shownPath, document.Root?.Line ?? 1)));
            return [];
        }

        var ids = new List<string>();
        foreach (var item in list.Items)
        {
            if (item is YamlScalar { IsNull: false } scalar)
            {
                ids.Add(scalar.Value.Trim());
            }
            else
            {
                diagnostics.Add(Diagnostic.Error("dpa-shape", $"each sub-processor must be a single id (vendor or component id), not {item.KindText}", document.At(item)));
            }
        }

        return ids;
    }
}
