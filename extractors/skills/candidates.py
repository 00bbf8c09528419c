"""Emerging terms: tech-looking words in skill lists that the taxonomy does not know yet.

"Experience with Python, Polars and DuckDB" names three technologies; if only Python is in the
taxonomy, "Polars" and "DuckDB" become candidates that the warehouse ranks for curation.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

#: Tokens that separate items of a skill list.
SEPARATORS = frozenset({",", "/", "|", ";", "(", ")", "and", "or", "&", "+", "•", "*"})
MAX_ITEM_TOKENS = 3
MAX_ITEMS_AWAY = 4
_TECHY = re.compile(
    r"^(?:[A-Z][a-z]+[A-Z]\w*"  # CamelCase: PyTorch, DuckDB
    r"|[a-z]+[A-Z]\w*"  # camelCase: pgVector, iOS
    r"|[A-Z]{2,}[a-z]?s?"  # acronyms: ETL, LLMs
    r"|\w*[0-9]\w*"  # digits: S3, GPT4o
    r"|\w+(?:\.\w+)+"  # dotted: Node.js, ASP.NET
    r"|\w+[#+]+)$"  # C#, F#
)
_NOT_TERMS = frozenset(
    {
        "I", "II", "III", "IV", "US", "USA", "UK", "EU", "EEO", "LLC", "INC", "HR", "PTO", "401k",
        "401(k", "TBD", "N/A", "FAQ", "CEO", "CTO", "CFO", "VP", "PhD", "BS", "BA", "MS", "MBA",
        "BSc", "MSc", "USD", "EST", "PST", "CST", "MST", "AM", "PM", "OK", "FTE", "W2", "1099",
    }
)  # fmt: skip


def candidate_terms(doc: Doc, skills: Sequence[Span]) -> list[Span]:
    """Unknown tech-looking list items within a few items of a recognised technical skill."""
    if not skills:
        return []
    covered = {i for s in skills for i in range(s.start, s.end)}
    words = _Words(doc)
    found: list[Span] = []
    seen: set[int] = set()
    for skill in skills:
        for direction in (-1, 1):
            for start, end in _list_items(skill, direction, words):
                if start in seen or any(i in covered for i in range(start, end)):
                    continue
                seen.add(start)
                if end - start == 1 and _looks_like_tech(doc[start]):
                    found.append(doc[start:end])
    return sorted(found, key=lambda s: s.start)


class _Words:
    """Lower-cased tokens, looked up lazily: punctuation that separates nothing becomes ""."""

    def __init__(self, doc: Doc) -> None:
        self._doc = doc
        self._cache: dict[int, str] = {}

    def __len__(self) -> int:
        return len(self._doc)

    def __getitem__(self, i: int) -> str:
        word = self._cache.get(i)
        if word is None:
            token = self._doc[i]
            word = token.lower_ if not token.is_punct or token.lower_ in SEPARATORS else ""
            self._cache[i] = word
        return word


def _list_items(skill: Span, direction: int, words: _Words) -> list[tuple[int, int]]:
    """Up to ``MAX_ITEMS_AWAY`` list items (token ranges) on one side of ``skill``.

    It stops at the first stretch that is no list item. ``words`` are the document's lower-cased
    tokens, with punctuation that is not a list separator replaced by an empty string.
    """
    items: list[tuple[int, int]] = []
    n = len(words)
    i = skill.end if direction > 0 else skill.start - 1
    for _ in range(MAX_ITEMS_AWAY):
        steps = 0
        while 0 <= i < n and words[i] in SEPARATORS:
            i += direction
            steps += 1
        if steps == 0 or not 0 <= i < n:
            break
        start = i
        while 0 <= i < n and words[i] and words[i] not in SEPARATORS:
            i += direction
            if abs(i - start) > MAX_ITEM_TOKENS:
                return items
        lo, hi = (start, i) if direction > 0 else (i + 1, start + 1)
        if hi <= lo:
            break
        items.append((lo, hi))
    return items


def _looks_like_tech(token: Token) -> bool:
    """A one-token item spelled like a technology: CamelCase, an acronym, digits, dots, C#."""
    text = token.text
    return (
        len(text) >= 2
        and text not in _NOT_TERMS
        and not token.is_stop
        and not token.like_num
        and not token.like_url
        and not token.like_email
        and bool(_TECHY.match(text))
    )
