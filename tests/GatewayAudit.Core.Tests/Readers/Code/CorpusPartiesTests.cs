using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers.Code;

namespace GatewayAudit.Core.Tests.Readers.Code;

/// <summary>
/// Defect class 1 of the public-code corpus run (bench/CODE-CORPUS.md): parties the scan could not name. Azure AI
/// Foundry agents, Azure Monitor, OTLP exporters and Foundry Local, each in the shape of real code (written here, never
/// copied): what must be found and what must not.
/// </summary>
public sealed class CorpusPartiesTests
{
    private static StackModel CSharp(string text) => CSharpSourceReaderTests.Read("Agent/Program.cs", text);

    private static Flow FlowTo(StackModel model, string id) => Assert.Single(model.Flows, f => f.From == CSharpFragment.AppId && f.To == id);

    [Fact]
    public void A_Foundry_agents_client_with_its_project_endpoint_from_the_environment_is_the_Foundry_Agent_Service()
    {
        const string Program = """
            using Azure.AI.Agents.Persistent;
            using Azure.Identity;

            var projectEndpoint = Environment.GetEnvironmentVariable("PROJECT_ENDPOINT");
            var agents = new PersistentAgentsClient(projectEndpoint, new DefaultAzureCredential());
            PersistentAgent agent = agents.Administration.CreateAgent(model: "gpt-4.1-mini", name: "support", instructions: "Answer tickets.");
            PersistentAgentThread thread = agents.Threads.CreateThread();
            agents.Messages.CreateMessage(thread.Id, MessageRole.User, ticket.Body);
            ThreadRun run = agents.Runs.CreateRun(thread, agent);

            """;
        var model = CSharp(Program);
        var foundry = model.Find("provider:azure-ai-foundry-agents")!;
        Assert.Equal((ComponentRole.ModelProvider, Hosting.ThirdParty, "Azure AI Foundry Agent Service"), (foundry.Role, foundry.Hosting, foundry.Name));
        Assert.Contains(DataCategory.Prompt, FlowTo(model, "provider:azure-ai-foundry-agents").DataCategories);
        Assert.DoesNotContain(model.Components, c => c.Hosting == Hosting.Unknown || c.Id == "provider:azure-openai");
    }

    [Fact]
    public void A_Foundry_project_client_on_the_services_host_is_the_Agent_Service_beside_Azure_OpenAI_on_the_same_host()
    {
        const string Program = """
            using Azure.AI.OpenAI;
            using Azure.AI.Projects;
            using Azure.Identity;

            var project = new AIProjectClient(new Uri("https://contoso-ai.services.ai.azure.com/api/projects/support"), new DefaultAzureCredential());
            var openAi = new AzureOpenAIClient(new Uri("https://contoso-ai.services.ai.azure.com/"), new DefaultAzureCredential());

            """;
        var model = CSharp(Program);
        var agents = model.Find("provider:azure-ai-foundry-agents")!;
        Assert.Equal("contoso-ai.services.ai.azure.com", agents.Attributes["host"]);
        Assert.Equal(["Agent/Program.cs:5"], agents.Lines());
        Assert.Equal(["Agent/Program.cs:6"], model.Find("provider:azure-openai")!.Lines());

        var imported = CSharp("using Azure.AI.Projects;\n\nnamespace Agent;\n\npublic sealed record ProjectSettings(string Endpoint);\n").Find("provider:azure-ai-foundry-agents")!;
        Assert.Equal("import-only", imported.Attributes["confidence"]);
    }

    [Fact]
    public void A_Semantic_Kernel_AzureAIAgent_client_from_a_connection_string_is_the_Foundry_Agent_Service()
    {
        const string Program = """
            using Microsoft.SemanticKernel.Agents.AzureAI;

            var client = AzureAIAgent.CreateAzureAIClient(configuration["AzureAI:ConnectionString"], new AzureCliCredential());
            var definition = await client.Administration.CreateAgentAsync("gpt-4o", name: "bing", instructions: "Answer with sources.");

            """;
        Assert.Equal(Hosting.ThirdParty, CSharp(Program).Find("provider:azure-ai-foundry-agents")!.Hosting);
    }

    [Fact]
    public void Azure_Monitor_set_up_beside_an_OpenAI_client_is_a_telemetry_exporter_and_the_chat_call_stays_OpenAIs()
    {
        const string Program = """
            using Azure.Monitor.OpenTelemetry.AspNetCore;
            using OpenAI.Chat;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddOpenTelemetry().UseAzureMonitor();
            var chat = new ChatClient("gpt-4.1", Environment.GetEnvironmentVariable("OPENAI_API_KEY"));
            var app = builder.Build();
            app.MapPost("/ask", async (string question) => (await chat.CompleteChatAsync(question)).Value.Content[0].Text);
            app.Run();

            """;
        var model = CSharp(Program);
        var monitor = model.Find("exporter:azure-monitor")!;
        Assert.Equal((ComponentRole.Exporter, Hosting.ThirdParty), (monitor.Role, monitor.Hosting));
        Assert.Equal([DataCategory.Metadata], FlowTo(model, "exporter:azure-monitor").DataCategories);
        Assert.Equal(["inference"], (IEnumerable<string>)FlowTo(model, "provider:openai").Attributes["callKinds"]!);
    }

