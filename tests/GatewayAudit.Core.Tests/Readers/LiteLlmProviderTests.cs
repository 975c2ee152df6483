using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers.LiteLlm;
using static GatewayAudit.Core.Tests.ReaderHarness;

namespace GatewayAudit.Core.Tests.Readers;

/// <summary>Which company a model deployment sends prompts to, from litellm_params.model and api_base.</summary>
public sealed class LiteLlmProviderTests
{
    private const ComponentRole Provider = ComponentRole.ModelProvider;
    private const ComponentRole Gateway = ComponentRole.Gateway;
    private const ComponentRole SelfHosted = ComponentRole.SelfHostedInference;
    private const Hosting Third = Hosting.ThirdParty;
    private const Hosting Operator = Hosting.OperatorHosted;
    private const Hosting Unknown = Hosting.Unknown;

    // model, api_base, expected component id, role, hosting, catalog vendor. Written from shared/knowledge/gateways.md,
    // not generated from the reader's own table.
    public static TheoryData<string, string?, string, ComponentRole, Hosting, string?> Deployments() => new()
    {
        { "openai/gpt-4o", null, "provider:openai", Provider, Third, "openai" },
        { "text-completion-openai/gpt-3.5-turbo-instruct", null, "provider:openai", Provider, Third, "openai" },
        { "azure/gpt-4o-eu", "https://acme.openai.azure.com/", "provider:azure-openai", Provider, Third, "azure-openai" },
        { "azure_ai/mistral-large", "https://acme.services.ai.azure.com", "provider:azure-openai", Provider, Third, "azure-openai" },
        { "anthropic/claude-sonnet-4-5", null, "provider:anthropic", Provider, Third, "anthropic" },
        { "anthropic/*", null, "provider:anthropic", Provider, Third, "anthropic" },
        { "bedrock/anthropic.claude-3-7-sonnet", null, "provider:aws-bedrock", Provider, Third, "aws-bedrock" },
        { "sagemaker/my-endpoint", null, "provider:aws-sagemaker", Provider, Third, "aws-sagemaker" },
        { "vertex_ai/gemini-2.5-pro", null, "provider:google-vertex-ai", Provider, Third, "google-vertex-ai" },
        { "gemini/gemini-2.5-flash", null, "provider:google-gemini-api", Provider, Third, "google-gemini-api" },
        { "mistral/mistral-large-latest", null, "provider:mistral", Provider, Third, "mistral" },
        { "codestral/codestral-latest", null, "provider:mistral", Provider, Third, "mistral" },
        { "groq/llama-3.3-70b-versatile", null, "provider:groq", Provider, Third, "groq" },
        { "together_ai/meta-llama/Llama-3-70b", null, "provider:together-ai", Provider, Third, "together-ai" },
        { "fireworks_ai/accounts/fireworks/models/llama", null, "provider:fireworks-ai", Provider, Third, "fireworks-ai" },
        { "deepseek/deepseek-chat", null, "provider:deepseek", Provider, Third, "deepseek" },
        { "xai/grok-4", null, "provider:xai", Provider, Third, "xai" },
        { "cohere/command-r-plus", null, "provider:cohere", Provider, Third, "cohere" },
        { "perplexity/sonar-pro", null, "provider:perplexity", Provider, Third, "perplexity" },
        { "deepinfra/meta-llama/Llama-3-70b", null, "provider:deepinfra", Provider, Third, "deepinfra" },
        { "cerebras/llama3.1-70b", null, "provider:cerebras", Provider, Third, "cerebras" },
        { "nvidia_nim/meta/llama3-70b", null, "provider:nvidia-nim", Provider, Third, "nvidia-nim" },
        { "databricks/databricks-dbrx", null, "provider:databricks", Provider, Third, "databricks" },
        { "watsonx/ibm/granite-13b", null, "provider:ibm-watsonx", Provider, Third, "ibm-watsonx" },
        { "huggingface/meta-llama/Llama-3-8b", null, "provider:huggingface", Provider, Third, "huggingface" },
        { "replicate/meta/llama-3-70b", null, "provider:replicate", Provider, Third, "replicate" },
        { "cloudflare/@cf/meta/llama-3-8b", null, "provider:cloudflare-workers-ai", Provider, Third, "cloudflare-workers-ai" },
        { "github/gpt-4o", null, "provider:github-models", Provider, Third, "github-models" },
        { "vercel_ai_gateway/openai/gpt-4o", null, "provider:vercel-ai-gateway", Gateway, Third, "vercel-ai-gateway" },
        { "openrouter/anthropic/claude-sonnet-4.5", null, "provider:openrouter", Gateway, Third, "openrouter" },
        // Self-hosted engines run on the operator's servers.
        { "ollama/llama3", null, "inference:ollama", SelfHosted, Operator, null },
        { "ollama_chat/llama3", "http://gpu-box:11434", "inference:gpu-box", SelfHosted, Operator, null },
        { "vllm/meta-llama/Llama-3-8b", null, "inference:vllm", SelfHosted, Operator, null },
        { "hosted_vllm/meta-llama/Llama-3-8b", "http://vllm.inference.svc.cluster.local:8000/v1", "inference:vllm.inference.svc.cluster.local", SelfHosted, Operator, null },
        { "lm_studio/qwen", "http://localhost:1234/v1", "inference:localhost:lm-studio", SelfHosted, Operator, null },
        { "llamafile/mistral", "http://127.0.0.1:8080/v1", "inference:localhost:llamafile", SelfHosted, Operator, null },
        // An engine that is usually self-hosted but sits on a public host: who runs it is not shown.
        { "hosted_vllm/llama", "https://llm.example.com/v1", "inference:llm.example.com", SelfHosted, Unknown, null },
        // OpenAI-compatible prefix + api_base: the host decides.
        { "openai/llama-3-8b", "http://10.0.3.7:8000/v1", "inference:10.0.3.7", SelfHosted, Operator, null },
        { "openai/llama-3-8b", "http://192.168.1.20/v1", "inference:192.168.1.20", SelfHosted, Operator, null },
        { "openai/llama-3-8b", "http://172.20.0.5/v1", "inference:172.20.0.5", SelfHosted, Operator, null },
        { "openai/llama-3-8b", "http://[fd00::1]:8000/v1", "inference:fd00::1", SelfHosted, Operator, null },
        { "openai/llama-3-8b", "http://llm.corp.internal/v1", "inference:llm.corp.internal", SelfHosted, Operator, null },
        { "openai/gpt-4o", "https://api.openai.com/v1", "provider:openai", Provider, Third, "openai" },
        { "openai/llama-3.3-70b", "https://api.groq.com/openai/v1", "provider:groq", Provider, Third, "groq" },
        { "openai/deepseek-chat", "https://api.deepseek.com", "provider:deepseek", Provider, Third, "deepseek" },
        { "openai/meta-llama/Llama-3.3-70B-Instruct-Turbo", "https://api.together.xyz/v1", "provider:together-ai", Provider, Third, "together-ai" },
        { "custom_openai/qwen2.5", "http://10.0.3.7:8000/v1", "inference:10.0.3.7", SelfHosted, Operator, null },
        { "openai_like/bge-m3", "https://embed.example.net/v1", "provider:host:embed.example.net", Provider, Unknown, null },
        { "text-completion-openai/llama", "https://api.fireworks.ai/inference/v1", "provider:fireworks-ai", Provider, Third, "fireworks-ai" },
        // The api_base's host decides for vendor prefixes too: Gemini via Vertex, Claude via an Azure resource.
        { "gemini/gemini-2.5-pro", "https://europe-west4-aiplatform.googleapis.com/v1", "provider:google-vertex-ai", Provider, Third, "google-vertex-ai" },
        { "gemini/gemini-2.5-pro", "https://aiplatform.googleapis.com/v1", "provider:google-vertex-ai", Provider, Third, "google-vertex-ai" },
        { "gemini/gemini-2.5-pro", "https://generativelanguage.googleapis.com", "provider:google-gemini-api", Provider, Third, "google-gemini-api" },
        { "anthropic/claude-sonnet-4-5", "https://acme-foundry.services.ai.azure.com/anthropic", "provider:azure-openai", Provider, Third, "azure-openai" },
        { "anthropic/claude-sonnet-4-5", "https://api.anthropic.com", "provider:anthropic", Provider, Third, "anthropic" },
        { "anthropic/claude-sonnet-4-5", "https://claude-proxy.example.com", "provider:host:claude-proxy.example.com", Provider, Unknown, null },
        { "anthropic/claude-sonnet-4-5", "http://claude-cache:8080", "inference:claude-cache", SelfHosted, Operator, null },
        { "vertex_ai/gemini-2.5-pro", "https://europe-west4-aiplatform.googleapis.com", "provider:google-vertex-ai", Provider, Third, "google-vertex-ai" },
        { "bedrock/anthropic.claude-3-7-sonnet", "https://bedrock-runtime.eu-central-1.amazonaws.com", "provider:aws-bedrock", Provider, Third, "aws-bedrock" },
        { "hosted_vllm/meta-llama/Llama-3.3-70B", "https://api.deepinfra.com/v1/openai", "provider:deepinfra", Provider, Third, "deepinfra" },
        { "novaprovider/model-x", "https://api.groq.com/openai/v1", "provider:groq", Provider, Third, "groq" },
        // Prefixes LiteLLM has added: companies without a catalog entry are named third parties; engines are self-hosted.
        { "sambanova/Meta-Llama-3.3-70B-Instruct", null, "provider:sambanova", Provider, Third, null },
        { "moonshot/kimi-k2", null, "provider:moonshot", Provider, Third, null },
        { "xinference/qwen2.5", null, "inference:xinference", SelfHosted, Operator, null },
        { "triton/llama", null, "inference:triton", SelfHosted, Operator, null },
        { "oobabooga/llama", null, "inference:oobabooga", SelfHosted, Operator, null },
        { "docker_model_runner/ai/smollm2", null, "inference:docker_model_runner", SelfHosted, Operator, null },
        { "helicone/gpt-4o", null, "provider:helicone", Gateway, Third, "helicone" },
        { "openai/some-model", "https://llm.example.com/v1", "provider:host:llm.example.com", Provider, Unknown, null },
        { "litellm_proxy/gpt-4o", "https://litellm.partner.example/v1", "provider:host:litellm.partner.example", Gateway, Unknown, null },
        // Bare names: LiteLLM's default routing for the unambiguous families.
        { "gpt-4o", null, "provider:openai", Provider, Third, "openai" },
        { "o3-mini", null, "provider:openai", Provider, Third, "openai" },
        { "text-embedding-3-small", null, "provider:openai", Provider, Third, "openai" },
        { "claude-3-opus-20240229", null, "provider:anthropic", Provider, Third, "anthropic" },
        { "gpt-4o", "http://10.1.1.1/v1", "inference:10.1.1.1", SelfHosted, Operator, null },
    };

