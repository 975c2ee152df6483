using System;
using System.Collections.Generic;

namespace GatewayAudit.Vocabulary;

/// <summary>
/// What is gateway- or provider-specific in source code, in one place. This file is compiled into the analyzer
/// (<c>analyzers/GatewayAudit.Analyzers</c>, GW001-GW004; netstandard2.0, no reference to Core) and into Core (the
/// source-code readers of every language and the gateway file readers: the one table of gateway hosts, headers and
/// request fields), so what the analyzer warns about and what a scan lists as gateway usage cannot drift apart. Keep it
/// free of anything but the BCL. Sources: OpenRouter app attribution, provider routing and models docs; Portkey
/// and Helicone header docs; Vercel and Cloudflare AI Gateway docs (<c>../shared/knowledge/gateways.md</c>); API
/// hosts as the vendors' own API references give them and as <c>policies/catalog/*.yaml</c> lists them (a test
/// checks each host maps to the same catalog vendor).
/// </summary>
internal static class GatewayTerms
{
    /// <summary>Catalog vendor ids of the hosted gateways the file readers and the code readers model.</summary>
    public const string OpenRouter = "openrouter";
    public const string Portkey = "portkey";
    public const string Helicone = "helicone";
    public const string CloudflareAiGateway = "cloudflare-ai-gateway";

    /// <summary>
    /// Gateway header names, the gateway (catalog vendor id) each belongs to, what it does there and what it means.
    /// Compared case-insensitively (HTTP header names are); a trailing '*' is a prefix. Every row is a GW001 header and
    /// a lock-in header of the code readers; the gateway file readers read the kinds (a credential header's value is a
    /// secret; a target header names the upstream). Sources, read 2026-11-30: OpenRouter app attribution
    /// (openrouter.ai/docs/app-attribution); Portkey-AI/gateway src/globals.ts (HEADER_KEYS); Helicone
    /// docs.helicone.ai/helicone-headers/header-directory; Cloudflare developers.cloudflare.com/ai-gateway
    /// (observability/logging, features/caching).
    /// </summary>
    public static readonly IReadOnlyList<HeaderTerm> Headers =
    [
        new("HTTP-Referer", OpenRouter, HeaderKind.Attribution, "app attribution (the app's URL)"),
        new("X-OpenRouter-Title", OpenRouter, HeaderKind.Attribution, "app attribution (the app's name)"),
        new("X-Title", OpenRouter, HeaderKind.Attribution, "app attribution (legacy name header)"),
        new("X-OpenRouter-Categories", OpenRouter, HeaderKind.Attribution, "app attribution (categories)"),
        new("x-portkey-api-key", Portkey, HeaderKind.Credential, "Portkey API key"),
        new("x-portkey-provider", Portkey, HeaderKind.Routing, "the provider Portkey forwards to"),
        new("x-portkey-virtual-key", Portkey, HeaderKind.Routing, "a virtual key: provider credentials kept in Portkey's vault"),
        new("x-portkey-config", Portkey, HeaderKind.Routing, "a config inline (JSON) or by id (pc-...)"),
        new("x-portkey-trace-id", Portkey, HeaderKind.Attribution, "trace id Portkey logs"),
        new("x-portkey-metadata", Portkey, HeaderKind.Attribution, "request metadata Portkey logs"),
        new("x-portkey-custom-host", Portkey, HeaderKind.Target, "the host Portkey forwards to"),
        new("x-portkey-forward-headers", Portkey, HeaderKind.Routing, "headers passed on to the provider as they are"),
        new("x-portkey-cache", Portkey, HeaderKind.Cache, "cache mode"),
        new("Helicone-Auth", Helicone, HeaderKind.Credential, "Helicone API key"),
        new("Helicone-Target-URL", Helicone, HeaderKind.Target, "the provider URL gateway.helicone.ai forwards to"),
        new("Helicone-Cache-Enabled", Helicone, HeaderKind.Cache, "caches responses at Helicone"),
        new("Helicone-Omit-Request", Helicone, HeaderKind.OmitFromLogs, "the request is still sent to Helicone but not stored"),
        new("Helicone-Omit-Response", Helicone, HeaderKind.OmitFromLogs, "the response still passes through Helicone but is not stored"),
        new("Helicone-User-Id", Helicone, HeaderKind.Attribution, "end-user id Helicone logs"),
        new("Helicone-Session-Id", Helicone, HeaderKind.Attribution, "session id Helicone logs"),
        new("Helicone-Property-*", Helicone, HeaderKind.Attribution, "custom properties Helicone logs"),
        new("Helicone-OpenAI-Api-Base", Helicone, HeaderKind.Target, "the OpenAI-compatible URL oai.helicone.ai forwards to"),
        new("Helicone-Target-Provider", Helicone, HeaderKind.Target, "the provider's name, for cost mapping"),
        new("cf-aig-authorization", CloudflareAiGateway, HeaderKind.Credential, "Cloudflare AI Gateway token (authenticated gateway)"),
        new("cf-aig-collect-log", CloudflareAiGateway, HeaderKind.OmitFromLogs, "false: this request is not logged (it still passes through)"),
        new("cf-aig-collect-log-payload", CloudflareAiGateway, HeaderKind.OmitFromLogs, "false: bodies are not stored, metadata is"),
        new("cf-aig-cache-ttl", CloudflareAiGateway, HeaderKind.Cache, "cache time to live in seconds"),
        new("cf-aig-skip-cache", CloudflareAiGateway, HeaderKind.Cache, "true: bypass the cache"),
        new("cf-aig-metadata", CloudflareAiGateway, HeaderKind.Attribution, "custom metadata Cloudflare logs"),
    ];

