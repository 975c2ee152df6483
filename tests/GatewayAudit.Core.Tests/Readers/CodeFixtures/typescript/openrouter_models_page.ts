// Settings page: lists the models OpenRouter offers. No prompt is sent.
import OpenAI from "openai";

const openrouter = new OpenAI({ baseURL: "https://openrouter.ai/api/v1" });
const preferences = { provider: { zdr: true, dataCollection: "deny" } };

export async function modelNames() {
  const page = await openrouter.models.list();
  return page.data.map((m) => m.id);
}
