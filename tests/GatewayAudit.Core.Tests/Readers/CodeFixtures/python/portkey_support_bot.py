"""Support bot: answers through Portkey.

Docs example (a docstring, not a call): Portkey(config={"targets": [{"provider": "groq"}]})
"""
import json
import logging
import os

from openai import OpenAI
from portkey_ai import PORTKEY_GATEWAY_URL, Portkey, createHeaders

log = logging.getLogger(__name__)

FALLBACK = {
    "strategy": {"mode": "fallback"},
    "cache": {"mode": "semantic", "max_age": 7200},
    "input_guardrails": ["pangea.textGuard"],
    "targets": [
        {"provider": "anthropic", "virtual_key": "anthropic-prod", "override_params": {"model": "claude-sonnet-4-5"}},
        {"provider": "openai", "custom_host": "http://vllm.models.svc.cluster.local:8000/v1"},
    ],
}

portkey = Portkey(api_key=os.environ["PORTKEY_API_KEY"], config=FALLBACK)

# Portkey(config={"targets": [{"provider": "mistral-ai", "virtual_key": "commented"}]})

saved = OpenAI(
    base_url=PORTKEY_GATEWAY_URL,
    default_headers=createHeaders(api_key=os.environ["PORTKEY_API_KEY"], config="pc-support-7f3a2b"),
)

headers = {"x-portkey-provider": "google", "x-portkey-virtual-key": "gemini-eu"}


def answer(question: str) -> str:
    log.info("sending via x-portkey-config %s", json.dumps({"targets": [{"provider": "cohere"}]}))
    reply = portkey.chat.completions.create(messages=[{"role": "user", "content": question}], model="claude-sonnet-4-5")
    return reply.choices[0].message.content


def answer_saved(question: str) -> str:
    return saved.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": question}]).choices[0].message.content
