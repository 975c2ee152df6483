using GatewayAudit.Core.Model;
using GatewayAudit.Core.Yaml;

namespace GatewayAudit.Core.Readers.LiteLlm;

/// <summary>
/// OpenRouter deployments. The customer contracts with OpenRouter; OpenRouter passes each request on to a provider of
/// its choosing, which is OpenRouter's sub-processor. The provider that serves a request is not the slug's author
/// (open-weight models have many hosts, and even anthropic/ models are served by Anthropic, Bedrock or Vertex per
/// OpenRouter's routing) unless the deployment pins it: provider.only, or provider.order with allow_fallbacks: false
/// (https://openrouter.ai/docs/features/provider-routing). Each deployment's routing is one component under
/// OpenRouter, with that deployment's own provider preferences, so one deployment's data_collection: deny does not
/// hide another's default allow.
/// </summary>
internal sealed partial class ModelRoutingSection
{
    private readonly HashSet<string> _askedRoutes = new(StringComparer.Ordinal);

    /// <summary>The provider preferences as one stable text ("data_collection=deny, zdr=true"); empty when none.</summary>
    private static string Signature(YamlMapping? preferences)
    {
        if (preferences is null)
        {
            return "";
        }

        var parts = new List<string>();
        foreach (var (key, value) in preferences.Entries)
        {
            parts.Add(value switch
            {
                YamlScalar s => $"{key.Value}={s.Value.Trim()}",
                YamlSequence list => $"{key.Value}=[{string.Join(",", list.Items.OfType<YamlScalar>().Select(i => i.Value.Trim()))}]",
                YamlMapping map => $"{key.Value}={{{Signature(map)}}}",
                _ => key.Value,
            });
        }

        return string.Join(", ", parts.Order(StringComparer.Ordinal));
    }
    private int _openRouterDeployments;
    private int _openRouterZdrDeployments;
    private SourceLocation? _firstZdr;

    private void ReadOpenRouterRoute(Component openRouter, string slug, YamlMapping parameters, string group, SourceLocation at)
    {
        _openRouterDeployments++;
        openRouter.Notes.Add("OpenRouter receives the prompt and passes it on to a provider it picks per request; those providers are OpenRouter's sub-processors, listed under it.");
        Model.OpenQuestions.Add(new OpenQuestion("OpenRouter",
            "Is zero data retention enforced on the OpenRouter account (an account-wide setting the config cannot show), and is prompt logging off there?", at));

        // OpenRouter provider preferences passed through LiteLLM (extra_body.provider, or provider).
        var preferences = parameters["provider"] as YamlMapping ?? (parameters["extra_body"] as YamlMapping)?["provider"] as YamlMapping;
        var only = PreferenceNames(preferences, "only");
        var order = PreferenceNames(preferences, "order");
        var fallbacks = preferences is null ? null : Values.Bool(preferences, "allow_fallbacks", "provider.allow_fallbacks");
        var pinned = only.Count > 0 ? only : order.Count > 0 && fallbacks == false ? order : [];
        var auto = slug is "auto" || slug.StartsWith("openrouter/", StringComparison.Ordinal);

        // Deployments with the same routing terms share one row: the annex lists who may receive prompts, and twenty
        // model groups routed the same way are one sub-processor arrangement, not twenty.
        var terms = Signature(preferences);
        var route = Model.Add(new Component
        {
            Id = $"provider:openrouter-upstream:{(auto ? "auto" : pinned.Count > 0 ? "pinned" : "any")}{(terms.Length > 0 ? ":" + terms : "")}",
            Name = auto ? "Any model and provider OpenRouter's auto router picks"
                : pinned.Count > 0 ? $"OpenRouter provider{(pinned.Count > 1 ? "s" : "")} {string.Join(", ", pinned)} (pinned by provider preferences)"
                : "Any provider OpenRouter routes these models to",
            Role = ComponentRole.ModelProvider,
            Hosting = Hosting.ThirdParty,
            SubProcessorOf = openRouter.Id,
            Evidence = { at },
        });
        route.Attributes.Set("routing", auto ? "auto-router" : pinned.Count > 0 ? "pinned" : "any-provider");
        AddToList(route, "models", slug);
        if (!auto && pinned.Count == 0)
        {
            // The row names the models it covers, so counsel reads what is routed, not an id.
            var models = ListOf(route, "models");
            var shown = string.Join(", ", models.Take(3)) + (models.Count > 3 ? $" and {models.Count - 3} more" : "");
            route.Name = terms.Length > 0 ? $"Any provider OpenRouter routes {shown} to, under these preferences: {terms}" : $"Any provider OpenRouter routes {shown} to";
        }

        AddToList(route, "modelGroups", group);
        foreach (var provider in pinned)
        {
            AddToList(route, "pinnedProviders", provider);
        }

        route.Notes.Add(pinned.Count > 0
            ? "OpenRouter's sub-processor: the deployment pins which OpenRouter providers may serve it; the contract for it is OpenRouter's."
            : "OpenRouter's sub-processor: OpenRouter picks, per request, any provider that serves the model; the slug's author is not presumed to be the host.");
        var flow = Model.Connect(openRouter.Id, route.Id, [DataCategory.Prompt, DataCategory.Completion, DataCategory.Metadata], at);
        flow.Attributes.Set("kind", "inference");

        if (auto)
        {
            Model.OpenQuestions.Add(new OpenQuestion("OpenRouter auto router",
                "The auto router may send a prompt to any model and provider OpenRouter offers: is that acceptable, or should the model list be pinned (models, provider.only) with ZDR enforced?", at));
        }
        else if (pinned.Count == 0 && _askedRoutes.Add(route.Id))
        {
            Model.OpenQuestions.Add(new OpenQuestion(terms.Length > 0 ? $"OpenRouter upstream providers ({terms})" : "OpenRouter upstream providers",
                "Which providers may OpenRouter route these models to, and do they retain prompts? OpenRouter picks among every provider serving a model, not necessarily its author; pin them with provider.only, or provider.order and allow_fallbacks: false.", at));
        }

        if (preferences is not null)
        {
            ReadPreferences(route, preferences, "provider.");
            if (preferences["zdr"] is YamlScalar zdr && zdr.AsBool() == true)
            {
                _openRouterZdrDeployments++;
                _firstZdr ??= Values.At(zdr);
                route.Zdr = new Sourced<ZdrStatus>(ZdrStatus.Yes, Values.At(zdr));
                flow.Attributes.Set("zdrRouting", true);
            }
        }
    }

