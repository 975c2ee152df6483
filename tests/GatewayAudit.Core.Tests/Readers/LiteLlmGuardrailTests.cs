using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers.LiteLlm;
using static GatewayAudit.Core.Tests.ReaderHarness;

namespace GatewayAudit.Core.Tests.Readers;

/// <summary>
/// Guardrails: a vendor's service is a third party with a catalog entry; code that runs inside the proxy is no party;
/// a service the operator deploys (Presidio) is hosted where its address says; custom classes are operator code.
/// </summary>
public sealed class LiteLlmGuardrailTests
{
    private const string Head = """
        model_list:
          - model_name: m
            litellm_params: {model: openai/gpt-4o}
        guardrails:
          - guardrail_name: g
            litellm_params:

        """;

    private static string Guardrail(string name, string extra = "") => Head + $"      guardrail: {name}\n      mode: pre_call\n{extra}";

    // SupportedGuardrailIntegrations in litellm/types/guardrails.py (read 2026-11-30): every name is mapped.
    public static TheoryData<string> LiteLlmGuardrailNames() => new()
    {
        "aporia", "bedrock", "dynamoai", "guardrails_ai", "lakera", "lakera_v2", "presidio", "hide-secrets", "hiddenlayer", "aim",
        "cato_networks", "pangea", "crowdstrike_aidr", "lasso", "pillar", "grayswan", "panw_prisma_airs", "cisco_ai_defense",
        "azure/prompt_shield", "azure/text_moderations", "model_armor", "openai_moderation", "noma", "noma_v2", "tool_permission",
        "zscaler_ai_guard", "javelin", "enkryptai", "ibm_guardrails", "litellm_content_filter", "mcp_security", "onyx", "promptguard",
        "xecguard", "prompt_security", "generic_guardrail_api", "qualifire", "custom_code", "ovalix", "microsoft_purview",
        "semantic_guard", "mcp_end_user_permission", "block_code_execution", "akto", "mcp_jwt_signer", "llm_as_a_judge",
        "qostodian_nexus", "rubrik", "vigil_guard", "repelloai", "headroom",
    };

    [Theory]
    [MemberData(nameof(LiteLlmGuardrailNames))]
    public void Every_guardrail_litellm_defines_is_mapped_without_a_warning(string name)
    {
        Assert.True(LiteLlmGuardrails.ByName.ContainsKey(name));
        Assert.DoesNotContain(Read(Guardrail(name)).Diagnostics, d => d.Code == "litellm-unknown-guardrail");
    }

    [Fact]
    public void Every_guardrail_vendor_has_a_catalog_entry_of_kind_guardrail_or_a_known_provider()
    {
        var missing = LiteLlmGuardrails.ByName.Values.Select(g => g.Vendor).OfType<string>().Distinct()
            .Where(v => ShippedCatalog.Find(v) is null).ToList();
        Assert.True(missing.Count == 0, "guardrail vendors without policies/catalog/ID.yaml: " + string.Join(", ", missing));
    }

    [Theory]
    [InlineData("litellm_content_filter")]
    [InlineData("tool_permission")]
    [InlineData("custom_code")]
    [InlineData("hide-secrets")]
    [InlineData("block_code_execution")]
    public void In_process_guardrails_are_no_party_and_fire_no_unidentified_party_finding(string name)
    {
        var yaml = Guardrail(name);
        var model = ReadClean(yaml);
        Assert.DoesNotContain(model.Components, c => c.Role == ComponentRole.Guardrail);
        Assert.Contains(name, (string[])model.Get(LiteLlmConfigReader.GatewayId).Attributes["inProcessHooks"]!);
        Assert.Contains($"{Cfg}:7", model.Get(LiteLlmConfigReader.GatewayId).Lines());
        Assert.DoesNotContain(Scan(yaml).Findings, f => f.RuleId == "prompts-reach-unidentified-party");
    }

    [Theory]
    [InlineData("lakera_v2", "lakera")]
    [InlineData("panw_prisma_airs", "palo-alto-networks")]
    [InlineData("azure/prompt_shield", "azure-ai-content-safety")]
    [InlineData("model_armor", "google-model-armor")]
    [InlineData("pangea", "pangea")]
    [InlineData("openai_moderation", "openai")]
    public void Vendor_guardrails_are_third_parties_in_the_guardrail_role(string name, string vendor)
    {
        var result = Scan(Guardrail(name));
        var guard = result.Model.Components.Single(c => c.Role == ComponentRole.Guardrail);
        Assert.Equal((vendor, Hosting.ThirdParty), (guard.Vendor, guard.Hosting));
        Assert.Equal("guardrail", EnumText.Of(guard.Role));
        Assert.DoesNotContain(result.Findings, f => f.RuleId == "prompts-reach-unidentified-party");
    }

    [Fact]
    public void A_vendor_guardrail_pointed_at_a_private_host_is_self_hosted()
    {
        var model = ReadClean(Guardrail("lakera", "      api_base: http://lakera-guard.internal:8000\n"));
        Assert.Equal(Hosting.OperatorHosted, model.Get("guardrail:lakera").Hosting);
    }

