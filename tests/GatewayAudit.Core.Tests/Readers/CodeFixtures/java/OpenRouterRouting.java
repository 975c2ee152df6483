package com.acme.recipes.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Routing notes: Map.of("provider", Map.of("only", List.of("deepinfra"))) was tried and dropped.
 */
public final class OpenRouterRouting {
    private static final URI CHAT = URI.create("https://openrouter.ai/api/v1/chat/completions");
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper mapper = new ObjectMapper();

    public String summarise(String text) throws Exception {
        var body = Map.of(
                "model", "anthropic/claude-sonnet-4.6",
                "messages", List.of(Map.of("role", "user", "content", text)),
                "provider", Map.of("order", List.of("anthropic", "openai"), "data_collection", "deny"));
        return send(body);
    }

    public String classify(String text) throws Exception {
        var body = Map.ofEntries(
                Map.entry("model", "mistralai/mistral-large"),
                Map.entry("messages", List.of(Map.of("role", "user", "content", text))),
                Map.entry("provider", Map.of("only", List.of("mistral"), "allow_fallbacks", false)));
        return send(body);
    }

    public String translate(String text) throws Exception {
        Map<String, Object> provider = new HashMap<>();
        provider.put("ignore", List.of("together"));
        provider.put("zdr", true);
        Map<String, Object> request = new HashMap<>();
        request.put("model", "meta-llama/llama-3.3-70b-instruct");
        request.put("messages", List.of(Map.of("role", "user", "content", text)));
        request.put("provider", provider);
        // request.put("provider", Map.of("order", List.of("fireworks")));
        return send(request);
    }

    public Map<String, Object> agentCard() {
        // Not OpenRouter: an agent card's provider is an organisation.
        return Map.of("provider", Map.of("organization", "Acme", "url", "https://acme.example"));
    }

    private String send(Object body) throws Exception {
        var request = HttpRequest.newBuilder(CHAT)
                .header("Authorization", "Bearer " + System.getenv("OPENROUTER_API_KEY"))
                .POST(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(body)))
                .build();
        return http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    }
}
