using GatewayAudit.Core.Model;
using GatewayAudit.Core.Yaml;
using static GatewayAudit.Core.Readers.LiteLlm.LiteLlmConfigReader;

namespace GatewayAudit.Core.Readers.LiteLlm;

/// <summary>
/// The proxy itself and what wires it to the world outside the model, callback and storage sections: the top-level
/// sections (unknown ones are errors), environment_variables, the proxy, its clients and host, the master key,
/// key management, pass-through endpoints and the header and availability switches.
/// </summary>
internal sealed class GeneralWiringSection(LiteLlmRead read) : LiteLlmSection(read)
{
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
        "fallbacks", "context_window_fallbacks", "content_policy_fallbacks", "set_verbose", "json_logs", "callback_settings", "custom_provider_map",
    ];

    private static readonly string[] GeneralSettingsRead =
    [
        "master_key", "database_url", "disable_spend_logs", "store_prompts_in_spend_logs", "maximum_spend_logs_retention_period",
        "store_model_in_db", "alerting", "alert_to_webhook_url", "alert_types", "key_management_system", "key_management_settings", "pass_through_endpoints",
        "forward_client_headers_to_llm_api", "allow_requests_on_db_unavailable",
    ];

    private static readonly string[] RouterSettingsRead =
    [
        "redis_host", "redis_port", "redis_password", "redis_url", "fallbacks", "context_window_fallbacks", "content_policy_fallbacks",
        "routing_strategy",
    ];

    // Switches read as attributes of the same name in camel case, named once rather than for every config.
    private static readonly (string Key, string Attribute)[] RedactionSwitches =
        [.. new[] { "turn_off_message_logging", "redact_user_api_key_info", "redact_messages_in_exceptions" }.Select(k => (k, Camel(k)))];

    private static readonly (string Key, string Attribute)[] ProxySwitches =
        [.. new[] { "forward_client_headers_to_llm_api", "allow_requests_on_db_unavailable" }.Select(k => (k, Camel(k)))];

    /// <summary>Runs first: checks the sections, reads environment_variables, and adds the proxy, its clients and host.</summary>
    public void ReadCore()
    {
        CheckSections();
        ReadEnvironment();
        AddCore();
    }

    /// <summary>Runs last: key management, pass-through endpoints and the proxy's switches.</summary>
    public override void Read() => ReadGeneralWiring();

    private void CheckSections()
    {
        foreach (var (key, _) in Root.Entries)
        {
            if (!KnownSections.Contains(key.Value) && !key.Value.StartsWith("x-", StringComparison.Ordinal))
            {
                // LiteLLM ignores a section it does not know, so the config is valid; but it may be read by the team's
                // own code (a custom callback, a wrapper), which this scan cannot see: a warning and an open question,
                // not a rejected scan.
                var meant = KnownSections.Where(k => EditDistance(k, key.Value, 2) <= 2).Order(StringComparer.Ordinal).FirstOrDefault();
                Values.Warning("litellm-unknown-section", meant is not null
                    ? $"unknown top-level section '{ConfigValues.Shown(key.Value)}'; did you mean '{meant}'? LiteLLM ignores it, so none of its settings are in force"
                    : $"unknown top-level section '{ConfigValues.Shown(key.Value)}', which LiteLLM ignores; known sections are {string.Join(", ", KnownSections.Order(StringComparer.Ordinal))} (prefix anchor-only blocks with 'x-')",
                    key);
                Model.OpenQuestions.Add(new OpenQuestion("LiteLLM config",
                    $"The config has a section '{ConfigValues.Shown(key.Value)}' that LiteLLM itself does not read: does code of yours (a custom callback, a wrapper script) read it and send data anywhere?", Values.At(key)));
            }
        }

        CheckNearMisses(LiteLlm, "litellm_settings", LiteLlmSettingsRead);
        CheckNearMisses(General, "general_settings", GeneralSettingsRead);
        CheckNearMisses(Router, "router_settings", RouterSettingsRead);

        // The stack assembly follows include: and hands this reader the merged tree; here only its shape is checked.
        if (Root["include"] is { } include && include is not YamlSequence && include is not YamlScalar { IsNull: false })
        {
            Values.Error("wrong-type", $"'include' must be a file name or a list of file names, not {include.KindText}", include);
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

            // The nearest known setting, the first in ordinal order among equally near ones.
            string? meant = null;
            var nearest = int.MaxValue;
            foreach (var k in known)
            {
                if (Math.Abs(k.Length - key.Value.Length) <= 2 && EditDistance(k, key.Value, 2) is var distance and <= 2
                    && (distance < nearest || (distance == nearest && string.CompareOrdinal(k, meant) < 0)))
                {
                    (meant, nearest) = (k, distance);
                }
            }

            if (meant is not null)
            {
                Values.Warning("litellm-unknown-key",
                    $"'{path}.{ConfigValues.Shown(key.Value)}' is not a LiteLLM setting; did you mean '{meant}'? LiteLLM ignores it, so '{meant}' is not in force", key);
            }
        }
    }

    /// <summary>
    /// The edit distance when it is at most <paramref name="most"/>, else <paramref name="most"/> + 1: a row's smallest
    /// entry never shrinks further down the table, so once it passes the bound the rest is not worked out (most keys
    /// differ from a known setting in their first letters; every unknown key of every config is checked against each).
    /// </summary>
    internal static int EditDistance(string a, string b, int most)
    {
        // Two rows of the table; keys are short, so on the stack (one check per unknown key of every config).
        var previous = b.Length < 128 ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
        var current = b.Length < 128 ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var least = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                least = Math.Min(least, current[j]);
            }

            if (least > most)
            {
                return most + 1;
            }

            var done = previous;
            previous = current;
            current = done;
        }

        return Math.Min(previous[b.Length], most + 1);
    }

    private void ReadEnvironment()
    {
        if (Values.Mapping(Root, "environment_variables", "environment_variables") is not { } env)
        {
            return;
        }

        foreach (var (key, value) in env.Entries)
        {
            if (value is not YamlScalar scalar)
            {
                Values.Error("wrong-type", $"'environment_variables.{key.Value}' must be a single value, not {value.KindText}", value);
                continue;
            }

            Values.Environment[key.Value] = scalar;
            if (ConfigValues.IsSecretVariable(key.Value))
            {
                Values.CheckSecret($"environment_variables.{key.Value}", scalar);
            }
            else if (key.Value.EndsWith("_URL", StringComparison.Ordinal) || key.Value.EndsWith("_URI", StringComparison.Ordinal))
            {
                Values.CheckUrlPassword($"environment_variables.{key.Value}", scalar, scalar.Value);
            }
        }
    }

    private void AddCore()
    {
        var at = Values.At(Root);
        State.Gateway = Model.Add(new Component
        {
            Id = GatewayId,
            Name = "LiteLLM proxy",
            Role = ComponentRole.Gateway,
            Vendor = "litellm",
            Hosting = Hosting.OperatorHosted,
            Evidence = { at },
            Notes = { "Receives every prompt and completion in memory and forwards them to everything below." },
        });
        Model.Add(new Component { Id = AppId, Name = "Client applications", Role = ComponentRole.App, Hosting = Hosting.OperatorHosted });
        Model.Connect(AppId, GatewayId, [DataCategory.Prompt, DataCategory.Credentials], at);

        var host = Model.Add(new Component
        {
            Id = HostId,
            Name = "Proxy host (process memory and logs)",
            Role = ComponentRole.Host,
            // The operator runs the proxy, so the machine or account it runs on is the operator's; which cloud or
            // data centre provides it (itself then a sub-processor) is the open question below.
            Hosting = Hosting.OperatorHosted,
            Evidence = { at },
            Notes = { "Where the proxy runs and where its stdout logs go is not in the config." },
        });
        var hostFlow = Model.Connect(GatewayId, HostId, [DataCategory.Prompt, DataCategory.Completion, DataCategory.Metadata], at);
        foreach (var key in (ReadOnlySpan<string>)["set_verbose", "json_logs"])
        {
            if (Values.BoolUnder(LiteLlm, key, "litellm_settings") is { } on)
            {
                host.Attributes.Set(key == "set_verbose" ? "verboseLogging" : "jsonLogs", on, Values.At(LiteLlm.KeyNode(key)!));
                hostFlow.Evidence.Add(Values.At(LiteLlm.KeyNode(key)!));
            }
        }

        Model.OpenQuestions.Add(new OpenQuestion("Proxy host",
            "Where does the LiteLLM proxy run (cloud account, region), and where are its logs shipped and for how long are they kept?", at));

        ReadMasterKey();
        foreach (var (key, attribute) in RedactionSwitches)
        {
            if (Values.BoolUnder(LiteLlm, key, "litellm_settings") is { } on)
            {
                var set = Values.At(LiteLlm.KeyNode(key)!);
                Gateway.Attributes.Set(attribute, on, set);
                Gateway.Evidence.Add(set);
            }
        }
    }

    private void ReadMasterKey()
    {
        var key = Values.Text(General, "master_key", "general_settings.master_key", "text (the key, or os.environ/NAME)");
        if (key is null)
        {
            Gateway.Attributes.Set("masterKey", "not-in-config");
            Model.OpenQuestions.Add(new OpenQuestion("LiteLLM proxy",
                "general_settings.master_key is not set in the config; is LITELLM_MASTER_KEY set in the proxy's environment?", Values.At(Root))
            {
                About = LiteLlmConfigReader.GatewayId,
                OpenWhile = OpenWhile.MasterKeyUnknown,
            });
            return;
        }

        Gateway.Evidence.Add(Values.At(key));
        Gateway.Attributes.Set("masterKey", Values.CheckSecret("general_settings.master_key", key) ? "literal" : "reference", Values.At(key));
    }

    private void ReadGeneralWiring()
    {
        foreach (var (key, attribute) in ProxySwitches)
        {
            if (Values.BoolUnder(General, key, "general_settings") is { } on)
            {
                Gateway.Attributes.Set(attribute, on, Values.At(General.KeyNode(key)!));
            }
        }

        ReadSecretManager();
        ReadCustomProviders();

        if (Values.Sequence(General, "pass_through_endpoints", "general_settings.pass_through_endpoints") is { } passThrough)
        {
            for (var i = 0; i < passThrough.Items.Count; i++)
            {
                var itemPath = $"general_settings.pass_through_endpoints[{i}]";
                if (passThrough.Items[i] is not YamlMapping item)
                {
                    Values.Error("wrong-type", $"'{itemPath}' must be a mapping with path and target, not {passThrough.Items[i].KindText}", passThrough.Items[i]);
                    continue;
                }

                if (Values.Text(item, "target", $"{itemPath}.target", "text (a URL, or os.environ/NAME)") is not { } target
                    || HostClassifier.HostOf(Values.Resolve(target).Value) is not { } host)
                {
                    continue;
                }

                var component = Model.Add(new Component
                {
                    Id = $"provider:host:{host}",
                    Name = $"Pass-through target {host}",
                    Role = ComponentRole.ModelProvider,
                    Hosting = HostClassifier.IsOperatorNetwork(host) ? Hosting.OperatorHosted : Hosting.Unknown,
                    Evidence = { Values.At(target) },
                });
                component.Attributes.Set("host", host);
                PassThroughPurpose(component, item, host);
                Model.Connect(GatewayId, component.Id, [DataCategory.Prompt, DataCategory.Completion, DataCategory.Metadata, DataCategory.Credentials], Values.At(target))
                    .Attributes.Set("kind", "pass-through");
            }
        }
    }

    /// <summary>
    /// What a pass-through target is: not a model the config routes to, but any service that receives the requests the
    /// proxy forwards on a path, as the caller sent them ("Create Pass Through Endpoints": requests to the path are
    /// forwarded to the target URL, https://docs.litellm.ai/docs/proxy/pass_through; "no translation is done",
    /// https://docs.litellm.ai/docs/pass_through/intro; read 2026-12-01). The annex says so rather than "LLM inference".
    /// </summary>
    private void PassThroughPurpose(Component component, YamlMapping item, string host)
    {
        var paths = (component.Attributes["passThroughPaths"] as string[] ?? [])
            .Concat((item["path"] as YamlScalar)?.Value is { Length: > 0 } path ? [path] : []).Distinct(StringComparer.Ordinal).ToArray();
        component.Attributes.Set("passThroughPaths", paths);
        var from = paths.Length == 0 ? "a path of the proxy" : string.Join(", ", paths);
        component.Attributes.Set("purpose", $"pass-through target of the proxy: receives the requests sent to {from}, forwarded as the caller sent them");
        component.Notes.Add($"A pass-through target, not a model provider the config routes to: the proxy forwards the requests it receives on {from} to {host} as they were sent (LiteLLM pass_through_endpoints); what it does with them and keeps is up to that service"
            + (component.Hosting == Hosting.OperatorHosted ? ", which runs on the operator's own network." : "."));
    }

    private void ReadSecretManager()
    {
        if (Values.Text(General, "key_management_system", "general_settings.key_management_system", "text (google_kms, azure_key_vault, aws_secret_manager, ...)") is not { } kms)
        {
            return;
        }

        var name = kms.Value.Trim();
        if (!LiteLlmDatastores.SecretManagers.TryGetValue(name, out var manager))
        {
            Values.Warning("litellm-unknown-secret-manager",
                $"key_management_system '{ConfigValues.Shown(name)}' is not one LiteLLM defines (KeyManagementSystem); listed with unknown hosting", kms);
            manager = new LiteLlmDatastores.SecretManager($"Key management '{name}'", Hosting.Unknown);
        }

        if (manager is null && name == "local")
        {
            NoteInProcess(name, "secrets read from the proxy's own environment (key_management_system: local)", kms);
            return;
        }

        Component store;
        if (manager is null)
        {
            // custom: the class named in key_management_settings.custom_secret_manager (module.Class).
            var settings = Values.Mapping(General, "key_management_settings", "general_settings.key_management_settings");
            var reference = settings is null ? null : Values.Text(settings, "custom_secret_manager", "general_settings.key_management_settings.custom_secret_manager", "text (module.Class)");
            store = AddOperatorCode(reference?.Value.Trim() ?? "(custom_secret_manager not set)", "Custom secret manager", reference ?? kms);
        }
        else
        {
            store = Model.Add(new Component
            {
                Id = "datastore:key-management",
                Name = manager.Name,
                Role = ComponentRole.Datastore,
                Hosting = manager.Hosting,
                Evidence = { Values.At(kms) },
                Notes = { "Holds provider and proxy credentials; sees no prompts." },
            });
        }

        Model.Connect(GatewayId, store.Id, [DataCategory.Credentials], Values.At(kms)).Attributes.Set("kind", "secrets");
    }

    /// <summary>
    /// litellm_settings.custom_provider_map: each handler (module.instance) is the operator's own code that serves
    /// the models routed to its provider name (proxy_server.py, custom_provider_map → get_instance_fn).
    /// </summary>
    private void ReadCustomProviders()
    {
        if (Values.Sequence(LiteLlm, "custom_provider_map", "litellm_settings.custom_provider_map") is not { } providers)
        {
            return;
        }

        for (var i = 0; i < providers.Items.Count; i++)
        {
            var path = $"litellm_settings.custom_provider_map[{i}]";
            if (providers.Items[i] is not YamlMapping item
                || Values.Text(item, "custom_handler", $"{path}.custom_handler", "text (module.instance)") is not { } handler)
            {
                Values.Error("wrong-type", $"'{path}' must be a mapping with provider and custom_handler", providers.Items[i]);
                continue;
            }

            var provider = (item["provider"] as YamlScalar)?.Value;
            var code = AddOperatorCode(handler.Value.Trim(), "Custom provider handler", handler);
            if (provider is not null)
            {
                code.Attributes.Set("provider", provider);
                code.Notes.Add($"Serves the models whose provider prefix is '{ConfigValues.Shown(provider)}'.");
            }

            Model.Connect(GatewayId, code.Id, [DataCategory.Prompt, DataCategory.Completion, DataCategory.Metadata, DataCategory.Credentials], Values.At(handler))
                .Attributes.Set("kind", "operator-code");
        }
    }
}
