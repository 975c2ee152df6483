namespace GatewayAudit.Cli.Tests.Fuzz;

/// <summary>
/// Inputs in the shape real stacks hold them, each carrying the planted password, for the fuzzer to mutate: a LiteLLM
/// config, a compose file, Helm values, a Kubernetes manifest, Portkey and OpenRouter JSON, a .env file, a baseline
/// and a DPA declaration. Written for this harness; the password and keys are fake.
/// </summary>
public static class FuzzSeeds
{
    public const string Secret = "Fuzz3dPlantPw77";

    /// <summary>One seed: the file name it must have to be read as what it is, its text, and how the CLI is given it.</summary>
    public sealed record Seed(string FileName, string Text, string? Option = null);

    public static readonly Seed[] All =
    [
        new("config.yaml", $"""
            model_list:
              - model_name: gpt-4o
                litellm_params:
                  model: openai/gpt-4o
                  api_key: sk-proj-{Secret}abcdefgh
              - model_name: claude
                litellm_params:
                  model: anthropic/claude-sonnet-4-5@ops:{Secret}
                  api_base: https://gw:{Secret}@llm.example.com/v1
              - model_name: llama
                litellm_params:
                  model: openrouter/meta-llama/llama-3.3-70b-instruct
                  extra_body: {"{"}provider: {"{"}zdr: true, order: [together]{"}"}{"}"}
            litellm_settings:
              success_callback: ["langfuse", "s3"]
              cache: true
              cache_params: {"{"}type: redis, host: redis, port: 6379, password: {Secret}, ttl: 600{"}"}
              fallbacks: [{"{"}"gpt-4o": ["claude"]{"}"}]
            router_settings:
              redis_url: redis://default:{Secret}@redis:6379
            general_settings:
              master_key: sk-{Secret}
              database_url: postgresql://litellm:{Secret}@db:5432/litellm
              alerting: [slack]
              maximum_spend_logs_retention_period: 30d
            environment_variables:
              LANGFUSE_SECRET_KEY: sk-lf-{Secret}
              LANGFUSE_HOST: https://cloud.langfuse.com

            """),
        new("docker-compose.yaml", $"""
            services:
              litellm:
                image: ghcr.io/berriai/litellm:v1.84.0
                command: ["--config", "/app/config.yaml", "--port", "4000"]
                build:
                  context: .
                  args:
                    PIP_EXTRA_INDEX_URL: https://ci:{Secret}@pypi.example.com/simple
                environment:
                  DATABASE_URL: postgresql://llmproxy:{Secret}@db:5432/litellm
                  LITELLM_MASTER_KEY: sk-{Secret}
                  OPENAI_API_KEY: ${"{"}OPENAI_API_KEY{"}"}
                deploy:
                  replicas: 2
              db:
                image: postgres:16
                environment:
                  - POSTGRES_PASSWORD={Secret}
              redis:
                image: redis:7-alpine

            """),
        new("values.yaml", $"""
            litellm-helm:
              image:
                repository: ghcr.io/berriai/litellm-database
                tag: main-v1.84.0
              masterkey: sk-{Secret}
              envVars:
                LANGFUSE_HOST: https://us.cloud.langfuse.com
              proxy_config:
                model_list:
                  - model_name: gpt
                    litellm_params: {"{"}model: azure/gpt-4o, api_base: "https://acme.openai.azure.com", api_key: {Secret}{"}"}
            postgresql:
              auth:
                password: {Secret}
            redis:
              auth:
                password: {Secret}

            """),
        new("k8s/litellm.yaml", $"""
            apiVersion: v1
            kind: Secret
            metadata:
              name: litellm-secrets
            stringData:
              LITELLM_MASTER_KEY: sk-{Secret}
              DATABASE_URL: postgresql://litellm:{Secret}@postgres:5432/litellm
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: litellm
            spec:
              replicas: 3
              template:
                spec:
                  containers:
                    - name: litellm
                      image: ghcr.io/berriai/litellm:v1.84.0
                      args: ["--config", "/etc/litellm/config.yaml"]
                      env:
                        - name: OPENAI_API_KEY
                          value: sk-proj-{Secret}xyz
                        - name: REDIS_HOST
                          value: redis.cache.svc.cluster.local

            """),
        new("portkey-config.json", $$"""
            {
              "strategy": {"mode": "fallback", "on_status_codes": [429, 503]},
              "cache": {"mode": "semantic", "max_age": 604800},
              "targets": [
                {"provider": "openai", "api_key": "sk-proj-{{Secret}}pk", "override_params": {"model": "gpt-4o"} },
                {"provider": "anthropic", "api_key": "{{Secret}}", "override_params": {"model": "claude-sonnet-4-5@u:{{Secret}}"} },
                {"provider": "openai", "custom_host": "https://vllm:{{Secret}}@vllm.internal:8000/v1"}
              ]
            }
            """),
        new("openrouter-request.json", $$"""
            {
              "base_url": "https://eu.openrouter.ai/api/v1",
              "model": "anthropic/claude-sonnet-4.5",
              "models": ["anthropic/claude-sonnet-4.5", "openai/gpt-4o@x:{{Secret}}"],
              "provider": {"order": ["anthropic", "amazon-bedrock"], "allow_fallbacks": false, "data_collection": "deny", "zdr": true},
              "headers": {"Authorization": "Bearer sk-or-v1-{{Secret}}0123456789"},
              "messages": [{"role": "user", "content": "Summarise the ticket"}]
            }
            """),
        new(".env", $"""
            LITELLM_MASTER_KEY=sk-{Secret}
            DATABASE_URL=postgresql://litellm:{Secret}@db:5432/litellm
            OPENAI_API_KEY="sk-proj-{Secret}q"
            LANGFUSE_HOST=https://cloud.langfuse.com
            export REDIS_PASSWORD='{Secret}'

            """),
        new("baseline.yaml", $"""
            # gateway-audit baseline
            version: 1
            findings:
              - rule: literal-secret
                file: config.yaml
                fingerprint: "model_list[0].litellm_params.api_key"
                reason: "rotating {Secret}"
                until: 2027-01-31
              - rule: callback-logs-prompts
                file: config.yaml
                fingerprint: "exporter:langfuse@u:{Secret}"
                reason: accepted

            """, "--baseline"),
        new("dpa.yaml", $"""
            subprocessors:
              - openai
              - anthropic
              - datastore:litellm-postgres
              - "https://u:{Secret}@vendor.example.com"

            """, "--dpa"),
    ];
}
