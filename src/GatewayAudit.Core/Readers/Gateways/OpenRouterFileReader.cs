using GatewayAudit.Core.Model;
using GatewayAudit.Core.Yaml;
using GatewayAudit.Vocabulary;

namespace GatewayAudit.Core.Readers.Gateways;

/// <summary>
/// OpenRouter request bodies and provider-preference files (JSON or YAML). A mapping is OpenRouter's when it holds a
/// model slug (author/model) or a models fallback list together with a field only OpenRouter takes (provider
/// preferences, models, transforms, route, plugins), or an OpenRouter host, or the openrouter/ auto router; or when it
/// is a provider object of OpenRouter's own preference keys (https://openrouter.ai/docs/features/provider-routing).
/// A plain OpenAI body (model + messages) is not. Each use yields OpenRouter (provider:openrouter) and its possible
/// upstreams under it, modelled exactly as for a LiteLLM openrouter/ deployment (<see cref="OpenRouterRoutes"/>), so
/// the openrouter-* rules judge each request file on its own preferences.
/// </summary>
internal sealed class OpenRouterFileReader : GatewayFileReader
{
    // Preference keys no other API's provider object is known to use (the shared table the analyzer's GW004 reads too);
    // order/only/ignore/sort are common words and count only beside a model slug.
    private static IReadOnlyList<string> DistinctPreferences => GatewayTerms.DistinctivePreferenceFields;

    // What a chat or completion request body sends (https://openrouter.ai/docs/api-reference/overview: messages or prompt).
    private static readonly string[] RequestInputs = ["messages", "prompt", "input"];

    private static readonly string[] UrlKeys = ["base_url", "api_base", "url", "endpoint", "host", "base_path", "openai_api_base"];

    public override string Name => "openrouter-request";

    protected override IReadOnlyList<string> Markers { get; } =
        ["openrouter", "provider", "allow_fallbacks", "data_collection", "transforms", "models", "plugins", "route"];

    protected override string BrokenFileMarker => "openrouter";

    protected override string Kind => "an OpenRouter request";

    protected override bool IsUse(YamlMapping mapping, YamlMapping root)
    {
        var slug = Slug(GatewayKeys.Value(mapping, "model"));
        var models = GatewayKeys.Value(mapping, "models") is YamlSequence list && list.Items.Any(i => Slug(i) is not null);
        var preferences = GatewayKeys.Value(mapping, "provider") as YamlMapping;
        if (slug is not null || models)
        {
            // A models list is a request's fallback list at the top of a request file or beside the request's input; an
            // app's own setting that merely lists slugs (Spring's openrouter.models) is not a request body.
            var request = ReferenceEquals(mapping, root) || RequestInputs.Any(f => GatewayKeys.Has(mapping, f));
            return (models && request) || slug?.StartsWith("openrouter/", StringComparison.Ordinal) == true || (preferences is not null && IsPreferences(preferences, withModel: true))
                || new[] { "transforms", "route", "plugins" }.Any(f => GatewayKeys.Has(mapping, f))
                || OpenRouterHost(mapping, root) is not null;
        }

        // A provider-preference file: {"provider": {...}} or, at the top, the preference object itself.
        return (preferences is not null && IsPreferences(preferences, withModel: false))
            || (ReferenceEquals(mapping, root) && DistinctPreferences.Count(k => GatewayKeys.Has(mapping, k)) >= 2);
    }

    protected override void ReadDocument(GatewayRead read, IReadOnlyList<YamlMapping> uses)
    {
        var root = read.Values.Document.Root as YamlMapping;
        var routes = new OpenRouterRoutes(read.Values, read.Model, GatewayRead.AddToList, (c, key) => c.Attributes[key] as string[] ?? [], "request");
        foreach (var use in uses)
        {
            var at = read.At(use);
            var openRouter = read.Model.Add(new Component
            {
                Id = OpenRouterRoutes.Id,
                Name = "OpenRouter",
                Role = ComponentRole.Gateway,
                Vendor = GatewayTerms.OpenRouter,
                Hosting = Hosting.ThirdParty,
                Evidence = { at },
            });
            var flow = read.Model.Connect(AppId, openRouter.Id, [DataCategory.Prompt, DataCategory.Completion, DataCategory.Metadata, DataCategory.Credentials], at);
            flow.Attributes.Set("kind", "inference");
            ReadRegion(read, openRouter, use, root);

            var preferences = GatewayKeys.Value(use, "provider") as YamlMapping
                ?? (GatewayKeys.Value(use, "model") is null && GatewayKeys.Value(use, "models") is null ? use : null);
            // Requests of one file routed on the same terms share one row, as a LiteLLM config's deployments do. The
            // preferences are read once for every slug, unless reading them reported a problem, which each slug's
            // reading reports again (as it always has).
            var slugs = Slugs(use);
            var where = $"requests in {at.File}";
            var problems = read.Values.ProblemCount;
            var terms = preferences is null ? null : OpenRouterPreferences.FromYaml(read.Values, preferences);
            var again = read.Values.ProblemCount != problems;
            var first = true;
            foreach (var slug in slugs.Count > 0 ? slugs : [""])
            {
                terms = again && !first ? OpenRouterPreferences.FromYaml(read.Values, preferences!) : terms;
                first = false;
                var route = routes.Add(openRouter, slug, terms, at, scope: at.File, where: where);
                ReadRequestFields(read, route, use);
            }
        }

        // provider.zdr is per request and other files or code may call OpenRouter without it, so OpenRouter's own ZDR
        // is not summarised from one file (each route carries its own); see OpenRouterRoutes.SummariseZdr.
    }

