"""The ``skillradar salary`` contract: JSONL salary strings in, normalised salaries out, in order.

Each input line is a JSON object with ``id`` (a non-empty string) and ``text`` (a string or
``null``), and optionally ``country`` (ISO code or name), ``posted`` (``YYYY-MM-DD``) and the
structured fields ``min``, ``max`` (numbers or strings), ``currency`` and ``period``. Each output
line holds ``id``, ``min``, ``max``, ``currency``, ``period``, ``annual_min``, ``annual_max``,
``annual_min_usd``, ``annual_max_usd`` and ``flags``. A malformed line is reported on ``errors``
as ``line N: reason`` and skipped; the rest are processed.
"""

from __future__ import annotations

import datetime
import json
import sys
from dataclasses import dataclass, field
from typing import IO, Any

from extractors.salary import parse_salary
from pipelines.jsonl_lines import json_object_with_id


@dataclass(frozen=True, slots=True)
class _Item:
    id: str
    text: str | None
    options: dict[str, Any] = field(default_factory=dict)


def salary_stream(source: IO[bytes], sink: IO[str], *, errors: IO[str]) -> int:
    """Process every line of ``source``; return how many lines were rejected."""
    rejected = 0
    for number, raw in enumerate(source, start=1):
        if not raw.strip():
            continue
        item = _parse(raw)
        if isinstance(item, str):
            rejected += 1
            errors.write(f"line {number}: {item}\n")
            errors.flush()
            continue
        salary = parse_salary(item.text, **item.options)
        sink.write(json.dumps({"id": item.id, **salary.as_contract()}, ensure_ascii=False) + "\n")
    sink.flush()
    return rejected


def _parse(raw: bytes) -> _Item | str:
    value = json_object_with_id(raw)
    if isinstance(value, str):
        return value
    if "text" not in value and "min" not in value and "max" not in value:
        return '"text" is missing'
    if value.get("text") is not None and not isinstance(value["text"], str):
        return '"text" must be a string or null'
    options: dict[str, Any] = {}
    for key in ("country", "currency", "period"):
        if value.get(key) is not None and not isinstance(value[key], str):
            return f'"{key}" must be a string or null'
        options[key] = value.get(key)
    for key, name in (("min", "min_value"), ("max", "max_value")):
        bound = value.get(key)
        if bound is not None and (
            isinstance(bound, bool) or not isinstance(bound, int | float | str)
        ):
            return f'"{key}" must be a number, a string or null'
        options[name] = bound
    posted = value.get("posted")
    if posted is not None:
        try:
            options["posted"] = datetime.date.fromisoformat(str(posted)[:10])
        except ValueError:
            posted = None
        if not isinstance(value["posted"], str) or posted is None:
            return f'"posted" must be a date (YYYY-MM-DD), got {value["posted"]!r}'
    return _Item(value["id"], value.get("text"), options)


if __name__ == "__main__":
    sys.exit(2 if salary_stream(sys.stdin.buffer, sys.stdout, errors=sys.stderr) else 0)
