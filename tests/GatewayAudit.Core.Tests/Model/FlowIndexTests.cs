using GatewayAudit.Core.Model;
using GatewayAudit.Core.Reports;

namespace GatewayAudit.Core.Tests.Model;

/// <summary>
/// A stack model indexes its flows by destination only once it holds more than a handful (bench/SCALE.md round 6):
/// below and above that size, and across removals, "what flows into X" and "what does X receive" answer as a scan of
/// every flow does, whether the flows are copied or read in place.
/// </summary>
public sealed class FlowIndexTests
{
    [Fact]
    public void Flows_into_a_component_and_what_it_receives_agree_with_a_scan_below_and_above_the_index_size()
    {
        var random = new Random(20261130);
        var categories = Enum.GetValues<DataCategory>();
        for (var round = 0; round < 200; round++)
        {
            var model = new StackModel();
            var ids = Enumerable.Range(0, random.Next(2, 12)).Select(i => $"c{i}").ToList();
            for (var step = 0; step < random.Next(1, 60); step++)
            {
                var from = ids[random.Next(ids.Count)];
                var to = ids[random.Next(ids.Count)];
                if (random.Next(8) == 0 && model.Flows.FirstOrDefault(f => f.To == to) is { } gone)
                {
                    model.RemoveFlow(gone);
                }
                else if (random.Next(20) == 0)
                {
                    model.Remove(from);
                }
                else
                {
                    model.Connect(from, to, [categories[random.Next(categories.Length)]]);
                }

                foreach (var id in ids)
                {
                    var expected = model.Flows.Where(f => f.To == id).OrderBy(f => f.Key, StringComparer.Ordinal).ToList();
                    Assert.Equal(expected, model.FlowsInto(id).ToList());
                    Assert.Equal(expected, InPlace(model, id));
                    Assert.Equal(expected.Count > 0, model.FlowsIntoInPlace(id).Any());
                    var received = expected.SelectMany(f => f.DataCategories).Distinct().Order().ToList();
                    Assert.Equal(received, model.Receives(id).ToList());
                    foreach (var category in categories)
                    {
                        Assert.Equal(received.Contains(category), model.ReceivesAny(id, [category]));
                    }
                }
            }
        }
    }

    private static List<Flow> InPlace(StackModel model, string id)
    {
        var flows = new List<Flow>();
        foreach (var flow in model.FlowsIntoInPlace(id))
        {
            flows.Add(flow);
        }

        return flows;
    }

    [Fact]
    public void A_model_can_change_while_its_flows_into_a_component_are_gone_through()
    {
        foreach (var size in new[] { 3, 40 })
        {
            var model = new StackModel();
            for (var i = 0; i < size; i++)
            {
                model.Connect($"app{i}", "provider:openai", [DataCategory.Prompt]);
            }

            foreach (var flow in model.FlowsInto("provider:openai"))
            {
                model.RemoveFlow(flow);
                model.Connect(flow.From, "gateway:litellm-proxy", [DataCategory.Prompt]);
            }

            Assert.Empty(model.FlowsInto("provider:openai"));
            Assert.Equal(size, model.FlowsInto("gateway:litellm-proxy").Count());
        }
    }

    [Fact]
    public void Locations_made_when_read_equal_the_rows_made_at_once()
    {
        var set = new SortedArraySet<SourceLocation>();
        set.UnionWith([new SourceLocation("b.yaml", 3), new SourceLocation("a.yaml", 9), new SourceLocation("a.yaml", 2)]);
        Assert.Equal(EvidenceRows.All(set), EvidenceRows.OnDemand(set));
        Assert.Equal(new EvidenceRow("a.yaml", 9), EvidenceRows.OnDemand(set)[1]);
        Assert.Equal(new SourceLocation("b.yaml", 3), set[2]);
        Assert.Throws<ArgumentOutOfRangeException>(() => set[3]);
    }
}
