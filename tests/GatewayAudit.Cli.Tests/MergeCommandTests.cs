using System.Text.Json;
using GatewayAudit.Core.Reports;

namespace GatewayAudit.Cli.Tests;

/// <summary>
/// <c>gateway-audit merge RESULT.json...</c>: per-repository scan results into one organisation-wide report with the
/// same model, formats and annex as a scan; bad inputs exit 2 with the file and the reason.
/// </summary>
public sealed class MergeCommandTests(MergeCommandTests.Scanned scanned) : IClassFixture<MergeCommandTests.Scanned>
{
    // payments: Anthropic direct, Langfuse Cloud EU with message logging off (metadata only: ZDR n/a).
    private const string Payments = """
        model_list:
          - model_name: claude
            litellm_params: {model: anthropic/claude-sonnet-4-5, api_key: os.environ/ANTHROPIC_API_KEY}
        litellm_settings:
          success_callback: [langfuse]
          turn_off_message_logging: true
        general_settings:
          master_key: os.environ/LITELLM_MASTER_KEY
        environment_variables:
          LANGFUSE_HOST: https://cloud.langfuse.com
        """;

    // search, first stack: OpenAI, Langfuse Cloud US logging prompts (ZDR no), a literal master key (a high finding).
    private const string SearchEu = """
        model_list:
          - model_name: gpt
            litellm_params: {model: openai/gpt-4o, api_key: os.environ/OPENAI_API_KEY}
        litellm_settings:
          success_callback: [langfuse]
        general_settings:
          master_key: sk-live-9f8e7d6c5b4a39281706
        environment_variables:
          LANGFUSE_HOST: https://us.cloud.langfuse.com
        """;

    // search, second stack: Anthropic only.
    private const string SearchUs = """
        model_list:
          - model_name: claude
            litellm_params: {model: anthropic/claude-sonnet-4-5, api_key: os.environ/ANTHROPIC_API_KEY}
        general_settings:
          master_key: os.environ/LITELLM_MASTER_KEY
        """;

    /// <summary>
    /// The two repositories' scan results, scanned once for the class: scanning is the slow part, and each test gets
    /// its own folder with copies of the results, so what one test writes there no other test sees.
    /// </summary>
    public sealed class Scanned
    {
        public Scanned()
        {
            using var dir = new TempDir();
            dir.Write("payments/config.yaml", Payments);
            dir.Write("search/eu/config.yaml", SearchEu);
            dir.Write("search/us/config.yaml", SearchUs);
            CliRunner.Run(dir.Path, "scan", "payments", "--format", "json", "--output", "payments.json").AssertNoStackTrace().AssertExit(0);
            CliRunner.Run(dir.Path, "scan", "search", "--format", "json", "--output", "search.json").AssertNoStackTrace().AssertExit(0);
            PaymentsResult = File.ReadAllText(Path.Combine(dir.Path, "payments.json"));
            SearchResult = File.ReadAllText(Path.Combine(dir.Path, "search.json"));
        }

        public string PaymentsResult { get; }

        public string SearchResult { get; }
    }

    private TempDir TwoRepositories()
    {
        var dir = new TempDir();
        dir.Write("payments.json", scanned.PaymentsResult);
        dir.Write("search.json", scanned.SearchResult);
        return dir;
    }

    private static JsonElement MergeJson(TempDir dir, params string[] extra)
    {
        var run = CliRunner.Run(dir.Path, ["merge", "payments.json", "search.json", "--format", "json", .. extra]).AssertNoStackTrace().AssertExit(0);
        return JsonDocument.Parse(run.Stdout).RootElement;
    }

