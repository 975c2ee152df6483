using System.Text.RegularExpressions;
using GatewayAudit.Core.Model;
using GatewayAudit.Core.Yaml;

namespace GatewayAudit.Core.Readers;

/// <summary>
/// Typed access to YAML config values for readers: wrong types become diagnostics (never exceptions),
/// <c>os.environ/NAME</c> is a reference rather than a value, and literal secrets are recorded redacted.
/// </summary>
public sealed partial class ConfigValues(YamlDocument document, StackModel model, List<Diagnostic> diagnostics, SecretLedger secrets)
{
    private const string EnvPrefix = "os.environ/";

    public YamlDocument Document { get; } = document;

    /// <summary>Variables the file itself defines (LiteLLM's environment_variables), used to resolve references.</summary>
    public Dictionary<string, YamlScalar> Environment { get; } = new(StringComparer.Ordinal);

    public SourceLocation At(YamlNode node) => Document.At(node);

    public void Error(string code, string message, YamlNode node) => diagnostics.Add(Diagnostic.Error(code, message, At(node)));

    public void Warning(string code, string message, YamlNode node) => diagnostics.Add(Diagnostic.Warning(code, message, At(node)));

    /// <summary>The mapping under key, or null when absent; a wrong type is an error naming the key.</summary>
    public YamlMapping? Mapping(YamlMapping parent, string key, string path) => Expect<YamlMapping>(parent, key, path, "a mapping");

    public YamlSequence? Sequence(YamlMapping parent, string key, string path) => Expect<YamlSequence>(parent, key, path, "a list");

    public YamlScalar? Scalar(YamlMapping parent, string key, string path) => Expect<YamlScalar>(parent, key, path, "a single value");

    /// <summary>A list of names; LiteLLM also accepts a single name for some keys, which is read as a one-item list.</summary>
    public IReadOnlyList<YamlScalar> Names(YamlMapping parent, string key, string path)
    {
        var node = parent[key];
        switch (node)
        {
            case null:
                return [];
            case YamlScalar s when s.IsNull:
                return [];
            case YamlScalar s:
                return [s];
            case YamlSequence seq:
                var names = new List<YamlScalar>();
                foreach (var item in seq.Items)
                {
                    if (item is YamlScalar name && !name.IsNull)
                    {
                        names.Add(name);
                    }
                    else
                    {
                        Error("wrong-type", $"'{path}' must be a list of names; this item is {item.KindText}", item);
                    }
                }

                return names;
            default:
                Error("wrong-type", $"'{path}' must be a list of names, not {node.KindText}", node);
                return [];
        }
    }

    public bool? Bool(YamlMapping parent, string key, string path)
    {
        var scalar = Scalar(parent, key, path);
        if (scalar is null || scalar.IsNull)
        {
            return null;
        }

        var resolved = Resolve(scalar);
        var value = resolved.Value is { } text ? BoolText(text, resolved.Node) : null;
        if (value is null && resolved.Value is not null)
        {
            Error("wrong-type", $"'{path}' must be true or false", scalar);
        }

        return value;
    }

    public double? Number(YamlMapping parent, string key, string path)
    {
        var scalar = Scalar(parent, key, path);
        if (scalar is null || scalar.IsNull)
        {
            return null;
        }

        var resolved = Resolve(scalar);
        if (resolved.Value is null)
        {
            return null;
        }

        var number = new YamlScalar(scalar.Line, scalar.Column, resolved.Value, false, null).AsNumber();
        if (number is null)
        {
            Error("wrong-type", $"'{path}' must be a number", scalar);
        }

        return number;
    }

    /// <summary>
    /// The text of a value with <c>os.environ/NAME</c> resolved through the file's own environment_variables.
    /// Value is null when the reference cannot be resolved from the inputs; Reference names the variable.
    /// </summary>
    public (string? Value, string? Reference, YamlScalar Node) Resolve(YamlScalar scalar)
    {
        var text = scalar.Value.Trim();
        if (text.StartsWith(EnvPrefix, StringComparison.Ordinal))
        {
            var name = text[EnvPrefix.Length..];
            return Environment.TryGetValue(name, out var defined) ? (defined.Value, name, defined) : (null, name, scalar);
        }

        return IsTemplate(text) ? (null, text, scalar) : (text, null, scalar);
    }

