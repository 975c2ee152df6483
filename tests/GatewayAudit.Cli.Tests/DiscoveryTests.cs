namespace GatewayAudit.Cli.Tests;

/// <summary>What a folder scan reads: symlinked files (ConfigMap mounts), each file once, dangling links reported.</summary>
public sealed class DiscoveryTests : IDisposable
{
    private const string Valid = "model_list:\n  - model_name: m\n    litellm_params:\n      model: openai/gpt-4o\n";
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Inputs(string json) => string.Join(",", System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("inputs")
        .EnumerateArray().Select(i => i.GetProperty("file").GetString()));

    [Fact]
    public void Symlinked_config_is_read_once()
    {
        // The layout Kubernetes uses for a mounted ConfigMap: config.yaml -> ..data/config.yaml, ..data -> ..2026_11_25/.
        var real = _dir.Write("litellm/..2026_11_25/config.yaml", Valid);
        Directory.CreateSymbolicLink(Path.Combine(_dir.Path, "litellm", "..data"), Path.Combine(_dir.Path, "litellm", "..2026_11_25"));
        File.CreateSymbolicLink(Path.Combine(_dir.Path, "litellm", "config.yaml"), Path.Combine("..data", "config.yaml"));
        Assert.True(File.Exists(real));

        var run = CliRunner.Run(_dir.Path, "scan", "litellm", "--format", "json").AssertNoStackTrace().AssertExit(0);
        Assert.Equal("litellm/config.yaml", Inputs(run.Stdout));
    }

    [Fact]
    public void Symlink_to_a_file_outside_the_folder_is_read()
    {
        _dir.Write("elsewhere/real.yaml", Valid);
        Directory.CreateDirectory(Path.Combine(_dir.Path, "scan-me"));
        File.CreateSymbolicLink(Path.Combine(_dir.Path, "scan-me", "config.yaml"), Path.Combine(_dir.Path, "elsewhere", "real.yaml"));
        var run = CliRunner.Run(_dir.Path, "scan", "scan-me", "--format", "json").AssertNoStackTrace().AssertExit(0);
        Assert.Equal("scan-me/config.yaml", Inputs(run.Stdout));
    }

    [Fact]
    public void Plain_file_walked_through_a_named_symlinked_folder_and_its_real_folder_is_read_once()
    {
        // The walk knows these files are not links themselves and resolves only their folder (bench/SCALE.md round 5):
        // one input, under the first path in order.
        _dir.Write("real/config.yaml", Valid);
        Directory.CreateSymbolicLink(Path.Combine(_dir.Path, "alias"), Path.Combine(_dir.Path, "real"));
        var run = CliRunner.Run(_dir.Path, "scan", "real", "alias", "--format", "json").AssertNoStackTrace().AssertExit(0);
        Assert.Equal("alias/config.yaml", Inputs(run.Stdout));
    }

