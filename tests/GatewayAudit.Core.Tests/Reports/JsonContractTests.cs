using System.Text;
using System.Text.Json;
using GatewayAudit.Core.Model;
using GatewayAudit.Core.Reports;

namespace GatewayAudit.Core.Tests.Reports;

/// <summary>
/// The JSON report is written from metadata generated at build time (<see cref="ReportJsonContext"/>), not by
/// reflection on every run (bench/STARTUP.md). Attribute values are <c>object</c>, so every type they can hold must be
/// registered there, or writing the report would fail at run time.
/// </summary>
public sealed class JsonContractTests
{
    [Fact]
    public void The_json_report_resolves_its_types_through_the_generated_context()
    {
        Assert.Same(ReportJsonContext.Default, JsonRenderer.Options.TypeInfoResolver);
    }

    [Fact]
    public void Every_attribute_value_type_is_written()
    {
        var bag = new AttributeBag();
        bag.Set("text", "eu-west-1");
        bag.Set("flag", true);
        bag.Set("count", 3);
        bag.Set("ratio", 0.25);
        bag.Set("list", new List<string> { "a", "b" });
        var attributes = new SortedDictionary<string, object>(bag.ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal);
        using (var merged = JsonDocument.Parse("""{"fromMergedResult": ["x"]}"""))
        {
            // A merged scan result carries attribute values as they were read back: JSON elements.
            attributes["merged"] = merged.RootElement.GetProperty("fromMergedResult").Clone();
        }

        var report = AnnexTests.Build("""
            model_list:
              - model_name: gpt
                litellm_params: {model: openai/gpt-4o, api_key: os.environ/OPENAI_API_KEY}
            """);
        var withAll = report with { Components = [new ComponentRow("app:test", "Test", "app", null, "unknown", [], attributes, [])] };

        using var stream = new MemoryStream();
        new JsonRenderer().Write(withAll, stream, text => text);
        var component = JsonDocument.Parse(Encoding.UTF8.GetString(stream.ToArray())).RootElement.GetProperty("components")[0].GetProperty("attributes");

        Assert.Equal("eu-west-1", component.GetProperty("text").GetString());
        Assert.True(component.GetProperty("flag").GetBoolean());
        Assert.Equal(3, component.GetProperty("count").GetInt64());
        Assert.Equal(0.25, component.GetProperty("ratio").GetDouble());
        Assert.Equal(["a", "b"], component.GetProperty("list").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("x", component.GetProperty("merged")[0].GetString());
    }
}
