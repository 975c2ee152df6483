using System.Text.RegularExpressions;
using GatewayAudit.Core.Model;
using GatewayAudit.Core.Yaml;

namespace GatewayAudit.Core.Readers.LiteLlm;

/// <summary>
/// Reads a LiteLLM proxy <c>config.yaml</c> into the stack it wires: the proxy, the apps calling it, its host,
/// every model provider, logging callback, datastore, cache, alerting target and guardrail, with flows labelled by
/// what crosses them and each fact's file:line.
/// </summary>
public sealed partial class LiteLlmConfigReader : IConfigReader
{
    public const string GatewayId = "gateway:litellm-proxy";
    public const string AppId = "app:clients";
    public const string HostId = "host:litellm-proxy-host";
    public const string PostgresId = "datastore:litellm-postgres";
    public const string RouterRedisId = "datastore:router-redis";
    public const string CacheId = "cache:response-cache";

    private static readonly HashSet<string> KnownSections = new(StringComparer.Ordinal)
    {
        "model_list", "litellm_settings", "general_settings", "router_settings", "environment_variables", "callback_settings",
        "finetune_settings", "files_settings", "guardrails", "credential_list", "include", "mcp_servers", "mcp_tools",
        "vector_store_registry", "search_tools", "prompts", "assistant_settings",
    };

    // Settings this reader interprets, for typo detection (CheckNearMisses).
    private static readonly string[] LiteLlmSettingsRead =
    [
        "success_callback", "failure_callback", "callbacks", "service_callback", "service_callbacks", "turn_off_message_logging",
        "redact_user_api_key_info", "redact_messages_in_exceptions", "cache", "cache_params", "s3_callback_params", "default_team_settings",
        "fallbacks", "context_window_fallbacks", "content_policy_fallbacks", "set_verbose", "json_logs", "callback_settings",
    ];

    private static readonly string[] GeneralSettingsRead =
    [
        "master_key", "database_url", "disable_spend_logs", "store_prompts_in_spend_logs", "maximum_spend_logs_retention_period",
        "store_model_in_db", "alerting", "alert_to_webhook_url", "alert_types", "key_management_system", "pass_through_endpoints",
        "forward_client_headers_to_llm_api", "allow_requests_on_db_unavailable",
    ];

    private static readonly string[] RouterSettingsRead =
    [
        "redis_host", "redis_port", "redis_password", "redis_url", "fallbacks", "context_window_fallbacks", "content_policy_fallbacks",
        "routing_strategy",
    ];

    public string Name => "litellm-config";

    public IReadOnlyCollection<string> Extensions { get; } = [".yaml", ".yml"];

    public bool Recognizes(InputFile file) => file.LooksLikeYaml && SectionRegex().IsMatch(file.Text);

    public ReaderResult Read(InputFile file)
    {
        var (document, yamlDiagnostics) = file.Yaml;
        var diagnostics = new List<Diagnostic>(yamlDiagnostics);
        var model = new StackModel();
        var secrets = new SecretLedger();
        if (document is null)
        {
            return new ReaderResult(model, diagnostics, secrets);
        }

        if (document.Root is not YamlMapping root)
        {
            var at = document.Root is null ? new SourceLocation(file.DisplayPath, 1) : document.At(document.Root);
            diagnostics.Add(Diagnostic.Error("litellm-shape", document.Root is null
                ? "the file is empty; a LiteLLM config needs at least model_list"
                : $"a LiteLLM config must be a mapping of sections (model_list, litellm_settings, ...), not {document.Root.KindText}", at));
            return new ReaderResult(model, diagnostics, secrets);
        }

        new Session(new ConfigValues(document, model, diagnostics, secrets), model, root).Run();
        return new ReaderResult(model, diagnostics, secrets);
    }

    /// <summary>A ttl in seconds as people write it: "1 day", "90 minutes".</summary>
    internal static string FormatSeconds(double seconds) => seconds switch
    {
        >= 86_400 when seconds % 86_400 == 0 => Plural(seconds / 86_400, "day"),
        >= 3_600 when seconds % 3_600 == 0 => Plural(seconds / 3_600, "hour"),
        >= 60 when seconds % 60 == 0 => Plural(seconds / 60, "minute"),
        _ => Plural(seconds, "second"),
    };