    /// <summary>Each preference as an attribute of this deployment's route, with the line it was read from.</summary>
    private void ReadPreferences(Component route, YamlMapping preferences, string prefix)
    {
        foreach (var (key, value) in preferences.Entries)
        {
            switch (value)
            {
                case YamlScalar scalar when Values.Resolve(scalar).Value is { } text:
                    route.Attributes.Set(prefix + key.Value, scalar.AsBool() is { } b ? b : text, Values.At(scalar));
                    route.Evidence.Add(Values.At(scalar));
                    break;
                case YamlSequence seq:
                    route.Attributes.Set(prefix + key.Value, seq.Items.OfType<YamlScalar>().Select(s => s.Value), Values.At(seq));
                    route.Evidence.Add(Values.At(seq));
                    break;
                case YamlMapping nested when prefix.Count(c => c == '.') < 2:
                    ReadPreferences(route, nested, $"{prefix}{key.Value}.");
                    break;
            }
        }
    }

    private List<string> PreferenceNames(YamlMapping? preferences, string key) =>
        preferences?[key] switch
        {
            YamlSequence seq => seq.Items.OfType<YamlScalar>().Select(s => Values.Resolve(s).Value).OfType<string>().ToList(),
            YamlScalar one when Values.Resolve(one).Value is { } text => [text],
            _ => [],
        };

    /// <summary>provider.zdr is per request: OpenRouter's own ZDR holds only if every OpenRouter deployment sets it.</summary>
    private void SummariseOpenRouterZdr()
    {
        if (_openRouterZdrDeployments == 0 || Model.Find("provider:openrouter") is not { } openRouter)
        {
            return;
        }

        var all = _openRouterZdrDeployments == _openRouterDeployments;
        openRouter.Zdr = new Sourced<ZdrStatus>(all ? ZdrStatus.Yes : ZdrStatus.Partial, _firstZdr!);
        if (!all)
        {
            openRouter.Notes.Add($"provider.zdr is set on {_openRouterZdrDeployments} of {_openRouterDeployments} OpenRouter deployments; the others may be routed to endpoints that retain prompts.");
        }
    }
}
