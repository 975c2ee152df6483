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
