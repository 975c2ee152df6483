import OpenAI from "openai";
import { generateText, streamText } from "ai";
import { anthropic } from "@ai-sdk/anthropic";
import { createOpenAI } from "@ai-sdk/openai";
import { Langfuse } from "langfuse";
import * as Sentry from "@sentry/node";
import type { ChatCompletion } from "groq-sdk";

// const legacy = new OpenAI({ baseURL: "https://api.together.xyz/v1" });
/* Old direct call:
   await fetch("https://api.mistral.ai/v1/chat/completions", { method: "POST" });
*/

Sentry.init({ dsn: process.env.SENTRY_DSN, sendDefaultPii: true });

const langfuse = new Langfuse({ baseUrl: "https://us.cloud.langfuse.com" });

const helicone = new OpenAI({
  baseURL: "https://oai.helicone.ai/v1",
  defaultHeaders: { "Helicone-Auth": `Bearer ${process.env.HELICONE_API_KEY}` },
});

const local = createOpenAI({ baseURL: `http://${process.env.OLLAMA_HOST ?? "localhost"}:11434/v1` });

const slash = /"https:\/\/api.x.ai"/;

export async function answer(question: string): Promise<string | null> {
  console.log(`asking https://api.deepseek.com/chat/completions about ${question.length} chars`);
  const completion: ChatCompletion | null = null;
  const reply = await helicone.chat.completions.create({
    model: "gpt-4o",
    messages: [{ role: "user", content: question }],
  });
  return reply.choices[0]?.message?.content ?? completion;
}

export async function draft(topic: string) {
  const { text } = await generateText({ model: anthropic("claude-sonnet-4-5"), prompt: `Draft: ${topic}` });
  langfuse.trace({ name: "draft" });
  return text;
}

export function stream(topic: string) {
  return streamText({ model: local("llama3.1"), prompt: `${topic} ${slash.source}` });
}

export async function listModels() {
  const res = await fetch("https://openrouter.ai/api/v1/models");
  return res.json();
}
