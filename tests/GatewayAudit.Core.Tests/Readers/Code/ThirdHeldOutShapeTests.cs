using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers;
using GatewayAudit.Core.Readers.Code;

namespace GatewayAudit.Core.Tests.Readers.Code;

/// <summary>
/// Shapes missed in the third held-out code run of 2026-11-30 (bench/CODE-CORPUS.md, "Third held-out run"), each with
/// fixtures written in the shape of the real code (never copied from it): must find and must not find.
/// </summary>
public sealed class ThirdHeldOutShapeTests
{
    private static StackModel Python(string path, string text) =>
        new PythonSourceReader().Read(new InputFile(path, "/scan/" + path, text, namedExplicitly: false)).Fragment;

    // Class 2a: pydantic-ai's "provider:model" names.

    [Theory]
    [InlineData("'openai:gpt-4.1-mini'", "provider:openai")]
    [InlineData("'anthropic:claude-sonnet-4-5'", "provider:anthropic")]
    [InlineData("'google-gla:gemini-2.5-flash'", "provider:google-gemini-api")]
    [InlineData("'google-vertex:gemini-2.5-pro'", "provider:google-vertex-ai")]
    [InlineData("'groq:llama-3.3-70b-versatile'", "provider:groq")]
    [InlineData("'mistral:mistral-large-latest'", "provider:mistral")]
    [InlineData("model='openai-responses:gpt-5'", "provider:openai")]
    public void A_pydantic_ai_agent_names_its_provider_by_the_model_prefix(string argument, string id)
    {
        var agent = $$"""
            from dataclasses import dataclass

            from pydantic_ai import Agent, RunContext


            @dataclass
            class Deps:
                customer_id: int


            triage_agent = Agent(
                {{argument}},
                deps_type=Deps,
                system_prompt='Sort the customer question into billing, shipping or other.',
            )


            async def triage(question: str, deps: Deps) -> str:
                result = await triage_agent.run(question, deps=deps)
                return result.output

            """;
        var model = Python("support/agents.py", agent);
        var party = model.Find(id)!;
        Assert.NotNull(party);
        Assert.Contains(party.Evidence, e => e.Line == 11);
        Assert.Single(model.Components, c => c.Role is ComponentRole.ModelProvider or ComponentRole.Gateway);
    }

    [Fact]
    public void A_pydantic_ai_model_from_an_environment_variable_default_is_read_from_the_default()
    {
        const string Script = """
            import os

            from pydantic_ai import Agent

            MODEL = os.getenv('EXTRACT_MODEL', 'google-gla:gemini-2.0-flash')
            extractor = Agent(MODEL, output_type=str)
            print(extractor.run_sync('Paris is the capital of which country?').output)

            """;
        Assert.NotNull(Python("extract.py", Script).Find("provider:google-gemini-api"));
    }

    [Theory]
    [InlineData("from pydantic_ai import Agent\n\nagent = Agent('test', output_type=str)\n")]
    [InlineData("from pydantic_ai import Agent\n\nagent = Agent('test:any', output_type=str)\n")]
    [InlineData("from pydantic_ai import Agent\n\nagent = Agent(instructions='Be brief.')\n")]
    [InlineData("from crew import Agent\n\nagent = Agent('openai:gpt-4o', goal='research')\n")]
    [InlineData("from my_app.models import LLM\n\nllm = LLM(model=\"gpt-4o\")\n")]
    [InlineData("from crewai import Agent\nfrom llama_index.core.llms import LLM\n\ndef build(llm: LLM) -> Agent:\n    return Agent(role=\"writer\", goal=\"draft\", backstory=\"\", llm=llm)\n")]
    public void No_party_from_a_test_model_an_agent_without_a_model_or_another_libraries_agent_or_llm_class(string text)
    {
        var model = Python("agents.py", text);
        Assert.DoesNotContain(model.Components, c => c.Role is ComponentRole.ModelProvider or ComponentRole.Gateway);
    }

    // Class 2b: CrewAI's LLM(model=...), which takes LiteLLM's model names.

    [Theory]
    [InlineData("model=\"gpt-4o\",", "provider:openai")]
    [InlineData("model=\"anthropic/claude-sonnet-4-5\",", "provider:anthropic")]
    [InlineData("model=\"openrouter/deepseek/deepseek-chat\",\n    base_url=\"https://openrouter.ai/api/v1\",", "provider:openrouter")]
    [InlineData("model=\"gemini/gemini-2.5-flash\",", "provider:google-gemini-api")]
    public void A_crewai_llm_lists_the_provider_its_model_names(string model, string id)
    {
        var config = $$"""
            import os

            from crewai import LLM
            from dotenv import load_dotenv

            load_dotenv()

            research_llm = LLM(
                {{model}}
                api_key=os.environ["LLM_API_KEY"],
                temperature=0.2,
            )

            """;
        var party = Python("backend/config/llm.py", config).Find(id)!;
        Assert.NotNull(party);
        Assert.Contains(party.Evidence, e => e.Line == 8);
    }

    // Class 5: a client with Portkey's headers and a base URL from the environment is Portkey's gateway.

