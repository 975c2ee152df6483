"""Nightly worker: summarises support tickets.

It should go through the team's LiteLLM proxy (LLM_BASE_URL), but calls Anthropic directly.
"""
import os

import anthropic

# A fallback key left in from local testing (made up for this example).
API_KEY = os.environ.get("ANTHROPIC_API_KEY", "sk-ant-api03-Xq7vR2mK9pL4tW8nB3cF6hJ1sD5gA0eZyU2iO7kM4nQ9wE3rT6yU1iP8aS5dF2gH0jK7lZ4xC1vB9nM3qW6eR8tY5uI2oP0aSAA")

client = anthropic.Anthropic(api_key=API_KEY)


def summarise(ticket_text: str) -> str:
    response = client.messages.create(
        model="claude-sonnet-4-5",
        max_tokens=512,
        messages=[{"role": "user", "content": f"Summarise this support ticket:\n\n{ticket_text}"}],
    )
    return response.content[0].text
