using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers.LiteLlm;
using static GatewayAudit.Core.Tests.ReaderHarness;

namespace GatewayAudit.Core.Tests.Readers;

/// <summary>
/// api_base decides the host, an api_base the inputs cannot resolve leaves it unknown, every prefix LiteLLM accepts
/// is in the table, and Bedrock cross-Region inference profiles are a region fact.
/// </summary>
public sealed class LiteLlmEndpointTests
{
    /// <summary>
    /// The values of LiteLLM's LlmProviders enum (litellm/types/utils.py, BerriAI/litellm at 001c64f; provider_list is
    /// list(LlmProviders)) and the keys of litellm/llms/openai_like/providers.json, copied from the source, not from
    /// gateway-audit's table.
    /// </summary>
    public static TheoryData<string> LiteLlmPrefixes() => new(
        "openai", "chatgpt", "openai_like", "jina_ai", "xai", "zai", "custom_openai", "text-completion-openai", "cohere",
        "cohere_chat", "clarifai", "anthropic", "anthropic_text", "bytez", "replicate", "reducto", "runwayml", "aws_polly",
        "huggingface", "together_ai", "openrouter", "datarobot", "vertex_ai", "vertex_ai_beta", "gemini", "ai21", "baseten",
        "black_forest_labs", "azure", "azure_text", "azure_ai", "sagemaker", "sagemaker_chat", "sagemaker_nova", "bedrock",
        "vllm", "nlp_cloud", "petals", "oobabooga", "ollama", "ollama_chat", "deepinfra", "perplexity", "mistral", "milvus",
        "groq", "a2a", "gigachat", "nvidia_nim", "nvidia_riva", "soniox", "cerebras", "ai21_chat", "volcengine", "codestral",
        "text-completion-codestral", "dashscope", "modelscope", "moonshot", "publicai", "v0", "morph", "lambda_ai",
        "inception", "text-completion-inception", "deepseek", "sambanova", "maritalk", "voyage", "cloudflare", "xinference",
        "fireworks_ai", "friendliai", "featherless_ai", "watsonx", "watsonx_text", "triton", "predibase", "databricks",
        "empower", "github", "ragflow", "compactifai", "docker_model_runner", "custom", "litellm_proxy", "hosted_vllm",
        "tencent", "llamafile", "lm_studio", "galadriel", "nebius", "infinity", "deepgram", "elevenlabs", "novita",
        "aiohttp_openai", "langfuse", "humanloop", "topaz", "sap", "assemblyai", "charity_engine", "github_copilot",
        "snowflake", "gradient_ai", "meta_llama", "nscale", "pg_vector", "s3_vectors", "helicone", "hyperbolic", "recraft",
        "fal_ai", "stability", "heroku", "aiml", "cometapi", "oci", "auto_router", "vercel_ai_gateway", "dotprompt", "manus",
        "wandb", "ovhcloud", "scaleway", "lemonade", "amazon_nova", "a2a_agent", "langgraph", "langflow", "minimax",
        "synthetic", "apertis", "nano-gpt", "poe", "chutes", "neosantara", "parasail", "xiaomi_mimo", "tensormesh",
        "libertai", "pinstripes", "darkbloom", "meta", "litellm_agent", "cursor", "bedrock_mantle", "gdc",
        // providers.json
        "veniceai", "abliteration", "llamagate", "gmi", "sarvam", "aihubmix", "salad_cloud", "crusoe");

