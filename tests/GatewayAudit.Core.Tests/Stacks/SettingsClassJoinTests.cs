using GatewayAudit.Core.Model;
using static GatewayAudit.Core.Tests.Readers.DeploymentFixtures;

namespace GatewayAudit.Core.Tests.Stacks;

/// <summary>
/// A FastAPI-style service keeps its endpoint and model as fields of a pydantic-settings class
/// (<c>class Settings(BaseSettings)</c>, <c>settings = Settings()</c>) and another module passes
/// <c>settings.openai_base_url</c> to the SDK client: the call reaches the party the field's default names, with
/// evidence at the call and at the field, and the note names the environment variable that replaces the default.
/// </summary>
public sealed class SettingsClassJoinTests
{
    private static string Config(string prefix = "") => $$"""
        from functools import lru_cache

        from pydantic_settings import BaseSettings, SettingsConfigDict


        class Settings(BaseSettings):
            model_config = SettingsConfigDict(env_file=".env"{{prefix}})

            app_name: str = "support-bot"
            openai_base_url: str = "https://openrouter.ai/api/v1"
            openai_api_key: str = ""
            llm_model: str = "anthropic/claude-3.5-sonnet"
            request_timeout: int = 30


        settings = Settings()
        """;

    private const string Llm = """
        from openai import OpenAI

        from app.core.config import settings

        client = OpenAI(base_url=settings.openai_base_url, api_key=settings.openai_api_key)


        def answer(question: str) -> str:
            response = client.chat.completions.create(
                model=settings.llm_model,
                messages=[{"role": "user", "content": question}],
            )
            return response.choices[0].message.content
        """;

    [Fact]
    public void A_base_url_field_of_a_settings_class_reaches_the_client_of_another_module_with_evidence_at_both()
    {
        var result = AuditFiles(("app/core/config.py", Config()), ("app/services/llm.py", Llm));

        Assert.DoesNotContain(result.Model.Components, c => c.Id.StartsWith("provider:unresolved:", StringComparison.Ordinal));
        var openRouter = result.Model.Find("provider:openrouter")!;
        Assert.Contains(openRouter.Evidence, e => e.File == "app/services/llm.py" && e.Line == 5);
        Assert.Contains(openRouter.Evidence, e => e.File == "app/core/config.py" && e.Line == 10);
        Assert.Contains(openRouter.Notes, n => n.Contains("is openai_base_url, defined in another file at app/core/config.py:10", StringComparison.Ordinal)
            && n.Contains("the default of OPENAI_BASE_URL", StringComparison.Ordinal));
        Assert.Null(result.Model.Find("provider:openai"));
    }

    [Fact]
    public void A_model_field_passed_to_a_LiteLLM_SDK_call_names_the_gateway_and_its_upstream()
    {
        var config = Config().Replace("\"anthropic/claude-3.5-sonnet\"", "\"openrouter/anthropic/claude-3.5-sonnet\"", StringComparison.Ordinal);
        const string summariser = """
            import litellm

            from app.core.config import settings


            async def summarise(text: str) -> str:
                response = await litellm.acompletion(model=settings.llm_model, messages=[{"role": "user", "content": text}])
                return response.choices[0].message.content
            """;
        var result = AuditFiles(("app/core/config.py", config), ("app/services/summary.py", summariser));

        Assert.DoesNotContain(result.Model.Components, c => c.Id.StartsWith("provider:unresolved:", StringComparison.Ordinal));
        var openRouter = result.Model.Find("provider:openrouter")!;
        Assert.Contains(openRouter.Evidence, e => e.File == "app/services/summary.py" && e.Line == 7);
        Assert.Contains(openRouter.Evidence, e => e.File == "app/core/config.py" && e.Line == 12);
        Assert.Contains(openRouter.Notes, n => n.Contains("the default of LLM_MODEL", StringComparison.Ordinal));
        Assert.Contains(result.Model.Components, c => c.SubProcessorOf == "provider:openrouter" && c.Evidence.Any(e => e.File == "app/services/summary.py"));
    }

    [Theory]
    [InlineData(", env_prefix=\"BOT_\"", "", "BOT_OPENAI_BASE_URL")]
    [InlineData(", env_prefix=\"bot_\", case_sensitive=True", "", "bot_openai_base_url")]
    [InlineData("", ", env_prefix=\"SUPPORT_\"", "SUPPORT_OPENAI_BASE_URL")]
    public void The_variable_named_is_the_one_pydantic_settings_reads(string configDict, string classKeywords, string variable)
    {
        var config = Config(configDict).Replace("(BaseSettings)", $"(BaseSettings{classKeywords})", StringComparison.Ordinal);
        var result = AuditFiles(("app/core/config.py", config), ("app/services/llm.py", Llm));

        Assert.Contains(result.Model.Find("provider:openrouter")!.Notes, n => n.Contains($"the default of {variable},", StringComparison.Ordinal));
    }

    [Fact]
    public void Attributes_of_a_plain_class_that_is_no_settings_class_are_not_exported()
    {
        var plain = Config().Replace("class Settings(BaseSettings):", "class Settings:", StringComparison.Ordinal)
            .Replace("    model_config = SettingsConfigDict(env_file=\".env\")\n", "", StringComparison.Ordinal);
        var result = AuditFiles(("app/core/config.py", plain), ("app/services/llm.py", Llm));

        Assert.DoesNotContain(result.Model.Components, c => c.Evidence.Any(e => e.File == "app/services/llm.py") && c.Id == "provider:openrouter");
        Assert.Contains(result.Model.Components, c => c.Id.StartsWith("provider:unresolved:", StringComparison.Ordinal));
    }

    [Fact]
    public void The_projects_sample_env_file_replaces_the_fields_default_as_an_example()
    {
        var result = AuditFiles(("app/core/config.py", Config()), ("app/services/llm.py", Llm), ("pyproject.toml", "[project]\nname = \"bot\"\n"),
            (".env.example", "OPENAI_API_KEY=\nOPENAI_BASE_URL=http://localhost:11434/v1\n"));

        Assert.DoesNotContain(result.Model.Find("provider:openrouter")?.Evidence ?? [], e => e.File == "app/services/llm.py");
        var local = Assert.Single(result.Model.Components, c => c.Id.StartsWith("inference:localhost", StringComparison.Ordinal));
        Assert.Contains(local.Evidence, e => e.File == ".env.example" && e.Line == 2);
        Assert.Contains(local.Evidence, e => e.File == "app/services/llm.py" && e.Line == 5);
        Assert.Equal("example", local.Attributes["confidence"]);
        Assert.Contains(local.Notes, n => n.Contains("whose default https://openrouter.ai/api/v1", StringComparison.Ordinal)
            && n.Contains("the project's sample env file sets OPENAI_BASE_URL=http://localhost:11434/v1", StringComparison.Ordinal));
    }

    [Fact]
    public void Another_projects_sample_leaves_the_default()
    {
        var result = AuditFiles(("bot/app/core/config.py", Config()), ("bot/app/services/llm.py", Llm.Replace("from app.core", "from bot.app.core", StringComparison.Ordinal)),
            ("bot/pyproject.toml", "[project]\nname = \"bot\"\n"), ("admin/pyproject.toml", "[project]\nname = \"admin\"\n"),
            ("admin/.env.example", "OPENAI_BASE_URL=http://localhost:11434/v1\n"));

        Assert.Contains(result.Model.Find("provider:openrouter")!.Evidence, e => e.File == "bot/app/services/llm.py" && e.Line == 5);
        Assert.DoesNotContain(result.Model.Components, c => c.Id.StartsWith("inference:localhost", StringComparison.Ordinal));
    }
}
