namespace GatewayAudit.Analyzers.Tests;

/// <summary>GW002: gateway model slugs outside the adapter.</summary>
public class ModelSlugTests
{
    [Theory]
    [InlineData("anthropic/claude-sonnet-4.6")]
    [InlineData("openai/gpt-4o")]
    [InlineData("openai/gpt-4o:free")]
    [InlineData("meta-llama/llama-3.1-70b-instruct:nitro")]
    [InlineData("google/gemini-2.5-pro")]
    [InlineData("mistralai/mistral-large")]
    [InlineData("deepseek/deepseek-chat")]
    [InlineData("x-ai/grok-4:online")]
    [InlineData("qwen/qwq-32b:thinking")]
    [InlineData("openrouter/auto")]
    [InlineData("openrouter/anthropic/claude-3.5-sonnet")]
    public Task Slug_literal_is_reported(string slug) => Verify.AnalyzerAsync($$"""
        class Agent
        {
            string Model() => {|GW002:"{{slug}}"|};
        }
        """);

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/json")]
    [InlineData("2024/10/21")]
    [InlineData("10/21")]
    [InlineData("src/Agent.cs")]
    [InlineData("openai/v1")]
    [InlineData("openai/models.json")]
    [InlineData("google/protobuf")]
    [InlineData("microsoft/vs-code")]
    [InlineData("google/go-github")]
    [InlineData("anthropic/claude")]
    [InlineData("anthropic/claude-sonnet-4.6 is our default")]
    [InlineData("https://example.com/anthropic/claude-3")]
    [InlineData("gpt-4o")]
    [InlineData("claude-sonnet-4-6")]
    [InlineData("acme/model-1")]
    [InlineData("anthropic/claude-3/extra")]
    [InlineData("openai/gpt-4o:Free Tier")]
    [InlineData("meta-llama/Llama-2-7b-hf")]
    [InlineData("mistralai/Mistral-7B-Instruct-v0.2")]
    [InlineData("microsoft/Phi-3-mini-4k-instruct")]
    public Task Ordinary_strings_are_not_reported(string text) => Verify.AnalyzerAsync($$"""
        class Agent
        {
            string Text() => "{{text}}";
        }
        """);

    [Fact]
    public Task Slug_built_at_run_time_from_a_vendor_prefix_is_reported() => Verify.AnalyzerAsync("""
        class Agent
        {
            string A(string model) => {|GW002:"anthropic/"|} + model;
            string B(string model) => $"{|GW002:anthropic/|}{model}";
            string C(string model) => $"{|GW002:openrouter/mistralai/|}{model}";
            string D(string path) => "google/" + path;
            string E(string model) => $"Using anthropic/{model}";
        }
        """);

    [Fact]
    public Task Slugs_in_collections_anonymous_objects_and_attributes_are_reported() => Verify.AnalyzerAsync("""
        using System.Collections.Generic;
        class ModelAttribute(string slug) : System.Attribute { public string Slug { get; } = slug; }
        class Agent
        {
            static readonly string[] Fallbacks = [{|GW002:"anthropic/claude-sonnet-4.6"|}, {|GW002:"openai/gpt-4o"|}];
            static readonly Dictionary<string, string> ByTier = new() { ["fast"] = {|GW002:"openai/gpt-4o-mini"|} };
            object Body(string prompt) => new { model = {|GW002:"google/gemini-2.5-flash"|}, prompt };

            [Model({|GW002:"x-ai/grok-4"|})]
            void Run() { }
        }
        """);

    [Fact]
    public Task Slug_as_a_json_value_in_a_raw_string_is_reported() => Verify.AnalyzerAsync(""""
        class Agent
        {
            const string Body = {|GW002:"""
                {"model": "anthropic/claude-sonnet-4.6", "messages": []}
                """|};
        }
        """");

    [Fact]
    public Task Slug_in_an_interpolated_json_body_is_reported() => Verify.AnalyzerAsync(""""
        class Agent
        {
            string Body(string prompt) => $$"""
                {"model": "openai/gpt-4o", "input": "{{prompt}}"}
                """;
        }
        """", [Verify.Diagnostic("GW002").WithSpan("/src/File0.cs", 3, 35, 5, 12).WithArguments("openai/gpt-4o")]);

    [Fact]
    public Task Extra_vendors_come_from_editorconfig() => Verify.AnalyzerAsync("""
        class Agent
        {
            string A() => {|GW002:"acme/assistant-large"|};
            string B() => "other/assistant-large";
        }
        """, "gateway_audit.model_vendors = acme");
}
