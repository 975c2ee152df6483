using System.Text.Json;

namespace GatewayAudit.Cli.Tests;

/// <summary>
/// <c>gateway-audit diff OLD.json NEW.json</c>: sub-processors added, removed and changed between two scans, the change
/// notice they call for, and exit 1 when a party is added (the CI gate).
/// </summary>
public sealed class DiffCommandTests
{
    // The stack on main: Anthropic direct, OpenRouter with ZDR on its only deployment, Langfuse Cloud EU with message
    // logging off (metadata only), a self-hosted Langfuse-free Postgres beside nothing (hosting unknown), Slack alerts.
    private const string Main = """
        model_list:
          - model_name: claude
            litellm_params: {model: anthropic/claude-sonnet-4-5, api_key: os.environ/ANTHROPIC_API_KEY}
          - model_name: llama
            litellm_params:
              model: openrouter/meta-llama/llama-3.3-70b-instruct
              api_key: os.environ/OPENROUTER_API_KEY
              extra_body: {provider: {zdr: true}}
        litellm_settings:
          success_callback: [langfuse]
          turn_off_message_logging: true
        general_settings:
          master_key: os.environ/LITELLM_MASTER_KEY
          alerting: [slack]
        environment_variables:
          LANGFUSE_HOST: https://cloud.langfuse.com
        """;

    private static string Scan(TempDir dir, string name, string config)
    {
        dir.Write($"{name}/config.yaml", config);
        CliRunner.Run(dir.Path, "scan", name, "--format", "json", "--output", $"{name}.json").AssertNoStackTrace().AssertExit(0);
        return $"{name}.json";
    }

    private static (CliResult Markdown, JsonElement Json) Diff(TempDir dir, string old, string @new, int exit)
    {
        var markdown = CliRunner.Run(dir.Path, "diff", old, @new).AssertNoStackTrace().AssertExit(exit);
        var json = CliRunner.Run(dir.Path, "diff", old, @new, "--format", "json").AssertNoStackTrace().AssertExit(exit);
        return (markdown, JsonDocument.Parse(json.Stdout).RootElement);
    }

    private static IEnumerable<string> Names(JsonElement diff, string list) =>
        diff.GetProperty(list).EnumerateArray().Select(p => p.GetProperty("name").GetString()!);

