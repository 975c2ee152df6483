// EU assistant: OpenRouter's in-region host, camelCase preferences as the OpenRouter TypeScript SDK writes them.
import OpenAI from "openai";

const openrouter = new OpenAI({ baseURL: "https://eu.openrouter.ai/api/v1", apiKey: process.env.OPENROUTER_API_KEY });

/* const legacy = { provider: { dataCollection: "allow", allowFallbacks: true } }; */

export async function answer(question: string) {
  const body = {
    model: "mistralai/mistral-large",
    messages: [{ role: "user", content: question }],
    provider: { dataCollection: "deny", allowFallbacks: false, order: ["mistral"] },
    route: "fallback",
  };
  return openrouter.chat.completions.create(body as any);
}
