package com.acme.agent

import com.anthropic.client.okhttp.AnthropicOkHttpClient
import com.anthropic.models.messages.MessageCreateParams

/* An outer comment /* with a nested one */ that still hides
   AnthropicOkHttpClient.builder().baseUrl("https://api.x.ai").build() */
val claude = AnthropicOkHttpClient.fromEnv()

fun ask(question: String): String {
    val params = MessageCreateParams.builder().maxTokens(256).addUserMessage("""Answer: $question""").build()
    return claude.messages().create(params).content().first().text().get().text()
}
