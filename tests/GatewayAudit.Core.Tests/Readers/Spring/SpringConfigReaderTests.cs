using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers;
using GatewayAudit.Core.Readers.Gateways;
using GatewayAudit.Core.Readers.Spring;
using static GatewayAudit.Core.Tests.Readers.Spring.SpringFixtures;

namespace GatewayAudit.Core.Tests.Readers.Spring;

/// <summary>
/// Spring Boot configuration: the model clients Spring AI, LangChain4j and Quarkus build from properties are parties
/// with the property's file:line, resolved as a base URL in code is; switched-off clients and files with no AI settings
/// list nothing.
/// </summary>
public sealed class SpringConfigReaderTests
{
    private static ReaderResult Read(string name, string text)
    {
        var file = new InputFile(name, "/scan/" + name, text, namedExplicitly: false);
        var taker = ReaderRegistry.Default.First(r => r.OffersFileName(file.FileName) && r.Recognizes(file));
        Assert.IsType<SpringConfigReader>(taker);
        var result = taker.Read(file);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        return result;
    }

    [Fact]
    public void Ollama_with_no_base_url_is_the_operators_server_at_spring_ais_default_address()
    {
        var model = Read("src/main/resources/application.yaml", OllamaAndOpenRouterYaml).Fragment;
        var ollama = model.Get("inference:localhost:ollama");
        Assert.Equal((ComponentRole.SelfHostedInference, Hosting.OperatorHosted), (ollama.Role, ollama.Hosting));
        Assert.Equal("Ollama", ollama.Attributes["server"]);
        Assert.Contains(ollama.Evidence, e => e.Line == 15);
        Assert.Contains(ollama.Notes, n => n.Contains("documented default http://localhost:11434", StringComparison.Ordinal));
        Assert.Equal(["llama3"], (string[])ollama.Attributes["models"]!);
    }

    [Fact]
    public void An_openai_base_url_at_openrouter_names_openrouter_at_that_line_with_the_model_routed_under_it()
    {
        var model = Read("src/main/resources/application.yaml", OllamaAndOpenRouterYaml).Fragment;
        var openRouter = model.Get(OpenRouterRoutes.Id);
        Assert.Equal((ComponentRole.Gateway, Hosting.ThirdParty, "openrouter"), (openRouter.Role, openRouter.Hosting, openRouter.Vendor));
        Assert.Contains(openRouter.Evidence, e => e.Line == 18);
        Assert.Contains(openRouter.Notes, n => n.Contains("Configured by Spring AI from the spring.ai.openai.* properties", StringComparison.Ordinal));
        var route = Assert.Single(model.Components, c => c.SubProcessorOf == OpenRouterRoutes.Id);
        Assert.Contains("mistralai/mistral-small-3.2-24b-instruct:free", (string[])route.Attributes["models"]!);
        Assert.Contains((string[])openRouter.Attributes["lockIn"]!, l => l.Contains("base-url https://openrouter.ai/api", StringComparison.Ordinal));
        Assert.Null(model.Find("provider:openai"));
    }

    // A masked key committed as `api-key: ********` is an alias to no anchor: Spring cannot load the file either.
    private const string MaskedKeyYaml = """
        spring:
          ai:
            deepseek:
              api-key: ********
              chat:
                options:
                  model: deepseek-chat
        """;

