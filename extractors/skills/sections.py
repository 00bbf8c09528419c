"""Which section of a posting a character offset is in: required, preferred or other."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from extractors.skills.taxonomy import TAXONOMY_DIR, TaxonomyError

SECTIONS = ("required", "preferred", "other")
#: A heading ends with a colon or a line break.
_HEADING_ENDS = ":\n"
_TRIM = "'’-*•()[]\"“”,;!?"
_WORD = re.compile(r"[a-z][a-z'’-]*|,", re.IGNORECASE)
_SENTENCE_BREAKS = ".!?;\n"
#: A heading starts after one of these, and its words lie within this many characters.
_HEADING_STARTS = _SENTENCE_BREAKS + ":•*"
_HEADING_REACH = 80
_WORD_SPLIT = re.compile(r"[^\w-]+")


@dataclass(frozen=True)
class SectionRules:
    """Heading phrases by their words, and sentence-cue patterns."""

    headings: dict[tuple[str, ...], str]
    last_words: frozenset[str]
    longest: int
    cues: tuple[tuple[str, tuple[str, ...]], ...]
    any_cue: re.Pattern[str]


@cache
def load_section_rules(directory: Path = TAXONOMY_DIR) -> SectionRules:
    """Read ``sections.yaml`` once."""
    path = directory / "sections.yaml"
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        headings = {
            tuple(w.lower() for w in _WORD.findall(phrase)): label
            for label, phrases in raw["headings"].items()
            for phrase in phrases
        }
        cue_words = raw["sentence_cues"]
        cues = tuple(
            (label, tuple(p.lower() for p in cue_words[label]))
            for label in ("preferred", "required")
        )
    except (OSError, yaml.YAMLError, KeyError, TypeError, AttributeError) as exc:
        raise TaxonomyError(f"{path}: invalid section rules: {exc!r}") from exc
    bad = set(headings.values()) - set(SECTIONS)
    if bad:
        raise TaxonomyError(f"{path}: unknown section labels {sorted(bad)}")
    last_words = frozenset(k[-1] for k in headings)
    return SectionRules(
        headings, last_words, max(len(k) for k in headings), cues, _any_phrase(cues)
    )


def _any_phrase(cues: tuple[tuple[str, tuple[str, ...]], ...]) -> re.Pattern[str]:
    """Finds any cue phrase as a substring: a sentence without one has no cue.

    Phrases that contain a shorter one ("is a plus" holds "a plus") need no alternative of
    their own.
    """
    phrases = {p for _, ps in cues for p in ps}
    shortest = sorted(p for p in phrases if not any(q != p and q in p for q in phrases))
    return re.compile("|".join(map(re.escape, shortest)))


def _has_phrase(text: str, words: set[str], phrases: tuple[str, ...]) -> bool:
    """Any phrase occurs in lower-cased ``text`` (whose ``words`` are given) as whole words."""
    for phrase in phrases:
        if phrase.split(" ", 1)[0] not in words:
            continue  # its first word is absent: no need to search
        i = text.find(phrase)
        while i != -1:
            j = i + len(phrase)
            if (i == 0 or not text[i - 1].isalnum()) and (j == len(text) or not text[j].isalnum()):
                return True
            i = text.find(phrase, i + 1)
    return False


class SectionMap:
    """Section lookup for one text.

    A heading is a known phrase ending at a colon or line break and starting a line or sentence
    (or glued to the previous sentence, as scraped text often is: "...team.Qualifications:").
    """

    def __init__(self, text: str, rules: SectionRules | None = None) -> None:
        self._rules = rules or load_section_rules()
        self._text = text
        self._starts = [0]
        self._labels = ["other"]
        self._cue_cache: dict[int, str | None] = {}
        self._breaks: list[int] | None = None
        last_words = self._rules.last_words
        for pos in _positions(text, _HEADING_ENDS):
            if pos == 0 or not (text[pos - 1].isalpha() or text[pos - 1] in " \t"):
                continue  # blank lines, sentence ends, numbers: never a heading
            before = text[max(0, pos - 40) : pos].rstrip(" \t")
            words = before.rsplit(maxsplit=1)
            chunk = words[-1] if words else ""
            last = chunk.rsplit(".", 1)[-1].strip(_TRIM).lower()
            if last not in last_words:
                continue
            label = self._heading_before(pos)
            if label is not None:
                self._starts.append(pos + 1)
                self._labels.append(label)

    def _heading_before(self, pos: int) -> str | None:
        """The label of the heading phrase that ends at ``pos``, if one does."""
        # Its words: at most 80 characters back, from the start of its line or sentence.
        lo = max(0, pos - _HEADING_REACH)
        line_start = max(self._text.rfind(c, lo, pos) for c in _HEADING_STARTS) + 1
        words = [w.lower() for w in _WORD.findall(self._text, max(line_start, lo), pos)]
        # The longest known phrase that the words before the colon end with.
        for n in range(min(len(words), self._rules.longest), 0, -1):
            label = self._rules.headings.get(tuple(words[-n:]))
            if label is not None:
                return label if _glued_or_short(words, n) else None
        return None

    def section_at(self, offset: int) -> str:
        """The section of the character at ``offset``; sentence cues win over headings."""
        if self._breaks is None:
            self._breaks = _positions(self._text, _SENTENCE_BREAKS)
        i = bisect_left(self._breaks, offset)
        cue = self._cue_cache.get(i, "")
        if cue == "":
            cue = self._cue_cache[i] = self._sentence_cue(self._breaks, i)
        return cue or self._labels[bisect_right(self._starts, offset) - 1]

    def _sentence_cue(self, breaks: list[int], i: int) -> str | None:
        """The cue label of the sentence that ends at ``breaks[i]``, if it has one."""
        start = breaks[i - 1] + 1 if i > 0 else 0
        end = breaks[i] if i < len(breaks) else len(self._text)
        sentence = self._text[start:end].lower()
        if self._rules.any_cue.search(sentence) is None:
            return None  # no cue phrase at all, not even inside a word
        words = set(_WORD_SPLIT.split(sentence))
        return next(
            (label for label, ps in self._rules.cues if _has_phrase(sentence, words, ps)), None
        )


def _positions(text: str, chars: str) -> list[int]:
    """Sorted offsets of every occurrence of any of ``chars`` (``str.find`` outruns a regex)."""
    found = []
    for char in chars:
        i = text.find(char)
        while i != -1:
            found.append(i)
            i = text.find(char, i + 1)
    found.sort()
    return found


def _glued_or_short(words: list[str], n: int) -> bool:
    """A heading preceded by at most two other words on its line ("Our Requirements:")."""
    return len(words) - n <= 2
