using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers;
using GatewayAudit.Core.Readers.Code;
using static GatewayAudit.Core.Tests.Readers.CSharpFixtures;

namespace GatewayAudit.Core.Tests.Readers;

public sealed class CSharpSourceReaderTests
{
    private static readonly CSharpSourceReader Reader = new();

    [Fact]
    public void OpenRouter_adapter_is_one_gateway_with_every_call_site_as_evidence()
    {
        var model = Read("src/Llm/OpenRouterAdapter.cs", OpenRouterAdapter);
        var openRouter = Assert.Single(model.Components, c => c.Role == ComponentRole.Gateway);
        Assert.Equal(("provider:openrouter", "openrouter", Hosting.ThirdParty), (openRouter.Id, openRouter.Vendor, openRouter.Hosting));
        Assert.Equal(
            Lines(OpenRouterAdapter, "BaseUrl = ", "BaseAddress", "HTTP-Referer", "X-Title", "models = new", "provider = new", "order = new", "allow_fallbacks", "data_collection", "zdr = true", "PostAsJsonAsync"),
            openRouter.Evidence.Select(e => e.Line).Distinct().Order());

        var flow = Assert.Single(model.FlowsInto("provider:openrouter"));
        Assert.Equal(CSharpFragment.AppId, flow.From);
        Assert.Equal([DataCategory.Prompt, DataCategory.Completion, DataCategory.Metadata, DataCategory.Credentials], flow.DataCategories);
        Assert.Equal("inference", flow.Attributes["kind"]);
        Assert.Contains(Line(OpenRouterAdapter, "PostAsJsonAsync"), flow.Evidence.Select(e => e.Line));
    }

    [Fact]
    public void OpenRouter_adapter_lock_in_lists_headers_base_url_slugs_and_request_fields_with_locations()
    {
        var openRouter = Read("src/Llm/OpenRouterAdapter.cs", OpenRouterAdapter).Find("provider:openrouter")!;
        var at = (string needle) => $"src/Llm/OpenRouterAdapter.cs:{Line(OpenRouterAdapter, needle)}";
        Assert.Equal(
            new[]
            {
                $"{at("BaseUrl = ")} base-url https://openrouter.ai/api/v1/",
                $"{at("DefaultModel = ")} slug anthropic/claude-sonnet-4.6",
                $"{at("HTTP-Referer")} header HTTP-Referer",
                $"{at("X-Title")} header X-Title",
                $"{at("models = new")} request-field models",
                $"{at("models = new")} slug openai/gpt-4o-mini",
                $"{at("BaseAddress")} base-url https://openrouter.ai/api/v1/",
                $"{at("provider = new")} request-field provider.allow_fallbacks,data_collection,order,zdr",
            }.Order(StringComparer.Ordinal),
            (string[])openRouter.Attributes["lockIn"]!);
    }

    [Fact]
    public void OpenRouter_provider_object_in_code_pins_the_upstream_and_sets_zdr()
    {
        var model = Read("src/Llm/OpenRouterAdapter.cs", OpenRouterAdapter);
        var route = Assert.Single(model.Components, c => c.SubProcessorOf == "provider:openrouter");
        // The same route model as LiteLLM's OpenRouter deployments and request files (OpenRouterRoutes): scoped to code in
        // any file (routes on the same terms merge across files), named by its terms and never by a file path.
        Assert.StartsWith("provider:openrouter-upstream:code:pinned:", route.Id, StringComparison.Ordinal);
        Assert.DoesNotContain(".cs", route.Name, StringComparison.Ordinal);
        Assert.Contains("zdr=true", route.Id, StringComparison.Ordinal);
        Assert.Equal("pinned", route.Attributes["routing"]);
        Assert.Equal(["amazon-bedrock", "anthropic"], (string[])route.Attributes["pinnedProviders"]!); // a set, as for LiteLLM deployments
        Assert.Equal(["anthropic", "amazon-bedrock"], (string[])route.Attributes["provider.order"]!); // the order as written
        Assert.Equal(["anthropic/claude-sonnet-4.6", "openai/gpt-4o-mini"], (string[])route.Attributes["models"]!);
        Assert.Equal(("deny", true, false), (route.Attributes["provider.data_collection"], route.Attributes["provider.zdr"], route.Attributes["provider.allow_fallbacks"]));
        Assert.Equal(ZdrStatus.Yes, route.Zdr!.Value);
        Assert.Equal(Line(OpenRouterAdapter, "zdr = true"), route.Zdr.Evidence.Line);
        Assert.Contains(model.Flows, f => f.From == "provider:openrouter" && f.To == route.Id && f.DataCategories.Contains(DataCategory.Prompt));
    }