    [Fact]
    public void A_found_spring_file_with_a_masked_key_is_read_with_the_mask_as_text_and_a_warning_that_never_echoes_it()
    {
        var file = new InputFile("src/main/resources/application.yml", "/scan/application.yml", MaskedKeyYaml, namedExplicitly: false);
        var result = new SpringConfigReader().Read(file);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticSeverity.Warning, "yaml-masked-value", 4), (warning.Severity, warning.Code, warning.Location.Line));
        Assert.DoesNotContain("****", warning.Message, StringComparison.Ordinal);
        var deepSeek = Assert.Single(result.Fragment.Components, c => c.Vendor == "deepseek");
        Assert.Contains(deepSeek.Evidence, e => e.Line == 7); // the model below the masked key is read
        Assert.Equal(0, result.Secrets.Count);
    }

    // An alias with a name is no mask: the file stays unread, with the warning that says what is missing.
    [Fact]
    public void A_found_spring_file_that_is_not_valid_yaml_is_a_warning_naming_what_was_not_read_and_never_echoes_the_value()
    {
        var file = new InputFile("src/main/resources/application.yml", "/scan/application.yml", MaskedKeyYaml.Replace("********", "*deepseekKey1", StringComparison.Ordinal), namedExplicitly: false);
        var result = new SpringConfigReader().Read(file);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticSeverity.Warning, "yaml-unknown-alias", 4), (warning.Severity, warning.Code, warning.Location.Line));
        Assert.Contains("not read as Spring configuration", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("deepseekKey1", warning.Message, StringComparison.Ordinal);
        Assert.Empty(result.Fragment.Components);
    }

    [Fact]
    public void Masked_values_are_quoted_on_their_own_lines_and_nothing_else_is_touched()
    {
        var (text, lines) = MaskedValues.Quote("a: ********\nb: '***'\nc: *anchor\n- ****  # hidden\nd: x***\n")!.Value;
        Assert.Equal("a: \"********\"\nb: '***'\nc: *anchor\n- \"****\"  # hidden\nd: x***\n", text);
        Assert.Equal([1, 4], lines);
        Assert.Null(MaskedValues.Quote("a: *anchor\nb: '****'\n"));
    }

    [Fact]
    public void A_spring_file_the_user_named_that_is_not_valid_yaml_stays_an_error()
    {
        var file = new InputFile("application.yml", "/scan/application.yml", MaskedKeyYaml, namedExplicitly: true);
        var error = Assert.Single(new SpringConfigReader().Read(file).Diagnostics);
        Assert.Equal((DiagnosticSeverity.Error, "yaml-unknown-alias"), (error.Severity, error.Code));
    }

    [Fact]
    public void A_spring_file_without_ai_settings_is_read_and_lists_no_party()
    {
        var model = Read("application.yml", PlainSpringYaml).Fragment;
        Assert.Empty(model.Components);
        Assert.Empty(model.Flows);
    }

    [Fact]
    public void A_chat_model_switched_off_is_not_listed_and_the_other_client_still_is()
    {
        var model = Read("application.yml", OpenAiChatDisabledYaml).Fragment;
        Assert.Null(model.Find("provider:openai"));
        Assert.Equal(ComponentRole.ModelProvider, model.Get("provider:anthropic").Role);
    }

    [Fact]
    public void Spring_ai_model_chat_selects_one_client_in_a_properties_file()
    {
        var model = Read("application.properties", SelectorProperties).Fragment;
        Assert.Null(model.Find("provider:openai"));
        var ollama = model.Get("inference:ollama");
        Assert.Equal((Hosting.OperatorHosted, 4), (ollama.Hosting, ollama.Evidence.Min()!.Line));
    }

    [Fact]
    public void Relaxed_names_and_placeholders_resolve_to_the_default_or_to_an_unknown_address()
    {
        var model = Read("application-dev.properties", PlaceholderProperties).Fragment;
        var vllm = model.Get("inference:vllm.internal");
        Assert.Equal(Hosting.OperatorHosted, vllm.Hosting);
        Assert.Contains(vllm.Notes, n => n.Contains("it runs unless LLM_BASE_URL is set", StringComparison.Ordinal));
        var mistral = model.Get("provider:env:MISTRAL_BASE_URL");
        Assert.Equal(Hosting.Unknown, mistral.Hosting);
        Assert.Contains(mistral.Notes, n => n.Contains("with no default", StringComparison.Ordinal));
        Assert.Null(model.Find("provider:mistral"));
    }

    [Fact]
    public void A_literal_api_key_is_a_secret_finding_and_is_never_echoed()
    {
        var result = Read("application-dev.properties", PlaceholderProperties);
        var secret = Assert.Single(result.Fragment.Secrets);
        Assert.Equal(4, secret.Location.Line);
        Assert.DoesNotContain(AnthropicKey, secret.Redacted, StringComparison.Ordinal);
        Assert.DoesNotContain(AnthropicKey, result.Secrets.Scrub(AnthropicKey), StringComparison.Ordinal);
        Assert.DoesNotContain(result.Fragment.Components.SelectMany(c => c.Notes), n => n.Contains(AnthropicKey, StringComparison.Ordinal));
    }

    [Fact]
    public void Azure_openai_bedrock_and_vertex_ai_are_named_with_their_endpoint_region_and_project()
    {
        var model = Read("config/application-prod.yml", CloudProfileYaml).Fragment;
        Assert.Equal(5, model.Get("provider:azure-openai").Evidence.Min()!.Line);
        var bedrock = model.Get("provider:aws-bedrock");
        Assert.Equal(("eu-central-1", 11), (bedrock.Region!.Value, bedrock.Region.Evidence.Line));
        var vertex = model.Get("provider:google-vertex-ai");
        Assert.Equal("europe-west4", vertex.Region!.Value);
        Assert.Contains(vertex.Notes, n => n.Contains("project acme-prod", StringComparison.Ordinal));
    }

    [Fact]
    public void Langchain4j_at_the_teams_litellm_proxy_is_the_gateway_not_a_third_party()
    {
        var model = Read("bootstrap.yml", LangChain4jYaml).Fragment;
        var proxy = model.Get("gateway:litellm-proxy");
        Assert.Equal(Hosting.OperatorHosted, proxy.Hosting);
        Assert.Null(model.Find("provider:openai"));
    }

    [Fact]
    public void Quarkus_langchain4j_base_url_names_openrouter()
    {
        var model = Read("src/main/resources/application.properties", QuarkusProperties).Fragment;
        Assert.Equal(2, model.Get(OpenRouterRoutes.Id).Evidence.Min()!.Line);
    }

    [Fact]
    public void A_key_alone_is_the_default_address_in_the_base_file_but_not_in_a_profile_file_that_overlays_it()
    {
        const string keyOnly = "spring.ai.openai.api-key=${OPENAI_API_KEY}\n";
        var openai = Read("application.properties", keyOnly).Fragment.Get("provider:openai");
        Assert.Contains(openai.Notes, n => n.Contains("documented default https://api.openai.com", StringComparison.Ordinal));
        Assert.DoesNotContain(Read("application-local.properties", keyOnly).Fragment.Components, c => c.Role == ComponentRole.ModelProvider);
    }

    [Theory]
    [InlineData("application.yml", true)]
    [InlineData("application-prod.yaml", true)]
    [InlineData("bootstrap.properties", true)]
    [InlineData("my-application.yml", false)]
    [InlineData("application.json", false)]
    public void Only_spring_boots_config_names_are_offered(string name, bool offered) =>
        Assert.Equal(offered, new SpringConfigReader().OffersFileName(name));

    [Fact]
    public void An_apps_own_list_of_openrouter_models_is_not_taken_for_a_request_body()
    {
        var file = new InputFile("config/models.yaml", "/scan/config/models.yaml", AppModelListYaml, namedExplicitly: false);
        Assert.False(new OpenRouterFileReader().Recognizes(file));
    }
}
