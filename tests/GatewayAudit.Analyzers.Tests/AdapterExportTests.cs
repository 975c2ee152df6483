namespace GatewayAudit.Analyzers.Tests;

/// <summary>
/// What the adapter exports (a const, static readonly field or static property of an adapter type, or of an options
/// class declared part of it) may be read anywhere; a gateway value declared outside the adapter is reported where it
/// is declared and where another type reads it, the same for const and static readonly; never at reads inside the
/// type that declares it (that would repeat the declaration's warning).
/// </summary>
public class AdapterExportTests
{
    private const string Reader = """
        class ChatService
        {
            string Model() => OpenRouterOptions.DefaultModel;
            string Fast() => OpenRouterOptions.FastModel;
            System.Uri Base() => OpenRouterOptions.BaseUri;
            string Title() => OpenRouterOptions.TitleHeader;
        }
        """;

    private const string Options = """
        class OpenRouterOptions
        {
            public const string DefaultModel = "anthropic/claude-sonnet-4.6";
            public static readonly string FastModel = "openai/gpt-4o-mini";
            public static readonly System.Uri BaseUri = new("https://openrouter.ai/api/v1");
            public static string TitleHeader { get; } = "X-Title";
            public string Endpoint { get; set; } = "https://openrouter.ai/api/v1";
            string Own() => DefaultModel + FastModel + TitleHeader;
        }
        """;

    [Theory]
    [InlineData("gateway_audit.adapter_types = OpenRouterOptions")]
    [InlineData("gateway_audit.adapter_types = OpenRouterAdapter, OpenRouterOptions")]
    public Task Options_class_declared_in_editorconfig_is_part_of_the_adapter(string option) => Verify.AnalyzerAsync([Options, Reader], option);

    [Fact]
    public Task Options_class_marked_GatewayAdapter_is_part_of_the_adapter() => Verify.AnalyzerAsync(
        ["class GatewayAdapterAttribute : System.Attribute { }\n[GatewayAdapter]\n" + Options, Reader]);

    [Fact]
    public Task Options_nested_in_the_adapter_or_in_its_namespace_are_the_adapter() => Verify.AnalyzerAsync("""
        namespace Acme.Llm.OpenRouter
        {
            static class Defaults { public static readonly string Model = "qwen/qwen3-coder"; }
        }
        namespace Acme.Llm
        {
            class OpenRouterAdapter { public static class Options { public const string Model = "x-ai/grok-4"; } }
        }
        namespace Acme.App
        {
            class Agent
            {
                string A() => Acme.Llm.OpenRouter.Defaults.Model;
                string B() => Acme.Llm.OpenRouterAdapter.Options.Model;
            }
        }
        """, "gateway_audit.adapter_types = Acme.Llm.OpenRouterAdapter, Acme.Llm.OpenRouter.*");

    [Fact]
    public Task Const_and_static_readonly_outside_the_adapter_follow_one_rule() => Verify.AnalyzerAsync([
        """
        class OpenRouterOptions
        {
            public const string DefaultModel = {|GW002:"anthropic/claude-sonnet-4.6"|};
            public static readonly string FastModel = {|GW002:"openai/gpt-4o-mini"|};
            public static readonly System.Uri BaseUri = new({|GW003:"https://openrouter.ai/api/v1"|});
            public static string TitleHeader { get; } = {|GW001:"X-Title"|};
            public string Endpoint { get; set; } = {|GW003:"https://openrouter.ai/api/v1"|};
            string Own() => DefaultModel + FastModel + TitleHeader;
            class Nested { string N() => DefaultModel; }
        }
        """,
        """
        class ChatService
        {
            string Model() => {|GW002:OpenRouterOptions.DefaultModel|};
            string Fast() => {|GW002:OpenRouterOptions.FastModel|};
            System.Uri Base() => {|GW003:OpenRouterOptions.BaseUri|};
            string Title() => {|GW001:OpenRouterOptions.TitleHeader|};
        }
        """,
    ], "gateway_audit.adapter_types = OpenRouterAdapter");

    [Fact]
    public Task Static_readonly_without_a_literal_value_and_other_statics_are_not_traced() => Verify.AnalyzerAsync("""
        static class Settings
        {
            public static readonly string Model = System.Environment.GetEnvironmentVariable("MODEL") ?? "gpt-4o";
            public static readonly string Name = "checkout";
            public static int Retries { get; } = 3;
        }
        class Agent { string A() => Settings.Model + Settings.Name + Settings.Retries; }
        """);
}
