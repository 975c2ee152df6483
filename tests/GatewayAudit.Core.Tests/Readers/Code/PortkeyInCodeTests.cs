using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers.Code;

namespace GatewayAudit.Core.Tests.Readers.Code;

/// <summary>
/// Portkey in Python and TypeScript code yields what a Portkey config file yields (the same reader logic): Portkey as
/// the gateway, each target under it, the cache's max_age as a retention bound, partner guardrails; a saved config's
/// id is listed as unknown; a Portkey client at another base URL is the operator's own gateway; commented-out code,
/// docstrings, log messages and test doubles are not uses.
/// </summary>
public sealed class PortkeyInCodeTests
{
    private static StackModel Read(string fixture) => LexicalSourceReaderTests.Read(fixture);

    private static string[] UnderGateway(StackModel model, string gateway) =>
        model.Components.Where(c => c.SubProcessorOf == gateway).Select(c => c.Id).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void Python_config_dict_createHeaders_and_headers_are_targets_under_Portkey()
    {
        var model = Read("python/portkey_support_bot.py");
        Assert.Equal(
            ["provider:portkey-target:anthropic", "provider:portkey-target:config pc-support-7f3a2b", "provider:portkey-target:google",
             "provider:portkey-target:openai@vllm.models.svc.cluster.local"],
            UnderGateway(model, "provider:portkey"));

        var anthropic = model.Find("provider:portkey-target:anthropic")!;
        Assert.Equal(("operator", 19), (anthropic.Attributes["providerAccount"], anthropic.Evidence.First().Line));
        Assert.Equal(["anthropic-prod"], (string[])anthropic.Attributes["virtualKeys"]!);

        // custom_host on the operator's network is self-hosted inference under Portkey, not a direct call of the app.
        var vllm = model.Find("provider:portkey-target:openai@vllm.models.svc.cluster.local")!;
        Assert.Equal((ComponentRole.SelfHostedInference, Hosting.OperatorHosted), (vllm.Role, vllm.Hosting));
        Assert.DoesNotContain(model.Flows, f => f.From == "app:code" && f.To.Contains("vllm", StringComparison.Ordinal));

        // The x-portkey-provider and x-portkey-virtual-key of one headers object are one target.
        Assert.Equal(["gemini-eu"], (string[])model.Find("provider:portkey-target:google")!.Attributes["virtualKeys"]!);

        var cache = model.Find("cache:portkey")!;
        Assert.Equal((7200L, "semantic"), (cache.Attributes["ttlSeconds"], cache.Attributes["mode"]));
        Assert.Equal(7200 / 86_400d, cache.Retention!.Value.Days);

        var portkey = model.Find("provider:portkey")!;
        Assert.Equal(["pangea"], (string[])portkey.Attributes["guardrailPartners"]!);
        Assert.Equal(["fallback"], (string[])portkey.Attributes["strategies"]!);
    }

    [Fact]
    public void A_saved_config_id_names_no_target_and_says_so()
    {
        var model = Read("python/portkey_support_bot.py");
        var saved = model.Find("provider:portkey-target:config pc-support-7f3a2b")!;
        Assert.Equal((Hosting.Unknown, (string?)null, 30), (saved.Hosting, saved.Vendor, saved.Evidence.Single().Line));
        Assert.Contains(model.OpenQuestions, q => q.Subject == saved.Name && q.Question.Contains("stored in Portkey", StringComparison.Ordinal));
    }

    [Fact]
    public void Docstrings_comments_and_log_arguments_are_not_Portkey_configs()
    {
        var python = Read("python/portkey_support_bot.py");
        var typescript = Read("typescript/portkey_gateway.ts");
        foreach (var absent in new[] { "groq", "mistral-ai", "cohere" })
        {
            Assert.DoesNotContain(python.Components, c => c.Id == "provider:portkey-target:" + absent);
        }

        // TypeScript: a commented-out client (deepseek), a console.log argument (cohere) and a nock double (together-ai).
        foreach (var absent in new[] { "deepseek", "cohere", "together-ai" })
        {
            Assert.DoesNotContain(typescript.Components, c => c.Id == "provider:portkey-target:" + absent);
        }
    }