    private static JsonElement Party(JsonElement root, string id) =>
        root.GetProperty("organisation").GetProperty("parties").EnumerateArray().Single(p => p.GetProperty("id").GetString() == id);

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    [Fact]
    public void A_party_lists_the_repositories_and_stacks_that_use_it()
    {
        using var dir = TwoRepositories();
        var root = MergeJson(dir);
        Assert.Equal(["payments", "search"], root.GetProperty("organisation").GetProperty("repositories").EnumerateArray().Select(r => r.GetProperty("name").GetString()!).ToArray());
        var anthropic = Party(root, "provider:anthropic");
        var uses = anthropic.GetProperty("uses").EnumerateArray().ToList();
        Assert.Equal(["payments", "search"], uses.Select(u => u.GetProperty("repository").GetString()!).ToArray());
        Assert.Empty(Strings(uses[0].GetProperty("stacks")));
        Assert.Equal(["search/us/config.yaml"], Strings(uses[1].GetProperty("stacks")));
        var openai = Party(root, "provider:openai");
        Assert.Equal(["search"], openai.GetProperty("uses").EnumerateArray().Select(u => u.GetProperty("repository").GetString()!).ToArray());
    }

    [Fact]
    public void Data_is_the_union_regions_are_all_kept_and_zdr_is_the_weakest_with_where()
    {
        using var dir = TwoRepositories();
        var root = MergeJson(dir);
        var langfuse = Party(root, "exporter:langfuse");
        Assert.Contains("prompt", Strings(langfuse.GetProperty("dataCategories")));
        Assert.Contains("metadata", Strings(langfuse.GetProperty("dataCategories")));
        Assert.Equal(["EU (config)", "US (config)"], Strings(langfuse.GetProperty("regions")));
        Assert.Equal("no", langfuse.GetProperty("zdr").GetString());
        Assert.Equal(["search"], Strings(langfuse.GetProperty("zdrWeakestIn")));

        var row = root.GetProperty("subprocessors").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "exporter:langfuse");
        Assert.Equal("no", row.GetProperty("zdr").GetString());
        Assert.StartsWith("weakest in search: ", row.GetProperty("zdrDetail").GetString(), StringComparison.Ordinal);
        Assert.Equal("EU (config) (in payments); US (config) (in search)", row.GetProperty("region").GetString());
        Assert.Contains(row.GetProperty("evidence").EnumerateArray(), e => e.GetProperty("file").GetString() == "payments/config.yaml");
        Assert.Contains(row.GetProperty("evidence").EnumerateArray(), e => e.GetProperty("file").GetString() == "search/eu/config.yaml");
        Assert.Single(root.GetProperty("annex").GetProperty("subprocessors").EnumerateArray(), a => a.GetProperty("id").GetString() == "exporter:langfuse");
    }

    [Fact]
    public void Findings_keep_their_repository_and_fail_on_gates_across_repositories()
    {
        using var dir = TwoRepositories();
        var root = MergeJson(dir);
        var secret = root.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("ruleId").GetString() == "literal-secret");
        Assert.Equal("search", secret.GetProperty("repository").GetString());
        Assert.Equal("search/eu/config.yaml", secret.GetProperty("file").GetString());
        Assert.Contains(root.GetProperty("stacks").EnumerateArray(), s => s.GetProperty("name").GetString() == "search: search/eu/config.yaml"
            && s.GetProperty("findings").EnumerateArray().Any(f => f.GetProperty("ruleId").GetString() == "literal-secret"));
        Assert.DoesNotContain("sk-live-9f8e7d6c5b4a39281706", root.GetRawText(), StringComparison.Ordinal);

        var gated = CliRunner.Run(dir.Path, "merge", "payments.json", "search.json", "--fail-on", "high").AssertNoStackTrace().AssertExit(1);
        Assert.Contains("at or above --fail-on high", gated.Stderr, StringComparison.Ordinal);
        CliRunner.Run(dir.Path, "merge", "payments.json", "--fail-on", "high").AssertNoStackTrace().AssertExit(0);
    }

    [Theory]
    [InlineData("md", "## Organisation")]
    [InlineData("html", "Parties across repositories")]
    [InlineData("annex", "| Langfuse")]
    [InlineData("sarif", "search/eu/config.yaml")]
    public void Every_format_renders_the_merged_report(string format, string expected)
    {
        using var dir = TwoRepositories();
        var run = CliRunner.Run(dir.Path, "merge", "payments.json", "search.json", "--format", format).AssertNoStackTrace().AssertExit(0);
        Assert.Contains(expected, run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_csv_annex_has_the_columns_of_a_scan_and_one_row_per_party()
    {
        using var dir = TwoRepositories();
        var run = CliRunner.Run(dir.Path, "merge", "payments.json", "search.json", "--format", "csv").AssertNoStackTrace().AssertExit(0);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', AnnexCsvRenderer.Columns), lines[0].TrimEnd('\r'));
        Assert.Single(lines, l => l.StartsWith("Anthropic,", StringComparison.Ordinal));
    }

    [Fact]
    public void Name_renames_a_repository_and_the_help_says_how_repositories_are_named()
    {
        using var dir = TwoRepositories();
        var root = MergeJson(dir, "--name", "search.json=search-api");
        Assert.Contains(root.GetProperty("findings").EnumerateArray(), f => f.GetProperty("repository").GetString() == "search-api"
            && f.GetProperty("file").GetString() == "search-api/search/eu/config.yaml");
        var help = CliRunner.Run(dir.Path, "merge", "--help").Stdout;
        Assert.Contains("--name FILE=NAME", help, StringComparison.Ordinal);
        Assert.Contains("named after its file", help, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bad.json", "{\"tool\": {\"name\": \"gateway-audit\"},\n \"subprocessors\": [\n  {\"id\": }", "bad.json:3: error merge-not-json: not JSON")]
    [InlineData("sarif.json", "{\"version\": \"2.1.0\", \"runs\": []}", "a SARIF log")]
    [InlineData("future.json", "{\"tool\": {\"name\": \"gateway-audit\"}, \"schemaVersion\": 7, \"subprocessors\": []}", "future.json:1: error merge-schema-version: schema version 7")]
    [InlineData("thin.json", "{\"tool\": {\"name\": \"gateway-audit\"}, \"subprocessors\": []}", "thin.json:1: error merge-wrong-shape")]
    [InlineData("typed.json", "{\"tool\": {\"name\": \"gateway-audit\", \"version\": 3}, \"subprocessors\": []}", "at $.tool.version")]
    [InlineData("empty.json", "", "empty.json: error merge-input-empty")]
    [InlineData("list.json", "[]", "list.json:1: error merge-not-scan-result: JSON, but not a gateway-audit scan result")]
    [InlineData("package.json", "{\"name\": \"web\", \"version\": \"1.0.0\"}", "package.json:1: error merge-not-scan-result: JSON, but not a gateway-audit scan result")]
    public void A_file_that_is_not_a_scan_result_exits_2_naming_file_and_reason(string file, string text, string message)
    {
        using var dir = TwoRepositories();
        dir.Write(file, text);
        var run = CliRunner.Run(dir.Path, "merge", "payments.json", file, "--output", "org.md").AssertNoStackTrace().AssertExit(2);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
        Assert.False(File.Exists(Path.Combine(dir.Path, "org.md")));
    }

    [Fact]
    public void A_result_cut_short_exits_2_saying_so_and_a_syntax_error_does_not()
    {
        using var dir = TwoRepositories();
        dir.Write("cut.json", scanned.SearchResult[..(scanned.SearchResult.Length / 2)]);
        var cut = CliRunner.Run(dir.Path, "merge", "payments.json", "cut.json").AssertNoStackTrace().AssertExit(2);
        Assert.Matches(@"cut\.json:\d+: error merge-not-json: not JSON \(.*\); the file ends before its JSON does: cut short\?", cut.Stderr);
        Assert.Equal("", cut.Stdout);

        dir.Write("typo.json", "{\"tool\": {\"name\": \"gateway-audit\"}, \"subprocessors\": [}\n");
        var typo = CliRunner.Run(dir.Path, "merge", "payments.json", "typo.json").AssertNoStackTrace().AssertExit(2);
        Assert.Contains("typo.json:1: error merge-not-json", typo.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("cut short", typo.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mix_of_schema_versions_exits_2_naming_the_odd_result()
    {
        using var dir = TwoRepositories();
        // A version-1 result: what gateway-audit wrote before evidence was capped (no schemaVersion, no locations).
        var v1 = System.Text.Json.Nodes.JsonNode.Parse(scanned.PaymentsResult)!.AsObject();
        v1.Remove("schemaVersion");
        v1.Remove("locations");
        dir.Write("old.json", v1.ToJsonString());
        var run = CliRunner.Run(dir.Path, "merge", "old.json", "search.json", "--output", "org.md").AssertNoStackTrace().AssertExit(2);
        Assert.Contains("old.json:1: error merge-schema-mix: a result of schema version 1, while 1 other(s) are version 2", run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dir.Path, "org.md")));

        // Results of one version merge, whichever it is; version-1 results have no locations to merge.
        dir.Write("old-search.json", scanned.SearchResult.Replace("\"schemaVersion\": 2,", "", StringComparison.Ordinal));
        var both = CliRunner.Run(dir.Path, "merge", "old.json", "old-search.json", "--format", "json").AssertNoStackTrace().AssertExit(0);
        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(both.Stdout).RootElement.GetProperty("locations").ValueKind);
    }

    [Fact]
    public void No_results_or_a_pattern_that_matched_nothing_exits_2_saying_what_to_give()
    {
        using var dir = TwoRepositories();
        var none = CliRunner.Run(dir.Path, "merge").AssertNoStackTrace().AssertExit(2);
        Assert.Contains("Required argument 'result' missing", none.Stderr, StringComparison.Ordinal);
        var glob = CliRunner.Run(dir.Path, "merge", "results/*.json").AssertNoStackTrace().AssertExit(2);
        Assert.Contains("results/*.json: error merge-input-missing: no such file: a pattern that matched nothing", glob.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_help_teaches_the_ci_artifact_folder_and_every_refusal()
    {
        var help = CliRunner.RunInRepo("merge", "--help").AssertExit(0).Stdout;
        Assert.Contains("merge-multiple: true", help, StringComparison.Ordinal);
        Assert.Contains("gateway-audit merge results/*.json --output organisation.md", help, StringComparison.Ordinal);
        Assert.Contains("results/*/*.json", help, StringComparison.Ordinal);
        Assert.Contains("cut short", help, StringComparison.Ordinal);
        Assert.Contains("not the version of the others", help, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_file_twice_exits_2_also_through_a_symlink()
    {
        using var dir = TwoRepositories();
        var twice = CliRunner.Run(dir.Path, "merge", "payments.json", "./payments.json").AssertNoStackTrace().AssertExit(2);
        Assert.Contains("./payments.json: error merge-duplicate-input: the same file as payments.json", twice.Stderr, StringComparison.Ordinal);
        File.CreateSymbolicLink(Path.Combine(dir.Path, "link.json"), Path.Combine(dir.Path, "payments.json"));
        CliRunner.Run(dir.Path, "merge", "payments.json", "link.json").AssertNoStackTrace().AssertExit(2);
    }

    [Fact]
    public void Two_results_with_one_name_or_a_bad_name_exit_2()
    {
        using var dir = TwoRepositories();
        Directory.CreateDirectory(Path.Combine(dir.Path, "other"));
        File.Copy(Path.Combine(dir.Path, "search.json"), Path.Combine(dir.Path, "other", "search.json"));
        var clash = CliRunner.Run(dir.Path, "merge", "search.json", "other/search.json").AssertNoStackTrace().AssertExit(2);
        Assert.Contains("2 results are named 'search' (search.json, other/search.json); name each with --name FILE=NAME", clash.Stderr, StringComparison.Ordinal);
        CliRunner.Run(dir.Path, "merge", "search.json", "other/search.json", "--name", "other/search.json=search-2").AssertNoStackTrace().AssertExit(0);
        var unknown = CliRunner.Run(dir.Path, "merge", "search.json", "--name", "nope.json=x").AssertNoStackTrace().AssertExit(2);
        Assert.Contains("nope.json is not one of the results to merge", unknown.Stderr, StringComparison.Ordinal);
        CliRunner.Run(dir.Path, "merge", "search.json", "--name", "search.json=").AssertNoStackTrace().AssertExit(2);
    }

    [Fact]
    public void The_output_never_replaces_a_merged_result()
    {
        using var dir = TwoRepositories();
        var before = File.ReadAllText(Path.Combine(dir.Path, "search.json"));
        CliRunner.Run(dir.Path, "merge", "payments.json", "search.json", "--output", "search.json").AssertNoStackTrace().AssertExit(2);
        Assert.Equal(before, File.ReadAllText(Path.Combine(dir.Path, "search.json")));
    }

    [Fact]
    public void Every_golden_json_result_binds_to_the_report_model_and_merges()
    {
        // The golden JSON files are what `scan --format json` writes for the bundled examples (one- and multi-stack): if
        // the model and the strict reading of it ever drift apart, this fails before a user's merge does.
        var goldens = Directory.GetFiles(Path.Combine(RepoPaths.Root, "tests", "GatewayAudit.Cli.Tests", "golden"), "*.json").Order(StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(goldens);
        var run = CliRunner.Run(RepoPaths.Root, ["merge", .. goldens, "--format", "json"]).AssertNoStackTrace().AssertExit(0);
        var names = JsonDocument.Parse(run.Stdout).RootElement.GetProperty("organisation").GetProperty("repositories")
            .EnumerateArray().Select(r => r.GetProperty("name").GetString()).ToArray();
        Assert.Equal(goldens.Select(Path.GetFileNameWithoutExtension).ToArray(), names);
    }

    [Fact]
    public void A_party_used_by_many_repositories_shows_the_first_five_and_a_count_in_markdown_and_every_use_in_json()
    {
        using var dir = new TempDir();
        dir.Write("payments.json", scanned.PaymentsResult);
        var results = Enumerable.Range(1, 7).Select(n => $"team-{n}.json").ToArray();
        foreach (var result in results)
        {
            File.Copy(Path.Combine(dir.Path, "payments.json"), Path.Combine(dir.Path, result));
        }

        var markdown = CliRunner.Run(dir.Path, ["merge", .. results]).AssertNoStackTrace().AssertExit(0).Stdout;
        var row = markdown.Split('\n').Single(l => l.StartsWith("| Anthropic | model-provider | team-1", StringComparison.Ordinal));
        Assert.Contains("team-1, team-2, team-3, team-4, team-5 (and 2 more repositories)", row, StringComparison.Ordinal);
        Assert.DoesNotContain("team-6", row, StringComparison.Ordinal);
        Assert.Contains("| Anthropic: provider-side retention of requests | team-1, team-2, team-3, team-4, team-5 and 2 more |", markdown, StringComparison.Ordinal);
        Assert.Single(markdown.Split('\n'), l => l.StartsWith("| Anthropic: provider-side retention", StringComparison.Ordinal));

        var json = JsonDocument.Parse(CliRunner.Run(dir.Path, ["merge", .. results, "--format", "json"]).AssertExit(0).Stdout).RootElement;
        var anthropic = json.GetProperty("organisation").GetProperty("parties").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "Anthropic");
        Assert.Equal(7, anthropic.GetProperty("uses").GetArrayLength());
        var surface = json.GetProperty("retentionSurfaces").EnumerateArray().Single(r => r.GetProperty("subprocessor").GetString() == "provider:anthropic");
        Assert.Equal(results.Select(Path.GetFileNameWithoutExtension).ToArray(), surface.GetProperty("repositories").EnumerateArray().Select(r => r.GetString()).ToArray());
    }
}