    [Fact]
    public void Dangling_symlink_is_reported_not_dropped()
    {
        _dir.Write("config.yaml", Valid);
        File.CreateSymbolicLink(Path.Combine(_dir.Path, "gone.yaml"), Path.Combine(_dir.Path, "nowhere.yaml"));
        var run = CliRunner.Run(_dir.Path, "scan", ".").AssertNoStackTrace().AssertExit(0);
        Assert.Contains("gone.yaml: warning input-dangling-link", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void File_named_and_inside_a_named_folder_is_read_once_as_named()
    {
        _dir.Write("config.yaml", Valid);
        _dir.Write("values.yaml", "replicaCount: 1\n");
        var run = CliRunner.Run(_dir.Path, "scan", ".", "values.yaml", "--format", "json").AssertExit(0);
        Assert.Equal("config.yaml,values.yaml", Inputs(run.Stdout));
        Assert.Contains("values.yaml: warning input-skipped", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_output_and_dependency_folders_are_not_walked()
    {
        _dir.Write("config.yaml", Valid);
        _dir.Write("node_modules/pkg/config.yaml", "model_list: [oops\n");
        _dir.Write("bin/Debug/config.yaml", "model_list: [oops\n");
        _dir.Write(".git/config.yaml", "model_list: [oops\n");
        var run = CliRunner.Run(_dir.Path, "scan", ".", "--format", "json").AssertExit(0);
        Assert.Equal("config.yaml", Inputs(run.Stdout));
    }

    internal static string Skipped(string json) => string.Join("\n", System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("inputs")
        .EnumerateArray().Select(i => $"{i.GetProperty("file").GetString()} | {i.GetProperty("reader").GetString()} | {(i.TryGetProperty("skipped", out var why) ? why.GetString() : "")}"));

    [Fact]
    public void Files_no_reader_takes_are_listed_as_skipped_with_the_reason_in_path_order()
    {
        _dir.Write("config.yaml", Valid);
        _dir.Write("provider-prefs.json", "{\"provider\": {\"zdr\": true}}");
        _dir.Write("fixtures/users.json", "{\"users\": [{\"name\": \"ada\", \"provider\": \"github\"}]}");
        _dir.Write("notes.txt", "who owns the Langfuse project?");
        _dir.Write("deploy/Makefile", "all:\n");
        _dir.Write("deploy/.env.example", "OPENAI_API_KEY=\n");
        _dir.Write("obj/project.assets.json", "{}");
        _dir.Write("node_modules/pkg/index.json", "{}");
        var json = CliRunner.Run(_dir.Path, "scan", ".", "--format", "json").AssertNoStackTrace().AssertExit(0).Stdout;
        Assert.Equal("""
            config.yaml | litellm-config | 
            deploy/.env.example | dotenv | 
            deploy/Makefile | none | no reader for this file name
            fixtures/users.json | none | not a gateway config gateway-audit recognises
            notes.txt | none | no reader for .txt files
            provider-prefs.json | openrouter-request | 
            """.Replace("\r", "", StringComparison.Ordinal), Skipped(json));

        var md = CliRunner.Run(_dir.Path, "scan", ".").AssertExit(0).Stdout;
        Assert.Contains("| `config.yaml` | litellm-config |\n| `deploy/.env.example` | dotenv |", md, StringComparison.Ordinal);
        Assert.Contains("| `fixtures/users.json` | skipped: not a gateway config gateway-audit recognises |", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Skipped_files_do_not_depend_on_the_order_they_were_created_in_or_named_folders_overlap()
    {
        string Scan(string[] names, params string[] paths)
        {
            using var dir = new TempDir();
            dir.Write("stack/config.yaml", Valid);
            foreach (var name in names)
            {
                dir.Write(name, "x");
            }

            return CliRunner.Run(dir.Path, ["scan", .. paths, "--format", "json"]).AssertExit(0).Stdout;
        }

        string[] names = ["stack/b.json", "stack/a.txt", "stack/sub/c.md", "stack/B.json"];
        var first = Scan(names, "stack");
        Assert.Equal(first, Scan([.. names.Reverse()], "stack"));
        Assert.Equal(first, Scan(names, "stack", "stack/sub"));
        Assert.Equal(5, System.Text.Json.JsonDocument.Parse(first).RootElement.GetProperty("inputs").GetArrayLength());
    }

    [Fact]
    public void A_walked_json_file_above_the_size_limit_is_passed_over_with_the_reason_not_refused()
    {
        _dir.Write("config.yaml", Valid);
        _dir.Write("data/embeddings.json", "[" + string.Join(",", Enumerable.Repeat("0.125", 1_500_000)) + "]");
        var run = CliRunner.Run(_dir.Path, "scan", ".", "--format", "json").AssertNoStackTrace().AssertExit(0);
        Assert.Contains("data/embeddings.json | none | larger than 8 MiB: a data file, not a gateway config", Skipped(run.Stdout).Split('\n'));
    }

    [Fact]
    public void A_folder_of_many_unread_files_lists_the_first_thousand_and_counts_the_rest()
    {
        _dir.Write("config.yaml", Valid);
        for (var i = 0; i < 1_003; i++)
        {
            _dir.Write($"data/{i:D4}.json", "{}");
        }

        var run = CliRunner.Run(_dir.Path, "scan", ".", "--format", "json").AssertNoStackTrace().AssertExit(0);
        var inputs = System.Text.Json.JsonDocument.Parse(run.Stdout).RootElement.GetProperty("inputs").EnumerateArray().Select(i => i.GetProperty("file").GetString()).ToList();
        Assert.Equal(1_001, inputs.Count);
        Assert.Equal(["config.yaml", "data/0000.json"], inputs.Take(2));
        Assert.Equal("data/0999.json", inputs[^1]);
        Assert.Contains(".: warning input-not-read-many: 3 more files gateway-audit does not read are not listed", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Scanning_all_examples_lists_the_analyzer_sample_project_as_skipped_without_its_build_output()
    {
        var json = CliRunner.RunInRepo("scan", "examples", "--format", "json").AssertNoStackTrace().AssertExit(0).Stdout;
        var rows = Skipped(json).Split('\n');
        Assert.Contains("examples/analyzer-consumer/SupportAgent.cs | csharp-source | ", rows);
        Assert.Contains("examples/analyzer-consumer/Llm/ILlmGateway.cs | csharp-source | C# code that names no model provider, gateway or observability host, SDK, gateway header or model slug: not parsed", rows);
        Assert.Contains("examples/analyzer-consumer/README.md | none | no reader for .md files", rows);
        Assert.Contains("examples/eu-multi-provider/config.yaml | litellm-config | ", rows);
        Assert.DoesNotContain(rows, r => r.Contains("/bin/", StringComparison.Ordinal) || r.Contains("/obj/", StringComparison.Ordinal));
        Assert.Equal(rows.Order(StringComparer.Ordinal), rows);
    }

    [Fact]
    public void Catalog_override_changes_the_report()
    {
        _dir.Write("config.yaml", "model_list:\n  - model_name: m\n    litellm_params:\n      model: groq/llama-3.3-70b\n");
        var facts = string.Join("", new[] { "legalEntity", "country", "dataRegions", "defaultRetention", "zdr", "trainsOnApiData", "certifications", "dpaUrl", "subprocessorListUrl" }
            .Select(f => $"  {f}:\n    value: unknown\n"));
        _dir.Write("our-catalog/groq.yaml", $"id: groq\nname: Groq (reviewed by legal)\nkind: model-provider\nhosts: [api.groq.com]\nfacts:\n{facts}");
        var plain = CliRunner.Run(_dir.Path, "scan", "config.yaml").AssertExit(0).Stdout;
        var overridden = CliRunner.Run(_dir.Path, "scan", "config.yaml", "--catalog", "our-catalog").AssertExit(0).Stdout;
        Assert.DoesNotContain("Groq (reviewed by legal)", plain, StringComparison.Ordinal);
        Assert.Contains("### Groq (reviewed by legal)", overridden, StringComparison.Ordinal);
        Assert.Contains("| Zero data retention available | unknown | - | - |", overridden, StringComparison.Ordinal);
    }
}
