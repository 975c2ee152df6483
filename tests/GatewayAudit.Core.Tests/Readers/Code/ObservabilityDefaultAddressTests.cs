using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers.Code;

namespace GatewayAudit.Core.Tests.Readers.Code;

/// <summary>
/// Held-out class 7 (bench/CODE-CORPUS.md): an observability SDK built with no address in code sends to its vendor's
/// cloud only unless its host variable is set where it runs; the row says so, as the OpenAI row does for OPENAI_BASE_URL.
/// </summary>
public sealed class ObservabilityDefaultAddressTests
{
    private static Component Row(StackModel model, string id) => Assert.Single(model.Components, c => c.Id == id);

    [Fact]
    public void A_Langfuse_client_built_with_nothing_says_its_host_comes_from_the_environment()
    {
        const string Tracing = """
            import { Langfuse } from 'langfuse';

            const langfuse = new Langfuse();

            export default langfuse;
            """;

        var langfuse = Row(CorpusShapeTests.JavaScript("src/util/langfuse.ts", Tracing), "exporter:langfuse");
        Assert.Contains(langfuse.Notes, n => n.Contains("No address in the code", StringComparison.Ordinal)
            && n.Contains("Langfuse Cloud unless", StringComparison.Ordinal) && n.Contains("LANGFUSE_BASEURL", StringComparison.Ordinal));
    }

    [Fact]
    public void Python_get_client_and_LangSmith_by_env_flags_carry_their_own_variables()
    {
        const string Tracing = """
            import os
            from langfuse import get_client

            os.environ["LANGSMITH_TRACING"] = "true"
            langfuse = get_client()
            """;

        var model = CorpusShapeTests.Python("app/tracing.py", Tracing);
        Assert.Contains(Row(model, "exporter:langfuse").Notes, n => n.Contains("LANGFUSE_BASE_URL", StringComparison.Ordinal) && n.Contains("LANGFUSE_HOST", StringComparison.Ordinal));
        Assert.Contains(Row(model, "exporter:langsmith").Notes, n => n.Contains("LangSmith's cloud unless LANGSMITH_ENDPOINT or LANGCHAIN_ENDPOINT", StringComparison.Ordinal));
    }

    [Fact]
    public void An_explicit_host_in_code_has_no_such_note()
    {
        const string Tracing = """
            import { Langfuse } from 'langfuse';

            const langfuse = new Langfuse({ baseUrl: 'https://us.cloud.langfuse.com' });
            """;

        var langfuse = Row(CorpusShapeTests.JavaScript("src/tracing.ts", Tracing), "exporter:langfuse");
        Assert.DoesNotContain(langfuse.Notes, n => n.Contains("No address in the code", StringComparison.Ordinal));
    }

    [Fact]
    public void Sentry_without_a_dsn_gets_no_cloud_default_note()
    {
        var model = CorpusShapeTests.Python("app/errors.py", "import sentry_sdk\n\nsentry_sdk.init()\n");
        Assert.DoesNotContain(Row(model, "exporter:sentry").Notes, n => n.Contains("No address in the code", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_default_address_variable_is_one_the_code_readers_know()
    {
        foreach (var (key, (_, variables)) in LexicalParties.DefaultDestinations)
        {
            foreach (var variable in variables)
            {
                Assert.True(LexicalVocabulary.Environment.TryGetValue(variable, out var setting) && setting.Key == key && setting.Host, variable);
            }
        }
    }
}
