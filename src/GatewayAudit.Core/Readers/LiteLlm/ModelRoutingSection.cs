using GatewayAudit.Core.Model;
using GatewayAudit.Core.Yaml;
using static GatewayAudit.Core.Readers.LiteLlm.LiteLlmConfigReader;

namespace GatewayAudit.Core.Readers.LiteLlm;

/// <summary>
/// model_list and routing: each deployment's provider (from its model prefix and api_base), regions, OpenRouter
/// upstreams and provider preferences, model groups, and the fallbacks between groups.
/// </summary>
internal sealed partial class ModelRoutingSection(LiteLlmRead read) : LiteLlmSection(read)
{
    public override void Read()
    {
        ReadModels();
        ReadFallbacks();
    }

    // The paths of the first deployments, made once: each config's entries made two paths each, used only in messages.
    private static readonly string[] EntryPaths = [.. Enumerable.Range(0, 64).Select(i => $"model_list[{i}]")];

    private static readonly string[] ParameterPaths = [.. EntryPaths.Select(p => $"{p}.litellm_params")];

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

        // One table per thread, emptied after each config: it was a table and a sort per config (bench/SCALE.md round 18).
        var deploymentsPerGroup = t_deploymentsPerGroup ?? new();
        t_deploymentsPerGroup = null;
        for (var i = 0; i < list.Items.Count; i++)
        {
            var path = i < EntryPaths.Length ? EntryPaths[i] : $"model_list[{i}]";
            if (list.Items[i] is not YamlMapping entry)
            {
                Values.Error("wrong-type", $"'{path}' must be a mapping with model_name and litellm_params, not {list.Items[i].KindText}", list.Items[i]);
                continue;
            }

            var group = Values.TextUnder(entry, "model_name", path, "text (the model group name)");
            var parameters = Values.MappingUnder(entry, "litellm_params", path);
            if (group is null || parameters is null)
            {
                if (!entry.ContainsKey("model_name") || !entry.ContainsKey("litellm_params"))
                {
                    Values.Error("litellm-model-entry", $"'{path}' needs both model_name and litellm_params", entry);
                }

                continue;
            }

            var componentId = ReadDeployment(parameters, i < ParameterPaths.Length ? ParameterPaths[i] : $"{path}.litellm_params", group.Value);
            if (componentId is not null)
            {
                var key = (componentId, group.Value);
                deploymentsPerGroup[key] = deploymentsPerGroup.GetValueOrDefault(key) + 1;
            }
        }

        SummariseOpenRouterZdr();

        // In any order: the largest count and a sorted list come out the same.
        foreach (var ((componentId, group), count) in deploymentsPerGroup)
        {
            var component = Model.Find(componentId)!;
            var known = component.Attributes["maxDeploymentsPerGroup"] as long? ?? 0;
            component.Attributes.Set("maxDeploymentsPerGroup", Math.Max(known, count));
            if (count > 1)
            {
                AddToList(component, "groupsWithSeveralDeployments", group);
            }
        }

