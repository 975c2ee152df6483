using GatewayAudit.Core.Model;

namespace GatewayAudit.Core.Tests.Model;

/// <summary>
/// The stack model's compact collections (bench/SCALE.md round 5) answer as the SortedSet and SortedDictionary they
/// replaced: same order, no duplicates, origins that follow their key when other keys are inserted before it.
/// </summary>
public sealed class CompactCollectionTests
{
    [Fact]
    public void Bags_given_the_same_list_share_one_array_and_each_keeps_what_it_was_given()
    {
        var first = new AttributeBag();
        var second = new AttributeBag();
        var source = new List<string> { "anthropic/claude", "openai/gpt-4o" };
        first.Set("models", source);
        second.Set("models", new[] { "anthropic/claude", "openai/gpt-4o" });
        Assert.Same(first["models"], second["models"]);

        // The caller's own list is not what the bag holds: changing it changes neither bag.
        source[0] = "changed";
        Assert.Equal(["anthropic/claude", "openai/gpt-4o"], (string[])first["models"]!);

        // Another order or other texts are another list; a merge's union is a list of its own.
        second.Set("groups", new[] { "openai/gpt-4o", "anthropic/claude" });
        Assert.NotSame(first["models"], second["groups"]);
        var merged = new AttributeBag();
        merged.Set("models", new[] { "mistral/large" });
        merged.MergeFrom(first);
        Assert.Equal(["anthropic/claude", "mistral/large", "openai/gpt-4o"], (string[])merged["models"]!);
        Assert.Equal(["anthropic/claude", "openai/gpt-4o"], (string[])first["models"]!);
    }

    [Fact]
    public void Sorted_array_set_agrees_with_SortedSet_on_random_adds_removes_unions_and_differences()
    {
        var random = new Random(20261130);
        for (var round = 0; round < 300; round++)
        {
            var expected = new SortedSet<SourceLocation>();
            var actual = new SortedArraySet<SourceLocation>();
            for (var step = 0; step < random.Next(1, 60); step++)
            {
                var location = new SourceLocation($"f{random.Next(4)}.yaml", random.Next(1, 12), random.Next(1, 3));
                switch (random.Next(6))
                {
                    case 4:
                        var line = random.Next(1, 12);
                        Assert.Equal(expected.RemoveWhere(l => l.Line == line), actual.RemoveWhere(l => l.Line == line));
                        break;
                    case 5:
                        var gone = Enumerable.Range(0, random.Next(4)).Select(_ => new SourceLocation($"f{random.Next(4)}.yaml", random.Next(1, 12))).ToList();
                        expected.ExceptWith(gone);
                        actual.ExceptWith(gone);
                        break;
                    case 0:
                        Assert.Equal(expected.Remove(location), actual.Remove(location));
                        break;
                    case 1:
                        var batch = Enumerable.Range(0, random.Next(5)).Select(_ => new SourceLocation($"f{random.Next(4)}.yaml", random.Next(1, 12))).ToList();
                        expected.UnionWith(batch);
                        actual.UnionWith(batch);
                        break;
                    default:
                        Assert.Equal(expected.Add(location), actual.Add(location));
                        break;
                }

                Assert.Equal(expected.Contains(location), actual.Contains(location));
            }

            Assert.Equal(expected, actual);
            Assert.Equal(expected.ToArray(), actual.ToArray());
            Assert.Equal(expected.Count, actual.Count);
            Assert.Equal(expected.Min, actual.Min);
        }
    }

    [Fact]
    public void A_union_with_another_sorted_array_set_agrees_with_SortedSet_and_shares_nothing_with_it()
    {
        var random = new Random(20261201);
        var reverse = Comparer<string>.Create((a, b) => string.CompareOrdinal(b, a));
        for (var round = 0; round < 300; round++)
        {
            var words = Enumerable.Range(0, random.Next(6)).Select(_ => ((char)('a' + random.Next(8))).ToString()).ToList();
            var from = new SortedArraySet<string>(random.Next(2) == 0 ? StringComparer.Ordinal : reverse);
            from.UnionWith(words);
            var start = Enumerable.Range(0, random.Next(3)).Select(_ => ((char)('a' + random.Next(8))).ToString()).ToList();
            var expected = new SortedSet<string>(start, StringComparer.Ordinal);
            var actual = new SortedArraySet<string>(StringComparer.Ordinal);
            actual.UnionWith(start);

            expected.UnionWith(words);
            actual.UnionWith(from);
            from.Add("z");
            from.Remove(words.FirstOrDefault() ?? "-");

            Assert.Equal(expected, actual);
            Assert.Equal(expected.Count, actual.Count);
            actual.Add("y");
            Assert.DoesNotContain("y", from);
        }
    }

