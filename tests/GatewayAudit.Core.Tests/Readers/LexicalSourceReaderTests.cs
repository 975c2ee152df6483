using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers;
using GatewayAudit.Core.Readers.Code;

namespace GatewayAudit.Core.Tests.Readers;

/// <summary>
/// The Python, TypeScript, Go and Java/Kotlin readers on fixtures shaped like agent code (Readers/CodeFixtures): what
/// must be found (clients, calls, settings, addresses) and what must not (comments, docstrings, log and error
/// messages, prose, test doubles, regex literals).
/// </summary>
public sealed class LexicalSourceReaderTests
{
    private static readonly DataCategory[] Chat = [DataCategory.Prompt, DataCategory.Completion, DataCategory.Metadata];

    internal static StackModel Read(string fixture)
    {
        var full = RepoPaths.Combine("tests", "GatewayAudit.Core.Tests", "Readers", "CodeFixtures", fixture);
        var file = new InputFile(fixture, full, File.ReadAllText(full), namedExplicitly: true);
        var reader = ReaderRegistry.Default.OfType<LexicalSourceReader>().Single(r => r.Extensions.Contains(file.Extension));
        Assert.True(reader.Recognizes(file), $"{fixture} should pass the pre-filter");
        var result = reader.Read(file);
        Assert.Empty(result.Diagnostics);
        return result.Fragment;
    }

    private static Flow FlowTo(StackModel model, string id) => Assert.Single(model.Flows, f => f.From == LexicalInventory.AppId && f.To == id);

    private static string[] List(Component component, string key) => (string[])component.Attributes[key]!;

    [Fact]
    public void Python_worker_finds_each_client_call_and_setting_and_nothing_from_docstrings_comments_or_logs()
    {
        var model = Read("python/summary_worker.py");
        Assert.Equal(
            ["app:code", "exporter:langfuse", "exporter:sentry", "gateway:litellm-proxy", "inference:localhost:ollama", "inference:vllm.inference.svc.cluster.local",
             "provider:anthropic", "provider:cohere", "provider:openrouter", "provider:openrouter-upstream:code:any"],
            model.Components.Select(c => c.Id));

        // Claude: a client (line 25) and a messages.create call (line 33).
        Assert.Equal(Chat, FlowTo(model, "provider:anthropic").DataCategories);
        Assert.Equal([25, 33], model.Find("provider:anthropic")!.Evidence.Select(e => e.Line));
        Assert.Equal("call", model.Find("provider:anthropic")!.Attributes["confidence"]); // the strongest sighting: call over client

        // OpenRouter through the OpenAI SDK, its base URL from a constant.
        var openRouter = model.Find("provider:openrouter")!;
        Assert.Equal(ComponentRole.Gateway, openRouter.Role);
        Assert.Equal("openrouter.ai", openRouter.Attributes["host"]);
        Assert.Equal(["python/summary_worker.py:42 chat"], (string[])FlowTo(model, "provider:openrouter").Attributes["callSites"]!);
    }

    [Fact]
    public void A_models_listing_sends_no_prompt()
    {
        var model = Read("python/summary_worker.py");
        var flow = FlowTo(model, "inference:vllm.inference.svc.cluster.local");
        Assert.Equal([DataCategory.Metadata], flow.DataCategories);
        Assert.Equal("listing", flow.Attributes["kind"]);
        var vllm = model.Find("inference:vllm.inference.svc.cluster.local")!;
        Assert.Equal((ComponentRole.SelfHostedInference, Hosting.OperatorHosted, "vLLM"), (vllm.Role, vllm.Hosting, vllm.Attributes["server"]));
    }

    [Fact]
    public void A_client_pointed_at_the_teams_litellm_proxy_calls_the_own_proxy()
    {
        var model = Read("python/summary_worker.py");
        var proxy = model.Find("gateway:litellm-proxy")!;
        Assert.Equal((ComponentRole.Gateway, Hosting.OperatorHosted), (proxy.Role, proxy.Hosting));
        Assert.Equal(["litellm:4000"], List(proxy, "callsOwnProxy"));
        Assert.Contains(proxy.Notes, n => n.Contains("LLM_PROXY_URL overrides it", StringComparison.Ordinal));
        Assert.Equal(Chat, FlowTo(model, "gateway:litellm-proxy").DataCategories);
    }

    [Fact]
    public void A_self_hosted_base_url_is_operator_hosted_inference_named_by_its_port()
    {
        var ollama = Read("python/summary_worker.py").Find("inference:localhost:ollama")!;
        Assert.Equal((Hosting.OperatorHosted, "Ollama"), (ollama.Hosting, ollama.Attributes["server"]));
        Assert.Equal("call", ollama.Attributes["confidence"]); // llm.invoke on the bound ChatOpenAI
    }

    [Fact]
    public void Observability_sdks_are_exporters_with_their_region_and_what_they_record()
    {
        var model = Read("python/summary_worker.py");
        var langfuse = model.Find("exporter:langfuse")!;
        Assert.Equal(("EU", "cloud.langfuse.com"), (langfuse.Region?.Value, langfuse.Attributes["host"]));
        Assert.Contains(DataCategory.Prompt, FlowTo(model, "exporter:langfuse").DataCategories);

        // Sentry without send_default_pii records no prompts.
        Assert.Equal([DataCategory.Metadata], FlowTo(model, "exporter:sentry").DataCategories);
        Assert.Contains(model.Find("exporter:sentry")!.Notes, n => n.Contains("SENTRY_DSN", StringComparison.Ordinal));
    }

