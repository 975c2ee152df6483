using GatewayAudit.Core.Readers.LiteLlm;

namespace GatewayAudit.Core.Readers.Code;

/// <summary>Calls, environment settings, addresses in strings and imports left unused.</summary>
internal sealed partial class LexicalCallSites
{
    private void FindCalls()
    {
        for (var i = 0; i < _source.Count; i++)
        {
            if (!T(i).Is("(") || _source.Match[i] < i)
            {
                continue;
            }

            var (names, start) = _source.Chain(i);
            if (names.Count == 0 || _clientAt.ContainsKey(start) && names.Count == 1)
            {
                continue;
            }

            if (LiteLlmCall(names) is { } liteLlmKind)
            {
                ReadLiteLlmCall(i, start, liteLlmKind);
                continue;
            }

            if (Imported(names, "LLM", LexicalVocabulary.CrewAiModule))
            {
                // CrewAI's LLM(model="gpt-4o", base_url=...) takes LiteLLM's model names: read as a LiteLLM call.
                ReadLiteLlmCall(i, start, LexicalCallKind.Chat, LexicalVocabulary.CrewAiModule);
                continue;
            }

            if (Imported(names, "Agent", LexicalVocabulary.PydanticAiModule))
            {
                ReadPydanticAiAgent(i, start);
                continue;
            }

            if (InngestAiStep(names))
            {
                // step.ai.wrap(...) / step.ai.infer(...): Inngest keeps the AI call's input and output as step data.
                var target = new LexicalTarget("inngest");
                _usedKeys.Add("inngest");
                Sightings.Add(new LexicalSighting(target, LexicalSightingKind.Setting, null, T(start), RecordsPrompts: true, Sdk: "step.ai." + names[^1]));
                continue;
            }

            var normal = string.Join('.', names.Select(LexicalSource.Normal));
            var shape = LexicalVocabulary.Calls.FirstOrDefault(c => normal == c.Suffix || normal.EndsWith("." + c.Suffix, StringComparison.Ordinal));
            if (shape.Suffix is null || (names.Count == 1 && !LexicalVocabulary.FreeFunctions.Contains(shape.Suffix)))
            {
                continue;
            }

            foreach (var client in CallTargets(names, shape, i, start))
            {
                client.HasCall = true;
                Sightings.Add(new LexicalSighting(client.Target, LexicalSightingKind.Call, shape.Kind, T(start), client.RecordsPrompts, client.Name));
            }
        }
    }

    /// <summary>
    /// The clients a call goes through: the one its receiver is bound to, else clients named in its arguments (the AI
    /// SDK's <c>model: openai("...")</c>), else the imported module it is called on, else every client of the SDK family
    /// the call's shape belongs to, else the default client of each imported SDK of that family.
    /// </summary>
    private List<LexicalClient> CallTargets(List<string> names, (string Suffix, LexicalCallKind Kind, bool Bound) shape, int open, int start)
    {
        var receiver = names.Count > 1 ? names[names[0] is "self" or "this" or "cls" && names.Count > 2 ? 1 : 0] : null;
        if (receiver is not null && _bound.TryGetValue(receiver, out var bound))
        {
            return [bound];
        }

        var named = new List<LexicalClient>();
        for (var k = open + 1; k < _source.Match[open]; k++)
        {
            if (_clientAt.TryGetValue(k, out var inline) || (T(k).Kind == LexicalTokenKind.Identifier && _bound.TryGetValue(T(k).Text, out inline)))
            {
                named.Add(inline);
            }
        }

        if (named.Count > 0)
        {
            return named.Distinct().ToList();
        }

        if (receiver is not null && ModuleClient(receiver, T(start)) is { } module)
        {
            return [module];
        }

        var family = Family(shape.Suffix);
        var imported = _source.ImportedNames.Where(n => n.Value.Key != LexicalVocabulary.LiteLlmModule && !IsService(n.Value.Key) && (family is null || n.Value.Key == family)).ToList();
        if (shape.Bound)
        {
            // llm.invoke(...) / chain.invoke(...) with llm imported from a module of the project (from app.llm import llm):
            // an object of whatever SDK that module builds it with. It may join a client kept under that name there,
            // never presume a vendor (LangChain and LlamaIndex objects carry no SDK in the calling file).
            if (receiver is not null && names.Count == 2 && _source.LocalImports.ContainsKey(receiver))
            {
                AddUnresolved(names, shape, open, start, [LexicalVocabulary.AnySdk], fromShape: true);
            }

            return [];
        }

        if (receiver is not null && _source.LocalImports.ContainsKey(receiver))
        {
            // The client itself is imported from another module (from app.llm import client): built there, not here.
            // With no SDK imported here, the call's shape names the SDK (chat.completions.create: OpenAI's); such a
            // call only joins a client, it never makes the SDK's default vendor presumed.
            AddUnresolved(names, shape, open, start, imported.Count > 0 ? imported.Select(n => n.Value.Key) : family is null ? [] : [family], fromShape: imported.Count == 0);
            return [];
        }

        var clients = _clients.Where(c => !IsService(c.Target.Key) && (family is null || Family(c.Name) == family)).ToList();
        if (clients.Count > 0)
        {
            return clients;
        }

        if (receiver is not null)
        {
            // A receiver this file neither builds nor imports as the SDK (p.client, self._client, a parameter): which
            // client it is, and so where it sends, is for the stack assembly to find; never the SDK's default as a fact.
            AddUnresolved(names, shape, open, start, imported.Select(n => n.Value.Key), fromShape: false);
            return [];
        }

        return imported.Select(n => ModuleClient(n.Key, T(start))!).Where(c => c is not null).Distinct().ToList();
    }

