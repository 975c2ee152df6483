using GatewayAudit.Core.Model;
using GatewayAudit.Core.Yaml;
using static GatewayAudit.Core.Readers.LiteLlm.LiteLlmConfigReader;

namespace GatewayAudit.Core.Readers.LiteLlm;

/// <summary>
/// model_list and routing: each deployment's provider (from its model prefix and api_base), regions, OpenRouter
/// upstreams and provider preferences, model groups, and the fallbacks between groups.
/// </summary>
internal sealed class ModelRoutingSection(LiteLlmRead read) : LiteLlmSection(read)
{
    private int _openRouterDeployments;
    private int _openRouterZdrDeployments;
    private SourceLocation? _firstZdr;

    public override void Read()
    {
        ReadModels();
        ReadFallbacks();
    }

    private void ReadModels()
    {
        var list = Values.Sequence(Root, "model_list", "model_list");
        if (list is null)
        {
            if (!Root.ContainsKey("model_list"))
            {
                Model.OpenQuestions.Add(new OpenQuestion("Model providers",
                    "The config has no model_list; models may be added through the admin UI and stored in Postgres (store_model_in_db), which this scan cannot see.", Values.At(Root)));
            }

            return;
        }

        var deploymentsPerGroup = new Dictionary<(string Component, string Group), int>();
        for (var i = 0; i < list.Items.Count; i++)
        {
            var path = $"model_list[{i}]";
            if (list.Items[i] is not YamlMapping entry)
            {
                Values.Error("wrong-type", $"'{path}' must be a mapping with model_name and litellm_params, not {list.Items[i].KindText}", list.Items[i]);
                continue;
            }

            var group = Values.Text(entry, "model_name", $"{path}.model_name", "text (the model group name)");
            var parameters = Values.Mapping(entry, "litellm_params", $"{path}.litellm_params");
            if (group is null || parameters is null)
            {
                if (!entry.ContainsKey("model_name") || !entry.ContainsKey("litellm_params"))
                {
                    Values.Error("litellm-model-entry", $"'{path}' needs both model_name and litellm_params", entry);
                }

                continue;
            }

            var componentId = ReadDeployment(parameters, $"{path}.litellm_params", group.Value);
            if (componentId is not null)
            {
                var key = (componentId, group.Value);
                deploymentsPerGroup[key] = deploymentsPerGroup.GetValueOrDefault(key) + 1;
            }
        }

        if (_openRouterZdrDeployments > 0 && Model.Find("provider:openrouter") is { } openRouter)
        {
            // provider.zdr is per request: ZDR holds only if every OpenRouter deployment sets it.
            var all = _openRouterZdrDeployments == _openRouterDeployments;
            openRouter.Zdr = new Sourced<ZdrStatus>(all ? ZdrStatus.Yes : ZdrStatus.Partial, _firstZdr!);
            if (!all)
            {
                openRouter.Notes.Add($"provider.zdr is set on {_openRouterZdrDeployments} of {_openRouterDeployments} OpenRouter deployments; the others may be routed to endpoints that retain prompts.");
            }
        }

        foreach (var ((componentId, group), count) in deploymentsPerGroup.OrderBy(p => p.Key.Group, StringComparer.Ordinal))
        {
            var component = Model.Find(componentId)!;
            var known = component.Attributes["maxDeploymentsPerGroup"] as long? ?? 0;
            component.Attributes.Set("maxDeploymentsPerGroup", Math.Max(known, count));
            if (count > 1)
            {
                AddToList(component, "groupsWithSeveralDeployments", group);
            }
        }
    }

