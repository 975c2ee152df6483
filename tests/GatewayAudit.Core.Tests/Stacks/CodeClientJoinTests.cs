using GatewayAudit.Core.Model;
using GatewayAudit.Core.Scanning;
using static GatewayAudit.Core.Tests.Readers.DeploymentFixtures;

namespace GatewayAudit.Core.Tests.Stacks;

/// <summary>
/// Calls through an SDK client built in another file (bench/CODE-CORPUS.md, defect classes 7 and 8): the call reaches
/// the party its client was pointed at, joined by a named rule; an ambiguous client stays an open question and a client
/// nobody builds is its SDK's default only as "presumed", never a shadow sub-processor. Fixtures imitate a Go provider
/// package (a constructor pointing go-openai at OpenRouter, calls through <c>p.client</c> in other files), a Python
/// jobs package (clients and an OpenRouter preference dict in <c>config.py</c>, calls elsewhere), a TypeScript
/// exported client, and a C# client registered for dependency injection.
/// </summary>
public sealed class CodeClientJoinTests
{
    private const string GoProvider = """
        package llm

        import (
            "github.com/sashabaranov/go-openai"
        )

        type Provider struct {
            client *openai.Client
        }

        func New(key string) *Provider {
            cfg := openai.DefaultConfig(key)
            cfg.BaseURL = "https://openrouter.ai/api/v1"
            return &Provider{
                client: openai.NewClientWithConfig(cfg),
            }
        }
        """;

    private const string GoChat = """
        package llm

        import (
            "context"

            "github.com/sashabaranov/go-openai"
        )

        func (p Provider) Ask(ctx context.Context, prompt string) (string, error) {
            resp, err := p.client.CreateChatCompletion(ctx, openai.ChatCompletionRequest{
                Model:    "meta-llama/llama-3.3-70b-instruct",
                Messages: []openai.ChatCompletionMessage{{Role: openai.ChatMessageRoleUser, Content: prompt}},
            })
            if err != nil {
                return "", err
            }
            return resp.Choices[0].Message.Content, nil
        }
        """;

    private const string GoMain = """
        package main

        import (
            "fmt"

            goopenai "github.com/sashabaranov/go-openai"
        )

        func main() {
            fmt.Println(goopenai.Whisper1)
        }
        """;

    [Fact]
    public void A_Go_call_through_a_field_built_in_another_file_of_the_package_reaches_OpenRouter_not_OpenAI()
    {
        var result = AuditFiles(("llm/provider.go", GoProvider), ("llm/chat.go", GoChat), ("cmd/main.go", GoMain));

        Assert.Null(result.Model.Find("provider:openai"));
        Assert.DoesNotContain(result.Findings, f => f.RuleId == "shadow-sub-processor");
        var flow = Flow(result, "provider:openrouter");
        Assert.Contains(flow.Evidence, e => e.File == "llm/chat.go" && e.Line == 10);
        var joined = Assert.Single((string[])flow.Attributes["joinedClients"]!);
        Assert.Contains("llm/chat.go:10 p.client -> llm/provider.go:", joined, StringComparison.Ordinal);
        Assert.Contains("same Go package (llm), field or variable client", joined, StringComparison.Ordinal);
        Assert.Contains(result.Model.Find("provider:openrouter")!.Notes, n => n.Contains("imported without a client at cmd/main.go:6", StringComparison.Ordinal));
        Assert.NotNull(result.Model.Components.SingleOrDefault(c => c.SubProcessorOf == "provider:openrouter"));
    }

    private const string PythonConfig = """
        import os

        import requests
        from openai import OpenAI

        openrouter_client = OpenAI(
            api_key=os.getenv("OPENROUTER_API_KEY"),
            base_url="https://openrouter.ai/api/v1",
        )

        OPENROUTER_EXTRA_BODY = {
            "provider": {
                "order": ["DeepInfra", "Together"],
                "data_collection": "deny",
                "allow_fallbacks": False,
            },
        }

        openai_client = OpenAI(api_key=os.getenv("OPENAI_API_KEY"))


        def list_models():
            return requests.get("https://openrouter.ai/api/v1/models").json()
        """;

    private const string PythonTask = """
        from jobs.config import OPENROUTER_EXTRA_BODY, openrouter_client


        def summarise(text: str) -> str:
            reply = openrouter_client.chat.completions.create(
                model="meta-llama/llama-3.3-70b-instruct",
                messages=[{"role": "user", "content": text}],
                extra_body=OPENROUTER_EXTRA_BODY,
            )
            return reply.choices[0].message.content
        """;