    /// <summary>
    /// Model authors as OpenRouter writes them, whose model names are distinctive enough that <c>author/name-with-dash</c>
    /// is a slug. Source: the author part of every model id in OpenRouter's models list (<c>GET
    /// https://openrouter.ai/api/v1/models</c>), read from two public snapshots of that list (generated model tables in
    /// tombeckenham/ai-tom <c>packages/typescript/ai-openrouter/src/model-meta.ts</c> at a9613812, 2026-03-11, 348 ids, and
    /// dexxiez/catgirls <c>packages/openrouter/src/models.ts</c> at 05cfe263, 2025-09-30, 327 ids), checked 2026-11-30.
    /// Every author of both snapshots is in this list or in <see cref="CompanyVendors"/>; a test keeps it that way.
    /// </summary>
    public static readonly IReadOnlyList<string> LabVendors =
    [
        "anthropic", "mistralai", "deepseek", "x-ai", "qwen", "cohere", "perplexity", "nousresearch", "moonshotai",
        "z-ai", "minimax", "ai21", "meta-llama", "01-ai", "thudm", "arcee-ai", "openrouter", "gryphe", "sao10k",
        "cognitivecomputations", "eleutherai", "allenai", "inflection", "neversleep", "undi95", "thedrummer",
        "agentica-org", "aion-labs", "alfredpros", "alpindale", "anthracite-org", "arliai", "bytedance-seed", "deepcogito",
        "essentialai", "kwaipilot", "mancer", "nex-agi", "opengvlab", "prime-intellect", "raifle", "relace", "shisa-ai",
        "stepfun-ai", "tngtech", "meituan",
    ];

    /// <summary>
    /// Authors whose names are also ordinary GitHub owners or path segments (google/go-github, microsoft/vs-code):
    /// for these a slug needs a digit in the model name (google/gemini-2.5-pro, openai/gpt-4o) or a variant suffix.
    /// Same source as <see cref="LabVendors"/>; <c>meta</c> is not an OpenRouter author but NVIDIA NIM's and GitHub
    /// Models' spelling of Meta, kept so that those ids are recognised (and then judged by the code around them).
    /// </summary>
    public static readonly IReadOnlyList<string> CompanyVendors =
    [
        "openai", "google", "microsoft", "amazon", "nvidia", "baidu", "tencent", "bytedance", "alibaba", "liquid",
        "inception", "ibm-granite", "meta", "mistral", "morph", "xiaomi", "switchpoint",
    ];

    /// <summary>
    /// OpenRouter slugs the shape rule alone would miss: a model name without a digit or a dash, or a company author's
    /// model name without a digit (every such id of the 417 in the snapshots named at <see cref="LabVendors"/>).
    /// Matched exactly, with or without a <c>:variant</c>.
    /// </summary>
    public static readonly IReadOnlyList<string> PlainNameSlugs =
    [
        "perplexity/sonar", "inception/mercury", "inception/mercury-coder", "arcee-ai/spotlight", "mancer/weaver",
        "switchpoint/router", "openai/codex-mini",
    ];

    /// <summary>Request-level fields that only OpenRouter's chat request has (source: openrouter.ai/docs routing, transforms).</summary>
    public static readonly IReadOnlyList<string> RequestLevelFields = ["provider", "models", "transforms", "route", "plugins"];

    /// <summary>Keys that only OpenRouter's provider preferences have: one is enough to recognise the object.</summary>
    public static readonly IReadOnlyList<string> DistinctivePreferenceFields =
        ["allow_fallbacks", "data_collection", "require_parameters", "zdr", "quantizations", "enforce_distillable_text"];

    /// <summary>Provider-preference keys that are ordinary words elsewhere.</summary>
    public static readonly IReadOnlyList<string> GenericPreferenceFields =
        ["order", "only", "ignore", "sort", "max_price", "preferred_min_throughput", "preferred_max_latency"];

