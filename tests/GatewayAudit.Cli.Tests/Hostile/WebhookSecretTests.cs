namespace GatewayAudit.Cli.Tests.Hostile;

/// <summary>A webhook URL is a secret in every slot a config can hold it, in every format and in a written baseline.</summary>
public sealed class WebhookSecretTests : IDisposable
{
    private const string Token = "q1w2e3r4t5y6u7i8o9p0asdf";
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private const string Config = $"""
        model_list:
          - model_name: "https://hooks.slack.com/services/T0A1B2C3D/B0E4F5G6H/{Token}"
            litellm_params:
              model: openai/gpt-4o
              api_key: os.environ/OPENAI_API_KEY
        litellm_settings:
          success_callback: ["https://discord.com/api/webhooks/112233445566778899/{Token}"]
          fallbacks: [{"{"}"https://hooks.slack.com/services/T0A1B2C3D/B0E4F5G6H/{Token}": ["gpt"]{"}"}]
        general_settings:
          alerting: [slack]
          alert_types: ["https://acme.webhook.office.com/webhookb2/{Token}"]
          alert_to_webhook_url:
            budget_alerts: "https://hooks.slack.com/services/T0A1B2C3D/B0E4F5G6H/{Token}"
        """;

    [Theory]
    [InlineData("md")]
    [InlineData("json")]
    [InlineData("html")]
    [InlineData("sarif")]
    public void Webhook_urls_never_reach_any_output(string format)
    {
        _dir.Write("config.yaml", Config);
        var run = CliRunner.Run(_dir.Path, "scan", "config.yaml", "--format", format).AssertNoStackTrace();
        Assert.True(run.Exit is 0 or 1, run.Stderr);
        Assert.DoesNotContain(Token, run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, run.Stderr, StringComparison.Ordinal);
        Assert.NotEqual("", run.Stdout);
    }

    [Fact]
    public void Webhook_urls_never_reach_a_baseline()
    {
        _dir.Write("config.yaml", Config);
        var run = CliRunner.Run(_dir.Path, "baseline", "write", "config.yaml", "--reason", "accepted", "--output", "baseline.yaml").AssertNoStackTrace();
        Assert.DoesNotContain(Token, run.Stderr, StringComparison.Ordinal);
        if (File.Exists(Path.Combine(_dir.Path, "baseline.yaml")))
        {
            Assert.DoesNotContain(Token, File.ReadAllText(Path.Combine(_dir.Path, "baseline.yaml")), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("*")]
    [InlineData("&")]
    [InlineData("!")]
    [InlineData("@")]
    [InlineData("%")]
    [InlineData("`")]
    public void A_value_beginning_with_a_yaml_indicator_is_never_echoed_in_a_parse_error(string indicator)
    {
        _dir.Write("config.yaml", $"model_list:\n  - model_name: gpt\n    litellm_params:\n      model: openai/gpt-4o\n      api_key: {indicator}Zx81kQm3VwT9pLr2Nd7s\n");
        var run = CliRunner.Run(_dir.Path, "scan", "config.yaml", "--format", "json").AssertNoStackTrace();
        Assert.DoesNotContain("Zx81kQm3VwT9pLr2Nd7s", run.Stdout + run.Stderr, StringComparison.Ordinal);
    }
}