    /// <summary>Records a call through a client built elsewhere, once per SDK it may be a client of.</summary>
    private void AddUnresolved(List<string> names, (string Suffix, LexicalCallKind Kind, bool Bound) shape, int open, int start, IEnumerable<string?> sdks, bool fromShape)
    {
        var prefix = names.Take(Math.Max(1, names.Count - (shape.Suffix.Count(c => c == '.') + 1))).ToList();
        var receiver = prefix[0] is "self" or "this" or "cls" && prefix.Count > 1 ? prefix[1] : prefix[0];
        var (passes, passesFrom) = PassedPreferences(open);
        foreach (var sdk in sdks.OfType<string>().Distinct(StringComparer.Ordinal))
        {
            _usedKeys.Add(sdk);
            Unresolved.Add(new LexicalUnresolvedCall(sdk, string.Join('.', prefix), prefix[^1], _source.LocalImports.GetValueOrDefault(receiver), shape.Kind, T(start))
            {
                Passes = passes,
                PassesFrom = passesFrom,
                SdkFromShape = fromShape,
            });
        }
    }

    /// <summary>A preference object passed by name in a call (<c>extra_body=EXTRA_BODY</c>, <c>provider: PREFS</c>), and the module it was imported from.</summary>
    private (string? Name, string? From) PassedPreferences(int open)
    {
        for (var k = open + 1; k + 3 < _source.Match[open]; k++)
        {
            if (_source.IsIdentifier(k) && T(k).Text is "extra_body" or "extraBody" or "provider" && (T(k + 1).Is("=") || T(k + 1).Is(":"))
                && _source.IsIdentifier(k + 2) && (T(k + 3).Is(",") || T(k + 3).Is(")") || T(k + 3).Is("}")))
            {
                return (T(k + 2).Text, _source.LocalImports.GetValueOrDefault(T(k + 2).Text));
            }
        }

        return (null, null);
    }

    /// <summary>The API family of a call shape or client name: OpenAI's (chat completions, responses) or Anthropic's (messages).</summary>
    private static string? Family(string text)
    {
        if (text.StartsWith("messages.", StringComparison.Ordinal) || text.Contains("Anthropic", StringComparison.Ordinal) || text.StartsWith("anthropic.", StringComparison.Ordinal))
        {
            return "anthropic";
        }

        return text.StartsWith("chat", StringComparison.Ordinal) || text.StartsWith("completions.", StringComparison.Ordinal) || text.StartsWith("responses.", StringComparison.Ordinal)
            || text.StartsWith("embeddings.", StringComparison.Ordinal) || text.StartsWith("create", StringComparison.Ordinal)
            || text.Contains("OpenAI", StringComparison.Ordinal) || text.StartsWith("openai.", StringComparison.Ordinal)
            ? "openai"
            : null;
    }