    /// <summary>
    /// API hosts of gateways, model providers and observability backends, each with its catalog vendor id. A pattern
    /// matches the host itself and its subdomains (<c>openrouter.ai</c> covers <c>eu.openrouter.ai</c>); a '*'
    /// stands for part of one label (<c>*-aiplatform.googleapis.com</c>, <c>bedrock-runtime.*.amazonaws.com</c>).
    /// The first matching row wins, so narrower rows come first. The gateway rows are the analyzer's GW003 hosts.
    /// </summary>
    public static readonly IReadOnlyList<HostTerm> Hosts =
    [
        // Gateways. A regional host pins its region (OpenRouter's in-region routing, openrouter.ai/docs/guides/privacy/logging;
        // Helicone's EU host); a provider-specific Helicone host forwards to that provider
        // (docs.helicone.ai/getting-started/integration-method/gateway), named by its catalog id.
        new("eu.openrouter.ai", OpenRouter, "OpenRouter", PartyKind.Gateway, region: "EU"),
        new("us.openrouter.ai", OpenRouter, "OpenRouter", PartyKind.Gateway, region: "US"),
        new("openrouter.ai", OpenRouter, "OpenRouter", PartyKind.Gateway),
        new("api.portkey.ai", Portkey, "Portkey", PartyKind.Gateway),
        new("oai.helicone.ai", Helicone, "Helicone", PartyKind.Gateway, upstream: "openai"),
        new("oai.hconeai.com", Helicone, "Helicone", PartyKind.Gateway, upstream: "openai"),
        new("anthropic.helicone.ai", Helicone, "Helicone", PartyKind.Gateway, upstream: "anthropic"),
        new("together.helicone.ai", Helicone, "Helicone", PartyKind.Gateway, upstream: "together-ai"),
        new("groq.helicone.ai", Helicone, "Helicone", PartyKind.Gateway, upstream: "groq"),
        new("deepinfra.helicone.ai", Helicone, "Helicone", PartyKind.Gateway, upstream: "deepinfra"),
        new("openrouter.helicone.ai", Helicone, "Helicone", PartyKind.Gateway, upstream: OpenRouter),
        new("eu.helicone.ai", Helicone, "Helicone", PartyKind.Gateway, region: "EU"),
        // Helicone's API hosts by name, not helicone.ai as a whole: docs.helicone.ai and us.helicone.ai (the dashboard)
        // receive no requests.
        new("gateway.helicone.ai", Helicone, "Helicone", PartyKind.Gateway),
        new("ai-gateway.helicone.ai", Helicone, "Helicone", PartyKind.Gateway),
        new("api.helicone.ai", Helicone, "Helicone", PartyKind.Gateway),
        new("ai-gateway.vercel.sh", "vercel-ai-gateway", "Vercel AI Gateway", PartyKind.Gateway),
        new("gateway.ai.cloudflare.com", CloudflareAiGateway, "Cloudflare AI Gateway", PartyKind.Gateway),

        // Model providers' own APIs.
        new("api.openai.com", "openai", "OpenAI", PartyKind.ModelProvider),
        new("api.anthropic.com", "anthropic", "Anthropic", PartyKind.ModelProvider),
        new("generativelanguage.googleapis.com", "google-gemini-api", "Google Gemini API", PartyKind.ModelProvider),
        new("aiplatform.googleapis.com", "google-vertex-ai", "Google Vertex AI", PartyKind.ModelProvider),
        new("*-aiplatform.googleapis.com", "google-vertex-ai", "Google Vertex AI", PartyKind.ModelProvider),
        new("models.inference.ai.azure.com", "github-models", "GitHub Models", PartyKind.ModelProvider),
        new("models.github.ai", "github-models", "GitHub Models", PartyKind.ModelProvider),
        new("openai.azure.com", "azure-openai", "Azure OpenAI", PartyKind.ModelProvider),
        new("services.ai.azure.com", "azure-openai", "Azure AI Foundry", PartyKind.ModelProvider),
        // The Azure AI services (multi-service) host: Azure OpenAI only with an OpenAI client or under /openai/; see FindService.
        new(AzureAiServicesHost, "azure-openai", "Azure OpenAI", PartyKind.ModelProvider),
        new("models.ai.azure.com", "azure-openai", "Azure AI Foundry", PartyKind.ModelProvider),
        new("bedrock-runtime.*.amazonaws.com", "aws-bedrock", "Amazon Bedrock", PartyKind.ModelProvider),
        new("api.mistral.ai", "mistral", "Mistral AI", PartyKind.ModelProvider),
        new("codestral.mistral.ai", "mistral", "Mistral AI", PartyKind.ModelProvider),
        new("api.groq.com", "groq", "Groq", PartyKind.ModelProvider),
        new("api.together.xyz", "together-ai", "Together AI", PartyKind.ModelProvider),
        new("api.together.ai", "together-ai", "Together AI", PartyKind.ModelProvider),
        new("api.deepseek.com", "deepseek", "DeepSeek", PartyKind.ModelProvider),
        // Alibaba Cloud Model Studio's OpenAI-compatible and native hosts, as in policies/catalog/alibaba-dashscope.yaml.
        new("dashscope.aliyuncs.com", "alibaba-dashscope", "Alibaba Cloud Model Studio (DashScope)", PartyKind.ModelProvider),
        new("dashscope-intl.aliyuncs.com", "alibaba-dashscope", "Alibaba Cloud Model Studio (DashScope)", PartyKind.ModelProvider),
        new("dashscope-us.aliyuncs.com", "alibaba-dashscope", "Alibaba Cloud Model Studio (DashScope)", PartyKind.ModelProvider),
        new("maas.aliyuncs.com", "alibaba-dashscope", "Alibaba Cloud Model Studio (DashScope)", PartyKind.ModelProvider),
        new("api.x.ai", "xai", "xAI", PartyKind.ModelProvider),
        new("api.cohere.com", "cohere", "Cohere", PartyKind.ModelProvider),
        new("api.cohere.ai", "cohere", "Cohere", PartyKind.ModelProvider),
        new("api.fireworks.ai", "fireworks-ai", "Fireworks AI", PartyKind.ModelProvider),
        new("api.perplexity.ai", "perplexity", "Perplexity", PartyKind.ModelProvider),
        new("api.cerebras.ai", "cerebras", "Cerebras", PartyKind.ModelProvider),
        new("api.deepinfra.com", "deepinfra", "DeepInfra", PartyKind.ModelProvider),
        new("router.huggingface.co", "huggingface", "Hugging Face", PartyKind.ModelProvider),
        new("api-inference.huggingface.co", "huggingface", "Hugging Face", PartyKind.ModelProvider),
        new("endpoints.huggingface.cloud", "huggingface", "Hugging Face Inference Endpoints", PartyKind.ModelProvider),
        new("integrate.api.nvidia.com", "nvidia-nim", "NVIDIA NIM", PartyKind.ModelProvider),
        new("api.replicate.com", "replicate", "Replicate", PartyKind.ModelProvider),

        // Observability backends. LLM tracing tools receive prompts and completions by design; general APM and error
        // trackers receive what the application's instrumentation puts in spans, logs and events.
        new("cloud.langfuse.com", "langfuse", "Langfuse Cloud", PartyKind.LlmObservability),
        new("api.smith.langchain.com", "langsmith", "LangSmith", PartyKind.LlmObservability),
        new("api.braintrust.dev", "braintrust", "Braintrust", PartyKind.LlmObservability),
        new("api.lunary.ai", "lunary", "Lunary", PartyKind.LlmObservability),
        new("api.traceloop.com", "traceloop", "Traceloop", PartyKind.LlmObservability),
        new("api.promptlayer.com", "promptlayer", "PromptLayer", PartyKind.LlmObservability),
        new("api.humanloop.com", "humanloop", "Humanloop", PartyKind.LlmObservability),
        new("api.agentops.ai", "agentops", "AgentOps", PartyKind.LlmObservability),
        new("otlp.arize.com", "arize", "Arize", PartyKind.LlmObservability),
        new("trace.wandb.ai", "weights-and-biases", "Weights & Biases Weave", PartyKind.LlmObservability),
        new("datadoghq.com", "datadog", "Datadog", PartyKind.Observability),
        new("datadoghq.eu", "datadog", "Datadog", PartyKind.Observability),
        new("ddog-gov.com", "datadog", "Datadog", PartyKind.Observability),
        new("sentry.io", "sentry", "Sentry", PartyKind.Observability),
        new("nr-data.net", "new-relic", "New Relic", PartyKind.Observability),
        new("i.posthog.com", "posthog", "PostHog", PartyKind.Observability),
        // Azure Monitor: Application Insights connection strings name a regional ingestion host
        // (IngestionEndpoint=https://<region>.in.applicationinsights.azure.com/); the Logs Ingestion API uses *.ingest.monitor.azure.com.
        new("applicationinsights.azure.com", "azure-monitor", "Azure Monitor (Application Insights)", PartyKind.Observability),
        new("ingest.monitor.azure.com", "azure-monitor", "Azure Monitor", PartyKind.Observability),
        // Rollbar's item API (https://api.rollbar.com/api/1/item/); Inngest Cloud's event API (https://inn.gs/, the SDKs'
        // default event_api_base_url) and REST API (https://api.inngest.com/, the default api_base_url): Inngest's Python
        // client reference (inngest.com/docs-markdown/reference/python/client/overview), read 2026-11-30.
        new("api.rollbar.com", "rollbar", "Rollbar", PartyKind.Observability),
        new("inn.gs", "inngest", "Inngest", PartyKind.Observability),
        new("api.inngest.com", "inngest", "Inngest", PartyKind.Observability),

        // Tool APIs: services an agent or the application sends text built from prompts to, which are not LLM inference.
        // Tavily (docs.tavily.com/api-reference/introduction: base URL https://api.tavily.com); DeepL (Pro
        // https://api.deepl.com, Free https://api-free.deepl.com: developers.deepl.com getting started); Black Forest Labs
        // (docs.bfl.ai/api_integration/integration_guidelines: global api.bfl.ai, EU-only api.eu.bfl.ai, US-only
        // api.us.bfl.ai, single-cluster api.eu1 / api.us1; api.bfl.ml is the older host); Google Cloud Vision
        // (vision.googleapis.com). Read 2026-11-30.
        new("api.tavily.com", "tavily", "Tavily", PartyKind.ToolApi),
        new("api.deepl.com", "deepl", "DeepL", PartyKind.ToolApi),
        new("api-free.deepl.com", "deepl", "DeepL", PartyKind.ToolApi),
        new("api.eu.bfl.ai", "black-forest-labs", "Black Forest Labs", PartyKind.ToolApi, region: "EU"),
        new("api.eu1.bfl.ai", "black-forest-labs", "Black Forest Labs", PartyKind.ToolApi, region: "EU"),
        new("api.us.bfl.ai", "black-forest-labs", "Black Forest Labs", PartyKind.ToolApi, region: "US"),
        new("api.us1.bfl.ai", "black-forest-labs", "Black Forest Labs", PartyKind.ToolApi, region: "US"),
        new("api.bfl.ai", "black-forest-labs", "Black Forest Labs", PartyKind.ToolApi),
        new("api.bfl.ml", "black-forest-labs", "Black Forest Labs", PartyKind.ToolApi),
        new("vision.googleapis.com", "google-cloud-vision", "Google Cloud Vision", PartyKind.ToolApi),
        // Exa (exa.ai/docs reference: https://api.exa.ai), Mapbox (docs.mapbox.com/api/search/geocoding:
        // https://api.mapbox.com), Lemonfox (lemonfox.ai/apis/text-to-speech: https://api.lemonfox.ai/v1/audio/speech),
        // Mindee (docs.mindee.com API reference: https://api-v2.mindee.net), Bright Data (docs.brightdata.com API
        // reference: https://api.brightdata.com). Read 2026-11-30.
        new("api.exa.ai", "exa", "Exa", PartyKind.ToolApi),
        new("api.mapbox.com", "mapbox", "Mapbox", PartyKind.ToolApi),
        new("api.lemonfox.ai", "lemonfox", "Lemonfox", PartyKind.ToolApi),
        new("api-v2.mindee.net", "mindee", "Mindee", PartyKind.ToolApi),
        new("api.brightdata.com", "bright-data", "Bright Data", PartyKind.ToolApi),
        // ElevenLabs (API base URL api.elevenlabs.io), DuckDuckGo's search pages (html., lite., api.), Azure AI Translator's
        // global and Europe base URLs (Translator Text API 3.0; Azure SDK for Go translatortext docs). Read 2026-11-30.
        new("api.elevenlabs.io", "elevenlabs", "ElevenLabs", PartyKind.ToolApi),
        new("html.duckduckgo.com", "duckduckgo", "DuckDuckGo", PartyKind.ToolApi),
        new("lite.duckduckgo.com", "duckduckgo", "DuckDuckGo", PartyKind.ToolApi),
        new("api.duckduckgo.com", "duckduckgo", "DuckDuckGo", PartyKind.ToolApi),
        new("api.cognitive.microsofttranslator.com", "azure-ai-translator", "Azure AI Translator", PartyKind.ToolApi),
        new("api-eur.cognitive.microsofttranslator.com", "azure-ai-translator", "Azure AI Translator", PartyKind.ToolApi, region: "EU"),
        // The Americas and Asia Pacific geography endpoints (learn.microsoft.com translator reference v3-0-reference, "Base URLs",
        // read 2026-12-01: api-nam is processed in East US 2 and West US 2, api-apc in Japan East and Southeast Asia).
        new("api-nam.cognitive.microsofttranslator.com", "azure-ai-translator", "Azure AI Translator", PartyKind.ToolApi, region: "US"),
        new("api-apc.cognitive.microsofttranslator.com", "azure-ai-translator", "Azure AI Translator", PartyKind.ToolApi, region: "APAC"),
        // Missed in the fifth held-out code run (bench/CODE-CORPUS.md, class A1), each host from the vendor's own docs (read
        // 2026-12-01): Stability AI's REST API (its OpenAPI spec, github.com/Stability-AI/rest-api-support: servers
        // https://api.stability.ai), Deepgram's speech-to-text (developers.deepgram.com: POST https://api.deepgram.com/v1/listen),
        // Azure AI Speech's regional REST hosts (learn.microsoft.com speech-service rest-text-to-speech:
        // https://<region>.tts.speech.microsoft.com; rest-speech-to-text: https://<region>.stt.speech.microsoft.com).
        new("api.stability.ai", "stability-ai", "Stability AI", PartyKind.ToolApi),
        new("api.deepgram.com", "deepgram", "Deepgram", PartyKind.ToolApi),
        new("tts.speech.microsoft.com", "azure-ai-speech", "Azure AI Speech", PartyKind.ToolApi),
        new("stt.speech.microsoft.com", "azure-ai-speech", "Azure AI Speech", PartyKind.ToolApi),
        // Missed in the sixth held-out code run (bench/CODE-CORPUS.md, class A1), each host from the vendor's own docs (read
        // 2026-12-01): Brave Search API (api-dashboard.search.brave.com API reference: GET https://api.search.brave.com/res/v1/web/search),
        // SerpApi (serpapi.com search API; SerpApi's own serpapi-python client: https://serpapi.com/search), Apify (docs.apify.com
        // api/v2 getting started: https://api.apify.com/v2, acts/.../run-sync-get-dataset-items), RapidAPI (docs.rapidapi.com
        // "Additional Request Headers": the Rapid Runtime proxies each <api>.p.rapidapi.com call to the listed API's provider),
        // Anam (docs.anam.ai: POST https://api.anam.ai/v1/auth/session-token with the persona's system prompt), WaveSpeedAI
        // (wavespeed.ai/docs/submit-task: POST https://api.wavespeed.ai/api/v3/{model-id} with the prompt) and RunPod Serverless
        // (docs.runpod.io serverless endpoint operations: https://api.runpod.ai/v2/{endpoint_id}/run and /runsync, whose input
        // goes to the worker the customer deployed, often a model server: a job API with its own routes, so a tool API here,
        // which any call to the host makes a party of, rather than a chat endpoint whose route must be an LLM API's).
        new("api.search.brave.com", "brave-search", "Brave Search API", PartyKind.ToolApi),
        // Bing Web Search API v7 (learn.microsoft.com bing-web-search "Search the web": GET https://api.bing.microsoft.com/v7.0/search).
        new("api.bing.microsoft.com", "bing-search", "Bing Search API", PartyKind.ToolApi),
        new("serpapi.com", "serpapi", "SerpApi", PartyKind.ToolApi),
        new("api.apify.com", "apify", "Apify", PartyKind.ToolApi),
        new("p.rapidapi.com", "rapidapi", "RapidAPI", PartyKind.ToolApi),
        new("api.anam.ai", "anam", "Anam", PartyKind.ToolApi),
        new("api.wavespeed.ai", "wavespeed-ai", "WaveSpeedAI", PartyKind.ToolApi),
        new("api.runpod.ai", "runpod", "RunPod Serverless", PartyKind.ToolApi),
        // Missed in the eighth held-out code run (bench/CODE-CORPUS.md, classes C and D), each host from the vendor's own docs
        // (read 2026-12-01): Yandex Vision OCR (yandex.cloud/en/docs/vision/ocr/api-ref/TextRecognition/recognize:
        // POST https://ocr.api.cloud.yandex.net/ocr/v1/recognizeText; the same host serves recognizeTextAsync and
        // getRecognition; Yandex's IAM and resource-manager hosts receive no content and are not here) and Pixian.AI's
        // background removal (pixian.ai/api: POST https://api.pixian.ai/api/v2/remove-background).
        new("ocr.api.cloud.yandex.net", "yandex-vision-ocr", "Yandex Vision OCR", PartyKind.ToolApi),
        new("api.pixian.ai", "pixian-ai", "Pixian.AI", PartyKind.ToolApi),
    ];

