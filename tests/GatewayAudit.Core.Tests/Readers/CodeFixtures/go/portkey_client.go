package assistant

import (
	"bytes"
	"encoding/json"
	"log"
	"net/http"
	"os"
)

// Routes through Portkey's hosted gateway. Old setup: req.Header.Set("x-portkey-provider", "perplexity-ai")
const portkeyURL = "https://api.portkey.ai/v1/chat/completions"

const fallbackConfig = `{"strategy": {"mode": "fallback"}, "targets": [{"provider": "bedrock", "aws_region": "eu-central-1"}, {"provider": "vertex-ai", "vertex_region": "europe-west4"}]}`

func Ask(prompt string) (*http.Response, error) {
	body, _ := json.Marshal(map[string]any{"model": "claude-sonnet-4-5", "messages": []map[string]string{{"role": "user", "content": prompt}}})
	req, _ := http.NewRequest("POST", portkeyURL, bytes.NewReader(body))
	req.Header.Set("x-portkey-api-key", os.Getenv("PORTKEY_API_KEY"))
	req.Header.Set("x-portkey-config", fallbackConfig)
	log.Printf("x-portkey-config: %s", `{"targets": [{"provider": "groq"}]}`)
	return http.DefaultClient.Do(req)
}

// OpenRouter for the batch job, ZDR endpoints only.
func Batch(prompt string) (*http.Response, error) {
	payload := map[string]any{
		"model":    "qwen/qwen3-235b-a22b",
		"messages": []map[string]string{{"role": "user", "content": prompt}},
		"provider": map[string]any{"zdr": true, "data_collection": "deny", "ignore": []string{"together"}},
	}
	body, _ := json.Marshal(payload)
	req, _ := http.NewRequest("POST", "https://openrouter.ai/api/v1/chat/completions", bytes.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+os.Getenv("OPENROUTER_API_KEY"))
	return http.DefaultClient.Do(req)
}