    [Fact]
    public void A_Python_client_and_preference_dict_imported_from_config_route_the_call_through_OpenRouter_with_its_preferences()
    {
        var result = AuditFiles(("jobs/src/jobs/config.py", PythonConfig), ("jobs/src/jobs/tasks/summarise.py", PythonTask));

        var flow = Flow(result, "provider:openrouter");
        Assert.Contains(flow.Evidence, e => e.File == "jobs/src/jobs/tasks/summarise.py" && e.Line == 5);
        Assert.Contains("import (openrouter_client from jobs.config", Assert.Single((string[])flow.Attributes["joinedClients"]!), StringComparison.Ordinal);
        Assert.DoesNotContain(Flow(result, "provider:openai").Evidence, e => e.File.EndsWith("summarise.py", StringComparison.Ordinal));
        var route = Assert.Single(result.Model.Components, c => c.SubProcessorOf == "provider:openrouter");
        Assert.Equal("deny", route.Attributes["provider.data_collection"]);
        Assert.Equal(["DeepInfra", "Together"], (string[])route.Attributes["provider.order"]!);
        Assert.Contains(route.Evidence, e => e.File == "jobs/src/jobs/config.py" && e.Line == 11);
    }

    [Fact]
    public void A_preference_dict_that_no_call_passes_is_said_not_shown_in_force()
    {
        var result = AuditFiles(("jobs/src/jobs/config.py", PythonConfig));

        Assert.Contains(result.Model.Find("provider:openrouter")!.Notes,
            n => n.Contains("defined in OPENROUTER_EXTRA_BODY at jobs/src/jobs/config.py:11, but no call this scan can follow passes them", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Model.Components, c => c.SubProcessorOf == "provider:openrouter");
    }

    private const string OpenRouterModule = """
        import os

        from openai import OpenAI

        client = OpenAI(base_url="https://openrouter.ai/api/v1", api_key=os.environ["OPENROUTER_API_KEY"])
        """;

    private const string DefaultModule = """
        from openai import OpenAI

        embedder = OpenAI()
        """;

    private const string ChatRoute = """
        from app.llm import client


        async def answer(question: str) -> str:
            reply = client.chat.completions.create(model="openai/gpt-4o-mini", messages=[{"role": "user", "content": question}])
            return reply.choices[0].message.content
        """;

    [Fact]
    public void From_app_llm_import_client_joins_by_the_import_not_by_the_other_client_of_the_SDK()
    {
        var result = AuditFiles(("app/llm.py", OpenRouterModule), ("app/embed.py", DefaultModule), ("app/routes/chat.py", ChatRoute));

        var flow = Flow(result, "provider:openrouter");
        Assert.Contains(flow.Evidence, e => e.File == "app/routes/chat.py" && e.Line == 5);
        Assert.DoesNotContain(Flow(result, "provider:openai").Evidence, e => e.File == "app/routes/chat.py");
    }

    [Fact]
    public void An_import_that_matches_two_modules_building_clients_with_different_addresses_stays_an_open_question()
    {
        var local = "from openai import OpenAI\n\nclient = OpenAI(base_url=\"http://localhost:11434/v1\")\n";
        var result = AuditFiles(("a/llm.py", OpenRouterModule), ("b/llm.py", local), ("worker.py", ChatRoute.Replace("from app.llm", "from llm", StringComparison.Ordinal)));

        Assert.DoesNotContain(result.Model.Flows, f => f.Evidence.Any(e => e.File == "worker.py"));
        Assert.Null(result.Model.Find("provider:openai"));
        Assert.Contains(result.Model.OpenQuestions, q => q.Evidence?.File == "worker.py" && q.Question.Contains("different addresses", StringComparison.Ordinal));
    }

    private const string ParameterClient = """
        from openai import OpenAI


        def ask(client: OpenAI, prompt: str) -> str:
            reply = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": prompt}])
            return reply.choices[0].message.content
        """;

    [Fact]
    public void A_client_passed_in_with_two_differently_addressed_clients_in_the_checkout_is_never_guessed()
    {
        var local = "from openai import OpenAI\n\nlocal = OpenAI(base_url=\"http://localhost:11434/v1\")\n";
        var result = AuditFiles(("svc/remote.py", OpenRouterModule), ("svc/local.py", local), ("svc/ask.py", ParameterClient));

        Assert.Null(result.Model.Find("provider:openai"));
        Assert.DoesNotContain(result.Model.Flows, f => f.Evidence.Any(e => e.File == "svc/ask.py"));
        Assert.Contains(result.Model.OpenQuestions, q => q.Evidence == new SourceLocation("svc/ask.py", 5, 13));
    }

    [Fact]
    public void A_client_no_file_builds_with_no_base_url_anywhere_is_the_default_vendor_presumed_and_no_shadow_finding()
    {
        const string proxy = "model_list:\n  - model_name: claude\n    litellm_params: {model: anthropic/claude-sonnet-4-5, api_key: os.environ/ANTHROPIC_API_KEY}\n";
        var result = AuditFiles(("proxy/config.yaml", proxy), ("svc/ask.py", ParameterClient));

        var openAi = result.Model.Find("provider:openai")!;
        Assert.Equal("presumed", openAi.Attributes["confidence"]);
        Assert.Contains(openAi.Notes, n => n.StartsWith("Presumed, not shown (confidence: presumed): client at svc/ask.py:5", StringComparison.Ordinal));
        Assert.Equal("presumed", Flow(result, "provider:openai").Attributes["confidence"]);
        Assert.DoesNotContain(result.Findings, f => f.RuleId == "shadow-sub-processor");
    }

    private const string TsClient = """
        import OpenAI from "openai";

        export const llm = new OpenAI({
          baseURL: "https://openrouter.ai/api/v1",
          apiKey: process.env.OPENROUTER_API_KEY,
        });
        """;

    private const string TsRoute = """
        import { llm } from "@/lib/llm";

        export async function POST(request: Request) {
          const { prompt } = await request.json();
          const completion = await llm.chat.completions.create({
            model: "anthropic/claude-sonnet-4.5",
            messages: [{ role: "user", content: prompt }],
          });
          return Response.json(completion.choices[0].message);
        }
        """;

    [Fact]
    public void A_TypeScript_exported_client_joins_its_importer_by_the_module_path()
    {
        var result = AuditFiles(("src/lib/llm.ts", TsClient), ("src/lib/embed.ts", "import OpenAI from \"openai\";\n\nexport const embedder = new OpenAI();\n"),
            ("src/app/api/chat/route.ts", TsRoute));

        var flow = Flow(result, "provider:openrouter");
        Assert.Contains(flow.Evidence, e => e.File == "src/app/api/chat/route.ts" && e.Line == 5);
        Assert.Contains("import (llm from @/lib/llm", Assert.Single((string[])flow.Attributes["joinedClients"]!), StringComparison.Ordinal);
        Assert.DoesNotContain(Flow(result, "provider:openai").Evidence, e => e.File == "src/app/api/chat/route.ts");
    }

    private const string CSharpProgram = """
        using System.ClientModel;
        using OpenAI;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSingleton(new OpenAIClient(
            new ApiKeyCredential(builder.Configuration["OpenRouter:ApiKey"]!),
            new OpenAIClientOptions { Endpoint = new Uri("https://openrouter.ai/api/v1") }));
        builder.Services.AddScoped<Summariser>();
        var app = builder.Build();
        app.Run();
        """;

    private const string CSharpService = """
        using OpenAI;
        using OpenAI.Chat;

        namespace Shop.Assistant;

        public sealed class Summariser(OpenAIClient client)
        {
            public async Task<string> SummariseAsync(string text)
            {
                ChatCompletion completion = await client.GetChatClient("anthropic/claude-sonnet-4.5").CompleteChatAsync(text);
                return completion.Content[0].Text;
            }
        }
        """;

    [Fact]
    public void A_CSharp_client_registered_for_injection_in_Program_cs_is_the_party_of_the_service_that_calls_it()
    {
        var result = AuditFiles(("src/Shop/Program.cs", CSharpProgram), ("src/Shop/Assistant/Summariser.cs", CSharpService));

        Assert.Null(result.Model.Find("provider:openai"));
        var flow = Flow(result, "provider:openrouter");
        Assert.Contains(flow.Evidence, e => e.File == "src/Shop/Assistant/Summariser.cs" && e.Line == 10);
        Assert.Contains("(the only openai client this checkout builds)", Assert.Single((string[])flow.Attributes["joinedClients"]!), StringComparison.Ordinal);
    }

    [Fact]
    public void A_CSharp_service_alone_lists_the_SDK_default_only_as_presumed()
    {
        var result = AuditFiles(("src/Shop/Assistant/Summariser.cs", CSharpService));

        Assert.Equal("presumed", result.Model.Find("provider:openai")!.Attributes["confidence"]);
    }

    [Fact]
    public void A_look_alike_call_in_a_file_that_imports_no_SDK_and_joins_no_client_names_no_party()
    {
        const string wrapper = """
            from app.chat import conversation


            def reply(text: str):
                return conversation.messages.stream(text)
            """;
        var result = AuditFiles(("app/reply.py", wrapper), ("svc/ask.py", ParameterClient));

        Assert.Null(result.Model.Find("provider:anthropic"));
        Assert.DoesNotContain(result.Model.Flows, f => f.Evidence.Any(e => e.File == "app/reply.py"));
    }

    private static Flow Flow(AuditResult result, string to) =>
        Assert.Single(result.Model.Flows, f => f.From == "app:code" && f.To == to);
}