    /// <summary>An observability backend or a tool API: it receives what it is set up or called with, never a model call's shape.</summary>
    private static bool IsService(string key) =>
        LexicalVocabulary.ServiceByKey.TryGetValue(key, out var service) && service.Role is Model.ComponentRole.Exporter or Model.ComponentRole.ToolApi;

    /// <summary>
    /// Inngest's AI steps, <c>step.ai.wrap(id, fn, args)</c> and <c>step.ai.infer(id, { model, body })</c> (inngest-js
    /// InngestStepTools; inngest.com/docs/features/inngest-functions/steps-workflows/step-ai-orchestration, read
    /// 2026-11-30): the shape is Inngest's alone, and the function file usually imports its client from a local module.
    /// </summary>
    private static bool InngestAiStep(List<string> names) =>
        names.Count == 3 && names[0] == "step" && names[1] == "ai" && names[2] is "wrap" or "infer";

    private LexicalCallKind? LiteLlmCall(List<string> names)
    {
        var function = names[^1];
        var module = names.Count == 1 ? function : names[0];
        return names.Count <= 2 && _source.ImportedNames.TryGetValue(module, out var imported) && imported.Key == LexicalVocabulary.LiteLlmModule
            && LexicalVocabulary.LiteLlmCalls.TryGetValue(function, out var kind)
            ? kind
            : null;
    }

    /// <summary><c>litellm.completion(model="anthropic/...", api_base=...)</c>: the model's prefix decides the party, as in a proxy config; api_base's host first.</summary>
    private void ReadLiteLlmCall(int open, int start, LexicalCallKind kind, string sdk = LexicalVocabulary.LiteLlmModule)
    {
        var target = new LexicalTarget("litellm");
        for (var k = open + 1; k < _source.Match[open] - 1; k++)
        {
            if (!_source.IsIdentifier(k) || !T(k + 1).Is("=") && !T(k + 1).Is(":"))
            {
                continue;
            }

            if (T(k).Text == "model")
            {
                var end = ValueEnd(k + 2);
                var (model, overriding) = ModelValue(k + 2, end);
                if (model >= 0)
                {
                    target.ModelVariable = overriding;
                    target.Model = T(model).Text;
                    target.Key = LiteLlmKeyOf(target.Model);
                }
                else
                {
                    target.Expression = Render(k + 2, ValueEnd(k + 2));
                    target.Imported = ImportedName(k + 2, end, LexicalImportedName.ModelSlot);
                }
            }
            else if (T(k).Text is "api_base" or "base_url")
            {
                var expression = target.Expression;
                ReadValue(target, k + 2, ValueEnd(k + 2));
                target.Expression ??= expression;
            }
        }

        if (target.Key == "litellm" && target.Url is null && target.Variable is null)
        {
            target.Expression ??= target.Model is null ? "no model given" : $"{target.Model} (a prefix LiteLLM's table does not hold)";
        }

        Sightings.Add(new LexicalSighting(target, LexicalSightingKind.Call, kind, T(start), Sdk: sdk));
    }

    /// <summary>
    /// A model name as written, or a constant holding it: a literal, or an environment variable's default
    /// (MODEL = os.getenv("MODEL", "openrouter/...")), which runs unless the variable is set (held-out code run, class 6).
    /// The literal's token, or -1, and the variable that can override it.
    /// </summary>
    private (int Literal, string? Variable) ModelValue(int from, int end) =>
        end == from + 1 && T(from).Kind == LexicalTokenKind.String ? (from, null)
        : end == from + 1 && T(from).Kind == LexicalTokenKind.Identifier && _source.Constants.TryGetValue(T(from).Text, out var constant)
            ? (constant, _source.Overridable.GetValueOrDefault(T(from).Text))
        : _source.EnvironmentDefault(from, end) is var (variable, literal) ? (literal, variable)
        : (-1, null);

    /// <summary><c>Name(...)</c> where the file imports <c>Name</c> from the package (or calls <c>package.Name</c>).</summary>
    private bool Imported(List<string> names, string name, string package) =>
        names.Count is 1 or 2 && names[^1] == name && _source.LocalImports.TryGetValue(names[0], out var module)
        && (module == package || module.StartsWith(package + ".", StringComparison.Ordinal));

