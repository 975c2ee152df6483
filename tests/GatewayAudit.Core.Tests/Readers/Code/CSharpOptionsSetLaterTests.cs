using static GatewayAudit.Core.Tests.Readers.DeploymentFixtures;

namespace GatewayAudit.Core.Tests.Readers.Code;

/// <summary>
/// An SDK client whose options object is built empty and given its endpoint by a later statement
/// (<c>var options = new OpenAIClientOptions(); options.Endpoint = new Uri("...")</c>), as Portkey's and OpenRouter's
/// C# guides write it: the client goes where the options say, not to the SDK's default host. Two different endpoints
/// assigned to the same options leave it unknown rather than picking one.
/// </summary>
public sealed class CSharpOptionsSetLaterTests
{
    private static string Program(string assignments, string options = "OpenAIClientOptions", string client = "new ChatClient(\"openai/gpt-4o\", new ApiKeyCredential(key), options)") => $$"""
        using System.ClientModel;
        using OpenAI;
        using OpenAI.Chat;

        var key = Environment.GetEnvironmentVariable("ROUTER_KEY")!;
        var options = new {{options}}();
        {{assignments}}
        var chat = {{client}};
        var reply = await chat.CompleteChatAsync("Summarise the ticket");
        Console.WriteLine(reply.Value.Content[0].Text);
        """;

    [Fact]
    public void An_endpoint_set_after_the_options_are_built_is_the_clients_endpoint()
    {
        var result = AuditFiles(("src/Bot/Program.cs", Program("options.Endpoint = new Uri(\"https://openrouter.ai/api/v1\");")));

        Assert.NotNull(result.Model.Find("provider:openrouter"));
        Assert.Null(result.Model.Find("provider:openai"));
    }

    [Fact]
    public void An_azure_options_object_set_later_names_the_resource()
    {
        var result = AuditFiles(("src/Bot/Program.cs", Program("options.Endpoint = new Uri(\"http://localhost:11434/v1\");", "OpenAIClientOptions",
            "new OpenAIClient(new ApiKeyCredential(key), options).GetChatClient(\"llama3\")")));

        Assert.Contains(result.Model.Components, c => c.Id.StartsWith("inference:localhost", StringComparison.Ordinal));
        Assert.Null(result.Model.Find("provider:openai"));
    }

    [Fact]
    public void Two_different_endpoints_on_the_same_options_are_no_guess()
    {
        var result = AuditFiles(("src/Bot/Program.cs", Program("""
            options.Endpoint = new Uri("https://openrouter.ai/api/v1");
            if (args.Length > 0) { options.Endpoint = new Uri("http://localhost:11434/v1"); }
            """)));

        Assert.Null(result.Model.Find("provider:openai"));
    }

    [Fact]
    public void A_commented_assignment_sets_nothing()
    {
        var result = AuditFiles(("src/Bot/Program.cs", Program("// options.Endpoint = new Uri(\"https://openrouter.ai/api/v1\");")));

        Assert.Null(result.Model.Find("provider:openrouter"));
        Assert.NotNull(result.Model.Find("provider:openai"));
    }
}
