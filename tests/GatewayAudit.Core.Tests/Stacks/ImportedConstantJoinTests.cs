using GatewayAudit.Core.Model;
using static GatewayAudit.Core.Tests.Readers.DeploymentFixtures;

namespace GatewayAudit.Core.Tests.Stacks;

/// <summary>
/// A model or base URL a call takes from a constant of another file (bench/CODE-CORPUS.md, held-out Cookfolio:
/// <c>from llm import MODEL_NAME</c>) reaches the party the constant names as if written at the call, with evidence at
/// both lines; an import that names no constant, or constants with different values, stays an endpoint nobody can name.
/// </summary>
public sealed class ImportedConstantJoinTests
{
    private const string PythonConfig = """
        import os

        from dotenv import load_dotenv

        load_dotenv()

        MODEL_NAME = os.getenv("MODEL_NAME", "openrouter/google/gemini-2.5-flash")
        OPENROUTER_BASE_URL = "https://openrouter.ai/api/v1"
        """;

    private const string PythonAgents = """
        from litellm import completion

        from app.config import MODEL_NAME


        def plan_meal(request: str) -> str:
            reply = completion(
                model=MODEL_NAME,
                messages=[{"role": "user", "content": request}],
            )
            return reply.choices[0].message.content
        """;

    [Fact]
    public void A_LiteLLM_model_imported_from_a_config_module_names_OpenRouter_with_evidence_at_the_call_and_the_constant()
    {
        var result = AuditFiles(("app/config.py", PythonConfig), ("app/agents.py", PythonAgents));

        Assert.DoesNotContain(result.Model.Components, c => c.Id.StartsWith("provider:unresolved:", StringComparison.Ordinal));
        var openRouter = result.Model.Find("provider:openrouter")!;
        Assert.Contains(openRouter.Evidence, e => e.File == "app/agents.py" && e.Line == 7);
        Assert.Contains(openRouter.Evidence, e => e.File == "app/config.py" && e.Line == 7);
        Assert.Contains(openRouter.Notes, n => n.Contains("is MODEL_NAME, defined in another file at app/config.py:7", StringComparison.Ordinal)
            && n.Contains("the default of MODEL_NAME", StringComparison.Ordinal));
        var flow = Assert.Single(result.Model.Flows, f => f.From == "app:code" && f.To == "provider:openrouter");
        Assert.Contains("app/agents.py:7 chat", (string[])flow.Attributes["callSites"]!);
        Assert.Contains(result.Model.Components, c => c.SubProcessorOf == "provider:openrouter" && c.Evidence.Any(e => e.File == "app/agents.py"));
    }

    [Fact]
    public void A_base_url_read_as_an_attribute_of_a_sibling_module_imported_with_from_dot_import_names_its_host()
    {
        const string settings = """
            GROQ_BASE_URL = "https://api.groq.com/openai/v1"
            """;
        const string chat = """
            from openai import OpenAI

            from . import settings

            client = OpenAI(base_url=settings.GROQ_BASE_URL)


            def ask(text):
                return client.chat.completions.create(model="llama-3.3-70b-versatile", messages=[{"role": "user", "content": text}])
            """;
        var result = AuditFiles(("svc/settings.py", settings), ("svc/chat.py", chat));

        Assert.DoesNotContain(result.Model.Components, c => c.Id.StartsWith("provider:unresolved:", StringComparison.Ordinal));
        var groq = result.Model.Find("provider:groq")!;
        Assert.Contains(groq.Evidence, e => e.File == "svc/chat.py" && e.Line == 5);
        Assert.Contains(groq.Evidence, e => e.File == "svc/settings.py" && e.Line == 1);
        Assert.Null(result.Model.Find("provider:openai"));
    }

