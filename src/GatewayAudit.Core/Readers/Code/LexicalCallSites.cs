using System.Text;
using System.Text.RegularExpressions;
using GatewayAudit.Vocabulary;

namespace GatewayAudit.Core.Readers.Code;

/// <summary>
/// How a party shows in a file, strongest first: a call, a client, a setting, an address, an address held as data (a
/// value in a dict or object literal that no client or call of the file uses), or an import alone.
/// </summary>
internal enum LexicalSightingKind
{
    Call,
    Client,
    Setting,
    Endpoint,
    Data,
    ImportOnly,
}

/// <summary>
/// Where requests go, as far as the file shows: an address (with the variable that may override it), a base URL read
/// from an environment variable, an expression this file does not resolve, or else the SDK's own default party.
/// </summary>
internal sealed class LexicalTarget(string key)
{
    public string Key { get; set; } = key;

    public string? Url { get; set; }

    public string? Variable { get; set; }

    public string? Expression { get; set; }

    /// <summary>The model a LiteLLM SDK call names (its prefix chose <see cref="Key"/>).</summary>
    public string? Model { get; set; }

    /// <summary>The environment variable whose value replaces <see cref="Model"/> where it is set (<c>os.getenv("MODEL", "openrouter/...")</c>).</summary>
    public string? ModelVariable { get; set; }

    /// <summary>A Vertex AI client's <c>location</c> as written: the literal, or the expression it comes from.</summary>
    public (string? Region, string? From, LexicalToken At)? Location { get; set; }

    /// <summary>The model or address is a name imported from another module (or, in Go, of the same package): the stack assembly resolves it.</summary>
    public LexicalImportedName? Imported { get; set; }

    /// <summary>A copy whose model or address is <paramref name="value"/>, read from a constant of another file that <paramref name="overriddenBy"/> replaces where set.</summary>
    public LexicalTarget With(string slot, string value, string? overriddenBy)
    {
        var copy = new LexicalTarget(Key) { Url = Url, Variable = Variable, Model = Model, ModelVariable = ModelVariable, Location = Location };
        if (slot == LexicalImportedName.ModelSlot)
        {
            copy.Model = value;
            copy.ModelVariable = overriddenBy;
            copy.Key = LexicalCallSites.LiteLlmKeyOf(value);
        }
        else
        {
            copy.Url = value;
            copy.Variable = overriddenBy;
        }

        return copy;
    }
}

/// <summary>A name standing for a model or an address that another file defines (<c>from app.config import MODEL_NAME</c>; <c>settings.BASE_URL</c>).</summary>
internal sealed record LexicalImportedName(string Name, string? FromModule, string? Via, string Slot)
{
    public const string ModelSlot = "model";

    public const string AddressSlot = "address";

    /// <summary>The module an address read from an environment variable names: <see cref="Name"/> is the variable.</summary>
    public const string EnvironmentModule = "env:variable";
}

/// <summary>An SDK client created in the file (<c>OpenAI(base_url=...)</c>, <c>new Langfuse({ baseUrl })</c>, <c>openai.NewClient(...)</c>).</summary>
internal sealed class LexicalClient(string name, LexicalToken at, LexicalTarget target)
{
    public string Name { get; } = name;

    public LexicalToken At { get; } = at;

    public LexicalTarget Target { get; set; } = target;

    public bool HasCall { get; set; }

    public bool RecordsPrompts { get; set; }

    /// <summary>The variable or field the client is kept in (<c>client = OpenAI(...)</c>, Go <c>client: openai.NewClient(...)</c>).</summary>
    public string? Kept { get; set; }

    /// <summary>The SDK's module used directly (<c>openai.chat.completions.create</c>), not a client the file builds.</summary>
    public bool ModuleDefault { get; init; }

    /// <summary>Set up not to send at all (<c>logfire.configure(send_to_logfire=False)</c>): the SDK reaches no party from this file.</summary>
    public bool SendsNothing { get; set; }
}

/// <summary>
/// A call through a client this file does not build (<c>p.client.CreateChatCompletion(...)</c>, or <c>client</c> imported
/// from another module): its SDK, the receiver as written and its last name, the module it was imported from, and the
/// module-level preference object it passes (<c>extra_body=EXTRA_BODY</c>) with that object's module.
/// </summary>
internal sealed record LexicalUnresolvedCall(string Sdk, string Through, string Name, string? FromModule, LexicalCallKind Kind, LexicalToken At)
{
    public string? Passes { get; init; }

