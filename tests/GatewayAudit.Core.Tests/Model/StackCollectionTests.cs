using GatewayAudit.Core.Model;

namespace GatewayAudit.Core.Tests.Model;

/// <summary>
/// A stack model keeps its components and flows in arrays sorted by key, and a flow's categories as bits (bench/SCALE.md
/// round 15): they answer as the SortedDictionary and SortedSet they replaced, in ordinal and enum order, so reports and
/// rules see the same order and membership.
/// </summary>
public sealed class StackCollectionTests
{
    // Keys whose ordinal order differs from culture order ("Z" before "a", "-" before ">", non-ASCII last).
    private static readonly string[] Keys = ["a", "A", "Z", "a-b", "a->b", "a->B", "provider:openai", "provider:öko", "provider:Open", "b", "ab", ""];

    [Fact]
    public void Components_keyed_and_sorted_agree_with_a_SortedDictionary_on_random_adds_and_removes()
    {
        var random = new Random(20261201);
        for (var round = 0; round < 300; round++)
        {
            var expected = new SortedDictionary<string, Component>(StringComparer.Ordinal);
            var actual = new OrderedByKey<Component>(c => c.Id);
            for (var step = 0; step < random.Next(1, 40); step++)
            {
                var key = Keys[random.Next(Keys.Length)];
                if (random.Next(3) == 0)
                {
                    Assert.Equal(expected.Remove(key), actual.Remove(key));
                }
                else
                {
                    var component = new Component { Id = key, Name = $"n{step}", Role = ComponentRole.ModelProvider };
                    Assert.Equal(expected.TryAdd(key, component), actual.Add(component));
                }

                Assert.Equal(expected.Values, actual);
                Assert.Equal(expected.Count, actual.Count);
                foreach (var probe in Keys)
                {
                    Assert.Same(expected.GetValueOrDefault(probe), actual.Find(probe));
                }
            }
        }
    }

    [Fact]
    public void A_stack_model_enumerates_components_and_flows_in_ordinal_key_order_whatever_the_order_they_came_in()
    {
        var model = new StackModel();
        foreach (var id in new[] { "provider:openai", "Gateway", "app", "provider:Open", "provider:öko" })
        {
            model.Add(new Component { Id = id, Name = id, Role = ComponentRole.ModelProvider });
            model.Connect("app", id, [DataCategory.Prompt]);
        }

        model.Connect("a-b", "x", [DataCategory.Usage]);

        Assert.Equal(["Gateway", "app", "provider:Open", "provider:openai", "provider:öko"], model.Components.Select(c => c.Id));
        Assert.Equal(["a-b->x", "app->Gateway", "app->app", "app->provider:Open", "app->provider:openai", "app->provider:öko"], model.Flows.Select(f => f.Key));
        Assert.Equal(model.Components.Select(c => c.Id).Order(StringComparer.Ordinal), model.Components.Select(c => c.Id));
    }

    [Fact]
    public void Adding_to_a_stack_model_while_walking_its_components_is_an_error_as_before()
    {
        var model = new StackModel();
        model.Add(new Component { Id = "a", Name = "a", Role = ComponentRole.App });
        Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (var component in model.Components)
            {
                model.Add(new Component { Id = component.Id + "2", Name = "b", Role = ComponentRole.App });
            }
        });
    }

    [Fact]
    public void Data_category_sets_agree_with_SortedSet_on_membership_count_and_order()
    {
        var random = new Random(20261201);
        var all = Enum.GetValues<DataCategory>();
        for (var round = 0; round < 300; round++)
        {
            var left = Enumerable.Range(0, random.Next(6)).Select(_ => all[random.Next(all.Length)]).ToList();
            var right = Enumerable.Range(0, random.Next(6)).Select(_ => all[random.Next(all.Length)]).ToList();
            var expected = new SortedSet<DataCategory>(left);
            var actual = DataCategorySet.Of(left);
            Assert.Equal(expected, actual);
            Assert.Equal(expected.Count, actual.Count);
            Assert.Equal(expected.Overlaps(right), actual.Overlaps(DataCategorySet.Of(right)));
            expected.UnionWith(right);
            actual = actual.Union(DataCategorySet.Of(right));
            Assert.Equal(expected, actual);
            foreach (var category in all)
            {
                Assert.Equal(expected.Contains(category), actual.Contains(category));
                Assert.Equal(expected.Append(category).Distinct().Order(), actual.With(category));
            }
        }
    }

    [Fact]
    public void A_merged_flow_carries_the_union_of_both_flows_categories_in_enum_order()
    {
        var model = new StackModel();
        model.Connect("app", "provider:openai", [DataCategory.Usage, DataCategory.Prompt]);
        var flow = model.Connect("app", "provider:openai", [DataCategory.Completion, DataCategory.Prompt]);

        Assert.Equal([DataCategory.Prompt, DataCategory.Completion, DataCategory.Usage], flow.DataCategories);
        Assert.Equal([DataCategory.Prompt, DataCategory.Completion, DataCategory.Usage], model.Receives("provider:openai"));
        Assert.Empty(model.Receives("app"));
        Assert.Single(model.Flows);
    }
}