    [Fact]
    public void A_client_with_portkey_headers_and_an_environment_base_url_is_portkeys_row_not_an_unknown_endpoint()
    {
        const string Script = """
            import os

            from langchain_openai import ChatOpenAI

            llm = ChatOpenAI(
                model="gpt-4o-mini",
                api_key=os.getenv("PORTKEY_API_KEY"),
                base_url=os.getenv("GATEWAY_BASE_URL"),
                default_headers={"x-portkey-provider": "openai"},
            )

            print(llm.invoke("Summarise the ticket in one line.").content)

            """;
        var model = Python("summarise.py", Script);

        Assert.Null(model.Find("provider:env:GATEWAY_BASE_URL"));
        var portkey = model.Find("provider:portkey")!;
        Assert.NotNull(portkey);
        Assert.Contains(portkey.Evidence, e => e.Line == 5);
        Assert.NotNull(model.Find("provider:portkey-target:openai"));
        Assert.Contains(model.Flows, f => f.To == "provider:portkey" && f.DataCategories.Contains(DataCategory.Prompt));
    }

    [Fact]
    public void A_client_with_an_environment_base_url_and_no_portkey_header_stays_an_unknown_endpoint()
    {
        const string Script = """
            import os

            from langchain_openai import ChatOpenAI

            llm = ChatOpenAI(model="gpt-4o-mini", base_url=os.getenv("GATEWAY_BASE_URL"), default_headers={"x-team": "search"})
            print(llm.invoke("Summarise the ticket in one line.").content)

            """;
        var model = Python("summarise.py", Script);

        Assert.NotNull(model.Find("provider:env:GATEWAY_BASE_URL"));
        Assert.Null(model.Find("provider:portkey"));
    }

    // Class 7: a model OpenRouter lists under its own name is not the auto router.

    private static StackModel CSharp(string path, string text) =>
        new CSharpSourceReader().Read(new InputFile(path, "/scan/" + path, text, namedExplicitly: false)).Fragment;

    [Theory]
    [InlineData("openrouter/cypress-alpha", "openrouter-own-model", "provider:openrouter-upstream:code:own:cypress-alpha")]
    [InlineData("openrouter/auto", "auto-router", "provider:openrouter-upstream:code:auto")]
    public void An_openrouter_slug_of_openrouters_own_is_that_model_and_only_openrouter_auto_is_the_auto_router(string slug, string routing, string id)
    {
        var service = $$"""
            using System.Net.Http.Json;

            public sealed class QuoteAssistant(HttpClient http)
            {
                public async Task<string> AnswerAsync(string question)
                {
                    var body = new { model = "{{slug}}", messages = new[] { new { role = "user", content = question } } };
                    var response = await http.PostAsJsonAsync("https://openrouter.ai/api/v1/chat/completions", body);
                    return await response.Content.ReadAsStringAsync();
                }
            }

            """;
        var model = CSharp("Services/QuoteAssistant.cs", service);
        var upstream = Assert.Single(model.Components, c => c.SubProcessorOf == "provider:openrouter");
        Assert.Equal((id, routing), (upstream.Id, upstream.Attributes["routing"]));
        Assert.Equal(routing == "auto-router", upstream.Name.Contains("auto router", StringComparison.Ordinal));
    }

    // Class 3: Voyage AI's embeddings receive the corpus and the user's questions.

    [Fact]
    public void A_voyage_client_that_embeds_questions_is_voyage_ai_receiving_prompt_text()
    {
        const string Service = """
            import voyageai


            class QuestionEmbedder:
                def __init__(self, api_key: str, model: str = "voyage-3-lite") -> None:
                    self._vo = voyageai.Client(api_key=api_key)
                    self._model = model

                def embed_question(self, question: str) -> list[float]:
                    result = self._vo.embed([question], model=self._model, input_type="query")
                    return result.embeddings[0]

            """;
        var model = Python("app/retrieval/embedder.py", Service);
        var voyage = model.Find("provider:voyage")!;
        Assert.NotNull(voyage);
        Assert.Equal(("Voyage AI", Hosting.ThirdParty), (voyage.Name, voyage.Hosting));
        Assert.Contains(voyage.Evidence, e => e.Line == 6);
        Assert.Contains(model.Flows, f => f.To == "provider:voyage" && f.DataCategories.Contains(DataCategory.Prompt));
    }

    [Fact]
    public void A_voyage_word_in_a_string_of_another_client_is_no_party()
    {
        const string Text = "from openai import OpenAI\n\nclient = OpenAI()\nprint(client.chat.completions.create(model=\"gpt-4o-mini\", messages=[{\"role\": \"user\", \"content\": \"Plan a voyage to Lisbon\"}]))\n";
        Assert.Null(Python("plan.py", Text).Find("provider:voyage"));
    }

    [Fact]
    public void An_applications_own_wrapper_class_named_like_a_voyage_class_is_no_client()
    {
        const string Startup = """
            from app.config import settings
            from app.retrieval.embedder import VoyageEmbeddings

            embeddings = VoyageEmbeddings(api_key=settings.embeddings_key)

            """;
        Assert.Null(Python("app/startup.py", Startup).Find("provider:voyage"));
    }
}
