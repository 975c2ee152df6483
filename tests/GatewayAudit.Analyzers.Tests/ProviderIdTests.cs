namespace GatewayAudit.Analyzers.Tests;

/// <summary>
/// GW002 false positives from issue 11: other providers whose own ids have the author/model shape (NVIDIA NIM's
/// meta/llama-3.3-70b-instruct, Groq's openai/gpt-oss-120b) in code that clearly targets that provider.
/// </summary>
public class ProviderIdTests
{
    [Fact]
    public Task Ids_in_a_class_named_after_the_provider_are_its_own() => Verify.AnalyzerAsync("""
        class NvidiaNimClient
        {
            const string Model = "meta/llama-3.3-70b-instruct";
            string Other() => "meta-llama/llama-3.1-405b-instruct";
        }
        class GroqChatService { string M() => "openai/gpt-oss-120b"; }
        class NimEmbeddings { string M() => "nvidia/llama-3.2-nv-embedqa-1b-v2"; }
        """);

    [Fact]
    public Task Ids_beside_the_provider_url_in_the_same_type_are_its_own() => Verify.AnalyzerAsync("""
        class LlmClient
        {
            const string BaseUrl = "https://integrate.api.nvidia.com/v1";
            const string Model = "meta/llama-3.3-70b-instruct";
            partial class Nested { string M() => "deepseek/deepseek-r1"; }
        }
        class HubClient
        {
            string Url() => "https://router.huggingface.co/v1/chat/completions";
            string Model() => "qwen/qwen3-coder-480b";
        }
        """);

    [Fact]
    public Task Gateway_only_forms_and_gateway_urls_are_still_reported() => Verify.AnalyzerAsync("""
        class NvidiaNimClient
        {
            string A() => {|GW002:"meta-llama/llama-3.3-70b-instruct:free"|};
            string B() => {|GW002:"openrouter/auto"|};
        }
        class MixedClient
        {
            const string Nim = "https://integrate.api.nvidia.com/v1";
            const string Gateway = {|GW003:"https://openrouter.ai/api/v1"|};
            string M() => {|GW002:"meta/llama-3.3-70b-instruct"|};
        }
        class OpenRouterNimBridge { string M() => {|GW002:"deepseek/deepseek-r1"|}; }
        class Animation { string M() => {|GW002:"qwen/qwen3-coder"|}; }
        """);
}