    /// <summary>The model, then the models fallback list: OpenRouter may serve the request with any of them.</summary>
    private static List<string> Slugs(YamlMapping use)
    {
        var slugs = new List<string>();
        if (Slug(GatewayKeys.Value(use, "model")) is { } model)
        {
            slugs.Add(model);
        }

        if (GatewayKeys.Value(use, "models") is YamlSequence list)
        {
            slugs.AddRange(list.Items.Select(Slug).OfType<string>().Where(s => !slugs.Contains(s, StringComparer.Ordinal)));
        }

        return slugs;
    }

    private static void ReadRequestFields(GatewayRead read, Component route, YamlMapping use)
    {
        foreach (var field in new[] { "transforms", "route" })
        {
            if (GatewayKeys.Get(use, field) is ({ } node, { } key))
            {
                route.Attributes.Set(field, node is YamlSequence seq ? seq.Items.OfType<YamlScalar>().Select(s => s.Value) : read.Text(node) ?? "", read.At(key));
                route.Evidence.Add(read.At(key));
            }
        }

        if (GatewayKeys.Get(use, "plugins") is (YamlSequence plugins, { } pluginsKey))
        {
            var ids = plugins.Items.Select(p => p is YamlMapping m ? read.Text(m["id"]) : read.Text(p)).OfType<string>().ToList();
            route.Attributes.Set("plugins", ids, read.At(pluginsKey));
            route.Evidence.Add(read.At(pluginsKey));
            if (ids.Any(id => id.Contains("web", StringComparison.OrdinalIgnoreCase)))
            {
                route.Notes.Add("The web plugin sends the query to a search provider too; OpenRouter's ZDR enforcement does not cover plugins and tools such as web search (https://openrouter.ai/docs/guides/privacy/zdr).");
            }
        }
    }

    /// <summary>eu.openrouter.ai / us.openrouter.ai in the request's own base URL, else at the file's top: region evidence.</summary>
    private static void ReadRegion(GatewayRead read, Component openRouter, YamlMapping use, YamlMapping? root)
    {
        if (OpenRouterHost(use, root) is not var (node, host) || GatewayTerms.FindHost(host)?.Region is not { } region)
        {
            return;
        }

        var at = read.At(node);
        openRouter.Evidence.Add(at);
        GatewayRead.AddToList(openRouter, "regions", region);
        openRouter.Region = (openRouter.Attributes["regions"] as string[])!.Length == 1 ? new Sourced<string>(region, at) : null;
        openRouter.Notes.Add($"The base URL {host} is OpenRouter's {region} in-region routing: requests with no endpoint in the region fail rather than leave it (https://openrouter.ai/docs/guides/privacy/logging).");
    }

    private static (YamlScalar Node, string Host)? OpenRouterHost(YamlMapping use, YamlMapping? root)
    {
        foreach (var mapping in root is null || ReferenceEquals(root, use) ? [use] : new[] { use, root })
        {
            foreach (var key in UrlKeys)
            {
                if (GatewayKeys.Value(mapping, key) is YamlScalar scalar && HostClassifier.HostOf(scalar.Value) is { } host
                    && GatewayTerms.FindHost(host)?.Vendor == GatewayTerms.OpenRouter)
                {
                    return (scalar, host);
                }
            }
        }

        return null;
    }

    internal static bool IsPreferences(YamlMapping preferences, bool withModel) =>
        DistinctPreferences.Any(k => GatewayKeys.Has(preferences, k))
        || (withModel && new[] { "order", "only", "ignore" }.Any(k => GatewayKeys.Value(preferences, k) is YamlSequence));

    /// <summary>author/model (with a variant such as :free), or openrouter/auto; not a URL or a file path.</summary>
    private static string? Slug(YamlNode? node)
    {
        if (node is not YamlScalar { IsNull: false } scalar)
        {
            return null;
        }

        var text = scalar.Value.Trim();
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && slash < text.Length - 1 && !text.Contains("://", StringComparison.Ordinal) && !text.Contains(' ', StringComparison.Ordinal)
            && text.Count(c => c == '/') == 1 && !text.StartsWith('.') && !text.StartsWith('@') ? text : null;
    }
}
