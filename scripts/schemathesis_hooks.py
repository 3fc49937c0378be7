"""Schemathesis hooks for scripts/test-api.sh: keep every `url` input on loopback.

An `ExtractRequest` may carry `url`, which the service fetches. The SSRF guard refuses private and
loopback addresses, but a generated hostname (or the documented example https://example.com/...) would
still make the service resolve it in DNS, i.e. send traffic off this machine. So, right before each
request is sent (the `before_call` hook runs in every phase: examples, coverage and fuzzing), every
string `url` member of a JSON body is replaced by LOOPBACK_URL:

  * POST /v1/extract, application/json: the ExtractRequest object itself;
  * POST /v1/extract/batch, application/json: each object of the array;
  * POST /v1/extract/batch, application/x-ndjson: each line that parses as a JSON object.

LOOPBACK_URL is an IP literal on loopback, so no DNS lookup happens and the guard answers 422
`fetch_blocked` without connecting anywhere; with `html`, `url` is only recorded (never fetched).
Non-string `url` values are left alone: the service must reject them (400) without fetching.
The rewrite keeps the request's validity (any non-empty string is a schema-valid `url`).

Loaded by scripts/test-api.sh through SCHEMATHESIS_HOOKS=scripts/schemathesis_hooks.py.
"""
from __future__ import annotations

import json
from typing import Any

import schemathesis

LOOPBACK_URL = "http://127.0.0.1:9/lede-test-api"

# The NDJSON batch body is documented as a string (one JSON ExtractRequest per line): send it as the raw
# UTF-8 text of that string, the way text/plain bodies are sent (schemathesis has no NDJSON serializer).
schemathesis.serializer.alias("application/x-ndjson", "text/plain")
EXTRACT_PATHS = {"/v1/extract", "/v1/extract/batch"}


def _rewrite(value: Any) -> Any:
    """Return `value` with every string `url` of a JSON object (at any depth) replaced."""
    if isinstance(value, dict):
        return {key: (LOOPBACK_URL if key == "url" and isinstance(item, str) else _rewrite(item))
                for key, item in value.items()}
    if isinstance(value, list):
        return [_rewrite(item) for item in value]
    return value


def _rewrite_ndjson(text: str) -> str:
    lines = []
    for line in text.split("\n"):
        try:
            parsed = json.loads(line)
        except ValueError:
            lines.append(line)  # not JSON: the service answers invalid_json for it, no fetch
            continue
        rewritten = _rewrite(parsed)
        lines.append(line if rewritten == parsed else json.dumps(rewritten, ensure_ascii=False))
    return "\n".join(lines)


@schemathesis.hook
def before_call(context, case, kwargs):  # noqa: ARG001 (hook signature)
    if case.operation.path not in EXTRACT_PATHS:
        return
    body = case.body
    if isinstance(body, (dict, list)):
        case.body = _rewrite(body)
    elif isinstance(body, str) and "url" in body and (case.media_type or "").startswith("application/x-ndjson"):
        case.body = _rewrite_ndjson(body)
    elif isinstance(body, bytes) and b"url" in body and (case.media_type or "").startswith("application/x-ndjson"):
        case.body = _rewrite_ndjson(body.decode("utf-8", "surrogateescape")).encode("utf-8", "surrogateescape")