    [Fact]
    public void TypeScript_self_hosted_gateway_and_hosted_header_config_keep_their_own_targets()
    {
        var model = Read("typescript/portkey_gateway.ts");
        const string Own = "gateway:portkey:portkey-gateway.llm.svc.cluster.local";
        var own = model.Find(Own)!;
        Assert.Equal((ComponentRole.Gateway, Hosting.OperatorHosted), (own.Role, own.Hosting));
        Assert.Equal(["provider:portkey-target:azure-openai", "provider:portkey-target:mistral-ai"], UnderGateway(model, Own));
        Assert.Equal(["loadbalance"], (string[])own.Attributes["strategies"]!);

        // The JSON in the x-portkey-config header of the client sent to PORTKEY_GATEWAY_URL (api.portkey.ai).
        Assert.Equal(["provider:portkey-target:anthropic", "provider:portkey-target:groq"], UnderGateway(model, "provider:portkey"));
        Assert.Equal((3L, 21), (long.Parse((string)model.Find("provider:portkey")!.Attributes["retryAttempts"]!, System.Globalization.CultureInfo.InvariantCulture), model.Find("cache:portkey")!.Evidence.First().Line));
        Assert.Equal(600L, model.Find("cache:portkey")!.Attributes["ttlSeconds"]);

        // createHeaders({ provider: "groq", virtualKey: process.env.GROQ_VK }): the key is not in the code, so none is listed.
        Assert.Null(model.Find("provider:portkey-target:groq")!.Attributes["virtualKeys"]);
    }

    [Fact]
    public void Go_header_config_from_a_raw_string_constant_gives_each_target_with_its_region()
    {
        var model = Read("go/portkey_client.go");
        Assert.Equal(["provider:portkey-target:bedrock", "provider:portkey-target:vertex-ai"], UnderGateway(model, "provider:portkey"));
        Assert.Equal(("eu-central-1", 14), (model.Find("provider:portkey-target:bedrock")!.Region!.Value, model.Find("provider:portkey-target:bedrock")!.Region!.Evidence.Line));
        Assert.Equal("europe-west4", model.Find("provider:portkey-target:vertex-ai")!.Region!.Value);
        Assert.DoesNotContain(model.Components, c => c.Id is "provider:portkey-target:groq" or "provider:portkey-target:perplexity-ai");
    }

    [Fact]
    public void Java_headers_give_a_saved_config_and_one_target_from_provider_and_virtual_key()
    {
        var model = Read("java/PortkeyRouting.java");
        Assert.Equal(["provider:portkey-target:anthropic", "provider:portkey-target:config pc-assist-0c91d2"], UnderGateway(model, "provider:portkey"));
        Assert.Equal(["claude-prod"], (string[])model.Find("provider:portkey-target:anthropic")!.Attributes["virtualKeys"]!);
        Assert.DoesNotContain(model.Components, c => c.Id.Contains("pc-example", StringComparison.Ordinal) || c.Id.Contains("old-openai-key", StringComparison.Ordinal));
    }

    private const string CSharpClient = """
        using System.Net.Http;
        using System.Text.Json;

        namespace Acme.Support;

        public sealed class PortkeyChat
        {
            private const string SavedConfig = "pc-support-c51d";

            public static HttpClient Create(bool eu)
            {
                var http = new HttpClient { BaseAddress = new Uri("https://api.portkey.ai/v1/") };
                // http.DefaultRequestHeaders.Add("x-portkey-provider", "deepseek");
                http.DefaultRequestHeaders.Add("x-portkey-config", JsonSerializer.Serialize(new
                {
                    strategy = new { mode = "fallback" },
                    cache = new { mode = "simple", max_age = 900 },
                    targets = new object[]
                    {
                        new { provider = "openai", virtual_key = "openai-eu" },
                        new { provider = "anthropic", override_params = new { model = "claude-sonnet-4-5" } },
                    },
                }));
                if (eu)
                {
                    http.DefaultRequestHeaders.Add("x-portkey-config", SavedConfig);
                }

                _logger.LogInformation("x-portkey-provider {Provider}", "cohere");
                return http;
            }

            public Task<HttpResponseMessage> Ask(HttpClient http, string prompt) =>
                http.PostAsJsonAsync("chat/completions", new { model = "gpt-4o", messages = new[] { new { role = "user", content = prompt } } });
        }
        """;