    [Fact]
    public void Doc_comments_and_log_message_arguments_name_no_party()
    {
        // The adapter's doc comment names api.openai.com and its log line passes api.anthropic.com as a value.
        var model = Read("src/Llm/OpenRouterAdapter.cs", OpenRouterAdapter);
        Assert.DoesNotContain(model.Components, c => c.Vendor is "openai" or "anthropic");

        Assert.Null(Reader.Declines(File("src/Ops/Startup.cs", LogMessages)));
        Assert.Empty(Read("src/Ops/Startup.cs", LogMessages).Components);
    }

    [Fact]
    public void Commented_out_calls_are_not_calls()
    {
        Assert.Null(Reader.Declines(File("src/Legacy/LegacyClient.cs", CommentedOut)));
        Assert.Empty(Read("src/Legacy/LegacyClient.cs", CommentedOut).Components);
    }

    [Fact]
    public void Semantic_Kernel_Azure_OpenAI_endpoint_is_the_azure_resource()
    {
        var model = Read("src/Program.cs", SemanticKernelAzure);
        var azure = Assert.Single(model.Components, c => c.Role == ComponentRole.ModelProvider);
        Assert.Equal(("provider:azure-openai", "azure-openai", "acme-eu.openai.azure.com"), (azure.Id, azure.Vendor, azure.Attributes["host"]));
        var flow = Assert.Single(model.FlowsInto(azure.Id));
        Assert.Contains(DataCategory.Prompt, flow.DataCategories);
        Assert.Equal(Lines(SemanticKernelAzure, "AddAzureOpenAIChatCompletion", "InvokePromptAsync"), flow.Evidence.Select(e => e.Line).Order());
    }

    [Fact]
    public void OpenAI_SDK_pointed_at_the_LiteLLM_proxy_is_the_team_s_own_gateway_not_OpenAI()
    {
        var model = Read("src/Summaries/SummaryService.cs", LiteLlmProxyService);
        var proxy = Assert.Single(model.Components, c => c.Role != ComponentRole.App);
        Assert.Equal((CSharpFragment.LiteLlmProxyId, Hosting.OperatorHosted, "litellm"), (proxy.Id, proxy.Hosting, proxy.Vendor));
        Assert.Equal(["litellm:4000"], (string[])proxy.Attributes["proxyAddresses"]!);
        var flow = Assert.Single(model.FlowsInto(proxy.Id));
        Assert.Equal(true, flow.Attributes["callsOwnProxy"]);
        Assert.Contains(Line(LiteLlmProxyService, "CompleteChatAsync"), flow.Evidence.Select(e => e.Line));
    }

    [Fact]
    public void A_models_listing_sends_no_prompt()
    {
        var model = Read("src/Jobs/ModelCatalogSync.cs", ModelsListing);
        var flow = Assert.Single(model.FlowsInto("provider:groq"));
        Assert.Equal([DataCategory.Metadata, DataCategory.Credentials], flow.DataCategories);
        Assert.Equal("listing", flow.Attributes["kind"]);
    }

    [Fact]
    public void An_SDK_only_imported_is_a_possible_sub_processor_with_lower_confidence()
    {
        var model = Read("src/ProviderNames.cs", ImportOnly);
        var anthropic = Assert.Single(model.Components);
        Assert.Equal(("provider:anthropic", "import-only"), (anthropic.Id, anthropic.Attributes["confidence"]));
        Assert.Contains(anthropic.Notes, n => n.Contains("lower confidence", StringComparison.Ordinal));
        Assert.Empty(model.Flows);
    }

    [Fact]
    public void Observability_hosts_are_exporters_langfuse_receives_prompts_sentry_metadata()
    {
        var model = Read("src/Program.cs", Telemetry);
        var langfuse = model.Find("exporter:langfuse")!;
        Assert.Equal(("EU", ComponentRole.Exporter), (langfuse.Region!.Value, langfuse.Role));
        Assert.Contains(DataCategory.Prompt, model.Receives("exporter:langfuse"));
        Assert.Equal([DataCategory.Metadata], model.Receives("exporter:sentry"));
    }

    [Fact]
    public void SDK_clients_default_host_environment_endpoint_and_local_ollama()
    {
        var model = Read("src/Program.cs", SdkClients);
        Assert.Equal(["app:code", "inference:localhost:ollama", "provider:env:LLM_BASE_URL", "provider:openai"], model.Components.Select(c => c.Id));
        Assert.Equal(Hosting.Unknown, model.Find("provider:env:LLM_BASE_URL")!.Hosting);
        Assert.Contains(model.OpenQuestions, q => q.Question.Contains("env:LLM_BASE_URL", StringComparison.Ordinal));
        Assert.Equal(Hosting.OperatorHosted, model.Find("inference:localhost:ollama")!.Hosting);
    }

