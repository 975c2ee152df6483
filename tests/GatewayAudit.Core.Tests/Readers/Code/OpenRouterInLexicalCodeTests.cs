using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers;
using GatewayAudit.Core.Readers.Code;

namespace GatewayAudit.Core.Tests.Readers.Code;

/// <summary>
/// OpenRouter provider preferences in Python and TypeScript (extra_body, object literals, camelCase keys) are the same
/// routes under OpenRouter as in C#, request files and LiteLLM configs, judged per call site; docstrings, comments and
/// log arguments are not preferences; a listing-only file routes no prompt; eu.openrouter.ai is region evidence.
/// </summary>
public sealed class OpenRouterInLexicalCodeTests
{
    private static StackModel Read(string fixture) => LexicalSourceReaderTests.Read(fixture);

    private static Component[] Routes(StackModel model) => model.Components.Where(c => c.SubProcessorOf == "provider:openrouter").OrderBy(c => c.Id, StringComparer.Ordinal).ToArray();

    [Fact]
    public void Python_extra_body_preferences_are_one_route_per_call_site_with_their_own_terms()
    {
        var model = Read("python/openrouter_triage.py");
        var routes = Routes(model);
        Assert.Equal(
            ["provider:openrouter-upstream:code:any:data_collection=deny, order=[groq,fireworks], zdr=true",
             "provider:openrouter-upstream:code:pinned:allow_fallbacks=false, only=[anthropic]"],
            routes.Select(r => r.Id));

        var zdr = routes[0];
        Assert.Equal(ZdrStatus.Yes, zdr.Zdr!.Value);
        Assert.Equal("deny", zdr.Attributes["provider.data_collection"]);
        Assert.Equal(["meta-llama/llama-3.3-70b-instruct", "mistralai/mistral-large"], (string[])zdr.Attributes["models"]!);
        Assert.Equal(["middle-out"], (string[])zdr.Attributes["transforms"]!);
        Assert.Equal(("python/openrouter_triage.py", 22), (zdr.Attributes.Origin("provider.data_collection")!.File, zdr.Attributes.Origin("provider.data_collection")!.Line));

        // The second call pins Anthropic and has no ZDR: the rules see it apart from the first.
        var pinned = routes[1];
        Assert.Null(pinned.Zdr);
        Assert.Equal(["anthropic"], (string[])pinned.Attributes["pinnedProviders"]!);
        Assert.Equal(false, pinned.Attributes["provider.allow_fallbacks"]);

        // The docstring's only=[deepinfra], the comment's ignore=[together] and the log call's allow are not read.
        Assert.DoesNotContain(routes, r => r.Id.Contains("deepinfra", StringComparison.Ordinal) || r.Id.Contains("together", StringComparison.Ordinal)
            || r.Id.Contains("data_collection=allow", StringComparison.Ordinal));
    }

    [Fact]
    public void Python_slugs_and_request_fields_are_lock_in_evidence_as_in_CSharp()
    {
        var lockIn = (string[])Read("python/openrouter_triage.py").Find("provider:openrouter")!.Attributes["lockIn"]!;
        Assert.Contains("python/openrouter_triage.py:18 slug meta-llama/llama-3.3-70b-instruct", lockIn);
        Assert.Contains("python/openrouter_triage.py:21 slug mistralai/mistral-large", lockIn);
        Assert.Contains("python/openrouter_triage.py:32 slug anthropic/claude-sonnet-4.6", lockIn);
        Assert.Contains("python/openrouter_triage.py:22 request-field provider.data_collection,zdr,order", lockIn);
        Assert.Contains("python/openrouter_triage.py:34 request-field provider.only,allow_fallbacks", lockIn);
        Assert.Contains("python/openrouter_triage.py:23 request-field transforms", lockIn);
        Assert.Contains("python/openrouter_triage.py:12 base-url https://openrouter.ai/api/v1", lockIn);
        // The docstring's and the comment's preferences are not code.
        Assert.DoesNotContain(lockIn, e => e.StartsWith("python/openrouter_triage.py:3 ", StringComparison.Ordinal) || e.StartsWith("python/openrouter_triage.py:16 ", StringComparison.Ordinal));
    }

    [Fact]
    public void TypeScript_camelCase_preferences_in_a_request_object_and_the_eu_host_as_region()
    {
        var model = Read("typescript/openrouter_eu.ts");
        var route = Assert.Single(Routes(model));
        Assert.Equal("provider:openrouter-upstream:code:pinned:allow_fallbacks=false, data_collection=deny, order=[mistral]", route.Id);
        Assert.Equal("deny", route.Attributes["provider.data_collection"]);
        Assert.Equal("fallback", route.Attributes["route"]);
        Assert.Equal("OpenRouter provider mistral (pinned by provider preferences)", route.Name);

        var openRouter = model.Find("provider:openrouter")!;
        Assert.Equal(("EU", 4), (openRouter.Region!.Value, openRouter.Region.Evidence.Line));
    }

