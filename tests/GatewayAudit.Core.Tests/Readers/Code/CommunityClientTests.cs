using GatewayAudit.Core.Model;

namespace GatewayAudit.Core.Tests.Readers.Code;

/// <summary>
/// Defect class from the public-code corpus run (bench/CODE-CORPUS.md): a console program that creates a community
/// OpenRouter .NET client with no URL in its own file named no party. Fixture written in that shape.
/// </summary>
public sealed class CommunityClientTests
{
    private const string Program = """
        using OpenRouterClientLite;

        using var client = new OpenRouterClient(Environment.GetEnvironmentVariable("OPENROUTER_API_KEY")!, appName: "Notes", siteUrl: "https://notes.example");
        var reply = await client.GenerateResponseAsync(model: "deepseek/deepseek-chat:free", prompt: "Summarise my notes", maxTokens: 200);
        Console.WriteLine(reply);

        """;

    [Fact]
    public void A_community_OpenRouterClient_created_with_no_URL_is_OpenRouter_with_its_upstreams()
    {
        var model = CSharpSourceReaderTests.Read("Notes/Program.cs", Program);
        var openRouter = model.Find("provider:openrouter")!;
        Assert.Equal((ComponentRole.Gateway, Hosting.ThirdParty), (openRouter.Role, openRouter.Hosting));
        Assert.Contains(openRouter.Evidence, e => e.Line == 3);
        Assert.Contains(model.Components, c => c.SubProcessorOf == "provider:openrouter");
    }

    [Fact]
    public void A_class_of_another_name_is_no_party()
    {
        const string Other = """
            using Notes;

            using var client = new NotesClient(Environment.GetEnvironmentVariable("NOTES_API_KEY")!, appName: "Notes");
            var reply = await client.GenerateResponseAsync(model: "notes-v1", prompt: "Summarise my notes", maxTokens: 200);

            """;
        Assert.False(GatewayAudit.Core.Readers.Code.CSharpSourceReader.Mentions(Other)); // not even parsed
        Assert.True(GatewayAudit.Core.Readers.Code.CSharpSourceReader.Mentions(Program));
    }
}
