using GatewayAudit.Core.Model;

namespace GatewayAudit.Core.Readers.Code;

/// <summary>
/// The providers OpenRouter may route one file's calls to, as OpenRouter's sub-processors (the same model as a LiteLLM
/// config's OpenRouter deployment: https://openrouter.ai/docs/features/provider-routing). One component per file,
/// <c>provider:openrouter-upstream:code:FILE</c>, with the slugs the file names and the provider preferences it writes
/// (<c>attributes.provider.*</c>, which the openrouter-* rules judge). The slug's author is never presumed to be the host.
/// </summary>
internal sealed class CSharpOpenRouterRoute(InputFile file, StackModel model, CSharpSites sites)
{
    public void Add(Component openRouter)
    {
        var at = sites.Slugs.FirstOrDefault()?.At ?? sites.Preferences.FirstOrDefault()?.At ?? openRouter.Evidence.First(e => e.File == file.DisplayPath);
        var preferences = new SortedDictionary<string, (object Value, SourceLocation At)>(StringComparer.Ordinal);
        foreach (var site in sites.Preferences)
        {
            foreach (var (key, value) in site.Values)
            {
                preferences.TryAdd(key, value);
            }
        }

        var only = Names(preferences, "only");
        var order = Names(preferences, "order");
        var fallbacks = preferences.TryGetValue("allow_fallbacks", out var allow) ? allow.Value as bool? : null;
        var pinned = only.Length > 0 ? only : order.Length > 0 && fallbacks == false ? order : [];
        var slugs = sites.Slugs.Select(s => s.Slug).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var auto = slugs.Any(s => s.StartsWith("openrouter/auto", StringComparison.Ordinal));
        var where = $"calls in {file.DisplayPath}";
        var route = model.Add(new Component
        {
            Id = $"provider:openrouter-upstream:code:{file.DisplayPath}",
            Name = auto ? $"Any model and provider OpenRouter's auto router picks ({where})"
                : pinned.Length > 0 ? $"OpenRouter provider{(pinned.Length > 1 ? "s" : "")} {string.Join(", ", pinned)} serving the {where}"
                : $"Any provider OpenRouter routes the {where} to",
            Role = ComponentRole.ModelProvider,
            Hosting = Hosting.ThirdParty,
            SubProcessorOf = openRouter.Id,
            Evidence = { at },
        });
        route.Attributes.Set("routing", auto ? "auto-router" : pinned.Length > 0 ? "pinned" : "any-provider");
        route.Attributes.Set("confidence", "shown");
        if (slugs.Length > 0)
        {
            route.Attributes.Set("models", slugs);
        }

        if (pinned.Length > 0)
        {
            route.Attributes.Set("pinnedProviders", pinned);
        }

        foreach (var (key, (value, origin)) in preferences)
        {
            route.Attributes.Set("provider." + key, value, origin);
            route.Evidence.Add(origin);
        }

        if (preferences.TryGetValue("zdr", out var zdr) && zdr.Value is true)
        {
            route.Zdr = new Sourced<ZdrStatus>(ZdrStatus.Yes, zdr.At);
        }

        route.Notes.Add(pinned.Length > 0
            ? "OpenRouter's sub-processor: the code pins which OpenRouter providers may serve these calls; the contract for them is OpenRouter's."
            : "OpenRouter's sub-processor: OpenRouter picks, per request, any provider that serves the model; the slug's author is not presumed to be the host.");
        model.Connect(openRouter.Id, route.Id, [DataCategory.Prompt, DataCategory.Completion, DataCategory.Metadata], at).Attributes.Set("kind", "inference");
        model.OpenQuestions.Add(new OpenQuestion("OpenRouter",
            "Is zero data retention enforced on the OpenRouter account (an account-wide setting the config cannot show), and is prompt logging off there?", at));
        if (pinned.Length == 0 && !auto)
        {
            model.OpenQuestions.Add(new OpenQuestion($"OpenRouter upstream for {where}",
                "Which providers may OpenRouter route these calls to, and do they retain prompts? OpenRouter picks among every provider serving the model, not necessarily its author; pin them with provider.only, or provider.order and allow_fallbacks: false.", at));
        }
    }

    private static string[] Names(SortedDictionary<string, (object Value, SourceLocation At)> preferences, string key) =>
        preferences.TryGetValue(key, out var value) ? value.Value as string[] ?? (value.Value is string one ? [one] : []) : [];
}