    [Fact]
    public void CSharp_header_with_a_serialized_config_object_and_a_saved_config_id()
    {
        var file = new GatewayAudit.Core.Readers.InputFile("src/PortkeyChat.cs", "/scan/src/PortkeyChat.cs", CSharpClient, namedExplicitly: false);
        var result = new CSharpSourceReader().Read(file);
        var model = result.Fragment;
        Assert.Equal(
            ["provider:portkey-target:anthropic", "provider:portkey-target:config pc-support-c51d", "provider:portkey-target:openai"],
            UnderGateway(model, "provider:portkey"));
        Assert.Equal((900L, 17), (model.Find("cache:portkey")!.Attributes["ttlSeconds"], model.Find("cache:portkey")!.Evidence.First().Line));
        Assert.Equal(["openai-eu"], (string[])model.Find("provider:portkey-target:openai")!.Attributes["virtualKeys"]!);
        Assert.Equal(["claude-sonnet-4-5"], (string[])model.Find("provider:portkey-target:anthropic")!.Attributes["models"]!);
        Assert.DoesNotContain(model.Components, c => c.Id is "provider:portkey-target:deepseek" or "provider:portkey-target:cohere");
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == GatewayAudit.Core.Model.DiagnosticSeverity.Error);
    }

    // Portkey's open-source gateway run by the team (its default port is 8787), reached through an HttpClient whose
    // base address is the gateway, with the routing in headers set on that client.
    private const string CSharpSelfHostedHttp = """
        using System.Net.Http;
        using System.Net.Http.Json;

        namespace Acme.Assist.Llm;

        public sealed class GatewayChat
        {
            private readonly HttpClient _http;

            public GatewayChat()
            {
                _http = new HttpClient { BaseAddress = new Uri("http://portkey-gateway:8787/v1/") };
                _http.DefaultRequestHeaders.Add("x-portkey-provider", "anthropic");
                _http.DefaultRequestHeaders.Add("x-portkey-virtual-key", "anthropic-eu");
            }

            public Task<HttpResponseMessage> Ask(string prompt) =>
                _http.PostAsJsonAsync("chat/completions", new { model = "claude-sonnet-4-5", messages = new[] { new { role = "user", content = prompt } } });
        }
        """;

    // The shape of Portkey's C# guide (the OpenAI .NET client with its endpoint set and a pipeline policy that adds the
    // x-portkey-* headers), pointed at a gateway on the developer's own machine instead of api.portkey.ai.
    private const string CSharpSelfHostedSdk = """
        using System.ClientModel;
        using System.ClientModel.Primitives;
        using OpenAI;
        using OpenAI.Chat;

        namespace Acme.Assist.Llm;

        public static class LocalPortkey
        {
            private sealed class HeaderPolicy(Dictionary<string, string> headers) : PipelinePolicy
            {
                public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int index)
                {
                    foreach (var header in headers) message.Request.Headers.Set(header.Key, header.Value);
                    ProcessNext(message, pipeline, index);
                }

                public override ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int index)
                {
                    foreach (var header in headers) message.Request.Headers.Set(header.Key, header.Value);
                    return ProcessNextAsync(message, pipeline, index);
                }
            }

            public static ChatClient Create(string apiKey)
            {
                var options = new OpenAIClientOptions { Endpoint = new Uri("http://localhost:8787/v1") };
                options.AddPolicy(new HeaderPolicy(new Dictionary<string, string>
                {
                    { "x-portkey-config", "{\"strategy\":{\"mode\":\"fallback\"},\"targets\":[{\"provider\":\"openai\"},{\"provider\":\"mistral-ai\"}]}" },
                }), PipelinePosition.PerCall);
                return new ChatClient("gpt-4o", new ApiKeyCredential(apiKey), options);
            }
        }
        """;

    private static StackModel CSharp(string path, string text) =>
        new CSharpSourceReader().Read(new GatewayAudit.Core.Readers.InputFile(path, "/scan/" + path, text, namedExplicitly: false)).Fragment;

    [Theory]
    [InlineData("http", "gateway:portkey:portkey-gateway", new[] { "provider:portkey-target:anthropic" })]
    [InlineData("sdk", "gateway:portkey:localhost", new[] { "provider:portkey-target:mistral-ai", "provider:portkey-target:openai" })]
    public void CSharp_headers_on_a_client_whose_base_is_a_self_hosted_gateway_are_operator_hosted(string shape, string own, string[] targets)
    {
        var model = CSharp("src/Llm/Gateway.cs", shape == "http" ? CSharpSelfHostedHttp : CSharpSelfHostedSdk);
        var gateway = model.Find(own)!;
        Assert.Equal((ComponentRole.Gateway, Hosting.OperatorHosted), (gateway.Role, gateway.Hosting));
        Assert.Equal(targets, UnderGateway(model, own));
        Assert.Contains(DataCategory.Prompt, Assert.Single(model.FlowsInto(own), f => f.From == "app:code").DataCategories);

        // Neither Portkey's hosted gateway nor a second row for the same server as "self-hosted inference".
        Assert.DoesNotContain(model.Components, c => c.Id == "provider:portkey" || c.Id.StartsWith("inference:", StringComparison.Ordinal));
        Assert.DoesNotContain(model.Components, c => c.Hosting == Hosting.ThirdParty && c.SubProcessorOf is null);
    }
}
