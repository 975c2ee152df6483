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

        foreach (var key in new[] { "success_callback", "failure_callback", "callbacks" })
        {
            foreach (var name in Values.Names(LiteLlm, key, $"litellm_settings.{key}"))
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
        foreach (var flow in Model.FlowsOutOf(GatewayId).Where(f => f.Attributes["kind"] as string == "logging"))
        {
            if (State.TryGetList((flow.Attributes, "settings"), out var settings)
                && settings.All(s => s.EndsWith("failure_callback", StringComparison.Ordinal)))
            {
                Model.Find(flow.To)!.Notes.Add(
                    "Named only in failure_callback: it receives failed requests (the prompt, metadata and the error), not completions.");
            }
        }
    }

    private Component AddCallback(YamlScalar name, string setting, bool messageLogging, bool metadataOnly, string? team = null)
    {
        var text = name.Value.Trim();
        var at = Values.At(name);
        LiteLlmCallbacks.ByName.TryGetValue(text, out var info);
        if (info is null)
        {
            var custom = text.Contains('.', StringComparison.Ordinal);
            if (!custom)
            {
                Values.Warning("litellm-unknown-callback",
                    $"callback '{text}' is not in gateway-audit's table; it is listed as an exporter of unknown hosting that receives prompts", name);
            }

            info = new LiteLlmCallbacks.CallbackInfo(null, custom ? $"Custom callback {text}" : $"Callback '{text}'", ComponentRole.Exporter, Hosting.Unknown, true,
                custom ? "custom Python callback: where it sends data is decided by its code, not by the config" : null);
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

        var endpointKnown = ReadCallbackEndpoint(component, text);
        if (info.Hosting == Hosting.Unknown && info.Vendor is null && !endpointKnown)
        {
            Model.OpenQuestions.Add(new OpenQuestion(info.Name, "Who runs the endpoint this exporter sends to, and where?", at));
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
    /// An exporter's endpoint set in the file's environment_variables (LANGFUSE_HOST, OTEL_ENDPOINT, ...) says who
    /// runs it: a private host is the operator's own (a self-hosted Langfuse keeps traces on your servers), a
    /// public one is matched to a vendor by the catalog. Returns true when the endpoint was found.
    /// </summary>
    private bool ReadCallbackEndpoint(Component component, string callback)
    {
        if (!LiteLlmCallbacks.EndpointVariables.TryGetValue(callback, out var names)
            || names.Select(n => Values.Environment.GetValueOrDefault(n)).FirstOrDefault(v => v is not null) is not { } variable
            || ConfigValues.IsReference(variable.Value)
            || HostClassifier.HostOf(variable.Value.Contains("://", StringComparison.Ordinal) ? variable.Value : "https://" + variable.Value) is not { } host)
        {
            return false;
        }

        component.Attributes.Set("host", host);
        component.Evidence.Add(Values.At(variable));
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
            component.Region = new Sourced<string>(region, Values.At(variable));
        }

        return true;
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