    [Fact]
    public void Azure_Monitor_receives_prompts_when_the_file_turns_on_sensitive_GenAI_telemetry_and_not_when_it_is_off()
    {
        const string Program = """
            using Azure.Monitor.OpenTelemetry.AspNetCore;
            using Microsoft.Extensions.AI;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddOpenTelemetry().UseAzureMonitor();
            builder.Services.AddChatClient(inner)
                .UseOpenTelemetry(sourceName: "Agent", configure: o => o.EnableSensitiveData = SENSITIVE);

            """;
        var on = CSharp(Program.Replace("SENSITIVE", "true", StringComparison.Ordinal));
        Assert.Contains(DataCategory.Prompt, FlowTo(on, "exporter:azure-monitor").DataCategories);
        Assert.Contains(on.Find("exporter:azure-monitor")!.Notes, n => n.Contains("Agent/Program.cs:7", StringComparison.Ordinal));

        var off = CSharp(Program.Replace("SENSITIVE", "false", StringComparison.Ordinal));
        Assert.Equal([DataCategory.Metadata], FlowTo(off, "exporter:azure-monitor").DataCategories);

        const string Kernel = """
            AppContext.SetSwitch("Microsoft.SemanticKernel.Experimental.GenAI.EnableOTelDiagnosticsSensitive", true);
            using var traces = Sdk.CreateTracerProviderBuilder().AddSource("Microsoft.SemanticKernel*").AddAzureMonitorTraceExporter().Build();

            """;
        Assert.Contains(DataCategory.Completion, FlowTo(CSharp(Kernel), "exporter:azure-monitor").DataCategories);
    }

    [Fact]
    public void An_Application_Insights_connection_string_names_Azure_Monitor_by_its_ingestion_host_and_the_key_is_not_shown()
    {
        const string Program = """
            using Azure.Monitor.OpenTelemetry.Exporter;

            using var tracer = Sdk.CreateTracerProviderBuilder()
                .AddSource("Agent")
                .AddAzureMonitorTraceExporter(o => o.ConnectionString = "InstrumentationKey=5f1c7a0e-2b4d-4c61-9a53-0d8e7b6f4a21;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/;LiveEndpoint=https://westeurope.livediagnostics.monitor.azure.com/")
                .Build();

            """;
        var model = CSharp(Program);
        var monitor = Assert.Single(model.Components, c => c.Role == ComponentRole.Exporter);
        Assert.Equal("exporter:azure-monitor", monitor.Id);
        Assert.Equal("westeurope-5.in.applicationinsights.azure.com", monitor.Attributes["host"]);
        Assert.DoesNotContain(model.Components.SelectMany(c => c.Notes.Concat(c.Attributes.Select(a => a.Value is string[] list ? string.Join(" ", list) : a.Value.ToString() ?? ""))), t => t.Contains("5f1c7a0e", StringComparison.Ordinal));
    }

    [Fact]
    public void An_OTLP_exporter_with_its_endpoint_from_the_environment_is_an_unknown_party_not_a_vendor()
    {
        const string ServiceDefaults = """
            public static class Extensions
            {
                private static IHostApplicationBuilder AddOpenTelemetryExporters(this IHostApplicationBuilder builder)
                {
                    var useOtlpExporter = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
                    if (useOtlpExporter)
                    {
                        builder.Services.AddOpenTelemetry().UseOtlpExporter();
                    }

                    return builder;
                }
            }

            """;
        var model = CSharp(ServiceDefaults);
        var otlp = Assert.Single(model.Components, c => c.Role == ComponentRole.Exporter);
        Assert.Equal(("exporter:otlp", Hosting.Unknown, null), (otlp.Id, otlp.Hosting, otlp.Vendor));
        Assert.Contains(model.OpenQuestions, q => q.Question.Contains("OTEL_EXPORTER_OTLP_ENDPOINT", StringComparison.Ordinal));
    }

    [Fact]
    public void An_OTLP_exporter_to_a_collector_on_the_cluster_is_the_operators_collector_not_inference()
    {
        const string Program = """
            builder.Services.AddOpenTelemetry()
                .WithTracing(t => t.AddAspNetCoreInstrumentation())
                .UseOtlpExporter(OtlpExportProtocol.Grpc, new Uri("http://otel-collector:4317"));

            """;
        var model = CSharp(Program);
        var collector = Assert.Single(model.Components, c => c.Role == ComponentRole.Exporter);
        Assert.Equal(("exporter:host:otel-collector", Hosting.OperatorHosted), (collector.Id, collector.Hosting));
        Assert.DoesNotContain(model.Components, c => c.Role == ComponentRole.SelfHostedInference);
    }

