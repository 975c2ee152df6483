namespace GatewayAudit.Cli.Tests;

/// <summary>
/// End to end: a Go checkout whose provider package builds its go-openai client pointed at OpenRouter in one file and
/// calls it in others, beside a command that imports go-openai only for its constants (the shape that gave a false
/// OpenAI party and a false shadow-sub-processor finding in the public-code corpus, bench/CODE-CORPUS.md class 7).
/// </summary>
public sealed class CrossFileClientScanTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_party_list_is_OpenRouter_and_its_upstreams_with_no_shadow_finding()
    {
        _dir.Write("go.mod", "module example.com/agent\n\ngo 1.22\n\nrequire github.com/sashabaranov/go-openai v1.36.1\n");
        _dir.Write("provider/client.go", """
            package provider

            import "github.com/sashabaranov/go-openai"

            type Factory struct {
                client *openai.Client
            }

            func NewFactory(key string) *Factory {
                cfg := openai.DefaultConfig(key)
                cfg.BaseURL = "https://openrouter.ai/api/v1"
                return &Factory{client: openai.NewClientWithConfig(cfg)}
            }
            """);
        _dir.Write("provider/embed.go", """
            package provider

            import (
                "context"

                "github.com/sashabaranov/go-openai"
            )

            func (f Factory) Embed(ctx context.Context, text string) ([]float32, error) {
                resp, err := f.client.CreateEmbeddings(ctx, openai.EmbeddingRequest{Input: []string{text}, Model: openai.SmallEmbedding3})
                if err != nil {
                    return nil, err
                }
                return resp.Data[0].Embedding, nil
            }
            """);
        _dir.Write("provider/chat.go", """
            package provider

            import (
                "context"

                "github.com/sashabaranov/go-openai"
            )

            func (f Factory) Chat(ctx context.Context, prompt string) (openai.ChatCompletionResponse, error) {
                return f.client.CreateChatCompletion(ctx, openai.ChatCompletionRequest{
                    Model:    "qwen/qwen-2.5-72b-instruct",
                    Messages: []openai.ChatCompletionMessage{{Role: openai.ChatMessageRoleUser, Content: prompt}},
                })
            }
            """);
        _dir.Write("cmd/transcribe/main.go", """
            package main

            import (
                "fmt"

                goopenai "github.com/sashabaranov/go-openai"
            )

            func main() {
                fmt.Println("model:", goopenai.Whisper1)
            }
            """);

        var json = CliRunner.Run(_dir.Path, "scan", ".", "--format", "json").AssertNoStackTrace().AssertExit(0).Stdout;
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var ids = document.RootElement.GetProperty("subprocessors").EnumerateArray().Select(s => s.GetProperty("id").GetString()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["provider:openrouter", "provider:openrouter-upstream:code:any"], ids);
        var rules = document.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("ruleId").GetString()).ToList();
        Assert.DoesNotContain("shadow-sub-processor", rules);
        var openRouter = document.RootElement.GetProperty("subprocessors").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "provider:openrouter");
        var notes = openRouter.GetProperty("notes").EnumerateArray().Select(n => n.GetString()!).ToList();
        Assert.Contains(notes, n => n.Contains("joined by same Go package (provider), field or variable client: provider/chat.go:10 (chat), provider/embed.go:10 (embedding)", StringComparison.Ordinal));
    }
}
