using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers;
using GatewayAudit.Core.Readers.Code;

namespace GatewayAudit.Core.Tests.Readers.Code;

/// <summary>
/// .NET Aspire configures OpenAI clients by resource name, with no constructor or URL in the service's code (held-out
/// corpus class 2, bench/CODE-CORPUS.md). Fixtures written for these tests in the shape of AppHost and service files.
/// </summary>
public sealed class AspireShapeTests
{
    private const string AppHost = """
        var builder = DistributedApplication.CreateBuilder(args);

        var openai = builder.AddOpenAI("chat");
        var model = openai.AddModel("chat-model", "gpt-4o-mini");

        builder.AddProject<Projects.Worker>("worker")
            .WithReference(model);

        builder.Build().Run();
        """;

    private const string LocalAppHost = """
        var builder = DistributedApplication.CreateBuilder(args);
        var llm = builder.AddOpenAI("local")
            .WithEndpoint("http://localhost:11434/v1");
        builder.AddProject<Projects.Api>("api").WithReference(llm);
        builder.Build().Run();
        """;

    private const string Service = """
        using Microsoft.Extensions.AI;

        public static class AiExtensions
        {
            public static void AddAi(this IHostApplicationBuilder builder)
            {
                builder.AddOpenAIClient("chat")
                       .AddChatClient()
                       .UseOpenTelemetry();
            }
        }
        """;

    private const string AzureService = """
        var builder = WebApplication.CreateBuilder(args);
        builder.AddAzureOpenAIClient("aoai").AddChatClient("gpt-4o");
        var app = builder.Build();
        app.Run();
        """;

    // A hand-written AppHost extension that declares its own AddOpenAI (as real AppHosts do) and calls nothing.
    private const string ExtensionDeclaration = """
        public static class OpenAIResourceExtensions
        {
            public static IResourceBuilder<OpenAIResource> AddOpenAI(this IDistributedApplicationBuilder builder, string name, string model)
            {
                var key = builder.AddParameter(name + "-key", secret: true);
                return builder.AddResource(new OpenAIResource(name, key.Resource, model));
            }
        }
        """;

    private static StackModel Read(string path, string text) =>
        new CSharpSourceReader().Read(new InputFile(path, "/scan/" + path, text, namedExplicitly: false)).Fragment;

    [Fact]
    public void An_apphost_openai_resource_with_no_endpoint_is_openai()
    {
        var openai = Read("AppHost/AppHost.cs", AppHost).Get("provider:openai");
        Assert.Equal(3, openai.Evidence.Min()!.Line);
        Assert.Equal(["chat"], (string[])openai.Attributes["aspireResources"]!);
        Assert.Contains(openai.Notes, n => n.Contains("AppHost models", StringComparison.Ordinal));
    }

    [Fact]
    public void An_apphost_resource_with_a_local_endpoint_is_the_operators_server_not_openai()
    {
        var model = Read("AppHost/Program.cs", LocalAppHost);
        Assert.Null(model.Find("provider:openai"));
        Assert.Equal(Hosting.OperatorHosted, model.Get("inference:localhost:ollama").Hosting);
    }

    [Fact]
    public void A_service_openai_client_from_a_connection_string_is_openai_unless_the_string_sets_an_endpoint()
    {
        var openai = Read("Worker/AiExtensions.cs", Service).Get("provider:openai");
        Assert.Equal(7, openai.Evidence.Min()!.Line);
        Assert.Contains(openai.Notes, n => n.Contains("connection string \"chat\"", StringComparison.Ordinal) && n.Contains("unless", StringComparison.Ordinal));
        Assert.Equal(["chat"], (string[])openai.Attributes["aspireResources"]!);
    }

    [Fact]
    public void A_service_azure_openai_client_is_azure_openai_with_its_resource_open()
    {
        var azure = Read("Api/Program.cs", AzureService).Get("provider:azure-openai");
        Assert.Equal(2, azure.Evidence.Min()!.Line);
        Assert.Contains(azure.Notes, n => n.Contains("ConnectionStrings:aoai", StringComparison.Ordinal));
    }

    [Fact]
    public void Declaring_an_addopenai_extension_method_names_no_party()
    {
        var model = Read("AppHost/OpenAIResourceExtensions.cs", ExtensionDeclaration);
        Assert.DoesNotContain(model.Components, c => c.Id.StartsWith("provider:", StringComparison.Ordinal));
    }
}
