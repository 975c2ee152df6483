using GatewayAudit.Core.Model;
using static GatewayAudit.Core.Tests.Readers.DeploymentFixtures;

namespace GatewayAudit.Core.Tests.Stacks;

/// <summary>
/// Held-out class 7 (bench/CODE-CORPUS.md): an observability SDK built with no address in code takes the host the
/// checkout's .env sample sets for it. Fixtures in the shape of a Node API with a tracing helper and an env sample.
/// </summary>
public sealed class DotEnvSampleAddressTests
{
    private const string Tracing = """
        import { Langfuse } from 'langfuse';

        const langfuse = new Langfuse();

        export default langfuse;
        """;

    private static string Sample(string baseUrl) => $"""
        # Server
        PORT=5000

        # Langfuse configuration
        LANGFUSE_PUBLIC_KEY=pk-lf-...
        LANGFUSE_SECRET_KEY=sk-lf-...
        LANGFUSE_BASEURL={baseUrl} # Optional, for self-hosted

        """;

    private static Component Langfuse(params (string Name, string Text)[] files) =>
        Assert.Single(AuditFiles(files).Model.Components, c => c.Id == "exporter:langfuse");

    [Fact]
    public void A_sample_naming_a_host_of_the_team_makes_the_code_s_Langfuse_self_hosted_there_with_the_line_as_evidence()
    {
        var langfuse = Langfuse(("src/util/langfuse.ts", Tracing), (".env.sample", Sample("https://langfuse.example.org")));
        Assert.Equal(Hosting.OperatorHosted, langfuse.Hosting);
        Assert.Contains("langfuse.example.org", langfuse.Name, StringComparison.Ordinal);
        Assert.Contains(langfuse.Evidence, e => e.File.EndsWith(".env.sample", StringComparison.Ordinal) && e.Line == 7);
        Assert.Contains(langfuse.Notes, n => n.Contains("LANGFUSE_BASEURL=langfuse.example.org", StringComparison.Ordinal) && n.Contains("only a sample", StringComparison.Ordinal));
    }

    [Fact]
    public void A_sample_naming_the_vendor_s_regional_host_keeps_the_vendor_and_names_the_host()
    {
        var langfuse = Langfuse(("src/util/langfuse.ts", Tracing), (".env.example", Sample("https://us.cloud.langfuse.com")));
        Assert.Equal(Hosting.ThirdParty, langfuse.Hosting);
        Assert.Contains(langfuse.Notes, n => n.Contains("us.cloud.langfuse.com", StringComparison.Ordinal) && n.Contains("vendor's own host", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_an_env_file_the_row_keeps_only_the_caveat()
    {
        var langfuse = Langfuse(("src/util/langfuse.ts", Tracing));
        Assert.Equal(Hosting.ThirdParty, langfuse.Hosting);
        Assert.Contains(langfuse.Notes, n => n.Contains("Langfuse Cloud unless", StringComparison.Ordinal));
        Assert.DoesNotContain(langfuse.Notes, n => n.Contains("env file", StringComparison.Ordinal));
    }

    [Fact]
    public void A_host_in_code_is_not_overridden_by_the_sample()
    {
        const string Explicit = """
            import { Langfuse } from 'langfuse';

            const langfuse = new Langfuse({ baseUrl: 'https://cloud.langfuse.com' });
            """;
        var langfuse = Langfuse(("src/util/langfuse.ts", Explicit), (".env.sample", Sample("https://langfuse.example.org")));
        Assert.Equal(Hosting.ThirdParty, langfuse.Hosting);
        Assert.DoesNotContain(langfuse.Evidence, e => e.File.EndsWith(".env.sample", StringComparison.Ordinal));
    }

    [Fact]
    public void A_sibling_service_s_env_sample_does_not_move_another_service_s_row()
    {
        var langfuse = Langfuse(("services/api/src/util/langfuse.ts", Tracing), ("services/worker/.env.sample", Sample("https://langfuse.example.org")));

        Assert.Equal(Hosting.ThirdParty, langfuse.Hosting);
        Assert.DoesNotContain(langfuse.Evidence, e => e.File.EndsWith(".env.sample", StringComparison.Ordinal));
    }

    [Fact]
    public void The_env_sample_nearest_the_code_wins_over_one_higher_up()
    {
        var langfuse = Langfuse(
            ("services/api/src/util/langfuse.ts", Tracing),
            (".env.sample", Sample("https://langfuse.root.example.org")),
            ("services/api/.env.sample", Sample("https://langfuse.api.example.org")));

        Assert.Equal(Hosting.OperatorHosted, langfuse.Hosting);
        Assert.Equal("langfuse.api.example.org", langfuse.Attributes["host"]);
        Assert.Contains(langfuse.Evidence, e => e.File == "services/api/.env.sample" && e.Line == 7);
        Assert.DoesNotContain(langfuse.Evidence, e => e.File == ".env.sample");
    }
}