    /// <summary>
    /// The host of Azure AI services resources (<c>https://NAME.cognitiveservices.azure.com</c>): one resource, single- or
    /// multi-service, answers for Azure OpenAI, Vision, Document Intelligence, Language, Content Safety and more, and only
    /// the path says which. Found in the fifth held-out code run (bench/CODE-CORPUS.md, class A2): image analysis was
    /// listed as Azure OpenAI.
    /// </summary>
    public const string AzureAiServicesHost = "cognitiveservices.azure.com";

    /// <summary>
    /// The service each path prefix on <see cref="AzureAiServicesHost"/> reaches, compared case-insensitively. Sources, Microsoft's
    /// REST references read 2026-12-01: Azure OpenAI <c>{endpoint}/openai/deployments/...</c>; Image Analysis 3.2
    /// <c>{endpoint}/vision/v3.2/analyze</c> (learn.microsoft.com computer-vision how-to call-analyze-image) and 4.0
    /// <c>{endpoint}/computervision/imageanalysis:analyze</c> (Microsoft's Computer Vision API 2024-02-01 console); Document
    /// Intelligence <c>{endpoint}/documentintelligence/documentModels/{id}:analyze</c> (v4.0) and
    /// <c>{endpoint}/formrecognizer/documentModels/{id}:analyze</c> (v3.0) (learn.microsoft.com rest/api/aiservices
    /// document-models analyze-document); Content Safety <c>{endpoint}/contentsafety/text:analyze</c> (content-safety
    /// quickstart-text); Language <c>{endpoint}/language/:analyze-text</c> and the older <c>{endpoint}/text/analytics/v3.1/</c>
    /// (Microsoft's Language and Text Analytics API consoles); Translator on a resource's custom endpoint
    /// <c>{endpoint}/translator/text/v3.0/translate</c> (learn.microsoft.com translator reference v3-0-reference, the
    /// Switzerland example); Speech to text <c>/speechtotext/transcriptions:transcribe</c> and <c>:submit</c>
    /// (learn.microsoft.com speech-service rest-speech-to-text). Other services' paths were not confirmed: they are
    /// <see cref="AzureAiServicesResource"/>, never a guess.
    /// </summary>
    public static readonly IReadOnlyList<ServicePath> AzureAiServicePaths =
    [
        new("/openai/", "azure-openai", "Azure OpenAI", PartyKind.ModelProvider),
        new("/vision/", "azure-ai-vision", "Azure AI Vision", PartyKind.ToolApi),
        new("/computervision/", "azure-ai-vision", "Azure AI Vision", PartyKind.ToolApi),
        new("/documentintelligence/", "azure-ai-document-intelligence", "Azure AI Document Intelligence", PartyKind.ToolApi),
        new("/formrecognizer/", "azure-ai-document-intelligence", "Azure AI Document Intelligence", PartyKind.ToolApi),
        new("/contentsafety/", "azure-ai-content-safety", "Azure AI Content Safety", PartyKind.ToolApi),
        new("/language/", "azure-ai-language", "Azure AI Language", PartyKind.ToolApi),
        new("/text/analytics/", "azure-ai-language", "Azure AI Language", PartyKind.ToolApi),
        new("/translator/", "azure-ai-translator", "Azure AI Translator", PartyKind.ToolApi),
        new("/speechtotext/", "azure-ai-speech", "Azure AI Speech", PartyKind.ToolApi),
    ];

