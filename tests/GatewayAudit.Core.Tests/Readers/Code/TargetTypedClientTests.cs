using GatewayAudit.Core.Model;

namespace GatewayAudit.Core.Tests.Readers.Code;

/// <summary>
/// A C# SDK client built with a target-typed <c>new(...)</c> (fifth held-out code run, bench/CODE-CORPUS.md class C):
/// the declared type names the SDK, an endpoint from the environment is an unknown endpoint naming the variable, a
/// literal endpoint names its host, and only a client with no endpoint at all is the SDK's default vendor.
/// </summary>
public sealed class TargetTypedClientTests
{
    private static Component Single(StackModel model, string id) => Assert.Single(model.Components, c => c.Id == id);

    [Fact]
    public void Target_typed_chat_client_with_an_endpoint_from_the_environment_is_that_endpoint_not_openai()
    {
        var model = CSharpSourceReaderTests.Read("hello-local/Program.cs", """
            using System.ClientModel;
            using OpenAI;
            using OpenAI.Chat;

            ChatClient client = new(
                model: Environment.GetEnvironmentVariable("CHAT_MODEL") ?? "ai/qwen3",
                credential: new ApiKeyCredential("not-needed-locally"),
                options: new OpenAIClientOptions
                {
                    Endpoint = new Uri(Environment.GetEnvironmentVariable("LOCAL_MODEL_URL")!),
                });

            ChatCompletion answer = client.CompleteChat("Say hello in three languages.");
            Console.WriteLine(answer.Content[0].Text);

            """);
        var endpoint = Single(model, "provider:env:LOCAL_MODEL_URL");
        Assert.Equal(Hosting.Unknown, endpoint.Hosting);
        Assert.Contains("$LOCAL_MODEL_URL", endpoint.Name, StringComparison.Ordinal);
        Assert.Contains(endpoint.Evidence, e => e.ToString() == "hello-local/Program.cs:5");
        Assert.DoesNotContain(model.Components, c => c.Id == "provider:openai");
        Assert.Empty(model.CodeClients.Uses);
    }

    [Fact]
    public void Options_built_in_a_separate_variable_and_a_field_initialiser_are_read_too()
    {
        var model = CSharpSourceReaderTests.Read("Chat/Summariser.cs", """
            using System.ClientModel;
            using OpenAI;
            using OpenAI.Chat;

            public sealed class Summariser
            {
                private static readonly OpenAIClientOptions Options = new() { Endpoint = new Uri("https://openrouter.ai/api/v1") };
                private readonly ChatClient _chat = new("openai/gpt-4o-mini", new ApiKeyCredential(Environment.GetEnvironmentVariable("OR_KEY")!), Options);

                public string Summarise(string text) => _chat.CompleteChat(text).Value.Content[0].Text;
            }

            """);
        Assert.Contains(Single(model, "provider:openrouter").Evidence, e => e.ToString() == "Chat/Summariser.cs:8");
        Assert.DoesNotContain(model.Components, c => c.Id == "provider:openai");

        var property = CSharpSourceReaderTests.Read("Chat/Assistant.cs", """
            using Anthropic;

            public sealed class Assistant
            {
                public AnthropicClient Client { get; } = new() { ApiKey = Environment.GetEnvironmentVariable("ANTHROPIC_API_KEY") };

                public Task<string> AskAsync(string question) => Client.Messages.Create(question);
            }

            """);
        Assert.Contains(Single(property, "provider:anthropic").Evidence, e => e.ToString() == "Chat/Assistant.cs:5");
    }

    [Fact]
    public void Var_and_assignment_to_a_field_name_the_sdk_and_no_endpoint_is_the_sdk_default()
    {
        var model = CSharpSourceReaderTests.Read("Bot/Replies.cs", """
            using OpenAI.Chat;

            public sealed class Replies
            {
                private ChatClient? _chat;

                public void Start(string key)
                {
                    var options = new OpenAI.OpenAIClientOptions { Endpoint = new Uri(Environment.GetEnvironmentVariable("REPLY_BASE_URL")!) };
                    _chat = new("gpt-4o-mini", new System.ClientModel.ApiKeyCredential(key), options);
                }
            }

            """);
        Assert.Contains(Single(model, "provider:env:REPLY_BASE_URL").Evidence, e => e.ToString() == "Bot/Replies.cs:10");
        Assert.DoesNotContain(model.Components, c => c.Id == "provider:openai");

        // No endpoint anywhere: the SDK's default, OpenAI, with the client as evidence (not a presumed join).
        var plain = CSharpSourceReaderTests.Read("Bot/Plain.cs", """
            using OpenAI.Chat;

            ChatClient chat = new("gpt-4o-mini", Environment.GetEnvironmentVariable("OPENAI_API_KEY"));
            Console.WriteLine(chat.CompleteChat("hi").Value.Content[0].Text);

            """);
        var openAi = Single(plain, "provider:openai");
        Assert.Equal("call", openAi.Attributes["confidence"]);
        Assert.Contains(openAi.Evidence, e => e.ToString() == "Bot/Plain.cs:3");

        // A target-typed new of an unrelated type (a list of names) is no client.
        var other = CSharpSourceReaderTests.Read("Bot/Names.cs", """
            using OpenAI.Chat;

            public sealed class Names
            {
                private readonly List<string> _models = new() { "ChatClient", "OpenAIClient" };
            }

            """);
        Assert.DoesNotContain(other.Components, c => c.Id.StartsWith("provider:", StringComparison.Ordinal) && c.Attributes["confidence"] as string != "import-only");
    }

    [Fact]
    public void A_target_typed_client_on_the_urls_foundry_local_serves_is_that_local_runtime()
    {
        var model = CSharpSourceReaderTests.Read("LocalAgent/Program.cs", """
            using System.ClientModel;
            using Microsoft.AI.Foundry.Local;
            using OpenAI;

            var manager = new FoundryLocalManager();
            await manager.StartWebServiceAsync();
            string serviceUrl = manager.Urls!.First();
            OpenAIClient client = new(new ApiKeyCredential("NO_API_KEY"), new OpenAIClientOptions { Endpoint = new Uri($"{serviceUrl}/v1") });
            var answer = client.GetChatClient("phi-4-mini").CompleteChat("Hi");

            """);
        Assert.Contains(model.Components, c => c.Id == "inference:localhost:foundry-local");
        Assert.DoesNotContain(model.Components, c => c.Hosting == Hosting.Unknown || c.Id == "provider:openai");
    }
}
