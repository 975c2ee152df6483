using System.Text.Json;
using GatewayAudit.Core.Reports;

namespace GatewayAudit.Cli.Tests.Organisation;

/// <summary>
/// <c>merge</c> rolls up retention surfaces, ZDR gaps and availability as it rolls up the inventory: one row per party
/// (and retention, or figure) naming its repositories, not one row per repository. The JSON lists every repository of
/// a row once; the Markdown shows the first five and a count.
/// </summary>
public sealed class OrganisationRollUpTests(OrganisationResults results) : IClassFixture<OrganisationResults>
{
    private JsonElement Json() => JsonDocument.Parse(results.Merge("--format", "json").AssertExit(0).Stdout).RootElement;

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    private static List<JsonElement> Rows(JsonElement root, string section, string key, string id) =>
        [.. root.GetProperty(section).EnumerateArray().Where(r => r.GetProperty(key).GetString() == id)];

    [Fact]
    public void A_retention_surface_is_one_row_per_party_data_and_retention_with_its_repositories()
    {
        var root = Json();
        var anthropic = Assert.Single(Rows(root, "retentionSurfaces", "subprocessor", "provider:anthropic"));
        Assert.Equal(["ledger", "payments", "search", "support"], Strings(anthropic.GetProperty("repositories")));
        Assert.Equal(4, anthropic.GetProperty("evidenceCount").GetInt32());

        var postgres = Rows(root, "retentionSurfaces", "subprocessor", "datastore:litellm-postgres");
        Assert.Equal(2, postgres.Count);
        var bounded = postgres.Single(r => r.GetProperty("retention").GetString() == "spend logs deleted after 30d");
        Assert.Equal(["ledger", "payments"], Strings(bounded.GetProperty("repositories")));
        Assert.Equal("config of each repository (the evidence shows where)", bounded.GetProperty("basis").GetString());
        var unbounded = postgres.Single(r => r.GetProperty("retention").GetString() == "no bound set: kept until deleted");
        Assert.Equal(["support"], Strings(unbounded.GetProperty("repositories")));

        // Langfuse with message logging off keeps no prompt text: never one row with the repositories that log prompts.
        var langfuse = Rows(root, "retentionSurfaces", "subprocessor", "exporter:langfuse");
        Assert.Equal(["ledger", "payments"], Strings(langfuse.Single(r => !Strings(r.GetProperty("keeps")).Contains("prompt")).GetProperty("repositories")));
        Assert.Equal(["search", "support"], Strings(langfuse.Single(r => Strings(r.GetProperty("keeps")).Contains("prompt")).GetProperty("repositories")));

        // A basis from one repository's config names the file with its repository in front, like every other path.
        var cache = Assert.Single(Rows(root, "retentionSurfaces", "subprocessor", "cache:response-cache"));
        Assert.StartsWith("config (support/config.yaml:", cache.GetProperty("basis").GetString(), StringComparison.Ordinal);
        Assert.Equal(root.GetProperty("summary").GetProperty("retentionSurfaces").GetInt32(), root.GetProperty("retentionSurfaces").GetArrayLength());
    }

    [Fact]
    public void A_zdr_gap_is_one_row_per_party_with_the_weakest_value_and_each_reason_with_its_repositories()
    {
        var root = Json();
        var openRouter = Assert.Single(Rows(root, "zdrGaps", "subprocessor", "provider:openrouter"));
        Assert.Equal("unknown", openRouter.GetProperty("zdr").GetString());
        Assert.Equal(["search", "support"], Strings(openRouter.GetProperty("repositories")));
        var detail = openRouter.GetProperty("detail").GetString()!;
        Assert.StartsWith("unknown in support: OpenRouter offers ZDR", detail, StringComparison.Ordinal);
        Assert.Contains("; partial in search: set in config (search/eu/config.yaml:11)", detail, StringComparison.Ordinal);

        // Langfuse is a gap only where it receives prompt text; payments and ledger send it metadata.
        var langfuse = Assert.Single(Rows(root, "zdrGaps", "subprocessor", "exporter:langfuse"));
        Assert.Equal(["search", "support"], Strings(langfuse.GetProperty("repositories")));
        Assert.Equal("no", langfuse.GetProperty("zdr").GetString());
        Assert.Equal(4, langfuse.GetProperty("evidenceCount").GetInt32());
        Assert.Equal(["ledger", "payments", "search", "support"], Strings(Assert.Single(Rows(root, "zdrGaps", "subprocessor", "provider:anthropic")).GetProperty("repositories")));
        var ids = root.GetProperty("zdrGaps").EnumerateArray().Select(g => g.GetProperty("subprocessor").GetString()).ToList();
        Assert.Equal(ids.Distinct().Count(), ids.Count);
    }

