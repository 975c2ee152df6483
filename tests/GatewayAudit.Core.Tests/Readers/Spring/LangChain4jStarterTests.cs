using GatewayAudit.Core.Readers;
using GatewayAudit.Core.Readers.Spring;
using static GatewayAudit.Core.Tests.Readers.DeploymentFixtures;

namespace GatewayAudit.Core.Tests.Readers.Spring;

/// <summary>
/// LangChain4j model integrations in a build file (<c>langchain4j-open-ai</c>, its Spring Boot starter, Gradle
/// <c>dev.langchain4j:langchain4j-anthropic</c>) are possible parties with import-only confidence, read by the same
/// reader and vocabulary as Spring AI's starters; the core library, a vector store or a commented dependency name none,
/// and <c>langchain4j.open-ai.*</c> properties pointed at another host decide the party where a Spring file sets them.
/// </summary>
public sealed class LangChain4jStarterTests
{
    private const string Pom = """
        <?xml version="1.0" encoding="UTF-8"?>
        <project xmlns="http://maven.apache.org/POM/4.0.0">
            <modelVersion>4.0.0</modelVersion>
            <groupId>com.example</groupId>
            <artifactId>assistant</artifactId>
            <dependencies>
                <dependency>
                    <groupId>dev.langchain4j</groupId>
                    <artifactId>langchain4j-open-ai-spring-boot-starter</artifactId>
                    <version>1.0.0-beta3</version>
                </dependency>
                <dependency>
                    <groupId>dev.langchain4j</groupId>
                    <artifactId>langchain4j</artifactId>
                    <version>1.0.0</version>
                </dependency>
                <dependency>
                    <groupId>dev.langchain4j</groupId>
                    <artifactId>langchain4j-pgvector</artifactId>
                    <version>1.0.0-beta3</version>
                </dependency>
                <!--
                <dependency>
                    <groupId>dev.langchain4j</groupId>
                    <artifactId>langchain4j-mistral-ai</artifactId>
                </dependency>
                -->
            </dependencies>
        </project>
        """;

    private static ReaderResult Read(string path, string text)
    {
        var file = new InputFile(path, "/scan/" + path, text, namedExplicitly: false);
        var taker = ReaderRegistry.Default.First(r => r.OffersFileName(file.FileName) && r.Recognizes(file));
        Assert.IsType<SpringAiStarterReader>(taker);
        return taker.Read(file);
    }

    [Fact]
    public void A_langchain4j_starter_is_a_possible_party_and_the_core_a_store_or_a_comment_none()
    {
        var model = Read("pom.xml", Pom).Fragment;

        var openAi = Assert.Single(model.Components, c => c.Id.StartsWith("provider:", StringComparison.Ordinal));
        Assert.Equal(("provider:openai", "import-only"), (openAi.Id, openAi.Attributes["confidence"] as string));
        Assert.Contains(openAi.Evidence, e => e.ToString() == "pom.xml:9");
        Assert.Contains(openAi.Notes, n => n.Contains("LangChain4j OpenAI (langchain4j-open-ai-spring-boot-starter dependency)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("build.gradle.kts", "implementation(\"dev.langchain4j:langchain4j-anthropic:1.0.0\")", "provider:anthropic")]
    [InlineData("build.gradle", "implementation 'dev.langchain4j:langchain4j-google-ai-gemini:1.5.0'", "provider:google-gemini-api")]
    [InlineData("build.gradle", "implementation 'dev.langchain4j:langchain4j-azure-open-ai-spring-boot-starter:1.0.0-beta3'", "provider:azure-openai")]
    [InlineData("build.gradle", "implementation 'dev.langchain4j:langchain4j-mistral-ai'", "provider:mistral")]
    public void A_langchain4j_integration_in_a_gradle_build_is_a_possible_party(string name, string dependency, string id)
    {
        var model = Read(name, $$"""
            plugins {
                id 'java'
            }

            dependencies {
                implementation 'dev.langchain4j:langchain4j:1.0.0'
                {{dependency}}
                // implementation 'dev.langchain4j:langchain4j-ollama:1.0.0'
            }
            """).Fragment;

        var party = Assert.Single(model.Components, c => c.Id.StartsWith("provider:", StringComparison.Ordinal));
        Assert.Equal((id, "import-only"), (party.Id, party.Attributes["confidence"] as string));
        Assert.Contains(party.Evidence, e => e.Line == 7);
    }

    [Fact]
    public void An_ollama_integration_is_the_operators_own_server()
    {
        var model = Read("build.gradle", "dependencies {\n    implementation 'dev.langchain4j:langchain4j-ollama:1.0.0'\n}\n").Fragment;

        Assert.DoesNotContain(model.Components, c => c.Hosting == GatewayAudit.Core.Model.Hosting.ThirdParty);
        Assert.Contains(model.Components, c => c.Evidence.Any(e => e.Line == 2));
    }

    [Fact]
    public void The_properties_base_url_decides_the_party_of_the_openai_starter()
    {
        var result = AuditFiles(("pom.xml", Pom), ("src/main/resources/application.yml", """
            langchain4j:
              open-ai:
                chat-model:
                  base-url: https://api.deepseek.com
                  api-key: ${DEEPSEEK_API_KEY}
                  model-name: deepseek-chat
            """));

        Assert.Contains(result.Model.Components, c => c.Id == "provider:deepseek");
        Assert.DoesNotContain(result.Model.Components, c => c.Id == "provider:openai");
    }
    [Fact]
    public void Starter_clients_pointed_at_two_other_parties_by_profile_explain_the_import()
    {
        static string Profile(string url) => $$"""
            langchain4j:
              open-ai:
                chat-model:
                  base-url: {{url}}
                  model-name: chat
            """;

        var result = AuditFiles(("pom.xml", Pom), ("src/main/resources/application-grok.yml", Profile("https://api.x.ai/v1")),
            ("src/main/resources/application-qwen.yml", Profile("https://dashscope.aliyuncs.com/compatible-mode/v1")));

        Assert.DoesNotContain(result.Model.Components, c => c.Id == "provider:openai");
        var xai = result.Model.Find("provider:xai")!;
        Assert.Contains(xai.Notes, n => n.Contains("is pointed at one of 2 parties", StringComparison.Ordinal));
    }
    [Fact]
    public void Clients_built_in_code_from_a_property_set_differently_per_profile_explain_the_import()
    {
        const string config = """
            package com.example.assistant

            import dev.langchain4j.model.openai.OpenAiChatModel
            import org.springframework.beans.factory.annotation.Value
            import org.springframework.context.annotation.Bean
            import org.springframework.context.annotation.Configuration

            @Configuration
            class LlmConfig {
                @Value("\${langchain4j.open-ai.chat-model.base-url}")
                private lateinit var url: String

                @Bean
                fun chatModel(): OpenAiChatModel = OpenAiChatModel.builder().baseUrl(url).modelName("chat").build()
            }
            """;
        static string Profile(string url) => $"langchain4j:\n  open-ai:\n    chat-model:\n      base-url: {url}\n";

        var result = AuditFiles(("pom.xml", Pom), ("src/main/kotlin/com/example/assistant/LlmConfig.kt", config),
            ("src/main/resources/application-grok.yml", Profile("https://api.x.ai/v1")),
            ("src/main/resources/application-qwen.yml", Profile("https://dashscope.aliyuncs.com/compatible-mode/v1")));

        Assert.NotNull(result.Model.Find("provider:xai"));
        Assert.DoesNotContain(result.Model.Components, c => c.Id == "provider:openai");
    }
}