    [Fact]
    public void A_TypeScript_exported_const_base_url_names_its_host_at_the_importing_client()
    {
        const string config = """
            export const LLM_BASE_URL = "https://openrouter.ai/api/v1";
            export const APP_TITLE = "Recipe helper";
            """;
        const string llm = """
            import OpenAI from "openai";
            import { LLM_BASE_URL } from "./config";

            const client = new OpenAI({ baseURL: LLM_BASE_URL, apiKey: process.env.OPENROUTER_API_KEY });

            export async function ask(prompt: string) {
              return client.chat.completions.create({ model: "openai/gpt-4o-mini", messages: [{ role: "user", content: prompt }] });
            }
            """;
        var result = AuditFiles(("web/src/lib/config.ts", config), ("web/src/lib/llm.ts", llm));

        var openRouter = result.Model.Find("provider:openrouter")!;
        Assert.Contains(openRouter.Evidence, e => e.File == "web/src/lib/llm.ts" && e.Line == 4);
        Assert.Contains(openRouter.Evidence, e => e.File == "web/src/lib/config.ts" && e.Line == 1);
        Assert.Null(result.Model.Find("provider:openai"));
        Assert.DoesNotContain(result.Model.Components, c => c.Id.StartsWith("provider:unresolved:", StringComparison.Ordinal));
    }

    // A const block, and a typed package variable (var gatewayURL string = "...": the type follows the name in Go).
    [Theory]
    [InlineData("package llm\n\nconst (\n\tdefaultModel = \"gpt-4o-mini\"\n\tgatewayURL   = \"https://gateway.helicone.ai/v1\"\n)\n", "provider:helicone", 5)]
    [InlineData("package llm\n\nvar gatewayURL string = \"https://api.groq.com/openai/v1\"\n\nconst defaultModel = \"llama-3.3-70b-versatile\"\n", "provider:groq", 3)]
    public void A_Go_package_level_const_or_var_in_another_file_of_the_package_is_the_clients_address(string config, string party, int line)
    {
        const string client = """
            package llm

            import (
            	"context"

            	"github.com/openai/openai-go"
            	"github.com/openai/openai-go/option"
            )

            func Ask(ctx context.Context, prompt string) (string, error) {
            	client := openai.NewClient(option.WithBaseURL(gatewayURL))
            	resp, err := client.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{
            		Model:    defaultModel,
            		Messages: []openai.ChatCompletionMessageParamUnion{openai.UserMessage(prompt)},
            	})
            	if err != nil {
            		return "", err
            	}
            	return resp.Choices[0].Message.Content, nil
            }
            """;
        var result = AuditFiles(("internal/llm/config.go", config), ("internal/llm/client.go", client));

        Assert.DoesNotContain(result.Model.Components, c => c.Id.StartsWith("provider:unresolved:", StringComparison.Ordinal));
        var found = result.Model.Find(party)!;
        Assert.Contains(found.Evidence, e => e.File == "internal/llm/config.go" && e.Line == line);
        Assert.Contains(found.Evidence, e => e.File == "internal/llm/client.go" && e.Line == 11);
        Assert.Null(result.Model.Find("provider:openai"));
    }

    [Fact]
    public void An_import_matching_two_modules_with_different_values_or_none_stays_an_endpoint_nobody_can_name()
    {
        const string first = """
            MODEL_NAME = "openrouter/google/gemini-2.5-flash"
            """;
        const string second = """
            MODEL_NAME = "anthropic/claude-3-5-haiku-latest"
            """;
        const string caller = """
            from litellm import completion

            from config import MODEL_NAME
            from settings import FALLBACK_MODEL


            def run(text):
                completion(model=MODEL_NAME, messages=[{"role": "user", "content": text}])
                completion(model=FALLBACK_MODEL, messages=[{"role": "user", "content": text}])
            """;
        var result = AuditFiles(("svc_a/config.py", first), ("svc_b/config.py", second), ("jobs/run.py", caller));

        Assert.NotNull(result.Model.Find("provider:unresolved:litellm-model:MODEL_NAME"));
        Assert.NotNull(result.Model.Find("provider:unresolved:litellm-model:FALLBACK_MODEL"));
        Assert.Null(result.Model.Find("provider:openrouter"));
        Assert.Null(result.Model.Find("provider:anthropic"));
    }
}