    [Theory]
    [InlineData("tests/Acme.Agent.Tests/OpenRouterAdapterTests.cs", "test code")]
    [InlineData("src/Agent/AdapterChecks.cs", "test code")]
    [InlineData("src/Agent/Client.g.cs", "generated")]
    [InlineData("src/Agent/Settings.Designer.cs", "generated")]
    public void Test_and_generated_code_is_declined_with_the_reason(string path, string reason)
    {
        Assert.Contains(reason, Reader.Declines(File(path, TestDouble)), StringComparison.Ordinal);
    }

    [Fact]
    public void Auto_generated_header_and_huge_files_are_declined_hand_written_code_is_not()
    {
        Assert.Contains("generated", Reader.Declines(File("src/Api.cs", "// <auto-generated/>\n" + OpenRouterAdapter)), StringComparison.Ordinal);
        Assert.Contains("larger than", Reader.Declines(File("src/Big.cs", OpenRouterAdapter + new string(' ', CSharpSourceReader.MaxBytes))), StringComparison.Ordinal);
        Assert.Null(Reader.Declines(File("src/Llm/OpenRouterAdapter.cs", OpenRouterAdapter)));
    }

    [Fact]
    public void Files_naming_no_known_host_sdk_or_slug_are_not_parsed()
    {
        Assert.Contains("not parsed", Reader.Declines(File("src/Billing/Invoice.cs", Unrelated)), StringComparison.Ordinal);
        Assert.False(Reader.Recognizes(File("src/Llm/OpenRouterAdapter.txt", OpenRouterAdapter)));
    }

    // Each way past the pre-filter on its own, in the letter case each search ignores or not: one search for a word any
    // of them needs comes first, so each must still be let through, and a text with none is still not parsed.
    [Theory]
    [InlineData("class A { string U = \"https://OPENROUTER.ai/api/v1\"; }")] // a known host, any case
    [InlineData("class A { async Task Go() { var u = CONFIGURATION[\"Ai:Url\"]; await http.PostAsJsonAsync(u, body); } }")] // configured URL + send
    [InlineData("class A { void M(IServiceCollection s) => s.AddOptions<LlmOptions>(); }")] // binding alone
    [InlineData("class A { void M() => builder.Configuration.GetSection(\"Llm\").Bind(options); }")] // section + verb
    public void Each_pre_filter_lets_its_file_through(string text) =>
        Assert.Null(Reader.Declines(File("src/Llm/Client.cs", text)));

    [Theory]
    [InlineData("class A { async Task Go() => await http.PostAsJsonAsync(\"https://orders.contoso.example\", body); }")] // send alone
    [InlineData("class A { void M() => builder.Configuration.GetSection(\"Llm\"); }")] // section alone
    [InlineData("class A { void M(IServiceCollection s) => s.addoptions<LlmOptions>(); }")] // the bindings are exact
    public void Half_a_pre_filter_is_not_enough(string text) =>
        Assert.Contains("not parsed", Reader.Declines(File("src/Llm/Client.cs", text)), StringComparison.Ordinal);

    [Fact]
    public void Broken_source_still_yields_what_the_parser_recovers_and_a_warning()
    {
        var broken = OpenRouterAdapter.Replace("public async Task<string> CompleteAsync(", "public async Task<string> CompleteAsync(((", StringComparison.Ordinal);
        var result = Reader.Read(File("src/Llm/OpenRouterAdapter.cs", broken));
        Assert.Contains(result.Diagnostics, d => d.Code == "csharp-syntax" && d.Severity == DiagnosticSeverity.Warning);
        Assert.NotNull(result.Fragment.Find("provider:openrouter"));
    }

    [Fact]
    public void Many_call_sites_of_one_party_are_one_component()
    {
        var calls = string.Join('\n', Enumerable.Range(0, 200).Select(i => $"    public Task<string> C{i}() => _http.GetStringAsync(\"https://api.openai.com/v1/models\");"));
        var model = Read("src/Many.cs", $"public sealed class Many(HttpClient _http)\n{{\n{calls}\n}}\n");
        var openAi = Assert.Single(model.Components, c => c.Role != ComponentRole.App);
        Assert.Equal(200, openAi.Evidence.Count);
    }

    internal static InputFile File(string path, string text) => new(path, "/scan/" + path, text, namedExplicitly: false);

    internal static StackModel Read(string path, string text)
    {
        var file = File(path, text);
        Assert.True(Reader.Recognizes(file));
        Assert.Null(Reader.Declines(file));
        var result = Reader.Read(file);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        return result.Fragment;
    }

    private static int Line(string text, string needle) => text.Split('\n').ToList().FindIndex(l => l.Contains(needle, StringComparison.Ordinal)) + 1;

    private static int[] Lines(string text, params string[] needles) => needles.Select(n => Line(text, n)).Order().ToArray();
}
