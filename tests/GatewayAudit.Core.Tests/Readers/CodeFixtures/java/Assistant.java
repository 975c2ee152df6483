package com.acme.agent;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.sentry.Sentry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public final class Assistant {
    private static final Logger LOG = LoggerFactory.getLogger(Assistant.class);
    private static final String PROMPT = """
        You are a support assistant. The docs at https://api.anthropic.com are not called here.
        """;

    private final OpenAIClient client = OpenAIOkHttpClient.builder()
            .apiKey(System.getenv("OPENROUTER_API_KEY"))
            .baseUrl("https://openrouter.ai/api/v1")
            .build();

    public String answer(String question) {
        LOG.info("sending to https://api.openai.com/v1 as a fallback");
        // client.chat().completions().create(...) via Groq: "https://api.groq.com/openai/v1"
        var params = ChatCompletionCreateParams.builder()
                .model("anthropic/claude-sonnet-4.6")
                .addUserMessage(PROMPT + question)
                .build();
        return client.chat().completions().create(params).choices().get(0).message().content().orElse("");
    }
}
