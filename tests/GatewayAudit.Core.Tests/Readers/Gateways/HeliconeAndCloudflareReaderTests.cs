using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers.Gateways;
using static GatewayAudit.Core.Tests.Readers.Gateways.GatewayFixtures;
using static GatewayAudit.Core.Tests.Readers.Gateways.OpenRouterFileReaderTests;

namespace GatewayAudit.Core.Tests.Readers.Gateways;

/// <summary>
/// Helicone and Cloudflare AI Gateway in client settings files: the gateway keeps request logs; omitted content is
/// still sent to it but not stored; the provider behind it is its sub-processor.
/// </summary>
public sealed class HeliconeAndCloudflareReaderTests
{
    [Fact]
    public void Helicone_omit_headers_keep_the_prompt_out_of_storage_but_it_is_still_sent()
    {
        var model = Read(new HeliconeConfigReader(), "settings/llm.json", HeliconeOmit).Fragment;
        var helicone = model.Get("provider:helicone");
        Assert.Equal((ComponentRole.Gateway, "helicone", "EU", 3), (helicone.Role, helicone.Vendor, helicone.Region!.Value, helicone.Region.Evidence.Line));
        Assert.Equal((true, 7), (helicone.Attributes["omitRequest"], helicone.Attributes.Origin("omitRequest")!.Line));
        Assert.Null(helicone.Attributes["omitResponse"]);
        Assert.Equal(["completion", "metadata"], (string[])helicone.Attributes["storedCategories"]!);
        Assert.Contains(helicone.Notes, n => n == "Helicone-Omit-Request: true: the request (the prompt) is still sent to Helicone, which passes it on, but Helicone does not store it.");

        // Still sent: the flow into Helicone carries the prompt, marked as omitted from storage.
        var flow = model.Flow("app:clients", "provider:helicone");
        Assert.Equal(("prompt,completion,metadata,credentials", true), (flow.Categories(), flow.Attributes["omitRequest"]));

        var upstream = model.Get("provider:helicone-upstream:openai");
        Assert.Equal(("openai", "provider:helicone", "operator"), (upstream.Vendor, upstream.SubProcessorOf, upstream.Attributes["providerAccount"]));
        var cache = model.Get("cache:helicone");
        Assert.Equal((3600L, 10), (cache.Attributes["ttlSeconds"], cache.Attributes.Origin("ttlSeconds")!.Line));
    }

    [Fact]
    public void Helicone_target_url_names_the_provider_and_the_auth_key_is_a_secret()
    {
        var result = Read(new HeliconeConfigReader(), "llm.yaml", HeliconeTargetYaml);
        var upstream = result.Fragment.Get("provider:helicone-upstream:groq");
        Assert.Equal(("groq", 5), (upstream.Vendor, upstream.Evidence.First().Line));
        Assert.Equal(4, Assert.Single(result.Fragment.Secrets).Location.Line);
    }

    [Fact]
    public void Cloudflare_url_segment_names_the_upstream_and_headers_bound_logs_and_cache()
    {
        var model = Read(new CloudflareAiGatewayReader(), "ai.json", CloudflareGateway).Fragment;
        var gateway = model.Get("provider:cloudflare-ai-gateway");
        Assert.Equal(("cloudflare-ai-gateway", false), (gateway.Vendor, gateway.Attributes["collectLogPayload"]));
        var anthropic = model.Get("provider:cloudflare-ai-gateway-upstream:anthropic");
        Assert.Equal(("anthropic", gateway.Id, "operator"), (anthropic.Vendor, anthropic.SubProcessorOf, anthropic.Attributes["providerAccount"]));
        var workers = model.Get("provider:cloudflare-ai-gateway-upstream:workers-ai");
        Assert.Equal(("cloudflare-workers-ai", null), (workers.Vendor, workers.Attributes["providerAccount"]));
        Assert.Contains(model.OpenQuestions, q => q.Subject == workers.Name && q.Question.Contains("unified billing", StringComparison.Ordinal));
        Assert.Equal(172800L, model.Get("cache:cloudflare-ai-gateway").Attributes["ttlSeconds"]);
    }

    [Fact]
    public void The_text_check_before_parsing_ignores_letter_case()
    {
        // Left with no lower-case "helicone" anywhere: only the header names ("Helicone-...") and the host in capitals.
        var text = HeliconeOmit.Replace("eu.helicone.ai", "EU.HELICONE.AI", StringComparison.Ordinal);
        Assert.DoesNotContain("helicone", text, StringComparison.Ordinal);
        Assert.True(new HeliconeConfigReader().Recognizes(new Core.Readers.InputFile("settings/llm.json", "/scan/settings/llm.json", text, namedExplicitly: false)));
    }

    [Theory]
    [InlineData("package.json", PackageJson)]
    [InlineData("homepage.json", """{"links": {"docs": "https://docs.helicone.ai/getting-started", "site": "https://www.helicone.ai"}}""")]
    public void Files_that_only_mention_helicone_are_not_claimed(string name, string text) =>
        Assert.False(new HeliconeConfigReader().Recognizes(new Core.Readers.InputFile(name, "/scan/" + name, text, namedExplicitly: false)));
}
