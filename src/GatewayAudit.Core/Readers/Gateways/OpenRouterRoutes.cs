using GatewayAudit.Core.Model;
using GatewayAudit.Core.Yaml;

namespace GatewayAudit.Core.Readers.Gateways;

/// <summary>
/// The providers OpenRouter may route a use to (a LiteLLM deployment, a request body or provider-preference file), as
/// OpenRouter's sub-processors. The customer contracts with OpenRouter; OpenRouter passes each request on to a provider
/// of its choosing. The provider that serves a request is not the slug's author (open-weight models have many hosts,
/// and even anthropic/ models are served by Anthropic, Bedrock or Vertex per OpenRouter's routing) unless the use pins
/// it: provider.only, or provider.order with allow_fallbacks: false
/// (https://openrouter.ai/docs/features/provider-routing). Uses with the same routing terms share one component under
/// OpenRouter, with those terms as its attributes, so one use's data_collection: deny does not hide another's default
/// allow, and twenty model groups routed the same way are one arrangement, not twenty. Shared by the LiteLLM config
/// reader and the OpenRouter file reader.
/// </summary>
/// <param name="addToList">Adds a value to a sorted list attribute.</param>
/// <param name="listOf">The values of a list attribute gathered so far.</param>
/// <param name="noun">What one use is called in notes: "deployment" (LiteLLM) or "request" (a request file).</param>
/// <param name="acrossFiles">
/// True when routes of several files merge into one row (source code: one party per routing terms per stack, however
/// many files call OpenRouter). A merged row keeps the name of the first file read, so such a name states only what
/// holds for every use (the routing terms); the models each file names stay in the <c>models</c> list attribute.
/// </param>
internal sealed class OpenRouterRoutes(
    ConfigValues? values,
    StackModel model,
    Action<Component, string, string> addToList,
    Func<Component, string, IReadOnlyCollection<string>> listOf,
    string noun,
    bool acrossFiles = false)
{
    public const string Id = "provider:openrouter";

    /// <summary>
    /// The scope of routes read from source code, in every language: calls on the same routing terms are one party in
    /// a stack whichever file makes them (a library calling OpenRouter from ten files is one row with ten sites in its
    /// evidence), and stay apart from a LiteLLM config's or a request file's routes, which go out on another client's
    /// terms and name their own models.
    /// </summary>
    public const string CodeScope = "code";

    private readonly HashSet<string> _askedRoutes = new(StringComparer.Ordinal);

    // What each open route was last named from: its models only grow, so the same count and ending is the same name,
    // which a file routing many models through one route built again for each (bench/SCALE.md round 16).
    private readonly Dictionary<Component, (int Models, string Suffix)> _named = new(ReferenceEqualityComparer.Instance);
    // The texts the last use was named with, kept for the next: the uses of one file (a request's model and its fallback
    // list, a config's deployments) mostly share scope, kind and terms, and each made the same id and ending again.
    private (string? A, string B, string C, string Text)? _id;
    private (string? A, string B, string C, string Text)? _suffix;
    private string? _pinnedNote;

    private static string Memo(ref (string? A, string B, string C, string Text)? last, string? a, string b, string c, Func<string?, string, string, string> make)
    {
        if (last is { } known && known.A == a && known.B == b && known.C == c)
        {
            return known.Text;
        }

        var text = make(a, b, c);
        last = (a, b, c, text);
        return text;
    }

    private int _uses;
    private int _zdrUses;
    private SourceLocation? _firstZdr;

    /// <summary>
    /// Adds the routing of one use under OpenRouter and returns its component. <paramref name="scope"/> keeps uses of
    /// different files apart (null for a LiteLLM config, whose deployments share routes); <paramref name="where"/> ends
    /// the name ("requests in r.json"). An empty slug is a preference file for whatever model each request names.
    /// </summary>
    public Component Add(Component openRouter, string slug, YamlMapping? preferences, SourceLocation at, string? scope = null, string? where = null) =>
        Add(openRouter, slug, preferences is null || values is null ? null : OpenRouterPreferences.FromYaml(values, preferences), at, scope, where);

    /// <summary>The same for preferences read from any input (a YAML mapping, an object in code).</summary>
    // Whether the route's name must be made again: it is new, or has more models or another ending since.
    private bool Renamed(Component route, int models, string suffix)
    {
        if (_named.TryGetValue(route, out var named) && named.Models == models && named.Suffix == suffix)
        {
            return false;
        }

        _named[route] = (models, suffix);
        return true;
    }

    public Component Add(Component openRouter, string slug, OpenRouterPreferences? preferences, SourceLocation at, string? scope = null, string? where = null)
    {
        _uses++;
        openRouter.Notes.Add("OpenRouter receives the prompt and passes it on to a provider it picks per request; those providers are OpenRouter's sub-processors, listed under it.");
        model.OpenQuestions.Add(new OpenQuestion("OpenRouter",
            "Is zero data retention enforced on the OpenRouter account (an account-wide setting the config cannot show), and is prompt logging off there?", at));

        var only = preferences?.Names("only") ?? [];
        var order = preferences?.Names("order") ?? [];
        var fallbacks = preferences?.AllowFallbacks;
        var pinned = only.Count > 0 ? only : order.Count > 0 && fallbacks == false ? order : [];
        // openrouter/auto is the auto router; another openrouter/<name> with no author (openrouter/horizon-beta) is a
        // model OpenRouter lists under its own name, whose serving provider the slug does not name (third held-out code
        // run, class 7): the same open route, said as what it is.
        var own = slug.StartsWith("openrouter/", StringComparison.Ordinal) && slug.Count(c => c == '/') == 1 && slug != "openrouter/auto";
        var auto = slug is "auto" || slug.StartsWith("openrouter/", StringComparison.Ordinal);
        var terms = preferences is null ? "" : preferences.Terms;
        var suffix = where is null ? "" : Memo(ref _suffix, where, "", "", static (w, _, _) => $" ({w})");
        var kind = own ? "own:" + slug[11..] : auto ? "auto" : pinned.Count > 0 ? "pinned" : "any";
        var id = Memo(ref _id, scope, kind, terms,
            static (scope, kind, terms) => $"provider:openrouter-upstream:{(scope is null ? "" : scope + ":")}{kind}{(terms.Length > 0 ? ":" + terms : "")}");
        // A route already added keeps its name: only a new one is named (a large config routes many models the same way).
        var route = model.Add(id, model.Find(id)?.Name ?? (own ? $"The provider serving {slug}, a model OpenRouter lists under its own name without naming its provider{suffix}"
                : auto ? $"Any model and provider OpenRouter's auto router picks{suffix}"
                : pinned.Count > 0 ? $"OpenRouter provider{(pinned.Count > 1 ? "s" : "")} {string.Join(", ", pinned)} (pinned by provider preferences){suffix}"
                : ""), // named below, from the models it covers
            ComponentRole.ModelProvider, Hosting.ThirdParty, subProcessorOf: openRouter.Id);
        route.Evidence.Add(at);
        route.Attributes.Set("routing", own ? "openrouter-own-model" : auto ? "auto-router" : pinned.Count > 0 ? "pinned" : "any-provider");
        if (slug.Length > 0)
        {
            addToList(route, "models", slug);
        }

        if (!auto && pinned.Count == 0 && Renamed(route, listOf(route, "models").Count, suffix))
        {
            // The row names the models it covers, so counsel reads what is routed, not an id.
            var models = listOf(route, "models");
            var shown = acrossFiles ? $"the application's {noun}s" : models.Count == 0 ? "the models each request names" : string.Join(", ", models.Take(3)) + (models.Count > 3 ? $" and {models.Count - 3} more" : "");
            route.Name = (terms.Length > 0 ? $"Any provider OpenRouter routes {shown} to, under these preferences: {terms}" : $"Any provider OpenRouter routes {shown} to") + suffix;
        }

        foreach (var provider in pinned)
        {
            addToList(route, "pinnedProviders", provider);
        }

        route.Notes.Add(pinned.Count > 0
            ? _pinnedNote ??= $"OpenRouter's sub-processor: the {noun} pins which OpenRouter providers may serve it; the contract for it is OpenRouter's."
            : "OpenRouter's sub-processor: OpenRouter picks, per request, any provider that serves the model; the slug's author is not presumed to be the host.");
        var flow = model.Connect(openRouter.Id, route.Id, [DataCategory.Prompt, DataCategory.Completion, DataCategory.Metadata], at);
        flow.Attributes.Set("kind", "inference");

        if (own)
        {
            model.OpenQuestions.Add(new OpenQuestion($"OpenRouter model {slug}",
                $"OpenRouter lists {slug} under its own name: which provider serves it, and does that provider keep or train on prompts?", at));
        }
        else if (auto)
        {
            model.OpenQuestions.Add(new OpenQuestion("OpenRouter auto router",
                "The auto router may send a prompt to any model and provider OpenRouter offers: is that acceptable, or should the model list be pinned (models, provider.only) with ZDR enforced?", at));
        }
        else if (pinned.Count == 0 && _askedRoutes.Add(route.Id))
        {
            model.OpenQuestions.Add(new OpenQuestion((terms.Length > 0 ? $"OpenRouter upstream providers ({terms})" : "OpenRouter upstream providers") + suffix,
                "Which providers may OpenRouter route these models to, and do they retain prompts? OpenRouter picks among every provider serving a model, not necessarily its author; pin them with provider.only, or provider.order and allow_fallbacks: false.", at));
        }

        if (preferences is not null)
        {
            ReadPreferences(route, preferences.Entries, "provider.");
            if (preferences["zdr"] is { Value: true } zdr)
            {
                _zdrUses++;
                _firstZdr ??= zdr.At;
                route.Zdr = new Sourced<ZdrStatus>(ZdrStatus.Yes, zdr.At);
                flow.Attributes.Set("zdrRouting", true);
            }
        }

        return route;
    }

    /// <summary>provider.zdr is per request: OpenRouter's own ZDR holds only if every use read so far sets it.</summary>
    public void SummariseZdr()
    {
        if (_zdrUses == 0 || model.Find(Id) is not { } openRouter)
        {
            return;
        }

        var all = _zdrUses == _uses;
        openRouter.Zdr = new Sourced<ZdrStatus>(all ? ZdrStatus.Yes : ZdrStatus.Partial, _firstZdr!);
        if (!all)
        {
            openRouter.Notes.Add($"provider.zdr is set on {_zdrUses} of {_uses} OpenRouter {noun}s; the others may be routed to endpoints that retain prompts.");
        }
    }

    /// <summary>Each preference as an attribute of the route, with the line it was read from.</summary>
    private static void ReadPreferences(Component route, IReadOnlyList<OpenRouterPreference> preferences, string prefix)
    {
        foreach (var preference in preferences)
        {
            switch (preference.Value)
            {
                case string or bool or string[]:
                    route.Attributes.Set(prefix + preference.Key, preference.Value, preference.At);
                    route.Evidence.Add(preference.At);
                    break;
                case IReadOnlyList<OpenRouterPreference> nested when prefix.Count(c => c == '.') < 2:
                    ReadPreferences(route, nested, $"{prefix}{preference.Key}.");
                    break;
            }
        }
    }
}
