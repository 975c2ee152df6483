using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers;
using GatewayAudit.Core.Readers.Gateways;
using static GatewayAudit.Core.Tests.Readers.Gateways.GatewayFixtures;

namespace GatewayAudit.Core.Tests.Readers.Gateways;

/// <summary>
/// OpenRouter request and provider-preference files: OpenRouter is the sub-processor the request reaches, and each
/// model the request may be served with is a route under it with the file's own preferences and lines.
/// </summary>
public sealed class OpenRouterFileReaderTests
{
    private const string OpenRouter = "provider:openrouter";

    internal static ReaderResult Read(IConfigReader reader, string name, string text)
    {
        var file = new InputFile(name, "/scan/" + name, text, namedExplicitly: false);
        Assert.True(reader.Recognizes(file), $"{reader.Name} should recognise {name}");
        var result = reader.Read(file);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        return result;
    }

    [Fact]
    public void A_request_body_yields_openrouter_and_its_route_with_the_request_preferences_and_models()
    {
        var model = Read(new OpenRouterFileReader(), "requests/summarise.json", OpenRouterRequest).Fragment;
        var openRouter = model.Get(OpenRouter);
        Assert.Equal((ComponentRole.Gateway, Hosting.ThirdParty, "openrouter"), (openRouter.Role, openRouter.Hosting, openRouter.Vendor));
        Assert.Equal("prompt,completion,metadata,credentials", model.Flow("app:clients", OpenRouter).Categories());

        // The model and its fallback list are routed on the request's one set of terms: one row naming both models.
        var route = Assert.Single(model.Components, c => c.SubProcessorOf == OpenRouter);
        Assert.StartsWith("provider:openrouter-upstream:requests/summarise.json:pinned:", route.Id, StringComparison.Ordinal);
        Assert.Equal(["anthropic/claude-sonnet-4.5", "openai/gpt-4o"], (string[])route.Attributes["models"]!);
        Assert.Equal(("pinned", ComponentRole.ModelProvider), (route.Attributes["routing"], route.Role));
        Assert.Null(route.Vendor);
        Assert.Equal(("deny", 8), (route.Attributes["provider.data_collection"], route.Attributes.Origin("provider.data_collection")!.Line));
        Assert.Equal((ZdrStatus.Yes, 9), (route.Zdr!.Value, route.Zdr.Evidence.Line));
        Assert.Equal(true, model.Flow(OpenRouter, route.Id).Attributes["zdrRouting"]);
        Assert.Equal(["middle-out"], (string[])route.Attributes["transforms"]!);
        Assert.EndsWith("(requests in requests/summarise.json)", route.Name, StringComparison.Ordinal);
        Assert.Null(model.Find("provider:anthropic"));
        Assert.Null(model.Find("provider:openai"));
    }

    [Fact]
    public void A_wrong_preference_in_a_request_of_several_models_is_reported_for_each_model_and_the_others_still_apply()
    {
        // The preferences are read once per request; a problem in them is reported as it always was, once per model.
        var text = OpenRouterRequest.Replace("\"allow_fallbacks\": false", "\"allow_fallbacks\": \"sometimes\"", StringComparison.Ordinal);
        var file = new InputFile("r.json", "/scan/r.json", text, namedExplicitly: false);
        var result = new OpenRouterFileReader().Read(file);
        var problems = result.Diagnostics.Where(d => d.Message.Contains("allow_fallbacks", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, problems.Count);
        Assert.All(problems, p => Assert.Equal(7, p.Location.Line));
        var route = Assert.Single(result.Fragment.Components, c => c.SubProcessorOf == OpenRouter);
        Assert.Equal(["anthropic/claude-sonnet-4.5", "openai/gpt-4o"], (string[])route.Attributes["models"]!);
        Assert.Equal("deny", route.Attributes["provider.data_collection"]);
    }

    [Fact]
    public void The_regional_host_is_region_evidence()
    {
        var openRouter = Read(new OpenRouterFileReader(), "r.json", OpenRouterRequest).Fragment.Get(OpenRouter);
        Assert.Equal(("EU", 2), (openRouter.Region!.Value, openRouter.Region.Evidence.Line));
        Assert.Contains(openRouter.Notes, n => n.Contains("eu.openrouter.ai", StringComparison.Ordinal));
    }

    [Fact]
    public void A_preference_file_without_a_model_routes_the_models_each_request_names()
    {
        var model = Read(new OpenRouterFileReader(), "openrouter.yaml", OpenRouterPreferencesYaml).Fragment;
        var route = Assert.Single(model.Components, c => c.SubProcessorOf == OpenRouter);
        Assert.Equal("any-provider", route.Attributes["routing"]);
        Assert.Equal(("allow", 3), (route.Attributes["provider.data_collection"], route.Attributes.Origin("provider.data_collection")!.Line));
        Assert.Equal(["deepinfra"], (string[])route.Attributes["provider.ignore"]!);
        Assert.Contains("the models each request names", route.Name, StringComparison.Ordinal);
        Assert.Null(route.Zdr);
    }

    [Theory]
    [InlineData("request.json", OpenAiRequest)]
    [InlineData("llama.json", OpenAiCompatibleSlugRequest)]
    [InlineData("package.json", PackageJson)]
    [InlineData("openrouter-request.schema.json", JsonSchema)]
    public void Files_that_are_not_openrouter_requests_are_not_claimed(string name, string text)
    {
        var file = new InputFile(name, "/scan/" + name, text, namedExplicitly: false);
        Assert.DoesNotContain(ReaderRegistry.Default, r => r.Recognizes(file));
    }

    [Fact]
    public void A_broken_file_naming_openrouter_is_claimed_and_its_problem_is_a_warning_with_the_line()
    {
        var file = new InputFile("or.json", "/scan/or.json", "{\n  \"model\": \"openrouter/auto\",\n  \"provider\": {\"zdr\": tru\n", namedExplicitly: false);
        var reader = new OpenRouterFileReader();
        Assert.True(reader.Recognizes(file));
        var diagnostic = Assert.Single(reader.Read(file).Diagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.True(diagnostic.Location.Line >= 3, diagnostic.ToString());
    }

    [Fact]
    public void A_literal_key_in_a_request_file_is_a_secret_and_camel_case_keys_count()
    {
        const string text = """
            {"model": "openrouter/auto", "transforms": [], "apiKey": "sk-or-v1-0123456789abcdef0123456789abcdef"}
            """;
        var result = Read(new OpenRouterFileReader(), "or.json", text);
        var secret = Assert.Single(result.Fragment.Secrets);
        Assert.Equal(1, secret.Location.Line);
        Assert.DoesNotContain("0123456789abcdef0123", secret.Redacted, StringComparison.Ordinal);
    }
}
