using GatewayAudit.Core.Model;
using GatewayAudit.Core.Yaml;
using static GatewayAudit.Core.Readers.LiteLlm.LiteLlmConfigReader;

namespace GatewayAudit.Core.Readers.LiteLlm;

/// <summary>Alerting (general_settings.alerting, alert_types, alert_to_webhook_url): where alerts go and what they carry.</summary>
internal sealed class AlertingSection(LiteLlmRead read) : LiteLlmSection(read)
{
    public override void Read() => ReadAlerting();

    private void ReadAlerting()
    {
        // Most configs list none: then no query of four enumerators.
        var typeNames = Values.Names(General, "alert_types", "general_settings.alert_types");
        IReadOnlyList<string> alertTypes = typeNames.Count == 0 ? Array.Empty<string>() : typeNames.Select(t => t.Value.Trim()).Distinct().Order(StringComparer.Ordinal).ToList();
        foreach (var name in Values.Names(General, "alerting", "general_settings.alerting"))
        {
            // An unknown alerting name is shown as written, so a password in a URL there is recorded and hidden first
            // (property test seed 5NkYtVAAn1z1 put postgres://u:PASSWORD@host in general_settings.alerting).
            var text = Values.CheckUrlPassword("general_settings.alerting", name, name.Value.Trim());
            var (id, display, vendor) = text switch
            {
                "slack" => ("alerting:slack", "Slack", "slack"),
                "email" => ("alerting:email", "Email alerts (SMTP or email API from environment)", null),
                "pagerduty" => ("alerting:pagerduty", "PagerDuty", "pagerduty"),
                "webhook" => ("alerting:webhook", "Alert webhook", (string?)null),
                _ => ($"alerting:{text}", $"Alerting '{text}'", null),
            };
            var alert = Model.Add(new Component
            {
                Id = id,
                Name = display,
                Role = ComponentRole.Alerting,
                Vendor = vendor,
                Hosting = vendor is null ? Hosting.Unknown : Hosting.ThirdParty,
                Evidence = { Values.At(name) },
            });
            if (alertTypes.Count > 0)
            {
                // Absent means LiteLLM's default: every alert type.
                alert.Attributes.Set("alertTypes", alertTypes);
            }

            Model.Connect(GatewayId, alert.Id, [DataCategory.Metadata], Values.At(name)).Attributes.Set("kind", "alerting");
            // With alert_types set the config answers which alerts go out; only their content stays open.
            Model.OpenQuestions.Add(new OpenQuestion(display,
                alertTypes.Count > 0
                    ? $"Can the alerts sent ({string.Join(", ", alertTypes)}) carry request content (error messages, model responses)? The config does not show what an alert contains."
                    : "Which alert types are enabled, and can alert text carry request content (error messages, model responses)? The config does not show what an alert contains.",
                Values.At(name)));
        }

        // What each alerting target is sent, in words the findings can quote: the configured alert_types, or
        // LiteLLM's default when alert_types is absent (every alert type). Alerting named as a callback gets it too.
        foreach (var alerting in Model.Components)
        {
            if (alerting.Role != ComponentRole.Alerting)
            {
                continue;
            }

            alerting.Attributes.Set("alertsSent", alerting.Attributes["alertTypes"] is string[] { Length: > 0 } types
                ? $"alert_types: {string.Join(", ", types)}"
                : "every alert type, since alert_types is not set");
        }

        if (Values.Mapping(General, "alert_to_webhook_url", "general_settings.alert_to_webhook_url") is { } hooks)
        {
            foreach (var (alertType, value) in hooks.Entries)
            {
                // One webhook URL per alert type, or a list of them.
                var path = $"general_settings.alert_to_webhook_url.{alertType.Value}";
                var urls = value is YamlSequence list
                    ? list.Items.Select((item, i) => Values.CheckText(item, $"{path}[{i}]", "text (a URL, or os.environ/NAME)")).ToList()
                    : [Values.CheckText(value, path, "text (a URL, or os.environ/NAME)" + " or a list of them")];
                foreach (var hook in urls)
                {
                    if (hook is not null && Values.Resolve(hook).Value is { } url && url.Contains("hooks.slack.com", StringComparison.Ordinal))
                    {
                        // A Slack webhook URL is itself a credential: anyone holding it can post to the channel.
                        Values.CheckSecret(path, hook);
                    }
                }
            }
        }
    }
}
