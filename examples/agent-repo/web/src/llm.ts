// The web app's chat endpoint: OpenAI through Helicone's proxy host, for request analytics.
// Helicone-Omit-Request keeps prompts out of Helicone's stored logs (they still pass through Helicone).
import OpenAI from "openai";

const client = new OpenAI({
  apiKey: process.env.OPENAI_API_KEY,
  baseURL: "https://oai.helicone.ai/v1",
  defaultHeaders: {
    "Helicone-Auth": `Bearer ${process.env.HELICONE_API_KEY}`,
    "Helicone-Omit-Request": "true",
  },
});

export async function answer(question: string): Promise<string> {
  const completion = await client.chat.completions.create({
    model: "gpt-4o-mini",
    messages: [{ role: "user", content: question }],
  });
  return completion.choices[0].message.content ?? "";
}
