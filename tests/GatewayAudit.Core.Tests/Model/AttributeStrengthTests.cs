using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers;
using GatewayAudit.Core.Readers.Code;

namespace GatewayAudit.Core.Tests.Model;

/// <summary>
/// Single-value facts two files state differently about one component or flow (confidence, kind): the stronger
/// evidence wins in whichever order the files are merged.
/// </summary>
public sealed class AttributeStrengthTests
{
    private const string ImportOnly = "import anthropic\n\n\ndef helper():\n    return None\n";

    private const string Calls = """
        import anthropic

        client = anthropic.Anthropic()
        reply = client.messages.create(model="claude-sonnet-4-5", max_tokens=10, messages=[])

        """;

    private const string ListsModels = """
        import anthropic

        client = anthropic.Anthropic()
        names = client.models.list()

        """;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_call_in_one_file_beats_an_import_in_another_whatever_the_order(bool callFirst)
    {
        var import = Read("a_helpers.py", ImportOnly);
        var call = Read("b_worker.py", Calls);
        var model = new StackModel();
        foreach (var fragment in callFirst ? new[] { call, import } : [import, call])
        {
            model.MergeFrom(fragment);
        }

        var anthropic = model.Find("provider:anthropic")!;
        Assert.Equal("call", anthropic.Attributes["confidence"]);
        Assert.Equal("call", Assert.Single(model.FlowsInto("provider:anthropic")).Attributes["confidence"]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_chat_flow_in_one_file_beats_a_listing_in_another_whatever_the_order(bool chatFirst)
    {
        var listing = Read("a_models.py", ListsModels);
        var chat = Read("b_worker.py", Calls);
        Assert.Equal("listing", Assert.Single(listing.FlowsInto("provider:anthropic")).Attributes["kind"]);
        var model = new StackModel();
        foreach (var fragment in chatFirst ? new[] { chat, listing } : [listing, chat])
        {
            model.MergeFrom(fragment);
        }

        Assert.Equal("inference", Assert.Single(model.FlowsInto("provider:anthropic")).Attributes["kind"]);
    }

    [Fact]
    public void Unranked_facts_keep_the_first_value_and_unknown_values_never_win()
    {
        var first = new AttributeBag();
        first.Set("host", "api.anthropic.com");
        first.Set("kind", "inference");
        var second = new AttributeBag();
        second.Set("host", "api.openai.com");
        second.Set("kind", "something-new");
        first.MergeFrom(second);
        Assert.Equal(("api.anthropic.com", "inference"), (first["host"], first["kind"]));
    }

    private static StackModel Read(string path, string text) =>
        new PythonSourceReader().Read(new InputFile(path, "/scan/" + path, text, namedExplicitly: false)).Fragment;
}

/// <summary>Bags make their maps on first use; an empty bag behaves as an empty map in every direction.</summary>
public sealed class EmptyAttributeBagTests
{
    [Fact]
    public void An_empty_bag_reads_as_empty_and_merges_both_ways()
    {
        var empty = new AttributeBag();
        Assert.Equal(0, empty.Count);
        Assert.Empty(empty);
        Assert.Null(empty["ttl"]);
        Assert.False(empty.TryGet("ttl", out _));
        Assert.False(empty.ContainsKey("ttl"));
        Assert.Null(empty.Origin("ttl"));

        var full = new AttributeBag();
        full.Set("ttl", 60L, new SourceLocation("config.yaml", 4));
        full.MergeFrom(new AttributeBag());
        Assert.Equal(60L, full["ttl"]);

        empty.MergeFrom(full);
        Assert.Equal(60L, empty["ttl"]);
        Assert.Equal(new SourceLocation("config.yaml", 4), empty.Origin("ttl"));
        empty.Set("ttl", 30L);
        Assert.Null(empty.Origin("ttl"));
    }
}