    public static bool IsReference(string text) => text.Trim().StartsWith(EnvPrefix, StringComparison.Ordinal) || IsTemplate(text.Trim());

    /// <summary>Helm/compose/shell style placeholders are filled at deploy time: references, not values.</summary>
    private static bool IsTemplate(string text) => TemplateRegex().IsMatch(text);

    /// <summary>True for key names that hold credentials (api_key, aws_secret_access_key, master_key, password ...).</summary>
    public static bool IsSecretKey(string key) =>
        SecretKeyRegex().IsMatch(key) && !key.Contains("public", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Records a literal secret written under a secret-named key. Returns true when one was found. The raw value
    /// goes only to the ledger so every output can be scrubbed of it.
    /// </summary>
    public bool CheckSecret(string path, YamlScalar scalar)
    {
        var text = scalar.Value.Trim();
        if (scalar.IsNull || text.Length == 0 || IsReference(text) || LooksLikeFilePath(text))
        {
            return false;
        }

        secrets.Add(text);
        model.Secrets.Add(new LiteralSecret(At(scalar), path, SecretLedger.Redact(text)));
        return true;
    }

    /// <summary>Records a password written inside a connection URL; returns the URL with the password hidden.</summary>
    public string CheckUrlPassword(string path, YamlScalar scalar, string url)
    {
        var match = UrlPasswordRegex().Match(url);
        if (!match.Success || IsReference(match.Groups["password"].Value))
        {
            return url;
        }

        var password = match.Groups["password"].Value;
        var redacted = url[..match.Groups["password"].Index] + "****" + url[(match.Groups["password"].Index + password.Length)..];
        secrets.Add(password);
        secrets.Add(url);
        model.Secrets.Add(new LiteralSecret(At(scalar), path, redacted));
        return redacted;
    }

    private static bool LooksLikeFilePath(string text) =>
        (text.StartsWith('/') || text.StartsWith("./", StringComparison.Ordinal) || text.StartsWith("~/", StringComparison.Ordinal))
        && !text.Contains(' ', StringComparison.Ordinal) && text.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    private bool? BoolText(string text, YamlScalar at) => text.ToLowerInvariant() switch
    {
        "true" or "yes" or "on" => true,
        "false" or "no" or "off" => false,
        _ => at.AsBool(),
    };

    private T? Expect<T>(YamlMapping parent, string key, string path, string what)
        where T : YamlNode
    {
        var node = parent[key];
        if (node is null || node is YamlScalar { IsNull: true })
        {
            return null;
        }

        if (node is T typed)
        {
            return typed;
        }

        Error("wrong-type", $"'{path}' must be {what}, not {node.KindText}", node);
        return null;
    }

    // ${NAME}, and compose's ${NAME:-default} / ${NAME-default} / ${NAME:?error} / ${NAME?error} / ${NAME:+alt}; $NAME; {{ helm }}; <placeholder>.
    [GeneratedRegex(@"^(\$\{[A-Za-z_][A-Za-z0-9_]*(:?[-?+][^}]*)?\}|\$[A-Za-z_][A-Za-z0-9_]*|\{\{.*\}\}|<[^<>]+>)$")]
    private static partial Regex TemplateRegex();

    [GeneratedRegex(@"(^|_)(api_?key|key|secret|secret_access_key|password|passwd|token|access_key_id|credentials|private_key|master_key|salt_key|auth_token)$", RegexOptions.IgnoreCase)]
    private static partial Regex SecretKeyRegex();

    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z0-9+.-]*://(?<user>[^:@/]*):(?<password>[^@/]+)@")]
    private static partial Regex UrlPasswordRegex();
}
