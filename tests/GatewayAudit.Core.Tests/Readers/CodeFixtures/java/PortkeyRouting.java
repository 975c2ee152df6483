package com.acme.assistant;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Sends chat requests through Portkey with a saved config. Example: {@code .header("x-portkey-config", "pc-example")}. */
public final class PortkeyRouting {
    private static final String GATEWAY = "https://api.portkey.ai/v1/chat/completions";

    private final HttpClient http = HttpClient.newHttpClient();

    public HttpResponse<String> ask(String json) throws Exception {
        // .header("x-portkey-virtual-key", "old-openai-key")
        HttpRequest request = HttpRequest.newBuilder(URI.create(GATEWAY))
            .header("x-portkey-api-key", System.getenv("PORTKEY_API_KEY"))
            .header("x-portkey-config", "pc-assist-0c91d2")
            .header("x-portkey-provider", "anthropic")
            .header("x-portkey-virtual-key", "claude-prod")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
