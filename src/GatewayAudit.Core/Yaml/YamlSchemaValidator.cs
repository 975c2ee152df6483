using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers;
using Json.Schema;

namespace GatewayAudit.Core.Yaml;

/// <summary>
/// Validates a YAML tree against a JSON Schema (JsonSchema.Net, built on System.Text.Json, so it runs in the Native
/// AOT build) and reports each error at the YAML line of the offending key or value, naming the key. The library
/// reports JSON Pointers into the instance; we walk the same pointer through the YAML tree to get the line back, and
/// word each error from the schema's own keyword values (allowed values, description, type).
/// </summary>
public sealed partial class YamlSchemaValidator
{
    // The schema is read on the first file that needs checking: a scan with only the built-in catalog and rules (checked
    // at build and in tests, not on every run) never builds a schema.
    private readonly string _schemaPath;
    private (JsonSchema Schema, JsonNode Document)? _schema;

    [ThreadStatic]
    private static int t_schemasRead;

    private YamlSchemaValidator(string schemaPath) => _schemaPath = schemaPath;

    public static YamlSchemaValidator FromFile(string schemaPath) => new(schemaPath);

    /// <summary>How many schemas this thread has read: lets a test show that a command never schema-checks the built-in data.</summary>
    public static int SchemasReadOnThisThread => t_schemasRead;

    private (JsonSchema Schema, JsonNode Document) Schema => _schema ??= Read(_schemaPath);

