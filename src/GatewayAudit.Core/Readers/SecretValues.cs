using System.Text.RegularExpressions;

namespace GatewayAudit.Core.Readers;

/// <summary>
/// Which literals written under a credential-named key are credentials: the one table of placeholder and well-known
/// values (see <see cref="ConfigValues.CheckSecret"/>). The aim is that a literal-secret finding names a real
/// credential, and that no credential is missed:
/// <list type="bullet">
/// <item>A key the proxy or its datastore checks (master key, salt key, any password) is the live credential whatever
/// its value: <c>changeme</c>, <c>postgres</c> or <c>dummy</c> there is a weak password, so it is reported.</item>
/// <item>A key the proxy sends to someone else (a provider's api_key, a callback's secret) is not a credential when it
/// holds a placeholder: local and self-hosted servers (vLLM, Ollama, LM Studio, llama.cpp) need some value and check
/// none (<c>EMPTY</c>, <c>no-key</c>, <c>not-needed</c>, <c>ollama</c>, <c>lm-studio</c>, <c>sk-no-key-required</c>,
/// <c>fake-key</c>...), and an unreplaced template value (<c>your-api-key-here</c>, <c>changeme</c>, <c>xxx</c>) makes
/// the call fail rather than exposing anything.</item>
/// <item>A number is not an API key, token or secret (<c>0</c>, <c>0.0000025</c>); under a password key a whole number
/// of four digits or more is a (weak) password.</item>
/// <item>A value LiteLLM's own docs print is a well-known credential wherever it is: anyone can guess it.</item>
/// </list>
/// </summary>
public static partial class SecretValues
{
    /// <summary>
    /// Values LiteLLM's documentation gives as examples, which deployments copy and never change; the description names
    /// where they come from, never the value (a report still prints no credential). Source: BerriAI/litellm
    /// docs/my-website/docs/proxy/docker_quick_start.md (master key and salt key <c>sk-1234</c>, database_url
    /// <c>postgresql://llmproxy:dbpassword9090@db:5432/litellm</c>) and proxy_server_config.yaml (master_key: sk-1234).
    /// </summary>
    private static readonly Dictionary<string, string> WellKnownValues = new(StringComparer.Ordinal)
    {
        ["sk-1234"] = "LiteLLM's documented example master key",
        ["dbpassword9090"] = "the example database password of LiteLLM's docker quick start",
    };

    /// <summary>Placeholders seen in public configs for servers that check no key (compared case-insensitively).</summary>
    private static readonly HashSet<string> Placeholders = new(StringComparer.OrdinalIgnoreCase)
    {
        "empty", "none", "null", "nil", "na", "n/a", "-", "no", "no-key", "no_key", "nokey", "no-key-required", "sk-no-key-required",
        "not-needed", "not_needed", "notneeded", "not-used", "not_used", "unused", "not-required", "none-needed",
        "dummy", "dummy-key", "dummy_key", "dummykey", "sk-dummy", "fake", "fake-key", "fake_key", "fakekey", "sk-fake", "my-fake-key",
        "placeholder", "sk-placeholder", "anything", "any", "whatever", "ignored", "local", "sk-local",
        "ollama", "lm-studio", "lmstudio", "lm_studio", "vllm", "llamacpp", "llama.cpp", "llama-cpp", "localai", "tgi", "jan",
        "changeme", "change-me", "change_me", "replaceme", "replace-me", "replace_me", "todo", "tbd", "key", "api-key", "api_key", "apikey",
        "secret", "token", "password", "sk-", "sk-...", "...",
    };

    /// <summary>How the value at a credential-named key reads. Key is the setting's own name (the last part of its path).</summary>
    public static SecretValue Judge(string key, string value)
    {
        var text = value.Trim();
        if (WellKnownValues.TryGetValue(text, out var known))
        {
            return new SecretValue(true, known);
        }

        var checkedHere = IsCheckedByTheStack(key);
        if (NumberRegex().IsMatch(text))
        {
            // A number is no API key; a password may be all digits (a weak one), but not a decimal or a one-digit flag.
            return new SecretValue(checkedHere && IsPassword(key) && WholeNumberRegex().IsMatch(text), null);
        }

        return new SecretValue(checkedHere || !IsPlaceholder(text), null);
    }

    /// <summary>The well-known description of a value (LiteLLM's documented example key ...), or null.</summary>
    public static string? WellKnown(string value) => WellKnownValues.GetValueOrDefault(value.Trim());

    /// <summary>True for values used in place of a key that no server checks, or a template value never filled in.</summary>
    public static bool IsPlaceholder(string value)
    {
        var text = value.Trim();
        return Placeholders.Contains(text) || FillerRegex().IsMatch(text) || YourKeyRegex().IsMatch(text);
    }

    /// <summary>
    /// Keys whose value the proxy or one of its own datastores checks (the proxy's master key, the salt key that
    /// encrypts stored credentials, a database, Redis or UI password): whatever is written there is the live credential.
    /// </summary>
    public static bool IsCheckedByTheStack(string key) => CheckedKeyRegex().IsMatch(key);

    private static bool IsPassword(string key) => key.Contains("password", StringComparison.OrdinalIgnoreCase) || key.Contains("passwd", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"(^|[_.-])(master_?key|salt_?key|password|passwd|masterkey|database_url|redis_url)$", RegexOptions.IgnoreCase)]
    private static partial Regex CheckedKeyRegex();

    [GeneratedRegex(@"^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$")]
    private static partial Regex NumberRegex();

    [GeneratedRegex(@"^\d{4,}$")]
    private static partial Regex WholeNumberRegex();

    // xxx, XXXXXXXX, sk-xxxxxxxx, ****, ........, sk-...: a mask or filler, not a value.
    [GeneratedRegex(@"^([a-z]{2,4}[-_])?(x{3,}|\*{3,}|\.{3,}|0{3,})$", RegexOptions.IgnoreCase)]
    private static partial Regex FillerRegex();

    // your-api-key, your_api_key_here, YOUR-OPENAI-KEY, insert-key-here, put-your-token-here, sk-your-key ...
    [GeneratedRegex(@"^(sk-)?(your|insert|put|enter|add|set)[-_ ]?([a-z]+[-_ ]?){0,3}(key|token|secret|password)([-_ ]?here)?$", RegexOptions.IgnoreCase)]
    private static partial Regex YourKeyRegex();
}

/// <summary>Whether a literal is a credential, and, when anyone can know it, what it is (shown in the finding).</summary>
public sealed record SecretValue(bool IsSecret, string? WellKnown);