    public string? PassesFrom { get; init; }

    /// <summary>The file imports no SDK: the call's shape alone names it, so the call may join a client but is never presumed to reach the default.</summary>
    public bool SdkFromShape { get; init; }
}

/// <summary>One piece of evidence that a party receives something from this file.</summary>
internal sealed record LexicalSighting(LexicalTarget Target, LexicalSightingKind Kind, LexicalCallKind? Call, LexicalToken At, bool RecordsPrompts = false, string? Sdk = null);

/// <summary>
/// Finds, in one file's tokens, the SDK clients, the calls made through them (or through LiteLLM), the settings and
/// addresses that name a party, and the provider SDKs imported but never used. Strings in log, print, error and
/// test-double calls and docstrings are messages, not addresses called; comments never reach here.
/// </summary>
internal sealed partial class LexicalCallSites
{
    private static readonly HashSet<string> InitVerbs = new(StringComparer.Ordinal) { "init", "Init", "enable", "configure", "initialize", "start", "patch", "patch_all" };

    private readonly LexicalSource _source;
    private readonly List<LexicalClient> _clients = [];
    private readonly Dictionary<int, LexicalClient> _clientAt = [];
    private readonly Dictionary<string, LexicalClient> _bound = new(StringComparer.Ordinal);
    private readonly HashSet<int> _consumed = [];
    private readonly HashSet<string> _usedKeys = new(StringComparer.Ordinal);

    // Modules whose plugin factory was called: their import is explained whichever party the factory named.
    private readonly HashSet<string> _usedPluginModules = new(StringComparer.Ordinal);

    private LexicalCallSites(LexicalSource source) => _source = source;

    public List<LexicalSighting> Sightings { get; } = [];

    /// <summary>Calls through clients built in another file, for the stack assembly to join.</summary>
    public List<LexicalUnresolvedCall> Unresolved { get; } = [];

    /// <summary>The clients the file builds (not an SDK module used directly).</summary>
    public IEnumerable<LexicalClient> Built => _clients.Where(c => !c.ModuleDefault);

    public static List<LexicalSighting> Find(LexicalSource source) => FindAll(source).Sightings;

    public static LexicalCallSites FindAll(LexicalSource source)
    {
        var finder = new LexicalCallSites(source);
        finder.FindClients();
        finder.FindPropertySettings();
        finder.FindCalls();
        finder.FindEnvironmentSettings();
        finder.FindAddresses();
        finder.FindMcpServers();
        finder.FindPydanticAiModelNames();
        foreach (var client in finder._clients)
        {
            finder.Sightings.Add(new LexicalSighting(client.Target, LexicalSightingKind.Client, null, client.At, client.RecordsPrompts, client.Name));
        }

        finder.FindUnusedImports();
        var silent = finder._clients.Where(c => c.SendsNothing).Select(c => c.Target.Key).ToHashSet(StringComparer.Ordinal);
        finder.Sightings.RemoveAll(s => silent.Contains(s.Target.Key));
        return finder;
    }

    private LexicalToken T(int i) => _source[i];

    private void FindClients()
    {
        for (var i = 0; i < _source.Count; i++)
        {
            var decorator = _source.IsPunct(i - 1, "@") && _source.IsIdentifier(i) && !_source.IsPunct(i + 1, "(") && !_source.IsPunct(i + 1, ".");
            if (!decorator && !(T(i).Is("(") && _source.Match[i] > i))
            {
                continue;
            }

            var (names, start) = decorator ? ([T(i).Text], i) : _source.Chain(i);
            if (names.Count == 0 || _clientAt.ContainsKey(start) || IsDeclared(start) || LexicalVocabulary.IsMessageCall(names) || LexicalVocabulary.IsTestDoubleCall(names)
                || ClientKey(names) is not var (key, name))
            {
                continue;
            }

            var site = new LexicalClient(name, T(start), new LexicalTarget(key));
            _usedKeys.Add(key);
            _clients.Add(site);
            _clientAt[start] = site;
            if (_source.AssignedName(start) is { } bound)
            {
                _bound[bound] = site;
                site.Kept = bound;
            }
            else if (_source.IsPunct(start - 1, ":") && _source.IsIdentifier(start - 2) && _source.Language is LexicalLanguage.Go or LexicalLanguage.JavaScript)
            {
                site.Kept = T(start - 2).Text; // a struct or object field: Provider{client: openai.NewClientWithConfig(cfg)}
            }

            ReadSettings(site, start, decorator ? start + 1 : _source.ExpressionEnd(start));
            if (!decorator)
            {
                ReadPositionalAddress(site, i);
            }
        }
    }