    private static (JsonSchema, JsonNode) Read(string path)
    {
        t_schemasRead++;
        SchemaLibraryStart.EnsureLoaded();
        var text = File.ReadAllText(path);
        // A registry of its own: the same $id built again (another loader, another test) is not a clash in a global one.
        var schema = JsonSchema.FromText(text, new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        return (schema, JsonNode.Parse(text)!);
    }

    private static readonly EvaluationOptions Hierarchical = new() { OutputFormat = OutputFormat.Hierarchical };

    public IReadOnlyList<Diagnostic> Validate(YamlDocument document, string code)
    {
        if (document.Root is null)
        {
            return [Diagnostic.Error(code, "the file is empty", new SourceLocation(document.File, 1))];
        }

        var (schema, schemaDocument) = Schema;
        using var instance = JsonDocument.Parse(ToJson(document.Root));
        var results = schema.Evaluate(instance.RootElement, Hierarchical);
        var diagnostics = new List<Diagnostic>();
        foreach (var (result, keyword, message) in Errors(results))
        {
            var (node, key, parent) = Locate(document.Root, Segments(result.InstanceLocation.ToString()));
            var keywordSchema = Resolve(schemaDocument, Segments(result.EvaluationPath.ToString()));
            foreach (var text in Describe(keyword, message, keywordSchema, key, node, IsAdditionalProperty(result)))
            {
                var at = (node ?? parent) is { } n ? document.At(n) : new SourceLocation(document.File, 1);
                diagnostics.Add(Diagnostic.Error(code, text, at));
            }
        }

        return diagnostics.DistinctBy(d => (d.Location, d.Message)).OrderBy(d => d.Location).ToList();
    }

    /// <summary>
    /// The errors worth a line each: every failing allOf branch says something true about the input; of anyOf/oneOf
    /// branches, the one with fewest errors says best what is wrong. Conditionals (<c>if</c>/<c>then</c>/<c>else</c>,
    /// and the <c>not</c> inside the catalog's <c>then</c>) are left out: their one use, a catalog fact's provenance
    /// (a stated value needs source and checked; an unknown one has no days, howToEnable or alternatives), is checked
    /// by the catalog loader with messages that say why (VendorCatalog.ParseFact), as under NJsonSchema before.
    /// </summary>
    private static List<(EvaluationResults Result, string Keyword, string Message)> Errors(EvaluationResults result)
    {
        var errors = new List<(EvaluationResults, string, string)>();
        if (result.IsValid)
        {
            return errors;
        }

        foreach (var (keyword, message) in result.Errors ?? new Dictionary<string, string>())
        {
            errors.Add((result, keyword, message));
        }

        var depth = Segments(result.EvaluationPath.ToString()).Count;
        var children = (result.Details ?? []).Select(d => (Child: d, Keyword: Segments(d.EvaluationPath.ToString()).ElementAtOrDefault(depth) ?? "")).ToList();
        foreach (var (child, keyword) in children)
        {
            if (keyword is "if" or "then" or "else" or "not" or "anyOf" or "oneOf")
            {
                continue;
            }

            errors.AddRange(Errors(child));
        }

        foreach (var branches in children.Where(c => c.Keyword is "anyOf" or "oneOf").GroupBy(c => c.Keyword))
        {
            if (branches.Any(b => b.Child.IsValid))
            {
                continue;
            }

            errors.AddRange(branches.Select(b => Errors(b.Child)).OrderBy(e => e.Count).First());
        }

        return errors;
    }

    private static bool IsAdditionalProperty(EvaluationResults result) =>
        Segments(result.EvaluationPath.ToString()) is { Count: > 0 } path && path[^1] == "additionalProperties";

    private static IEnumerable<string> Describe(string keyword, string message, JsonNode? schema, string key, YamlNode? node, bool additionalProperty)
    {
        // A credential pasted where a key or a value belongs (a token as a mapping key) is named redacted, never echoed.
        var where = string.IsNullOrEmpty(key) ? "the document" : $"'{Named(key)}'";
        var given = node is YamlScalar value ? $" ('{Shorten(Named(value.Value))}')" : "";
        switch (keyword)
        {
            case "required":
                var present = (node as YamlMapping)?.Entries.Select(e => e.Key.Value).ToHashSet(StringComparer.Ordinal) ?? [];
                var missing = (schema?["required"] as JsonArray ?? []).Select(n => n?.GetValue<string>() ?? "").Where(k => !present.Contains(k)).ToList();
                return missing.Count > 0 ? missing.Select(k => $"required key '{k}' is missing") : [$"{where}: {message}"];
            case "" when additionalProperty:
                return [$"unknown key '{Named(key)}'"];
            case "":
                return [$"{where} is not allowed here"];
            case "enum":
                return [$"{where} has a value{given} that is not one of the allowed values{Allowed(schema?["enum"])}"];
            case "const":
                return [$"{where} must be {Text(schema?["const"])}"];
            case "pattern":
                return [$"{where} does not have the expected form{given}{(schema?["description"] is JsonValue d ? ": " + d.GetValue<string>() : "")}"];
            case "type":
                return [$"{where} must be {TypeText(schema?["type"])}"];
            case "minItems":
                var items = Number(schema?["minItems"]);
                return [$"{where} needs at least {items} item{(items == "1" ? "" : "s")}"];
            case "minLength" when Number(schema?["minLength"]) == "1":
                return [$"{where} must not be empty"];
            case "minLength":
                return [$"{where} must be at least {Number(schema?["minLength"])} characters long"];
            case "minimum":
                return [$"{where} must be {Number(schema?["minimum"])} or more"];
            case "uniqueItems":
                return [$"{where} lists the same item more than once"];
            default:
                return [$"{where}: {message}"];
        }
    }

    private static string TypeText(JsonNode? type) => type switch
    {
        JsonArray types => string.Join(" or ", types.Select(TypeText)),
        JsonValue one => one.GetValue<string>() switch
        {
            "string" => "text",
            "boolean" => "true or false",
            "integer" => "a whole number",
            "number" => "a number",
            "array" => "a list",
            "object" => "a mapping",
            "null" => "empty",
            var other => other,
        },
        _ => "of another type",
    };

    private static string Allowed(JsonNode? values) =>
        values is JsonArray { Count: > 0 } list ? ": " + string.Join(", ", list.Select(Text)) : "";

    private static string Text(JsonNode? value) => value switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        null => "null",
        _ => Number(value),
    };

    private static string Number(JsonNode? value) => value is JsonValue v && v.GetValueKind() == JsonValueKind.Number
        ? v.GetValue<JsonElement>().GetRawText()
        : value?.GetValueKind() switch { JsonValueKind.True => "true", JsonValueKind.False => "false", _ => "" };

