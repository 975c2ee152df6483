package llm

import (
	"context"
	"log"
	"os"

	anthropic "github.com/anthropics/anthropic-sdk-go"
	"github.com/openai/openai-go"
	"github.com/openai/openai-go/option"
)

// NewGatewayClient calls the internal gateway. Previously: option.WithBaseURL("https://api.groq.com/openai/v1")
func NewGatewayClient() openai.Client {
	base := os.Getenv("LLM_BASE_URL")
	log.Printf("gateway %s (fallback https://api.openai.com/v1)", base)
	return openai.NewClient(option.WithBaseURL("http://litellm.llm.svc.cluster.local:4000/v1"))
}

func Summarise(ctx context.Context, c openai.Client, text string) (string, error) {
	resp, err := c.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{
		Model:    "gpt-4o",
		Messages: []openai.ChatCompletionMessageParamUnion{openai.UserMessage(text)},
	})
	if err != nil {
		return "", err
	}
	return resp.Choices[0].Message.Content, nil
}

const modelsURL = `https://api.mistral.ai/v1/models`

func Claude(ctx context.Context, prompt string) error {
	client := anthropic.NewClient()
	quote := '"'
	_, err := client.Messages.New(ctx, anthropic.MessageNewParams{
		MaxTokens: 256,
		Messages:  []anthropic.MessageParam{anthropic.NewUserMessage(anthropic.NewTextBlock(prompt + string(quote)))},
		Model:     anthropic.ModelClaudeSonnet4_5,
	})
	return err
}
