namespace GatewayAudit.Core.Readers.LiteLlm;

/// <summary>
/// Guardrail names LiteLLM accepts in <c>guardrails[].litellm_params.guardrail</c> (the SupportedGuardrailIntegrations
/// enum in litellm/types/guardrails.py, read 2026-11-30) and the older guardrail callbacks in
/// <c>litellm_settings.callbacks</c> (litellm/proxy/common_utils/callback_utils.py, initialize_callbacks_on_proxy),
/// and who runs each: a vendor's service, code inside the proxy, or a service the operator deploys.
/// </summary>
internal static class LiteLlmGuardrails
{
    internal enum Runs
    {
        /// <summary>Calls the vendor's service: a third party (unless api_base points inside the operator's network).</summary>
        Vendor,

        /// <summary>Runs inside the proxy process: not a party.</summary>
        InProcess,

        /// <summary>Calls a service whose address the operator sets (Presidio, Guardrails AI server): hosting from that address.</summary>
        Service,

        /// <summary>A name LiteLLM knows whose service gateway-audit has not classified: hosting unknown.</summary>
        Unclassified,
    }

    /// <param name="AddressVariables">Environment variables the integration reads its address from when api_base is not set.</param>
    /// <param name="DefaultAddress">The address LiteLLM uses when neither is set (source: the integration's code).</param>
    internal sealed record Info(Runs Runs, string Name, string? Vendor = null, string[]? AddressVariables = null, string? DefaultAddress = null, string? AddressKey = null);

    private static Info Vendor(string vendor, string name, params string[] variables) => new(Runs.Vendor, name, vendor, variables);

    private static Info InProcess(string what) => new(Runs.InProcess, what);

    private static Info Unclassified(string name) => new(Runs.Unclassified, name);

