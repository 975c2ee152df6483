namespace GatewayAudit.Cli.Tests;

/// <summary>Config text that reaches the report (model names, callback names) cannot break its structure or inject markup.</summary>
public sealed class HostileInputTests : IDisposable
{
    private const string Config = """
        model_list:
          - model_name: "grp|x"
            litellm_params:
              model: "<script>alert(1)</script>|pipe"
          - model_name: g2
            litellm_params:
              model: "line1\n```\n# Injected heading"
        litellm_settings:
          callbacks: ["evil\"]] --> x"]
        general_settings:
          alerting: ["a|b<img src=x onerror=alert(1)>"]
        """;

    private readonly TempDir _dir = new();

    public HostileInputTests() => _dir.Write("config.yaml", Config);

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Markdown_keeps_its_structure()
    {
        var run = CliRunner.Run(_dir.Path, "scan", "config.yaml").AssertExit(0);
        var lines = run.Stdout.Split('\n');
        Assert.DoesNotContain(lines, l => l.StartsWith("# Injected", StringComparison.Ordinal));
        Assert.Equal(2, lines.Count(l => l.StartsWith("```", StringComparison.Ordinal)));
        Assert.Single(lines, l => l.StartsWith("# ", StringComparison.Ordinal));
        Assert.DoesNotContain("<img", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", run.Stdout, StringComparison.Ordinal);

        // Every table row has the same number of unescaped cell separators as its header.
        var annex = lines.SkipWhile(l => !l.StartsWith("| Sub-processor | Legal entity", StringComparison.Ordinal)).TakeWhile(l => l.StartsWith('|')).ToList();
        Assert.True(annex.Count > 3);
        Assert.All(annex, row => Assert.Equal(Separators(annex[0]), Separators(row)));
    }

    private static int Separators(string row) => row.Replace("\\|", "", StringComparison.Ordinal).Count(c => c == '|');

    [Fact]
    public void Html_has_no_injected_elements()
    {
        var run = CliRunner.Run(_dir.Path, "scan", "config.yaml", "--format", "html").AssertExit(0);
        // One script: the page's own table script at the end.
        Assert.Equal(1, run.Stdout.Split("<script", StringSplitOptions.None).Length - 1);
        Assert.Contains("<script>\n// Sort: click a column header", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, run.Stdout.Split("<h1", StringSplitOptions.None).Length - 1);
    }

    [Fact]
    public void Diagnostics_on_stderr_stay_one_line_each()
    {
        var run = CliRunner.Run(_dir.Path, "scan", "config.yaml").AssertExit(0);
        var lines = run.Stderr.TrimEnd('\n').Split('\n');
        Assert.All(lines, l => Assert.StartsWith("config.yaml:", l, StringComparison.Ordinal));
    }

    [Fact]
    public void Json_carries_the_text_verbatim_and_valid()
    {
        var run = CliRunner.Run(_dir.Path, "scan", "config.yaml", "--format", "json").AssertExit(0);
        using var document = System.Text.Json.JsonDocument.Parse(run.Stdout);
        Assert.Contains(document.RootElement.GetProperty("subprocessors").EnumerateArray(), s => s.GetProperty("name").GetString()!.Contains("# Injected heading", StringComparison.Ordinal));
    }
}
