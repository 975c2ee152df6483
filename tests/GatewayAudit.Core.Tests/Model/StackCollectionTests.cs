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

        // Keys short and long (past what is kept as one shared string) are "from->to" all the same.
        var far = "provider:" + new string('x', 200);
        Assert.Equal("app->" + far, model.Connect("app", far, [DataCategory.Prompt]).Key);
        Assert.Same(model.Connect("app", far, [DataCategory.Usage]), model.Flows.Single(f => f.To == far));
        Assert.Equal([DataCategory.Prompt, DataCategory.Usage], model.Flows.Single(f => f.To == far).DataCategories);
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

    [Fact]
    public void A_one_item_set_grows_shrinks_and_unions_in_order_as_a_larger_one()
    {
        var one = new SortedArraySet<SourceLocation> { new("b.yaml", 2) };
        var empty = new SortedArraySet<SourceLocation>();
        empty.UnionWith(one);
        Assert.Equal([new SourceLocation("b.yaml", 2)], empty);
        Assert.Equal(new SourceLocation("b.yaml", 2), empty[0]);
        Assert.Equal(new SourceLocation("b.yaml", 2), empty.Min);

        one.Add(new SourceLocation("a.yaml", 9));
        Assert.Equal([new SourceLocation("a.yaml", 9), new SourceLocation("b.yaml", 2)], one);
        Assert.Equal([new SourceLocation("b.yaml", 2)], empty); // the union shared nothing with the set it came from

        Assert.True(empty.Remove(new SourceLocation("b.yaml", 2)));
        Assert.Empty(empty);
        Assert.Null(empty.Min);
        empty.Add(new SourceLocation("c.yaml", 1));
        Assert.Equal(1, empty.RemoveWhere(l => l.File == "c.yaml"));
        Assert.False(empty.Contains(new SourceLocation("c.yaml", 1)));
    }

    [Fact]
    public void Sites_with_an_address_from_the_environment_merge_and_are_answered_like_a_set()
    {
        var a = new Component { Id = "exporter:langfuse", Name = "Langfuse", Role = ComponentRole.Exporter };
        Assert.Empty(a.AddressFromEnvironmentAt);
        a.AddAddressFromEnvironment([new SourceLocation("b.py", 3), new SourceLocation("a.py", 7)]);
        var b = new Component { Id = "exporter:langfuse", Name = "Langfuse", Role = ComponentRole.Exporter };
        b.AddAddressFromEnvironment([new SourceLocation("a.py", 7), new SourceLocation("c.py", 1)]);
        a.MergeFrom(b);
        Assert.Equal([new SourceLocation("a.py", 7), new SourceLocation("b.py", 3), new SourceLocation("c.py", 1)], a.AddressFromEnvironmentAt);

        a.AnswerAddressFromEnvironment([new SourceLocation("b.py", 3)]);
        Assert.Equal([new SourceLocation("a.py", 7), new SourceLocation("c.py", 1)], a.AddressFromEnvironmentAt);
        Assert.Equal([new SourceLocation("a.py", 7), new SourceLocation("c.py", 1)], b.AddressFromEnvironmentAt);
    }

    [Fact]
    public void Flags_and_numbers_read_back_as_set_whether_small_large_or_negative()
    {
        var bag = new AttributeBag();
        bag.Set("on", true);
        bag.Set("off", false);
        bag.Set("port", 4000);
        bag.Set("big", 1L << 40);
        bag.Set("negative", -5L);
        bag.Set("edge", 1024);
        bag.Set("past", 1025L);
        Assert.Equal(true, bag["on"]);
        Assert.Equal(false, bag["off"]);
        Assert.Equal(4000L, bag["port"]);
        Assert.Equal(1L << 40, bag["big"]);
        Assert.Equal(-5L, bag["negative"]);
        Assert.Equal(1024L, bag["edge"]);
        Assert.Equal(1025L, bag["past"]);
    }

    [Fact]
    public void Code_clients_are_let_go_only_once_every_list_is_joined()
    {
        var model = new StackModel();
        model.CodeClients.Settings.Add(new SettingValue(SettingValue.Spring, "llm.url", "", null, new SourceLocation("application.yml", 1), "https://example.test", null));
        model.ForgetJoinedCodeClients();
        Assert.Single(model.CodeClients.Settings);
        model.CodeClients.Settings.Clear();
        var held = model.CodeClients;
        model.ForgetJoinedCodeClients();
        Assert.NotSame(held, model.CodeClients);
    }
}
