"""The ``skillradar extract`` contract: JSONL postings in, JSONL skill mentions out, in order."""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO

from extractors.skills import SkillExtractor
from pipelines.jsonl_lines import json_object_with_id


@dataclass(frozen=True, slots=True)
class _Item:
    line: int
    id: str
    text: str


def extract_stream(
    source: IO[bytes],
    sink: IO[str],
    *,
    errors: IO[str],
    extractor: SkillExtractor | None = None,
) -> int:
    """Process every line of ``source``; return how many lines were rejected."""
    rejected = 0

    def valid_items() -> Iterator[_Item]:
        nonlocal rejected
        for number, raw in enumerate(source, start=1):
            if not raw.strip():
                continue
            item_or_reason = _parse(raw, number)
            if isinstance(item_or_reason, str):
                rejected += 1
                errors.write(f"line {number}: {item_or_reason}\n")
                errors.flush()
                continue
            yield item_or_reason

    pending: deque[_Item] = deque()

    def texts() -> Iterator[str]:
        for item in valid_items():
            pending.append(item)
            yield item.text

    skills = extractor or SkillExtractor()
    for mentions in skills.extract_many(texts()):
        item = pending.popleft()
        record = {"id": item.id, "skills": [m.as_contract() for m in mentions]}
        sink.write(json.dumps(record, ensure_ascii=False) + "\n")
    sink.flush()
    return rejected


def _parse(raw: bytes, number: int) -> _Item | str:
    value = json_object_with_id(raw)
    if isinstance(value, str):
        return value
    if not isinstance(value.get("text"), str):
        return '"text" must be a string'
    if "title" in value and value["title"] is not None and not isinstance(value["title"], str):
        return '"title" must be a string when given'
    return _Item(number, value["id"], value["text"])