    public static IReadOnlyDictionary<string, Info> ByName { get; } = new Dictionary<string, Info>(StringComparer.Ordinal)
    {
        ["aporia"] = Vendor("aporia", "Aporia", "APORIA_API_BASE"),
        ["bedrock"] = Vendor("aws-bedrock", "Amazon Bedrock Guardrails"),
        ["dynamoai"] = Vendor("dynamo-ai", "Dynamo AI"),
        // Guardrails AI's server is open source and LiteLLM calls http://0.0.0.0:8000 unless told otherwise
        // (litellm/proxy/guardrails/guardrail_hooks/guardrails_ai: api_base or GUARDRAILS_AI_API_BASE or that default).
        ["guardrails_ai"] = new(Runs.Service, "Guardrails AI server", null, ["GUARDRAILS_AI_API_BASE"], "http://0.0.0.0:8000"),
        ["lakera"] = Vendor("lakera", "Lakera Guard", "LAKERA_API_BASE"),
        ["lakera_v2"] = Vendor("lakera", "Lakera Guard", "LAKERA_API_BASE"),
        // The Presidio analyzer and anonymizer are Microsoft's open-source services the operator runs; LiteLLM reads
        // presidio_analyzer_api_base or PRESIDIO_ANALYZER_API_BASE (guardrail_hooks/presidio.py, validate_environment).
        ["presidio"] = new(Runs.Service, "Presidio PII analyzer", null, ["PRESIDIO_ANALYZER_API_BASE"], null, "presidio_analyzer_api_base"),
        ["hide-secrets"] = InProcess("secret detection (hide-secrets)"),
        ["hiddenlayer"] = Vendor("hiddenlayer", "HiddenLayer"),
        ["aim"] = Vendor("aim-security", "Aim Security"),
        ["cato_networks"] = Vendor("cato-networks", "Cato Networks", "CATO_API_BASE"),
        ["pangea"] = Vendor("pangea", "Pangea AI Guard"),
        ["crowdstrike_aidr"] = Vendor("crowdstrike", "CrowdStrike AIDR"),
        ["lasso"] = Vendor("lasso-security", "Lasso Security"),
        ["pillar"] = Vendor("pillar-security", "Pillar Security"),
        ["grayswan"] = Vendor("gray-swan", "Gray Swan Cygnal"),
        ["panw_prisma_airs"] = Vendor("palo-alto-networks", "Palo Alto Networks Prisma AIRS"),
        ["cisco_ai_defense"] = Vendor("cisco-ai-defense", "Cisco AI Defense"),
        ["azure/prompt_shield"] = Vendor("azure-ai-content-safety", "Azure AI Content Safety Prompt Shields"),
        ["azure/text_moderations"] = Vendor("azure-ai-content-safety", "Azure AI Content Safety text moderation"),
        ["model_armor"] = Vendor("google-model-armor", "Google Cloud Model Armor"),
        ["openai_moderation"] = Vendor("openai", "OpenAI moderation"),
        ["noma"] = Vendor("noma-security", "Noma Security"),
        ["noma_v2"] = Vendor("noma-security", "Noma Security"),
        ["tool_permission"] = InProcess("tool permission checks (tool_permission)"),
        ["zscaler_ai_guard"] = Vendor("zscaler", "Zscaler AI Guard"),
        ["javelin"] = Vendor("javelin", "Javelin"),
        ["enkryptai"] = Vendor("enkrypt-ai", "Enkrypt AI"),
        // IBM's guardrails orchestrator (FMS Guardrails) is reached at the base URL the operator gives; it can be
        // self-hosted or IBM's, so the address decides.
        ["ibm_guardrails"] = new(Runs.Service, "IBM guardrails orchestrator", null, null, null, "base_url"),
        ["litellm_content_filter"] = InProcess("content filter (litellm_content_filter)"),
        ["mcp_security"] = Unclassified("MCP security guardrail"),
        // Onyx, XecGuard and PromptGuard default to the vendor's host (ai-guard.onyx.security,
        // api-xecguard.cycraft.ai, api.promptguard.co in their guardrail_hooks modules).
        ["onyx"] = Vendor("onyx-security", "Onyx Security AI Guard", "ONYX_API_BASE"),
        ["promptguard"] = Vendor("promptguard", "PromptGuard", "PROMPTGUARD_API_BASE"),
        ["xecguard"] = Vendor("cycraft-xecguard", "CyCraft XecGuard", "XECGUARD_API_BASE"),
        ["prompt_security"] = Vendor("prompt-security", "Prompt Security"),
        ["generic_guardrail_api"] = new(Runs.Service, "Generic guardrail API"),
        ["qualifire"] = Vendor("qualifire", "Qualifire"),
        ["custom_code"] = InProcess("custom code guardrail (custom_code, sandboxed in the proxy)"),
        ["ovalix"] = Unclassified("Ovalix guardrail"),
        ["microsoft_purview"] = Vendor("microsoft-purview", "Microsoft Purview"),
        ["semantic_guard"] = Unclassified("Semantic guard"),
        ["mcp_end_user_permission"] = InProcess("MCP end-user permission checks (mcp_end_user_permission)"),
        ["block_code_execution"] = InProcess("code-execution blocking (block_code_execution)"),
        ["akto"] = Vendor("akto", "Akto"),
        ["mcp_jwt_signer"] = InProcess("MCP JWT signing (mcp_jwt_signer)"),
        // Judges with a model of the proxy's own model_list: the judge model is listed with the other deployments.
        ["llm_as_a_judge"] = InProcess("LLM-as-a-judge guardrail (llm_as_a_judge, using a model from model_list)"),
        ["qostodian_nexus"] = Vendor("qohash", "Qohash Qostodian Nexus"),
        ["rubrik"] = Vendor("rubrik", "Rubrik"),
        ["vigil_guard"] = Unclassified("Vigil Guard"),
        ["repelloai"] = Vendor("repello-ai", "Repello AI"),
        ["headroom"] = Unclassified("Headroom guardrail"),

        // Older guardrail callbacks (litellm_settings.callbacks), callback_utils.py initialize_callbacks_on_proxy.
        ["detect_prompt_injection"] = InProcess("prompt-injection detection (detect_prompt_injection)"),
        ["hide_secrets"] = InProcess("secret detection (hide_secrets)"),
        ["banned_keywords"] = InProcess("banned keywords (banned_keywords)"),
        ["blocked_user_check"] = InProcess("blocked user list (blocked_user_check)"),
        ["llamaguard_moderations"] = InProcess("Llama Guard moderation (llamaguard_moderations, using a model from model_list)"),
        ["openai_moderations"] = Vendor("openai", "OpenAI moderation"),
        ["lakera_prompt_injection"] = Vendor("lakera", "Lakera Guard", "LAKERA_API_BASE"),
        ["aporia_prompt_injection"] = Vendor("aporia", "Aporia", "APORIA_API_BASE"),
        ["google_text_moderation"] = Vendor("google-cloud-natural-language", "Google Cloud Natural Language text moderation"),
        ["azure_content_safety"] = Vendor("azure-ai-content-safety", "Azure AI Content Safety"),
        ["llmguard_moderations"] = new(Runs.Service, "LLM Guard API", null, ["LLM_GUARD_API_BASE"]),
    };

    /// <summary>The names LiteLLM's callbacks list treats as guardrails (the older form), as opposed to loggers.</summary>
    public static IReadOnlySet<string> CallbackNames { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "presidio", "detect_prompt_injection", "hide_secrets", "banned_keywords", "blocked_user_check", "llamaguard_moderations",
        "openai_moderations", "lakera_prompt_injection", "aporia_prompt_injection", "google_text_moderation", "azure_content_safety",
        "llmguard_moderations",
    };
}