    [Fact]
    public void Merged_string_lists_are_the_ordered_union_whether_or_not_they_came_sorted()
    {
        var random = new Random(2026120114);
        string[] List() => Enumerable.Range(0, random.Next(6)).Select(_ => random.Next(3) == 0 ? "B" + random.Next(3) : "a" + random.Next(5)).ToArray();
        for (var round = 0; round < 2_000; round++)
        {
            var (left, right) = (List(), List());
            if (random.Next(2) == 0)
            {
                // Most lists a merge meets were made by merges: ordered and without repeats.
                left = left.Distinct().Order(StringComparer.Ordinal).ToArray();
                right = right.Distinct().Order(StringComparer.Ordinal).ToArray();
            }

            Assert.Equal(left.Union(right, StringComparer.Ordinal).Order(StringComparer.Ordinal), AttributeBag.Union(left, right));
        }

        var bag = new AttributeBag();
        bag.Set("models", new[] { "a", "c" });
        var other = new AttributeBag();
        other.Set("models", new[] { "b", "c" });
        bag.MergeFrom(other);
        Assert.Equal(new[] { "a", "b", "c" }, bag["models"]);
    }

    [Fact]
    public void A_value_added_to_a_list_lands_in_ordinal_order_once_whether_or_not_the_list_was_in_order()
    {
        var random = new Random(20261202);
        for (var round = 0; round < 200; round++)
        {
            var bag = new AttributeBag();
            var given = Enumerable.Range(0, random.Next(0, 6)).Select(_ => $"v{random.Next(12)}").ToArray();
            if (given.Length > 0)
            {
                bag.Set("list", given); // as set, possibly out of order and with repeats
            }

            var value = $"v{random.Next(12)}";
            bag.AddToList("list", value);

            var expected = given.Contains(value, StringComparer.Ordinal) ? given : given.Append(value).Order(StringComparer.Ordinal).ToArray();
            Assert.Equal(expected, (string[])bag["list"]!);
        }
    }

    [Fact]
    public void Sorted_array_set_uses_its_comparer_and_an_empty_one_has_no_minimum()
    {
        var notes = new SortedArraySet<string>(StringComparer.Ordinal) { "b", "B", "a", "b" };
        Assert.Equal(new[] { "B", "a", "b" }, notes);
        Assert.Null(new SortedArraySet<SourceLocation>().Min);
        Assert.Empty(new SortedArraySet<DataCategory>());
    }

    [Fact]
    public void Changing_a_sorted_array_set_while_walking_it_is_an_error()
    {
        var set = new SortedArraySet<int> { 1, 2, 3 };
        Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (var item in set)
            {
                set.Remove(item);
                set.Add(item + 10);
            }
        });
    }

    [Fact]
    public void Attribute_origins_follow_their_key_when_keys_are_inserted_before_it()
    {
        var bag = new AttributeBag();
        bag.Set("zeta", "z", new SourceLocation("c.yaml", 9));
        bag.Set("mid", true);
        bag.Set("alpha", 1, new SourceLocation("c.yaml", 2));
        bag.Set("beta", new[] { "x" });

        Assert.Equal(new[] { "alpha", "beta", "mid", "zeta" }, bag.Select(p => p.Key));
        Assert.Equal(new SourceLocation("c.yaml", 9), bag.Origin("zeta"));
        Assert.Equal(new SourceLocation("c.yaml", 2), bag.Origin("alpha"));
        Assert.Null(bag.Origin("mid"));
        Assert.Equal(1L, bag["alpha"]);
        Assert.Null(bag["missing"]);
        Assert.False(bag.TryGet("missing", out _));

        // Setting a value without a place forgets the old place.
        bag.Set("zeta", "y");
        Assert.Null(bag.Origin("zeta"));
        Assert.Equal("y", bag["zeta"]);
    }

    [Fact]
    public void Merged_attributes_keep_first_values_union_lists_and_take_origins_of_the_keys_they_add()
    {
        var mine = new AttributeBag();
        mine.Set("models", new[] { "m2" });
        mine.Set("port", 4000L, new SourceLocation("a.yaml", 3));
        var theirs = new AttributeBag();
        theirs.Set("models", new[] { "m1", "m2" });
        theirs.Set("port", 8000L, new SourceLocation("b.yaml", 7));
        theirs.Set("host", "h", new SourceLocation("b.yaml", 8));
        theirs.Set("aaa", false);

        mine.MergeFrom(theirs);

        Assert.Equal(new[] { "aaa", "host", "models", "port" }, mine.Select(p => p.Key));
        Assert.Equal(new[] { "m1", "m2" }, (string[])mine["models"]!);
        Assert.Equal(4000L, mine["port"]);
        Assert.Equal(new SourceLocation("a.yaml", 3), mine.Origin("port"));
        Assert.Equal(new SourceLocation("b.yaml", 8), mine.Origin("host"));
        Assert.Null(mine.Origin("aaa"));
        Assert.Equal(4, mine.Count);
    }
}
