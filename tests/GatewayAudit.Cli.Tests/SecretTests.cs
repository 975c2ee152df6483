namespace GatewayAudit.Cli.Tests;

/// <summary>
/// A literal secret never leaves the process, in any format, on stdout, stderr or in a file, on the success path or
/// an error path; the report says one was found and shows it redacted.
/// </summary>
public sealed class SecretTests : IDisposable
{
    private const string ApiKey = "sk-proj-Q9wErTy7UiOp3AsDfGh5JkLz";
    private const string DbPassword = "pg-Pa55word-4417";
    private const string RedisPassword = "r3dis-Secret-88";
    private const string EnvKey = "sk-ant-api03-EnvSecretValue123";
    private const string MasterKey = "sk-master-Key-0042abcdef";

    private static readonly string[] Secrets = [ApiKey, DbPassword, RedisPassword, EnvKey, MasterKey];

    private static readonly string Config = $"""
        environment_variables:
          ANTHROPIC_API_KEY: {EnvKey}
        model_list:
          - model_name: gpt
            litellm_params:
              model: openai/gpt-4o
              api_key: {ApiKey}
          - model_name: claude
            litellm_params:
              model: anthropic/claude-sonnet-4-5
              api_key: os.environ/ANTHROPIC_API_KEY
        router_settings:
          redis_url: redis://default:{RedisPassword}@redis.example.com:6379
        general_settings:
          master_key: {MasterKey}
          database_url: postgresql://litellm:{DbPassword}@db.example.com:5432/litellm
        """;

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static void AssertNoSecret(string text, string where)
    {
        foreach (var secret in Secrets)
        {
            Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{where} contains the secret {secret[..6]}...");
        }
    }

    [Theory]
    [InlineData("md")]
    [InlineData("json")]
    [InlineData("html")]
    public void No_format_prints_a_secret_and_each_is_a_redacted_finding(string format)
    {
        _dir.Write("config.yaml", Config);
        var run = CliRunner.Run(_dir.Path, "scan", "config.yaml", "--format", format, "--fail-on", "high").AssertNoStackTrace().AssertExit(1);
        AssertNoSecret(run.Stdout, format);
        AssertNoSecret(run.Stderr, "stderr");
        foreach (var (line, shown) in new[]
        {
            (2, "sk-ant-****"),
            (7, "sk-proj-****"),
            (13, "redis://default:****@redis.example.com:6379"),
            (15, "sk-****"),
            (16, "postgresql://litellm:****@db.example.com:5432/litellm"),
        })
        {
            Assert.Contains(format == "json" ? $"\"line\": {line}," : $"config.yaml:{line}", run.Stdout, StringComparison.Ordinal);
            Assert.Contains(shown, run.Stdout, StringComparison.Ordinal);
        }

        Assert.Equal(5, CountOf(run.Stdout, format == "json" ? "\"ruleId\": \"literal-secret\"" : "literal-secret</code>", format == "md" ? "`literal-secret`" : null));
    }

    private static int CountOf(string text, string needle, string? mdNeedle) =>
        (text.Length - text.Replace(mdNeedle ?? needle, "", StringComparison.Ordinal).Length) / (mdNeedle ?? needle).Length;

    [Fact]
    public void Output_file_holds_no_secret()
    {
        _dir.Write("config.yaml", Config);
        CliRunner.Run(_dir.Path, "scan", "config.yaml", "--format", "json", "--output", "report.json").AssertExit(0);
        AssertNoSecret(File.ReadAllText(Path.Combine(_dir.Path, "report.json")), "report.json");
    }

    [Fact]
    public void Malformed_file_with_a_secret_on_the_error_line_does_not_echo_it()
    {
        _dir.Write("config.yaml", $"model_list:\n  - api_key: {ApiKey} : : [\n    x: {DbPassword}\n");
        var run = CliRunner.Run(_dir.Path, "scan", "config.yaml").AssertNoStackTrace().AssertExit(2);
        Assert.Contains("config.yaml:2", run.Stderr, StringComparison.Ordinal);
        AssertNoSecret(run.Stderr + run.Stdout, "error output");
    }

