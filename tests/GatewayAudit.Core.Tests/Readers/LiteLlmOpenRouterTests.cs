using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers.LiteLlm;
using static GatewayAudit.Core.Tests.ReaderHarness;

namespace GatewayAudit.Core.Tests.Readers;

/// <summary>
/// openrouter/AUTHOR/MODEL: the customer's contract is with OpenRouter; the providers it routes to are OpenRouter's
/// sub-processors, listed under it per deployment, and the slug's author is not presumed to be the host.
/// </summary>
public sealed class LiteLlmOpenRouterTests
{
    private const string OpenRouter = "provider:openrouter";

    [Theory]
    [InlineData("openrouter/anthropic/claude-sonnet-4.5", "anthropic")]
    [InlineData("openrouter/openai/gpt-oss-120b", "openai")]
    [InlineData("openrouter/openai/gpt-4o", "openai")]
    [InlineData("openrouter/mistralai/mistral-large", "mistral")]
    [InlineData("openrouter/deepseek/deepseek-chat", "deepseek")]
    [InlineData("openrouter/meta-llama/llama-3.3-70b-instruct", null)]
    [InlineData("openrouter/qwen/qwen-2.5-72b-instruct", null)]
    public void Upstream_is_openrouters_sub_processor_and_the_slug_author_is_not_presumed_the_host(string modelText, string? authorVendor)
    {
        var model = ReadClean(Deployment(modelText), enrich: true);
        var openRouter = model.Get(OpenRouter);
        Assert.Equal((ComponentRole.Gateway, Hosting.ThirdParty, "openrouter"), (openRouter.Role, openRouter.Hosting, openRouter.Vendor));

        var slug = modelText["openrouter/".Length..];
        var upstream = Upstream(model, slug);
        Assert.Equal((ComponentRole.ModelProvider, Hosting.ThirdParty, OpenRouter), (upstream.Role, upstream.Hosting, upstream.SubProcessorOf));
        Assert.Null(upstream.Vendor);
        Assert.Equal("any-provider", upstream.Attributes["routing"]);
        Assert.Contains($"{Cfg}:4", upstream.Lines());
        Assert.Equal("prompt,completion,metadata", model.Flow(OpenRouter, upstream.Id).Categories());

        // No direct contract with the slug's author appears, and the proxy talks only to OpenRouter.
        if (authorVendor is not null)
        {
            Assert.Null(model.Find($"provider:{authorVendor}"));
        }

        Assert.Equal([OpenRouter], model.Flows.Where(f => f.From == LiteLlmConfigReader.GatewayId && f.Attributes["kind"] is "inference").Select(f => f.To));
        Assert.Contains(model.OpenQuestions, q => q.Subject.StartsWith("OpenRouter upstream providers", StringComparison.Ordinal) && q.Question.Contains("provider.only", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{order: [amazon-bedrock, google-vertex], allow_fallbacks: false}", "pinned", "amazon-bedrock,google-vertex")]
    [InlineData("{only: [anthropic]}", "pinned", "anthropic")]
    [InlineData("{order: [anthropic]}", "any-provider", "")]
    [InlineData("{order: [anthropic], allow_fallbacks: true, ignore: [azure]}", "any-provider", "")]
    public void Only_or_order_without_fallbacks_pins_the_upstream_and_then_no_question_is_asked(string preferences, string routing, string pinned)
    {
        var model = ReadClean($$"""
            model_list:
              - model_name: claude
                litellm_params:
                  model: openrouter/anthropic/claude-sonnet-4.5
                  extra_body: {provider: {{preferences}}}
            """);
        var upstream = Upstream(model, "anthropic/claude-sonnet-4.5");
        Assert.Equal(routing, upstream.Attributes["routing"]);
        Assert.Equal(pinned, string.Join(",", upstream.Attributes["pinnedProviders"] as string[] ?? []));
        Assert.Equal(pinned.Length == 0, model.OpenQuestions.Any(q => q.Subject.StartsWith("OpenRouter upstream providers", StringComparison.Ordinal) && q.Question.Contains("provider.only", StringComparison.Ordinal)));
        if (pinned.Length > 0)
        {
            Assert.Contains(pinned.Replace(",", ", ", StringComparison.Ordinal), upstream.Name, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Account_wide_zdr_is_asked_about_because_the_config_cannot_show_it()
    {
        var model = ReadClean(Deployment("openrouter/anthropic/claude-sonnet-4.5"));
        Assert.Null(model.Get(OpenRouter).Zdr);
        Assert.Contains(model.OpenQuestions, q => q.Subject == "OpenRouter" && q.Question.Contains("zero data retention", StringComparison.Ordinal));
    }

    [Fact]
    public void Provider_preferences_stay_on_their_own_deployment_with_their_lines()
    {
        // Two deployments of a homelab config: one denies data collection and sets ZDR, the other sets nothing.
        var model = ReadClean("""
            model_list:
              - model_name: claude
                litellm_params:
                  model: openrouter/anthropic/claude-sonnet-4.5
                  extra_body:
                    provider:
                      zdr: true
                      data_collection: deny
                      only: [anthropic]
              - model_name: llama
                litellm_params:
                  model: openrouter/meta-llama/llama-3.3-70b-instruct
                  extra_body:
                    provider:
                      data_collection: allow
                      sort: price
                      max_price: {prompt: 1}
            """);
        var claude = Upstream(model, "anthropic/claude-sonnet-4.5");
        var llama = Upstream(model, "meta-llama/llama-3.3-70b-instruct");
        Assert.Equal(("deny", 8), (claude.Attributes["provider.data_collection"], claude.Attributes.Origin("provider.data_collection")!.Line));
        Assert.Equal(("allow", 15), (llama.Attributes["provider.data_collection"], llama.Attributes.Origin("provider.data_collection")!.Line));
        Assert.Equal(true, claude.Attributes["provider.zdr"]);
        Assert.Null(llama.Attributes["provider.zdr"]);
        Assert.Equal("price", llama.Attributes["provider.sort"]);
        Assert.Equal("1", llama.Attributes["provider.max_price.prompt"]);
        Assert.Equal((ZdrStatus.Yes, 7), (claude.Zdr!.Value, claude.Zdr.Evidence.Line));
        Assert.Null(llama.Zdr);
        Assert.Equal(true, model.Flow(OpenRouter, claude.Id).Attributes["zdrRouting"]);
        Assert.Null(model.Flow(OpenRouter, llama.Id).Attributes["zdrRouting"]);

        // OpenRouter itself carries no one deployment's preferences.
        Assert.DoesNotContain(model.Get(OpenRouter).Attributes, a => a.Key.StartsWith("provider.", StringComparison.Ordinal));
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
        Assert.Null(model.Get(OpenRouter).Zdr);
        Assert.Null(Upstream(model, "anthropic/claude-sonnet-4.5").Zdr);
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
        var openRouter = model.Get(OpenRouter);
        Assert.Equal((ZdrStatus.Partial, 5), (openRouter.Zdr!.Value, openRouter.Zdr.Evidence.Line));
        Assert.Contains(openRouter.Notes, n => n.Contains("1 of 2", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("openrouter/auto")]
    [InlineData("openrouter/openrouter/auto")]
    public void Auto_router_is_any_model_and_provider_not_an_author_called_auto(string modelText)
    {
        var model = ReadClean(Deployment(modelText));
        var upstream = Assert.Single(model.Components, c => c.SubProcessorOf == OpenRouter);
        Assert.Equal("auto-router", upstream.Attributes["routing"]);
        Assert.Null(upstream.Vendor);
        Assert.Equal("prompt,completion,metadata", model.Flow(OpenRouter, upstream.Id).Categories());
        Assert.Contains(model.OpenQuestions, q => q.Subject == "OpenRouter auto router");
    }

    [Fact]
    public void OpenAI_prefix_pointed_at_openrouter_is_openrouter_with_its_upstream()
    {
        var model = ReadClean(Deployment("openai/meta-llama/llama-3.3-70b-instruct", "https://openrouter.ai/api/v1"));
        Assert.Null(model.Find("provider:openai"));
        var upstream = Upstream(model, "meta-llama/llama-3.3-70b-instruct");
        Assert.Equal(OpenRouter, upstream.SubProcessorOf);
        Assert.Equal("prompt,completion,metadata,credentials", model.Flow(LiteLlmConfigReader.GatewayId, OpenRouter).Categories());
    }

    [Fact]
    public void Deployments_routed_on_the_same_terms_share_one_row_and_different_terms_get_their_own()
    {
        // A homelab config with many free OpenRouter models and one pinned, ZDR-only deployment.
        var model = ReadClean("""
            model_list:
              - model_name: default
                litellm_params: {model: openrouter/meta-llama/llama-3.3-70b-instruct:free}
              - model_name: bench
                litellm_params: {model: openrouter/meta-llama/llama-3.3-70b-instruct:free}
              - model_name: gemma
                litellm_params: {model: openrouter/google/gemma-3-27b-it:free}
              - model_name: private
                litellm_params:
                  model: openrouter/anthropic/claude-sonnet-4.5
                  extra_body: {provider: {only: [anthropic], zdr: true}}
            """);
        var routes = model.Components.Where(c => c.SubProcessorOf == OpenRouter).ToList();
        Assert.Equal(2, routes.Count);
        var any = Assert.Single(routes, r => r.Attributes["routing"] is "any-provider");
        Assert.Equal(["google/gemma-3-27b-it:free", "meta-llama/llama-3.3-70b-instruct:free"], any.Attributes["models"] as string[] ?? []);
        Assert.Equal(["bench", "default", "gemma"], any.Attributes["modelGroups"] as string[] ?? []);
        Assert.Single(routes, r => r.Attributes["routing"] is "pinned" && r.Zdr?.Value == ZdrStatus.Yes);
    }

    private static Component Upstream(StackModel model, string slug) =>
        Assert.Single(model.Components, c => c.SubProcessorOf == OpenRouter && (c.Attributes["models"] as string[] ?? []).Contains(slug));
}
