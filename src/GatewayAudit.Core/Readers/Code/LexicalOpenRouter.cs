using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers.Gateways;
using GatewayAudit.Core.Yaml;
using GatewayAudit.Vocabulary;

namespace GatewayAudit.Core.Readers.Code;

/// <summary>
/// OpenRouter's routing as Python, TypeScript/JavaScript, Go and Java/Kotlin code writes it, in a file that sends
/// prompts to OpenRouter: the <c>provider</c> preference object (a dict, a JS object literal, <c>extra_body={"provider":
/// {...}}</c>; snake_case or camelCase), the <c>model</c> slug and <c>models</c> fallback list, <c>transforms</c> and
/// <c>route</c> of the same call (https://openrouter.ai/docs/features/provider-routing). Each call site with its own
/// preferences is one use of <see cref="OpenRouterRoutes"/>, the model the C# reader, request files and LiteLLM configs
/// share, so the ZDR and data-collection rules judge each call on its own terms; routes on the same terms in other files
/// merge (<see cref="OpenRouterRoutes.CodeScope"/>).
/// </summary>
internal static class LexicalOpenRouter
{
    // Tokens looked back from a provider object for the call that holds it (its model and models).
    private const int CallReach = 400;

    public static void Apply(InputFile file, LexicalSource source, StackModel model, List<Diagnostic> diagnostics, SecretLedger secrets)
    {
        if (model.Find(OpenRouterRoutes.Id) is not { } openRouter
            || model.FlowsInto(OpenRouterRoutes.Id).FirstOrDefault(f => f.From == CodeApplication.Id) is not { } flow
            || flow.Attributes["kind"] as string == "listing")
        {
            return;
        }

        var objects = new LexicalObjects(source);
        var uses = new List<(YamlMapping Preferences, int From, int To, SourceLocation At)>();
        for (var i = 0; i + 2 < source.Count; i++)
        {
            if (IsKey(source, objects, i, "provider") && objects.ValueFrom(i + 2) is YamlMapping provider && provider.Entries.Count > 0
                && OpenRouterFileReader.IsPreferences(provider, withModel: true))
            {
                var (from, to) = EnclosingCall(source, i);
                uses.Add((Snake(provider), from, to, file.At(source[i].Line, source[i].Column)));
            }
        }

        var routes = new OpenRouterRoutes(null, model, CSharpFragment.AddToList, (c, key) => c.Attributes[key] as string[] ?? [], "call", acrossFiles: true);
        if (uses.Count == 0)
        {
            // Calls without preferences: one route for the slugs the file names (or for whatever model each call names).
            var at = flow.Evidence.FirstOrDefault() ?? openRouter.Evidence.First();
            var slugs = Slugs(file, source, objects, 0, source.Count);
            foreach (var (slug, slugAt) in slugs.Count > 0 ? slugs : [("", at)])
            {
                ReadFields(file, source, routes.Add(openRouter, slug, (OpenRouterPreferences?)null, slugAt, scope: OpenRouterRoutes.CodeScope), 0, source.Count, openRouter);
            }

            LockInSlugs(openRouter, slugs);
            return;
        }

        foreach (var (preferences, from, to, at) in uses)
        {
            var values = new ConfigValues(new YamlDocument(file.DisplayPath, preferences), model, diagnostics, secrets);
            var slugs = Slugs(file, source, objects, from, to);
            foreach (var (slug, _) in slugs.Count > 0 ? slugs : [("", at)])
            {
                var route = routes.Add(openRouter, slug, OpenRouterPreferences.FromYaml(values, preferences), at, scope: OpenRouterRoutes.CodeScope);
                ReadFields(file, source, route, from, to, openRouter);
            }

            LockInSlugs(openRouter, slugs);
            CSharpFragment.LockIn(openRouter, at, "request-field", "provider." + string.Join(",", preferences.Entries.Select(e => e.Key.Value)));
        }
    }

    /// <summary>
    /// A key in an object or keyword arguments: <c>provider:</c>, <c>"provider":</c>, <c>provider=</c>, or Java's and
    /// Kotlin's <c>Map.of("provider", ...)</c>, <c>Map.entry</c>, <c>put</c>, <c>"provider" to</c>; not inside a message.
    /// </summary>
    private static bool IsKey(LexicalSource source, LexicalObjects objects, int i, string key) =>
        source[i].Kind is LexicalTokenKind.Identifier or LexicalTokenKind.String && source[i].Form != LexicalStringForm.Docstring && !source.Quiet[i]
        && source[i].Text == key && (source.IsPunct(i + 1, ":") || (source.IsPunct(i + 1, "=") && !source.IsPunct(i + 2, "=")) || objects.IsArgumentKey(i));