    [Theory]
    [MemberData(nameof(Deployments))]
    public void Deployment_maps_to_the_company_that_receives_the_prompts(string modelText, string? apiBase, string id, ComponentRole role, Hosting hosting, string? vendor)
    {
        var model = ReadClean(Deployment(modelText, apiBase), enrich: true);
        var component = model.Get(id);
        Assert.Equal(role, component.Role);
        Assert.Equal(hosting, component.Hosting);
        Assert.Equal(vendor, component.Vendor);
        Assert.Contains($"{Cfg}:4", component.Lines());

        // The proxy sends it the prompt, the completion comes back, the provider credential goes with it.
        var flow = model.Flow(LiteLlmConfigReader.GatewayId, id);
        Assert.Equal("prompt,completion,metadata,credentials", flow.Categories());
        Assert.Equal("inference", flow.Attributes["kind"]);
    }

    [Fact]
    public void Every_vendor_the_reader_names_has_a_catalog_entry()
    {
        var named = LiteLlmProviders.ByPrefix.Values.Select(p => p.Vendor)
            .Concat(LiteLlmCallbacks.ByName.Values.Select(c => c.Vendor))
            .OfType<string>().Distinct().Order(StringComparer.Ordinal);
        var missing = named.Where(v => ShippedCatalog.Find(v) is null).ToList();
        Assert.True(missing.Count == 0, "vendor ids without policies/catalog/ID.yaml: " + string.Join(", ", missing));
    }