    /// <summary>
    /// pydantic-ai's <c>Agent('openai:gpt-4o')</c> or <c>Agent(model='google-gla:gemini-2.5-flash')</c>: the name's
    /// provider prefix decides the party (<see cref="LexicalVocabulary.PydanticAiProviders"/>). A model the file does not
    /// fix (<c>Agent()</c>, a parameter), a prefix outside the table (<c>test:</c>, the Pydantic AI Gateway's
    /// <c>gateway/…</c>) gives no sighting rather than a guess.
    /// </summary>
    private void ReadPydanticAiAgent(int open, int start)
    {
        var close = _source.Match[open];
        var (model, overriding) = (-1, (string?)null);
        if (open + 1 < close && !(_source.IsIdentifier(open + 1) && T(open + 2).Is("=")))
        {
            (model, overriding) = ModelValue(open + 1, ValueEnd(open + 1));
        }

        for (var k = open + 1; k < close && model < 0; k++)
        {
            if (T(k).Text == "model" && _source.IsIdentifier(k) && T(k + 1).Is("=") && T(k - 1) is { } before && (before.Is(",") || k == open + 1))
            {
                (model, overriding) = ModelValue(k + 2, ValueEnd(k + 2));
            }
        }

        var name = model >= 0 ? T(model).Text : "";
        var colon = name.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !LexicalVocabulary.PydanticAiProviders.TryGetValue(name[..colon], out var prefix))
        {
            return;
        }