    /// <summary>Reads one deployment; returns the id of the component its prompts go to first.</summary>
    private string? ReadDeployment(YamlMapping parameters, string path, string group)
    {
        Values.CheckSecretKeys(parameters, path);
        var modelNode = Values.Text(parameters, "model", $"{path}.model", "text (provider/model, or os.environ/NAME)");
        if (modelNode is null)
        {
            if (parameters.ContainsKey("model") && parameters["model"] is not YamlScalar { IsNull: true })
            {
                return null; // a wrong type, already reported
            }

            Values.Error("litellm-model-entry", $"'{path}' needs a 'model' (provider/model)", parameters);
            return null;
        }

        var at = Values.At(modelNode);
        var (modelText, reference, _) = Values.Resolve(modelNode);
        if (modelText is null)
        {
            return AddUnresolvedProvider(group, reference!, at);
        }

        var apiBase = Values.Text(parameters, "api_base", $"{path}.api_base", "text (a URL, or os.environ/NAME)");
        var apiBaseText = apiBase is null ? null : Values.Resolve(apiBase).Value;
        var slash = modelText.IndexOf('/', StringComparison.Ordinal);
        var prefix = slash > 0 ? modelText[..slash] : LiteLlmProviders.PrefixForBareModel(modelText);
        var inferred = slash <= 0;
        var component = AddProvider(prefix, modelText, apiBase, apiBaseText, group, at, inferred);
        if (component is null)
        {
            return null;
        }

        component.Evidence.Add(at);
        AddToList(component, "models", modelText);
        AddToList(component, "modelGroups", group);
        foreach (var regionKey in new[] { "aws_region_name", "vertex_location", "vertex_ai_location", "region_name" })
        {
            if (Values.Text(parameters, regionKey, $"{path}.{regionKey}", "text (a region name, or os.environ/NAME)") is { } regionNode && Values.Resolve(regionNode).Value is { } region)
            {
                AddToList(component, "regions", region);
                component.Region = ListOf(component, "regions").Count == 1 ? new Sourced<string>(region, Values.At(regionNode)) : null;
            }
        }

        Groups.TryAdd(group, (component.Id, component.Vendor));
        var flow = Model.Connect(GatewayId, component.Id, [DataCategory.Prompt, DataCategory.Completion, DataCategory.Metadata, DataCategory.Credentials], at);
        flow.Attributes.Set("kind", "inference");
        if (prefix == "openrouter")
        {
            ReadOpenRouterUpstream(modelText[(slash + 1)..], parameters, path, at);
        }

        return component.Id;
    }

    private Component? AddProvider(string? prefix, string modelText, YamlScalar? apiBase, string? apiBaseText, string group, SourceLocation at, bool inferred)
    {
        var host = HostClassifier.HostOf(apiBaseText);
        LiteLlmProviders.ProviderInfo? info = null;
        if (prefix is not null && !LiteLlmProviders.ByPrefix.TryGetValue(prefix, out info))
        {
            info = null;
        }

        var selfHosted = info?.Role == ComponentRole.SelfHostedInference || (host is not null && HostClassifier.IsOperatorNetwork(host));
        if (selfHosted)
        {
            var name = host is null ? $"Self-hosted inference ({prefix})" : $"Self-hosted inference at {host}";
            var component = Model.Add(new Component
            {
                Id = $"inference:{host ?? prefix}",
                Name = name,
                Role = ComponentRole.SelfHostedInference,
                Hosting = host is null || HostClassifier.IsOperatorNetwork(host) ? Hosting.OperatorHosted : Hosting.Unknown,
                Notes = { "Inference on the operator's own servers: not a third party, but it holds prompts in memory and in its own logs." },
            });
            if (host is not null)
            {
                component.Attributes.Set("host", host);
            }

            return component;
        }

        // An OpenAI-compatible prefix pointed at another public host is whoever runs that host.
        var hostDecides = host is not null && prefix is "openai" or "text-completion-openai" or "litellm_proxy" or null
            && !(host?.EndsWith("openai.com", StringComparison.Ordinal) ?? false);
        if (hostDecides)
        {
            var component = Model.Add(new Component
            {
                Id = $"provider:host:{host}",
                Name = $"OpenAI-compatible endpoint at {host}",
                Role = prefix == "litellm_proxy" ? ComponentRole.Gateway : ComponentRole.ModelProvider,
                Hosting = Hosting.Unknown,
            });
            component.Attributes.Set("host", host!);
            component.Evidence.Add(Values.At(apiBase!));
            return component;
        }

        if (info is null)
        {
            var label = prefix ?? modelText;
            Values.Warning("litellm-unknown-provider", prefix is null
                ? $"model '{modelText}' has no provider prefix gateway-audit can map; the provider is listed as unknown"
                : $"provider prefix '{prefix}' is not in gateway-audit's table; the provider is listed as unknown", at);
            Model.OpenQuestions.Add(new OpenQuestion($"Model group {group}", $"Which company serves '{modelText}', and under what retention terms?", at));
            return Model.Add(new Component
            {
                Id = $"provider:unmapped:{label}",
                Name = prefix is null ? $"Provider of {modelText}" : $"Provider '{prefix}'",
                Role = ComponentRole.ModelProvider,
                Hosting = Hosting.Unknown,
                Evidence = { at },
            });
        }

        var provider = Model.Add(new Component
        {
            Id = $"provider:{info.Vendor ?? prefix}",
            Name = info.Name,
            Role = info.Role,
            Vendor = info.Vendor,
            Hosting = info.Hosting,
        });
        if (host is not null)
        {
            AddToList(provider, "apiHosts", host);
            provider.Evidence.Add(Values.At(apiBase!));
        }

        if (inferred)
        {
            provider.Notes.Add($"Provider inferred from the bare model name '{modelText}' (LiteLLM's default routing).");
        }

        return provider;
    }

