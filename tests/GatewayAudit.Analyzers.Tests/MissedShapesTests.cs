namespace GatewayAudit.Analyzers.Tests;

/// <summary>The misses of issue 11: typed request classes, slugs built at run time, authors missing from the list.</summary>
public class MissedShapesTests
{
    private const string RequestTypes = """
        using System.Collections.Generic;
        using System.Text.Json.Serialization;
        class Message { public string Role { get; set; } = ""; }
        class ProviderPreferences
        {
            public List<string>? Order { get; set; }
            public bool? AllowFallbacks { get; set; }
            [JsonPropertyName("data_collection")] public string? DataPolicy { get; set; }
            public bool? ZDR { get; set; }
        }
        class ChatRequest
        {
            public string Model { get; set; } = "";
            public List<Message> Messages { get; set; } = new();
            public List<string>? Transforms { get; set; }
            public List<string>? Models { get; set; }
            public ProviderPreferences? Provider { get; set; }
        }
        class VendorChoice { public string? Provider { get; set; } public List<Message> Messages { get; set; } = new(); }
        """;

    [Fact]
    public Task Typed_request_fields_set_in_an_object_initializer_are_reported() => Verify.AnalyzerAsync([RequestTypes, """
        using System.Collections.Generic;
        class Agent
        {
            ChatRequest Build(string model) => new ChatRequest
            {
                Model = model,
                Messages = [new Message { Role = "user" }],
                {|GW004:Transforms|} = ["middle-out"],
                {|GW004:Models|} = new List<string> { "a", "b" },
                {|GW004:Provider|} = new ProviderPreferences { {|GW004:Order|} = ["anthropic"], {|GW004:AllowFallbacks|} = false, {|GW004:DataPolicy|} = "deny", {|GW004:ZDR|} = true },
            };

            ChatRequest Later(ChatRequest request)
            {
                request.Transforms = ["middle-out"];
                return new() { Model = "gpt-4o", {|GW004:Transforms|} = ["middle-out"] };
            }

            VendorChoice Choice() => new() { Provider = "openai", Messages = [] };
        }
        """]);

    [Fact]
    public Task Slugs_built_from_a_known_author_are_reported() => Verify.AnalyzerAsync("""
        static class Vendors
        {
            public const string Anthropic = "anthropic";
            public static readonly string OpenAi = "openai";
        }
        class Agent
        {
            const string Vendor = "qwen";
            string A(string model) => {|GW002:string.Join("/", Vendor, model)|};
            string B(string model) => {|GW002:string.Join('/', "deepseek", model)|};
            string C(string model) => {|GW002:string.Format("{0}/{1}", Vendors.Anthropic, model)|};
            string D(string model) => {|GW002:Vendors.Anthropic + "/" + model|};
            string E(string model) => {|GW002:$"{Vendors.Anthropic}/{model}"|};
            string F(string modelName) => {|GW002:Vendors.OpenAi + "/" + modelName|};
            string G(string model) => {|GW002:string.Concat(Vendor, "/", model)|};
            string H(string model) => {|GW002:"mistralai" + "/" + model|};
        }
        """);

    [Fact]
    public Task Paths_and_unknown_authors_built_the_same_way_are_not_reported() => Verify.AnalyzerAsync("""
        static class Vendors { public const string Google = "google"; public const string Acme = "acme"; }
        class Paths
        {
            string A(string path) => Vendors.Google + "/" + path;
            string B(string name) => string.Join("/", Vendors.Acme, name);
            string C(string a, string b) => string.Join("/", a, b);
            string D(string model) => string.Format("{0}-{1}", Vendors.Google, model);
            string E(string model) => $"{Vendors.Acme}/{model}";
            string F(string file) => string.Join("/", "docs", file);
        }
        """);

    [Theory]
    [InlineData("perplexity/sonar")]
    [InlineData("perplexity/sonar:online")]
    [InlineData("inception/mercury")]
    [InlineData("arcee-ai/spotlight")]
    [InlineData("switchpoint/router")]
    public Task Slugs_with_a_plain_model_name_are_reported(string slug) => Verify.AnalyzerAsync($$"""
        class Agent { string M() => {|GW002:"{{slug}}"|}; }
        """);

    /// <summary>One id per author of the OpenRouter models-list snapshots named in src/Shared/GatewayTerms.cs.</summary>
    [Theory]
    [InlineData("agentica-org/deepcoder-14b-preview")]
    [InlineData("ai21/jamba-large-1.7")]
    [InlineData("aion-labs/aion-1.0")]
    [InlineData("alfredpros/codellama-7b-instruct-solidity")]
    [InlineData("alibaba/tongyi-deepresearch-30b-a3b")]
    [InlineData("allenai/molmo-2-8b:free")]
    [InlineData("alpindale/goliath-120b")]
    [InlineData("amazon/nova-2-lite-v1")]
    [InlineData("anthracite-org/magnum-v2-72b")]
    [InlineData("arcee-ai/afm-4.5b")]
    [InlineData("arliai/qwq-32b-arliai-rpr-v1")]
    [InlineData("baidu/ernie-4.5-21b-a3b")]
    [InlineData("bytedance-seed/seed-1.6")]
    [InlineData("bytedance/seed-oss-36b-instruct")]
    [InlineData("cognitivecomputations/dolphin-mistral-24b-venice-edition:free")]
    [InlineData("cohere/command-a")]
    [InlineData("deepcogito/cogito-v2-preview-deepseek-671b")]
    [InlineData("eleutherai/llemma_7b")]
    [InlineData("essentialai/rnj-1-instruct")]
    [InlineData("gryphe/mythomax-l2-13b")]
    [InlineData("ibm-granite/granite-4.0-h-micro")]
    [InlineData("inflection/inflection-3-pi")]
    [InlineData("kwaipilot/kat-coder-pro")]
    [InlineData("liquid/lfm-2.2-6b")]
    [InlineData("mancer/weaver")]
    [InlineData("meituan/longcat-flash-chat")]
    [InlineData("microsoft/mai-ds-r1")]
    [InlineData("minimax/minimax-01")]
    [InlineData("mistral/ministral-8b")]
    [InlineData("moonshotai/kimi-dev-72b")]
    [InlineData("morph/morph-v3-fast")]
    [InlineData("neversleep/llama-3-lumimaid-70b")]
    [InlineData("nex-agi/deepseek-v3.1-nex-n1")]
    [InlineData("nousresearch/deephermes-3-llama-3-8b-preview")]
    [InlineData("nvidia/llama-3.1-nemotron-70b-instruct")]
    [InlineData("opengvlab/internvl3-78b")]
    [InlineData("perplexity/r1-1776")]
    [InlineData("prime-intellect/intellect-3")]
    [InlineData("raifle/sorcererlm-8x22b")]
    [InlineData("relace/relace-apply-3")]
    [InlineData("sao10k/l3-euryale-70b")]
    [InlineData("shisa-ai/shisa-v2-llama3.3-70b")]
    [InlineData("stepfun-ai/step3")]
    [InlineData("tencent/hunyuan-a13b-instruct")]
    [InlineData("thedrummer/anubis-70b-v1.1")]
    [InlineData("thudm/glm-4.1v-9b-thinking")]
    [InlineData("tngtech/deepseek-r1t-chimera")]
    [InlineData("undi95/remm-slerp-l2-13b")]
    [InlineData("xiaomi/mimo-v2-flash:free")]
    [InlineData("z-ai/glm-4-32b")]
    public void Every_author_of_the_OpenRouter_models_list_is_known(string slug) =>
        Assert.Equal(slug, GatewayModelSlugRule.Match(slug, new GatewayVocabulary()));
}
