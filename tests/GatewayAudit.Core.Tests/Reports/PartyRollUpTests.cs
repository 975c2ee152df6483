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
}