    [Fact]
    public void Bare_model_without_a_known_family_is_an_unknown_provider_with_a_warning_on_its_line()
    {
        var result = Read(Deployment("my-finetune-v2"));
        var component = result.Fragment.Get("provider:unmapped:my-finetune-v2");
        Assert.Equal(Hosting.Unknown, component.Hosting);
        Assert.Null(component.Vendor);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(("litellm-unknown-provider", 4, DiagnosticSeverity.Warning), (warning.Code, warning.Location.Line, warning.Severity));
        Assert.Contains(result.Fragment.OpenQuestions, q => q.Question.Contains("my-finetune-v2", StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_prefix_is_listed_as_unknown_not_dropped()
    {
        var result = Read(Deployment("novaprovider/model-x"));
        Assert.Equal(Hosting.Unknown, result.Fragment.Get("provider:unmapped:novaprovider").Hosting);
        Assert.Contains(result.Diagnostics, d => d.Code == "litellm-unknown-provider" && d.Location.Line == 4);
    }

    [Fact]
    public void Bare_model_name_says_the_provider_was_inferred()
    {
        var model = ReadClean(Deployment("gpt-4o-mini"));
        Assert.Contains(model.Get("provider:openai").Notes, n => n.Contains("inferred", StringComparison.Ordinal));
    }

    [Fact]
    public void Model_from_an_environment_variable_the_file_defines_is_resolved()
    {
        var model = ReadClean("""
            environment_variables:
              CHAT_MODEL: anthropic/claude-sonnet-4-5
            model_list:
              - model_name: chat
                litellm_params:
                  model: os.environ/CHAT_MODEL
            """);
        var anthropic = model.Get("provider:anthropic");
        Assert.Contains($"{Cfg}:6", anthropic.Lines());
        Assert.Equal(new[] { "anthropic/claude-sonnet-4-5" }, (string[])anthropic.Attributes["models"]!);
    }

    [Fact]
    public void Model_from_an_undefined_environment_variable_is_an_open_question_not_a_guess()
    {
        var model = ReadClean("""
            model_list:
              - model_name: chat
                litellm_params:
                  model: "os.environ/CHAT_MODEL"
            """);
        var unresolved = model.Get("provider:unresolved:chat");
        Assert.Equal(Hosting.Unknown, unresolved.Hosting);
        Assert.Null(unresolved.Vendor);
        Assert.Contains("CHAT_MODEL", unresolved.Name, StringComparison.Ordinal);
        Assert.Contains(model.OpenQuestions, q => q.Question.Contains("CHAT_MODEL", StringComparison.Ordinal) && q.Evidence!.Line == 4);
        Assert.Equal("prompt,completion,metadata,credentials", model.Flow(LiteLlmConfigReader.GatewayId, unresolved.Id).Categories());
    }

    [Fact]
    public void Region_keys_set_the_region_with_evidence()
    {
        var model = ReadClean("""
            model_list:
              - model_name: claude
                litellm_params:
                  model: bedrock/anthropic.claude-3
                  aws_region_name: eu-central-1
              - model_name: gemini
                litellm_params:
                  model: vertex_ai/gemini-2.5-pro
                  vertex_location: europe-west4
            """);
        Assert.Equal(("eu-central-1", 5), (model.Get("provider:aws-bedrock").Region!.Value, model.Get("provider:aws-bedrock").Region!.Evidence.Line));
        Assert.Equal("europe-west4", model.Get("provider:google-vertex-ai").Region!.Value);
    }

    [Fact]
    public void Two_regions_for_one_provider_leave_the_single_region_unset_but_list_both()
    {
        var model = ReadClean("""
            model_list:
              - model_name: a
                litellm_params: {model: bedrock/x, aws_region_name: eu-central-1}
              - model_name: b
                litellm_params: {model: bedrock/y, aws_region_name: us-east-1}
            """);
        var bedrock = model.Get("provider:aws-bedrock");
        Assert.Null(bedrock.Region);
        Assert.Equal(new[] { "eu-central-1", "us-east-1" }, (string[])bedrock.Attributes["regions"]!);
    }

    [Fact]
    public void Several_deployments_of_one_group_are_counted()
    {
        var model = ReadClean("""
            model_list:
              - model_name: claude
                litellm_params: {model: anthropic/claude-sonnet-4-5, api_key: os.environ/K1}
              - model_name: claude
                litellm_params: {model: anthropic/claude-sonnet-4-5, api_key: os.environ/K2}
            """);
        var anthropic = model.Get("provider:anthropic");
        Assert.Equal(2L, anthropic.Attributes["maxDeploymentsPerGroup"]);
        Assert.Equal(new[] { "claude" }, (string[])anthropic.Attributes["groupsWithSeveralDeployments"]!);
        Assert.Equal(new[] { $"{Cfg}:3", $"{Cfg}:5" }, anthropic.Lines());
    }
}
