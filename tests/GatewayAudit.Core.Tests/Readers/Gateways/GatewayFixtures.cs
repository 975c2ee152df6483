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
}
