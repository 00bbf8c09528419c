"""A pre-filter that sends spaCy only the sentences that can hold a skill.

Most of a posting (the company story, benefits, legal text) names no skill. An Aho-Corasick
automaton over every surface form in the taxonomy finds, in one pass over the lower-cased text,
the sentences and lines with at least one candidate; only those are tokenized and matched. Each
kept piece is copied verbatim, so offsets map back exactly.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick

#: Pieces end at line breaks and at sentence punctuation followed by a space.
_SENTENCE_ENDS = (". ", "! ", "? ", "; ")
JOIN = "\n"
#: Lower-cased punctuation becomes a space, one character for one, so offsets survive and padded
#: forms (" node js ") can only match whole words.
_PUNCTUATION = re.compile(r"[^ 0-9a-z+#\u00c0-\uffff]")  # spaces stay: fewer replacements


def _piece_around(text: str, hit: int) -> tuple[int, int]:
    """The sentence or line around offset ``hit``: [start, end)."""
    line_lo = text.rfind("\n", 0, hit) + 1
    line_hi = text.find("\n", hit)
    if line_hi == -1:
        line_hi = len(text)
    lo = max(
        [line_lo]
        + [i + 2 for i in (text.rfind(e, line_lo, hit) for e in _SENTENCE_ENDS) if i != -1]
    )
    his = [i + 1 for i in (text.find(end, hit, line_hi) for end in _SENTENCE_ENDS) if i != -1]
    return lo, min(his) if his else line_hi


def normalize(text: str) -> str:
    """Lower-case and blank out punctuation (same length as ``text``)."""
    return _PUNCTUATION.sub(" ", text.lower())


@dataclass(frozen=True)
class Condensed:
    """The kept pieces of a text joined by newlines, and how to map offsets back."""

    text: str
    starts: list[int]  # where each piece starts in ``text``
    origins: list[int]  # where each piece starts in the original text

    def to_original(self, offset: int) -> int:
        """The original offset of a character of :attr:`text`."""
        i = bisect_right(self.starts, offset) - 1
        return self.origins[i] + offset - self.starts[i]


class Prefilter:
    """Finds the pieces of a text that contain any taxonomy surface form."""

    def __init__(self, forms: Iterable[str]) -> None:
        self._automaton = ahocorasick.Automaton()
        for form in {" ".join(normalize(f).split()) for f in forms}:
            if form:
                self._automaton.add_word(f" {form} ", len(form))
        self._automaton.make_automaton()

    def condense(self, text: str) -> Condensed:
        """The pieces of ``text`` holding a candidate, in order."""
        parts: list[str] = []
        starts: list[int] = []
        origins: list[int] = []
        position = 0
        piece_end = -1
        for hit in self._hits(text):
            if hit < piece_end:
                continue
            lo, piece_end = _piece_around(text, hit)
            starts.append(position)
            origins.append(lo)
            parts.append(text[lo:piece_end])
            position += piece_end - lo + len(JOIN)
        if not parts:
            return Condensed("", [0], [0])
        return Condensed(JOIN.join(parts), starts, origins)

    def _hits(self, text: str) -> list[int]:
        """Start offsets of whole-word surface forms (the padding makes the boundaries)."""
        padded = f" {normalize(text)} "
        return sorted({end - length - 1 for end, length in self._automaton.iter(padded)})
