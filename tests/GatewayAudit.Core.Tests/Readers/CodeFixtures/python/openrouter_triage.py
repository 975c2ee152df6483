"""Ticket triage through OpenRouter.

Example from the docs (not a call): extra_body={"provider": {"only": ["deepinfra"]}}
"""
import logging
import os

from openai import OpenAI

log = logging.getLogger(__name__)

client = OpenAI(base_url="https://openrouter.ai/api/v1", api_key=os.environ["OPENROUTER_API_KEY"])


def triage(ticket: str) -> str:
    # extra_body={"provider": {"ignore": ["together"]}},
    reply = client.chat.completions.create(
        model="meta-llama/llama-3.3-70b-instruct",
        messages=[{"role": "user", "content": ticket}],
        extra_body={
            "models": ["meta-llama/llama-3.3-70b-instruct", "mistralai/mistral-large"],
            "provider": {"data_collection": "deny", "zdr": True, "order": ["groq", "fireworks"]},
            "transforms": ["middle-out"],
        },
    )
    return reply.choices[0].message.content


def draft(ticket: str) -> str:
    log.info("falling back with provider %s", {"allow_fallbacks": True, "data_collection": "allow"})
    reply = client.chat.completions.create(
        model="anthropic/claude-sonnet-4.6",
        messages=[{"role": "user", "content": ticket}],
        extra_body={"provider": {"only": ["anthropic"], "allow_fallbacks": False}},
    )
    return reply.choices[0].message.content