    // A key or value as a message names it: a provider key's shape (sk-proj-****), NAME=value under a credential name
    // (password=****), or a long token of letters and digits (a 40-character hex or base64 token pasted as a key) is
    // a credential, not a typo to point out.
    private static string Named(string text)
    {
        var shown = ConfigValues.Shown(text);
        if (!ReferenceEquals(shown, text))
        {
            return shown;
        }

        if (AssignmentRegex().Match(text) is { Success: true } assignment && ConfigValues.IsSecretKey(assignment.Groups["name"].Value))
        {
            return assignment.Groups["name"].Value + assignment.Groups["sign"].Value + "****";
        }

        return text.Length >= 32 && SecretLedger.IsUnambiguous(text) && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '+' or '/' or '=')
            ? "****" : text;
    }

    [GeneratedRegex(@"^(?<name>[A-Za-z_][A-Za-z0-9_.-]*)(?<sign>\s*[=:]\s*)\S")]
    private static partial Regex AssignmentRegex();

    // A value echoed back is cut short: enough to spot a typo, never a whole pasted blob.
    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";

    /// <summary>A JSON Pointer's segments, unescaped (RFC 6901: ~1 is '/', ~0 is '~').</summary>
    private static List<string> Segments(string pointer) =>
        pointer.TrimStart('#').Split('/').Skip(1).Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToList();

    /// <summary>
    /// The YAML node an instance pointer names, the last mapping key on the way, and the last node found: a key the
    /// pointer names that the YAML does not hold (missing) points at the mapping that should hold it.
    /// </summary>
    private static (YamlNode? Node, string Key, YamlNode? Parent) Locate(YamlNode root, List<string> segments)
    {
        YamlNode? current = root;
        YamlNode parent = root;
        var key = "";
        foreach (var segment in segments)
        {
            parent = current ?? parent;
            switch (current)
            {
                case YamlMapping mapping:
                    key = segment;
                    current = mapping[segment];
                    break;
                case YamlSequence sequence when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < sequence.Items.Count:
                    current = sequence.Items[index];
                    break;
                default:
                    current = null;
                    break;
            }

            if (current is null)
            {
                break;
            }
        }

        return (current, key, parent);
    }

    /// <summary>The schema object an evaluation path reaches, following local <c>$ref</c>s (#/definitions/...).</summary>
    private static JsonNode? Resolve(JsonNode root, List<string> evaluationPath)
    {
        var current = root;
        foreach (var segment in evaluationPath)
        {
            current = segment == "$ref" && current?["$ref"] is JsonValue reference && reference.GetValue<string>() is { } target && target.StartsWith('#')
                ? Resolve(root, Segments(target))
                : current switch
                {
                    JsonObject o => o[segment],
                    JsonArray a when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < a.Count => a[i],
                    _ => null,
                };
        }

        return current;
    }

    /// <summary>YAML to JSON text with YAML 1.1 scalar typing (what PyYAML does); a repeated key keeps its last value, as the loaders do.</summary>
    public static byte[] ToJson(YamlNode node)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, node);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void Write(Utf8JsonWriter writer, YamlNode node)
    {
        switch (node)
        {
            case YamlMapping mapping:
                writer.WriteStartObject();
                var last = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
                foreach (var (key, value) in mapping.Entries)
                {
                    last[key.Value] = value;
                }

                foreach (var (key, value) in last)
                {
                    writer.WritePropertyName(key);
                    Write(writer, value);
                }

                writer.WriteEndObject();
                break;
            case YamlSequence sequence:
                writer.WriteStartArray();
                foreach (var item in sequence.Items)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case YamlScalar scalar when scalar.IsNull:
                writer.WriteNullValue();
                break;
            case YamlScalar scalar when scalar.AsBool() is { } b:
                writer.WriteBooleanValue(b);
                break;
            case YamlScalar scalar when !scalar.Quoted && long.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l):
                writer.WriteNumberValue(l);
                break;
            case YamlScalar scalar when !scalar.Quoted && LooksLikeFloat(scalar.Value) && scalar.AsNumber() is { } d && double.IsFinite(d):
                writer.WriteNumberValue(d);
                break;
            case YamlScalar scalar:
                writer.WriteStringValue(scalar.Value);
                break;
            default:
                throw new ArgumentException("unknown YAML node", nameof(node));
        }
    }

    private static bool LooksLikeFloat(string text) =>
        text.Length > 0 && (char.IsDigit(text[0]) || text[0] is '-' or '+' or '.') && text.Any(char.IsDigit)
        && text.All(c => char.IsDigit(c) || c is '.' or 'e' or 'E' or '-' or '+' or '_');
}
