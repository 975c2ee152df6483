using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers;
using GatewayAudit.Core.Readers.Code;

namespace GatewayAudit.Core.Tests.Readers.Code;

/// <summary>
/// Literal API keys in source code are literal secrets at their file:line, named after what they are assigned to and
/// shown redacted; placeholders, environment reads, template holes, comments and docstrings are not. The values below
/// are made up in the providers' key shapes.
/// </summary>
public sealed class CodeSecretTests
{
    private const string AnthropicKey = "sk-ant-api03-Zx8Qw2Er4Ty6Ui8Op0As2Df4Gh6Jk8Lz0Xc2Vb4Nm6Qw8Er0Ty2Ui4Op6As8Df0GhAA";
    private const string OpenRouterKey = "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";
    private const string OpenAiKey = "sk-proj-Ab3De5Fg7Hi9Jk1Lm3No5Pq7Rs9Tu1Vw3Xy5Za7Bc9De1Fg3";

    [Fact]
    public void Python_keys_in_assignments_and_keyword_arguments_are_secrets_and_placeholders_are_not()
    {
        var text = $$""""
            """Worker. Example: Anthropic(api_key="{{AnthropicKey}}")."""
            import os
            import anthropic

            # OLD_KEY = "{{OpenAiKey}}"
            API_KEY = os.environ.get("ANTHROPIC_API_KEY", "{{AnthropicKey}}")
            client = anthropic.Anthropic(api_key=API_KEY)
            router = OpenAI(base_url="https://openrouter.ai/api/v1", api_key="{{OpenRouterKey}}")
            local = OpenAI(base_url="http://localhost:8000/v1", api_key="sk-your-key-here")
            headers = {"Authorization": f"Bearer {API_KEY}"}
            reply = client.messages.create(model="claude-sonnet-4-5", max_tokens=10, messages=[])

            """";
        var result = new PythonSourceReader().Read(File("worker.py", text));

        Assert.Equal(
            [("worker.py:6", "API_KEY", "sk-ant-****"), ("worker.py:8", "api_key", "sk-or-v1-****")],
            result.Fragment.Secrets.Select(s => (s.Location.ToString(), s.Key, s.Redacted)));
        Assert.Equal("**** and ****", result.Secrets.Scrub($"{AnthropicKey} and {OpenRouterKey}"));
    }

    [Fact]
    public void TypeScript_bearer_literals_are_secrets_and_template_holes_are_not()
    {
        var text = $$"""
            import OpenAI from "openai";
            const client = new OpenAI({
              baseURL: "https://openrouter.ai/api/v1",
              defaultHeaders: { Authorization: "Bearer {{OpenRouterKey}}", "X-Title": "demo" },
            });
            const other = { Authorization: `Bearer ${process.env.OPENROUTER_API_KEY}` };
            await client.chat.completions.create({ model: "openai/gpt-4o", messages: [] });

            """;
        var secret = Assert.Single(new JavaScriptSourceReader().Read(File("src/llm.ts", text)).Fragment.Secrets);
        Assert.Equal(("src/llm.ts:4", "Authorization", "Bearer sk-or-v1-****"), (secret.Location.ToString(), secret.Key, secret.Redacted));
    }

    [Fact]
    public void CSharp_keys_in_fields_and_named_arguments_are_secrets_and_comments_are_not()
    {
        var text = $$"""
            namespace Acme;

            public sealed class Llm
            {
                // private const string Old = "{{OpenAiKey}}";
                private const string ApiKey = "{{OpenAiKey}}";

                public OpenAIClient Client() => new(new ApiKeyCredential(key: "{{AnthropicKey}}"));

                public string Env() => Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? "sk-xxxxxxxxxxxxxxxxxxxxxxxx";
            }

            """;
        var result = new CSharpSourceReader().Read(File("src/Llm.cs", text));
        Assert.Equal(
            [("src/Llm.cs:6", "ApiKey", "sk-proj-****"), ("src/Llm.cs:8", "key", "sk-ant-****")],
            result.Fragment.Secrets.Select(s => (s.Location.ToString(), s.Key, s.Redacted)));
        Assert.NotNull(result.Fragment.Find("app:code"));
    }

    private static InputFile File(string path, string text) => new(path, "/scan/" + path, text, namedExplicitly: false);
}
