"""Summarisation worker.

In production this calls https://api.openai.com/v1/chat/completions (a docstring: not a call).
"""
import logging
import os

import anthropic
import cohere
import sentry_sdk
from langchain_openai import ChatOpenAI
from langfuse import Langfuse
from openai import OpenAI

logger = logging.getLogger(__name__)

OPENROUTER_BASE = "https://openrouter.ai/api/v1"

sentry_sdk.init(dsn=os.environ["SENTRY_DSN"], traces_sample_rate=0.2)
langfuse = Langfuse(host="https://cloud.langfuse.com")

router = OpenAI(base_url=OPENROUTER_BASE, api_key=os.environ["OPENROUTER_API_KEY"])
local = OpenAI(base_url="http://vllm.inference.svc.cluster.local:8000/v1", api_key="EMPTY")
proxy = OpenAI(base_url=os.getenv("LLM_PROXY_URL", "http://litellm:4000"))
claude = anthropic.Anthropic()
llm = ChatOpenAI(model="llama3.1", base_url="http://localhost:11434/v1")


def summarise(text: str) -> str:
    """Summarise with Claude; see https://api.anthropic.com/v1/messages for the API."""
    logger.info("calling https://api.mistral.ai/v1/chat/completions for %d chars", len(text))
    # router.chat.completions.create(model="x", base_url="https://api.groq.com/openai/v1")
    reply = claude.messages.create(
        model="claude-sonnet-4-5",
        max_tokens=512,
        messages=[{"role": "user", "content": text}],
    )
    return reply.content[0].text


def route(prompt: str) -> str:
    resp = router.chat.completions.create(
        model="anthropic/claude-sonnet-4.6",
        messages=[{"role": "user", "content": prompt}],
    )
    return resp.choices[0].message.content


def available_models() -> list[str]:
    return [m.id for m in local.models.list()]


def ask_proxy(prompt: str) -> str:
    return proxy.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": prompt}]).choices[0].message.content


def local_answer(prompt: str) -> str:
    return llm.invoke(prompt).content
