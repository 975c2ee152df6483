using System.Text;
using System.Text.RegularExpressions;
using GatewayAudit.Core.Model;
using GatewayAudit.Core.Yaml;

namespace GatewayAudit.Core.Readers;

/// <summary>
/// The literal secrets of a config: which keys and variables hold credentials, the checks of one value and the sweep
/// of a whole file, each recorded once, redacted, with the setting's path.
/// </summary>
public sealed partial class ConfigValues
{
    // A value reached twice (an alias, or a specific check after the sweep) is one secret, reported once.
    private readonly HashSet<YamlScalar> _recorded = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// True for key names that hold credentials (api_key, aws_secret_access_key, master_key, password ...), and not for
    /// settings that only end like one: prices per token (input_cost_per_token), cache and lookup keys (cache_key),
    /// public or publishable keys.
    /// </summary>
    public static bool IsSecretKey(string key)
    {
        // Keys repeat across a checkout's files (model, api_key, timeout ...), and every key of every file swept is asked
        // about, each a run of two patterns: the answers are kept, up to a bound, as HostClassifier keeps its regions.
        if (KnownSecretKeys.TryGetValue(key, out var known))
        {
            return known;
        }

        var secret = SecretKeyRegex().IsMatch(key) && !NotACredentialKeyRegex().IsMatch(key);
        if (KnownSecretKeys.Count < MaxKnownSecretKeys)
        {
            KnownSecretKeys.TryAdd(key, secret);
        }

        return secret;
    }

    private const int MaxKnownSecretKeys = 4096;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> KnownSecretKeys = new(StringComparer.Ordinal);

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
                    case YamlScalar scalar when scalar.Value.Length >= ShortestSecretValue && SecretValueRegex().IsMatch(scalar.Value):
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
    public static string Shown(string name) => name.Length >= ShortestSecretValue && SecretValueRegex().IsMatch(name) ? SecretLedger.Redact(name.Trim()) : name;

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

    [GeneratedRegex(@"(^|[_-])(api[_-]?key|key|secret|secret_access_key|password|passwd|token|credentials|private_key|master_key|salt_key|auth_token|authorization)$", RegexOptions.IgnoreCase)]
    private static partial Regex SecretKeyRegex();

    // Settings that end like a credential name and are none: per-token prices (input_cost_per_token), keys that name
    // a cache entry, a partition or a lookup field, and keys meant to be public (LANGFUSE_PUBLIC_KEY, publishable keys).
    // A Portkey virtual_key is the name of credentials kept in Portkey's vault, useless without a Portkey API key.
    [GeneratedRegex(@"per[_-]token$|(^|[_-])(cache|prompt_cache|idempotency|partition|sort|primary|hash|object|lookup|dedup|metadata|field|group|shard|virtual)[_-]key$|public|publishable", RegexOptions.IgnoreCase)]
    private static partial Regex NotACredentialKeyRegex();

    // Provider key shapes: OpenAI/Anthropic/OpenRouter/Langfuse sk-..., AWS access key ids, Slack tokens, GitHub,
    // Hugging Face and Groq tokens; also inside a "Bearer ..." header value or a URL query string.
    // The shortest text SecretValueRegex matches (xoxb- and ten more): a shorter value, as most are, is not run through it.
    private const int ShortestSecretValue = 15;

    [GeneratedRegex(@"(^|Bearer\s+|[=\s""'])(sk-[A-Za-z0-9_-]{20,}|AKIA[0-9A-Z]{16}|xox[abposr]-[A-Za-z0-9-]{10,}|gh[pousr]_[A-Za-z0-9]{30,}|hf_[A-Za-z0-9]{30,}|gsk_[A-Za-z0-9]{30,})")]
    private static partial Regex SecretValueRegex();
}