    /// <summary>The tokens of the call a provider object is an argument of (through extra_body, dict(...) and nested objects).</summary>
    private static (int From, int To) EnclosingCall(LexicalSource source, int at)
    {
        for (var k = at - 1; k >= 0 && at - k < CallReach; k--)
        {
            // Java builds the request around the provider map: Map.entry(...) and put(...) are parts of it, not the call.
            if (source[k].Is("(") && source.Match[k] > at && source.Chain(k) is { Names.Count: > 0 } chain && chain.Names is not ["dict"]
                && chain.Names[^1] is not ("put" or "entry"))
            {
                return (k, source.Match[k]);
            }
        }

        // An object built before the call (const body = { model, provider: {...} }): the object itself.
        for (var k = at - 1; k >= 0 && at - k < CallReach; k--)
        {
            if (source[k].Is("{") && source.Match[k] > at)
            {
                return (k, source.Match[k]);
            }
        }

        return (at, at + 1);
    }

    /// <summary>The model slug and the models fallback list written in the range, in order.</summary>
    private static List<(string Slug, SourceLocation At)> Slugs(InputFile file, LexicalSource source, LexicalObjects objects, int from, int to)
    {
        var slugs = new List<(string, SourceLocation)>();
        for (var i = from; i < to && i + 2 < source.Count; i++)
        {
            var value = IsKey(source, objects, i, "model") || IsKey(source, objects, i, "models") ? objects.ValueFrom(i + 2) : null;
            var items = value switch
            {
                YamlScalar { Quoted: true } one => [one],
                YamlSequence list => list.Items.OfType<YamlScalar>().Where(s => s.Quoted),
                _ => [],
            };
            foreach (var item in items)
            {
                if (GatewaySlug.Match(OpenRouterSlug(item.Value), GatewayTerms.DefaultKindOf) is { } slug && !slugs.Any(s => s.Item1 == slug))
                {
                    slugs.Add((slug, file.At(item.Line, item.Column)));
                }
            }
        }

        return slugs;
    }

    /// <summary>
    /// The OpenRouter slug of a model as written: LiteLLM names OpenRouter's models <c>openrouter/&lt;slug&gt;</c>
    /// (docs.litellm.ai/docs/providers/openrouter), so <c>openrouter/google/gemini-2.5-flash</c> is the slug
    /// <c>google/gemini-2.5-flash</c>, while OpenRouter's own <c>openrouter/auto</c> (one slash) is its auto router.
    /// </summary>
    private static string OpenRouterSlug(string model) =>
        model.StartsWith("openrouter/", StringComparison.Ordinal) && model.IndexOf('/', "openrouter/".Length) > 0 ? model["openrouter/".Length..] : model;

    /// <summary>transforms and route of the call, as the request-file reader records them.</summary>
    /// <summary>Gateway slugs in code tie it to OpenRouter (the report's lock-in section, as for C#: GW002).</summary>
    private static void LockInSlugs(Component openRouter, List<(string Slug, SourceLocation At)> slugs)
    {
        foreach (var (slug, at) in slugs)
        {
            CSharpFragment.LockIn(openRouter, at, "slug", slug);
        }
    }

    private static void ReadFields(InputFile file, LexicalSource source, Component route, int from, int to, Component openRouter)
    {
        var objects = new LexicalObjects(source);
        for (var i = from; i < to && i + 2 < source.Count; i++)
        {
            foreach (var field in new[] { "transforms", "route" })
            {
                if (!IsKey(source, objects, i, field))
                {
                    continue;
                }

                var at = file.At(source[i].Line, source[i].Column);
                object? value = objects.ValueFrom(i + 2) switch
                {
                    YamlSequence list => list.Items.OfType<YamlScalar>().Where(s => s.Quoted).Select(s => s.Value).ToArray(),
                    YamlScalar { Quoted: true } text => text.Value,
                    _ => null,
                };
                if (value is not null)
                {
                    route.Attributes.Set(field, value, at);
                    route.Evidence.Add(at);
                    CSharpFragment.LockIn(openRouter, at, "request-field", field);
                }
            }
        }
    }

    /// <summary>camelCase keys (the OpenRouter TypeScript SDK's allowFallbacks, dataCollection) as the API's snake_case.</summary>
    internal static YamlMapping Snake(YamlMapping mapping) =>
        new(mapping.Line, mapping.Column, mapping.Entries.Select(e => new KeyValuePair<YamlScalar, YamlNode>(
            new YamlScalar(e.Key.Line, e.Key.Column, GatewayKeys.Snake(e.Key.Value), e.Key.Quoted, e.Key.Tag),
            e.Value is YamlMapping nested ? Snake(nested) : e.Value)).ToList());
}
