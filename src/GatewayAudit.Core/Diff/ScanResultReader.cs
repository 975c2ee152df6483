using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers;
using GatewayAudit.Core.Reports;

namespace GatewayAudit.Core.Diff;

/// <summary>One row of a scan result's <c>subprocessors[]</c>, with the keys docs/report-model.md documents.</summary>
public sealed record ScannedParty(
    string Id,
    string Name,
    string? Vendor,
    string LegalEntity,
    string Role,
    string Hosting,
    IReadOnlyList<string> DataCategories,
    string Region,
    string Zdr,
    IReadOnlyList<EvidenceLine> Evidence,
    string? SubProcessorOf,
    bool OnOwnAccount,
    string? Purpose);

public sealed record EvidenceLine(string File, int Line);

/// <summary>
/// A scan result as <c>gateway-audit diff</c> and <c>merge</c> read it: the parties, the names the catalog gives
/// vendors, and the JSON shape's version (1 when the file states none).
/// </summary>
public sealed record ScanResult(string File, string? ToolVersion, IReadOnlyList<ScannedParty> Parties, IReadOnlyDictionary<string, string> VendorNames, int SchemaVersion = 1);

/// <summary>
/// Reads <c>scan --format json</c> output by its documented keys (docs/report-model.md), ignoring keys it does not
/// know so that newer additive fields never break it. A file that is not such a result (not JSON, SARIF, a diff, a
/// schema version this build does not read) is an error diagnostic, never an exception.
/// </summary>
public static class ScanResultReader
{
    /// <summary>Versions of the JSON shape this build reads; a result without <c>schemaVersion</c> is version 1.</summary>
    public static IReadOnlyList<int> SupportedSchemaVersions { get; } = [1, 2];

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64 };

    public static ScanResult? Read(string fullPath, string shownPath, List<Diagnostic> diagnostics) =>
        Parse(fullPath, shownPath, "diff", diagnostics, root => Interpret(root, shownPath, "diff", diagnostics));

    /// <summary>
    /// The whole report model of a scan result, for <c>gateway-audit merge</c>: the same checks as <see cref="Read"/>
    /// (a gateway-audit result of a version this build reads), then the JSON bound to <see cref="Report"/> with every
    /// key the model requires present and of its type. A missing or mistyped key is an error naming its JSON path.
    /// </summary>
    public static (ScanResult Result, Report Report)? ReadReport(string fullPath, string shownPath, List<Diagnostic> diagnostics) =>
        Parse<(ScanResult, Report)?>(fullPath, shownPath, "merge", diagnostics, root =>
            Interpret(root, shownPath, "merge", diagnostics) is { } result && Bind(root, shownPath, diagnostics) is { } report ? (result, report) : null);

    private static readonly JsonSerializerOptions ModelOptions = new()
    {
        // The report model's generated metadata, the same the JSON renderer writes with (no reflection on every run).
        TypeInfoResolver = ReportJsonContext.Default,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        MaxDepth = 64,
    };

    private static Report? Bind(JsonElement root, string file, List<Diagnostic> diagnostics)
    {
        try
        {
            return root.Deserialize((JsonTypeInfo<Report>)ModelOptions.GetTypeInfo(typeof(Report)));
        }
        catch (JsonException e)
        {
            diagnostics.Add(Diagnostic.Error("merge-wrong-shape",
                $"not the shape of a gateway-audit {ToolInfo.Version} scan result at {e.Path ?? "$"} ({Brief(e.Message)}); scan the repository again with this version",
                new SourceLocation(file, 1)));
            return null;
        }
    }

    private static T? Parse<T>(string fullPath, string shownPath, string verb, List<Diagnostic> diagnostics, Func<JsonElement, T?> interpret)
    {
        var at = new SourceLocation(shownPath, 0);
        if (!File.Exists(fullPath))
        {
            diagnostics.Add(Diagnostic.Error($"{verb}-input-missing",
                shownPath.IndexOfAny(['*', '?', '[']) >= 0 ? "no such file: a pattern that matched nothing reaches the command as written (is the results folder empty, or the artifacts in subfolders: results/*/*.json?)" : "no such file",
                at));
            return default;
        }

        var text = InputText.Read(fullPath, shownPath, diagnostics);
        if (text is null)
        {
            return default;
        }

        if (text.Trim().Length == 0)
        {
            diagnostics.Add(Diagnostic.Error($"{verb}-input-empty", "the file is empty", at));
            return default;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, Options);
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0) + 1;
            var lines = text.Split('\n');
            // The parser stopped at the very end of the data: the file was cut short (an interrupted upload, a full disk).
            var cut = line == lines.Length && e.BytePositionInLine >= System.Text.Encoding.UTF8.GetByteCount(lines[^1]) ? "; the file ends before its JSON does: cut short?" : "";
            diagnostics.Add(Diagnostic.Error($"{verb}-not-json", $"not JSON ({Brief(e.Message)}){cut}; write a scan result with 'gateway-audit scan --format json --output FILE'",
                new SourceLocation(shownPath, line)));
            return default;
        }

        using (document)
        {
            return interpret(document.RootElement);
        }
    }

    private static ScanResult? Interpret(JsonElement root, string file, string verb, List<Diagnostic> diagnostics)
    {
        var at = new SourceLocation(file, 1);
        if (root.ValueKind != JsonValueKind.Object || Text(Property(root, "tool"), "name") != ToolInfo.Name)
        {
            var what = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("runs", out _) ? "a SARIF log"
                : Text(root, "kind") == SubprocessorDiff.KindName ? "a diff result" : "JSON, but not a gateway-audit scan result";
            diagnostics.Add(Diagnostic.Error($"{verb}-not-scan-result",
                $"{what}: {verb} {(verb == "diff" ? "compares two outputs" : "reads outputs")} of 'gateway-audit scan --format json' (top-level tool.name \"{ToolInfo.Name}\" and subprocessors[])", at));
            return null;
        }

        var schemaVersion = 1;
        if (root.TryGetProperty("schemaVersion", out var version)
            && !(version.ValueKind == JsonValueKind.Number && version.TryGetInt32(out schemaVersion) && SupportedSchemaVersions.Contains(schemaVersion)))
        {
            diagnostics.Add(Diagnostic.Error($"{verb}-schema-version",
                $"schema version {version.GetRawText()} is not one this gateway-audit ({ToolInfo.Version}) reads ({string.Join(", ", SupportedSchemaVersions)}); " +
                $"{(verb == "diff" ? "compare" : "merge")} results written by the same version, or upgrade", at));
            return null;
        }

        if (Property(root, "subprocessors") is not { ValueKind: JsonValueKind.Array } rows)
        {
            diagnostics.Add(Diagnostic.Error($"{verb}-not-scan-result", "a gateway-audit result without a subprocessors[] list; write it with 'gateway-audit scan --format json'", at));
            return null;
        }

        var ownAccount = Array(root, "components")
            .Where(c => Text(Property(c, "attributes"), "providerAccount") == "operator")
            .Select(c => Text(c, "id")).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var parties = new List<ScannedParty>();
        foreach (var row in rows.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.Object))
        {
            if (Text(row, "id") is not { } id)
            {
                diagnostics.Add(Diagnostic.Error($"{verb}-not-scan-result", "a subprocessors[] entry has no id", at));
                return null;
            }

            var hosting = Text(row, "hosting") ?? (Property(row, "thirdParty")?.ValueKind == JsonValueKind.False ? "operator-hosted" : "unknown");
            parties.Add(new ScannedParty(
                id,
                Text(row, "name") ?? id,
                Text(row, "vendor"),
                Text(row, "legalEntity") ?? "unknown",
                Text(row, "role") ?? "unknown",
                hosting,
                [.. Array(row, "dataCategories").Select(c => c.ValueKind == JsonValueKind.String ? c.GetString() : null).OfType<string>()],
                Text(row, "region") ?? "unknown",
                Text(row, "zdr") ?? "unknown",
                [.. Array(row, "evidence").Select(e => Text(e, "file") is { } f ? new EvidenceLine(f, Number(e, "line")) : null).OfType<EvidenceLine>()],
                Text(row, "subProcessorOf"),
                ownAccount.Contains(id),
                Text(row, "purpose")));
        }

        var vendorNames = Array(root, "vendors")
            .Select(v => (Id: Text(v, "id"), Name: Text(v, "name")))
            .Where(v => v.Id is not null && v.Name is not null)
            .DistinctBy(v => v.Id)
            .ToDictionary(v => v.Id!, v => v.Name!, StringComparer.Ordinal);
        return new ScanResult(file, Text(Property(root, "tool"), "version"), parties, vendorNames, schemaVersion);
    }

    private static JsonElement? Property(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(name, out var value) ? value : null;

    private static string? Text(JsonElement? element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    private static int Number(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt32(out var n) ? n : 0;

    private static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.Array } value ? value.EnumerateArray() : [];

    /// <summary>The parser's reason without its own "LineNumber: ..." suffix (the location says where).</summary>
    private static string Brief(string message)
    {
        var cut = message.IndexOf(" LineNumber", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd('.', ' ');
    }
}
