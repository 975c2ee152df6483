using GatewayAudit.Core.Model;
using static GatewayAudit.Core.Tests.Readers.DeploymentFixtures;

namespace GatewayAudit.Core.Tests.Stacks;

/// <summary>
/// A devcontainer whose compose file binds a Docker Model Runner model to the workspace service
/// (<c>models: { chat-agent: { endpoint_var: MODEL_RUNNER_BASE_URL } }</c>, the workspace bind-mounted from <c>..</c>), and
/// a Node app using the short form (<c>models: [chat-model]</c>, so <c>CHAT_MODEL_URL</c>): the client that reads its
/// base URL from that variable calls the runner, operator-hosted, named with the model; no unknown endpoint is left.
/// A variable no service running the code binds stays an unknown endpoint.
/// </summary>
public sealed class ComposeModelRunnerTests
{
    private const string DevcontainerCompose = """
        services:

          workspace:
            build:
              context: .
              dockerfile: Dockerfile
            volumes:
              - ..:/workspaces:cached
            command: sleep infinity

            models:
              chat-agent:
                endpoint_var: MODEL_RUNNER_BASE_URL
                model_var: MODEL_RUNNER_CHAT_MODEL

        models:
          chat-agent:
            model: hf.co/menlo/jan-nano-gguf:q4_k_m
        """;

    private const string Agent = """
        import os
        from openai import OpenAI

        client = OpenAI(base_url=os.environ["MODEL_RUNNER_BASE_URL"], api_key="unused")
        reply = client.chat.completions.create(
            model=os.environ["MODEL_RUNNER_CHAT_MODEL"],
            messages=[{"role": "user", "content": input("> ")}],
        )
        print(reply.choices[0].message.content)
        """;

    private const string NodeCompose = """
        services:
          web:
            build: ./web
            ports:
              - "3000:3000"
            models:
              - chat-model
        models:
          chat-model:
            model: ai/smollm2
        """;

    private const string Route = """
        import OpenAI from "openai";

        const client = new OpenAI({ baseURL: process.env.CHAT_MODEL_URL, apiKey: "not-needed" });

        export async function POST(req: Request) {
          const { prompt } = await req.json();
          const completion = await client.chat.completions.create({ model: process.env.CHAT_MODEL_MODEL!, messages: [{ role: "user", content: prompt }] });
          return Response.json(completion.choices[0].message);
        }
        """;

    [Fact]
    public void The_devcontainers_model_binding_makes_the_client_call_docker_model_runner()
    {
        var result = AuditFiles((".devcontainer/compose.yml", DevcontainerCompose), ("agent/main.py", Agent));

        Assert.DoesNotContain(result.Model.Components, c => c.Id.StartsWith("provider:env:", StringComparison.Ordinal));
        Assert.Null(result.Model.Find("provider:openai"));
        Assert.DoesNotContain(result.Findings, f => f.RuleId == "prompts-reach-unidentified-party");
        var runner = result.Model.Find("inference:localhost:docker-model-runner")!;
        Assert.Equal(Hosting.OperatorHosted, runner.Hosting);
        Assert.Equal(ComponentRole.SelfHostedInference, runner.Role);
        Assert.Equal("Docker Model Runner (model hf.co/menlo/jan-nano-gguf:q4_k_m)", runner.Name);
        Assert.Contains(runner.Evidence, e => e.File == ".devcontainer/compose.yml" && e.Line == 13);
        Assert.Contains(runner.Evidence, e => e.File == ".devcontainer/compose.yml" && e.Line == 18);
        Assert.Contains(runner.Evidence, e => e.File == "agent/main.py" && e.Line == 4);
    }

    [Fact]
    public void The_short_form_names_the_variable_after_the_model_key()
    {
        var result = AuditFiles(("compose.yaml", NodeCompose), ("web/app/api/chat/route.ts", Route));

        var runner = result.Model.Find("inference:localhost:docker-model-runner")!;
        Assert.Equal("Docker Model Runner (model ai/smollm2)", runner.Name);
        Assert.Contains(runner.Evidence, e => e.File == "compose.yaml" && e.Line == 7);
        Assert.Null(result.Model.Find("provider:env:CHAT_MODEL_URL"));
    }

    [Fact]
    public void Code_no_service_with_the_binding_runs_keeps_its_unknown_endpoint()
    {
        var result = AuditFiles(("compose.yaml", NodeCompose), ("worker/app/api/chat/route.ts", Route));

        Assert.NotNull(result.Model.Find("provider:env:CHAT_MODEL_URL"));
        Assert.Null(result.Model.Find("inference:localhost:docker-model-runner"));
    }
}
