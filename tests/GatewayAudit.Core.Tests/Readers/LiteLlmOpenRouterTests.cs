using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers.LiteLlm;
using static GatewayAudit.Core.Tests.ReaderHarness;

namespace GatewayAudit.Core.Tests.Readers;

/// <summary>openrouter/AUTHOR/MODEL: OpenRouter is a sub-processor, and so is whoever serves the model behind it.</summary>
public sealed class LiteLlmOpenRouterTests
{
    [Theory]
    [InlineData("openrouter/anthropic/claude-sonnet-4.5", "provider:anthropic", "anthropic")]
    [InlineData("openrouter/openai/gpt-4o", "provider:openai", "openai")]
    [InlineData("openrouter/mistralai/mistral-large", "provider:mistral", "mistral")]
    [InlineData("openrouter/x-ai/grok-4", "provider:xai", "xai")]
    [InlineData("openrouter/deepseek/deepseek-chat", "provider:deepseek", "deepseek")]
    public void Known_author_is_named_as_the_upstream_vendor(string modelText, string upstreamId, string vendor)
    {
        var model = ReadClean(Deployment(modelText));
        var openRouter = model.Get("provider:openrouter");
        Assert.Equal((ComponentRole.Gateway, Hosting.ThirdParty, "openrouter"), (openRouter.Role, openRouter.Hosting, openRouter.Vendor));

        var upstream = model.Get(upstreamId);
        Assert.Equal((ComponentRole.ModelProvider, Hosting.ThirdParty, vendor), (upstream.Role, upstream.Hosting, upstream.Vendor));
        Assert.Contains($"{Cfg}:4", upstream.Lines());
        Assert.Equal("prompt,completion,metadata", model.Flow("provider:openrouter", upstreamId).Categories());

        // The proxy talks only to OpenRouter, not to the upstream directly.
        Assert.DoesNotContain(model.Flows, f => f.From == LiteLlmConfigReader.GatewayId && f.To == upstreamId);
    }

    [Theory]
    [InlineData("openrouter/meta-llama/llama-3.3-70b-instruct", "meta-llama")]
    [InlineData("openrouter/qwen/qwen-2.5-72b-instruct", "qwen")]
    public void Open_weight_author_is_an_unknown_host_set_and_an_open_question(string modelText, string author)
    {
        var model = ReadClean(Deployment(modelText));
        var upstream = model.Get($"provider:openrouter-upstream:{author}");
        Assert.Null(upstream.Vendor);
        Assert.Equal(ComponentRole.ModelProvider, upstream.Role);
        Assert.Equal("prompt,completion,metadata", model.Flow("provider:openrouter", upstream.Id).Categories());
        Assert.Contains(model.OpenQuestions, q => q.Subject.Contains(author, StringComparison.Ordinal) && q.Question.Contains("provider.only", StringComparison.Ordinal));
    }

    [Fact]
    public void Account_wide_zdr_is_asked_about_because_the_config_cannot_show_it()
    {
        var model = ReadClean(Deployment("openrouter/anthropic/claude-sonnet-4.5"));
        Assert.Null(model.Get("provider:openrouter").Zdr);
        Assert.Contains(model.OpenQuestions, q => q.Subject == "OpenRouter" && q.Question.Contains("zero data retention", StringComparison.Ordinal));
    }

    [Fact]
    public void Provider_zdr_preference_sets_zdr_yes_with_its_line()
    {
        var model = ReadClean("""
            model_list:
              - model_name: claude
                litellm_params:
                  model: openrouter/anthropic/claude-sonnet-4.5
                  extra_body:
                    provider:
                      zdr: true
                      data_collection: deny
                      order: [anthropic]
                      allow_fallbacks: false
            """);
        var openRouter = model.Get("provider:openrouter");
        Assert.Equal(ZdrStatus.Yes, openRouter.Zdr!.Value);
        Assert.Equal(7, openRouter.Zdr.Evidence.Line);
        Assert.Equal("deny", openRouter.Attributes["provider.data_collection"]);
        Assert.Equal(false, openRouter.Attributes["provider.allow_fallbacks"]);
        Assert.Equal(new[] { "anthropic" }, (string[])openRouter.Attributes["provider.order"]!);
        Assert.Equal(true, model.Flow("provider:openrouter", "provider:anthropic").Attributes["zdrRouting"]);
    }

    [Fact]
    public void Zdr_false_is_not_read_as_yes()
    {
        var model = ReadClean("""
            model_list:
              - model_name: claude
                litellm_params:
                  model: openrouter/anthropic/claude-sonnet-4.5
                  provider: {zdr: false}
            """);
        Assert.Null(model.Get("provider:openrouter").Zdr);
    }

    [Fact]
    public void Zdr_on_only_some_openrouter_deployments_is_partial_not_yes()
    {
        var model = ReadClean("""
            model_list:
              - model_name: claude
                litellm_params:
                  model: openrouter/anthropic/claude-sonnet-4.5
                  provider: {zdr: true}
              - model_name: llama
                litellm_params:
                  model: openrouter/meta-llama/llama-3.3-70b-instruct
            """);
        var openRouter = model.Get("provider:openrouter");
        Assert.Equal((ZdrStatus.Partial, 5), (openRouter.Zdr!.Value, openRouter.Zdr.Evidence.Line));
        Assert.Contains(openRouter.Notes, n => n.Contains("1 of 2", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("openrouter/auto")]
    [InlineData("openrouter/openrouter/auto")]
    public void Auto_router_is_any_provider_not_an_author_called_auto(string modelText)
    {
        var model = ReadClean(Deployment(modelText));
        var upstream = model.Get("provider:openrouter-upstream:auto-router");
        Assert.Null(upstream.Vendor);
        Assert.Equal("prompt,completion,metadata", model.Flow("provider:openrouter", upstream.Id).Categories());
        Assert.DoesNotContain(model.Components, c => c.Id is "provider:openrouter-upstream:auto" or "provider:openrouter-upstream:openrouter");
        Assert.Contains(model.OpenQuestions, q => q.Subject == "OpenRouter auto router");
    }
}
