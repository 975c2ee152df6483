#!/usr/bin/env python3
"""Scale bench (issue 10, section 2): writes a generated monorepo into OUT (a folder under /tmp, never the checkout).

    python3 bench/scale/generate.py OUT CONFIGS [SOURCES]

CONFIGS gateway configs in five formats, one per service folder, in turn: a LiteLLM proxy config.yaml, a Portkey
config JSON, an OpenRouter request JSON, a docker-compose.yaml running the LiteLLM proxy with a config.yaml beside it,
and Helm values with the proxy config under proxy_config. SOURCES (default 10,000) unrelated source files (Python,
TypeScript, Go, C#, Markdown) that name no model provider, gateway or SDK. Deterministic: the same arguments give the
same bytes. The tree is OUT/repo; OUT/configs.txt lists the config paths in it, one a line (what the PyYAML loop and
`cat` read).
"""
import os
import random
import sys

PROVIDERS = [
    ("openai", "gpt-4o-mini", "OPENAI_API_KEY"),
    ("anthropic", "claude-sonnet-4-5", "ANTHROPIC_API_KEY"),
    ("mistral", "mistral-large-latest", "MISTRAL_API_KEY"),
    ("gemini", "gemini-2.5-flash", "GEMINI_API_KEY"),
    ("groq", "llama-3.3-70b-versatile", "GROQ_API_KEY"),
    ("cohere", "command-r-plus", "COHERE_API_KEY"),
]
CALLBACKS = [["langfuse"], ["datadog"], [], ["langfuse", "prometheus"], ["s3"]]
SLUGS = ["anthropic/claude-sonnet-4.6", "openai/gpt-4o", "google/gemini-2.5-pro", "meta-llama/llama-3.3-70b-instruct",
         "mistralai/mistral-large", "deepseek/deepseek-chat"]


def model_list(rng, indent):
    pad = " " * indent
    lines = [f"{pad}model_list:"]
    for provider, model, key in rng.sample(PROVIDERS, rng.randint(2, 4)):
        lines += [
            f"{pad}  - model_name: {model}",
            f"{pad}    litellm_params:",
            f"{pad}      model: {provider}/{model}",
            f"{pad}      api_key: os.environ/{key}",
            f"{pad}      timeout: {rng.choice([30, 60, 120])}",
        ]
    return lines


def settings(rng, indent):
    pad = " " * indent
    callbacks = rng.choice(CALLBACKS)
    return [
        f"{pad}litellm_settings:",
        f"{pad}  success_callback: [{', '.join(callbacks)}]",
        f"{pad}  turn_off_message_logging: {rng.choice(['true', 'false'])}",
        f"{pad}  num_retries: {rng.randint(1, 5)}",
        f"{pad}router_settings:",
        f"{pad}  routing_strategy: {rng.choice(['simple-shuffle', 'least-busy', 'latency-based-routing'])}",
        f"{pad}general_settings:",
        f"{pad}  master_key: os.environ/LITELLM_MASTER_KEY",
        f"{pad}  database_url: os.environ/DATABASE_URL",
    ]


def litellm_config(rng, name):
    return "\n".join([f"# LiteLLM proxy for {name}."] + model_list(rng, 0) + settings(rng, 0)) + "\n"


def portkey(rng):
    a, b = rng.sample(PROVIDERS, 2)
    return ('{\n  "strategy": { "mode": "fallback", "on_status_codes": [429, 503] },\n'
            f'  "cache": {{ "mode": "simple", "max_age": {rng.choice([600, 3600])} }},\n'
            '  "targets": [\n'
            f'    {{ "provider": "{a[0]}", "virtual_key": "{a[0]}-prod-vk", "override_params": {{ "model": "{a[1]}" }} }},\n'
            f'    {{ "provider": "{b[0]}", "virtual_key": "{b[0]}-prod-vk", "override_params": {{ "model": "{b[1]}" }} }}\n'
            '  ]\n}\n')


def openrouter(rng):
    slugs = rng.sample(SLUGS, 2)
    return ('{\n'
            f'  "model": "{slugs[0]}",\n'
            f'  "models": ["{slugs[0]}", "{slugs[1]}"],\n'
            f'  "provider": {{ "order": ["{slugs[0].split("/")[0]}", "together"], "allow_fallbacks": {rng.choice(["true", "false"])}, "data_collection": "deny" }},\n'
            '  "messages": [{ "role": "user", "content": "Summarise the ticket." }],\n'
            f'  "max_tokens": {rng.choice([256, 512, 1024])}\n}}\n')


