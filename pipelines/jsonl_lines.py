"""The shared first step of the JSONL contracts: bytes in, a JSON object with an id, or a reason."""

from __future__ import annotations

import json
from typing import Any


def json_object_with_id(raw: bytes) -> dict[str, Any] | str:
    """The line's object if it is UTF-8 JSON with a non-empty string ``id``; else the reason."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return f"not valid UTF-8 (byte {exc.start})"
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        return f"invalid JSON: {exc.msg} at column {exc.colno}"
    if not isinstance(value, dict):
        return f"expected a JSON object, got {type(value).__name__}"
    if not isinstance(value.get("id"), str) or not value["id"]:
        return '"id" must be a non-empty string'
    return value
