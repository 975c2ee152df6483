using System.Text.RegularExpressions;
using GatewayAudit.Core.Model;

namespace GatewayAudit.Core.Readers.Code;

/// <summary>
/// Literal API keys in source code: a whole string literal that has a model provider's or gateway's key shape
/// (OpenAI <c>sk-...</c> / <c>sk-proj-...</c>, Anthropic <c>sk-ant-api03-...</c>, OpenRouter <c>sk-or-v1-...</c>), or a
/// <c>Bearer</c> credential written out. Each is a <c>literal-secret</c> at its file:line, under the name it is assigned
/// to; the raw value goes only to the <see cref="SecretLedger"/> (so every output is swept of it) and the report shows
/// it redacted (<c>sk-ant-****</c>). A placeholder (<c>sk-your-key-here</c>, <c>sk-xxxx</c>, <c>sk-fake-...</c>) is not a
/// key (<see cref="SecretValues"/>); a value LiteLLM's docs print (<c>sk-1234</c>) is recorded as well known.
/// Key shapes: OpenAI https://platform.openai.com/docs/api-reference/authentication, Anthropic
/// https://docs.anthropic.com/en/api/getting-started, OpenRouter https://openrouter.ai/docs/api-reference/authentication.
/// </summary>
internal static partial class CodeSecrets
{
    /// <summary>Words a file must contain for its string literals to be worth checking (the readers' pre-filters add them).</summary>
    public static IReadOnlyList<string> Needles { get; } = ["sk-", "Bearer ", "key=", "token="];

    /// <summary>Records <paramref name="text"/> when it is a literal key; <paramref name="name"/> is what it is assigned to, if anything.</summary>
    public static void Check(string text, string? name, SourceLocation at, StackModel model, SecretLedger ledger)
    {
        var value = text.Trim();
        if (value.Length < 7 || value.Length > 400)
        {
            return;
        }

        if (QueryKeyRegex().Match(value) is { Success: true } query)
        {
            CheckQueryKey(query, name, at, model, ledger);
            return;
        }

        var wellKnown = SecretValues.WellKnown(value);
        var match = KeyRegex().Match(value);
        if (wellKnown is null && (!match.Success || !SecretValues.Judge("api_key", match.Groups["key"].Value).IsSecret || !SecretLedger.IsUnambiguous(match.Groups["key"].Value)))
        {
            return;
        }

        var key = match.Success ? match.Groups["key"].Value : value;
        ledger.Add(value, knownShape: true);
        ledger.Add(key, knownShape: true);
        var shown = match.Success && match.Groups["bearer"].Success ? "Bearer " + SecretLedger.Redact(key) : SecretLedger.Redact(key);
        if (!model.Secrets.Any(s => s.Location == at))
        {
            model.Secrets.Add(new LiteralSecret(at, name ?? "a string literal", shown, wellKnown));
        }
    }

    /// <summary>
    /// A literal key given to a client whose keys have no prefix (<c>Portkey(api_key="...")</c>,
    /// <see cref="SecretValues.UnprefixedKeyClients"/>): the client's argument is what shows it to be a key. A
    /// placeholder, a reference or a plain word is none (<see cref="SecretValues.IsUnprefixedKey"/>).
    /// </summary>
    public static void CheckUnprefixed(string text, string client, string name, SourceLocation at, StackModel model, SecretLedger ledger)
    {
        var value = text.Trim();
        if (value.Length > 400 || !SecretValues.IsUnprefixedKey(value) || model.Secrets.Any(s => s.Location == at))
        {
            return;
        }

        ledger.Add(value, knownShape: true);
        model.Secrets.Add(new LiteralSecret(at, $"{name} of {client}", SecretLedger.Redact(value), null));
    }

    /// <summary>
    /// A key written into a URL's query string (<c>https://api.weatherapi.com/v1/current.json?q={city}&amp;key=1f75...</c>):
    /// the API reads it from there, so whoever reads the file has it (fifth held-out code run, bench/CODE-CORPUS.md
    /// class H). A template hole (<c>key={api_key}</c>), a placeholder or a short or one-kind token is none.
    /// </summary>
    private static void CheckQueryKey(Match query, string? name, SourceLocation at, StackModel model, SecretLedger ledger)
    {
        var key = query.Groups["key"].Value;
        if (!SecretLedger.IsUnambiguous(key) || !SecretValues.Judge("api_key", key).IsSecret || model.Secrets.Any(s => s.Location == at))
        {
            return;
        }

        ledger.Add(key, knownShape: true);
        var parameter = query.Groups["param"].Value;
        model.Secrets.Add(new LiteralSecret(at, name ?? $"the {parameter} parameter of a URL", $"{parameter}={SecretLedger.Redact(key)}", null));
    }

    // A URL whose query names a credential parameter with a literal value (no template hole, no quote or space in it).
    [GeneratedRegex(@"^https?://[^\s?#]+\?(?:[^\s#]*&)?(?<param>key|api_key|apikey|api-key|access_token|token|appid|app_id)=(?<key>[A-Za-z0-9_\-]{12,})(?:[&#]|$)", RegexOptions.IgnoreCase)]
    private static partial Regex QueryKeyRegex();

    // A provider key alone, or "Bearer " and a token of 20+ characters (letters and digits both; checked by the ledger's
    // IsUnambiguous): the whole literal, so a key inside prose or a URL template is not taken for one.
    [GeneratedRegex(@"^(?<bearer>Bearer\s+)?(?<key>sk-(ant-(api|admin)\d{2}-|or-v1-|proj-|svcacct-)?[A-Za-z0-9_\-]{20,}|(?<=Bearer\s+)[A-Za-z0-9._~+/\-]{20,}=*)$")]
    private static partial Regex KeyRegex();
}
