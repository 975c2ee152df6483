using static GatewayAudit.Core.Tests.Readers.DeploymentFixtures;

namespace GatewayAudit.Core.Tests.Stacks;

/// <summary>
/// A bot project reads its Ollama endpoint from configuration (<c>configuration["Ollama:OllamaURL"]</c>) and ships no
/// <c>appsettings.json</c>, only an example in its <c>Examples/</c> folder or an <c>appsettings.Example.json</c>: the
/// example names the endpoint the project intends, joined with confidence "example" and said to be an example; where a
/// loaded <c>appsettings.json</c> sets the key, the example is not a party of its own.
/// </summary>
public sealed class DotNetExampleSettingsTests
{
    private const string Program = """
        using Azure;
        using Azure.AI.Inference;
        using Microsoft.Extensions.Configuration;

        var configuration = new ConfigurationBuilder().AddJsonFile("appsettings.json").Build();
        string ollamaUrl = configuration["Ollama:OllamaURL"] ?? throw new InvalidOperationException("Missing 'Ollama:OllamaURL'");
        var client = new ChatCompletionsClient(new Uri(ollamaUrl), new AzureKeyCredential("unused"));
        var reply = await client.CompleteAsync(new ChatCompletionsOptions { Messages = { new ChatRequestUserMessage(Console.ReadLine()) } });
        Console.WriteLine(reply.Value.Content);
        """;

    private static string Settings(string url) => $$"""
        {
          "Discord": { "Token": "Insert Discord bot token here" },
          "Ollama": {
            "ModelVersion": "llama3",
            "OllamaURL": "{{url}}"
          }
        }
        """;

    private static readonly (string, string)[] Project = [("Bot/Program.cs", Program), ("Bot/Bot.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />")];

    [Theory]
    [InlineData("Bot/Examples/appsettings.json")]
    [InlineData("Bot/appsettings.Example.json")]
    public void An_example_settings_file_names_the_endpoint_as_an_example(string example)
    {
        var result = AuditFiles([.. Project, (example, Settings("http://localhost:11434/api/chat"))]);

        Assert.DoesNotContain(result.Model.Components, c => c.Id.StartsWith("provider:setting:", StringComparison.Ordinal));
        var ollama = Assert.Single(result.Model.Components, c => c.Id.StartsWith("inference:localhost", StringComparison.Ordinal));
        Assert.Contains(ollama.Evidence, e => e.File == example && e.Line == 5);
        Assert.Equal("example", ollama.Attributes["confidence"]);
        Assert.Contains(ollama.Notes, n => n.Contains("an example settings file: the endpoint the project documents", StringComparison.Ordinal));
    }

    [Fact]
    public void A_loaded_appsettings_file_wins_over_the_example()
    {
        var result = AuditFiles([.. Project, ("Bot/appsettings.json", Settings("https://contoso-ai.services.ai.azure.com/models")),
            ("Bot/appsettings.Example.json", Settings("http://localhost:11434/api/chat"))]);

        Assert.DoesNotContain(result.Model.Components, c => c.Id.StartsWith("inference:localhost", StringComparison.Ordinal));
        Assert.NotEqual("example", result.Model.Find("provider:azure-openai")!.Attributes["confidence"]);
    }
}