    private static string Plural(double n, string unit) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{n:0.###} {unit}{(n == 1 ? "" : "s")}");

    [GeneratedRegex(@"^(model_list|litellm_settings|general_settings|router_settings)\s*:", RegexOptions.Multiline)]
    private static partial Regex SectionRegex();

    /// <summary>One read of one file; keeps the per-file state out of the (stateless, shared) reader.</summary>
    private sealed class Session(ConfigValues values, StackModel model, YamlMapping root)
    {
        private static readonly DataCategory[] MessagesAndMetadata = [DataCategory.Prompt, DataCategory.Completion, DataCategory.Metadata, DataCategory.Usage];
        private static readonly DataCategory[] MetadataOnly = [DataCategory.Metadata, DataCategory.Usage];

        // A failure callback is called only for failed requests: it gets the request (messages, metadata) and the
        // error, never a completion, and a failed call has no token usage (LiteLLM's StandardLoggingPayload with
        // status "failure"; the Sentry integration is documented as failure_callback for exceptions).
        private static readonly DataCategory[] FailedRequest = [DataCategory.Prompt, DataCategory.Metadata];
        private static readonly DataCategory[] FailedRequestMetadata = [DataCategory.Metadata];

        private readonly Dictionary<string, (string ComponentId, string? Vendor)> _groups = new(StringComparer.Ordinal);
        private readonly YamlMapping _litellm = values.Mapping(root, "litellm_settings", "litellm_settings") ?? Empty(root);
        private readonly YamlMapping _general = values.Mapping(root, "general_settings", "general_settings") ?? Empty(root);
        private readonly YamlMapping _router = values.Mapping(root, "router_settings", "router_settings") ?? Empty(root);
        private readonly Dictionary<(AttributeBag Bag, string Key), SortedSet<string>> _lists = [];
        private readonly HashSet<(AttributeBag Bag, string Key)> _dirty = [];
        private Component _gateway = null!;
        private int _openRouterDeployments;
        private int _openRouterZdrDeployments;
        private SourceLocation? _firstZdr;

        public void Run()
        {
            values.SweepSecrets(root);
            CheckSections();
            ReadEnvironment();
            AddCore();
            ReadModels();
            ReadCallbacks();
            ReadTeamCallbacks();
            NoteFailureOnlyCallbacks();
            ReadDatabase();
            ReadCache();
            ReadRouterRedis();
            ReadFallbacks();
            ReadAlerting();
            ReadGuardrails();
            ReadGeneralWiring();
            FlushLists();
        }

        private static YamlMapping Empty(YamlNode at) => new(at.Line, at.Column, []);

        private void CheckSections()
        {
            foreach (var (key, _) in root.Entries)
            {
                if (!KnownSections.Contains(key.Value) && !key.Value.StartsWith("x-", StringComparison.Ordinal))
                {
                    // An unknown section may wire something we cannot see; a report that ignored it would be incomplete.
                    values.Error("litellm-unknown-section",
                        $"unknown top-level section '{ConfigValues.Shown(key.Value)}'; known sections are {string.Join(", ", KnownSections.Order(StringComparer.Ordinal))} (prefix anchor-only blocks with 'x-')",
                        key);
                }
            }

            CheckNearMisses(_litellm, "litellm_settings", LiteLlmSettingsRead);
            CheckNearMisses(_general, "general_settings", GeneralSettingsRead);
            CheckNearMisses(_router, "router_settings", RouterSettingsRead);

            if (root["include"] is { } include)
            {
                values.Error("litellm-include", "'include' pulls in other config files, which gateway-audit does not follow yet; scan the included files' merged config instead", include);
            }
        }

        /// <summary>
        /// A key one or two edits away from a setting this reader interprets (turn_off_message_loging) is almost
        /// certainly a typo that LiteLLM silently ignores: the setting the author meant is not in force. Other unknown
        /// keys are left alone, since LiteLLM has many settings that change no data flow.
        /// </summary>
        private void CheckNearMisses(YamlMapping section, string path, string[] known)
        {
            foreach (var (key, _) in section.Entries)
            {
                if (Array.IndexOf(known, key.Value) >= 0)
                {
                    continue;
                }

                var meant = known.Where(k => Math.Abs(k.Length - key.Value.Length) <= 2 && EditDistance(k, key.Value) <= 2)
                    .OrderBy(k => EditDistance(k, key.Value)).ThenBy(k => k, StringComparer.Ordinal).FirstOrDefault();
                if (meant is not null)
                {
                    values.Warning("litellm-unknown-key",
                        $"'{path}.{ConfigValues.Shown(key.Value)}' is not a LiteLLM setting; did you mean '{meant}'? LiteLLM ignores it, so '{meant}' is not in force", key);
                }
            }
        }

        private static int EditDistance(string a, string b)
        {
            var previous = new int[b.Length + 1];
            var current = new int[b.Length + 1];
            for (var j = 0; j <= b.Length; j++)
            {
                previous[j] = j;
            }

            for (var i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                for (var j = 1; j <= b.Length; j++)
                {
                    current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                }

                (previous, current) = (current, previous);
            }

            return previous[b.Length];
        }

        private void ReadEnvironment()
        {
            if (values.Mapping(root, "environment_variables", "environment_variables") is not { } env)
            {
                return;
            }

            foreach (var (key, value) in env.Entries)
            {
                if (value is not YamlScalar scalar)
                {
                    values.Error("wrong-type", $"'environment_variables.{key.Value}' must be a single value, not {value.KindText}", value);
                    continue;
                }

                values.Environment[key.Value] = scalar;
                if (ConfigValues.IsSecretKey(key.Value) || key.Value.EndsWith("_KEY", StringComparison.Ordinal))
                {
                    values.CheckSecret($"environment_variables.{key.Value}", scalar);
                }
                else if (key.Value.EndsWith("_URL", StringComparison.Ordinal) || key.Value.EndsWith("_URI", StringComparison.Ordinal))
                {
                    values.CheckUrlPassword($"environment_variables.{key.Value}", scalar, scalar.Value);
                }
            }
        }

        private void AddCore()
        {
            var at = values.At(root);
            _gateway = model.Add(new Component
            {
                Id = GatewayId,
                Name = "LiteLLM proxy",
                Role = ComponentRole.Gateway,
                Vendor = "litellm",
                Hosting = Hosting.OperatorHosted,
                Evidence = { at },
                Notes = { "Receives every prompt and completion in memory and forwards them to everything below." },
            });
            model.Add(new Component { Id = AppId, Name = "Client applications", Role = ComponentRole.App, Hosting = Hosting.OperatorHosted });
            model.Connect(AppId, GatewayId, [DataCategory.Prompt, DataCategory.Credentials], at);

            var host = model.Add(new Component
            {
                Id = HostId,
                Name = "Proxy host (process memory and logs)",
                Role = ComponentRole.Host,
                Evidence = { at },
                Notes = { "Where the proxy runs and where its stdout logs go is not in the config." },
            });
            var hostFlow = model.Connect(GatewayId, HostId, [DataCategory.Prompt, DataCategory.Completion, DataCategory.Metadata], at);
            foreach (var key in new[] { "set_verbose", "json_logs" })
            {
                if (values.Bool(_litellm, key, $"litellm_settings.{key}") is { } on)
                {
                    host.Attributes.Set(key == "set_verbose" ? "verboseLogging" : "jsonLogs", on, values.At(_litellm.KeyNode(key)!));
                    hostFlow.Evidence.Add(values.At(_litellm.KeyNode(key)!));
                }
            }

            model.OpenQuestions.Add(new OpenQuestion("Proxy host",
                "Where does the LiteLLM proxy run (cloud account, region), and where are its logs shipped and for how long are they kept?", at));

            ReadMasterKey();
            foreach (var key in new[] { "turn_off_message_logging", "redact_user_api_key_info", "redact_messages_in_exceptions" })
            {
                if (values.Bool(_litellm, key, $"litellm_settings.{key}") is { } on)
                {
                    _gateway.Attributes.Set(Camel(key), on, values.At(_litellm.KeyNode(key)!));
                    _gateway.Evidence.Add(values.At(_litellm.KeyNode(key)!));
                }
            }
        }

        private void ReadMasterKey()
        {
            var key = values.Text(_general, "master_key", "general_settings.master_key", "text (the key, or os.environ/NAME)");
            if (key is null)
            {
                _gateway.Attributes.Set("masterKey", "not-in-config");
                model.OpenQuestions.Add(new OpenQuestion("LiteLLM proxy",
                    "general_settings.master_key is not set in the config; is LITELLM_MASTER_KEY set in the proxy's environment?", values.At(root)));
                return;
            }

            _gateway.Evidence.Add(values.At(key));
            _gateway.Attributes.Set("masterKey", values.CheckSecret("general_settings.master_key", key) ? "literal" : "reference", values.At(key));
        }

        private void ReadModels()
        {
            var list = values.Sequence(root, "model_list", "model_list");
            if (list is null)
            {
                if (!root.ContainsKey("model_list"))
                {
                    model.OpenQuestions.Add(new OpenQuestion("Model providers",
                        "The config has no model_list; models may be added through the admin UI and stored in Postgres (store_model_in_db), which this scan cannot see.", values.At(root)));
                }

                return;
            }

            var deploymentsPerGroup = new Dictionary<(string Component, string Group), int>();
            for (var i = 0; i < list.Items.Count; i++)
            {
                var path = $"model_list[{i}]";
                if (list.Items[i] is not YamlMapping entry)
                {
                    values.Error("wrong-type", $"'{path}' must be a mapping with model_name and litellm_params, not {list.Items[i].KindText}", list.Items[i]);
                    continue;
                }

                var group = values.Text(entry, "model_name", $"{path}.model_name", "text (the model group name)");
                var parameters = values.Mapping(entry, "litellm_params", $"{path}.litellm_params");
                if (group is null || parameters is null)
                {
                    if (!entry.ContainsKey("model_name") || !entry.ContainsKey("litellm_params"))
                    {
                        values.Error("litellm-model-entry", $"'{path}' needs both model_name and litellm_params", entry);
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

            if (_openRouterZdrDeployments > 0 && model.Find("provider:openrouter") is { } openRouter)
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
                var component = model.Find(componentId)!;
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
            values.CheckSecretKeys(parameters, path);
            var modelNode = values.Text(parameters, "model", $"{path}.model", "text (provider/model, or os.environ/NAME)");
            if (modelNode is null)
            {
                if (parameters.ContainsKey("model") && parameters["model"] is not YamlScalar { IsNull: true })
                {
                    return null; // a wrong type, already reported
                }

                values.Error("litellm-model-entry", $"'{path}' needs a 'model' (provider/model)", parameters);
                return null;
            }

            var at = values.At(modelNode);
            var (modelText, reference, _) = values.Resolve(modelNode);
            if (modelText is null)
            {
                return AddUnresolvedProvider(group, reference!, at);
            }

            var apiBase = values.Text(parameters, "api_base", $"{path}.api_base", "text (a URL, or os.environ/NAME)");
            var apiBaseText = apiBase is null ? null : values.Resolve(apiBase).Value;
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
                if (values.Text(parameters, regionKey, $"{path}.{regionKey}", "text (a region name, or os.environ/NAME)") is { } regionNode && values.Resolve(regionNode).Value is { } region)
                {
                    AddToList(component, "regions", region);
                    component.Region = _lists[(component.Attributes, "regions")].Count == 1 ? new Sourced<string>(region, values.At(regionNode)) : null;
                }
            }

            _groups.TryAdd(group, (component.Id, component.Vendor));
            var flow = model.Connect(GatewayId, component.Id, [DataCategory.Prompt, DataCategory.Completion, DataCategory.Metadata, DataCategory.Credentials], at);
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
                var component = model.Add(new Component
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
                var component = model.Add(new Component
                {
                    Id = $"provider:host:{host}",
                    Name = $"OpenAI-compatible endpoint at {host}",
                    Role = prefix == "litellm_proxy" ? ComponentRole.Gateway : ComponentRole.ModelProvider,
                    Hosting = Hosting.Unknown,
                });
                component.Attributes.Set("host", host!);
                component.Evidence.Add(values.At(apiBase!));
                return component;
            }

            if (info is null)
            {
                var label = prefix ?? modelText;
                values.Warning("litellm-unknown-provider", prefix is null
                    ? $"model '{modelText}' has no provider prefix gateway-audit can map; the provider is listed as unknown"
                    : $"provider prefix '{prefix}' is not in gateway-audit's table; the provider is listed as unknown", at);
                model.OpenQuestions.Add(new OpenQuestion($"Model group {group}", $"Which company serves '{modelText}', and under what retention terms?", at));
                return model.Add(new Component
                {
                    Id = $"provider:unmapped:{label}",
                    Name = prefix is null ? $"Provider of {modelText}" : $"Provider '{prefix}'",
                    Role = ComponentRole.ModelProvider,
                    Hosting = Hosting.Unknown,
                    Evidence = { at },
                });
            }

            var provider = model.Add(new Component
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
                provider.Evidence.Add(values.At(apiBase!));
            }

            if (inferred)
            {
                provider.Notes.Add($"Provider inferred from the bare model name '{modelText}' (LiteLLM's default routing).");
            }

            return provider;
        }

        private string AddUnresolvedProvider(string group, string reference, SourceLocation at)
        {
            var component = model.Add(new Component
            {
                Id = $"provider:unresolved:{group}",
                Name = $"Provider of model group '{group}' (set by ${reference})",
                Role = ComponentRole.ModelProvider,
                Hosting = Hosting.Unknown,
                Evidence = { at },
            });
            model.Connect(GatewayId, component.Id, [DataCategory.Prompt, DataCategory.Completion, DataCategory.Metadata, DataCategory.Credentials], at);
            model.OpenQuestions.Add(new OpenQuestion($"Model group {group}",
                $"The model is read from the environment variable {reference}, which the config does not define: which provider does it name?", at));
            return component.Id;
        }

        private void ReadOpenRouterUpstream(string slug, YamlMapping parameters, string path, SourceLocation at)
        {
            var author = slug.Split('/')[0];
            var openRouter = model.Find("provider:openrouter")!;
            _openRouterDeployments++;
            openRouter.Notes.Add("OpenRouter receives the prompt and passes it on to the provider that serves the model.");
            model.OpenQuestions.Add(new OpenQuestion("OpenRouter",
                "Is zero data retention enforced on the OpenRouter account (an account-wide setting the config cannot show), and is prompt logging off there?", at));

            Component upstream;
            if (author is "auto" or "openrouter")
            {
                // openrouter/auto (and openrouter/openrouter/*): OpenRouter picks the model, so any provider it lists.
                upstream = model.Add(new Component
                {
                    Id = "provider:openrouter-upstream:auto-router",
                    Name = "Any provider OpenRouter's router picks",
                    Role = ComponentRole.ModelProvider,
                    Hosting = Hosting.ThirdParty,
                });
                model.OpenQuestions.Add(new OpenQuestion("OpenRouter auto router",
                    "The auto router may send a prompt to any model and provider OpenRouter offers: is that acceptable, or should the model list be pinned (models, provider.only) with ZDR enforced?", at));
            }
            else if (LiteLlmProviders.OpenRouterAuthors.TryGetValue(author, out var known))
            {
                upstream = model.Add(new Component
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
                upstream = model.Add(new Component
                {
                    Id = $"provider:openrouter-upstream:{author}",
                    Name = $"Host(s) OpenRouter picks for {author}/* models",
                    Role = ComponentRole.ModelProvider,
                    Hosting = Hosting.ThirdParty,
                });
                model.OpenQuestions.Add(new OpenQuestion($"OpenRouter upstream for {author}/*",
                    $"Which providers may OpenRouter route {author}/* requests to, and do they retain prompts? Pin them with provider.only or provider.order and allow_fallbacks: false.", at));
            }

            upstream.Evidence.Add(at);
            AddToList(upstream, "models", slug);
            var flow = model.Connect("provider:openrouter", upstream.Id, [DataCategory.Prompt, DataCategory.Completion, DataCategory.Metadata], at);
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
                    var text = values.Resolve(scalar).Value;
                    if (text is not null)
                    {
                        object typed = scalar.AsBool() is { } b ? b : text;
                        openRouter.Attributes.Set("provider." + key.Value, typed, values.At(scalar));
                        openRouter.Evidence.Add(values.At(scalar));
                    }
                }
                else if (value is YamlSequence seq)
                {
                    openRouter.Attributes.Set("provider." + key.Value, seq.Items.OfType<YamlScalar>().Select(s => s.Value), values.At(seq));
                }
            }

            if (preferences["zdr"] is YamlScalar zdr && zdr.AsBool() == true)
            {
                _openRouterZdrDeployments++;
                _firstZdr ??= values.At(zdr);
                flow.Attributes.Set("zdrRouting", true);
            }

            _ = path;
        }

        private void ReadCallbacks()
        {
            var messageLogging = values.Bool(_litellm, "turn_off_message_logging", "litellm_settings.turn_off_message_logging") != true;
            var perCallback = values.Mapping(root, "callback_settings", "callback_settings");
            if (_litellm.KeyNode("callback_settings") is { } misplaced && MisplacedSettings(_litellm["callback_settings"]!) is { } ignored)
            {
                // LiteLLM reads callback_settings only at the top level: a per-callback message_logging: false here
                // does not take effect, so prompts still reach that callback. An empty block sets nothing: no warning.
                values.Warning("litellm-misplaced-setting",
                    $"'callback_settings' belongs at the top level of the config; LiteLLM ignores it inside litellm_settings, so {ignored}", misplaced);
            }

            foreach (var key in new[] { "success_callback", "failure_callback", "callbacks" })
            {
                foreach (var name in values.Names(_litellm, key, $"litellm_settings.{key}"))
                {
                    var logging = messageLogging;
                    if (perCallback?[name.Value] is YamlMapping settings
                        && values.Bool(settings, "message_logging", $"callback_settings.{name.Value}.message_logging") is { } own)
                    {
                        logging = own;
                    }

                    AddCallback(name, key, logging, metadataOnly: false);
                }
            }

            foreach (var name in values.Names(_litellm, "service_callback", "litellm_settings.service_callback")
                         .Concat(values.Names(_litellm, "service_callbacks", "litellm_settings.service_callbacks")))
            {
                AddCallback(name, "service_callback", messageLogging: false, metadataOnly: true);
            }

            if (values.Mapping(_litellm, "s3_callback_params", "litellm_settings.s3_callback_params") is { } s3 && model.Find("exporter:aws-s3") is { } bucket)
            {
                ReadBucket(bucket, s3, "litellm_settings.s3_callback_params", "s3_bucket_name", "s3_region_name", "s3_endpoint_url");
            }
        }

        /// <summary>What a misplaced callback_settings block would have set, for the warning; null when it sets nothing.</summary>
        private static string? MisplacedSettings(YamlNode block)
        {
            switch (block)
            {
                case YamlScalar { IsNull: true }:
                case YamlMapping { Entries.Count: 0 }:
                    return null;
                case YamlMapping mapping:
                    var settings = mapping.Entries
                        .SelectMany(e => e.Value is YamlMapping { Entries.Count: > 0 } inner
                            ? inner.Entries.Select(i => $"{ConfigValues.Shown(e.Key.Value)}.{ConfigValues.Shown(i.Key.Value)}")
                            : [ConfigValues.Shown(e.Key.Value)])
                        .ToList();
                    return $"{(settings.Count == 1 ? "this setting does" : "these settings do")} not apply: {string.Join(", ", settings)}";
                default:
                    return "it does not apply";
            }
        }

        /// <summary>A callback named only in failure_callback lists gets a note saying why it receives no completions.</summary>
        private void NoteFailureOnlyCallbacks()
        {
            foreach (var flow in model.FlowsOutOf(GatewayId).Where(f => f.Attributes["kind"] as string == "logging"))
            {
                if (_lists.TryGetValue((flow.Attributes, "settings"), out var settings)
                    && settings.All(s => s.EndsWith("failure_callback", StringComparison.Ordinal)))
                {
                    model.Find(flow.To)!.Notes.Add(
                        "Named only in failure_callback: it receives failed requests (the prompt, metadata and the error), not completions.");
                }
            }
        }

        private Component AddCallback(YamlScalar name, string setting, bool messageLogging, bool metadataOnly, string? team = null)
        {
            var text = name.Value.Trim();
            var at = values.At(name);
            LiteLlmCallbacks.ByName.TryGetValue(text, out var info);
            if (info is null)
            {
                var custom = text.Contains('.', StringComparison.Ordinal);
                if (!custom)
                {
                    values.Warning("litellm-unknown-callback",
                        $"callback '{text}' is not in gateway-audit's table; it is listed as an exporter of unknown hosting that receives prompts", name);
                }

                info = new LiteLlmCallbacks.CallbackInfo(null, custom ? $"Custom callback {text}" : $"Callback '{text}'", ComponentRole.Exporter, Hosting.Unknown, true,
                    custom ? "custom Python callback: where it sends data is decided by its code, not by the config" : null);
                model.OpenQuestions.Add(new OpenQuestion(info.Name, "Where does this callback send the request data, and how long is it kept there?", at));
            }

            var component = model.Add(new Component
            {
                Id = info.Role == ComponentRole.Alerting ? $"alerting:{info.Vendor ?? text}" : $"exporter:{info.Vendor ?? text}",
                Name = info.Name,
                Role = info.Role,
                Vendor = info.Vendor,
                Hosting = info.Hosting,
                Evidence = { at },
            });
            if (info.Note is not null)
            {
                component.Notes.Add(info.Note);
            }

            var endpointKnown = ReadCallbackEndpoint(component, text);
            if (info.Hosting == Hosting.Unknown && info.Vendor is null && !endpointKnown)
            {
                model.OpenQuestions.Add(new OpenQuestion(info.Name, "Who runs the endpoint this exporter sends to, and where?", at));
            }

            var carriesMessages = info.CarriesMessages && !metadataOnly;
            var failuresOnly = setting == "failure_callback";
            var categories = (carriesMessages && messageLogging, failuresOnly) switch
            {
                (true, false) => MessagesAndMetadata,
                (false, false) => MetadataOnly,
                (true, true) => FailedRequest,
                (false, true) => FailedRequestMetadata,
            };

            // Categories add up per destination: a callback in both success_callback and failure_callback gets both.
            var flow = model.Connect(GatewayId, component.Id, categories, at);
            flow.Attributes.Set("kind", "logging");
            AddToList(flow, "settings", team is null ? setting : $"default_team_settings[{team}].{setting}");
            if (carriesMessages)
            {
                // A flow already seen with message logging on stays on: one path that logs prompts is enough.
                var before = flow.Attributes["messageLogging"] as bool?;
                flow.Attributes.Set("messageLogging", (before ?? false) || messageLogging);
            }

            return component;
        }

        /// <summary>
        /// An exporter's endpoint set in the file's environment_variables (LANGFUSE_HOST, OTEL_ENDPOINT, ...) says who
        /// runs it: a private host is the operator's own (a self-hosted Langfuse keeps traces on your servers), a
        /// public one is matched to a vendor by the catalog. Returns true when the endpoint was found.
        /// </summary>
        private bool ReadCallbackEndpoint(Component component, string callback)
        {
            if (!LiteLlmCallbacks.EndpointVariables.TryGetValue(callback, out var names)
                || names.Select(n => values.Environment.GetValueOrDefault(n)).FirstOrDefault(v => v is not null) is not { } variable
                || ConfigValues.IsReference(variable.Value)
                || HostClassifier.HostOf(variable.Value.Contains("://", StringComparison.Ordinal) ? variable.Value : "https://" + variable.Value) is not { } host)
            {
                return false;
            }

            component.Attributes.Set("host", host);
            component.Evidence.Add(values.At(variable));
            if (HostClassifier.IsOperatorNetwork(host))
            {
                component.Hosting = Hosting.OperatorHosted;
                component.Name += $" (self-hosted at {host})";
                return true;
            }

            // Public host: who runs it is the catalog's call (CatalogEnrichment); until then, unknown.
            component.Hosting = Hosting.Unknown;
            if (LiteLlmCallbacks.RegionOfHost(host) is { } region)
            {
                component.Region = new Sourced<string>(region, values.At(variable));
            }

            return true;
        }

        private void ReadTeamCallbacks()
        {
            if (values.Sequence(_litellm, "default_team_settings", "litellm_settings.default_team_settings") is not { } teams)
            {
                return;
            }

            var messageLogging = values.Bool(_litellm, "turn_off_message_logging", "litellm_settings.turn_off_message_logging") != true;
            for (var i = 0; i < teams.Items.Count; i++)
            {
                var path = $"litellm_settings.default_team_settings[{i}]";
                if (teams.Items[i] is not YamlMapping team)
                {
                    values.Error("wrong-type", $"'{path}' must be a mapping, not {teams.Items[i].KindText}", teams.Items[i]);
                    continue;
                }

                var teamId = (team["team_id"] as YamlScalar)?.Value ?? i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                values.CheckSecretKeys(team, path);

                foreach (var key in new[] { "success_callback", "failure_callback", "callbacks" })
                {
                    foreach (var name in values.Names(team, key, $"{path}.{key}"))
                    {
                        AddCallback(name, key, messageLogging, metadataOnly: false, team: teamId);
                    }
                }
            }
        }

        private void ReadDatabase()
        {
            var urlNode = values.Text(_general, "database_url", "general_settings.database_url", "text (a postgresql:// URL, or os.environ/NAME)");
            YamlScalar? node = urlNode;
            string? url = null;
            if (urlNode is not null)
            {
                url = values.Resolve(urlNode).Value;
                node = values.Resolve(urlNode).Node;
            }
            else if (values.Environment.TryGetValue("DATABASE_URL", out var envUrl))
            {
                node = envUrl;
                url = envUrl.Value;
            }

            var implied = false;
            if (node is null)
            {
                // Spend-log settings only act on a database; their presence says one is wired through DATABASE_URL.
                // (disable_spend_logs says nothing either way: it is often set precisely where no database is used.)
                node = new[] { "store_prompts_in_spend_logs", "store_model_in_db" }
                    .Where(k => _general[k] is YamlScalar v && v.AsBool() == true).Select(k => _general.KeyNode(k))
                    .Append(_general.KeyNode("maximum_spend_logs_retention_period")).FirstOrDefault(k => k is not null);
                implied = node is not null;
            }

            if (node is null)
            {
                model.OpenQuestions.Add(new OpenQuestion("Postgres",
                    "No database_url in the config: is DATABASE_URL set in the proxy's environment? If so, a Postgres holds keys, budgets and spend logs.", values.At(root)));
                return;
            }

            var at = values.At(node);
            var db = LiteLlmDatastores.AddPostgres(model, at);
            HostClassifier.Classify(db, url is null ? null : values.CheckUrlPassword("general_settings.database_url", node, url), "Postgres", at);
            if (implied)
            {
                db.Notes.Add("database_url is not in the config, but spend-log settings are: the database comes from DATABASE_URL in the proxy's environment.");
            }

            var categories = new List<DataCategory>(LiteLlmDatastores.PostgresCategories);
            var spendLogsOff = values.Bool(_general, "disable_spend_logs", "general_settings.disable_spend_logs") == true;
            var prompts = values.Bool(_general, "store_prompts_in_spend_logs", "general_settings.store_prompts_in_spend_logs") == true;
            SetRead(db, "spendLogs", !spendLogsOff, _general, "disable_spend_logs");
            SetRead(db, "storePromptsInSpendLogs", prompts, _general, "store_prompts_in_spend_logs");
            Evidence(db, _general, "disable_spend_logs", "store_prompts_in_spend_logs", "store_model_in_db", "maximum_spend_logs_retention_period");
            if (prompts && !spendLogsOff)
            {
                categories.Add(DataCategory.Prompt);
                categories.Add(DataCategory.Completion);
                db.Notes.Add("store_prompts_in_spend_logs is on: prompts and responses are stored in the spend-log table.");
            }

            if (values.Bool(_general, "store_model_in_db", "general_settings.store_model_in_db") == true)
            {
                SetRead(db, "storeModelInDb", true, _general, "store_model_in_db");
                db.Notes.Add("store_model_in_db is on: model deployments and their provider credentials are stored in the database.");
            }

            if (values.Scalar(_general, "maximum_spend_logs_retention_period", "general_settings.maximum_spend_logs_retention_period") is { } retention)
            {
                var text = values.Resolve(retention).Value;
                var days = text is null ? null : ParseDuration(text);
                if (text is not null && days is null)
                {
                    values.Error("wrong-type", "'general_settings.maximum_spend_logs_retention_period' must be a duration such as 30d, 12h or 2w", retention);
                }

                db.Retention = new Sourced<Retention>(new Retention($"spend logs deleted after {text ?? "(set by environment)"}", days), values.At(retention));
            }
            else if (!spendLogsOff)
            {
                db.Attributes.Set("retentionUnbounded", true);
                db.Notes.Add("No maximum_spend_logs_retention_period: spend-log rows are kept until someone deletes them.");
            }

            LiteLlmDatastores.ConnectPostgres(model, categories, at);
            model.OpenQuestions.Add(new OpenQuestion("Postgres", "Who hosts this Postgres, in which region, and how long are its backups kept?", at));
        }

        private void ReadCache()
        {
            var enabled = values.Bool(_litellm, "cache", "litellm_settings.cache");
            var parameters = values.Mapping(_litellm, "cache_params", "litellm_settings.cache_params");
            if (enabled != true)
            {
                if (parameters is not null && enabled is null)
                {
                    values.Warning("litellm-cache-off", "cache_params is set but litellm_settings.cache is not true, so LiteLLM does not cache", parameters);
                }

                return;
            }

            var type = parameters is null ? null : values.Text(parameters, "type", "litellm_settings.cache_params.type", "text (redis, s3, qdrant-semantic, ...)");
            var typeReference = type is null ? null : values.Resolve(type).Reference;
            var typeText = type is null ? "local" : values.Resolve(type).Value ?? "from-environment";
            var at = values.At(type ?? (YamlNode?)parameters ?? _litellm.KeyNode("cache")!);
            var (name, vendor, hosting, semantic) = typeText switch
            {
                "local" => ("In-memory response cache (proxy process)", null, Hosting.OperatorHosted, false),
                "redis" => ("Redis response cache", null, Hosting.Unknown, false),
                "redis-semantic" => ("Redis semantic cache", null, Hosting.Unknown, true),
                "valkey-semantic" => ("Valkey semantic cache", null, Hosting.Unknown, true),
                "qdrant-semantic" => ("Qdrant semantic cache", null, Hosting.Unknown, true),
                "s3" => ("Amazon S3 response cache", "aws-s3", Hosting.ThirdParty, false),
                "gcs" => ("Google Cloud Storage response cache", "google-cloud-storage", Hosting.ThirdParty, false),
                "azure-blob" => ("Azure Blob Storage response cache", "azure-blob-storage", Hosting.ThirdParty, false),
                "disk" => ("Disk response cache (proxy host)", null, Hosting.OperatorHosted, false),
                "from-environment" => ($"Response cache (type set by ${typeReference})", (string?)null, Hosting.Unknown, false),
                _ => ($"Response cache '{typeText}'", (string?)null, Hosting.Unknown, false),
            };
            if (name.StartsWith("Response cache '", StringComparison.Ordinal) && type is not null)
            {
                values.Warning("litellm-unknown-cache", $"cache type '{typeText}' is not one gateway-audit knows; listed with unknown hosting", type);
            }

            var cache = model.Add(new Component
            {
                Id = CacheId,
                Name = name,
                Role = ComponentRole.Cache,
                Vendor = vendor,
                Hosting = hosting,
                Evidence = { at },
                Notes = { semantic ? "Stores completions and embeddings of the prompts that produced them." : "Stores completions keyed by a hash of the request." },
            });
            cache.Attributes.Set("type", typeText);
            cache.Attributes.Set("semantic", semantic);
            if (parameters is not null)
            {
                values.CheckSecretKeys(parameters, "litellm_settings.cache_params");
                var hostNode = values.Text(parameters, "host", "litellm_settings.cache_params.host", "text (a host name or address, or os.environ/NAME)")
                    ?? values.Text(parameters, "qdrant_api_base", "litellm_settings.cache_params.qdrant_api_base", "text (a URL, or os.environ/NAME)")
                    ?? values.Text(parameters, "url", "litellm_settings.cache_params.url", "text (a URL, or os.environ/NAME)");
                if (hostNode is not null && cache.Hosting == Hosting.Unknown)
                {
                    HostClassifier.Classify(cache, values.Resolve(hostNode).Value is { } h ? values.CheckUrlPassword("litellm_settings.cache_params", hostNode, h) : null, name, values.At(hostNode));
                }
                else if (typeText is "redis" or "redis-semantic" && values.Environment.TryGetValue("REDIS_HOST", out var envHost))
                {
                    HostClassifier.Classify(cache, envHost.Value, name, values.At(envHost));
                }

                ReadBucket(cache, parameters, "litellm_settings.cache_params", "s3_bucket_name", "s3_region_name", "s3_endpoint_url");
                var ttl = values.Number(parameters, "ttl", "litellm_settings.cache_params.ttl");
                if (ttl < 0)
                {
                    // A negative ttl bounds nothing; "expires after -5 seconds" would read as a bound.
                    values.Error("wrong-type", "'litellm_settings.cache_params.ttl' must be a number of seconds, 0 or more", parameters["ttl"]!);
                    ttl = null;
                }

                if (ttl is not null)
                {
                    cache.Retention = new Sourced<Retention>(new Retention($"entries expire after {FormatSeconds(ttl.Value)} (ttl)", ttl.Value / 86_400.0), values.At(parameters["ttl"]!));
                    cache.Attributes.Set("ttlSeconds", ttl.Value, values.At(parameters["ttl"]!));
                }
            }

            if (cache.Retention is null && typeText != "local")
            {
                cache.Attributes.Set("retentionUnbounded", true);
                cache.Notes.Add("No ttl in cache_params: entries stay until evicted or deleted.");
            }

            if (cache.Hosting == Hosting.Unknown)
            {
                model.OpenQuestions.Add(new OpenQuestion(name, "Who hosts this cache and in which region?", at));
            }

            DataCategory[] categories = semantic
                ? [DataCategory.Prompt, DataCategory.Completion, DataCategory.Metadata]
                : [DataCategory.Completion, DataCategory.Metadata];
            model.Connect(GatewayId, CacheId, categories, at).Attributes.Set("kind", "cache");
        }

        private void ReadRouterRedis()
        {
            var hostKey = _router.ContainsKey("redis_host") ? "redis_host" : "redis_url";
            var hostNode = values.Text(_router, hostKey, $"router_settings.{hostKey}", hostKey == "redis_host" ? "text (a host name or address, or os.environ/NAME)" : "text (a redis:// URL, or os.environ/NAME)");
            if (hostNode is null)
            {
                return;
            }

            var redis = model.Add(new Component
            {
                Id = RouterRedisId,
                Name = "Router Redis (rate limits, usage, cooldowns)",
                Role = ComponentRole.Datastore,
                Evidence = { values.At(hostNode) },
                Notes = { "Shared state between proxy replicas; on the request path for rate limiting." },
            });
            var host = values.Resolve(hostNode).Value;
            HostClassifier.Classify(redis, host is null ? null : values.CheckUrlPassword($"router_settings.{hostKey}", hostNode, host), "Router Redis", values.At(hostNode));
            foreach (var key in new[] { "redis_url", "redis_password" })
            {
                // Both keys can carry a credential even when redis_host names the server.
                if (key != hostKey && values.Text(_router, key, $"router_settings.{key}", key == "redis_password" ? "text (the password, or os.environ/NAME)" : "text (a redis:// URL, or os.environ/NAME)", numberAllowed: key == "redis_password") is { } extra)
                {
                    if (key == "redis_password")
                    {
                        values.CheckSecret("router_settings.redis_password", extra);
                    }
                    else if (values.Resolve(extra).Value is { } url)
                    {
                        values.CheckUrlPassword("router_settings.redis_url", extra, url);
                    }
                }
            }

            model.Connect(GatewayId, RouterRedisId, [DataCategory.Metadata, DataCategory.Usage], values.At(hostNode)).Attributes.Set("kind", "coordination");
            _gateway.Attributes.Set("redisOnHotPath", true, values.At(hostNode));
        }

        private void ReadFallbacks()
        {
            var crossProvider = new SortedSet<string>(StringComparer.Ordinal);
            var all = new SortedSet<string>(StringComparer.Ordinal);
            SourceLocation? firstFallback = null, firstCrossProvider = null;
            foreach (var (section, sectionPath) in new[] { (_litellm, "litellm_settings"), (_router, "router_settings") })
            {
                foreach (var key in new[] { "fallbacks", "context_window_fallbacks", "content_policy_fallbacks" })
                {
                    if (values.Sequence(section, key, $"{sectionPath}.{key}") is not { } list)
                    {
                        continue;
                    }

                    foreach (var item in list.Items)
                    {
                        if (item is not YamlMapping map)
                        {
                            values.Error("wrong-type", $"'{sectionPath}.{key}' items must map a model group to its fallbacks, e.g. - gpt-4o: [claude-sonnet]", item);
                            continue;
                        }

                        foreach (var (from, targets) in map.Entries)
                        {
                            foreach (var to in targets is YamlSequence seq ? seq.Items.OfType<YamlScalar>() : targets is YamlScalar one ? [one] : [])
                            {
                                all.Add($"{from.Value} -> {to.Value}");
                                _gateway.Evidence.Add(values.At(from));
                                firstFallback ??= values.At(from);
                                if (_groups.TryGetValue(from.Value, out var a) && _groups.TryGetValue(to.Value, out var b) && a.ComponentId != b.ComponentId)
                                {
                                    firstCrossProvider ??= values.At(from);
                                    crossProvider.Add($"{from.Value} ({model.Find(a.ComponentId)!.Name}) -> {to.Value} ({model.Find(b.ComponentId)!.Name})");
                                }
                            }
                        }
                    }
                }
            }

            if (all.Count > 0)
            {
                _gateway.Attributes.Set("fallbacks", all, firstFallback!);
            }

            if (crossProvider.Count > 0)
            {
                _gateway.Attributes.Set("crossProviderFallbacks", crossProvider, firstCrossProvider!);
            }
        }

        private void ReadAlerting()
        {
            var alertTypes = values.Names(_general, "alert_types", "general_settings.alert_types").Select(t => t.Value.Trim()).Distinct().Order(StringComparer.Ordinal).ToList();
            foreach (var name in values.Names(_general, "alerting", "general_settings.alerting"))
            {
                var text = name.Value.Trim();
                var (id, display, vendor) = text switch
                {
                    "slack" => ("alerting:slack", "Slack", "slack"),
                    "email" => ("alerting:email", "Email alerts (SMTP or email API from environment)", null),
                    "pagerduty" => ("alerting:pagerduty", "PagerDuty", "pagerduty"),
                    "webhook" => ("alerting:webhook", "Alert webhook", (string?)null),
                    _ => ($"alerting:{text}", $"Alerting '{text}'", null),
                };
                var alert = model.Add(new Component
                {
                    Id = id,
                    Name = display,
                    Role = ComponentRole.Alerting,
                    Vendor = vendor,
                    Hosting = vendor is null ? Hosting.Unknown : Hosting.ThirdParty,
                    Evidence = { values.At(name) },
                });
                if (alertTypes.Count > 0)
                {
                    // Absent means LiteLLM's default: every alert type.
                    alert.Attributes.Set("alertTypes", alertTypes);
                }

                model.Connect(GatewayId, alert.Id, [DataCategory.Metadata], values.At(name)).Attributes.Set("kind", "alerting");
                // With alert_types set the config answers which alerts go out; only their content stays open.
                model.OpenQuestions.Add(new OpenQuestion(display,
                    alertTypes.Count > 0
                        ? $"Can the alerts sent ({string.Join(", ", alertTypes)}) carry request content (error messages, model responses)? The config does not show what an alert contains."
                        : "Which alert types are enabled, and can alert text carry request content (error messages, model responses)? The config does not show what an alert contains.",
                    values.At(name)));
            }

            // What each alerting target is sent, in words the findings can quote: the configured alert_types, or
            // LiteLLM's default when alert_types is absent (every alert type). Alerting named as a callback gets it too.
            foreach (var alerting in model.Components.Where(c => c.Role == ComponentRole.Alerting))
            {
                alerting.Attributes.Set("alertsSent", alerting.Attributes["alertTypes"] is string[] { Length: > 0 } types
                    ? $"alert_types: {string.Join(", ", types)}"
                    : "every alert type, since alert_types is not set");
            }

            if (values.Mapping(_general, "alert_to_webhook_url", "general_settings.alert_to_webhook_url") is { } hooks)
            {
                foreach (var (alertType, value) in hooks.Entries)
                {
                    // One webhook URL per alert type, or a list of them.
                    var path = $"general_settings.alert_to_webhook_url.{alertType.Value}";
                    var urls = value is YamlSequence list
                        ? list.Items.Select((item, i) => values.CheckText(item, $"{path}[{i}]", "text (a URL, or os.environ/NAME)")).ToList()
                        : [values.CheckText(value, path, "text (a URL, or os.environ/NAME)" + " or a list of them")];
                    foreach (var hook in urls)
                    {
                        if (hook is not null && values.Resolve(hook).Value is { } url && url.Contains("hooks.slack.com", StringComparison.Ordinal))
                        {
                            // A Slack webhook URL is itself a credential: anyone holding it can post to the channel.
                            values.CheckSecret(path, hook);
                        }
                    }
                }
            }
        }

        private void ReadGuardrails()
        {
            if (values.Sequence(root, "guardrails", "guardrails") is not { } guardrails)
            {
                return;
            }

            for (var i = 0; i < guardrails.Items.Count; i++)
            {
                var path = $"guardrails[{i}]";
                if (guardrails.Items[i] is not YamlMapping entry || values.Mapping(entry, "litellm_params", $"{path}.litellm_params") is not { } parameters)
                {
                    values.Error("wrong-type", $"'{path}' must be a mapping with guardrail_name and litellm_params", guardrails.Items[i]);
                    continue;
                }

                values.CheckSecretKeys(parameters, $"{path}.litellm_params");
                if (values.Text(parameters, "guardrail", $"{path}.litellm_params.guardrail", "text (the guardrail provider)") is not { } kind)
                {
                    if (parameters["guardrail"] is null or YamlScalar { IsNull: true })
                    {
                        values.Error("litellm-guardrail", $"'{path}.litellm_params' needs 'guardrail' (the guardrail provider)", parameters);
                    }

                    continue;
                }

                var baseNode = values.Text(parameters, "api_base", $"{path}.litellm_params.api_base", "text (a URL, or os.environ/NAME)");
                var host = baseNode is null ? null : HostClassifier.HostOf(values.Resolve(baseNode).Value);
                var operatorHosted = kind.Value is "presidio" or "hide-secrets" or "detect_prompt_injection" or "custom_guardrail"
                    || (host is not null && HostClassifier.IsOperatorNetwork(host));

                // Guardrails run by a provider already in the catalog (Amazon Bedrock Guardrails, OpenAI moderation).
                var (vendor, vendorName) = kind.Value switch
                {
                    "bedrock" => ("aws-bedrock", "Amazon Bedrock Guardrails"),
                    "openai_moderation" => ("openai", "OpenAI moderation"),
                    _ => ((string?)null, (string?)null),
                };
                var guard = model.Add(new Component
                {
                    Id = $"guardrail:{kind.Value}",
                    Name = vendorName is null ? $"Guardrail service '{kind.Value}'" : $"Guardrail: {vendorName}",
                    Role = ComponentRole.ModelProvider,
                    Vendor = vendor,
                    Hosting = operatorHosted ? Hosting.OperatorHosted : vendor is not null ? Hosting.ThirdParty : Hosting.Unknown,
                    Evidence = { values.At(kind) },
                    Notes = { "A guardrail inspects prompts (pre_call) and/or responses (post_call) before they pass." },
                });
                guard.Attributes.Set("kind", "guardrail");
                if (host is not null)
                {
                    guard.Attributes.Set("host", host);
                }

                if (!operatorHosted && host is null && vendor is null)
                {
                    model.OpenQuestions.Add(new OpenQuestion(guard.Name, "Who runs this guardrail service, and does it keep the prompts it inspects?", values.At(kind)));
                }

                model.Connect(GatewayId, guard.Id, [DataCategory.Prompt, DataCategory.Completion, DataCategory.Metadata], values.At(kind)).Attributes.Set("kind", "guardrail");
            }
        }

        private void ReadGeneralWiring()
        {
            foreach (var key in new[] { "forward_client_headers_to_llm_api", "allow_requests_on_db_unavailable" })
            {
                if (values.Bool(_general, key, $"general_settings.{key}") is { } on)
                {
                    _gateway.Attributes.Set(Camel(key), on, values.At(_general.KeyNode(key)!));
                }
            }

            if (values.Text(_general, "key_management_system", "general_settings.key_management_system", "text (google_kms, azure_kms, ...)") is { } kms)
            {
                var (name, vendor) = kms.Value switch
                {
                    "google_kms" => ("Google Cloud KMS", (string?)null),
                    "azure_kms" or "azure_key_vault" => ("Azure Key Vault", null),
                    "aws_kms" or "aws_secret_manager" => ("AWS KMS / Secrets Manager", null),
                    "hashicorp_vault" => ("HashiCorp Vault", null),
                    _ => ($"Key management '{kms.Value}'", null),
                };
                var store = model.Add(new Component
                {
                    Id = "datastore:key-management",
                    Name = name,
                    Role = ComponentRole.Datastore,
                    Vendor = vendor,
                    Hosting = kms.Value == "hashicorp_vault" ? Hosting.Unknown : Hosting.ThirdParty,
                    Evidence = { values.At(kms) },
                    Notes = { "Holds provider and proxy credentials; sees no prompts." },
                });
                model.Connect(GatewayId, store.Id, [DataCategory.Credentials], values.At(kms)).Attributes.Set("kind", "secrets");
            }

            if (values.Sequence(_general, "pass_through_endpoints", "general_settings.pass_through_endpoints") is { } passThrough)
            {
                for (var i = 0; i < passThrough.Items.Count; i++)
                {
                    var itemPath = $"general_settings.pass_through_endpoints[{i}]";
                    if (passThrough.Items[i] is not YamlMapping item)
                    {
                        values.Error("wrong-type", $"'{itemPath}' must be a mapping with path and target, not {passThrough.Items[i].KindText}", passThrough.Items[i]);
                        continue;
                    }

                    if (values.Text(item, "target", $"{itemPath}.target", "text (a URL, or os.environ/NAME)") is not { } target
                        || HostClassifier.HostOf(values.Resolve(target).Value) is not { } host)
                    {
                        continue;
                    }

                    var component = model.Add(new Component
                    {
                        Id = $"provider:host:{host}",
                        Name = $"Pass-through target {host}",
                        Role = ComponentRole.ModelProvider,
                        Hosting = HostClassifier.IsOperatorNetwork(host) ? Hosting.OperatorHosted : Hosting.Unknown,
                        Evidence = { values.At(target) },
                    });
                    component.Attributes.Set("host", host);
                    model.Connect(GatewayId, component.Id, [DataCategory.Prompt, DataCategory.Completion, DataCategory.Metadata, DataCategory.Credentials], values.At(target))
                        .Attributes.Set("kind", "pass-through");
                }
            }
        }

        private void ReadBucket(Component component, YamlMapping parameters, string path, string bucketKey, string regionKey, string endpointKey)
        {
            if (values.Text(parameters, bucketKey, $"{path}.{bucketKey}", "text (a bucket name, or os.environ/NAME)") is { } bucket && values.Resolve(bucket).Value is { } name)
            {
                component.Attributes.Set("bucket", name);
                component.Evidence.Add(values.At(bucket));
            }

            if (values.Text(parameters, regionKey, $"{path}.{regionKey}", "text (a region name, or os.environ/NAME)") is { } region && values.Resolve(region).Value is { } regionText)
            {
                component.Region = new Sourced<string>(regionText, values.At(region));
            }

            if (values.Text(parameters, endpointKey, $"{path}.{endpointKey}", "text (a URL, or os.environ/NAME)") is { } endpoint && HostClassifier.HostOf(values.Resolve(endpoint).Value) is { } host)
            {
                // An S3-compatible endpoint (MinIO, R2 ...) means the bucket is not on AWS.
                component.Vendor = null;
                component.Attributes.Set("host", host);
                component.Hosting = HostClassifier.IsOperatorNetwork(host) ? Hosting.OperatorHosted : Hosting.Unknown;
                component.Name = $"S3-compatible storage at {host}";
            }
        }

        /// <summary>Sets a fact read from a setting; the setting's line is its origin when the setting is written.</summary>
        private void SetRead(Component component, string attribute, object value, YamlMapping section, string key)
        {
            if (section.KeyNode(key) is { } node)
            {
                component.Attributes.Set(attribute, value, values.At(node));
            }
            else
            {
                component.Attributes.Set(attribute, value);
            }
        }

        private void Evidence(Component component, YamlMapping section, params string[] keys)
        {
            foreach (var key in keys)
            {
                if (section.KeyNode(key) is { } node)
                {
                    component.Evidence.Add(values.At(node));
                }
            }
        }

        // List attributes grow one value at a time; a sorted set per list keeps that O(log n) per value (re-sorting
        // the array on every add made 20,000 distinct models take minutes), and the array is rewritten only on change.
        private void AddToList(Component component, string key, string value) => AddToList(component.Attributes, key, value);

        private void AddToList(Flow flow, string key, string value) => AddToList(flow.Attributes, key, value);

        private void AddToList(AttributeBag bag, string key, string value)
        {
            if (!_lists.TryGetValue((bag, key), out var set))
            {
                set = new SortedSet<string>(bag[key] as string[] ?? [], StringComparer.Ordinal);
                _lists[(bag, key)] = set;
            }

            if (set.Add(value) || bag[key] is null)
            {
                _dirty.Add((bag, key));
            }
        }

        /// <summary>Writes the lists gathered by <see cref="AddToList(AttributeBag, string, string)"/> into their bags.</summary>
        private void FlushLists()
        {
            foreach (var (bag, key) in _dirty)
            {
                bag.Set(key, _lists[(bag, key)]);
            }

            _dirty.Clear();
        }

        private static string Camel(string snake)
        {
            var parts = snake.Split('_');
            return parts[0] + string.Concat(parts.Skip(1).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
        }


        /// <summary>LiteLLM durations: 30s, 30m, 24h, 30d, 2w, 1mo (month = 30 days). Returns days.</summary>
        internal static double? ParseDuration(string text)
        {
            var match = Regex.Match(text.Trim(), @"^(\d+(?:\.\d+)?)\s*(s|m|h|d|w|mo)$");
            if (!match.Success)
            {
                return null;
            }

            var n = double.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            return match.Groups[2].Value switch
            {
                "s" => n / 86_400,
                "m" => n / 1_440,
                "h" => n / 24,
                "d" => n,
                "w" => n * 7,
                _ => n * 30,
            };
        }
    }
}
