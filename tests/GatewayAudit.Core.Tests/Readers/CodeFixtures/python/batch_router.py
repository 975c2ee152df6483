import litellm
from litellm import completion

DEFAULT_MODEL = "gpt-4o-mini"


async def classify(text):
    return await litellm.acompletion(model="anthropic/claude-3-5-haiku-20241022", messages=[{"role": "user", "content": text}])


def embed(texts):
    return litellm.embedding(model="mistral/mistral-embed", input=texts)


def via_gateway(text, model):
    return completion(model=model, messages=[{"role": "user", "content": text}])


def via_proxy(text):
    return completion(model="litellm_proxy/gpt-4o", api_base="http://localhost:4000", messages=[{"role": "user", "content": text}])
