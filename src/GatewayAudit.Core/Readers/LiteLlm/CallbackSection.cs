using GatewayAudit.Core.Model;
using GatewayAudit.Core.Yaml;
using static GatewayAudit.Core.Readers.LiteLlm.LiteLlmConfigReader;

namespace GatewayAudit.Core.Readers.LiteLlm;

/// <summary>
/// Logging callbacks (success_callback, failure_callback, callbacks, service_callbacks, default_team_settings): who
/// receives what, with per-callback message logging, the endpoint each is pointed at, and S3 logging parameters.
/// </summary>
internal sealed class CallbackSection(LiteLlmRead read) : LiteLlmSection(read)
{
    private static readonly DataCategory[] MessagesAndMetadata = [DataCategory.Prompt, DataCategory.Completion, DataCategory.Metadata, DataCategory.Usage];
    private static readonly DataCategory[] MetadataOnly = [DataCategory.Metadata, DataCategory.Usage];

    // A failure callback is called only for failed requests: it gets the request (messages, metadata) and the
    // error, never a completion, and a failed call has no token usage (LiteLLM's StandardLoggingPayload with
    // status "failure"; the Sentry integration is documented as failure_callback for exceptions).
    private static readonly DataCategory[] FailedRequest = [DataCategory.Prompt, DataCategory.Metadata];
    private static readonly DataCategory[] FailedRequestMetadata = [DataCategory.Metadata];

    // The callback lists of litellm_settings with their paths, made once rather than for every config.
    private static readonly (string Key, string Path)[] CallbackLists =
        [.. new[] { "success_callback", "failure_callback", "callbacks" }.Select(k => (k, $"litellm_settings.{k}"))];

    public override void Read()
    {
        ReadCallbacks();
        ReadTeamCallbacks();
        NoteFailureOnlyCallbacks();
    }

    private void ReadCallbacks()
    {
        var messageLogging = Values.Bool(LiteLlm, "turn_off_message_logging", "litellm_settings.turn_off_message_logging") != true;
        var perCallback = Values.Mapping(Root, "callback_settings", "callback_settings");
        if (LiteLlm.KeyNode("callback_settings") is { } misplaced && MisplacedSettings(LiteLlm["callback_settings"]!) is { } ignored)
        {
            // LiteLLM reads callback_settings only at the top level: a per-callback message_logging: false here
            // does not take effect, so prompts still reach that callback. An empty block sets nothing: no warning.
            Values.Warning("litellm-misplaced-setting",
                $"'callback_settings' belongs at the top level of the config; LiteLLM ignores it inside litellm_settings, so {ignored}", misplaced);
        }

        foreach (var (key, path) in CallbackLists)
        {
            foreach (var name in Values.Names(LiteLlm, key, path))
            {
                var logging = messageLogging;
                if (perCallback?[name.Value] is YamlMapping settings
                    && Values.Bool(settings, "message_logging", $"callback_settings.{name.Value}.message_logging") is { } own)
                {
                    logging = own;
                }

                AddCallback(name, key, logging, metadataOnly: false);
            }
        }

        foreach (var name in Values.Names(LiteLlm, "service_callback", "litellm_settings.service_callback")
                     .Concat(Values.Names(LiteLlm, "service_callbacks", "litellm_settings.service_callbacks")))
        {
            AddCallback(name, "service_callback", messageLogging: false, metadataOnly: true);
        }

        if (Values.Mapping(LiteLlm, "s3_callback_params", "litellm_settings.s3_callback_params") is { } s3 && Model.Find("exporter:aws-s3") is { } bucket)
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
        // A loop over the flows, not two filters and their closures per config.
        foreach (var flow in Model.Flows)
        {
            if (flow.From != GatewayId || flow.Attributes["kind"] as string != "logging")
            {
                continue;
            }

            if (State.TryGetList((flow.Attributes, "settings"), out var settings) && FailureOnly(settings))
            {
                Model.Find(flow.To)!.Notes.Add(
                    "Named only in failure_callback: it receives failed requests (the prompt, metadata and the error), not completions.");
            }
        }
    }