    private string AddUnresolvedProvider(string group, string reference, SourceLocation at)
    {
        var component = Model.Add(new Component
        {
            Id = $"provider:unresolved:{group}",
            Name = $"Provider of model group '{group}' (set by ${reference})",
            Role = ComponentRole.ModelProvider,
            Hosting = Hosting.Unknown,
            Evidence = { at },
        });
        Model.Connect(GatewayId, component.Id, [DataCategory.Prompt, DataCategory.Completion, DataCategory.Metadata, DataCategory.Credentials], at);
        Model.OpenQuestions.Add(new OpenQuestion($"Model group {group}",
            $"The model is read from the environment variable {reference}, which the config does not define: which provider does it name?", at));
        return component.Id;
    }

    private void ReadOpenRouterUpstream(string slug, YamlMapping parameters, string path, SourceLocation at)
    {
        var author = slug.Split('/')[0];
        var openRouter = Model.Find("provider:openrouter")!;
        _openRouterDeployments++;
        openRouter.Notes.Add("OpenRouter receives the prompt and passes it on to the provider that serves the model.");
        Model.OpenQuestions.Add(new OpenQuestion("OpenRouter",
            "Is zero data retention enforced on the OpenRouter account (an account-wide setting the config cannot show), and is prompt logging off there?", at));

        Component upstream;
        if (author is "auto" or "openrouter")
        {
            // openrouter/auto (and openrouter/openrouter/*): OpenRouter picks the model, so any provider it lists.
            upstream = Model.Add(new Component
            {
                Id = "provider:openrouter-upstream:auto-router",
                Name = "Any provider OpenRouter's router picks",
                Role = ComponentRole.ModelProvider,
                Hosting = Hosting.ThirdParty,
            });
            Model.OpenQuestions.Add(new OpenQuestion("OpenRouter auto router",
                "The auto router may send a prompt to any model and provider OpenRouter offers: is that acceptable, or should the model list be pinned (models, provider.only) with ZDR enforced?", at));
        }
        else if (LiteLlmProviders.OpenRouterAuthors.TryGetValue(author, out var known))
        {
            upstream = Model.Add(new Component
            {
                Id = $"provider:{known.Vendor}",
                Name = known.Name,
                Role = ComponentRole.ModelProvider,
                Vendor = known.Vendor,
                Hosting = Hosting.ThirdParty,
            });
            upstream.Notes.Add("Reached through OpenRouter; OpenRouter may also route this author's models to other hosting providers unless provider routing pins it.");
        }
        else
        {
            upstream = Model.Add(new Component
            {
                Id = $"provider:openrouter-upstream:{author}",
                Name = $"Host(s) OpenRouter picks for {author}/* models",
                Role = ComponentRole.ModelProvider,
                Hosting = Hosting.ThirdParty,
            });
            Model.OpenQuestions.Add(new OpenQuestion($"OpenRouter upstream for {author}/*",
                $"Which providers may OpenRouter route {author}/* requests to, and do they retain prompts? Pin them with provider.only or provider.order and allow_fallbacks: false.", at));
        }

        upstream.Evidence.Add(at);
        AddToList(upstream, "models", slug);
        var flow = Model.Connect("provider:openrouter", upstream.Id, [DataCategory.Prompt, DataCategory.Completion, DataCategory.Metadata], at);
        flow.Attributes.Set("kind", "inference");

        // OpenRouter provider preferences passed through LiteLLM (extra_body.provider or provider).
        var preferences = parameters["provider"] as YamlMapping ?? (parameters["extra_body"] as YamlMapping)?["provider"] as YamlMapping;
        if (preferences is null)
        {
            return;
        }

        foreach (var (key, value) in preferences.Entries)
        {
            if (value is YamlScalar scalar)
            {
                var text = Values.Resolve(scalar).Value;
                if (text is not null)
                {
                    object typed = scalar.AsBool() is { } b ? b : text;
                    openRouter.Attributes.Set("provider." + key.Value, typed, Values.At(scalar));
                    openRouter.Evidence.Add(Values.At(scalar));
                }
            }
            else if (value is YamlSequence seq)
            {
                openRouter.Attributes.Set("provider." + key.Value, seq.Items.OfType<YamlScalar>().Select(s => s.Value), Values.At(seq));
            }
        }

        if (preferences["zdr"] is YamlScalar zdr && zdr.AsBool() == true)
        {
            _openRouterZdrDeployments++;
            _firstZdr ??= Values.At(zdr);
            flow.Attributes.Set("zdrRouting", true);
        }

        _ = path;
    }