def compose(rng, name):
    return f"""# {name}: the proxy, its Postgres and Redis.
services:
  litellm:
    image: ghcr.io/berriai/litellm:v1.{rng.randint(60, 84)}.0
    command: ["--config", "/app/config.yaml", "--port", "4000"]
    volumes:
      - ./config.yaml:/app/config.yaml:ro
    environment:
      DATABASE_URL: postgresql://llmproxy:${{POSTGRES_PASSWORD}}@db:5432/litellm
      REDIS_HOST: redis
  db:
    image: postgres:16
    environment:
      POSTGRES_PASSWORD: ${{POSTGRES_PASSWORD}}
  redis:
    image: redis:7-alpine
"""


def helm(rng, name):
    return "\n".join([
        f"# Values for LiteLLM's Helm chart ({name}).",
        "replicaCount: 2",
        "image:",
        "  repository: ghcr.io/berriai/litellm-database",
        f"  tag: v1.{rng.randint(60, 84)}.0",
        "masterkeySecretName: litellm-masterkey",
        "proxy_config:",
    ] + model_list(rng, 2) + settings(rng, 2)) + "\n"


SOURCE_KINDS = [
    ("py", lambda i: f'"""Invoice helpers {i}."""\nimport datetime\n\n\ndef total(lines):\n    return sum(l["amount"] * l["qty"] for l in lines)\n\n\n'
                     f'def due(issued, days={i % 60 + 1}):\n    return issued + datetime.timedelta(days=days)\n\n\nLOG = "invoice %s due %s"\n'),
    ("ts", lambda i: f'export interface Order{i} {{ id: string; total: number; currency: "EUR" | "USD" }}\n\n'
                     f'export function format{i}(o: Order{i}): string {{\n  return `${{o.id}}: ${{o.total.toFixed(2)}} ${{o.currency}}`;\n}}\n\n'
                     f'export const ROUTE_{i} = "/api/orders/{i}";\n'),
    ("go", lambda i: f'package billing\n\nimport "fmt"\n\n// Line{i} is one line of an invoice.\ntype Line{i} struct {{\n\tSKU string\n\tQty int\n}}\n\n'
                     f'func (l Line{i}) String() string {{ return fmt.Sprintf("%s x%d", l.SKU, l.Qty) }}\n'),
    ("cs", lambda i: f'namespace Acme.Billing;\n\npublic sealed record Invoice{i}(string Id, decimal Total)\n{{\n'
                     f'    public string Describe() => $"invoice {{Id}}: {{Total:0.00}} EUR";\n}}\n'),
    ("md", lambda i: f'# Runbook {i}\n\nRestart the worker with `make restart-{i}` and check the dashboard.\n'),
]


def main():
    out, configs = sys.argv[1], int(sys.argv[2])
    sources = int(sys.argv[3]) if len(sys.argv) > 3 else 10_000
    if not os.path.realpath(out).startswith("/tmp/"):
        sys.exit("generate.py: OUT must be under /tmp, never the checkout")
    rng = random.Random(configs * 7919 + sources)
    written = []

    def write(path, text):
        full = os.path.join(out, "repo", path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    for i in range(configs):
        team, name = f"team-{i // 50:03d}", f"svc-{i:05d}"
        folder = f"teams/{team}/{name}"
        kind = i % 5
        if kind == 0:
            written.append(write(f"{folder}/config.yaml", litellm_config(rng, name)))
        elif kind == 1:
            written.append(write(f"{folder}/portkey/config.json", portkey(rng)))
        elif kind == 2:
            written.append(write(f"{folder}/openrouter-request.json", openrouter(rng)))
        elif kind == 3:
            # A compose stack counts as one gateway config: the compose file and the config.yaml it mounts.
            written.append(write(f"{folder}/docker-compose.yaml", compose(rng, name)))
            written.append(write(f"{folder}/config.yaml", litellm_config(rng, name)))
        else:
            written.append(write(f"{folder}/deploy/values.yaml", helm(rng, name)))

    for i in range(sources):
        ext, body = SOURCE_KINDS[i % len(SOURCE_KINDS)]
        write(f"libs/lib-{i // 100:03d}/src/module_{i:05d}.{ext}", body(i))

    with open(os.path.join(out, "configs.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(written) + "\n")


if __name__ == "__main__":
    main()
