using static GatewayAudit.Core.Tests.Readers.DeploymentFixtures;

namespace GatewayAudit.Core.Tests.Stacks;

/// <summary>
/// A Spring Boot + LangChain4j service (Kotlin or Java) keeps its endpoint in a field Spring fills from a property
/// (<c>@Value("${langchain4j.open-ai.chat-model.base-url}")</c>) and builds its client with <c>.baseUrl(url)</c>; the
/// property is set in <c>application.yml</c> and differently in a profile file. Each value the files set is a party the
/// call may reach, named with its profile; no "endpoint set by url" row is left.
/// </summary>
public sealed class SpringPropertyJoinTests
{
    private const string Kotlin = """
        package com.example.chat.config

        import dev.langchain4j.model.chat.ChatLanguageModel
        import dev.langchain4j.model.openai.OpenAiChatModel
        import org.springframework.beans.factory.annotation.Value
        import org.springframework.context.annotation.Bean
        import org.springframework.context.annotation.Configuration

        @Configuration
        class LlmConfig {
            @Value("\${langchain4j.open-ai.chat-model.api-key}")
            private lateinit var apiKey: String

            @Value("\${langchain4j.open-ai.chat-model.base-url}")
            private lateinit var url: String

            @Bean
            fun chatModel(): ChatLanguageModel {
                return OpenAiChatModel.builder()
                    .apiKey(apiKey)
                    .modelName("grok-beta")
                    .baseUrl(url)
                    .build()
            }
        }
        """;

    private static string Properties(string model, string baseUrl) => $$"""
        spring:
          application:
            name: chat
        langchain4j:
          open-ai:
            chat-model:
              model-name: {{model}}
              base-url: {{baseUrl}}
        """;

    private static readonly string Default = Properties("grok-beta", "https://api.x.ai/v1");

    private static readonly string Qwen = Properties("qwen-turbo", "https://dashscope.aliyuncs.com/compatible-mode/v1");

    private const string Resources = "chat/src/main/resources/";
    private const string Code = "chat/src/main/kotlin/com/example/chat/config/LlmConfig.kt";

    [Fact]
    public void A_Value_field_takes_the_property_of_every_profile_each_named()
    {
        var result = AuditFiles((Code, Kotlin), (Resources + "application.yml", Default), (Resources + "application-qwen.yml", Qwen));

        Assert.DoesNotContain(result.Model.Components, c => c.Id.StartsWith("provider:unresolved:", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Findings, f => f.Message.Contains("Endpoint set by", StringComparison.Ordinal));
        var xai = result.Model.Find("provider:xai")!;
        Assert.Contains(xai.Evidence, e => e.File == Code && e.Line == 19);
        Assert.Contains(xai.Notes, n => n.Contains($"The address at {Code}:19 is the Spring property ${{langchain4j.open-ai.chat-model.base-url}}, set to https://api.x.ai/v1 at {Resources}application.yml:8 (default profile)", StringComparison.Ordinal)
            && n.Contains("depends on the profile", StringComparison.Ordinal));
        var dashScope = result.Model.Find("provider:alibaba-dashscope")!;
        Assert.Contains(dashScope.Evidence, e => e.File == Code && e.Line == 19);
        Assert.Contains(dashScope.Notes, n => n.Contains("application-qwen.yml:8 (profile 'qwen')", StringComparison.Ordinal));
    }

    [Fact]
    public void One_value_in_every_profile_is_one_party_without_a_profile_caveat()
    {
        var result = AuditFiles((Code, Kotlin), (Resources + "application.yml", Default), (Resources + "application-dev.yml", Default));

        var xai = result.Model.Find("provider:xai")!;
        var note = Assert.Single(xai.Notes, n => n.Contains("Spring property", StringComparison.Ordinal));
        Assert.Contains("application-dev.yml:8 (profile 'dev')", note, StringComparison.Ordinal);
        Assert.DoesNotContain("depends on the profile", note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Java_field_with_a_default_takes_the_default_where_no_file_sets_it()
    {
        const string java = """
            package com.example.chat;

            import dev.langchain4j.model.openai.OpenAiChatModel;
            import org.springframework.beans.factory.annotation.Value;
            import org.springframework.stereotype.Service;

            @Service
            public class ChatService {
                @Value("${app.llm.base-url:https://openrouter.ai/api/v1}")
                private String baseUrl;

                public String ask(String question) {
                    OpenAiChatModel model = OpenAiChatModel.builder().baseUrl(baseUrl).modelName("openai/gpt-4o").build();
                    return model.chat(question);
                }
            }
            """;

        var alone = AuditFiles(("svc/src/main/java/com/example/chat/ChatService.java", java), ("svc/src/main/resources/application.yml", "spring:\n  application:\n    name: svc\n"));
        var set = AuditFiles(("svc/src/main/java/com/example/chat/ChatService.java", java),
            ("svc/src/main/resources/application.yml", "spring:\n  application:\n    name: svc\napp:\n  llm:\n    base-url: http://litellm.internal:4000\n"));

        Assert.NotNull(alone.Model.Find("provider:openrouter"));
        Assert.DoesNotContain(alone.Model.Components, c => c.Id.StartsWith("provider:unresolved:", StringComparison.Ordinal));
        Assert.Null(set.Model.Find("provider:openrouter"));
        Assert.DoesNotContain(set.Model.Components, c => c.Id.StartsWith("provider:unresolved:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_property_no_file_of_that_application_sets_stays_unknown()
    {
        // The property file belongs to another application of the checkout (another folder before src/main/resources).
        var result = AuditFiles((Code, Kotlin), ("other/src/main/resources/application.yml", Default));

        Assert.Contains(result.Model.Components, c => c.Id == "provider:unresolved:url");
    }
}
