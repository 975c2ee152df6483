package com.acme.recipes.llm

import java.net.URI
import java.net.http.HttpClient
import java.net.http.HttpRequest

private val chat = URI.create("https://openrouter.ai/api/v1/chat/completions")

fun summarise(text: String, json: (Any) -> String): String {
    val body = mapOf(
        "model" to "qwen/qwen3-235b-a22b",
        "messages" to listOf(mapOf("role" to "user", "content" to text)),
        "provider" to mapOf("order" to listOf("groq", "cerebras"), "data_collection" to "deny"),
    )
    val request = HttpRequest.newBuilder(chat).POST(HttpRequest.BodyPublishers.ofString(json(body))).build()
    return HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString()).body()
}
