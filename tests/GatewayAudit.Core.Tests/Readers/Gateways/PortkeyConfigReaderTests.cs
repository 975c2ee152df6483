using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers.Gateways;
using static GatewayAudit.Core.Tests.Readers.Gateways.GatewayFixtures;
using static GatewayAudit.Core.Tests.Readers.Gateways.OpenRouterFileReaderTests;

namespace GatewayAudit.Core.Tests.Readers.Gateways;

/// <summary>
/// Portkey configs: Portkey is the gateway, every target (however deeply nested) a sub-processor under it, reached
/// with the operator's own provider credentials; the cache's max_age is its retention.
/// </summary>
public sealed class PortkeyConfigReaderTests
{
    private const string Portkey = "provider:portkey";

    [Fact]
    public void Nested_fallback_targets_are_each_a_sub_processor_of_portkey()
    {
        var result = Read(new PortkeyConfigReader(), "portkey/config.json", PortkeyFallback);
        var model = result.Fragment;
        var portkey = model.Get(Portkey);
        Assert.Equal((ComponentRole.Gateway, Hosting.ThirdParty, "portkey"), (portkey.Role, portkey.Hosting, portkey.Vendor));
        Assert.Equal(["fallback", "loadbalance"], (string[])portkey.Attributes["strategies"]!);
        Assert.Equal("prompt,completion,metadata,credentials", model.Flow("app:clients", Portkey).Categories());

        var openai = model.Get("provider:portkey-target:openai");
        Assert.Equal((Portkey, "openai", Hosting.ThirdParty, "operator"), (openai.SubProcessorOf, openai.Vendor, openai.Hosting, openai.Attributes["providerAccount"]));
        Assert.Equal(["gpt-4o"], (string[])openai.Attributes["models"]!);
        Assert.Contains("portkey/config.json:10", openai.Lines());

        var bedrock = model.Get("provider:portkey-target:bedrock");
        Assert.Equal(("aws-bedrock", "eu-central-1", 15), (bedrock.Vendor, bedrock.Region!.Value, bedrock.Region.Evidence.Line));

        // A virtual key and an integration slug do not name the provider: listed by their name, and asked about.
        var azure = model.Get("provider:portkey-target:virtual key azure-eu-prod-4f2a");
        var anthropic = model.Get("provider:portkey-target:@anthropic-prod");
        Assert.All([azure, anthropic], c => Assert.Equal((null, Portkey), (c.Vendor, c.SubProcessorOf)));
        Assert.Equal(["x-user-id"], (string[])anthropic.Attributes["forwardHeaders"]!);
        Assert.Contains(model.OpenQuestions, q => q.Subject == anthropic.Name && q.Question.Contains("Which provider", StringComparison.Ordinal));

        // A custom_host on the cluster network is the operator's own server.
        var vllm = model.Get("provider:portkey-target:openai@vllm.inference.svc.cluster.local");
        Assert.Equal((Hosting.OperatorHosted, ComponentRole.SelfHostedInference, null), (vllm.Hosting, vllm.Role, vllm.Vendor));

        foreach (var target in new[] { openai, bedrock, azure, anthropic, vllm })
        {
            Assert.Equal("prompt,completion,metadata,credentials", model.Flow(Portkey, target.Id).Categories());
        }
    }

    [Fact]
    public void Cache_max_age_is_the_caches_retention_and_guardrail_partners_are_asked_about()
    {
        var model = Read(new PortkeyConfigReader(), "portkey.json", PortkeyFallback).Fragment;
        var cache = model.Get("cache:portkey");
        Assert.Equal((ComponentRole.Cache, "portkey", 604800L, "semantic"), (cache.Role, cache.Vendor, cache.Attributes["ttlSeconds"], cache.Attributes["mode"]));
        Assert.Equal((7.0, 3), (cache.Retention!.Value.Days, cache.Retention.Evidence.Line));
        Assert.Equal("prompt,completion", model.Flow(Portkey, cache.Id).Categories());

        var portkey = model.Get(Portkey);
        Assert.Equal("3", portkey.Attributes["retryAttempts"]);
        Assert.Equal(["pangea"], (string[])portkey.Attributes["guardrailPartners"]!);
        Assert.Contains(model.OpenQuestions, q => q.Subject == "Portkey guardrail pangea.textGuard");
    }

    [Fact]
    public void The_literal_provider_key_is_a_secret_and_the_virtual_key_is_not()
    {
        var result = Read(new PortkeyConfigReader(), "portkey.json", PortkeyFallback);
        var secret = Assert.Single(result.Fragment.Secrets);
        Assert.Equal(10, secret.Location.Line);
    }

    [Fact]
    public void A_camel_case_config_behind_a_self_hosted_gateway_is_operator_hosted()
    {
        var model = Read(new PortkeyConfigReader(), "llm.yaml", PortkeyCamelSelfHosted).Fragment;
        Assert.Null(model.Find(Portkey));
        var gateway = model.Get("gateway:portkey:portkey-gateway");
        Assert.Equal((Hosting.OperatorHosted, null), (gateway.Hosting, gateway.Vendor));
        var anthropic = model.Get("provider:portkey-target:anthropic");
        Assert.Equal(("anthropic", gateway.Id, Hosting.ThirdParty), (anthropic.Vendor, anthropic.SubProcessorOf, anthropic.Hosting));
        Assert.Equal(["claude-sonnet-4-5"], (string[])anthropic.Attributes["models"]!);
    }

    [Theory]
    [InlineData("request.json", OpenAiRequest)]
    [InlineData("package.json", PackageJson)]
    [InlineData("config.schema.json", JsonSchema)]
    [InlineData("settings.json", """{"provider": "openai", "api_key": "sk-proj-notportkey0123456789abcdef", "model": "gpt-4o"}""")]
    public void Files_that_are_not_portkey_configs_are_not_claimed(string name, string text) =>
        Assert.False(new PortkeyConfigReader().Recognizes(new Core.Readers.InputFile(name, "/scan/" + name, text, namedExplicitly: false)));
}
