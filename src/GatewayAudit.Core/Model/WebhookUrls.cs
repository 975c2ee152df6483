using System.Text.RegularExpressions;

namespace GatewayAudit.Core.Model;

/// <summary>
/// Webhook URLs are credentials by their shape, wherever they appear (alerting, callbacks, alert types, model names,
/// fallbacks, baseline fingerprints): whoever holds one can post to the channel. The scheme and host stay (the report
/// still says "Slack"), the path with its token becomes <c>/****</c>. Shapes, from the vendors' docs:
/// Slack incoming webhooks and workflow triggers (<c>https://hooks.slack.com/services/T.../B.../...</c>,
/// api.slack.com/messaging/webhooks), Discord (<c>https://discord.com/api/webhooks/ID/TOKEN</c>, discord.com/developers/docs/resources/webhook),
/// Microsoft Teams incoming webhooks (<c>https://TENANT.webhook.office.com/webhookb2/...</c>, the older
/// <c>outlook.office.com/webhook/...</c>) and Workflows/Power Automate triggers (<c>https://...logic.azure.com/workflows/...sig=...</c>),
/// and a generic one: a path segment named hook(s) or webhook(s) followed (in some later segment) by a token of 16 or more characters holding letters and digits.
/// Documentation URLs about webhooks (api.slack.com/messaging/webhooks) carry no token and stay whole.
/// </summary>
public static partial class WebhookUrls
{
    public static string Redact(string text) =>
        text.Contains("://", StringComparison.Ordinal) ? WebhookUrl().Replace(text, m => m.Groups["origin"].Value + "/****") : text;

    [GeneratedRegex("""
        (?<origin>https?://(?:
            hooks\.slack(?:-gov)?\.com(?=/)
          | (?:(?:ptb|canary)\.)?discord(?:app)?\.com(?=/api/webhooks/)
          | [A-Za-z0-9.-]*\.webhook\.office\.com(?=/)
          | outlook\.office(?:365)?\.com(?=/webhook/)
          | [A-Za-z0-9.-]+\.logic\.azure\.com(?::\d+)?(?=/workflows/)
          | [^\s/"'<>`]+(?=/(?:[^\s"'<>`/]+/)*(?:web)?hooks?/(?:[^\s"'<>`/]+/)*(?=[A-Za-z_-]*[0-9])(?=[0-9_-]*[A-Za-z])[A-Za-z0-9_-]{16})
        ))/[^\s"'<>`)\]|]+
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WebhookUrl();
}