    [Fact]
    public void An_added_provider_exits_1_and_the_notice_lists_it_with_the_date_to_fill_in()
    {
        using var dir = new TempDir();
        var old = Scan(dir, "main", Main);
        var @new = Scan(dir, "pr", Main.Replace("model_list:\n", "model_list:\n  - model_name: mistral\n    litellm_params: {model: mistral/mistral-large-latest, api_key: os.environ/MISTRAL_API_KEY}\n", StringComparison.Ordinal));
        var (markdown, json) = Diff(dir, old, @new, exit: 1);
        Assert.Equal(["Mistral AI"], Names(json, "added"));
        Assert.Empty(Names(json, "removed"));
        Assert.Equal("subprocessor-diff", json.GetProperty("kind").GetString());

        Assert.StartsWith("# Sub-processor change notice", markdown.Stdout, StringComparison.Ordinal);
        Assert.Contains("**Effective date: [YYYY-MM-DD: fill in before sending]**", markdown.Stdout, StringComparison.Ordinal);
        Assert.Contains("Article 28(2)", markdown.Stdout, StringComparison.Ordinal);
        Assert.Contains("| Mistral AI | ", markdown.Stdout, StringComparison.Ordinal);
        Assert.Contains("| prompt, completion, metadata |", markdown.Stdout, StringComparison.Ordinal);
        Assert.Contains("evidence `pr/config.yaml:3`", markdown.Stdout, StringComparison.Ordinal);
        Assert.Contains("1 sub-processor(s) added", markdown.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Removed_and_changed_parties_are_listed_and_exit_0()
    {
        using var dir = new TempDir();
        var old = Scan(dir, "main", Main);
        var changed = Main
            .Replace("  - model_name: claude\n    litellm_params: {model: anthropic/claude-sonnet-4-5, api_key: os.environ/ANTHROPIC_API_KEY}\n", "", StringComparison.Ordinal)
            .Replace("extra_body: {provider: {zdr: true}}", "extra_body: {provider: {only: [deepinfra]}}", StringComparison.Ordinal)
            .Replace("  turn_off_message_logging: true\n", "", StringComparison.Ordinal)
            .Replace("https://cloud.langfuse.com", "https://us.cloud.langfuse.com", StringComparison.Ordinal);
        var @new = Scan(dir, "pr", changed);
        var (markdown, json) = Diff(dir, old, @new, exit: 0);
        Assert.Empty(Names(json, "added"));
        Assert.Equal(["Anthropic"], Names(json, "removed"));

        var changes = json.GetProperty("changed").EnumerateArray().ToDictionary(
            c => c.GetProperty("party").GetProperty("name").GetString()!,
            c => c.GetProperty("changes").EnumerateArray().Select(x => x.GetProperty("kind").GetString() + ": " + x.GetProperty("text").GetString()).ToList());
        Assert.Equal(["Langfuse", "OpenRouter"], changes.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("data: now also receives prompt", changes["Langfuse"]);
        Assert.Contains(changes["Langfuse"], c => c.StartsWith("region: processing location: EU", StringComparison.Ordinal) && c.Contains("→ US", StringComparison.Ordinal));
        Assert.Contains(changes["OpenRouter"], c => c.StartsWith("zdr: zero data retention lost: yes →", StringComparison.Ordinal));
        Assert.Contains(changes["OpenRouter"], c => c.StartsWith("upstream: new upstream:", StringComparison.Ordinal));
        Assert.DoesNotContain(changes.Values.SelectMany(c => c), c => c.Contains("credentials", StringComparison.Ordinal));

        Assert.Contains("## Changes to existing sub-processors", markdown.Stdout, StringComparison.Ordinal);
        Assert.Contains("- **OpenRouter**: ", markdown.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"## Sub-processors no longer used\n\n- Anthropic( \(.+\))?: model provider\n", markdown.Stdout);
        Assert.DoesNotContain("## New sub-processors", markdown.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Moving_a_self_hosted_system_to_a_vendor_adds_a_sub_processor()
    {
        using var dir = new TempDir();
        var old = Scan(dir, "main", Main.Replace("https://cloud.langfuse.com", "http://10.0.4.2:3000", StringComparison.Ordinal));
        var @new = Scan(dir, "pr", Main);
        var (_, json) = Diff(dir, old, @new, exit: 1);
        Assert.Equal(["Langfuse"], Names(json, "added"));
    }

    [Fact]
    public void The_same_stack_twice_needs_no_notice()
    {
        using var dir = new TempDir();
        var old = Scan(dir, "main", Main);
        var (markdown, json) = Diff(dir, old, old, exit: 0);
        Assert.Equal(0, json.GetProperty("summary").GetProperty("changed").GetInt32());
        Assert.Contains("no notice is needed", markdown.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Effective date", markdown.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Output_file_is_written_and_the_inputs_are_never_overwritten()
    {
        using var dir = new TempDir();
        var old = Scan(dir, "main", Main);
        CliRunner.Run(dir.Path, "diff", old, old, "--output", "notice.md").AssertNoStackTrace().AssertExit(0);
        Assert.StartsWith("# Sub-processor change notice", File.ReadAllText(Path.Combine(dir.Path, "notice.md")), StringComparison.Ordinal);
        var over = CliRunner.Run(dir.Path, "diff", old, old, "--output", old).AssertNoStackTrace().AssertExit(2);
        Assert.Contains("over one of the scanned inputs", over.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_from_a_scan_never_become_links_or_markup_in_the_notice()
    {
        using var dir = new TempDir();
        dir.Write("old.json", """{"tool": {"name": "gateway-audit"}, "subprocessors": []}""");
        dir.Write("new.json", """
            {"tool": {"name": "gateway-audit", "version": "9.9.9"}, "someFutureKey": {"x": 1},
             "subprocessors": [{"id": "provider:x", "name": "Evil](javascript:alert(1)) <script>x</script> | *bold*", "hosting": "third-party",
               "legalEntity": "[click](https://evil.example)", "role": "model-provider", "dataCategories": ["prompt"], "region": "EU", "zdr": "no",
               "evidence": [{"file": "config.yaml", "line": 3}]}]}
            """);
        var run = CliRunner.Run(dir.Path, "diff", "old.json", "new.json").AssertNoStackTrace().AssertExit(1);
        Assert.DoesNotMatch(@"(?<!\\)\]\(", run.Stdout);
        Assert.DoesNotMatch(@"(?<!\\)\[click", run.Stdout);
        Assert.DoesNotContain("<script>", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Evil\\](javascript:alert(1)) &lt;script>x&lt;/script> \\| \\*bold\\*", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bad.json", "{\"tool\": {\"name\": \"gateway-audit\"},\n \"subprocessors\": [\n  {\"id\": }", "bad.json:3: error diff-not-json: not JSON")]
    [InlineData("sarif.json", "{\"version\": \"2.1.0\", \"runs\": []}", "a SARIF log")]
    [InlineData("other.json", "{\"name\": \"my-app\", \"version\": \"1.0.0\"}", "not a gateway-audit scan result")]
    [InlineData("diff.json", "{\"tool\": \"gateway-audit\", \"kind\": \"subprocessor-diff\"}", "a diff result")]
    [InlineData("future.json", "{\"tool\": {\"name\": \"gateway-audit\"}, \"schemaVersion\": 7, \"subprocessors\": []}", "schema version 7 is not one this gateway-audit")]
    [InlineData("noparties.json", "{\"tool\": {\"name\": \"gateway-audit\"}}", "without a subprocessors[] list")]
    [InlineData("empty.json", "", "the file is empty")]
    public void A_file_that_is_not_a_scan_result_exits_2_and_says_why(string file, string text, string message)
    {
        using var dir = new TempDir();
        dir.Write("good.json", """{"tool": {"name": "gateway-audit"}, "subprocessors": []}""");
        dir.Write(file, text);
        var run = CliRunner.Run(dir.Path, "diff", "good.json", file).AssertNoStackTrace().AssertExit(2);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
        Assert.Contains(file, run.Stderr, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void A_missing_file_exits_2()
    {
        using var dir = new TempDir();
        var run = CliRunner.Run(dir.Path, "diff", "a.json", "b.json").AssertNoStackTrace().AssertExit(2);
        Assert.Contains("a.json: error diff-input-missing", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("b.json: error diff-input-missing", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_teaches_with_an_example_and_the_exit_codes()
    {
        var help = CliRunner.RunInRepo("diff", "--help").AssertExit(0).Stdout;
        Assert.Contains("gateway-audit diff base.json head.json --output change-notice.md", help, StringComparison.Ordinal);
        Assert.Contains("Exit codes: 1 when a sub-processor is added", help, StringComparison.Ordinal);
        Assert.Contains("--format", help, StringComparison.Ordinal);
    }
}