    [Fact]
    public void An_sdk_only_imported_is_a_possible_party_with_lower_confidence()
    {
        var model = Read("python/summary_worker.py");
        var cohere = model.Find("provider:cohere")!;
        Assert.Equal("import-only", cohere.Attributes["confidence"]);
        Assert.Contains(cohere.Notes, n => n.StartsWith("Possible party, lower confidence (import-only)", StringComparison.Ordinal));
        Assert.Equal([9], cohere.Evidence.Select(e => e.Line));
    }

    [Fact]
    public void Test_doubles_error_messages_and_prose_are_not_calls()
    {
        Assert.Empty(Read("python/offline_mode.py").Components);
    }

    [Fact]
    public void Litellm_sdk_calls_go_where_their_model_prefix_or_api_base_says()
    {
        var model = Read("python/batch_router.py");
        Assert.Equal(Chat, FlowTo(model, "provider:anthropic").DataCategories);
        Assert.Equal(["anthropic/claude-3-5-haiku-20241022"], List(model.Find("provider:anthropic")!, "models"));
        Assert.Equal([DataCategory.Prompt, DataCategory.Metadata], FlowTo(model, "provider:mistral").DataCategories);
        Assert.Equal(["localhost:4000"], List(model.Find("gateway:litellm-proxy")!, "callsOwnProxy"));

        // A model from a parameter: an endpoint nobody can name from this file, asked about.
        var unknown = Assert.Single(model.Components, c => c.Id.StartsWith("provider:unresolved:", StringComparison.Ordinal));
        Assert.Equal(Hosting.Unknown, unknown.Hosting);
        Assert.Contains(model.OpenQuestions, q => q.About == unknown.Id && q.Evidence!.Line == 16);
    }

    [Fact]
    public void TypeScript_app_finds_sdk_clients_ai_sdk_providers_and_a_listing_but_not_comments_logs_or_regexes()
    {
        var model = Read("typescript/chat.ts");
        Assert.Equal(
            ["app:code", "exporter:langfuse", "exporter:sentry", "inference:localhost", "provider:anthropic", "provider:groq", "provider:helicone", "provider:helicone-upstream:openai", "provider:openrouter"],
            model.Components.Select(c => c.Id));
        Assert.Equal(Chat, FlowTo(model, "provider:helicone").DataCategories);
        Assert.Equal(["typescript/chat.ts:38 chat"], (string[])FlowTo(model, "provider:anthropic").Attributes["callSites"]!);
        Assert.Equal([DataCategory.Metadata], FlowTo(model, "provider:openrouter").DataCategories);
        Assert.Equal("import-only", model.Find("provider:groq")!.Attributes["confidence"]);
        Assert.Equal("US", model.Find("exporter:langfuse")!.Region?.Value);

        // sendDefaultPii: true lets Sentry's AI integrations record prompts and responses.
        Assert.Contains(DataCategory.Prompt, FlowTo(model, "exporter:sentry").DataCategories);

        // The base URL is a template whose host is OLLAMA_HOST, defaulting to localhost.
        var local = model.Find("inference:localhost")!;
        Assert.Contains(local.Notes, n => n.Contains("OLLAMA_HOST overrides it", StringComparison.Ordinal));
        Assert.Equal(Chat, FlowTo(model, "inference:localhost").DataCategories);
    }

    [Fact]
    public void Go_service_attributes_an_unbound_chat_call_to_the_openai_client_of_the_file()
    {
        var model = Read("go/gateway.go");
        Assert.Equal(["app:code", "gateway:litellm-proxy", "provider:anthropic", "provider:mistral"], model.Components.Select(c => c.Id));
        Assert.Equal(["litellm.llm.svc.cluster.local:4000"], List(model.Find("gateway:litellm-proxy")!, "callsOwnProxy"));
        Assert.Equal(["go/gateway.go:21 chat"], (string[])FlowTo(model, "gateway:litellm-proxy").Attributes["callSites"]!);
        Assert.Equal(Chat, FlowTo(model, "provider:anthropic").DataCategories);
        Assert.Equal("listing", FlowTo(model, "provider:mistral").Attributes["kind"]);
    }

    [Fact]
    public void Java_builder_chain_sets_the_base_url_and_an_unused_import_stays_possible()
    {
        var model = Read("java/Assistant.java");
        Assert.Equal(["app:code", "exporter:sentry", "provider:openrouter", "provider:openrouter-upstream:code:any"], model.Components.Select(c => c.Id));
        Assert.Equal(["java/Assistant.java:28 chat"], (string[])FlowTo(model, "provider:openrouter").Attributes["callSites"]!);
        Assert.Equal("import-only", model.Find("exporter:sentry")!.Attributes["confidence"]);
    }

    [Fact]
    public void Kotlin_nested_comments_hide_code_and_a_client_from_the_environment_is_the_vendor()
    {
        var model = Read("java/Claude.kt");
        Assert.Equal(["app:code", "provider:anthropic"], model.Components.Select(c => c.Id));
        Assert.Contains(model.Find("provider:anthropic")!.Notes, n => n.Contains("ANTHROPIC_BASE_URL", StringComparison.Ordinal));
    }
}