        var target = new LexicalTarget(prefix) { Model = name[(colon + 1)..], ModelVariable = overriding };
        Sightings.Add(new LexicalSighting(target, LexicalSightingKind.Call, LexicalCallKind.Chat, T(start), Sdk: LexicalVocabulary.PydanticAiModule));
    }

    /// <summary>The party key a LiteLLM model names by its prefix (<c>openrouter/...</c>), or by LiteLLM's table for a bare model; "litellm" when neither does.</summary>
    internal static string LiteLlmKeyOf(string model)
    {
        var slash = model.IndexOf('/', StringComparison.Ordinal);
        var prefix = slash > 0 ? model[..slash] : LiteLlmProviders.PrefixForBareModel(model);
        return prefix is not null && LiteLlmProviders.ByPrefix.ContainsKey(prefix) ? prefix : "litellm";
    }

    /// <summary>Spring <c>@Value</c> fields of this file, by field name (read once, on first use).</summary>
    private Dictionary<string, string>? _springValues;

    /// <summary>
    /// A value that is a name another file defines: a name imported from a module of the project (<c>MODEL_NAME</c>), an
    /// attribute of one (<c>settings.MODEL_NAME</c>), or in Go a name of the package not defined in this file.
    /// </summary>
    private LexicalImportedName? ImportedName(int from, int to, string slot)
    {
        if (to == from + 1 && _source.IsIdentifier(from) && !_source.Constants.ContainsKey(T(from).Text))
        {
            var name = T(from).Text;
            if ((_springValues ??= SpringValueFields.Of(_source)).TryGetValue(name, out var placeholder))
            {
                return new LexicalImportedName(placeholder, SpringValueFields.Module, null, slot);
            }

            return _source.LocalImports.TryGetValue(name, out var module) ? new LexicalImportedName(name, module, null, slot)
                : _source.Language == LexicalLanguage.Go && !LexicalVocabulary.UrlConstants.ContainsKey(name) ? new LexicalImportedName(name, null, null, slot)
                : null;
        }

        if (to != from + 3 || !_source.IsIdentifier(from) || !_source.IsPunct(from + 1, ".") || !_source.IsIdentifier(from + 2))
        {
            return null;
        }

        // A Go struct field (conf.OpenAIBaseURL) another file may set from the environment (GoEnvironmentFields); a
        // Python instance of an imported settings class (settings = Settings(), then settings.langfuse_host) reads the
        // class's field in the module it was imported from.
        return _source.LocalImports.TryGetValue(T(from).Text, out var owner) ? new LexicalImportedName(T(from + 2).Text, owner, T(from).Text, slot)
            : _source.Language == LexicalLanguage.Python && InstanceOfImported(T(from).Text) is { } made
                ? new LexicalImportedName(T(from + 2).Text, _source.LocalImports[made], made, slot)
            : _source.Language == LexicalLanguage.Go && char.IsUpper(T(from + 2).Text[0]) && !_source.ImportedNames.ContainsKey(T(from).Text)
                ? new LexicalImportedName(T(from + 2).Text, GoEnvironmentFields.Module, T(from).Text, slot)
            : null;
    }

    /// <summary>The imported class a variable of this file is built from (<c>settings = Settings()</c>, once), or null.</summary>
    private string? InstanceOfImported(string variable)
    {
        string? made = null;
        for (var i = 0; i + 3 < _source.Count; i++)
        {
            if (T(i).IsName(variable) && !_source.IsPunct(i - 1, ".") && _source.IsPunct(i + 1, "=") && _source.IsIdentifier(i + 2) && _source.IsPunct(i + 3, "("))
            {
                if (made is not null && made != T(i + 2).Text)
                {
                    return null;
                }

                made = T(i + 2).Text;
            }
        }

        return made is not null && _source.LocalImports.ContainsKey(made) ? made : null;
    }

    /// <summary>
    /// Environment settings that configure a party (LANGFUSE_HOST, DD_SITE, SENTRY_DSN, OPENAI_BASE_URL ...): read or
    /// set in code; a literal beside the name on its line is the address.
    /// </summary>
    private void FindEnvironmentSettings()
    {
        for (var i = 0; i < _source.Count; i++)
        {
            var t = T(i);
            if (t.Kind is not (LexicalTokenKind.String or LexicalTokenKind.Identifier) || _source.Quiet[i] || !LexicalVocabulary.Environment.TryGetValue(t.Text, out var setting))
            {
                continue;
            }

            var target = new LexicalTarget(setting.Key);
            for (var k = i + 1; setting.Host && k < _source.Count && k < i + 8 && T(k).Line == t.Line; k++)
            {
                if (T(k).Kind == LexicalTokenKind.String && LooksLikeAddress(T(k).Text))
                {
                    if (_consumed.Add(k))
                    {
                        target.Url = T(k).Text;
                    }

                    break;
                }
            }

            // A provider's base URL variable matters only with a value here; a client that reads it says so itself.
            if (target.Url is null && !IsService(setting.Key))
            {
                continue;
            }

            if (target.Url is null && setting.Host)
            {
                target.Variable = t.Text;
            }

            _usedKeys.Add(setting.Key);
            Sightings.Add(new LexicalSighting(target, LexicalSightingKind.Setting, null, t, LexicalVocabulary.RecordsPrompts.ContainsKey(t.Text), t.Text));
        }
    }

    /// <summary>
    /// Addresses in strings no client took: a known provider, gateway or observability host; a private host with an
    /// LLM API path, an inference server's name or distinctive port; a public host with an LLM API path. The path tells
    /// the call. A known non-LLM API (Slack, Discord ...) is never inference, whatever its path.
    /// </summary>
    private void FindAddresses()
    {
        for (var i = 0; i < _source.Count; i++)
        {
            var t = T(i);
            if (t.Kind != LexicalTokenKind.String || t.Form == LexicalStringForm.Docstring || _source.Quiet[i] || _consumed.Contains(i) || t.Text.Length > 4096)
            {
                continue;
            }

            // A Portkey target's custom_host is where Portkey sends, read with its config under Portkey (LexicalPortkey).
            if (i >= 2 && (_source.IsPunct(i - 1, ":") || _source.IsPunct(i - 1, "=")) && T(i - 2).Text is "custom_host" or "customHost")
            {
                continue;
            }

            // Only a literal that is an address by itself counts: a URL inside prose (a prompt, a message kept in a
            // variable, a curl line in a help text) is text about an address, not one the code sends to.
            if (!IsLiteralAddress(t))
            {
                continue;
            }

            var url = t.Text;
            if (LexicalAddresses.NamesParty(url, out var call))
            {
                var kind = call is not null ? LexicalSightingKind.Call : HeldAsData(i) ? LexicalSightingKind.Data : LexicalSightingKind.Endpoint;
                Sightings.Add(new LexicalSighting(new LexicalTarget("address") { Url = url }, kind, call, t));
            }
        }
    }

    /// <summary>
    /// A base URL as the value of a key in a dict or object literal (<c>{"openai": {"api_base": "https://api.openai.com/v1"}}</c>)
    /// that no client of this file consumed: data about a provider, not a call to it. It stays a possible party, never a
    /// direct call (second held-out code run, bench/CODE-CORPUS.md class 3: a provider-config table of a helper gave a
    /// false shadow-sub-processor finding).
    /// </summary>
    private bool HeldAsData(int literal)
    {
        if (!_source.IsPunct(literal - 1, ":") || !(_source.IsIdentifier(literal - 2) || (literal >= 2 && T(literal - 2).Kind == LexicalTokenKind.String)))
        {
            return false;
        }

        for (var k = literal - 3; k >= 0 && literal - k < 4000; k--)
        {
            if (T(k).Kind == LexicalTokenKind.Punct && T(k).Text is ")" or "]" or "}" && _source.Match[k] >= 0 && _source.Match[k] < k)
            {
                k = _source.Match[k];
            }
            else if (T(k).Kind == LexicalTokenKind.Punct && T(k).Text is "(" or "[" or "{")
            {
                return T(k).Text == "{";
            }
        }

        return false;
    }

    /// <summary>
    /// A vendor's MCP server started by the code (<c>StdioServerParameters(command="npx", args=["@brightdata/mcp"])</c>,
    /// <c>new StdioClientTransport({ command: "npx", args: ["-y", "@brightdata/mcp"] })</c>): the agent's tool calls, written
    /// by its model from the conversation, go through it to the vendor. Only a literal that is the package name by itself
    /// (optionally with <c>@version</c>) counts; the name inside prose or a comment is not a server started.
    /// </summary>
    private void FindMcpServers()
    {
        for (var i = 0; i < _source.Count; i++)
        {
            var t = T(i);
            if (t.Kind != LexicalTokenKind.String || t.Form == LexicalStringForm.Docstring || _source.Quiet[i] || t.Text.Length > 200)
            {
                continue;
            }

            if (LexicalVocabulary.McpServerKey(t.Text) is { } key)
            {
                _usedKeys.Add(key);
                Sightings.Add(new LexicalSighting(new LexicalTarget(key), LexicalSightingKind.Client, null, t, Sdk: t.Text));
            }
        }
    }

    /// <summary>
    /// pydantic-ai model names held as data in a file that imports pydantic-ai (<c>models: list[tuple[KnownModelName, str]] =
    /// [('google-gla:gemini-1.5-flash', 'GEMINI_API_KEY'), ...]</c>, then <c>agent.run_stream(..., model=model)</c>): each names
    /// a provider the agent may be run with, a possible party rather than a call (third held-out run, pydantic-ai-examples).
    /// A name an <c>Agent(...)</c> takes is read there as a call; the same party seen twice keeps the stronger sighting.
    /// </summary>
    private void FindPydanticAiModelNames()
    {
        if (!_source.Imports.Any(import => import.Module == LexicalVocabulary.PydanticAiModule || import.Module.StartsWith(LexicalVocabulary.PydanticAiModule + ".", StringComparison.Ordinal)))
        {
            return;
        }

        for (var i = 0; i < _source.Count; i++)
        {
            var t = T(i);
            if (t.Kind != LexicalTokenKind.String || t.Form == LexicalStringForm.Docstring || _source.Quiet[i] || t.Text.Length > 120)
            {
                continue;
            }

            var colon = t.Text.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || colon == t.Text.Length - 1 || t.Text.AsSpan(colon + 1).ContainsAny(" :\\\t")
                || !LexicalVocabulary.PydanticAiProviders.TryGetValue(t.Text[..colon], out var prefix))
            {
                continue;
            }

            _usedKeys.Add(prefix);
            Sightings.Add(new LexicalSighting(new LexicalTarget(prefix) { Model = t.Text[(colon + 1)..] }, LexicalSightingKind.Data, null, t, Sdk: LexicalVocabulary.PydanticAiModule));
        }
    }

    /// <summary>A provider or observability SDK imported with no client, call or setting in the file: a possible party, with lower confidence.</summary>
    private void FindUnusedImports()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var import in _source.Imports)
        {
            if (LexicalVocabulary.ModuleKey(import.Module) is { } key && !_usedKeys.Contains(key) && !_usedPluginModules.Contains(import.Module) && seen.Add(key))
            {
                Sightings.Add(new LexicalSighting(new LexicalTarget(key), LexicalSightingKind.ImportOnly, null, import.At, Sdk: import.Module));
            }
        }
    }

}