    [Fact]
    public void An_OpenAI_client_on_the_Foundry_Local_endpoint_is_inference_on_this_machine()
    {
        const string Program = """
            using Microsoft.AI.Foundry.Local;
            using OpenAI;
            using System.ClientModel;

            var alias = "phi-4-mini";
            var manager = await FoundryLocalManager.StartModelAsync(aliasOrModelId: alias);
            var model = await manager.GetModelInfoAsync(aliasOrModelId: alias);
            var client = new OpenAIClient(new ApiKeyCredential(manager.ApiKey), new OpenAIClientOptions { Endpoint = manager.Endpoint });
            var reply = await client.GetChatClient(model?.ModelId).CompleteChatAsync("Summarise the meeting notes");

            """;
        var model = CSharp(Program);
        var local = Assert.Single(model.Components, c => c.Id.StartsWith("inference:", StringComparison.Ordinal));
        Assert.Equal((ComponentRole.SelfHostedInference, Hosting.OperatorHosted), (local.Role, local.Hosting));
        Assert.Contains("Foundry Local", local.Name, StringComparison.Ordinal);
        Assert.DoesNotContain(model.Components, c => c.Hosting is Hosting.Unknown or Hosting.ThirdParty);
    }

    [Fact]
    public void Foundry_Local_and_an_Ollama_server_on_the_same_machine_are_two_rows_each_named_for_its_engine()
    {
        // The shape of a samples repository with one console per runtime (re-run on merged main, bench/CODE-CORPUS.md):
        // both servers run on the developer's machine, but they are two servers with two engines.
        const string Program = """
            using Microsoft.AI.Foundry.Local;
            using OllamaSharp;
            using OpenAI;
            using System.ClientModel;

            var manager = await FoundryLocalManager.StartModelAsync(aliasOrModelId: "phi-4-mini");
            var client = new OpenAIClient(new ApiKeyCredential(manager.ApiKey), new OpenAIClientOptions { Endpoint = manager.Endpoint });
            var reply = await client.GetChatClient("phi-4-mini").CompleteChatAsync("Summarise the meeting notes");

            var ollama = new OllamaApiClient("http://localhost:11434", "llama3.2:1b");
            var answer = await ollama.GetResponseAsync("Summarise the meeting notes");
            """;
        var model = CSharp(Program);
        var local = model.Components.Where(c => c.Role == ComponentRole.SelfHostedInference).OrderBy(c => c.Id, StringComparer.Ordinal).ToList();
        Assert.Equal(2, local.Count);
        Assert.Contains(local, c => c.Name.Contains("Foundry Local", StringComparison.Ordinal));
        Assert.Contains(local, c => c.Name.Contains("Ollama", StringComparison.Ordinal));
        Assert.All(local, c => Assert.Equal(Hosting.OperatorHosted, c.Hosting));
    }

    [Fact]
    public void A_StartModelAsync_of_another_class_and_a_settings_Endpoint_without_Foundry_Local_name_no_local_runtime()
    {
        const string Program = """
            using OpenAI;
            using System.ClientModel;

            var runner = await ModelRunner.StartModelAsync("reranker");
            var client = new OpenAIClient(new ApiKeyCredential(settings.Key), new OpenAIClientOptions { Endpoint = settings.Endpoint });
            var reply = await client.GetChatClient("local").CompleteChatAsync("hi");

            """;
        var model = CSharp(Program);
        Assert.DoesNotContain(model.Components, c => c.Role == ComponentRole.SelfHostedInference);
        Assert.Single(model.Components, c => c.Id.StartsWith("provider:setting:", StringComparison.Ordinal));
    }

    [Fact]
    public void Python_configure_azure_monitor_is_Azure_Monitor_and_a_commented_out_one_is_nothing()
    {
        const string Telemetry = """
            import os

            from azure.monitor.opentelemetry import configure_azure_monitor

            configure_azure_monitor(connection_string=os.environ["APPLICATIONINSIGHTS_CONNECTION_STRING"])

            """;
        var model = CorpusShapeTests.Python("app/telemetry.py", Telemetry);
        var monitor = model.Find("exporter:azure-monitor")!;
        Assert.Equal((ComponentRole.Exporter, Hosting.ThirdParty, "azure-monitor"), (monitor.Role, monitor.Hosting, monitor.Vendor));

        const string Disabled = """
            import logging

            # from azure.monitor.opentelemetry import configure_azure_monitor
            # configure_azure_monitor()
            logging.basicConfig(level=logging.INFO)

            """;
        Assert.Null(CorpusShapeTests.Python("app/telemetry.py", Disabled).Find("exporter:azure-monitor"));
    }
}
