"""Disambiguation: when an ambiguous surface form ("Go", "R", "Excel", "Spring") names a skill.

The rules are data (``extractors/taxonomy/disambiguation.yaml``). A risky match is dropped when
its immediate context shows another meaning (a verb, "R&D", "go-to-market", "grade C",
"Spring 2025"), and kept only when its context supports a technical reading: a neighbouring
technology (which covers skill lists such as "Python, R, SQL"), a lead-in such as "experience
with", or a technical cue word.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import pycountry
import yaml
from spacy.tokens import Doc, Span

from extractors.skills.taxonomy import TAXONOMY_DIR, TaxonomyError

RULES_FILE = "disambiguation.yaml"
_YEAR = re.compile(r"^(19|20)\d\d$")
_GLUE = frozenset({"-", "&", "'", "\u2019"})
_LIST_SEPARATORS = frozenset({",", "/", "|", ";", "&", "and", "or", "+"})
_POSSESSIVE = frozenset({"'s", "\u2019s"})
_SENTENCE_BREAKS = frozenset({".", "!", "?", ":", ";", "•", "*", "-", "|", "(", '"', "\u201c"})
_US_STATES = frozenset(
    [
        "AL",
        "AK",
        "AZ",
        "AR",
        "CA",
        "CO",
        "CT",
        "DE",
        "FL",
        "GA",
        "HI",
        "ID",
        "IL",
        "IN",
        "IA",
        "KS",
        "KY",
        "LA",
        "ME",
        "MD",
        "MA",
        "MI",
        "MN",
        "MS",
        "MO",
        "MT",
        "NE",
        "NV",
        "NH",
        "NJ",
        "NM",
        "NY",
        "NC",
        "ND",
        "OH",
        "OK",
        "OR",
        "PA",
        "RI",
        "SC",
        "SD",
        "TN",
        "TX",
        "UT",
        "VT",
        "VA",
        "WA",
        "WV",
        "WI",
        "WY",
        "DC",
    ]
)


@dataclass(frozen=True)
class SkillBlocks:
    """Extra blocking words for one skill."""

    before: frozenset[str] = frozenset()
    after: frozenset[str] = frozenset()
    year_after: bool = False


@dataclass(frozen=True)
class Disambiguator:
    """Block-then-support rules for risky matches, loaded from YAML."""

    window: int
    role_nouns: frozenset[str]
    block_before: frozenset[str]
    block_after: frozenset[str]
    hyphen_ok_after: frozenset[str]
    skill_blocks: dict[str, SkillBlocks]
    lead_ins: tuple[tuple[str, ...], ...]
    cues: frozenset[str]
    name_ok_before: frozenset[str] = frozenset()
    name_ok_after: frozenset[str] = frozenset()
    raw: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)
    _lead_in_set: frozenset[tuple[str, ...]] = field(init=False, repr=False, compare=False)
    _longest_lead_in: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_lead_in_set", frozenset(self.lead_ins))
        object.__setattr__(self, "_longest_lead_in", max(map(len, self.lead_ins), default=0))

    @property
    def fingerprint(self) -> str:
        """Changes whenever the rules change."""
        canonical = json.dumps(self.raw, sort_keys=True, default=str)
        return hashlib.sha256(canonical.encode()).hexdigest()[:8]

    def unknown_skills(self, known: set[str]) -> list[str]:
        """Skill ids named in the rules that the taxonomy lacks."""
        return sorted(set(self.skill_blocks) - known)

    def keep(self, doc: Doc, span: Span, others: Sequence[Span]) -> bool:
        """True when ``span`` (a risky match of skill ``span.label_``) names the skill.

        ``others`` are the document's other kept or unambiguous skill spans.
        """
        return not self.blocked(doc, span) and self.supported(doc, span, others)

    def in_title(self, doc: Doc, span: Span) -> bool:
        """The span is part of a job title or team name ("machine learning engineer")."""
        return span.end < len(doc) and doc[span.end].lower_ in self.role_nouns

    def blocked(self, doc: Doc, span: Span, covered: frozenset[int] = frozenset()) -> bool:
        """The immediate context gives the words another meaning.

        ``covered`` holds the indices of tokens inside any skill span of the document.
        """
        blocks = self.skill_blocks.get(span.label_, SkillBlocks())
        prev = doc[span.start - 1] if span.start > 0 else None
        nxt = doc[span.end] if span.end < len(doc) else None
        if nxt is not None and nxt.text in _GLUE and not span[-1].whitespace_:
            after = doc[span.end + 1].lower_ if span.end + 1 < len(doc) else ""
            if nxt.whitespace_ == "" and after not in self.hyphen_ok_after:
                return True
        if prev is not None and prev.text in _GLUE and not prev.whitespace_:
            return True
        if _letter_pair(doc, span):
            return True
        if prev is not None and (prev.lower_ in self.block_before or prev.lower_ in blocks.before):
            return True
        if nxt is not None:
            after = nxt.lower_
            if after in self.block_after or after in blocks.after or after in _POSSESSIVE:
                return True
            if blocks.year_after and _YEAR.match(nxt.text):
                return True
        return self._in_proper_name(doc, span, covered) or self._place(doc, span)

    def blocked_by_skill_words(self, doc: Doc, span: Span) -> bool:
        """The skill's own blocking words surround it ("thought leadership"), or it is a place."""
        blocks = self.skill_blocks.get(span.label_)
        if blocks is None:
            return False
        prev = doc[span.start - 1].lower_ if span.start > 0 else ""
        nxt = doc[span.end] if span.end < len(doc) else None
        if prev in blocks.before or self._place(doc, span):
            return True
        if nxt is None:
            return False
        return nxt.lower_ in blocks.after or bool(blocks.year_after and _YEAR.match(nxt.text))

    def _in_proper_name(self, doc: Doc, span: Span, covered: frozenset[int]) -> bool:
        """Glued to a capitalised word that is no skill: "Franz Kafka", "Scala Ristorante"."""
        prev = doc[span.start - 1] if span.start > 0 else None
        if (
            prev is not None
            and prev.whitespace_
            and _capitalised(prev.text)
            and prev.i not in covered
            and prev.lower_ not in self.name_ok_before
            and not _sentence_initial(doc, prev.i)
        ):
            return True
        nxt = doc[span.end] if span.end < len(doc) else None
        return (
            nxt is not None
            and span[-1].whitespace_ != ""
            and _capitalised(nxt.text)
            and nxt.i not in covered
            and nxt.lower_ not in self.cues
            and nxt.lower_ not in self.role_nouns
            and nxt.lower_ not in self.name_ok_after
        )

    def _place(self, doc: Doc, span: Span) -> bool:
        """Followed by ", FL": a town, not a technology ("Jupiter, FL")."""
        i = span.end
        if i + 1 >= len(doc) or doc[i].text != ",":
            return False
        if doc[i + 1].text not in _US_STATES and doc[i + 1].lower_ not in _countries():
            return False
        after = doc[i + 2] if i + 2 < len(doc) else None
        return after is None or not _capitalised(after.text)

    def supported(self, doc: Doc, span: Span, others: Sequence[Span]) -> bool:
        """Skill-list syntax, a nearby technology, a lead-in phrase or a technical cue.

        ``others`` are technical skill spans already accepted in the document.
        """
        if any(o.start != span.start and abs(o.start - span.start) <= self.window for o in others):
            return True
        if self._has_lead_in(doc, span):
            return True
        lo, hi = max(0, span.start - self.window), min(len(doc), span.end + self.window)
        return any(
            doc[i].lower_ in self.cues for i in range(lo, hi) if not span.start <= i < span.end
        )

    def listed_with(self, doc: Doc, span: Span, others: Sequence[Span]) -> bool:
        """In a list with another ambiguous technology ("word, excel, outlook", "Bash/shell")."""
        for other in others:
            lo, hi = (other.end, span.start) if other.end <= span.start else (span.end, other.start)
            gap = doc[lo:hi]
            if 0 < len(gap) <= 2 and all(t.lower_ in _LIST_SEPARATORS for t in gap):
                return True
        return False

    def _has_lead_in(self, doc: Doc, span: Span) -> bool:
        """A lead-in phrase ends right before the match, or one word before it."""
        lo = max(0, span.start - self._longest_lead_in - 1)
        before = tuple(doc[i].lower_ for i in range(lo, span.start))
        for skip in (0, 1):
            words = before[: len(before) - skip] if skip else before
            for n in range(1, min(len(words), self._longest_lead_in) + 1):
                if words[-n:] in self._lead_in_set:
                    return True
        return False