    /// <summary>
    /// A base URL given as a positional argument (<see cref="LexicalVocabulary.PositionalBaseUrls"/>), when no named
    /// setting gave one: the client then reaches that address, not its vendor's default.
    /// </summary>
    private void ReadPositionalAddress(LexicalClient site, int open)
    {
        if (!LexicalVocabulary.PositionalBaseUrls.TryGetValue(site.Name, out var index) || site.Target.Url is not null
            || (site.Target.Variable ?? site.Target.Expression) is not null || _source.Match[open] <= open)
        {
            return;
        }

        var close = _source.Match[open];
        var k = open + 1;
        for (var argument = 0; k < close; argument++)
        {
            var end = Math.Min(ValueEnd(k), close);
            if (argument == index)
            {
                ReadValue(site.Target, k, end);
                return;
            }

            // The next argument starts after the comma (or where a line break ended this one).
            k = end > k ? (T(end).Is(",") ? end + 1 : end) : k + 1;
        }
    }

    /// <summary>
    /// A name declared here, not called: <c>export default function OpenAI(props)</c> (a React icon component, fifth held-out
    /// code run, bench/CODE-CORPUS.md class E), <c>def Anthropic(...)</c>, <c>class OpenAI(BaseModel)</c>, Go's <c>func Groq(</c>.
    /// </summary>
    private bool IsDeclared(int start) =>
        _source.IsIdentifier(start - 1) && T(start - 1).Text is "function" or "def" or "class" or "func" or "fun";

    /// <summary>The party key and SDK name of a call that creates a client or initialises an SDK, or null.</summary>
    private (string Key, string Name)? ClientKey(List<string> names)
    {
        for (var j = 0; j < names.Count; j++)
        {
            if (j + 1 < names.Count && LexicalVocabulary.Clients.TryGetValue($"{names[j]}.{names[j + 1]}", out var qualified))
            {
                return (qualified, $"{names[j]}.{names[j + 1]}");
            }

            if (char.IsUpper(names[j][0]) && LexicalVocabulary.Clients.TryGetValue(names[j], out var key))
            {
                return (key, names[j]);
            }

            if (LexicalVocabulary.ImportedClients.Contains(names[j]) && _source.ImportedNames.TryGetValue(names[j], out var sdk)
                && sdk.Module.EndsWith("." + names[j], StringComparison.Ordinal))
            {
                return (sdk.Key, names[j]);
            }
        }

        if (!_source.ImportedNames.TryGetValue(names[0], out var imported) || imported.Key == LexicalVocabulary.LiteLlmModule)
        {
            return null;
        }

        var role = LexicalVocabulary.ServiceByKey.TryGetValue(imported.Key, out var service) ? service.Role : (Model.ComponentRole?)null;
        if (role == Model.ComponentRole.Exporter && (names.Count == 1 || InitVerbs.Contains(names[^1])))
        {
            return (imported.Key, names.Count == 1 ? names[0] : $"{names[0]}.{names[^1]}");
        }

        // A tool API's client is the SDK's own export called (@tavily/core: tavily({ apiKey }); deepl-node:
        // import { Translator } from "deepl-node"; new Translator(authKey)).
        if (role == Model.ComponentRole.ToolApi && names.Count == 1)
        {
            return (imported.Key, names[0]);
        }

        // A framework's model plugin: import { googleAI } from "@genkit-ai/googleai"; genkit({ plugins: [googleAI()] }).
        if (names.Count == 1 && LexicalVocabulary.PluginFactories.TryGetValue((imported.Module, names[0]), out var plugin))
        {
            _usedPluginModules.Add(imported.Module);
            return (plugin, names[0]);
        }

        // Vercel AI SDK provider instances: import { openai } from "@ai-sdk/openai"; openai("gpt-4o").
        var aiSdk = imported.Module.StartsWith("@ai-sdk/", StringComparison.Ordinal) || imported.Module.StartsWith("@openrouter/", StringComparison.Ordinal)
            || imported.Module == "ollama-ai-provider";
        // The instance's model methods too: xai.chat("grok-4"), openai.responses("gpt-4o") (class 1a of the second held-out run).
        var model = names.Count == 1 || (names.Count == 2 && LexicalVocabulary.ProviderModelMethods.Contains(LexicalSource.Normal(names[1])));
        return aiSdk && model && char.IsLower(names[0][0]) ? (imported.Key, names[0]) : null;
    }

