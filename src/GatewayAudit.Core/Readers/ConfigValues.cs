using System.Text;
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

    // Values resolved from other files of the stack (compose environment, .env, Kubernetes env): their own place.
    // Made at the first such node: a config read on its own, and every gateway file, has none.
    private Dictionary<YamlNode, SourceLocation>? _elsewhere;

    public YamlDocument Document { get; } = document;

    /// <summary>
    /// Variables used to resolve <c>os.environ/NAME</c>: those the stack's deployment files give the process (see
    /// <see cref="Import"/>), then the file's own (LiteLLM's environment_variables, which the proxy sets at start).
    /// </summary>
    public Dictionary<string, YamlScalar> Environment { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Variables the deployment gives the process whose value no file holds (compose <c>${VAR}</c> left to the deploy
    /// shell, a Kubernetes secretKeyRef), with where they are named: set, but to something the scan cannot know.
    /// </summary>
    public Dictionary<string, SourceLocation> SetAtDeploy { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Variables a setting that decides who receives data (a host, a model, a region) reads and no file of the stack
    /// defines, with the first place each is read: what they hold is unknown, and the report says so once each.
    /// </summary>
    public IReadOnlyDictionary<string, SourceLocation> Unresolved => (IReadOnlyDictionary<string, SourceLocation>?)_unresolved ?? System.Collections.ObjectModel.ReadOnlyDictionary<string, SourceLocation>.Empty;

    // Made at the first unresolved variable: a sorted dictionary is three objects, and most files read have none.
    private SortedDictionary<string, SourceLocation>? _unresolved;

    /// <summary>Where a node was read: in this file, or in the deployment file an imported variable came from.</summary>
    public SourceLocation At(YamlNode node) => _elsewhere is not null && _elsewhere.TryGetValue(node, out var at) ? at : Document.At(node);

    /// <summary>True when the node is a variable's value read from another file of the stack.</summary>
    public bool IsFromElsewhere(YamlNode node) => _elsewhere is not null && _elsewhere.ContainsKey(node);

    private Dictionary<YamlNode, SourceLocation> Elsewhere => _elsewhere ??= new(ReferenceEqualityComparer.Instance);

    /// <summary>Records that these nodes were read in other files (a config's include: files).</summary>
    public void Adopt(IReadOnlyDictionary<YamlNode, SourceLocation> elsewhere)
    {
        foreach (var (node, at) in elsewhere)
        {
            Elsewhere[node] = at;
        }
    }

    /// <summary>Adds the variables the stack assembly found for this file's process (compose, Kubernetes, Helm, .env).</summary>
    public void Import(IReadOnlyDictionary<string, EnvironmentValue> environment)
    {
        foreach (var (name, value) in environment)
        {
            // A variable whose value is itself a placeholder (${VAR} left for the shell) tells nothing.
            if (value.Node is null || IsReference(value.Node.Value))
            {
                SetAtDeploy.TryAdd(name, value.At);
                continue;
            }

            Environment[name] = value.Node;
            Elsewhere[value.Node] = value.At;
        }
    }

    /// <summary>How many problems the reading has reported so far (so a caller can tell whether a read reported any).</summary>
    public int ProblemCount => diagnostics.Count;

    public void Error(string code, string message, YamlNode node) => diagnostics.Add(Diagnostic.Error(code, message, At(node)));

    public void Warning(string code, string message, YamlNode node) => diagnostics.Add(Diagnostic.Warning(code, message, At(node)));

    public void Warning(string code, string message, SourceLocation at) => diagnostics.Add(Diagnostic.Warning(code, message, at));

    /// <summary>The mapping under key, or null when absent; a wrong type is an error naming the key.</summary>
    public YamlMapping? Mapping(YamlMapping parent, string key, string path) => Expect<YamlMapping>(parent, key, path, "a mapping");

    public YamlSequence? Sequence(YamlMapping parent, string key, string path) => Expect<YamlSequence>(parent, key, path, "a list");

    public YamlScalar? Scalar(YamlMapping parent, string key, string path) => Expect<YamlScalar>(parent, key, path, "a single value");

    /// <summary>
    /// The scalar of a setting LiteLLM reads as text (a URL, a host, a model, a key), or null when it is absent. A list,
    /// a mapping, a number or true/false there is an error naming the key and the expected type: LiteLLM would crash on
    /// it or read it as something else, and a report that skipped it would read as complete. A quoted or !!str value is
    /// text whatever it looks like; <paramref name="numberAllowed"/> admits numbers where LiteLLM passes them on as
    /// they are (a Redis password, a port). The message never holds the value, which may be a secret.
    /// </summary>
    public YamlScalar? Text(YamlMapping parent, string key, string path, string what, bool numberAllowed = false)
    {
        var node = parent[key];
        if (node is null || node is YamlScalar { IsNull: true })
        {
            return null;
        }

        return CheckText(node, path, what, numberAllowed);
    }

    /// <summary>
    /// <see cref="Text"/> of the setting <paramref name="key"/> under <paramref name="parentPath"/>: the same answer, with
    /// the setting's path made only for an error (most settings read are absent or well typed, and a reader reads many).
    /// </summary>
    public YamlScalar? TextUnder(YamlMapping parent, string key, string parentPath, string what, bool numberAllowed = false)
    {
        var node = parent[key];
        if (node is null || node is YamlScalar { IsNull: true })
        {
            return null;
        }

        return node is YamlScalar scalar && NotText(scalar, numberAllowed) is null ? scalar : CheckText(node, $"{parentPath}.{key}", what, numberAllowed);
    }

    /// <summary><see cref="Mapping"/> of the setting under <paramref name="parentPath"/>, its path made only for an error.</summary>
    public YamlMapping? MappingUnder(YamlMapping parent, string key, string parentPath) =>
        parent[key] switch
        {
            null => null,
            YamlMapping mapping => mapping,
            _ => Mapping(parent, key, $"{parentPath}.{key}"),
        };

    /// <summary><see cref="Sequence"/> of the setting under <paramref name="parentPath"/>, its path made only for an error.</summary>
    public YamlSequence? SequenceUnder(YamlMapping parent, string key, string parentPath) =>
        parent[key] switch
        {
            null => null,
            YamlSequence sequence => sequence,
            _ => Sequence(parent, key, $"{parentPath}.{key}"),
        };

    /// <summary><see cref="Bool"/> of the setting under <paramref name="parentPath"/>, its path not made when it is absent.</summary>
    public bool? BoolUnder(YamlMapping parent, string key, string parentPath) =>
        parent[key] is null ? null : Bool(parent, key, $"{parentPath}.{key}");

    /// <summary>The node as a text scalar, or null after an error naming path and the expected type (see <see cref="Text"/>).</summary>
    public YamlScalar? CheckText(YamlNode node, string path, string what, bool numberAllowed = false)
    {
        if (node is not YamlScalar scalar)
        {
            Error("wrong-type", $"'{path}' must be {what}, not {node.KindText}", node);
            return null;
        }

        if (NotText(scalar, numberAllowed) is { } kind)
        {
            Error("wrong-type", $"'{path}' must be {what}, not {kind}{(kind == "a number" ? " (put it in quotes if it is meant as text)" : "")}", scalar);
            return null;
        }

        return scalar;
    }

    /// <summary>
    /// What a plain scalar is when PyYAML (YAML 1.1, as LiteLLM loads its config) does not read it as text: "true/false"
    /// or "a number"; null for text. Follows PyYAML's resolvers, so 1e5 (no dot) and 10.0.0.5 stay text, and y/n are
    /// text too (PyYAML's bool resolver does not take them).
    /// </summary>
    public static string? NotText(YamlScalar scalar, bool numberAllowed = false)
    {
        if (scalar.Quoted || scalar.IsNull || scalar.Tag is "tag:yaml.org,2002:str" or "!!str" or "!")
        {
            return null;
        }

        var text = scalar.Value;
        if (PyYamlBoolRegex().IsMatch(text))
        {
            return "true/false";
        }

        return !numberAllowed && (PyYamlIntRegex().IsMatch(text) || PyYamlFloatRegex().IsMatch(text)) ? "a number" : null;
    }

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
            case YamlScalar s when NotText(s) is { } kind:
                Error("wrong-type", $"'{path}' must be a list of names, not {kind}", s);
                return [];
            case YamlScalar s:
                return [s];
            case YamlSequence seq:
                var names = new List<YamlScalar>();
                foreach (var item in seq.Items)
                {
                    if (item is YamlScalar name && !name.IsNull && NotText(name) is null)
                    {
                        names.Add(name);
                    }
                    else
                    {
                        Error("wrong-type", $"'{path}' must be a list of names; this item is {(item is YamlScalar bad ? NotText(bad) ?? "empty" : item.KindText)}", item);
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
            if (Environment.TryGetValue(name, out var defined))
            {
                return (defined.Value, name, defined);
            }

            (_unresolved ??= new(StringComparer.Ordinal)).TryAdd(name, At(scalar));
            return (null, name, scalar);
        }

        return IsTemplate(text) ? (null, text, scalar) : (text, null, scalar);
    }

    public static bool IsReference(string text)
    {
        // The scheme pattern needs os.environ/ in the text: most values (model names, hosts) are not run through it.
        var trimmed = text.Trim();
        return trimmed.StartsWith(EnvPrefix, StringComparison.Ordinal) || IsTemplate(trimmed)
            || (trimmed.Contains(EnvPrefix, StringComparison.Ordinal) && SchemeReferenceRegex().IsMatch(trimmed));
    }

    // "Bearer os.environ/KEY" in pass-through headers: a reference behind an auth scheme word.
    [GeneratedRegex(@"^[A-Za-z]+\s+os\.environ/[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex SchemeReferenceRegex();

    /// <summary>Helm/compose/shell style placeholders are filled at deploy time: references, not values.</summary>
    // ${A:-${B}} (a default that is itself a reference) is a reference too: inner references are folded first.
    // Every template starts with '$', '{' or '<' (and folding inner references keeps the first letter): any other text,
    // as most values are, is no template, without the two patterns run on it.
    private static bool IsTemplate(string text) =>
        text.Length > 0 && text[0] is '$' or '{' or '<' && TemplateRegex().IsMatch(InnerReferenceRegex().Replace(text, "REF"));

    [GeneratedRegex(@"(?<=\$\{[A-Za-z_][A-Za-z0-9_]*:?[-+?][^{}]*)\$\{[A-Za-z_][A-Za-z0-9_]*\}")]
    private static partial Regex InnerReferenceRegex();

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

    // PyYAML's implicit resolvers (yaml/resolver.py): the plain scalars it reads as bool, int and float.
    [GeneratedRegex(@"^(yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$")]
    private static partial Regex PyYamlBoolRegex();

    [GeneratedRegex(@"^([-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+)$")]
    private static partial Regex PyYamlIntRegex();

    [GeneratedRegex(@"^([-+]?([0-9][0-9_]*)\.[0-9_]*([eE][-+][0-9]+)?|\.[0-9_]+([eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$")]
    private static partial Regex PyYamlFloatRegex();

    // ${NAME}, and compose's ${NAME:-default} / ${NAME-default} / ${NAME:?error} / ${NAME?error} / ${NAME:+alt}; $NAME;
    // Kubernetes' $(NAME) (an env value naming another variable of the container); {{ helm }}; <placeholder>.
    [GeneratedRegex(@"^(\$\{[A-Za-z_][A-Za-z0-9_]*(:?[-?+][^}]*)?\}|\$[A-Za-z_][A-Za-z0-9_]*|\$\([A-Za-z_][A-Za-z0-9_]*\)|\{\{.*\}\}|<[^<>]+>)$")]
    private static partial Regex TemplateRegex();
}
