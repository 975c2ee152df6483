// Chat through Portkey: a self-hosted gateway for the EU tenant, the hosted one for everything else.
import Portkey, { createHeaders, PORTKEY_GATEWAY_URL } from "portkey-ai";
import OpenAI from "openai";
import nock from "nock";

const config = {
  strategy: { mode: "loadbalance" },
  targets: [
    { provider: "mistral-ai", virtualKey: "mistral-eu", weight: 0.7 },
    { provider: "azure-openai", virtualKey: "azure-sweden", weight: 0.3 },
  ],
};

// new Portkey({ config: { targets: [{ provider: "deepseek", virtualKey: "ds" }] } });
const eu = new Portkey({ baseURL: "http://portkey-gateway.llm.svc.cluster.local:8787/v1", apiKey: "unused", config });

const hosted = new OpenAI({
  baseURL: PORTKEY_GATEWAY_URL,
  defaultHeaders: {
    "x-portkey-api-key": process.env.PORTKEY_API_KEY,
    "x-portkey-config": '{"retry": {"attempts": 3}, "cache": {"mode": "simple", "max_age": 600}, "targets": [{"provider": "anthropic", "virtual_key": "claude-us"}]}',
  },
});

const tagged = createHeaders({ provider: "groq", virtualKey: process.env.GROQ_VK });

export async function chatEu(prompt: string) {
  console.log("x-portkey-config", JSON.stringify({ targets: [{ provider: "cohere" }] }));
  return eu.chat.completions.create({ model: "mistral-large-latest", messages: [{ role: "user", content: prompt }] });
}

export async function chat(prompt: string) {
  return hosted.chat.completions.create({ model: "claude-sonnet-4-5", messages: [{ role: "user", content: prompt }] });
}

export function fakePortkey() {
  nock("https://api.portkey.ai").post("/v1/chat/completions").matchHeader("x-portkey-config", '{"targets": [{"provider": "together-ai"}]}').reply(200, {});
}
