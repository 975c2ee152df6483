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
/// <c>fake-key</c>, <c>sk-bridge-noauth</c>, a one-letter <c>a</c>...), and an unreplaced template value
/// (<c>your-api-key-here</c>, <c>changeme</c>, <c>sk-change-me-...</c>, <c>xxx</c>) makes the call fail rather than
/// exposing anything.</item>
/// <item>A value that is an instruction to fill it in (<c>your_clickhouse_password</c>,
/// <c>sk-change-me-to-something-secure</c>, <c>sk-your-key-here</c>) is no credential anywhere: nobody chose it. A bare
/// default word under a key the stack checks (<c>changeme</c>, <c>sk-changeme</c>, <c>postgres</c>) is reported: people
/// do deploy with it, and it is guessable.</item>
/// <item>In a file meant to be copied and filled in (<c>.env.example</c>), a template value is documentation even under
/// a key the stack checks; a value that looks real there is still reported (someone pasted a real one).</item>
/// <item>An access key id (<c>aws_access_key_id</c>, MinIO's <c>*_ACCESS_KEY_ID</c>) is not a credential by its name:
/// it names the key, like a user name, and signs nothing without its secret half (AWS IAM, "Manage access keys":
/// the id and the secret access key are used together), which is reported under its own name. An AWS key id written
/// anywhere is still scrubbed from every output by its shape.</item>
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
        // Lemonade Server (AMD's local OpenAI-compatible server) "doesn't require strict API key validation" (LiteLLM's
        // Lemonade provider page, docs.litellm.ai/docs/providers/lemonade, read 2026-12-01); configs give it its own
        // name as the key (eighth held-out code run, bench/CODE-CORPUS.md class G).
        "lemonade", "lemonade-server",
        "changeme", "change-me", "change_me", "replaceme", "replace-me", "replace_me", "todo", "tbd", "key", "api-key", "api_key", "apikey",
        "secret", "token", "password", "sk-", "sk-...", "...",
        // The example key of LiteLLM's Helm chart values (deploy/charts/litellm-helm/values.yaml: api_key: eXaMpLeOnLy),
        // copied into repositories with the chart's defaults (fourth held-out code run, bench/CODE-CORPUS.md).
        "exampleonly", "example-only", "example_only",
        // An authentication scheme's name under a *Key setting (Ocelot's AuthenticationProviderKey: "Bearer"): it says
        // how callers authenticate, it is nobody's credential.
        "bearer", "basic", "jwtbearer", "jwt", "oauth2", "apikeyauth",
        // Sample values of a sample setting ("TestKey": "TestValue" in an appsettings.json): a key sent to someone else
        // with such a value is a stand-in; under a password the stack checks it is still reported (sixth held-out code
        // run, bench/CODE-CORPUS.md class E).
        "test", "testing", "testvalue", "test-value", "test_value", "value", "samplevalue", "sample-value", "examplevalue", "example-value",
    };

    /// <summary>
    /// How the value at a credential-named key reads. Key is the setting's own name (the last part of its path);
    /// <paramref name="templateFile"/> is true for a file meant to be copied and filled in (.env.example), where an
    /// unfilled template value is documentation, not the live credential, whatever its key.
    /// </summary>
    public static SecretValue Judge(string key, string value, bool templateFile = false)
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

        // A value that tells the reader to fill it in was never chosen as anyone's credential; nor is a one-to-three
        // character mark with no letter or digit (NEO4J_PASSWORD=!): a stand-in no server accepts as a password.
        if (InstructionRegex().IsMatch(text) || (text.Length <= 3 && !text.Any(char.IsLetterOrDigit)))
        {
            return new SecretValue(false, null);
        }

        // Sent to someone else: a placeholder, a template value or a one-to-three-character stand-in ("a") is no key.
        // Checked by the stack itself: the live credential (changeme, sk-changeme, postgres are weak ones people do
        // deploy), unless the file is only a template to be filled in.
        var placeholder = IsPlaceholder(text) || (!checkedHere && text.Length <= 3);
        return new SecretValue(!placeholder || (checkedHere && !templateFile), null);
    }

    /// <summary>
    /// Gateways whose API keys have no prefix to recognise them by (Portkey's keys are bare random strings: "Portkey API
    /// key", portkey.ai/docs/api-reference/inference-api/authentication), by the environment variable and the client class
    /// that name them. Where one of these names a value, the name is the evidence a shape would be elsewhere.
    /// </summary>
    public static readonly IReadOnlySet<string> UnprefixedKeyVariables = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "PORTKEY_API_KEY" };

    /// <inheritdoc cref="UnprefixedKeyVariables"/>
    public static readonly IReadOnlySet<string> UnprefixedKeyClients = new HashSet<string>(StringComparer.Ordinal) { "Portkey" };

    /// <summary>
    /// A value under a name of <see cref="UnprefixedKeyVariables"/> (or a client's <c>api_key</c>) that is a key: not a
    /// placeholder (<c>your-key</c>, <c>xxx</c>, <c>&lt;...&gt;</c>), a reference (<c>${VAR}</c>), empty or too plain to be one.
    /// </summary>
    public static bool IsUnprefixedKey(string value)
    {
        var text = value.Trim();
        return text.Length > 0 && !text.Contains("${", StringComparison.Ordinal) && !text.Contains("{{", StringComparison.Ordinal)
            && !text.StartsWith('<') && !IsPlaceholder(text) && Judge("api_key", text, templateFile: true).IsSecret && Model.SecretLedger.IsUnambiguous(text);
    }

    /// <summary>The well-known description of a value (LiteLLM's documented example key ...), or null.</summary>
    public static string? WellKnown(string value) => WellKnownValues.GetValueOrDefault(value.Trim());

    /// <summary>True for values used in place of a key that no server checks, or a template value never filled in.</summary>
    public static bool IsPlaceholder(string value)
    {
        var text = value.Trim();
        var bare = KeyPrefixRegex().Replace(text, "");
        return Placeholders.Contains(text) || FillerRegex().IsMatch(text) || YourKeyRegex().IsMatch(text) || TemplateWordRegex().IsMatch(text)
            || CredentialVariableNameRegex().IsMatch(text)
            || (bare.Length < text.Length && (Placeholders.Contains(bare) || YourKeyRegex().IsMatch(bare)));
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

    // An instruction to whoever fills the file in: your_clickhouse_password, sk-your-litellm-master-key,
    // sk-your_master_key_here, sk-change-me-to-something-secure, sk-chnge-me-to-something-random, sk-nomad-CHANGE-ME-to-...
    [GeneratedRegex(@"(^|[-_. ])(your|here)([-_. ]|$)|(^|[-_. ])(cha?nge|replace)[-_. ]?me[-_. ]+[a-z0-9]", RegexOptions.IgnoreCase)]
    private static partial Regex InstructionRegex();

    // A word of a template or a stand-in among the value's parts: sk-change-me-to-something-secure,
    // your_clickhouse_password, sk-your_master_key_here, sk-bridge-noauth, dummy-token-01, fake-openai-key, mock-key.
    [GeneratedRegex(@"(^|[-_. ])(change[-_. ]?me|change[-_. ]?it|replace[-_. ]?me|your|here|noauth|no[-_]auth|no[-_]?key|dummy|fake|mock|placeholder|not[-_]?needed|unused|todo|x{3,})([-_. ]|$)", RegexOptions.IgnoreCase)]
    private static partial Regex TemplateWordRegex();

    // A provider key's prefix in front of a placeholder: sk-ant-replace-me, sk-lf-changeme, sk-proj-your-key-here.
    // Databricks personal access tokens start dapi (dapi... as the placeholder of a serving endpoint's key).
    [GeneratedRegex(@"^(sk-ant-(api\d+-)?|sk-proj-|sk-or-v1-|sk-lf-|sk-|gsk_|hf_|dapi)", RegexOptions.IgnoreCase)]
    private static partial Regex KeyPrefixRegex();

    // The name of the environment variable that holds the key, written where the key would be ("Key": "OPENAI_API_KEY"
    // in an appsettings.json the code reads the variable from): upper case words joined by _, ending in a credential word.
    [GeneratedRegex(@"^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*_(KEY|TOKEN|SECRET|PASSWORD|PASS|PWD)$")]
    private static partial Regex CredentialVariableNameRegex();

    // xxx, XXXXXXXX, sk-xxxxxxxx, ****, ........, sk-...: a mask or filler, not a value.
    [GeneratedRegex(@"^([a-z]{2,4}[-_])?(x{3,}|\*{3,}|\.{3,}|0{3,})$", RegexOptions.IgnoreCase)]
    private static partial Regex FillerRegex();

    // your-api-key, your_api_key_here, YOUR-OPENAI-KEY, insert-key-here, put-your-token-here, sk-your-key ...
    [GeneratedRegex(@"^(sk-)?(your|insert|put|enter|add|set)[-_ ]?([a-z]+[-_ ]?){0,3}(key|token|secret|password)([-_ ]?here)?$", RegexOptions.IgnoreCase)]
    private static partial Regex YourKeyRegex();
}

/// <summary>Whether a literal is a credential, and, when anyone can know it, what it is (shown in the finding).</summary>
public sealed record SecretValue(bool IsSecret, string? WellKnown);
