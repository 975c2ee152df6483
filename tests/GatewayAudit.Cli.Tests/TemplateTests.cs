namespace GatewayAudit.Cli.Tests;

/// <summary>--template: a user's Liquid template shapes the Markdown; a broken or missing one is a usage error.</summary>
public sealed class TemplateTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Example => RepoPaths.Combine("examples", "litellm-langfuse-postgres-redis");

    [Fact]
    public void Custom_template_renders_the_report_model()
    {
        _dir.Write("annex.liquid", "{% for s in subprocessors %}{{ s.name }}|{{ s.role }}|{{ s.zdr }}|{{ s.evidence | evidence }}\n{% endfor %}");
        var run = CliRunner.Run(_dir.Path, "scan", Example, "--template", "annex.liquid").AssertNoStackTrace().AssertExit(0);
        var lines = run.Stdout.TrimEnd('\n').Split('\n');
        Assert.Contains(lines, l => l.StartsWith("Langfuse|exporter|no|", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("OpenRouter|gateway|unknown|", StringComparison.Ordinal));
        Assert.DoesNotContain("# Gateway sub-processor audit", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Custom_template_also_drives_the_html_body()
    {
        _dir.Write("t.liquid", "# Custom annex\n\n{{ summary.subprocessors }} sub-processors\n");
        var run = CliRunner.Run(_dir.Path, "scan", Example, "--template", "t.liquid", "--format", "html").AssertExit(0);
        Assert.Contains("<title>Custom annex</title>", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("<h1 class=\"title\">Custom annex</h1>", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("sub-processors", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Md_cell_filter_keeps_table_rows_intact()
    {
        _dir.Write("t.liquid", "{{ \"a|b\nc<d\" | md_cell }}");
        var run = CliRunner.Run(_dir.Path, "scan", Example, "--template", "t.liquid").AssertExit(0);
        Assert.Equal("a\\|b c&lt;d\n", run.Stdout);
    }

    [Fact]
    public void Broken_template_is_a_usage_error_naming_the_template()
    {
        _dir.Write("broken.liquid", "{% for s in subprocessors %}{{ s.name }");
        var run = CliRunner.Run(_dir.Path, "scan", Example, "--template", "broken.liquid").AssertNoStackTrace().AssertExit(2);
        Assert.Contains("template error:", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("broken.liquid", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void Include_reads_from_the_template_folder()
    {
        _dir.Write("parts/row.liquid", "{{ s.name }};");
        _dir.Write("t.liquid", "{% for s in subprocessors %}{% include 'parts/row' %}{% endfor %}");
        var run = CliRunner.Run(_dir.Path, "scan", Example, "--template", "t.liquid").AssertNoStackTrace().AssertExit(0);
        Assert.Contains("Langfuse;", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{% include '../outside' %}", "outside the template's folder")]
    [InlineData("{% include '/etc/passwd' %}", "outside the template's folder")]
    [InlineData("{% include 'missing' %}", "not found in the template's folder")]
    [InlineData("{% for i in (1..100000000) %}x{% endfor %}", "loop")]
    [InlineData("{% for i in (1..100000) %}{% for j in (1..100000) %}{% endfor %}{% endfor %}", "loop")]
    [InlineData("{% include 'self' %}", "recursi")]
    [InlineData("{% assign s = 'xxxxxxxxxxxxxxxx' %}{% for i in (1..60) %}{% assign s = s | append: s %}{% endfor %}{{ s | size }}", "limit")]
    [InlineData("{% assign s = 'xxxxxxxxxxxxxxxx' %}{% for i in (1..60) %}{% assign s = s | prepend: s %}{% endfor %}{{ s | size }}", "limit")]
    [InlineData("{% assign a = 'x,y' | split: ',' %}{% for i in (1..60) %}{% assign a = a | concat: a %}{% endfor %}{{ a | size }}", "limit")]
    [InlineData("{% assign s = 'xxxxxxxxxxxxxxxx' %}{% for i in (1..60) %}{% assign s = s | replace: 'x', 'xxxxxxxx' %}{% endfor %}{{ s | size }}", "limit")]
    public void Hostile_template_is_a_usage_error_with_a_message(string template, string message)
    {
        _dir.Write("outside.liquid", "secret");
        _dir.Write("t/self.liquid", "x{% include 'self' %}");
        _dir.Write("t/t.liquid", template);
        var run = CliRunner.Run(_dir.Path, "scan", Example, "--template", "t/t.liquid").AssertNoStackTrace().AssertExit(2);
        Assert.Contains("template error:", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(message, run.Stderr, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void Include_through_a_link_leading_out_of_the_folder_is_refused()
    {
        _dir.Write("outside.liquid", "secret");
        Directory.CreateDirectory(Path.Combine(_dir.Path, "t"));
        File.CreateSymbolicLink(Path.Combine(_dir.Path, "t", "link.liquid"), Path.Combine(_dir.Path, "outside.liquid"));
        _dir.Write("t/t.liquid", "{% include 'link' %}");
        var run = CliRunner.Run(_dir.Path, "scan", Example, "--template", "t/t.liquid").AssertNoStackTrace().AssertExit(2);
        Assert.Contains("links outside the template's folder", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", run.Stdout + run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_template_is_a_usage_error()
    {
        var run = CliRunner.Run(_dir.Path, "scan", Example, "--template", "nope.liquid").AssertNoStackTrace().AssertExit(2);
        Assert.Contains("nope.liquid: template not found", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Template_is_only_for_markdown_and_html_json_ignores_it()
    {
        _dir.Write("t.liquid", "custom");
        var withTemplate = CliRunner.Run(_dir.Path, "scan", Example, "--template", "t.liquid", "--format", "json").AssertExit(0).Stdout;
        var without = CliRunner.Run(_dir.Path, "scan", Example, "--format", "json").AssertExit(0).Stdout;
        Assert.Equal(without, withTemplate);
    }
}
