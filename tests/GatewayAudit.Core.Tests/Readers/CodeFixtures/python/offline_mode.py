"""Offline stand-ins for the demo mode: nothing here reaches a provider."""
from unittest import mock

import respx

FAKE_REPLY = {"choices": [{"message": {"content": "ok"}}]}
HELP = "Set OPENAI_BASE_URL to https://api.together.xyz/v1 to use Together instead."


def offline():
    respx.post("https://api.openai.com/v1/chat/completions").respond(json=FAKE_REPLY)
    return mock.patch("openai.OpenAI")


def explain():
    raise RuntimeError("could not reach https://api.anthropic.com/v1/messages")
