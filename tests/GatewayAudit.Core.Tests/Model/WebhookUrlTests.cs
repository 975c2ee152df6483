using GatewayAudit.Core.Model;

namespace GatewayAudit.Core.Tests.Model;

/// <summary>Webhook URLs are secrets by their shape, wherever a text carries them; documentation URLs stay whole.</summary>
public sealed class WebhookUrlTests
{
    [Theory]
    [InlineData("alerting to https://hooks.slack.com/services/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", "https://hooks.slack.com/****", "q1w2e3r4")]
    [InlineData("model: https://discord.com/api/webhooks/112233445566778899/AbCdEf-123_xyz", "https://discord.com/****", "AbCdEf")]
    [InlineData("\"https://acme.webhook.office.com/webhookb2/0f1e2d3c-aaaa@bbbb/IncomingWebhook/abc123/def456\"", "\"https://acme.webhook.office.com/****\"", "IncomingWebhook")]
    [InlineData("https://prod-12.westeurope.logic.azure.com:443/workflows/9a8b7c/triggers/manual/paths/invoke?api-version=1&sig=Zx81kQm3VwT9", "https://prod-12.westeurope.logic.azure.com:443/****", "sig=")]
    [InlineData("fallback https://alerts.example.org/api/webhooks/aZ3kQm8VwT9pLr2Nd7sH done", "https://alerts.example.org/**** done", "aZ3kQm8V")]
    [InlineData("callbacks: [https://ops.acme.test/hooks/incoming/7Hq2Lm9Xw4Rt6Yp1Zs]", "https://ops.acme.test/****]", "7Hq2Lm9X")]
    public void A_webhook_url_is_redacted_to_its_host(string text, string expected, string secretPart)
    {
        var scrubbed = new SecretLedger().Scrub(text);
        Assert.Contains(expected, scrubbed, StringComparison.Ordinal);
        Assert.DoesNotContain(secretPart, scrubbed, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://api.slack.com/messaging/webhooks")]
    [InlineData("https://docs.litellm.ai/docs/proxy/alerting#webhook")]
    [InlineData("https://docs.example.com/webhooks/configuring-webhook-alerts")]
    [InlineData("https://discord.com/developers/docs/resources/webhook")]
    public void A_documentation_url_about_webhooks_stays_whole(string url) =>
        Assert.Equal(url, new SecretLedger().Scrub(url));
}
