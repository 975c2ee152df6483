using static GatewayAudit.Core.Tests.Readers.DeploymentFixtures;

namespace GatewayAudit.Core.Tests.Stacks;

/// <summary>
/// Spring Boot services whose client address is bound by <c>@ConfigurationProperties(prefix = ...)</c> rather than
/// <c>@Value</c>, and <c>application.yml</c> files with one document per profile (<c>---</c>, activated with
/// <c>spring.config.activate.on-profile</c> or the older <c>spring.profiles</c>): each value is a party, named with the
/// profile of its document.
/// </summary>
public sealed class SpringBoundPropertiesTests
{
    private const string JavaConfig = """
        package com.example.chat.config;

        import dev.langchain4j.model.chat.StreamingChatModel;
        import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
        import lombok.Data;
        import org.springframework.boot.context.properties.ConfigurationProperties;
        import org.springframework.context.annotation.Bean;
        import org.springframework.context.annotation.Configuration;

        @Configuration
        @ConfigurationProperties(prefix = "assistant.llm")
        @Data
        public class ChatModelConfig {

            private String baseUrl;

            private String apiKey;

            private String modelName;

            private Boolean logRequests = false;

            @Bean
            public StreamingChatModel streamingChatModel() {
                String unused = "local";
                return OpenAiStreamingChatModel.builder()
                        .apiKey(apiKey)
                        .baseUrl(baseUrl)
                        .modelName(modelName)
                        .logRequests(logRequests)
                        .build();
            }
        }
        """;

    private const string Code = "chat/src/main/java/com/example/chat/config/ChatModelConfig.java";
    private const string Resources = "chat/src/main/resources/";

    [Fact]
    public void A_bound_field_takes_the_property_its_prefix_and_name_make()
    {
        var result = AuditFiles((Code, JavaConfig), (Resources + "application.yml", """
            spring:
              application:
                name: chat
            assistant:
              llm:
                base-url: https://api.deepseek.com
                model-name: deepseek-chat
            """));

        Assert.DoesNotContain(result.Model.Components, c => c.Id.StartsWith("provider:unresolved:", StringComparison.Ordinal));
        var deepSeek = result.Model.Find("provider:deepseek")!;
        Assert.Contains(deepSeek.Evidence, e => e.File == Code && e.Line == 26);
        Assert.Contains(deepSeek.Notes, n => n.Contains("${assistant.llm.baseUrl}", StringComparison.Ordinal) && n.Contains("application.yml:6 (default profile)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_Kotlin_properties_class_default_is_used_where_no_file_sets_it()
    {
        const string kotlin = """
            package com.example.chat

            import dev.langchain4j.model.openai.OpenAiChatModel
            import org.springframework.boot.context.properties.ConfigurationProperties

            @ConfigurationProperties(prefix = "llm")
            data class LlmProperties(
                val apiKey: String = "",
                val baseUrl: String = "https://openrouter.ai/api/v1",
            ) {
                fun model(): OpenAiChatModel = OpenAiChatModel.builder().apiKey(apiKey).baseUrl(baseUrl).modelName("openai/gpt-4o").build()
            }
            """;

        var result = AuditFiles(("svc/src/main/kotlin/com/example/chat/LlmProperties.kt", kotlin), ("svc/src/main/resources/application.yml", "spring:\n  application:\n    name: svc\n"));

        Assert.NotNull(result.Model.Find("provider:openrouter"));
        Assert.DoesNotContain(result.Model.Components, c => c.Id.StartsWith("provider:unresolved:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_field_of_a_class_without_the_annotation_is_not_bound()
    {
        var plain = JavaConfig.Replace("@ConfigurationProperties(prefix = \"assistant.llm\")", "", StringComparison.Ordinal);

        var result = AuditFiles((Code, plain), (Resources + "application.yml", "assistant:\n  llm:\n    base-url: https://api.deepseek.com\n"));

        Assert.Null(result.Model.Find("provider:deepseek"));
        Assert.Contains(result.Model.Components, c => c.Id == "provider:unresolved:baseUrl");
    }

    [Theory]
    [InlineData("spring:\n  config:\n    activate:\n      on-profile: qwen")]
    [InlineData("spring:\n  profiles: qwen")]
    public void Each_document_of_a_profile_is_its_own_profile(string activation)
    {
        var yaml = $"""
            spring:
              application:
                name: chat
            assistant:
              llm:
                base-url: https://api.deepseek.com
            ---
            {activation}
            assistant:
              llm:
                base-url: https://dashscope.aliyuncs.com/compatible-mode/v1
            """;

        var result = AuditFiles((Code, JavaConfig), (Resources + "application.yml", yaml));

        var deepSeek = result.Model.Find("provider:deepseek")!;
        Assert.Contains(deepSeek.Notes, n => n.Contains("application.yml:6 (default profile)", StringComparison.Ordinal) && n.Contains("depends on the profile", StringComparison.Ordinal));
        var dashScope = result.Model.Find("provider:alibaba-dashscope")!;
        Assert.Contains(dashScope.Notes, n => n.Contains("(profile 'qwen')", StringComparison.Ordinal));
    }

    [Fact]
    public void Spring_AI_clients_of_each_profile_document_are_each_listed()
    {
        const string yaml = """
            spring:
              ai:
                openai:
                  api-key: ${OPENAI_API_KEY}
                  chat:
                    options:
                      model: gpt-4o
            ---
            spring:
              config:
                activate:
                  on-profile: openrouter
              ai:
                openai:
                  base-url: https://openrouter.ai/api
                  chat:
                    options:
                      model: openai/gpt-4o
            """;

        var result = AuditFiles(("app/src/main/resources/application.yml", yaml));

        Assert.NotNull(result.Model.Find("provider:openai"));
        Assert.NotNull(result.Model.Find("provider:openrouter"));
    }
}