    [Fact]
    public void Secrets_in_a_config_with_an_error_elsewhere_are_not_printed()
    {
        _dir.Write("config.yaml", Config + "\nfiles_settings: [broken]\nguardrails: {not: a list}\n");
        var run = CliRunner.Run(_dir.Path, "scan", "config.yaml").AssertNoStackTrace().AssertExit(2);
        Assert.Contains("error wrong-type", run.Stderr, StringComparison.Ordinal);
        AssertNoSecret(run.Stderr + run.Stdout, "error output");
    }

    [Fact]
    public void Secret_pasted_as_a_top_level_key_is_redacted_in_the_unknown_section_warning()
    {
        _dir.Write("config.yaml", $"model_list:\n  - model_name: m\n    litellm_params:\n      model: openai/gpt-4o\n{ApiKey}: true\n");
        var run = CliRunner.Run(_dir.Path, "scan", "config.yaml").AssertNoStackTrace();
        Assert.Contains("`config.yaml:5` warning litellm-unknown-section: unknown top-level section 'sk-proj-****'", run.Stdout, StringComparison.Ordinal);
        AssertNoSecret(run.Stderr + run.Stdout, "error output");
    }

    [Fact]
    public void Secret_pasted_twice_as_a_key_of_a_file_no_reader_sweeps_is_redacted_in_the_duplicate_key_warning()
    {
        _dir.Write("config.yaml", $"model_list:\n  - model_name: m\n    litellm_params:\n      model: openai/gpt-4o\n");
        _dir.Write("docker-compose.yaml", $"services:\n  litellm:\n    image: ghcr.io/berriai/litellm:v1.55.0\n    labels:\n      {ApiKey}: a\n      {ApiKey}: b\n");
        var run = CliRunner.Run(_dir.Path, "scan", ".").AssertNoStackTrace();
        Assert.Contains("key 'sk-proj-****' appears more than once", run.Stderr, StringComparison.Ordinal);
        AssertNoSecret(run.Stderr + run.Stdout, "output");
    }

    [Fact]
    public void Secret_pasted_as_a_nested_key_is_a_redacted_literal_secret_and_never_printed()
    {
        _dir.Write("config.yaml", $"model_list:\n  - model_name: m\n    litellm_params:\n      model: openai/gpt-4o\nx-notes:\n  {ApiKey}: old key\n");
        var run = CliRunner.Run(_dir.Path, "scan", "config.yaml", "--format", "json").AssertNoStackTrace().AssertExit(0);
        AssertNoSecret(run.Stdout + run.Stderr, "json");
        Assert.Contains("\"ruleId\": \"literal-secret\"", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("x-notes.sk-proj-****", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Secret_used_as_a_model_group_name_is_scrubbed_from_the_report()
    {
        // Nothing should echo a value that is also a secret, wherever else it appears in the file.
        _dir.Write("config.yaml", $"model_list:\n  - model_name: {ApiKey}\n    litellm_params:\n      model: openai/gpt-4o\n      api_key: {ApiKey}\n");
        var run = CliRunner.Run(_dir.Path, "scan", "config.yaml", "--format", "json").AssertExit(0);
        AssertNoSecret(run.Stdout, "json");
    }

    [Fact]
    public void Template_that_tries_to_print_everything_still_prints_no_secret()
    {
        _dir.Write("config.yaml", Config);
        _dir.Write("dump.liquid", "{% for c in components %}{{ c.name }} {{ c.attributes }} {% endfor %}{% for f in findings %}{{ f.message }}{% endfor %}");
        var run = CliRunner.Run(_dir.Path, "scan", "config.yaml", "--template", "dump.liquid").AssertNoStackTrace().AssertExit(0);
        AssertNoSecret(run.Stdout, "custom template output");
        Assert.Contains("sk-proj-****", run.Stdout, StringComparison.Ordinal);
    }
}
