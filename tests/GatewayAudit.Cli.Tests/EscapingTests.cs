using System.Text.RegularExpressions;
using Markdig;

namespace GatewayAudit.Cli.Tests;

/// <summary>
/// Values from the inputs (a file name, model names, api_base URLs, callback names, a user catalog's vendor name,
/// legal entity and source URL) carrying markup reach every slot of the Markdown, the Mermaid block, the HTML and
/// its SVG as text: never as a tag, an attribute, a link or a code span they close.
/// </summary>
public sealed partial class EscapingTests : IDisposable
{
    // A file name may hold anything but '/' and NUL on Linux: a tag, a Markdown link and a backtick that would close a code span.
    private const string HostileFile = "x<img src=x onerror=alert(1)>`[a](javascript:alert(2))`.yaml";

    private const string Config = """
        model_list:
          - model_name: "<script>alert(3)</script>"
            litellm_params:
              model: "openai/](javascript:alert(6))"
              api_base: "https://llm.hostile.test/v1"
          - model_name: plain
            litellm_params:
              model: "openai/[x](javascript:alert(7))"
              api_base: "https://a.example.test/v1"
        litellm_settings:
          success_callback: ["\"><img src=x onerror=alert(4)>", "`](javascript:alert(8))#quot;&lt;b&gt;|x"]
        """;

    // A user catalog entry for the endpoint's host, with markup in its name, legal entity and URLs (the catalog schema
    // wants https URLs without spaces; these are that, and hostile).
    private const string Catalog = """
        id: hostile
        name: "Hostile <script>alert(9)</script> [n](javascript:alert(10))"
        kind: model-provider
        hosts: [llm.hostile.test]
        facts:
          legalEntity: { value: "\"><img src=x onerror=alert(11)> Inc", source: "https://x.test/a><script>alert(12)</script>", checked: 2026-11-30 }
          country: { value: unknown }
          dataRegions: { value: unknown }
          defaultRetention: { value: unknown }
          zdr: { value: unknown }
          trainsOnApiData: { value: unknown }
          certifications: { value: unknown }
          dpaUrl: { value: "https://x.test/\"><svg/onload=alert(13)>", source: "https://x.test/b)](javascript:alert(14))", checked: 2026-11-30 }
          subprocessorListUrl: { value: unknown }
        """;

    private readonly TempDir _dir = new();

    public EscapingTests()
    {
        _dir.Write(HostileFile, Config);
        _dir.Write("catalog/hostile.yaml", Catalog);
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Html_holds_no_markup_from_the_inputs()
    {
        var html = Scan("html");
        Assert.Contains("alert(1)", html, StringComparison.Ordinal); // the file name reached the page ...
        Assert.Contains("alert(4)", html, StringComparison.Ordinal); // ... and the callback name ...
        Assert.Contains("alert(9)", html, StringComparison.Ordinal); // ... and the catalog's vendor name,
        AssertOnlyOwnMarkup(html, scripts: 1);                       // all as text.
        Assert.Contains("<svg class=\"dataflow\"", html, StringComparison.Ordinal);
        Assert.Contains("&quot;&gt;&lt;img src=x onerror=alert(4)&gt;", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("md", "alert(2)")]    // the file name, in the full report
    [InlineData("annex", "alert(9)")] // the catalog's vendor name, in the DPA annex
    public void Markdown_rendered_as_github_would_holds_no_markup_from_the_inputs(string format, string reached)
    {
        var markdown = Scan(format);
        Assert.Contains(reached, markdown, StringComparison.Ordinal);
        Assert.Contains("alert(11)", markdown, StringComparison.Ordinal); // the legal entity, in the annex table

        // HTML allowed, autolinks on: what a permissive GFM renderer makes of it (GitHub also sanitises; we must not rely on that).
        var pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();
        var html = Markdown.ToHtml(markdown, pipeline);
        AssertOnlyOwnMarkup(html, scripts: 0);
        Assert.DoesNotContain("<a href=\"javascript", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Mermaid_labels_stay_inside_their_quotes()
    {
        var markdown = Scan("md");
        var block = Regex.Match(markdown, "```mermaid\n(?<body>.*?)\n```", RegexOptions.Singleline).Groups["body"].Value;
        var lines = block.Split('\n').Skip(1).ToList();
        Assert.NotEmpty(lines);
        Assert.Contains(lines, l => l.Contains("alert(4)", StringComparison.Ordinal));
        foreach (var line in lines)
        {
            Assert.Matches(MermaidStatement(), line);
        }

        Assert.DoesNotContain("`", block, StringComparison.Ordinal);
        // "#quot;" and "&lt;" written in a config value are shown as written, not decoded into a quote or a '<'.
        Assert.Contains("#35;quot;#38;lt;b#38;gt;", block, StringComparison.Ordinal);
    }

    private string Scan(string format) =>
        CliRunner.Run(_dir.Path, "scan", ".", "--catalog", "catalog", "--format", format).AssertNoStackTrace().AssertExit(0).Stdout;

    /// <summary>Every tag is one the report itself writes, no attribute is an event handler, every link is an anchor or an http(s) URL.</summary>
    private static void AssertOnlyOwnMarkup(string html, int scripts)
    {
        string[] own =
        [
            "html", "head", "meta", "title", "style", "body", "div", "nav", "main", "header", "h1", "h2", "h3", "h4", "p", "ol", "ul",
            "li", "a", "span", "strong", "em", "code", "pre", "table", "thead", "tbody", "tr", "th", "td", "figure", "details",
            "summary", "svg", "defs", "marker", "path", "g", "rect", "text", "script", "br", "hr",
        ];
        foreach (Match tag in Tag().Matches(html))
        {
            var name = tag.Groups["name"].Value.ToLowerInvariant();
            Assert.True(own.Contains(name), $"unexpected tag <{name}> in: {tag.Value}");
            Assert.DoesNotMatch(EventHandler(), tag.Value);
            // A catalog source URL is a link by design: only as an https URL, whatever its path holds.
            if (Href().Match(tag.Value) is { Success: true } href)
            {
                Assert.Matches("^(#|https?://)[^\"<>\\s]*$", href.Groups["url"].Value);
            }

            Assert.DoesNotContain("alert(", Href().Replace(tag.Value, ""), StringComparison.Ordinal);
        }

        Assert.Equal(scripts, Regex.Count(html, "<script", RegexOptions.IgnoreCase));
    }

    [GeneratedRegex(@"<(?<name>[a-zA-Z][a-zA-Z0-9-]*)\b[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandler();

    [GeneratedRegex("href=\"(?<url>[^\"]*)\"")]
    private static partial Regex Href();

    // A node: c1["label"] or c1[["label"]] with no quote inside; an edge: c1 -->|categories| c2.
    [GeneratedRegex("""^  (c\d+\[\[?"[^"\n]*"\]\]?|c\d+ -->\|[a-z, ]+\| c\d+)$""")]
    private static partial Regex MermaidStatement();
}
