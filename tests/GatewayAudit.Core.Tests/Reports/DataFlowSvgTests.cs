using System.Text.RegularExpressions;
using GatewayAudit.Core.Reports;

namespace GatewayAudit.Core.Tests.Reports;

/// <summary>The HTML report's data-flow picture: columns by role, escaped labels, arrows labelled with data categories.</summary>
public sealed partial class DataFlowSvgTests
{
    private static ComponentRow Component(string id, string name, string role, string hosting = "third-party") =>
        new(id, name, role, null, hosting, [], new Dictionary<string, object>(), []);

    private static FlowRow Flow(string from, string to, params string[] categories) => new(from, to, categories, new Dictionary<string, object>(), []);

    private static readonly ComponentRow[] Stack =
    [
        Component("provider:openai", "OpenAI", "model-provider"),
        Component("app:clients", "Client applications", "app", "operator-hosted"),
        Component("gateway:litellm-proxy", "LiteLLM proxy", "gateway", "operator-hosted"),
        Component("provider:openrouter", "OpenRouter", "gateway"),
        Component("provider:openrouter-upstream:x", "Any provider OpenRouter routes x to", "model-provider"),
        Component("datastore:pg", "Postgres", "datastore", "unknown"),
    ];

    private static readonly FlowRow[] Flows =
    [
        Flow("app:clients", "gateway:litellm-proxy", "prompt", "credentials"),
        Flow("gateway:litellm-proxy", "provider:openai", "prompt", "completion"),
        Flow("gateway:litellm-proxy", "provider:openrouter", "prompt"),
        Flow("provider:openrouter", "provider:openrouter-upstream:x", "prompt"),
        Flow("gateway:litellm-proxy", "datastore:pg", "metadata"),
    ];

    [Fact]
    public void Columns_run_from_applications_through_gateways_to_what_they_send_to()
    {
        var svg = DataFlowSvg.Render(Stack, Flows);
        var x = BoxX(svg);
        Assert.True(x["Client applications"] < x["LiteLLM proxy"]);
        Assert.True(x["LiteLLM proxy"] < x["OpenAI"]);
        Assert.Equal(x["OpenAI"], x["Postgres"]);
        // A gateway the proxy calls stands beside the providers, and its upstream one column further.
        Assert.Equal(x["OpenAI"], x["OpenRouter"]);
        Assert.True(x["OpenRouter"] < x["Any provider OpenRouter routes x to"]);
    }

    [Fact]
    public void Every_flow_is_an_arrow_labelled_with_its_categories()
    {
        var svg = DataFlowSvg.Render(Stack, Flows);
        Assert.Equal(Flows.Length, Regex.Count(svg, "marker-end=\"url\\(#arrow\\)\""));
        Assert.Contains(">prompt, credentials</text>", svg, StringComparison.Ordinal);
        Assert.Contains("<g class=\"node unknown\"><title>Postgres</title>", svg, StringComparison.Ordinal);
        Assert.Contains("<g class=\"node operator\"><title>LiteLLM proxy</title>", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_are_text_never_markup()
    {
        var hostile = Component("exporter:x", "\"><script>alert(1)</script>&amp;\u0001", "exporter");
        var svg = DataFlowSvg.Render([.. Stack, hostile], Flows);
        Assert.DoesNotContain("<script", svg, StringComparison.Ordinal);
        Assert.Contains("&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp;amp;", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("\u0001", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_names_wrap_at_separators_and_end_in_an_ellipsis()
    {
        var lines = DataFlowSvg.Wrap("Any provider OpenRouter routes meta-llama/llama-3.3-70b-instruct-with-a-very-long-suffix to", 26, 3);
        Assert.Equal(3, lines.Count);
        Assert.All(lines, l => Assert.True(l.Length <= 26, l));
        Assert.Equal("routes meta-llama/llama-3.", lines[1]);
        Assert.EndsWith("…", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void A_cycle_does_not_hang_the_layout()
    {
        var svg = DataFlowSvg.Render(Stack, [.. Flows, Flow("datastore:pg", "gateway:litellm-proxy", "metadata")]);
        Assert.StartsWith("<svg", svg, StringComparison.Ordinal);
    }

    private static Dictionary<string, int> BoxX(string svg) =>
        NodeBox().Matches(svg).ToDictionary(m => System.Net.WebUtility.HtmlDecode(m.Groups["name"].Value), m => int.Parse(m.Groups["x"].Value, System.Globalization.CultureInfo.InvariantCulture));

    [GeneratedRegex("<title>(?<name>[^<]*)</title><rect x=\"(?<x>\\d+)\"")]
    private static partial Regex NodeBox();
}
