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

    // A value reached twice (an alias, or a specific check after the sweep) is one secret, reported once.
    private readonly HashSet<YamlScalar> _recorded = new(ReferenceEqualityComparer.Instance);

    // Values resolved from other files of the stack (compose environment, .env, Kubernetes env): their own place.
    private readonly Dictionary<YamlNode, SourceLocation> _elsewhere = new(ReferenceEqualityComparer.Instance);

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
    public SortedDictionary<string, SourceLocation> Unresolved { get; } = new(StringComparer.Ordinal);

    /// <summary>Where a node was read: in this file, or in the deployment file an imported variable came from.</summary>
    public SourceLocation At(YamlNode node) => _elsewhere.TryGetValue(node, out var at) ? at : Document.At(node);

    /// <summary>True when the node is a variable's value read from another file of the stack.</summary>
    public bool IsFromElsewhere(YamlNode node) => _elsewhere.ContainsKey(node);

    /// <summary>Records that these nodes were read in other files (a config's include: files).</summary>
    public void Adopt(IReadOnlyDictionary<YamlNode, SourceLocation> elsewhere)
    {
        foreach (var (node, at) in elsewhere)
        {
            _elsewhere[node] = at;
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
            _elsewhere[value.Node] = value.At;
        }
    }

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

            Unresolved.TryAdd(name, At(scalar));
            return (null, name, scalar);
        }

        return IsTemplate(text) ? (null, text, scalar) : (text, null, scalar);
    }

    public static bool IsReference(string text) =>
        text.Trim().StartsWith(EnvPrefix, StringComparison.Ordinal) || IsTemplate(text.Trim()) || SchemeReferenceRegex().IsMatch(text.Trim());

    // "Bearer os.environ/KEY" in pass-through headers: a reference behind an auth scheme word.
    [GeneratedRegex(@"^[A-Za-z]+\s+os\.environ/[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex SchemeReferenceRegex();

    /// <summary>Helm/compose/shell style placeholders are filled at deploy time: references, not values.</summary>
    // ${A:-${B}} (a default that is itself a reference) is a reference too: inner references are folded first.
    private static bool IsTemplate(string text) => TemplateRegex().IsMatch(InnerReferenceRegex().Replace(text, "REF"));

    [GeneratedRegex(@"(?<=\$\{[A-Za-z_][A-Za-z0-9_]*:?[-+?][^{}]*)\$\{[A-Za-z_][A-Za-z0-9_]*\}")]
    private static partial Regex InnerReferenceRegex();

    /// <summary>
    /// True for key names that hold credentials (api_key, aws_secret_access_key, master_key, password ...), and not for
    /// settings that only end like one: prices per token (input_cost_per_token), cache and lookup keys (cache_key),
    /// public or publishable keys.
    /// </summary>
    public static bool IsSecretKey(string key) =>
        SecretKeyRegex().IsMatch(key) && !NotACredentialKeyRegex().IsMatch(key);

    /// <summary>
    /// True for environment variable names that hold credentials: a credential-named key, or any other *_KEY
    /// (LITELLM_SALT_KEY, LANGFUSE_SECRET_KEY), except public ones (LANGFUSE_PUBLIC_KEY) and non-credential keys.
    /// </summary>
    public static bool IsSecretVariable(string name) =>
        IsSecretKey(name) || (name.EndsWith("_KEY", StringComparison.Ordinal) && !NotACredentialKeyRegex().IsMatch(name));

    /// <summary>
    /// Records a literal secret written under a secret-named key. Returns true when one was found. What counts is
    /// decided by <see cref="SecretValues"/>: a placeholder where no server checks a key (api_key: EMPTY) or a number
    /// is none; a value LiteLLM's docs print (sk-1234) is recorded as well known. The raw value goes only to the
    /// ledger, so every output can be scrubbed of it; the finding says what a well-known value is, never the value.
    /// A value another file of the stack gave (<see cref="Import"/>) is that file's literal, reported by its reader.
    /// <paramref name="templateFile"/> is true for a file meant to be copied and filled in (.env.example), where an
    /// unfilled template value is no credential whatever its key.
    /// </summary>
    public bool CheckSecret(string path, YamlScalar scalar, bool templateFile = false)
    {
        if (!MayBeSecret(scalar, out var text))
        {
            return false;
        }

        var judged = SecretValues.Judge(LastKey(path), text, templateFile);
        if (!judged.IsSecret)
        {
            return false;
        }

        secrets.Add(text);
        foreach (Match token in SecretValueRegex().Matches(text))
        {
            // The bare key too, so it is scrubbed wherever it appears without its "Bearer " or URL around it; its
            // shape alone makes it unambiguous (an AWS key id may have no digit).
            secrets.Add(token.Groups[2].Value, knownShape: true);
        }

        Record(scalar, path, SecretLedger.Redact(text), judged.WellKnown);
        return true;
    }

    /// <summary>
    /// Checks every credential-named key of a mapping (api_key, aws_secret_access_key, password ...): its value must be
    /// text, since LiteLLM passes it on as a string and a list or a number there is silently wrong; a password may be a
    /// number (Redis takes it as it is), and *_credentials may be a mapping (vertex_credentials takes the JSON inline).
    /// Literal values are recorded as secrets.
    /// </summary>
    // What CheckSecret asks before the path: most credential settings are os.environ/ references, and their paths
    // (a string per ancestor) were most of the secret checks' garbage (bench/SCALE.md round 16).
    private bool MayBeSecret(YamlScalar scalar, out string text)
    {
        text = scalar.Value.Trim();
        return !(scalar.IsNull || text.Length == 0 || IsReference(text) || LooksLikeFilePath(text) || IsFromElsewhere(scalar));
    }

    public void CheckSecretKeys(YamlMapping parameters, string path)
    {
        foreach (var (key, value) in parameters.Entries)
        {
            if (!IsSecretKey(key.Value) || value is YamlScalar { IsNull: true }
                || (value is not YamlScalar && key.Value.EndsWith("credentials", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var password = key.Value.Contains("password", StringComparison.OrdinalIgnoreCase) || key.Value.Contains("passwd", StringComparison.OrdinalIgnoreCase);
            if (value is YamlScalar plain && NotText(plain, password) is null && !MayBeSecret(plain, out _))
            {
                continue; // text that is no literal: nothing to say, so no path to make
            }

            var keyPath = $"{path}.{key.Value}";
            if (CheckText(value, keyPath, "text (the value, or os.environ/NAME)", numberAllowed: password) is { } scalar)
            {
                CheckSecret(keyPath, scalar);
            }
        }
    }

    /// <summary>
    /// Looks at every value in the document once (shared alias targets once, no recursion): a literal under a
    /// credential-named key, or a URL carrying a password, is recorded wherever it is, so no section the reader
    /// does not interpret (x- blocks, s3_callback_params, settings added by newer LiteLLM versions) hides one.
    /// </summary>
    public void SweepSecrets(YamlNode root)
    {
        // One set, one stack and one list of path steps per thread, reused document after document (a scan sweeps
        // thousands), and a value's path made only when a check needs it: most values are no secret, and their paths
        // were most of the sweep's garbage.
        var visited = t_visited ??= new HashSet<YamlNode>(ReferenceEqualityComparer.Instance);
        var pending = t_pending ??= new Stack<SweepItem>();
        var steps = t_steps ??= [];
        try
        {
            pending.Push(new SweepItem(root, -1, null, -1, null));
            while (pending.TryPop(out var item))
            {
                if (!visited.Add(item.Node))
                {
                    continue;
                }

                switch (item.Node)
                {
                    case YamlMapping mapping:
                        var mappingStep = StepOf(item, steps);
                        for (var i = mapping.Entries.Count - 1; i >= 0; i--)
                        {
                            var (key, value) = mapping.Entries[i];
                            var shown = Shown(key.Value);
                            if (!ReferenceEquals(shown, key.Value))
                            {
                                // A credential pasted as a key (a misplaced line, a mapping written the wrong way round):
                                // still a literal secret, and every message that names the key must not echo it.
                                CheckSecret(PathOf(new SweepItem(value, mappingStep, shown, -1, null), steps), key);
                            }

                            pending.Push(new SweepItem(value, mappingStep, shown, -1, key.Value));
                        }

                        break;
                    case YamlSequence sequence:
                        var sequenceStep = StepOf(item, steps);
                        for (var i = sequence.Items.Count - 1; i >= 0; i--)
                        {
                            pending.Push(new SweepItem(sequence.Items[i], sequenceStep, null, i, null));
                        }

                        break;
                    case YamlScalar scalar when item.Key is not null && IsSecretKey(item.Key) && scalar.AsBool() is null:
                        if (MayBeSecret(scalar, out _))
                        {
                            CheckSecret(PathOf(item, steps), scalar);
                        }

                        break;
                    case YamlScalar scalar when UrlPassword.Find(scalar.Value.Trim()) is not null:
                        CheckUrlPassword(PathOf(item, steps), scalar, scalar.Value.Trim());
                        break;
                    case YamlScalar scalar when SecretValueRegex().IsMatch(scalar.Value):
                        // A well-known credential shape under any key (extra_headers, a query string, a misnamed key).
                        CheckSecret(PathOf(item, steps), scalar);
                        break;
                }
            }
        }
        finally
        {
            pending.Clear();
            visited.Clear();
            steps.Clear();
            if (visited.EnsureCapacity(0) > 65_536 || pending.EnsureCapacity(0) > 65_536 || steps.Capacity > 65_536)
            {
                (t_visited, t_pending, t_steps) = (null, null, null); // a huge document's buffers are not kept
            }
        }
    }

    [ThreadStatic]
    private static HashSet<YamlNode>? t_visited;

    [ThreadStatic]
    private static Stack<SweepItem>? t_pending;

    [ThreadStatic]
    private static List<PathStep>? t_steps;

    /// <summary>
    /// A node still to look at: the step of the mapping or list that holds it (-1 for the root's), and either its key as
    /// shown or its index in a list (neither for the root); its key as written.
    /// </summary>
    private readonly record struct SweepItem(YamlNode Node, int Parent, string? Shown, int Index, string? Key);

    /// <summary>A mapping or list on the way down, as the steps of its path: its holder's step and its own key or index.</summary>
    private readonly record struct PathStep(int Parent, string? Shown, int Index);

    // The step a mapping or list adds for its items' paths; the root adds none (its path is empty).
    private static int StepOf(SweepItem item, List<PathStep> steps)
    {
        if (item.Shown is null && item.Index < 0)
        {
            return -1;
        }

        steps.Add(new PathStep(item.Parent, item.Shown, item.Index));
        return steps.Count - 1;
    }

    // model_list[0].litellm_params.api_key: the holder's path, then ".key" (just "key" at the top) or "[index]".
    // Written into one builder, not a string per ancestor.
    private static string PathOf(SweepItem item, List<PathStep> steps)
    {
        var path = (t_path ??= new StringBuilder()).Clear();
        Append(path, item.Parent, steps);
        Append(path, item.Shown, item.Index);
        return path.ToString();
    }

    private static void Append(StringBuilder path, int step, List<PathStep> steps)
    {
        if (step >= 0)
        {
            Append(path, steps[step].Parent, steps);
            Append(path, steps[step].Shown, steps[step].Index);
        }
    }

    private static void Append(StringBuilder path, string? shown, int index)
    {
        if (shown is not null)
        {
            (path.Length == 0 ? path : path.Append('.')).Append(shown);
        }
        else if (index >= 0)
        {
            path.Append('[').Append(index).Append(']');
        }
    }

    [ThreadStatic]
    private static StringBuilder? t_path;

    /// <summary>
    /// A key or name as it may appear in a message: itself, or redacted (sk-proj-****) when it has a credential's shape,
    /// so a secret pasted where a name belongs is never echoed. Returns the same instance when nothing was hidden.
    /// </summary>
    public static string Shown(string name) => SecretValueRegex().IsMatch(name) ? SecretLedger.Redact(name.Trim()) : name;

    /// <summary>
    /// Records a password written inside a connection URL; returns the URL with the password hidden. The node is the
    /// setting as written: when it is an os.environ/NAME reference, the URL (given resolved) is a literal where NAME
    /// is defined (environment_variables, a compose file), is reported there, and is only redacted here. In a
    /// <paramref name="templateFile"/> (an example-named manifest) a stand-in password (<c>CHANGE-ME</c>) is redacted
    /// but not reported: nobody runs with it, as in a .env.example.
    /// </summary>
    public string CheckUrlPassword(string path, YamlScalar scalar, string url, bool templateFile = false)
    {
        if (UrlPassword.Find(url) is not var (start, length) || IsReference(url.Substring(start, length)))
        {
            return url;
        }

        var password = url.Substring(start, length);
        var redacted = url[..start] + "****" + url[(start + length)..];
        var wellKnown = SecretValues.WellKnown(password);
        secrets.Add(password);
        secrets.Add(url);

        if (!IsReference(scalar.Value) && !IsFromElsewhere(scalar) && !(templateFile && wellKnown is null && SecretValues.IsPlaceholder(password)))
        {
            Record(scalar, path, redacted, wellKnown);
        }

        return redacted;
    }

    private void Record(YamlScalar scalar, string path, string redacted, string? wellKnown)
    {
        if (_recorded.Add(scalar))
        {
            model.Secrets.Add(new LiteralSecret(At(scalar), path, redacted, wellKnown));
        }
    }

    /// <summary>The setting's own name: the last part of a path such as model_list[0].litellm_params.api_key.</summary>
    private static string LastKey(string path)
    {
        var key = path[(path.LastIndexOf('.') + 1)..];
        var index = key.IndexOf('[', StringComparison.Ordinal);
        return index > 0 ? key[..index] : key;
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

    [GeneratedRegex(@"(^|[_-])(api[_-]?key|key|secret|secret_access_key|password|passwd|token|credentials|private_key|master_key|salt_key|auth_token|authorization)$", RegexOptions.IgnoreCase)]
    private static partial Regex SecretKeyRegex();

    // Settings that end like a credential name and are none: per-token prices (input_cost_per_token), keys that name
    // a cache entry, a partition or a lookup field, and keys meant to be public (LANGFUSE_PUBLIC_KEY, publishable keys).
    // A Portkey virtual_key is the name of credentials kept in Portkey's vault, useless without a Portkey API key.
    [GeneratedRegex(@"per[_-]token$|(^|[_-])(cache|prompt_cache|idempotency|partition|sort|primary|hash|object|lookup|dedup|metadata|field|group|shard|virtual)[_-]key$|public|publishable", RegexOptions.IgnoreCase)]
    private static partial Regex NotACredentialKeyRegex();

    // Provider key shapes: OpenAI/Anthropic/OpenRouter/Langfuse sk-..., AWS access key ids, Slack tokens, GitHub,
    // Hugging Face and Groq tokens; also inside a "Bearer ..." header value or a URL query string.
    [GeneratedRegex(@"(^|Bearer\s+|[=\s""'])(sk-[A-Za-z0-9_-]{20,}|AKIA[0-9A-Z]{16}|xox[abposr]-[A-Za-z0-9-]{10,}|gh[pousr]_[A-Za-z0-9]{30,}|hf_[A-Za-z0-9]{30,}|gsk_[A-Za-z0-9]{30,})")]
    private static partial Regex SecretValueRegex();
}