    /// <summary>Reads base URL settings and prompt-recording switches in a client's arguments and builder chain.</summary>
    private void ReadSettings(LexicalClient site, int from, int to)
    {
        var found = false;
        for (var k = from + 1; k < to; k++)
        {
            var t = T(k);
            if (t.Kind is not (LexicalTokenKind.Identifier or LexicalTokenKind.String) || k + 1 >= _source.Count)
            {
                continue;
            }

            var setting = LexicalSource.Normal(t.Text);
            var next = T(k + 1);
            var assigns = next.Is(":") || (next.Is("=") && !_source.IsPunct(k + 2, "=")) || next.Is("(");
            if (!found && assigns && LexicalVocabulary.BaseUrlSettings.Contains(setting))
            {
                // openai-go's Azure option (azure.WithEndpoint(...)) makes the client Azure OpenAI's.
                if (_source.IsPunct(k - 1, ".") && k >= 2 && _source.ImportedNames.TryGetValue(T(k - 2).Text, out var option)
                    && LexicalVocabulary.ResourceVendorKeys.Contains(option.Key))
                {
                    site.Target.Key = option.Key;
                    _usedKeys.Add(option.Key);
                }

                found = ReadValue(site.Target, k + 2, ValueEnd(k + 2));
            }
            else if (assigns && setting == "vertexai" && k + 2 < _source.Count && T(k + 2).Text is "True" or "true" && site.Target.Key == "gemini")
            {
                // Google's Gen AI SDK with vertexai: true talks to Vertex AI, not the Gemini API (js-genai and
                // python-genai READMEs; the C# twin is CSharpSdkShapes.GoogleGenAiVertex; held-out code run class 5).
                site.Target.Key = "vertex_ai";
                _usedKeys.Add("vertex_ai");
            }
            else if (setting == "location" && (assigns || IsShorthand(k)))
            {
                site.Target.Location = ReadLocation(k, assigns);
            }
            else if (assigns && setting == "senddefaultpii" && k + 2 < _source.Count && T(k + 2).Text is "True" or "true")
            {
                site.RecordsPrompts = true;
            }
            else if (assigns && LexicalVocabulary.SendSwitches.Contains(setting) && k + 2 < _source.Count && T(k + 2).Text is "False" or "false")
            {
                site.SendsNothing = true;
            }
            else if (!found && t.Kind == LexicalTokenKind.Identifier && _bound.TryGetValue(t.Text, out var config) && config != site)
            {
                site.Target = config.Target; // openai.NewClientWithConfig(config): the config's address
                found = true;
            }
        }

        // A client that sends Portkey's headers (x-portkey-provider, createHeaders(...)) to a base URL this file does not
        // resolve talks to a Portkey gateway: the address is an open fact of Portkey's row, not a second, unnamed party
        // (third held-out code run, class 5). LexicalPortkey reads the headers themselves.
        if (site.Target.Url is null && (site.Target.Variable ?? site.Target.Expression) is not null && SendsPortkeyHeaders(from, to))
        {
            site.Target.Key = GatewayTerms.Portkey;
            _usedKeys.Add(GatewayTerms.Portkey);
        }

        site.RecordsPrompts |= LexicalVocabulary.RecordsPrompts.ContainsKey(site.Name);
        if (site.Target.Key != "vertex_ai")
        {
            site.Target.Location = null; // only Vertex AI serves from the location a client names
        }
    }

