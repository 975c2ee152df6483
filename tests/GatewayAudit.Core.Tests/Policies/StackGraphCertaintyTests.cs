using GatewayAudit.Core.Model;
using GatewayAudit.Core.Policies;

namespace GatewayAudit.Core.Tests.Policies;

/// <summary>
/// The rule engine answers "is this party only possible, and why" from its stack graph, which settles the plain case
/// (a flow called from an app) itself and leaves the rest to <see cref="PartyCertainty"/>. Whatever the stack's shape
/// (apps, gateways only imported, chains, cycles, flows from parties the model does not hold, weak and strong
/// confidences, merged lists of them), it must answer exactly what PartyCertainty answers.
/// </summary>
public sealed class StackGraphCertaintyTests
{
    private static readonly object?[] Confidences = [null, "call", "client", "presumed", "import-only", new[] { "import-only", "presumed" }, new[] { "call", "import-only" }];
    private static readonly ComponentRole[] Roles = [ComponentRole.App, ComponentRole.Gateway, ComponentRole.ModelProvider, ComponentRole.Exporter];

    [Fact]
    public void Says_what_PartyCertainty_says_for_every_party_and_flow_of_many_stacks()
    {
        var random = new Random(14);
        var (shown, possible) = (0, 0);
        for (var stack = 0; stack < 400; stack++)
        {
            var model = new StackModel();
            var ids = Enumerable.Range(0, random.Next(1, 7)).Select(i => $"c{i}").ToList();
            foreach (var id in ids)
            {
                var component = new Component { Id = id, Name = id.ToUpperInvariant(), Role = Roles[random.Next(Roles.Length)] };
                if (Confidences[random.Next(Confidences.Length)] is { } confidence)
                {
                    component.Attributes.Set("confidence", confidence, new SourceLocation($"{id}.py", 1));
                }

                model.Add(component);
            }

            for (var f = random.Next(0, 9); f > 0; f--)
            {
                // Now and then a flow from a party the model does not hold.
                var from = random.Next(8) == 0 ? "elsewhere" : ids[random.Next(ids.Count)];
                var flow = model.Connect(from, ids[random.Next(ids.Count)], [DataCategory.Prompt], new SourceLocation("app.py", f));
                if (Confidences[random.Next(Confidences.Length)] is { } confidence)
                {
                    flow.Attributes.Set("confidence", confidence, new SourceLocation("app.py", f));
                }
            }

            var graph = new StackGraph(model);
            foreach (var component in model.Components)
            {
                Assert.Equal(PartyCertainty.IsPossible(model, component), graph.IsPossible(component));
                Assert.Equal(PartyCertainty.BasisOf(model, component), graph.BasisOf(component));
                (shown, possible) = PartyCertainty.IsPossible(model, component) ? (shown, possible + 1) : (shown + 1, possible);
            }

            foreach (var flow in model.Flows)
            {
                Assert.Equal(PartyCertainty.IsPossible(model, flow), graph.IsPossible(flow));
                Assert.Equal(PartyCertainty.BasisOf(model, flow), graph.BasisOf(flow));
            }
        }

        // Both answers were met many times, so neither side of the shortcut went untested.
        Assert.True(shown > 100 && possible > 100, $"{shown} shown, {possible} possible");
    }

    [Fact]
    public void Parties_in_a_cycle_are_possible_when_the_only_way_in_is_an_import_and_shown_when_it_is_a_call()
    {
        foreach (var (confidence, possible) in new[] { ("import-only", true), ("call", false) })
        {
            var model = new StackModel();
            model.Add(new Component { Id = "app:code", Name = "code", Role = ComponentRole.App });
            model.Add(new Component { Id = "gateway:a", Name = "A", Role = ComponentRole.Gateway });
            model.Add(new Component { Id = "gateway:b", Name = "B", Role = ComponentRole.Gateway });
            model.Connect("gateway:a", "gateway:b", [DataCategory.Prompt]);
            var back = model.Connect("gateway:b", "gateway:a", [DataCategory.Prompt]);
            model.Connect("app:code", "gateway:a", [DataCategory.Prompt]).Attributes.Set("confidence", confidence, new SourceLocation("app.py", 3));

            foreach (var id in new[] { "gateway:a", "gateway:b" })
            {
                Assert.Equal(possible, PartyCertainty.IsPossible(model, model.Find(id)!));
                Assert.Equal(possible ? new PossibleBasis("A", "import-only", new SourceLocation("app.py", 3), Called: false) : null, PartyCertainty.BasisOf(model, model.Find(id)!));
            }

            Assert.Equal(possible, PartyCertainty.IsPossible(model, back));
        }
    }
}