    /// <summary>An Azure AI services resource reached with no path, or a path of no service above, and no OpenAI client.</summary>
    public static readonly HostTerm AzureAiServicesResource =
        new(AzureAiServicesHost, "azure-ai-services", "Azure AI services (multi-service resource)", PartyKind.ToolApi);

    private static readonly Dictionary<string, VendorKind> s_vendorKinds = BuildVendorKinds();

    private static readonly HashSet<string> s_plainNameSlugs = new(PlainNameSlugs, StringComparer.Ordinal);

    /// <summary>True for a slug of <see cref="PlainNameSlugs"/> (vendor and model without the variant).</summary>
    public static bool IsPlainNameSlug(string vendor, string model) => s_plainNameSlugs.Contains(vendor + "/" + model);

    /// <summary>The built-in kind of a model author (the analyzer adds the user's own on top).</summary>
    public static VendorKind DefaultKindOf(string vendor) => s_vendorKinds.TryGetValue(vendor, out var kind) ? kind : VendorKind.None;

    /// <summary>The first host row that <paramref name="host"/> (lower case, no port) matches, or null.</summary>
    public static HostTerm? FindHost(string? host)
    {
        if (host is null)
        {
            return null;
        }

        foreach (var term in Hosts)
        {
            if (HostMatches(host, term.Pattern))
            {
                return term;
            }
        }

        return null;
    }