    [Fact]
    public void Presidio_beside_the_proxy_is_operator_hosted_from_its_analyzer_address()
    {
        var model = ReadClean(Guardrail("presidio", "      presidio_analyzer_api_base: http://presidio-analyzer:3000\n"));
        var presidio = model.Get("guardrail:presidio");
        Assert.Equal((Hosting.OperatorHosted, "presidio-analyzer"), (presidio.Hosting, presidio.Attributes["host"]));
        Assert.DoesNotContain(model.OpenQuestions, q => q.IsOpen(model) && q.Subject.Contains("Presidio", StringComparison.Ordinal));
    }

    [Fact]
    public void Presidio_takes_its_address_from_the_stack_environment()
    {
        var model = ReadClean("environment_variables:\n  PRESIDIO_ANALYZER_API_BASE: http://localhost:5002\n" + Guardrail("presidio"));
        Assert.Equal(Hosting.OperatorHosted, model.Get("guardrail:presidio").Hosting);
        Assert.Contains($"{Cfg}:2", model.Get("guardrail:presidio").Lines());
    }

    [Fact]
    public void Guardrails_ai_without_an_address_calls_litellms_default_on_the_proxy_host()
    {
        var model = ReadClean(Guardrail("guardrails_ai", "      guard_name: pii\n"));
        Assert.Equal(Hosting.OperatorHosted, model.Get("guardrail:guardrails_ai").Hosting);
        Assert.Contains(model.Get("guardrail:guardrails_ai").Notes, n => n.Contains("0.0.0.0:8000", StringComparison.Ordinal));
    }

    [Fact]
    public void A_custom_guardrail_class_is_operator_code_with_an_open_question()
    {
        var model = ReadClean(Guardrail("custom_guardrail.myCustomGuardrail"));
        var code = model.Get("operator-code:custom_guardrail.myCustomGuardrail");
        Assert.Equal((ComponentRole.OperatorCode, Hosting.OperatorHosted), (code.Role, code.Hosting));
        Assert.Contains(model.OpenQuestions, q => q.Subject == code.Name);
    }

    [Fact]
    public void An_unknown_guardrail_name_stays_unknown_with_a_warning_on_its_line()
    {
        var result = Read(Guardrail("acme_shield"));
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(("litellm-unknown-guardrail", 7), (warning.Code, warning.Location.Line));
        Assert.Equal(Hosting.Unknown, result.Fragment.Get("guardrail:acme_shield").Hosting);
    }

    [Fact]
    public void A_guardrail_switched_on_as_a_callback_is_the_same_guardrail()
    {
        var model = ReadClean("""
            model_list:
              - model_name: m
                litellm_params: {model: openai/gpt-4o}
            litellm_settings:
              callbacks: ["lakera_prompt_injection", "detect_prompt_injection"]
            """);
        Assert.Equal((ComponentRole.Guardrail, "lakera"), (model.Get("guardrail:lakera_prompt_injection").Role, model.Get("guardrail:lakera_prompt_injection").Vendor));
        Assert.Contains("detect_prompt_injection", (string[])model.Get(LiteLlmConfigReader.GatewayId).Attributes["inProcessHooks"]!);
    }

    [Fact]
    public void Custom_provider_map_handlers_are_operator_code_receiving_prompts()
    {
        var model = ReadClean("""
            model_list:
              - model_name: m
                litellm_params: {model: my-custom-llm/my-model}
            litellm_settings:
              custom_provider_map:
                - {provider: my-custom-llm, custom_handler: custom_handler.my_custom_llm}
            """);
        var code = model.Get("operator-code:custom_handler.my_custom_llm");
        Assert.Equal((ComponentRole.OperatorCode, Hosting.OperatorHosted, "my-custom-llm"), (code.Role, code.Hosting, code.Attributes["provider"]));
        Assert.Contains("prompt", model.Flow(LiteLlmConfigReader.GatewayId, code.Id).Categories(), StringComparison.Ordinal);
        Assert.Contains(model.OpenQuestions, q => q.Subject == code.Name);
    }

    // KeyManagementSystem in litellm/types/secret_managers/main.py (read 2026-11-30).
    [Theory]
    [InlineData("google_kms")]
    [InlineData("azure_key_vault")]
    [InlineData("aws_secret_manager")]
    [InlineData("google_secret_manager")]
    [InlineData("hashicorp_vault")]
    [InlineData("cyberark")]
    [InlineData("local")]
    [InlineData("aws_kms")]
    [InlineData("custom")]
    public void Every_secret_manager_litellm_defines_is_mapped(string name)
    {
        Assert.True(LiteLlmDatastores.SecretManagers.ContainsKey(name));
        var result = Read($"model_list:\n  - model_name: m\n    litellm_params: {{model: openai/gpt-4o}}\ngeneral_settings:\n  key_management_system: {name}\n");
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "litellm-unknown-secret-manager");
    }

    [Fact]
    public void An_unknown_secret_manager_stays_unknown_with_a_warning()
    {
        var result = Read("model_list:\n  - model_name: m\n    litellm_params: {model: openai/gpt-4o}\ngeneral_settings:\n  key_management_system: azure_kms\n");
        Assert.Equal(("litellm-unknown-secret-manager", 5), (result.Diagnostics.Single().Code, result.Diagnostics.Single().Location.Line));
        Assert.Equal(Hosting.Unknown, result.Fragment.Get("datastore:key-management").Hosting);
    }
}
