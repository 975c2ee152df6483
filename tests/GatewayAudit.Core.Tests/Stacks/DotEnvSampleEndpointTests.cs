using static GatewayAudit.Core.Tests.Readers.DeploymentFixtures;

namespace GatewayAudit.Core.Tests.Stacks;

/// <summary>
/// A course repository of lesson folders, each a uv project: <c>main.py</c> reads its base URL with
/// <c>os.getenv("GEMINI_BASE_PATH")</c> into a module-level name passed to <c>AsyncOpenAI(base_url=...)</c>, and the
/// lesson's <c>.env-example</c> sets the variable. The call reaches the party the sample names, marked as from an example;
/// a placeholder, another project's sample or no sample leave it unknown, and the compose service building the code wins.
/// </summary>
public sealed class DotEnvSampleEndpointTests
{
    private const string Main = """
        import asyncio
        import os

        from dotenv import load_dotenv
        from openai import AsyncOpenAI

        load_dotenv()
        api_key = os.getenv("GEMINI_API_KEY")
        base_path = os.getenv("GEMINI_BASE_PATH")

        client = AsyncOpenAI(api_key=api_key, base_url=base_path)


        async def main():
            question = input("Ask: ")
            reply = await client.chat.completions.create(
                model="gemini-2.0-flash",
                messages=[{"role": "user", "content": question}],
            )
            print(reply.choices[0].message.content)


        asyncio.run(main())
        """;

    private const string Inline = """
        import os
        from openai import OpenAI

        client = OpenAI(base_url=os.environ["OPENAI_BASE_URL1"])
        answer = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "hi"}])
        """;

    private const string Project = "[project]\nname = \"lesson\"\nversion = \"0.1.0\"\n";

    private static string Sample(string url) => $"""
        GEMINI_API_KEY=
        GEMINI_BASE_PATH={url}
        GEMINI_MODEL_NAME=gemini-2.0-flash
        """;

    [Fact]
    public void The_lessons_sample_env_file_names_the_endpoint_with_example_confidence()
    {
        var result = AuditFiles(("lesson02/main.py", Main), ("lesson02/pyproject.toml", Project),
            ("lesson02/.env-example", Sample("https://generativelanguage.googleapis.com/v1beta/openai/")));

        Assert.DoesNotContain(result.Model.Components, c => c.Id is "provider:env:GEMINI_BASE_PATH" or "provider:unresolved:base_path");
        Assert.DoesNotContain(result.Findings, f => f.RuleId == "prompts-reach-unidentified-party");
        var gemini = result.Model.Find("provider:google-gemini-api")!;
        Assert.Contains(gemini.Evidence, e => e.File == "lesson02/.env-example" && e.Line == 2);
        Assert.Contains(gemini.Evidence, e => e.File == "lesson02/main.py" && e.Line == 11);
        Assert.Equal("example", gemini.Attributes["confidence"]);
        Assert.Contains(gemini.Notes, n => n.Contains("is read from $GEMINI_BASE_PATH, which the project's sample env file sets", StringComparison.Ordinal)
            && n.Contains("not the one a deployment sets", StringComparison.Ordinal));
    }

    [Fact]
    public void An_inline_environ_read_takes_the_env_example_of_a_folder_above_within_the_project()
    {
        var result = AuditFiles(("app/src/llm.py", Inline), ("app/pyproject.toml", Project), ("app/.env.example", "OPENAI_BASE_URL1=\"https://api.openai.com/v1\"\n"));

        Assert.Null(result.Model.Find("provider:env:OPENAI_BASE_URL1"));
        Assert.Contains(result.Model.Find("provider:openai")!.Evidence, e => e.File == "app/.env.example" && e.Line == 1);
    }

    [Theory]
    [InlineData("https://your-endpoint/v1/")]
    [InlineData("${GEMINI_URL}")]
    [InlineData("")]
    public void A_placeholder_or_no_value_stays_unknown(string url)
    {
        var result = AuditFiles(("lesson02/main.py", Main), ("lesson02/pyproject.toml", Project), ("lesson02/.env-example", Sample(url)));

        Assert.Contains(result.Model.Components, c => c.Id == "provider:env:GEMINI_BASE_PATH");
        Assert.Null(result.Model.Find("provider:google-gemini-api"));
    }

    [Fact]
    public void Another_projects_sample_never_reaches_the_code()
    {
        var result = AuditFiles(("lesson02/main.py", Main), ("lesson02/pyproject.toml", Project),
            ("lesson03/pyproject.toml", Project), ("lesson03/.env.example", Sample("https://generativelanguage.googleapis.com/v1beta/openai/")));

        Assert.Contains(result.Model.Components, c => c.Id == "provider:env:GEMINI_BASE_PATH");
    }

    [Fact]
    public void The_compose_service_that_builds_the_code_wins_over_the_sample()
    {
        const string Compose = """
            services:
              lesson:
                build: ./lesson02
                environment:
                  GEMINI_BASE_PATH: http://ollama:11434/v1
              ollama:
                image: ollama/ollama:0.5.7
              litellm:
                image: ghcr.io/berriai/litellm:main-v1.55.8
            """;

        var result = AuditFiles(("lesson02/main.py", Main), ("lesson02/pyproject.toml", Project),
            ("lesson02/.env-example", Sample("https://generativelanguage.googleapis.com/v1beta/openai/")), ("docker-compose.yml", Compose));

        Assert.Null(result.Model.Find("provider:google-gemini-api"));
        var local = Assert.Single(result.Model.Components, c => c.Id.StartsWith("inference:", StringComparison.Ordinal));
        Assert.Contains(local.Evidence, e => e.File == "docker-compose.yml" && e.Line == 5);
        Assert.NotEqual("example", local.Attributes["confidence"]);
    }
}