def load_rules(directory: Path = TAXONOMY_DIR, make_words: Any = None) -> Disambiguator:
    """Read and validate ``disambiguation.yaml``; ``make_words`` tokenizes multi-word lead-ins."""
    path = directory / RULES_FILE
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise TaxonomyError(f"{path}: cannot read rules: {exc}") from exc
    return rules_from_dict(raw, make_words, origin=str(path))


def rules_from_dict(raw: Any, make_words: Any = None, *, origin: str = "rules") -> Disambiguator:
    """Build the rules from their parsed YAML."""
    tokenize = make_words or (lambda s: s.split())
    try:
        block, support = raw["block"], raw["support"]
        return Disambiguator(
            window=int(raw["window"]),
            role_nouns=_words(raw["role_nouns"]),
            block_before=_words(block["before"]),
            block_after=_words(block["after"]),
            hyphen_ok_after=_words(block["hyphen_ok_after"]),
            skill_blocks={
                skill_id: SkillBlocks(
                    before=_words(rules.get("before", [])),
                    after=_words(rules.get("after", [])),
                    year_after=bool(rules.get("year_after", False)),
                )
                for skill_id, rules in (block.get("skills") or {}).items()
            },
            lead_ins=tuple(tuple(w.lower() for w in tokenize(str(p))) for p in support["lead_ins"]),
            cues=_words(support["cues"]),
            name_ok_before=_words(block.get("name_ok_before", [])),
            name_ok_after=_words(block.get("name_ok_after", [])),
            raw=raw,
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise TaxonomyError(f"{origin}: invalid rules: {exc!r}") from exc


@cache
def _countries() -> frozenset[str]:
    """One-word country names, lower-cased ("indonesia", "germany")."""
    return frozenset(
        c.name.lower() for c in pycountry.countries if " " not in c.name and "," not in c.name
    )


def _letter_pair(doc: Doc, span: Span) -> bool:
    """A single letter paired by a slash with another single letter: "A/R", "P/E", "R/C"."""
    if len(span) != 1 or len(span.text) != 1:
        return False
    for slash, other in ((span.start - 1, span.start - 2), (span.end, span.end + 1)):
        if 0 <= other < len(doc) and 0 <= slash < len(doc) and doc[slash].text == "/":
            glued = not doc[min(slash, other)].whitespace_ and not doc[slash].whitespace_
            if glued and len(doc[other].text) == 1 and doc[other].text.isalpha():
                return True
    return False


def _capitalised(text: str) -> bool:
    return len(text) >= 2 and text[0].isupper() and text[1:].replace("-", "").isalpha()


def _sentence_initial(doc: Doc, i: int) -> bool:
    if i == 0:
        return True
    before = doc[i - 1]
    return before.text in _SENTENCE_BREAKS or "\n" in before.text or before.is_space


def _words(values: Sequence[Any]) -> frozenset[str]:
    return frozenset(str(v).lower() for v in values)