    [Theory]
    [MemberData(nameof(LiteLlmPrefixes))]
    public void Every_prefix_litellm_accepts_resolves_without_an_unknown_provider_warning(string prefix)
    {
        Assert.True(LiteLlmProviders.ByPrefix.ContainsKey(prefix), $"'{prefix}' is missing from LiteLlmProviders");
        var result = Read(Deployment($"{prefix}/some-model"));
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "litellm-unknown-provider");
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        if (LiteLlmProviders.ByPrefix[prefix].Endpoint != EndpointKind.InProcess)
        {
            Assert.Single(result.Fragment.Flows, f => f.From == LiteLlmConfigReader.GatewayId && f.Attributes["kind"] is "inference");
        }
    }

    [Fact]
    public void Each_default_api_host_in_the_table_belongs_to_the_same_vendor_in_the_catalog()
    {
        var wrong = new List<string>();
        foreach (var (prefix, info) in LiteLlmProviders.ByPrefix)
        {
            foreach (var pattern in info.Hosts)
            {
                var sample = pattern.Replace("*", "eu-west-1", StringComparison.Ordinal).TrimStart('.');
                if (ShippedCatalog.FindByHost(pattern.StartsWith('.') ? "tenant." + sample : sample)?.Id != info.Vendor)
                {
                    wrong.Add($"{prefix}: {pattern}");
                }
            }
        }

        Assert.True(wrong.Count == 0, "hosts the catalog does not give to the prefix's vendor: " + string.Join(", ", wrong));
    }

    [Theory]
    [InlineData("openai/qwen2.5")]
    [InlineData("hosted_vllm/qwen2.5")]
    [InlineData("anthropic/claude-sonnet-4-5")]
    [InlineData("gemini/gemini-2.5-pro")]
    public void An_api_base_from_an_undefined_variable_is_an_unknown_host_asked_about_once(string modelText)
    {
        // Two deployments behind one environment variable, as a homelab config writes them.
        var model = ReadClean($"""
            model_list:
              - model_name: local
                litellm_params:
                  model: {modelText}
                  api_base: os.environ/LOCAL_LLM_URL
              - model_name: local-fast
                litellm_params:
                  model: {modelText}
                  api_base: os.environ/LOCAL_LLM_URL
            """, enrich: true);
        var endpoint = model.Get("provider:env:LOCAL_LLM_URL");
        Assert.Equal((Hosting.Unknown, null), (endpoint.Hosting, endpoint.Vendor));
        Assert.Equal(new[] { $"{Cfg}:4", $"{Cfg}:5", $"{Cfg}:8", $"{Cfg}:9" }, endpoint.Lines());
        Assert.DoesNotContain(model.Components, c => c.Vendor is not null && c.Role != ComponentRole.Gateway);
        var question = Assert.Single(model.OpenQuestions, q => q.Question.Contains("LOCAL_LLM_URL", StringComparison.Ordinal));
        Assert.Equal(5, question.Evidence!.Line);
    }

    [Fact]
    public void An_api_base_the_file_defines_is_resolved_and_its_host_decides()
    {
        var model = ReadClean("""
            environment_variables:
              LOCAL_LLM_URL: http://10.0.3.7:8000/v1
            model_list:
              - model_name: local
                litellm_params:
                  model: openai/qwen2.5
                  api_base: os.environ/LOCAL_LLM_URL
                  api_key: not-needed
            """);
        var inference = model.Get("inference:10.0.3.7");
        Assert.Equal(Hosting.OperatorHosted, inference.Hosting);
        Assert.Null(model.Find("provider:openai"));
        Assert.DoesNotContain(model.OpenQuestions, q => q.Question.Contains("LOCAL_LLM_URL", StringComparison.Ordinal));
    }

    [Fact]
    public void An_azure_resource_from_the_environment_is_still_azure_with_the_variable_noted()
    {
        var model = ReadClean("""
            model_list:
              - model_name: gpt-4o
                litellm_params:
                  model: azure/gpt-4o
                  api_base: os.environ/AZURE_API_BASE
                  api_version: "2024-10-21"
            """);
        var azure = model.Get("provider:azure-openai");
        Assert.Equal(("azure-openai", Hosting.ThirdParty), (azure.Vendor, azure.Hosting));
        Assert.Equal("AZURE_API_BASE", azure.Attributes["apiBaseVariable"]);
        Assert.Contains(azure.Notes, n => n.Contains("AZURE_API_BASE", StringComparison.Ordinal));
    }

    [Fact]
    public void A_public_host_the_catalog_knows_gets_no_question_about_who_runs_it()
    {
        var model = ReadClean(Deployment("openai/llama-3.3-70b", "https://api.groq.com/openai/v1") , enrich: true);
        Assert.DoesNotContain(model.OpenQuestions, q => q.Question.Contains("Who runs", StringComparison.Ordinal) || q.Question.Contains("Which company", StringComparison.Ordinal));

        var unknownPrefix = Read(Deployment("novaprovider/model-x", "https://api.groq.com/openai/v1"), enrich: true).Fragment;
        Assert.DoesNotContain(unknownPrefix.OpenQuestions, q => q.Question.Contains("Which company", StringComparison.Ordinal));
    }

    [Fact]
    public void A_public_host_nobody_knows_is_asked_about_after_the_catalog_had_its_say()
    {
        var model = ReadClean(Deployment("openai/qwen2.5", "https://llm.example.com/v1"), enrich: true);
        var question = Assert.Single(model.OpenQuestions, q => q.Question.Contains("llm.example.com", StringComparison.Ordinal));
        Assert.Equal(5, question.Evidence!.Line);
    }

    [Theory]
    [InlineData("https://example-llm-production.up.railway.app/", "Railway", Hosting.ThirdParty)]
    [InlineData("https://qwen-demo.hf.space/v1", "Hugging Face Spaces", Hosting.ThirdParty)]
    [InlineData("https://llm.example.com/v1", null, Hosting.Unknown)]
    public void A_host_on_a_public_hosting_platform_is_a_third_party_whoever_deployed_it(string apiBase, string? platform, Hosting hosting)
    {
        var model = ReadClean(Deployment("openai/qwen2.5", apiBase), enrich: true);
        var endpoint = Assert.Single(model.Components, c => c.Id.StartsWith("provider:host:", StringComparison.Ordinal));
        Assert.Equal((hosting, platform), (endpoint.Hosting, endpoint.Attributes["hostingPlatform"] as string));
        Assert.Null(endpoint.Vendor);
    }

    [Theory]
    [InlineData("bedrock/eu.anthropic.claude-3-7-sonnet-20250219-v1:0", "EU", "any EU Region of the profile")]
    [InlineData("bedrock/converse/us.anthropic.claude-sonnet-4-5-20250929-v1:0", "US", "any US Region of the profile")]
    [InlineData("bedrock/apac.amazon.nova-pro-v1:0", "APAC", "any Asia Pacific Region of the profile")]
    [InlineData("bedrock/global.anthropic.claude-sonnet-4-5-20250929-v1:0", "global", "any commercial AWS Region worldwide")]
    public void A_bedrock_cross_region_profile_is_a_region_fact_and_aws_region_name_the_source(string modelText, string region, string scope)
    {
        var model = ReadClean($"""
            model_list:
              - model_name: claude
                litellm_params:
                  model: {modelText}
                  aws_region_name: eu-central-1
            """);
        var bedrock = model.Get("provider:aws-bedrock");
        Assert.Equal((region, 4), (bedrock.Region!.Value, bedrock.Region.Evidence.Line));
        Assert.Equal(new[] { "eu-central-1" }, (string[])bedrock.Attributes["sourceRegions"]!);
        Assert.Equal($"cross-Region inference profile: {scope}", bedrock.Attributes["regionNote"]);
        Assert.Contains($"{Cfg}:5", bedrock.Lines());
        Assert.Contains(bedrock.Notes, n => n.Contains(scope, StringComparison.Ordinal) && n.Contains("source Region eu-central-1", StringComparison.Ordinal));
    }

    [Fact]
    public void A_bedrock_model_without_a_profile_keeps_its_own_region()
    {
        var model = ReadClean("""
            model_list:
              - model_name: claude
                litellm_params: {model: bedrock/anthropic.claude-3-7-sonnet-20250219-v1:0, aws_region_name: eu-central-1}
            """);
        var bedrock = model.Get("provider:aws-bedrock");
        Assert.Equal("eu-central-1", bedrock.Region!.Value);
        Assert.Null(bedrock.Attributes["sourceRegions"]);
    }
}
