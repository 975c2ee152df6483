namespace GatewayAudit.Core.Tests.Readers.Gateways;

/// <summary>
/// Gateway files in the shape real repositories hold them (request bodies kept for replay or tests, provider
/// preference files, Portkey configs, Helicone and Cloudflare AI Gateway client settings), with the line numbers the
/// tests point at. Keys and tokens are fake.
/// </summary>
internal static class GatewayFixtures
{
    // An agent's saved request to OpenRouter's EU host: a model with a fallback list, provider preferences and plugins.
    public const string OpenRouterRequest = """
        {
          "base_url": "https://eu.openrouter.ai/api/v1",
          "model": "anthropic/claude-sonnet-4.5",
          "models": ["anthropic/claude-sonnet-4.5", "openai/gpt-4o"],
          "provider": {
            "order": ["anthropic", "amazon-bedrock"],
            "allow_fallbacks": false,
            "data_collection": "deny",
            "zdr": true
          },
          "transforms": ["middle-out"],
          "messages": [{"role": "user", "content": "Summarise the ticket"}]
        }
        """;

    // A preferences-only YAML the team merges into every request.
    public const string OpenRouterPreferencesYaml = """
        # shared OpenRouter routing for the support agent
        provider:
          data_collection: allow
          sort: price
          ignore: [deepinfra]
        """;

    // Must not be found: a plain OpenAI chat request (a slug-like model would still need an OpenRouter field).
    public const string OpenAiRequest = """
        {
          "model": "gpt-4o-mini",
          "messages": [{"role": "system", "content": "You are terse."}, {"role": "user", "content": "hi"}],
          "temperature": 0.2
        }
        """;

    public const string OpenAiCompatibleSlugRequest = """
        {"model": "meta-llama/Llama-3.3-70B-Instruct", "messages": [{"role": "user", "content": "hi"}], "max_tokens": 64}
        """;

    // Must not be found: a package.json naming the SDKs and a JSON Schema describing an OpenRouter request.
    public const string PackageJson = """
        {
          "name": "support-agent",
          "version": "1.4.0",
          "dependencies": {"@openrouter/ai-sdk-provider": "^1.2.0", "portkey-ai": "^1.9.0", "openai": "^4.77.0"},
          "scripts": {"start": "node dist/index.js"}
        }
        """;

    public const string JsonSchema = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "title": "OpenRouter request",
          "type": "object",
          "properties": {
            "model": {"type": "string", "examples": ["openrouter/auto"]},
            "provider": {"type": "object", "properties": {"zdr": {"type": "boolean"}, "data_collection": {"enum": ["allow", "deny"]}}},
            "strategy": {"type": "object", "properties": {"mode": {"enum": ["fallback", "loadbalance"]}}},
            "targets": {"type": "array"}
          }
        }
        """;

    // A Portkey config: fallback from a load-balanced OpenAI/Azure pair to Anthropic, then a Bedrock target; a cache
    // with max_age, retries, guardrails (one of them a partner's check) and a self-hosted vLLM target.
    public const string PortkeyFallback = """
        {
          "strategy": {"mode": "fallback", "on_status_codes": [429, 503]},
          "cache": {"mode": "semantic", "max_age": 604800},
          "retry": {"attempts": 3},
          "input_guardrails": ["pg-pii-redact-01", {"id": "pg-inline", "checks": [{"id": "pangea.textGuard"}]}],
          "targets": [
            {
              "strategy": {"mode": "loadbalance"},
              "targets": [
                {"provider": "openai", "api_key": "sk-proj-portkeyfixture0123456789abcdef", "weight": 0.7, "override_params": {"model": "gpt-4o"}},
                {"virtual_key": "azure-eu-prod-4f2a", "weight": 0.3}
              ]
            },
            {"provider": "@anthropic-prod", "override_params": {"model": "claude-sonnet-4-5"}, "forward_headers": ["x-user-id"]},
            {"provider": "bedrock", "aws_region": "eu-central-1", "override_params": {"model": "anthropic.claude-3-haiku-20240307-v1:0"}},
            {"provider": "openai", "custom_host": "http://vllm.inference.svc.cluster.local:8000/v1", "override_params": {"model": "llama-3.1-8b"}}
          ]
        }
        """;

    // The same shape in camelCase YAML, pointed at the team's own Portkey gateway.
    public const string PortkeyCamelSelfHosted = """
        baseURL: http://portkey-gateway:8787/v1
        config:
          strategy:
            mode: single
          targets:
            - provider: anthropic
              overrideParams:
                model: claude-sonnet-4-5
              customHost: https://api.anthropic.com
        """;

    // A service's LLM client settings routed through Helicone's EU gateway to OpenAI, with omit and cache headers.
    public const string HeliconeOmit = """
        {
          "llm": {
            "base_url": "https://eu.helicone.ai/v1",
            "model": "gpt-4o-mini",
            "default_headers": {
              "Helicone-Target-URL": "https://api.openai.com",
              "Helicone-Omit-Request": "true",
              "Helicone-Omit-Response": "false",
              "Helicone-Cache-Enabled": "true",
              "Cache-Control": "max-age=3600"
            }
          }
        }
        """;

    // Helicone's generic gateway forwarding to Groq, in YAML.
    public const string HeliconeTargetYaml = """
        openai:
          api_base: https://gateway.helicone.ai/v1
          headers:
            Helicone-Auth: Bearer sk-helicone-eu-0123456789abcdefghij
            Helicone-Target-URL: https://api.groq.com/openai
        """;

    // A Cloudflare AI Gateway base URL per provider, with per-request logging and cache headers.
    public const string CloudflareGateway = """
        {
          "anthropic": {
            "baseURL": "https://gateway.ai.cloudflare.com/v1/0123456789abcdef0123456789abcdef/support-prod/anthropic",
            "headers": {"x-api-key": "${ANTHROPIC_API_KEY}", "cf-aig-collect-log-payload": "false", "cf-aig-cache-ttl": "172800"}
          },
          "fallback": {"baseURL": "https://gateway.ai.cloudflare.com/v1/0123456789abcdef0123456789abcdef/support-prod/workers-ai"}
        }
        """;
}