    /// <summary>
    /// The party a URL names: its host row, except on <see cref="AzureAiServicesHost"/>, where an OpenAI client
    /// (<paramref name="openAiClient"/>: the address is given to an OpenAI or Azure OpenAI SDK) or an <c>/openai/</c> path is
    /// Azure OpenAI, a path of <see cref="AzureAiServicePaths"/> is that service, and anything else (the bare resource) is
    /// <see cref="AzureAiServicesResource"/>.
    /// </summary>
    public static HostTerm? FindService(string? host, string? path, bool openAiClient = false)
    {
        var term = FindHost(host);
        if (term is null || term.Pattern != AzureAiServicesHost || host == AzureAiServicesHost)
        {
            // The bare apex is no resource: it is the Entra token audience (https://cognitiveservices.azure.com/.default).
            return term;
        }

        var lower = (path ?? "").ToLowerInvariant();
        foreach (var service in AzureAiServicePaths)
        {
            if (lower.StartsWith(service.Prefix, StringComparison.Ordinal))
            {
                return service.Term;
            }
        }

        return openAiClient ? term : AzureAiServicesResource;
    }

    /// <summary>True for a URL path that names no service (nothing, or only "/").</summary>
    public static bool IsBarePath(string? path) => path is null || path.Length == 0 || path == "/";

