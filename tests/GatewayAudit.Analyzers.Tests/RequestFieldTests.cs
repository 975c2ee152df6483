namespace GatewayAudit.Analyzers.Tests;

/// <summary>GW004: gateway-only request fields outside the adapter.</summary>
public class RequestFieldTests
{
    [Fact]
    public Task Anonymous_request_with_provider_preferences_is_reported() => Verify.AnalyzerAsync("""
        class Agent
        {
            object Body(object[] messages) => new
            {
                model = "gpt-4o",
                messages,
                {|GW004:provider|} = new { {|GW004:order|} = new[] { "anthropic" }, {|GW004:allow_fallbacks|} = false, {|GW004:data_collection|} = "deny", {|GW004:zdr|} = true },
                {|GW004:models|} = new[] { "fast", "cheap" },
                {|GW004:transforms|} = new[] { "middle-out" },
                {|GW004:route|} = "fallback",
            };
        }
        """);

    [Fact]
    public Task Embeddings_request_with_provider_preferences_is_reported() => Verify.AnalyzerAsync("""
        class Agent
        {
            object Body(string text) => new { model = "text-embedding-3-small", input = text, {|GW004:provider|} = "x" };
            object Form(string text) => new { input = text, provider = "x" };
        }
        """);

    [Fact]
    public Task Keys_set_one_at_a_time_on_an_extra_fields_bag_are_reported() => Verify.AnalyzerAsync("""
        using System.Collections.Generic;
        class ChatOptions
        {
            public Dictionary<string, object?> AdditionalProperties { get; } = new();
            public Dictionary<string, object?> ExtraBody { get; set; } = new();
            public Dictionary<string, object?> Tags { get; } = new();
        }
        class Agent
        {
            void Configure(ChatOptions options, Dictionary<string, object?> extra_body)
            {
                options.AdditionalProperties[{|GW004:"provider"|}] = "x";
                options.ExtraBody[{|GW004:"transforms"|}] = new[] { "middle-out" };
                extra_body[{|GW004:"models"|}] = new[] { "fast", "cheap" };
                options.ExtraBody = new() { [{|GW004:"route"|}] = "x" };
                options.Tags["provider"] = "stripe";
                options.Tags["route"] = "/checkout";
                options.Tags[{|GW004:"route"|}] = "fallback";
                options.Tags[{|GW004:"provider"|}] = new Dictionary<string, object> { [{|GW004:"order"|}] = new[] { "azure" } };
            }
        }
        """);

    [Fact]
    public Task OpenRouter_values_identify_their_keys_anywhere() => Verify.AnalyzerAsync("""
        class Agent
        {
            object A(string model) => new { model, {|GW004:route|} = "fallback", {|GW004:data_collection|} = "deny" };
            object B() => new { {|GW004:transforms|} = new[] { "middle-out" } };
            System.Collections.Generic.Dictionary<string, string[]> D() => new() { [{|GW004:"transforms"|}] = ["middle-out"] };
            object C() => new { route = "/home", data_collection = true, transforms = new[] { "gzip" } };
        }
        """);

    [Fact]
    public Task Ordinary_objects_with_the_same_words_are_not_reported() => Verify.AnalyzerAsync("""
        class Shop
        {
            object Query() => new { order = "desc", sort = "price", only = "in-stock", provider = "stripe" };
            object Settings() => new { data_collection = true, telemetry = false };
            object Catalog() => new { models = new[] { "a", "b" }, route = "/cars" };
        }
        """);

    [Fact]
    public Task Dictionary_and_json_object_initializers_are_reported() => Verify.AnalyzerAsync("""
        using System.Collections.Generic;
        class Agent
        {
            Dictionary<string, object> Body() => new()
            {
                ["model"] = "gpt-4o",
                ["messages"] = new object[0],
                [{|GW004:"provider"|}] = new Dictionary<string, object> { [{|GW004:"order"|}] = new[] { "anthropic" }, [{|GW004:"require_parameters"|}] = true },
                [{|GW004:"models"|}] = new[] { "a", "b" },
            };
        }
        """);

    [Fact]
    public Task Provider_holding_preferences_is_reported_even_without_messages() => Verify.AnalyzerAsync("""
        class Agent
        {
            object Routing() => new { {|GW004:provider|} = new { {|GW004:only|} = new[] { "azure" } } };
        }
        """);

    [Fact]
    public Task Json_property_names_on_a_dto_are_reported() => Verify.AnalyzerAsync("""
        using System.Text.Json.Serialization;
        class ChatRequest
        {
            [JsonPropertyName("model")] public string Model { get; set; } = "";
            [JsonPropertyName("messages")] public object[] Messages { get; set; } = [];
            [JsonPropertyName({|GW004:"provider"|})] public ProviderPreferences? Provider { get; set; }
            [JsonPropertyName({|GW004:"transforms"|})] public string[]? Transforms { get; set; }
        }
        class ProviderPreferences
        {
            [JsonPropertyName({|GW004:"order"|})] public string[]? Order { get; set; }
            [JsonPropertyName({|GW004:"allow_fallbacks"|})] public bool AllowFallbacks { get; set; }
        }
        class Product
        {
            [JsonPropertyName("order")] public int Order { get; set; }
            [JsonPropertyName("provider")] public string Provider { get; set; } = "";
        }
        """);

    [Fact]
    public Task Request_fields_in_a_raw_json_string_are_reported() => Verify.AnalyzerAsync(""""
        class Agent
        {
            const string Body = {|GW004:{|GW004:{|GW004:"""
                {
                  "model": "gpt-4o",
                  "messages": [{"role": "user", "content": "hi"}],
                  "provider": {"order": ["azure"], "data_collection": "deny"}
                }
                """|}|}|};
        }
        """");

    [Fact]
    public Task Json_without_request_shape_is_not_reported() => Verify.AnalyzerAsync(""""
        class Shop
        {
            const string Query = """{"order": "desc", "provider": "stripe", "models": ["a"]}""";
        }
        """");

    [Fact]
    public Task Extra_request_fields_come_from_editorconfig() => Verify.AnalyzerAsync("""
        class Agent
        {
            object Body() => new { model = "gpt-4o", {|GW004:acme_route_hint|} = "eu" };
        }
        """, "gateway_audit.request_fields = acme_route_hint");
}
