using static GatewayAudit.Core.Tests.Readers.DeploymentFixtures;

namespace GatewayAudit.Core.Tests.Stacks;

/// <summary>
/// A Go bot loads its settings in a config package (<c>OpenAIBaseURL: os.Getenv("BASE_URL")</c>) and builds its
/// go-openai client in <c>main.go</c> with <c>clientConfig.BaseURL = conf.OpenAIBaseURL</c>; the module's
/// <c>example.env</c> sets <c>BASE_URL</c>. The client reaches the party that value names, with evidence at the field and
/// the env file; a placeholder, another module's env file or fields of that name reading different variables leave it
/// unknown.
/// </summary>
public sealed class EnvironmentFieldJoinTests
{
    private const string Config = """
        package config

        import (
        	"os"

        	"github.com/joho/godotenv"
        )

        type Config struct {
        	BotToken      string
        	OpenAIApiKey  string
        	OpenAIBaseURL string
        	Model         string
        }

        func LoadConfig() (*Config, error) {
        	_ = godotenv.Load()
        	return &Config{
        		BotToken:      os.Getenv("BOT_TOKEN"),
        		OpenAIApiKey:  os.Getenv("API_KEY"),
        		OpenAIBaseURL: os.Getenv("BASE_URL"),
        		Model:         getEnv("MODEL", "meta-llama/llama-3-8b-instruct:free"),
        	}, nil
        }

        func getEnv(key, fallback string) string {
        	if value, ok := os.LookupEnv(key); ok {
        		return value
        	}
        	return fallback
        }
        """;

    private const string Main = """
        package main

        import (
        	"context"
        	"log"

        	"github.com/example/tgbot/config"
        	openai "github.com/sashabaranov/go-openai"
        )

        func main() {
        	conf, err := config.LoadConfig()
        	if err != nil {
        		log.Fatal(err)
        	}

        	clientConfig := openai.DefaultConfig(conf.OpenAIApiKey)
        	clientConfig.BaseURL = conf.OpenAIBaseURL
        	client := openai.NewClientWithConfig(clientConfig)
        	resp, err := client.CreateChatCompletion(context.Background(), openai.ChatCompletionRequest{
        		Model:    conf.Model,
        		Messages: []openai.ChatCompletionMessage{{Role: openai.ChatMessageRoleUser, Content: "hello"}},
        	})
        	log.Println(resp, err)
        }
        """;

    private static string Env(string baseUrl) => $"""
        # Your OpenRouter API key
        API_KEY=
        BOT_TOKEN=
        MODEL=meta-llama/llama-3-70b-instruct
        BASE_URL={baseUrl}
        """;

    [Fact]
    public void A_field_set_from_the_environment_takes_the_value_of_the_modules_env_file()
    {
        var result = AuditFiles(("bot/main.go", Main), ("bot/config/config.go", Config), ("bot/go.mod", "module github.com/example/tgbot\n"),
            ("bot/example.env", Env("https://openrouter.ai/api/v1/")));

        Assert.DoesNotContain(result.Model.Components, c => c.Id.StartsWith("provider:unresolved:", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Findings, f => f.RuleId == "prompts-reach-unidentified-party");
        var openRouter = result.Model.Find("provider:openrouter")!;
        Assert.Contains(openRouter.Evidence, e => e.File == "bot/main.go" && e.Line == 17);
        Assert.Contains(openRouter.Evidence, e => e.File == "bot/config/config.go" && e.Line == 21);
        Assert.Contains(openRouter.Evidence, e => e.File == "bot/example.env" && e.Line == 5);
        Assert.Contains(openRouter.Notes, n => n.Contains("is the field conf.OpenAIBaseURL, set from $BASE_URL at bot/config/config.go:21", StringComparison.Ordinal));
    }

    [Fact]
    public void An_assignment_in_a_loader_is_a_field_set_from_the_environment()
    {
        const string config = """
            package config

            import "os"

            type Settings struct{ OpenAIBaseURL string }

            func Load() *Settings {
            	s := &Settings{}
            	s.OpenAIBaseURL = os.Getenv("LLM_BASE_URL")
            	return s
            }
            """;

        var result = AuditFiles(("main.go", Main), ("config/config.go", config), (".env", "LLM_BASE_URL=http://localhost:11434/v1\n"));

        Assert.DoesNotContain(result.Model.Components, c => c.Id.StartsWith("provider:unresolved:", StringComparison.Ordinal));
        Assert.Contains(result.Model.Components, c => c.Id.StartsWith("inference:localhost", StringComparison.Ordinal) && c.Evidence.Any(e => e.File == ".env"));
    }

    [Theory]
    [InlineData("https://your-llm-endpoint/v1")]
    [InlineData("<BASE_URL>")]
    [InlineData("${LLM_URL}")]
    public void A_placeholder_in_the_env_file_stays_unknown(string placeholder)
    {
        var result = AuditFiles(("bot/main.go", Main), ("bot/config/config.go", Config), ("bot/example.env", Env(placeholder)));

        Assert.Contains(result.Model.Components, c => c.Id == "provider:unresolved:conf.OpenAIBaseURL");
    }

    [Fact]
    public void Another_modules_env_file_or_two_fields_of_that_name_leave_it_unknown()
    {
        var otherModule = AuditFiles(("bot/main.go", Main), ("bot/config/config.go", Config), ("admin/.env", Env("https://openrouter.ai/api/v1")));
        var twoFields = AuditFiles(("bot/main.go", Main), ("bot/config/config.go", Config), ("bot/example.env", Env("https://openrouter.ai/api/v1")),
            ("bot/legacy/config.go", Config.Replace("package config", "package legacy", StringComparison.Ordinal).Replace("\"BASE_URL\"", "\"OPENAI_BASE_URL\"", StringComparison.Ordinal)));

        Assert.Contains(otherModule.Model.Components, c => c.Id == "provider:unresolved:conf.OpenAIBaseURL");
        Assert.Contains(twoFields.Model.Components, c => c.Id == "provider:unresolved:conf.OpenAIBaseURL");
    }

    [Fact]
    public void The_module_is_the_folder_of_go_mod_so_an_env_file_beside_the_config_package_serves_main()
    {
        var result = AuditFiles(("bot/main.go", Main), ("bot/config/config.go", Config), ("bot/go.mod", "module github.com/example/tgbot\n"),
            ("bot/config/.env.example", Env("https://openrouter.ai/api/v1/")));

        Assert.DoesNotContain(result.Model.Components, c => c.Id == "provider:unresolved:conf.OpenAIBaseURL");
        Assert.Contains(result.Model.Find("provider:openrouter")!.Evidence, e => e.File == "bot/config/.env.example" && e.Line == 5);
    }

    [Fact]
    public void An_env_file_above_the_modules_go_mod_is_not_the_modules()
    {
        var result = AuditFiles(("bot/main.go", Main), ("bot/config/config.go", Config), ("bot/go.mod", "module github.com/example/tgbot\n"),
            (".env.example", Env("https://openrouter.ai/api/v1/")));

        Assert.Contains(result.Model.Components, c => c.Id == "provider:unresolved:conf.OpenAIBaseURL");
        Assert.Null(result.Model.Find("provider:openrouter"));
    }
}