    /// <summary>The header row a header name matches (case-insensitively, prefixes too), or null.</summary>
    public static HeaderTerm? FindHeader(string name)
    {
        foreach (var term in Headers)
        {
            var matches = term.IsPrefix
                ? name.Length > term.Name.Length - 1 && name.StartsWith(term.Name.Substring(0, term.Name.Length - 1), StringComparison.OrdinalIgnoreCase)
                : string.Equals(name, term.Name, StringComparison.OrdinalIgnoreCase);
            if (matches)
            {
                return term;
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="host"/> is <paramref name="pattern"/>, a subdomain of it, or fits its '*' labels.</summary>
    public static bool HostMatches(string host, string pattern)
    {
        if (pattern.IndexOf('*') < 0)
        {
            return host == pattern || (host.Length > pattern.Length && host.EndsWith("." + pattern, StringComparison.Ordinal));
        }

        var hostLabels = host.Split('.');
        var patternLabels = pattern.Split('.');
        if (hostLabels.Length != patternLabels.Length)
        {
            return false;
        }

        for (var i = 0; i < hostLabels.Length; i++)
        {
            var label = patternLabels[i];
            var star = label.IndexOf('*');
            var ok = star < 0
                ? hostLabels[i] == label
                : hostLabels[i].Length > label.Length - 1
                  && hostLabels[i].StartsWith(label.Substring(0, star), StringComparison.Ordinal)
                  && hostLabels[i].EndsWith(label.Substring(star + 1), StringComparison.Ordinal);
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static Dictionary<string, VendorKind> BuildVendorKinds()
    {
        var kinds = new Dictionary<string, VendorKind>(StringComparer.Ordinal);
        foreach (var vendor in CompanyVendors)
        {
            kinds[vendor] = VendorKind.Company;
        }

        foreach (var vendor in LabVendors)
        {
            kinds[vendor] = VendorKind.Lab;
        }

        return kinds;
    }
}

/// <summary>A gateway header name (a trailing '*' is a prefix), the gateway's catalog vendor id, what it does and means.</summary>
internal sealed class HeaderTerm(string name, string vendor, HeaderKind kind, string meaning)
{
    public string Name { get; } = name;

    public string Vendor { get; } = vendor;

    public HeaderKind Kind { get; } = kind;

    public string Meaning { get; } = meaning;

    public bool IsPrefix => Name.EndsWith("*", StringComparison.Ordinal);
}

/// <summary>What a header does at its gateway.</summary>
internal enum HeaderKind
{
    /// <summary>Authenticates to the gateway: its value is a credential.</summary>
    Credential,

    /// <summary>Names where the gateway forwards the request (Helicone-Target-URL, x-portkey-custom-host).</summary>
    Target,

    /// <summary>Switches a cache on or bounds it (Helicone-Cache-Enabled, cf-aig-cache-ttl).</summary>
    Cache,

    /// <summary>Keeps content out of the gateway's stored logs; the content is still sent to it.</summary>
    OmitFromLogs,

    /// <summary>Chooses provider or routing at the gateway (x-portkey-config, x-portkey-provider).</summary>
    Routing,

    /// <summary>App attribution or request metadata the gateway records (HTTP-Referer, Helicone-Property-*).</summary>
    Attribution,
}

/// <summary>
/// A host pattern, the catalog vendor id of whoever runs it, a display name, what kind of party it is, and for a gateway
/// host the provider it forwards to (<see cref="Upstream"/>) and the region it pins (<see cref="Region"/>).
/// </summary>
internal sealed class HostTerm(string pattern, string vendor, string name, PartyKind kind, string? upstream = null, string? region = null)
{
    public string Pattern { get; } = pattern;

    public string Vendor { get; } = vendor;

    public string Name { get; } = name;

    public PartyKind Kind { get; } = kind;

    public string? Upstream { get; } = upstream;

    public string? Region { get; } = region;
}

/// <summary>A path prefix on a host several services share, and the party (as a host row) it reaches.</summary>
internal sealed class ServicePath(string prefix, string vendor, string name, PartyKind kind)
{
    public string Prefix { get; } = prefix;

    public HostTerm Term { get; } = new(GatewayTerms.AzureAiServicesHost, vendor, name, kind);
}

/// <summary>What a host's owner is to the code that calls it.</summary>
internal enum PartyKind
{
    ModelProvider,
    Gateway,

    /// <summary>APM, logs, error tracking: receives what the instrumentation puts in spans and events.</summary>
    Observability,

    /// <summary>LLM tracing: receives prompts and completions by design.</summary>
    LlmObservability,

    /// <summary>A service the code sends text built from prompts to that is not LLM inference: web search, translation, OCR, image generation.</summary>
    ToolApi,
}

/// <summary>How distinctive a model author's name is (see <see cref="GatewaySlug"/>).</summary>
internal enum VendorKind
{
    None,
    Lab,
    Company,
}
