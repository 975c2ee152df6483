namespace GatewayAudit.Cli.Tests;

/// <summary>
/// A small Spring Boot project whose model clients come from application.yml and a profile properties file, behind an
/// injected ChatModel: the scan lists them (held-out corpus class 2: such a repository came out with nothing listed).
/// </summary>
public sealed class SpringScanTests : IDisposable
{
    private const string Key = "sk-proj-Tq3vW8mR2nK7xL4pS9dY1bF6hJ0gC5vN8mQ2rT7kX4zP9lW";

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_spring_ai_project_lists_openrouter_and_its_ollama_server_from_its_config_and_never_prints_the_key()
    {
        _dir.Write("chat-service/build.gradle", """
            dependencies {
                implementation 'org.springframework.ai:spring-ai-starter-model-openai'
                implementation 'org.springframework.ai:spring-ai-starter-model-ollama'
            }
            """);
        _dir.Write("chat-service/src/main/java/com/acme/chat/ChatController.java", """
            package com.acme.chat;

            @RestController
            class ChatController {
                private final ChatClient chat;

                ChatController(@Qualifier("openAiChatModel") ChatModel model) {
                    this.chat = ChatClient.builder(model).build();
                }

                @PostMapping("/ask")
                String ask(@RequestBody String question) {
                    return chat.prompt().user(question).call().content();
                }
            }
            """);
        _dir.Write("chat-service/src/main/resources/application.yml", """
            spring:
              application:
                name: chat-service
              ai:
                ollama:
                  chat:
                    options:
                      model: llama3.2
                openai:
                  api-key: ${OPENROUTER_API_KEY}
                  base-url: https://openrouter.ai/api
                  chat:
                    options:
                      model: google/gemini-2.0-flash-001
            openrouter:
              models:
                - google/gemini-2.0-flash-001
                - qwen/qwen3-4b:free
            """);
        _dir.Write("chat-service/src/main/resources/application-local.properties", $"""
            spring.ai.openai.api-key={Key}
            """);

        var result = CliRunner.Run(_dir.Path, "scan", ".", "--format", "json").AssertNoStackTrace();
        Assert.DoesNotContain(Key, result.Stdout + result.Stderr, StringComparison.Ordinal);
        using var document = System.Text.Json.JsonDocument.Parse(result.Stdout);
        var ids = document.RootElement.GetProperty("subprocessors").EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToList();
        Assert.Contains("provider:openrouter", ids);
        Assert.DoesNotContain("provider:openai", ids);
        var components = document.RootElement.GetProperty("components").EnumerateArray().Select(c => c.GetProperty("id").GetString()).ToList();
        Assert.Contains("inference:localhost:ollama", components);
        var readers = document.RootElement.GetProperty("inputs").EnumerateArray()
            .ToDictionary(i => i.GetProperty("file").GetString()!, i => i.TryGetProperty("reader", out var r) ? r.GetString() : null);
        Assert.Equal("spring-boot-config", readers["chat-service/src/main/resources/application.yml"]);
        Assert.Contains(document.RootElement.GetProperty("findings").EnumerateArray(),
            f => f.GetProperty("ruleId").GetString() == "literal-secret" && f.GetProperty("file").GetString() == "chat-service/src/main/resources/application-local.properties");
    }
}
