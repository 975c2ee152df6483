using GatewayAudit.Core.Reports;

namespace GatewayAudit.Core.Tests.Reports;

public sealed class PartyRollUpTests
{
    [Fact]
    public void Each_party_counts_its_holders_once_and_lists_the_first_by_name()
    {
        var rollUp = new PartyRollUp(firstHolders: 2);
        foreach (var stack in new[] { "stack-c", "stack-a", "stack-b", "stack-a" })
        {
            rollUp.Add("provider:openai", "OpenAI", stack);
        }

        rollUp.Add("exporter:langfuse", "Langfuse", "stack-b");

        var rows = rollUp.Rows();
        Assert.Equal(["provider:openai", "exporter:langfuse"], rows.Select(r => r.Id));
        Assert.Equal(3, rows[0].Stacks);
        Assert.Equal(["stack-a", "stack-b"], rows[0].First);
        Assert.Equal(("Langfuse", 1), (rows[1].Name, rows[1].Stacks));
        Assert.Equal(["stack-b"], rows[1].First);
    }

    [Fact]
    public void Parties_in_as_many_holders_are_in_id_order()
    {
        var rollUp = new PartyRollUp();
        rollUp.Add("provider:openai", "OpenAI", "repo-1");
        rollUp.Add("provider:anthropic", "Anthropic", "repo-2");
        Assert.Equal(["provider:anthropic", "provider:openai"], rollUp.Rows().Select(r => r.Id));
    }

    [Theory]
    [InlineData(20261202)]
    [InlineData(7)]
    [InlineData(1)]
    public void Holders_in_any_order_and_repeated_give_what_a_sorted_distinct_list_gives(int seed)
    {
        var random = new Random(seed);
        var names = Enumerable.Range(0, 40).Select(i => $"stack-{random.Next(25):D2}").ToList();
        var inOrder = random.Next(2) == 0;
        var added = inOrder ? names.Order(StringComparer.Ordinal).ToList() : names;
        var rollUp = new PartyRollUp(firstHolders: 5);
        foreach (var name in added)
        {
            rollUp.Add("provider:openai", "OpenAI", name);
        }

        var expected = names.Distinct().Order(StringComparer.Ordinal).ToList();
        var row = Assert.Single(rollUp.Rows());
        Assert.Equal(expected.Count, row.Stacks);
        Assert.Equal(expected.Take(5), row.First);
    }

    [Fact]
    public void Holders_first_in_order_then_out_of_order_are_still_counted_once()
    {
        var rollUp = new PartyRollUp(firstHolders: 3);
        foreach (var name in new[] { "b", "c", "c", "d", "a", "c", "b" })
        {
            rollUp.Add("provider:openai", "OpenAI", name);
        }

        var row = Assert.Single(rollUp.Rows());
        Assert.Equal(4, row.Stacks);
        Assert.Equal(["a", "b", "c"], row.First);
    }
}
