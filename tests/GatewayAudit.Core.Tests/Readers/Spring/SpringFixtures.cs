namespace GatewayAudit.Core.Tests.Readers.Spring;

/// <summary>
/// Spring Boot configuration files in the shape real Spring AI, LangChain4j and Quarkus services write them (written
/// for these tests; the shapes follow the held-out corpus notes in bench/CODE-CORPUS.md, class 2).
/// </summary>
internal static class SpringFixtures
{
    /// <summary>A chat service with two Spring AI clients: Ollama with no address, OpenAI pointed at OpenRouter.</summary>
    public const string OllamaAndOpenRouterYaml = """
        spring:
          application:
            name: chat-service
          data:
            redis:
              host: redis
          ai:
            chat:
              memory:
                repository:
                  jdbc:
                    initialize-schema: never
            ollama:
              chat:
                model: llama3
            openai:
              api-key: ${OPENROUTER_API_KEY}
              base-url: https://openrouter.ai/api
              chat:
                options:
                  model: mistralai/mistral-small-3.2-24b-instruct:free

        openrouter:
          models:
            - mistralai/mistral-small-3.2-24b-instruct:free
            - meta-llama/llama-3.3-70b-instruct:free

        server:
          port: 8080
        """;

    /// <summary>A Spring Boot file with no AI settings at all.</summary>
    public const string PlainSpringYaml = """
        spring:
          application:
            name: orders
          datasource:
            url: ${PG_URL}
            username: ${PG_USER}
            password: ${PG_PASSWORD}
        server:
          port: 8081
        """;

    /// <summary>The OpenAI starter on the class path but its chat model switched off (pre-1.0 property), Anthropic on.</summary>
    public const string OpenAiChatDisabledYaml = """
        spring:
          ai:
            openai:
              api-key: ${OPENAI_API_KEY}
              chat:
                enabled: false
            anthropic:
              api-key: ${ANTHROPIC_API_KEY}
              chat:
                options:
                  model: claude-sonnet-4-5
        """;

    /// <summary>Spring AI 1.0's selector picks Ollama; the OpenAI settings stay in the file but its chat model is off.</summary>
    public const string SelectorProperties = """
        # chat model selection (Spring AI 1.0)
        spring.ai.model.chat=ollama
        spring.ai.openai.api-key=${OPENAI_API_KEY}
        spring.ai.ollama.base-url=http://ollama:11434
        spring.ai.ollama.chat.options.model=qwen3:8b
        """;

    /// <summary>Relaxed binding (baseUrl, base_url) and placeholders with and without a default.</summary>
    public const string PlaceholderProperties = """
        spring.application.name=assistant
        spring.ai.openai.baseUrl=${LLM_BASE_URL:http://vllm.internal:8000}
        spring.ai.mistralai.base_url=${MISTRAL_BASE_URL}
        spring.ai.anthropic.api-key=sk-ant-api03-Zq8vR2mN7xK4pL9sT1wY6bF3hJ5dG0cV8nM2qR7tX4zK9pL1sW6yB3fH5jD0gC8vN2mQ7rT4
        """;

    public const string AnthropicKey = "sk-ant-api03-Zq8vR2mN7xK4pL9sT1wY6bF3hJ5dG0cV8nM2qR7tX4zK9pL1sW6yB3fH5jD0gC8vN2mQ7rT4";

    /// <summary>Azure OpenAI by endpoint, Bedrock by region, Vertex AI Gemini by project and location (a profile file).</summary>
    public const string CloudProfileYaml = """
        spring:
          ai:
            azure:
              openai:
                endpoint: https://contoso-eu.openai.azure.com/
                chat:
                  options:
                    deployment-name: gpt-4o
            bedrock:
              aws:
                region: eu-central-1
            vertex:
              ai:
                gemini:
                  project-id: acme-prod
                  location: europe-west4
        """;

    /// <summary>LangChain4j's Spring Boot starter pointed at the team's own LiteLLM proxy.</summary>
    public const string LangChain4jYaml = """
        langchain4j:
          open-ai:
            chat-model:
              base-url: http://litellm:4000/v1
              api-key: ${LITELLM_KEY}
              model-name: gpt-4o-mini
        """;

    /// <summary>Quarkus LangChain4j pointed at OpenRouter in application.properties.</summary>
    public const string QuarkusProperties = """
        quarkus.http.port=8080
        quarkus.langchain4j.openai.base-url=https://openrouter.ai/api/v1
        quarkus.langchain4j.openai.api-key=${OPENROUTER_API_KEY}
        """;

    /// <summary>An app's own settings file (not Spring's name) listing the OpenRouter models it offers: not a request body.</summary>
    public const string AppModelListYaml = """
        app:
          title: Model picker
        openrouter:
          models:
            - google/gemma-3-12b-it:free
            - qwen/qwen3-4b:free
        """;
}