    [Fact]
    public void Availability_is_one_row_per_dependency_and_figure_and_one_note_per_distinct_composite()
    {
        var availability = Json().GetProperty("availability");
        var proxy = Assert.Single(Rows(availability, "dependencies", "id", "gateway:litellm-proxy"));
        Assert.Equal(["ledger", "payments", "search", "support"], Strings(proxy.GetProperty("repositories")));
        Assert.Equal("every request", proxy.GetProperty("scope").GetString());
        var anthropic = Assert.Single(Rows(availability, "dependencies", "id", "provider:anthropic"));
        Assert.Equal("requests to model group claude-ledger (in ledger); requests to model group claude (in payments, search, support)", anthropic.GetProperty("scope").GetString());
        Assert.Null(availability.GetProperty("compositePercent").GetString());

        var notes = Strings(availability.GetProperty("notes"));
        Assert.Contains("ledger, payments, support: composite not computable: no published figure for LiteLLM proxy, LiteLLM Postgres (keys, budgets, spend logs), Proxy host (process memory and logs)", notes);
        Assert.Contains("search: composite not computable: no published figure for LiteLLM proxy, Proxy host (process memory and logs)", notes);
        Assert.Single(notes, n => n.StartsWith("LiteLLM Postgres (keys, budgets, spend logs) is on the request path", StringComparison.Ordinal) && n.EndsWith("(ledger, payments, support)", StringComparison.Ordinal));
    }

    [Fact]
    public void An_id_whose_name_differs_between_repositories_says_each_name_with_its_repositories()
    {
        // OpenRouter's "any provider" upstream is one id per routing, and names the models of its own repository.
        var root = Json();
        var upstream = root.GetProperty("subprocessors").EnumerateArray()
            .Single(s => s.GetProperty("id").GetString()!.StartsWith("provider:openrouter-upstream:", StringComparison.Ordinal)
                && s.GetProperty("name").GetString()!.Contains("(in support)", StringComparison.Ordinal));
        Assert.Contains("mistralai/mistral-small-3.2-24b-instruct to (in search)", upstream.GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.Contains("meta-llama/llama-3.3-70b-instruct to (in support)", upstream.GetProperty("name").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_hold_the_first_locations_and_locations_holds_every_one_once()
    {
        var root = Json();
        var langfuse = root.GetProperty("subprocessors").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "exporter:langfuse");
        Assert.Equal(EvidenceRows.Cap, langfuse.GetProperty("evidence").GetArrayLength());
        var all = root.GetProperty("locations").GetProperty("exporter:langfuse").EnumerateArray()
            .Select(e => $"{e.GetProperty("file").GetString()}:{e.GetProperty("line").GetInt32()}").ToList();
        Assert.Equal(langfuse.GetProperty("evidenceCount").GetInt32(), all.Count);
        Assert.Equal(all.Distinct().Count(), all.Count);
        Assert.Contains("support/config.yaml:27", all);
    }

    [Fact]
    public void Markdown_tables_name_the_repositories_of_each_row_and_a_scan_report_has_no_such_column()
    {
        var markdown = results.Merge().AssertExit(0).Stdout;
        Assert.Contains("| Surface | Repositories | Keeps | Retention | Basis | Evidence |", markdown, StringComparison.Ordinal);
        Assert.Contains("| Langfuse | search, support | no | keeps what it receives by design", markdown, StringComparison.Ordinal);
        Assert.Contains("| LiteLLM proxy | ledger, payments, search, support | every request |", markdown, StringComparison.Ordinal);

        var scan = CliRunner.RunInRepo("scan", "examples/minimal-single-provider").AssertExit(0).Stdout;
        Assert.Contains("| Surface | Keeps | Retention | Basis | Evidence |", scan, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("sarif")]
    [InlineData("html")]
    [InlineData("csv")]
    [InlineData("annex")]
    public void Every_format_renders_the_rolled_up_report(string format)
    {
        var output = results.Merge("--format", format).AssertExit(0).Stdout;
        if (format is "json" or "sarif")
        {
            using var document = JsonDocument.Parse(output);
        }

        Assert.Contains(format == "sarif" ? "support/config.yaml" : "Langfuse", output, StringComparison.Ordinal);
    }
}
