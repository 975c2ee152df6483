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
    public void No_party_from_a_test_model_an_agent_without_a_model_or_another_libraries_agent(string text)
    {
        var model = Python("agents.py", text);
        Assert.DoesNotContain(model.Components, c => c.Role is ComponentRole.ModelProvider or ComponentRole.Gateway);
    }
}