        deploymentsPerGroup.Clear();
        t_deploymentsPerGroup = deploymentsPerGroup;
    }

    [ThreadStatic]
    private static Dictionary<(string Component, string Group), int>? t_deploymentsPerGroup;

    /// <summary>Reads one deployment; returns the id of the component its prompts go to first.</summary>
    private string? ReadDeployment(YamlMapping parameters, string path, string group)
    {
        if (parameters.ContainsKey("mock_response") && parameters["mock_response"] is not YamlScalar { IsNull: true })
        {
            // LiteLLM answers a mock_response itself "without calling the LLM APIs"
            // (https://docs.litellm.ai/docs/completion/mock_requests, read 2026-12-01): the model names no party, and its
            // api_key is sent nowhere.
            Values.Warning("litellm-mock-model", $"'{path}' answers with mock_response: LiteLLM calls no provider for model group '{group}', so none is listed for it", parameters);
            return null;
        }

        Values.CheckSecretKeys(parameters, path);
        var modelNode = Values.TextUnder(parameters, "model", path, "text (provider/model, or os.environ/NAME)");
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

        var slash = modelText.IndexOf('/', StringComparison.Ordinal);
        // The prefix and the model after it recur config after config (openai, gpt-4o): one string per text.
        var prefix = slash > 0 ? RepeatedText.Of(modelText.AsSpan(0, slash)) : LiteLlmProviders.PrefixForBareModel(modelText);
        var endpoint = ResolveEndpoint(new Deployment(prefix, modelText, slash > 0 ? RepeatedText.Of(modelText.AsSpan(slash + 1)) : modelText, slash <= 0, group, at),
            Values.TextUnder(parameters, "api_base", path, "text (a URL, or os.environ/NAME)"));
        if (endpoint is null)
        {
            return null;
        }

        var component = endpoint.Component;
        component.Evidence.Add(at);
        AddToList(component, "models", modelText);
        AddToList(component, "modelGroups", group);
        ReadRegions(component, parameters, path, endpoint.Prefix == "bedrock" ? BedrockProfiles.Of(endpoint.Model) : null, modelText, at);

        Groups.TryAdd(group, (component.Id, component.Vendor));
        var flow = Model.Connect(GatewayId, component.Id, [DataCategory.Prompt, DataCategory.Completion, DataCategory.Metadata, DataCategory.Credentials], at);
        flow.Attributes.Set("kind", "inference");
        if (component.Vendor == "openrouter")
        {
            ReadOpenRouterRoute(component, endpoint.Model, parameters, group, at);
        }

        return component.Id;
    }

    /// <summary>
    /// The region keys of a deployment, and the geography of a Bedrock cross-Region inference profile: with a profile,
    /// aws_region_name is only the source Region the request is sent to, and the profile's geography is where it may be
    /// processed.
    /// </summary>
    private static readonly string[] RegionKeys = ["aws_region_name", "vertex_location", "vertex_ai_location", "region_name"];

    private void ReadRegions(Component component, YamlMapping parameters, string path, (string Region, string Scope)? profile, string modelText, SourceLocation at)
    {
        // A region the api_base host names (*.openai.azure.com resources, regional endpoints) is added by the host
        // classifier on another branch: HostClassifier region-from-host belongs here, next to the configured keys.
        List<string>? sourceRegions = null; // only with a profile
        foreach (var regionKey in RegionKeys)
        {
            if (Values.TextUnder(parameters, regionKey, path, "text (a region name, or os.environ/NAME)") is not { } regionNode || Values.Resolve(regionNode).Value is not { } region)
            {
                continue;
            }

            if (profile is not null)
            {
                (sourceRegions ??= []).Add(region);
                AddToList(component, "sourceRegions", region);
                component.Evidence.Add(Values.At(regionNode));
                continue;
            }

            SetRegion(component, region, Values.At(regionNode));
        }

        if (profile is { } geography)
        {
            SetRegion(component, geography.Region, at);
            var source = sourceRegions is { Count: > 0 } ? $" (source Region {string.Join(", ", sourceRegions)})" : "";
            component.Notes.Add($"{modelText} is a cross-Region inference profile: Bedrock may process the request in {geography.Scope}{source}. Source: {BedrockProfiles.Source}");
            component.Attributes.Set("regionNote", $"cross-Region inference profile: {geography.Scope}", at);
        }
    }

    private void SetRegion(Component component, string region, SourceLocation at)
    {
        AddToList(component, "regions", region);
        component.Region = ListOf(component, "regions").Count == 1 ? new Sourced<string>(region, at) : null;
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

    private static readonly string[] FallbackKeys = ["fallbacks", "context_window_fallbacks", "content_policy_fallbacks"];

    private void ReadFallbacks()
    {
        // Made at the first fallback: most configs have none, and each made two sets, its tables and six paths.
        SortedSet<string>? crossProvider = null, all = null;
        SourceLocation? firstFallback = null, firstCrossProvider = null;
        // A span of the two sections: on the stack, not an array per config.
        foreach (var (section, sectionPath) in (ReadOnlySpan<(YamlMapping, string)>)[(LiteLlm, "litellm_settings"), (Router, "router_settings")])
        {
            foreach (var key in FallbackKeys)
            {
                if (Values.SequenceUnder(section, key, sectionPath) is not { } list)
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
                            (all ??= new(StringComparer.Ordinal)).Add($"{from.Value} -> {to.Value}");
                            Gateway.Evidence.Add(Values.At(from));
                            firstFallback ??= Values.At(from);
                            if (Groups.TryGetValue(from.Value, out var a) && Groups.TryGetValue(to.Value, out var b) && a.ComponentId != b.ComponentId)
                            {
                                firstCrossProvider ??= Values.At(from);
                                (crossProvider ??= new(StringComparer.Ordinal)).Add($"{from.Value} ({Model.Find(a.ComponentId)!.Name}) -> {to.Value} ({Model.Find(b.ComponentId)!.Name})");
                            }
                        }
                    }
                }
            }
        }

        if (all is { Count: > 0 })
        {
            Gateway.Attributes.Set("fallbacks", all, firstFallback!);
        }

        if (crossProvider is { Count: > 0 })
        {
            Gateway.Attributes.Set("crossProviderFallbacks", crossProvider, firstCrossProvider!);
        }
    }
}