    private void ReadFallbacks()
    {
        var crossProvider = new SortedSet<string>(StringComparer.Ordinal);
        var all = new SortedSet<string>(StringComparer.Ordinal);
        SourceLocation? firstFallback = null, firstCrossProvider = null;
        foreach (var (section, sectionPath) in new[] { (LiteLlm, "litellm_settings"), (Router, "router_settings") })
        {
            foreach (var key in new[] { "fallbacks", "context_window_fallbacks", "content_policy_fallbacks" })
            {
                if (Values.Sequence(section, key, $"{sectionPath}.{key}") is not { } list)
                {
                    continue;
                }

                foreach (var item in list.Items)
                {
                    if (item is not YamlMapping map)
                    {
                        Values.Error("wrong-type", $"'{sectionPath}.{key}' items must map a model group to its fallbacks, e.g. - gpt-4o: [claude-sonnet]", item);
                        continue;
                    }

                    foreach (var (from, targets) in map.Entries)
                    {
                        foreach (var to in targets is YamlSequence seq ? seq.Items.OfType<YamlScalar>() : targets is YamlScalar one ? [one] : [])
                        {
                            all.Add($"{from.Value} -> {to.Value}");
                            Gateway.Evidence.Add(Values.At(from));
                            firstFallback ??= Values.At(from);
                            if (Groups.TryGetValue(from.Value, out var a) && Groups.TryGetValue(to.Value, out var b) && a.ComponentId != b.ComponentId)
                            {
                                firstCrossProvider ??= Values.At(from);
                                crossProvider.Add($"{from.Value} ({Model.Find(a.ComponentId)!.Name}) -> {to.Value} ({Model.Find(b.ComponentId)!.Name})");
                            }
                        }
                    }
                }
            }
        }

        if (all.Count > 0)
        {
            Gateway.Attributes.Set("fallbacks", all, firstFallback!);
        }

        if (crossProvider.Count > 0)
        {
            Gateway.Attributes.Set("crossProviderFallbacks", crossProvider, firstCrossProvider!);
        }
    }
}