    /// <summary>A Portkey header name written in the span, or Portkey's <c>createHeaders(...)</c> called in it.</summary>
    private bool SendsPortkeyHeaders(int from, int to)
    {
        for (var k = from + 1; k < to; k++)
        {
            if ((T(k).Kind == LexicalTokenKind.String && GatewayTerms.FindHeader(T(k).Text) is { Vendor: GatewayTerms.Portkey })
                || (T(k).Text == "createHeaders" && _source.IsPunct(k + 1, "(") && _source.ImportedNames.TryGetValue("createHeaders", out var sdk) && sdk.Key == GatewayTerms.Portkey))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A JavaScript shorthand property (<c>{ project, location }</c>): a name alone between <c>{</c> or <c>,</c> and <c>,</c> or <c>}</c>.</summary>
    private bool IsShorthand(int k) =>
        _source.IsIdentifier(k) && (_source.IsPunct(k - 1, "{") || _source.IsPunct(k - 1, ",")) && (_source.IsPunct(k + 1, ",") || _source.IsPunct(k + 1, "}"));

    /// <summary>A <c>location</c> setting: a literal (or a constant holding one), else the expression it comes from (JavaScript shorthand <c>{ location }</c> is the variable).</summary>
    private (string? Region, string? From, LexicalToken At) ReadLocation(int k, bool assigns)
    {
        if (!assigns)
        {
            return (null, T(k).Text, T(k));
        }

        var end = ValueEnd(k + 2);
        var value = k + 2 < _source.Count && end == k + 3 ? T(k + 2) : default;
        if (value.Kind == LexicalTokenKind.Identifier && _source.Constants.TryGetValue(value.Text, out var constant))
        {
            value = T(constant);
        }

        return value.Kind == LexicalTokenKind.String && value.Form != LexicalStringForm.Template
            ? (value.Text, _source.Overridable.GetValueOrDefault(T(k + 2).Text), value)
            : (null, Render(k + 2, end), T(k));
    }

    /// <summary>The end of a value: the ',' or closing bracket at its own depth, or the end of its line outside brackets.</summary>
    private int ValueEnd(int from)
    {
        var depth = 0;
        for (var k = from; k < _source.Count; k++)
        {
            var t = T(k);
            if (depth == 0 && (t.Text is "," or ";" || (t.Kind == LexicalTokenKind.Punct && t.Text is ")" or "]" or "}") || (k > from && t.Line != T(from).Line && !T(k - 1).Is("."))))
            {
                return k;
            }

            depth += t.Kind == LexicalTokenKind.Punct ? t.Text switch { "(" or "[" or "{" => 1, ")" or "]" or "}" => -1, _ => 0 } : 0;
        }

        return _source.Count;
    }

    /// <summary>Fills the target from a value: an address literal (or a constant holding one), an environment variable, or the expression as written.</summary>
    private bool ReadValue(LexicalTarget target, int from, int to)
    {
        if (from >= to)
        {
            return false;
        }

        var readsEnvironment = false;
        string? variable = null;
        for (var k = from; k < to; k++)
        {
            var t = T(k);
            if (t.Kind == LexicalTokenKind.String && target.Url is null && IsLiteralAddress(t))
            {
                target.Url = t.Text;
                _consumed.Add(k);
            }
            else if (t.Kind == LexicalTokenKind.Identifier && target.Url is null && _source.Constants.TryGetValue(t.Text, out var constant) && IsLiteralAddress(T(constant)))
            {
                target.Url = T(constant).Text;
                _consumed.Add(constant);
                variable ??= _source.Overridable.GetValueOrDefault(t.Text);
                readsEnvironment |= variable is not null;
            }
            else if (t.Kind == LexicalTokenKind.Identifier && target.Url is null && LexicalVocabulary.UrlConstants.TryGetValue(t.Text, out var sdkUrl))
            {
                target.Url = sdkUrl;
            }
            else if (t.Kind == LexicalTokenKind.Identifier && target.Url is null && to == from + 1 && _source.EnvironmentReads.GetValueOrDefault(t.Text) is { } read)
            {
                variable = read; // base_url = os.getenv("BASE_URL"), then OpenAI(base_url=base_url)
                readsEnvironment = true;
            }

            readsEnvironment |= t.Kind == LexicalTokenKind.Identifier && t.Text is "environ" or "getenv" or "Getenv" or "env" or "getEnv" or "get_env" or "LookupEnv" or "GetEnvironmentVariable";
            if (variable is null && t.Kind is LexicalTokenKind.String or LexicalTokenKind.Identifier && VariableRegex().IsMatch(t.Text))
            {
                variable = t.Text;
            }
        }

        if (readsEnvironment && variable is not null)
        {
            target.Variable = variable;
            if (target.Url is null)
            {
                // The project's env file or sample may set it: the stack assembly looks (Stacks/DotEnvSampleEndpoint).
                target.Imported ??= new LexicalImportedName(variable, LexicalImportedName.EnvironmentModule, null, LexicalImportedName.AddressSlot);
            }
        }
        else if (target.Url is null)
        {
            target.Expression = Render(from, to);
            target.Imported ??= ImportedName(from, to, LexicalImportedName.AddressSlot);
        }

        return true;
    }

    private string Render(int from, int to)
    {
        var text = new StringBuilder();
        for (var k = from; k < to && text.Length < 60; k++)
        {
            text.Append(T(k).Kind switch { LexicalTokenKind.String => "\"…\"", LexicalTokenKind.Literal => "…", _ => T(k).Text });
        }

        return text.Length > 60 ? text.ToString(0, 60) + "…" : text.ToString();
    }

    /// <summary><c>client.base_url = "..."</c>, <c>config.BaseURL = "..."</c>, and module-level <c>openai.api_base = "..."</c>.</summary>
    private void FindPropertySettings()
    {
        for (var i = 0; i + 3 < _source.Count; i++)
        {
            if (!_source.IsIdentifier(i) || !T(i + 1).Is(".") || !_source.IsIdentifier(i + 2) || !T(i + 3).Is("=") || _source.IsPunct(i + 4, "=")
                || _source.IsPunct(i - 1, ".") || !LexicalVocabulary.BaseUrlSettings.Contains(LexicalSource.Normal(T(i + 2).Text)))
            {
                continue;
            }

            var site = _bound.GetValueOrDefault(T(i).Text) ?? ModuleClient(T(i).Text, T(i));
            if (site is not null)
            {
                ReadValue(site.Target, i + 4, ValueEnd(i + 4));
            }
        }
    }

    /// <summary>The client an imported provider module stands for when used directly (<c>openai.chat.completions.create</c>).</summary>
    private LexicalClient? ModuleClient(string name, LexicalToken at)
    {
        if (_bound.TryGetValue(name, out var existing))
        {
            return existing;
        }

        if (!_source.ImportedNames.TryGetValue(name, out var imported) || imported.Key == LexicalVocabulary.LiteLlmModule)
        {
            return null;
        }

        var site = new LexicalClient(name, at, new LexicalTarget(imported.Key)) { ModuleDefault = true };
        _usedKeys.Add(imported.Key);
        _clients.Add(site);
        _bound[name] = site;
        return site;
    }

    [GeneratedRegex(@"^[A-Z][A-Z0-9_]{2,}$")]
    private static partial Regex VariableRegex();

    [GeneratedRegex(@"^(localhost|[a-z0-9-]+(\.[a-z0-9-]+)+)(:\d+)?(/\S*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex BareHostRegex();

    /// <summary>
    /// A string that is an address by itself, with a host the code wrote (a template whose host is a hole, such as
    /// <c>`http://${host}:11434`</c>, names no host).
    /// </summary>
    public static bool IsLiteralAddress(LexicalToken token) =>
        token.Kind == LexicalTokenKind.String && LooksLikeAddress(token.Text) && HostClassifier.HostOf(token.Text) is { } host
        && !(token.Form == LexicalStringForm.Template && HostPart(token.Text).Contains('{', StringComparison.Ordinal));

    private static string HostPart(string url)
    {
        var start = url.IndexOf("://", StringComparison.Ordinal) is var scheme and >= 0 ? scheme + 3 : 0;
        var end = url.IndexOf('/', start);
        return end < 0 ? url[start..] : url[start..end];
    }

    /// <summary>True for a URL, or a bare host (with a dot, or localhost) and optional port and path.</summary>
    public static bool LooksLikeAddress(string text) =>
        text.Length < 2048 && (text.Contains("://", StringComparison.Ordinal) || BareHostRegex().IsMatch(text)) && !text.Any(char.IsWhiteSpace);
}
