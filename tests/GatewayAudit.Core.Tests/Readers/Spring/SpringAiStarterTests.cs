using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers;
using GatewayAudit.Core.Readers.Spring;
using static GatewayAudit.Core.Tests.Readers.DeploymentFixtures;

namespace GatewayAudit.Core.Tests.Readers.Spring;

/// <summary>
/// Spring AI model starters in build files are possible parties with import-only confidence; the
/// <c>spring.ai.&lt;provider&gt;</c> properties decide the address where a Spring file sets them (fifth held-out code run,
/// bench/CODE-CORPUS.md: spring-ai-code's DeepSeek starter named no party).
/// </summary>
public sealed class SpringAiStarterTests
{
    private const string Pom = """
        <?xml version="1.0" encoding="UTF-8"?>
        <project xmlns="http://maven.apache.org/POM/4.0.0">
            <modelVersion>4.0.0</modelVersion>
            <groupId>com.example</groupId>
            <artifactId>support-bot</artifactId>
            <dependencyManagement>
                <dependencies>
                    <dependency>
                        <groupId>org.springframework.ai</groupId>
                        <artifactId>spring-ai-bom</artifactId>
                        <version>1.0.0</version>
                        <type>pom</type>
                        <scope>import</scope>
                    </dependency>
                </dependencies>
            </dependencyManagement>
            <dependencies>
                <dependency>
                    <groupId>org.springframework.ai</groupId>
                    <artifactId>spring-ai-starter-model-deepseek</artifactId>
                </dependency>
                <dependency>
                    <groupId>org.springframework.ai</groupId>
                    <artifactId>spring-ai-starter-vector-store-pgvector</artifactId>
                </dependency>
                <!--
                <dependency>
                    <groupId>org.springframework.ai</groupId>
                    <artifactId>spring-ai-starter-model-anthropic</artifactId>
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
    public void A_model_starter_in_pom_xml_is_a_possible_party_and_a_commented_one_or_a_vector_store_is_none()
    {
        var model = Read("pom.xml", Pom).Fragment;
        var deepSeek = Assert.Single(model.Components, c => c.Id.StartsWith("provider:", StringComparison.Ordinal));
        Assert.Equal(("provider:deepseek", "import-only"), (deepSeek.Id, deepSeek.Attributes["confidence"] as string));
        Assert.Contains(deepSeek.Evidence, e => e.ToString() == "pom.xml:20");
        Assert.Contains(deepSeek.Notes, n => n.Contains("spring-ai-starter-model-deepseek", StringComparison.Ordinal));
        Assert.DoesNotContain(model.Components, c => c.Vendor == "anthropic");
    }

    [Theory]
    [InlineData("build.gradle.kts", "implementation(\"org.springframework.ai:spring-ai-starter-model-openai\")", "provider:openai")]
    [InlineData("build.gradle", "implementation 'org.springframework.ai:spring-ai-azure-openai-spring-boot-starter:1.0.0-M6'", "provider:azure-openai")]
    [InlineData("build.gradle", "implementation 'org.springframework.ai:spring-ai-mistral-ai'", "provider:mistral")]
    public void A_model_starter_in_a_gradle_build_is_a_possible_party(string name, string dependency, string id)
    {
        var model = Read(name, $$"""
            plugins {
                id("org.springframework.boot") version "3.4.5"
            }

            dependencies {
                implementation(platform("org.springframework.ai:spring-ai-bom:1.0.0"))
                {{dependency}}
                // implementation("org.springframework.ai:spring-ai-starter-model-anthropic")
                implementation("org.springframework.ai:spring-ai-starter-mcp-client")
            }
            """).Fragment;
        var party = Assert.Single(model.Components, c => c.Id.StartsWith("provider:", StringComparison.Ordinal));
        Assert.Equal((id, "import-only"), (party.Id, party.Attributes["confidence"] as string));
        Assert.Contains(party.Evidence, e => e.Line == 7);
    }

    [Fact]
    public void Spring_ai_deepseek_properties_name_deepseek_at_its_documented_default()
    {
        var file = new InputFile("src/main/resources/application.yml", "/scan/src/main/resources/application.yml", """
            spring:
              ai:
                deepseek:
                  api-key: ${DEEPSEEK_API_KEY}
                  chat:
                    options:
                      model: deepseek-chat
            """, namedExplicitly: false);
        var deepSeek = new SpringConfigReader().Read(file).Fragment.Get("provider:deepseek");
        Assert.Equal(Hosting.ThirdParty, deepSeek.Hosting);
        Assert.Contains(deepSeek.Notes, n => n.Contains("https://api.deepseek.com", StringComparison.Ordinal));
    }

    [Fact]
    public void The_properties_base_url_decides_the_party_of_an_openai_starter()
    {
        var result = AuditFiles(
            ("pom.xml", Pom.Replace("spring-ai-starter-model-deepseek", "spring-ai-starter-model-openai", StringComparison.Ordinal)),
            ("src/main/resources/application.yml", """
                spring:
                  ai:
                    openai:
                      base-url: https://api.deepseek.com
                      api-key: ${DEEPSEEK_API_KEY}
                      chat:
                        options:
                          model: deepseek-chat
                """));
        Assert.Contains(result.Model.Components, c => c.Id == "provider:deepseek");
        Assert.DoesNotContain(result.Model.Components, c => c.Id == "provider:openai");

        // With no Spring file, the starter alone stays a possible party.
        var alone = AuditFiles(("pom.xml", Pom.Replace("spring-ai-starter-model-deepseek", "spring-ai-starter-model-openai", StringComparison.Ordinal)));
        Assert.Equal("import-only", alone.Model.Components.Single(c => c.Id == "provider:openai").Attributes["confidence"]);
    }
}
