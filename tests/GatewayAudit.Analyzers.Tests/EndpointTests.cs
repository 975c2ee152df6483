namespace GatewayAudit.Analyzers.Tests;

/// <summary>GW003: gateway endpoints outside the adapter.</summary>
public class EndpointTests
{
    [Theory]
    [InlineData("https://openrouter.ai/api/v1", "openrouter.ai")]
    [InlineData("https://openrouter.ai/api/v1/chat/completions", "openrouter.ai")]
    [InlineData("HTTPS://OpenRouter.AI/api/v1/", "openrouter.ai")]
    [InlineData("openrouter.ai", "openrouter.ai")]
    [InlineData("https://api.portkey.ai/v1", "api.portkey.ai")]
    [InlineData("https://oai.helicone.ai/v1", "oai.helicone.ai")]
    [InlineData("https://gateway.helicone.ai", "gateway.helicone.ai")]
    [InlineData("https://oai.hconeai.com/v1", "oai.hconeai.com")]
    [InlineData("https://ai-gateway.vercel.sh/v1", "ai-gateway.vercel.sh")]
    [InlineData("https://gateway.ai.cloudflare.com/v1/acct/gw/openai", "gateway.ai.cloudflare.com")]
    [InlineData("https://openrouter.ai:443/api/v1?x=1", "openrouter.ai")]
    [InlineData("https://openrouter.ai", "openrouter.ai")]
    [InlineData("https://openrouter.ai/v1", "openrouter.ai")]
    [InlineData("https://www.openrouter.ai/api/v1/models", "www.openrouter.ai")]
    public Task Gateway_url_is_reported_by_host(string url, string host) => Verify.AnalyzerAsync($$"""
        using System;
        class Client
        {
            Uri Base() => new Uri({|GW003:"{{url}}"|});
            string Host() => "{{host}}";
        }
        """.Replace("\"" + host + "\";", "{|GW003:\"" + host + "\"|};", StringComparison.Ordinal));

    [Theory]
    [InlineData("https://api.openai.com/v1")]
    [InlineData("https://api.anthropic.com")]
    [InlineData("https://notopenrouter.ai/api/v1")]
    [InlineData("https://openrouter.ai.example.com/api")]
    [InlineData("https://example.com/?next=https://openrouter.ai")]
    [InlineData("See https://openrouter.ai/docs for the provider list")]
    [InlineData("support@openrouter.ai")]
    [InlineData("openrouter")]
    [InlineData("ftp://openrouter.ai/file")]
    [InlineData("https://openrouter.ai/keys")]
    [InlineData("https://openrouter.ai/settings/keys")]
    [InlineData("https://openrouter.ai/docs/api-reference/overview")]
    [InlineData("https://www.openrouter.ai/models?order=newest")]
    [InlineData("openrouter.ai/privacy")]
    [InlineData("https://docs.helicone.ai/getting-started/quick-start")]
    [InlineData("https://helicone.ai/pricing")]
    public Task Other_hosts_and_prose_are_not_reported(string text) => Verify.AnalyzerAsync($$"""
        class Client
        {
            string Text() => "{{text}}";
        }
        """);

    [Fact]
    public Task Interpolation_and_concatenation_with_a_gateway_base_are_reported() => Verify.AnalyzerAsync("""
        class Caller { string Chat() => {|GW003:Client.Base + "/chat/completions"|}; }
        class Client
        {
            public const string Base = {|GW003:"https://openrouter.ai/api/v1"|};
            string Chat() => Base + "/chat/completions";
            string Models(string path) => $"{|GW003:https://openrouter.ai/api/v1/|}{path}";
            string Other(string path) => {|GW003:"https://openrouter.ai/api/v1/"|} + path;
        }
        """);

    [Fact]
    public Task A_password_in_the_url_is_never_in_the_message() => Verify.AnalyzerAsync("""
        class Client
        {
            string Url() => {|GW003:"https://user:hunter2@openrouter.ai/api/v1"|};
        }
        """);

    [Fact]
    public Task Extra_hosts_come_from_editorconfig() => Verify.AnalyzerAsync("""
        class Client
        {
            string A() => {|GW003:"https://llm-gateway.acme.internal/v1"|};
            string B() => {|GW003:"https://eu.llm-gateway.acme.internal"|};
            string C() => "https://other.acme.internal/v1";
        }
        """, "gateway_audit.endpoint_hosts = llm-gateway.acme.internal");
}