    [Fact]
    public void A_file_that_only_lists_models_routes_no_prompt_to_any_upstream()
    {
        var model = Read("typescript/openrouter_models_page.ts");
        Assert.NotNull(model.Find("provider:openrouter"));
        Assert.Empty(Routes(model));
    }

    [Fact]
    public void Identical_routes_in_several_files_are_one_party_named_without_a_file_path()
    {
        var text = File.ReadAllText(RepoPaths.Combine("tests", "GatewayAudit.Core.Tests", "Readers", "CodeFixtures", "python", "openrouter_triage.py"));
        var merged = new StackModel();
        foreach (var path in new[] { "lib/triage.py", "lib/drafts.py" })
        {
            merged.MergeFrom(new PythonSourceReader().Read(new InputFile(path, "/scan/" + path, text, namedExplicitly: false)).Fragment);
        }

        var routes = Routes(merged);
        Assert.Equal(2, routes.Length);
        Assert.All(routes, r => Assert.DoesNotContain(".py", r.Name, StringComparison.Ordinal));
        Assert.Equal(["lib/drafts.py", "lib/triage.py"], routes[0].Evidence.Select(e => e.File).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Go_map_literal_preferences_set_zdr_on_the_route()
    {
        var route = Assert.Single(Routes(Read("go/portkey_client.go")));
        Assert.Equal("provider:openrouter-upstream:code:any:data_collection=deny, ignore=[together], zdr=true", route.Id);
        Assert.Equal((ZdrStatus.Yes, 30), (route.Zdr!.Value, route.Zdr.Evidence.Line));
        Assert.Equal(["qwen/qwen3-235b-a22b"], (string[])route.Attributes["models"]!);
    }

    [Fact]
    public void Java_Map_of_ofEntries_and_HashMap_put_preferences_are_routes_with_their_own_terms()
    {
        var model = Read("java/OpenRouterRouting.java");
        Assert.Equal(
            ["provider:openrouter-upstream:code:any:data_collection=deny, order=[anthropic,openai]",
             "provider:openrouter-upstream:code:any:ignore=[together], zdr=true",
             "provider:openrouter-upstream:code:pinned:allow_fallbacks=false, only=[mistral]"],
            Routes(model).Select(r => r.Id));

        var deny = Routes(model)[0];
        Assert.Equal("deny", deny.Attributes["provider.data_collection"]);
        Assert.Equal(("java/OpenRouterRouting.java", 23), (deny.Attributes.Origin("provider.data_collection")!.File, deny.Attributes.Origin("provider.data_collection")!.Line));
        Assert.Equal(ZdrStatus.Yes, Routes(model)[1].Zdr!.Value);
        Assert.Equal(["mistral"], (string[])Routes(model)[2].Attributes["pinnedProviders"]!);

        var lockIn = (string[])model.Find("provider:openrouter")!.Attributes["lockIn"]!;
        Assert.Contains("java/OpenRouterRouting.java:21 slug anthropic/claude-sonnet-4.6", lockIn);
        Assert.Contains("java/OpenRouterRouting.java:29 slug mistralai/mistral-large", lockIn);
        Assert.Contains("java/OpenRouterRouting.java:40 slug meta-llama/llama-3.3-70b-instruct", lockIn);

        // The Javadoc's only=[deepinfra], the comment's order=[fireworks] and an agent card's provider are not preferences.
        Assert.DoesNotContain(Routes(model), r => r.Id.Contains("deepinfra", StringComparison.Ordinal) || r.Id.Contains("fireworks", StringComparison.Ordinal)
            || r.Id.Contains("organization", StringComparison.Ordinal));
    }

    [Fact]
    public void Kotlin_mapOf_with_to_pairs_is_read_as_the_same_preferences()
    {
        var model = Read("java/OpenRouterRouting.kt");
        var route = Assert.Single(Routes(model));
        Assert.Equal("provider:openrouter-upstream:code:any:data_collection=deny, order=[groq,cerebras]", route.Id);
        Assert.Contains("java/OpenRouterRouting.kt:11 slug qwen/qwen3-235b-a22b", (string[])model.Find("provider:openrouter")!.Attributes["lockIn"]!);
    }
}