    private static bool FailureOnly(SortedArraySet<string> settings)
    {
        foreach (var setting in settings)
        {
            if (!setting.EndsWith("failure_callback", StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private Component? AddCallback(YamlScalar name, string setting, bool messageLogging, bool metadataOnly, string? team = null)
    {
        // A callback "name" that is a URL with a password (a misplaced connection string) becomes ids and messages:
        // the password is recorded as a secret and never carried into them.
        var text = Values.CheckUrlPassword("litellm_settings.callbacks", name, name.Value.Trim());
        var at = Values.At(name);
        if (LiteLlmCallbacks.InProcess.TryGetValue(text, out var inProcess))
        {
            NoteInProcess(text, inProcess, name);
            return null;
        }

        if (LiteLlmGuardrails.CallbackNames.Contains(text))
        {
            // The older way to switch on a guardrail (callbacks: [presidio]); parameters come from the environment.
            new GuardrailSection(State).AddGuardrail(name, null, $"litellm_settings.{setting}");
            return null;
        }

        LiteLlmCallbacks.ByName.TryGetValue(text, out var info);
        if (info is null && text.Contains('.', StringComparison.Ordinal))
        {
            // module.instance: the operator's own CustomLogger, imported by LiteLLM's get_instance_fn (proxy_server.py).
            return ConnectCallback(AddOperatorCode(text, "Custom callback", name), setting, messageLogging, metadataOnly, true, team, at);
        }

        if (info is null)
        {
            Values.Warning("litellm-unknown-callback",
                $"callback '{ConfigValues.Shown(text)}' is not in gateway-audit's table; it is listed as an exporter of unknown hosting that receives prompts", name);
            info = new LiteLlmCallbacks.CallbackInfo(null, $"Callback '{text}'", ComponentRole.Exporter, Hosting.Unknown, true);
            Model.OpenQuestions.Add(new OpenQuestion(info.Name, "Where does this callback send the request data, and how long is it kept there?", at));
        }

        var component = Model.Add(new Component
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

        ReadCallbackEndpoint(component, text);
        if (info.Hosting == Hosting.Unknown && info.Vendor is null)
        {
            Model.OpenQuestions.Add(new OpenQuestion(info.Name, "Who runs the endpoint this exporter sends to, and where?", at)
                { About = component.Id, OpenWhile = OpenWhile.HostingUnknown });
        }

        return ConnectCallback(component, setting, messageLogging, metadataOnly, info.CarriesMessages, team, at);
    }

    private Component ConnectCallback(Component component, string setting, bool messageLogging, bool metadataOnly, bool carriesMessagesByKind, string? team, SourceLocation at)
    {
        var carriesMessages = carriesMessagesByKind && !metadataOnly;
        var failuresOnly = setting == "failure_callback";
        var categories = (carriesMessages && messageLogging, failuresOnly) switch
        {
            (true, false) => MessagesAndMetadata,
            (false, false) => MetadataOnly,
            (true, true) => FailedRequest,
            (false, true) => FailedRequestMetadata,
        };

        // Categories add up per destination: a callback in both success_callback and failure_callback gets both.
        var flow = Model.Connect(GatewayId, component.Id, categories, at);
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
    /// An exporter's endpoint set in the stack's environment (LANGFUSE_HOST, OTEL_ENDPOINT, ...) says who runs it: a
    /// private host is the operator's own (a self-hosted Langfuse keeps traces on your servers), a public one is
    /// matched to a vendor by the catalog. When none of the variables is set anywhere the scan looked, LiteLLM's
    /// documented default applies (Langfuse Cloud). A variable set to an unresolved reference leaves it unknown.
    /// </summary>
    private void ReadCallbackEndpoint(Component component, string callback)
    {
        if (!LiteLlmCallbacks.EndpointVariables.TryGetValue(callback, out var names))
        {
            return;
        }

        var variable = names.Select(n => Values.Environment.GetValueOrDefault(n)).FirstOrDefault(v => v is not null);
        if (variable is null && names.FirstOrDefault(Values.SetAtDeploy.ContainsKey) is { } deployed)
        {
            // The proxy is given the variable, but its value comes at deploy time: LiteLLM's default does not apply,
            // and who runs the endpoint is not in the files.
            var named = Values.SetAtDeploy[deployed];
            component.Hosting = Hosting.Unknown;
            component.Evidence.Add(named);
            component.Notes.Add($"{deployed} is given to the proxy at {named}, with a value set at deploy time: where {component.Name} runs is not in the files.");
            Model.OpenQuestions.Add(new OpenQuestion(component.Name, $"Where does {deployed} point, and who runs that endpoint? The proxy is given it at deploy time ({named}).", named)
                { About = component.Id, OpenWhile = OpenWhile.HostingUnknown });
            return;
        }

        string url;
        SourceLocation at;
        var isDefault = variable is null;
        if (variable is not null)
        {
            if (ConfigValues.IsReference(variable.Value))
            {
                return;
            }

            (url, at) = (variable.Value, Values.At(variable));
        }
        else if (LiteLlmCallbacks.DefaultEndpoints.TryGetValue(callback, out var fallback))
        {
            (url, at) = (fallback.Url, component.Evidence.Min!);
            component.Attributes.Set("endpointDefault", true);
            component.Notes.Add($"{string.Join(" / ", names)} not set in the files read: LiteLLM then sends to {fallback.Url} (its default, {fallback.Source}).");
        }
        else
        {
            return;
        }

        if (HostClassifier.HostOf(url.Contains("://", StringComparison.Ordinal) ? url : "https://" + url) is not { } host)
        {
            return;
        }

        component.Attributes.Set("host", host);
        component.Evidence.Add(at);
        if (HostClassifier.IsOperatorNetwork(host))
        {
            component.Hosting = Hosting.OperatorHosted;
            // A callback named in several lists (success and failure) is read once per list: name it once.
            if (!component.Name.EndsWith($" (self-hosted at {host})", StringComparison.Ordinal))
            {
                component.Name += $" (self-hosted at {host})";
            }

            return;
        }

        // Public host: who runs it is the catalog's call (CatalogEnrichment), except LiteLLM's own default, which is
        // the vendor's service by definition. The region is the host's if it names one.
        if (!isDefault)
        {
            component.Hosting = Hosting.Unknown;
        }

        HostClassifier.SetRegionFromHost(component, host, at);
    }

    private void ReadTeamCallbacks()
    {
        if (Values.Sequence(LiteLlm, "default_team_settings", "litellm_settings.default_team_settings") is not { } teams)
        {
            return;
        }

        var messageLogging = Values.Bool(LiteLlm, "turn_off_message_logging", "litellm_settings.turn_off_message_logging") != true;
        for (var i = 0; i < teams.Items.Count; i++)
        {
            var path = $"litellm_settings.default_team_settings[{i}]";
            if (teams.Items[i] is not YamlMapping team)
            {
                Values.Error("wrong-type", $"'{path}' must be a mapping, not {teams.Items[i].KindText}", teams.Items[i]);
                continue;
            }

            var teamId = (team["team_id"] as YamlScalar)?.Value ?? i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Values.CheckSecretKeys(team, path);

            foreach (var key in new[] { "success_callback", "failure_callback", "callbacks" })
            {
                foreach (var name in Values.Names(team, key, $"{path}.{key}"))
                {
                    AddCallback(name, key, messageLogging, metadataOnly: false, team: teamId);
                }
            }
        }
    }
}
