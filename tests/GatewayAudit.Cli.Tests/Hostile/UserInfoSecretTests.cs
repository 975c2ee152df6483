namespace GatewayAudit.Cli.Tests.Hostile;

/// <summary>
/// A password written into a model string (<c>openai/gpt-4o@user:pass</c>) or a URL with credentials in any field
/// never reaches any output, however short; nor does a credential pasted as a key of a settings file.
/// </summary>
public sealed class UserInfoSecretTests : IDisposable
{
    private static readonly string[] Passwords = ["Hunter2x", "Zz9Pw", "CarolPw", "DavePw8", "EvePw9", "FrankPw", "GinaPw7"];

    private const string Config = """
        model_list:
          - model_name: gpt
            litellm_params:
              model: openai/gpt-4o@alice:Hunter2x
              api_base: https://bob:Zz9Pw@llm.example.com/v1
          - model_name: other@carol:CarolPw
            litellm_params:
              model: openrouter/meta-llama/llama-3.3-70b-instruct@dave:DavePw8
        litellm_settings:
          success_callback: ["https://eve:EvePw9@hooks.example.com/x"]
          fallbacks: [{"other@carol:CarolPw": ["gpt"]}]
        router_settings:
          redis_url: redis://frank:FrankPw@cache.example.com:6379
        general_settings:
          alerting: ["https://gina:GinaPw7@alerts.example.com/notify"]
        """;

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("md")]
    [InlineData("json")]
    [InlineData("html")]
    [InlineData("sarif")]
    [InlineData("annex")]
    [InlineData("csv")]
    public void Passwords_in_model_strings_and_urls_never_reach_any_output(string format)
    {
        _dir.Write("config.yaml", Config);
        var run = CliRunner.Run(_dir.Path, "scan", "config.yaml", "--format", format).AssertNoStackTrace();
        Assert.True(run.Exit is 0 or 1, run.Stderr);
        Assert.NotEqual("", run.Stdout);
        foreach (var password in Passwords)
        {
            Assert.DoesNotContain(password, run.Stdout + run.Stderr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_report_still_names_the_model_and_the_user()
    {
        _dir.Write("config.yaml", Config);
        var json = CliRunner.Run(_dir.Path, "scan", "config.yaml", "--format", "json").AssertNoStackTrace().Stdout;
        Assert.Contains("openai/gpt-4o@alice:****", json, StringComparison.Ordinal);
        Assert.Contains("other@carol:****", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sk-proj-Abcdefghijklmnopqrstuvwx123456: 1", "Abcdefghijklmnop")]
    [InlineData("ghp_AAAAbbbbCCCCddddEEEEffff1111gggg: x", "AAAAbbbbCCCC")]
    [InlineData("password=Hunter2Pw: y", "Hunter2Pw")]
    [InlineData("9f8e7d6c5b4a39281706f5e4d3c2b1a0ffeeddcc: 1", "9f8e7d6c5b4a3928")]
    public void A_settings_key_that_looks_like_a_credential_is_redacted_in_the_error(string line, string secretPart)
    {
        _dir.Write("config.yaml", "model_list:\n  - model_name: g\n    litellm_params: {model: openai/gpt-4o}\n");
        _dir.Write("settings.yaml", "requireZdr: true\n" + line + "\n");
        var run = CliRunner.Run(_dir.Path, "scan", "config.yaml", "--settings", "settings.yaml").AssertNoStackTrace().AssertExit(2);
        Assert.Contains("settings.yaml:2: error settings-schema: unknown key '", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(secretPart, run.Stdout + run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_settings_key_that_is_a_typo_is_still_named()
    {
        _dir.Write("config.yaml", "model_list:\n  - model_name: g\n    litellm_params: {model: openai/gpt-4o}\n");
        _dir.Write("settings.yaml", "maxRetentionDayz: 30\n");
        var run = CliRunner.Run(_dir.Path, "scan", "config.yaml", "--settings", "settings.yaml").AssertNoStackTrace().AssertExit(2);
        Assert.Contains("unknown key 'maxRetentionDayz'", run.Stderr, StringComparison.Ordinal);
    }
}
