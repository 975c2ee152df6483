using System.Text.RegularExpressions;

namespace GatewayAudit.Cli.Tests;

/// <summary>
/// Short, dictionary-word secrets (a database password 'postgres', a key 'openai' or 'langfuse') are redacted where
/// they are written, and the report's own ids, rule ids, vendor names and catalog URLs come out intact in every format:
/// the last-line-of-defence sweep must not turn 'datastore:litellm-postgres' or 'https://langfuse.com/...' into '****'.
/// </summary>
public sealed partial class SecretScrubTests : IDisposable
{
    private const string Config = """
        model_list:
          - model_name: gpt-4o
            litellm_params:
              model: openai/gpt-4o
              api_key: openai
        litellm_settings:
          success_callback: [langfuse]
        router_settings:
          redis_host: redis
          redis_password: openai
        general_settings:
          master_key: os.environ/LITELLM_MASTER_KEY
          database_url: postgresql://postgres:postgres@db:5432/litellm
        environment_variables:
          LANGFUSE_SECRET_KEY: langfuse
        """;

    private const string Compose = """
        services:
          litellm:
            image: ghcr.io/berriai/litellm:v1.84.0
            environment:
              DATABASE_URL: postgresql://postgres:postgres@db:5432/litellm
          db:
            image: postgres:16
            environment:
              POSTGRES_PASSWORD: postgres
        """;

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string, string[]> Formats => new()
    {
        { "md", ["`literal-secret`", "`callback-logs-prompts`", "https://langfuse.com/docs/data-retention", "postgresql://postgres:****@db:5432/litellm", "| Langfuse |", "| OpenAI |"] },
        { "json", ["\"ruleId\": \"literal-secret\"", "\"id\": \"datastore:litellm-postgres\"", "\"id\": \"provider:openai\"", "\"vendor\": \"langfuse\"", "https://langfuse.com/docs/data-retention", "postgresql://postgres:****@db:5432/litellm"] },
        { "sarif", ["\"ruleId\": \"literal-secret\"", "\"id\": \"callback-logs-prompts\"", "https://docs.litellm.ai/docs/proxy/logging", "postgresql://postgres:****@db:5432/litellm", "config.yaml"] },
        { "html", ["literal-secret", "callback-logs-prompts", "https://langfuse.com/docs/data-retention", "postgresql://postgres:****@db:5432/litellm", "Langfuse", "OpenAI"] },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public void Short_secrets_are_redacted_where_they_are_and_the_report_keeps_its_ids_and_urls(string format, string[] intact)
    {
        _dir.Write("config.yaml", Config);
        _dir.Write("docker-compose.yaml", Compose);
        var run = CliRunner.Run(_dir.Path, "scan", ".", "--format", format).AssertNoStackTrace().AssertExit(0);

        foreach (var text in intact)
        {
            Assert.Contains(text, run.Stdout, StringComparison.Ordinal);
        }

        // Every mask in the report is a password at its own place (user:****@host) or a redacted value in a finding.
        foreach (Match mask in MaskRegex().Matches(run.Stdout))
        {
            Assert.Matches(AllowedMaskRegex(), mask.Value);
        }

        // The passwords at their places are redacted: no literal-secret message or URL shows them.
        Assert.DoesNotContain("postgres:postgres@", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("(openai)", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("(langfuse)", run.Stdout, StringComparison.Ordinal);
    }

    // Up to 12 characters either side of each ****.
    [GeneratedRegex(@".{0,12}\*\*\*\*.{0,12}")]
    private static partial Regex MaskRegex();

    [GeneratedRegex(@"postgres:\*\*\*\*@db:5432|\(\*\*\*\*\)|holds a literal secret")]
    private static partial Regex AllowedMaskRegex();
}
