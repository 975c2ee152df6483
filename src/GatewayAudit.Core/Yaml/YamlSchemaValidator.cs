using System.Globalization;
using System.Text.RegularExpressions;
using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace GatewayAudit.Core.Yaml;

/// <summary>
/// Validates a YAML tree against a JSON Schema (NJsonSchema) and reports each error at the YAML line of the
/// offending key or value, naming the key. NJsonSchema reports JSON paths; we keep a map from each JSON token to
/// the YAML node it came from to get the line back.
/// </summary>
public sealed partial class YamlSchemaValidator
{
    // The schema is read on the first file that needs checking: a scan with only the built-in catalog and rules (checked
    // in tests, not on every run) never loads NJsonSchema or Newtonsoft.Json, which is most of a cold start's cost.
    private readonly string _schemaPath;
    private object? _schema;

    private YamlSchemaValidator(string schemaPath) => _schemaPath = schemaPath;

    public static YamlSchemaValidator FromFile(string schemaPath) => new(schemaPath);

    private JsonSchema Schema => (JsonSchema)(_schema ??= JsonSchema.FromJsonAsync(File.ReadAllText(_schemaPath)).GetAwaiter().GetResult());

    public IReadOnlyList<Diagnostic> Validate(YamlDocument document, string code)
    {
        if (document.Root is null)
        {
            return [Diagnostic.Error(code, "the file is empty", new SourceLocation(document.File, 1))];
        }

        var origins = new Dictionary<JToken, YamlNode>(ReferenceEqualityComparer.Instance);
        var token = ToJson(document.Root, origins);
        var diagnostics = new List<Diagnostic>();
        foreach (var error in Flatten(Schema.Validate(token)))
        {
            var (node, key) = Locate(token, origins, error.Path);
            var at = node is null ? new SourceLocation(document.File, 1) : document.At(node);
            diagnostics.Add(Diagnostic.Error(code, Describe(error, key, node as YamlScalar), at));
        }

        return diagnostics.DistinctBy(d => (d.Location, d.Message)).OrderBy(d => d.Location).ToList();
    }

    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors)
    {
        foreach (var error in errors)
        {
            if (error is ChildSchemaValidationError { Kind: ValidationErrorKind.NotAllOf } all && all.Errors.Count > 0)
            {
                // allOf: every branch must hold, so every failing branch says something true about the input.
                foreach (var inner in Flatten(all.Errors.Values.SelectMany(e => e)))
                {
                    yield return inner;
                }
            }
            else if (error is ChildSchemaValidationError child && child.Errors.Count > 0)
            {
                // anyOf/oneOf: the branch with fewest errors says best what is wrong.
                var best = child.Errors.Values.OrderBy(e => e.Count).First();
                foreach (var inner in Flatten(best))
                {
                    yield return inner;
                }

                if (best.Count == 0)
                {
                    yield return error;
                }
            }
            else
            {
                yield return error;
            }
        }
    }

    private static string Describe(ValidationError error, string key, YamlScalar? value)
    {
        // A credential pasted where a key or a value belongs (a token as a mapping key) is named redacted, never echoed.
        var where = string.IsNullOrEmpty(key) ? "the document" : $"'{Named(key)}'";
        var given = value is null ? "" : $" ('{Shorten(Named(value.Value))}')";
        return error.Kind switch
        {
            ValidationErrorKind.PropertyRequired => $"required key '{error.Property}' is missing",
            ValidationErrorKind.NoAdditionalPropertiesAllowed => $"unknown key '{Named(error.Property ?? "")}'",
            ValidationErrorKind.NotInEnumeration => $"{where} has a value{given} that is not one of the allowed values{Allowed(error.Schema)}",
            ValidationErrorKind.PatternMismatch => $"{where} does not have the expected form{given}{Expected(error.Schema)}",
            ValidationErrorKind.StringExpected => $"{where} must be text",
            ValidationErrorKind.BooleanExpected => $"{where} must be true or false",
            ValidationErrorKind.IntegerExpected or ValidationErrorKind.NumberExpected => $"{where} must be a number",
            ValidationErrorKind.ArrayExpected => $"{where} must be a list",
            ValidationErrorKind.ObjectExpected => $"{where} must be a mapping",
            ValidationErrorKind.TooFewItems => $"{where} needs more items",
            ValidationErrorKind.StringTooShort => $"{where} must not be empty",
            _ => $"{where}: {SplitWords(error.Kind.ToString())}",
        };
    }

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

    private static string Allowed(JsonSchema? schema) =>
        schema?.ActualSchema.Enumeration is { Count: > 0 } values
            ? ": " + string.Join(", ", values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)))
            : "";

    private static string Expected(JsonSchema? schema) =>
        schema?.ActualSchema is { } actual && !string.IsNullOrEmpty(actual.Description) ? $": {actual.Description}" : "";

    private static string SplitWords(string pascal) =>
        string.Concat(pascal.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static (YamlNode? Node, string Key) Locate(JToken root, Dictionary<JToken, YamlNode> origins, string? path)
    {
        // NJsonSchema paths look like "#/facts.zdr.value" or "#/rules[2].id".
        var current = root;
        var key = "";
        var segments = (path ?? "#/").TrimStart('#', '/').Split('.', StringSplitOptions.RemoveEmptyEntries);
        foreach (var raw in segments)
        {
            var segment = raw;
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            var name = bracket >= 0 ? segment[..bracket] : segment;
            var next = name.Length > 0 && current is JObject o ? o[name] : current;
            if (next is null)
            {
                // The key itself is missing or unknown: point at the mapping that should (not) hold it.
                key = name;
                break;
            }

            key = name.Length > 0 ? name : key;
            current = next;
            while (bracket >= 0)
            {
                var close = segment.IndexOf(']', bracket);
                if (close < 0 || !int.TryParse(segment[(bracket + 1)..close], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                    || current is not JArray array || index >= array.Count)
                {
                    break;
                }

                current = array[index];
                bracket = segment.IndexOf('[', close);
            }
        }

        return (origins.GetValueOrDefault(current), key);
    }

    /// <summary>YAML to JSON with YAML 1.1 scalar typing (what PyYAML does), remembering each token's origin.</summary>
    public static JToken ToJson(YamlNode node, Dictionary<JToken, YamlNode>? origins = null)
    {
        JToken token;
        switch (node)
        {
            case YamlMapping mapping:
                var obj = new JObject();
                foreach (var (key, value) in mapping.Entries)
                {
                    obj[key.Value] = ToJson(value, origins);
                }

                token = obj;
                break;
            case YamlSequence sequence:
                token = new JArray(sequence.Items.Select(i => ToJson(i, origins)));
                break;
            case YamlScalar scalar when scalar.IsNull:
                token = JValue.CreateNull();
                break;
            case YamlScalar scalar when scalar.AsBool() is { } b:
                token = new JValue(b);
                break;
            case YamlScalar scalar when !scalar.Quoted && long.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l):
                token = new JValue(l);
                break;
            case YamlScalar scalar when !scalar.Quoted && LooksLikeFloat(scalar.Value) && scalar.AsNumber() is { } d:
                token = new JValue(d);
                break;
            case YamlScalar scalar:
                token = new JValue(scalar.Value);
                break;
            default:
                throw new ArgumentException("unknown YAML node", nameof(node));
        }

        origins?.TryAdd(token, node);
        return token;
    }

    private static bool LooksLikeFloat(string text) =>
        text.Length > 0 && (char.IsDigit(text[0]) || text[0] is '-' or '+' or '.') && text.Any(char.IsDigit)
        && text.All(c => char.IsDigit(c) || c is '.' or 'e' or 'E' or '-' or '+' or '_');
}
