"""A pre-filter that sends spaCy only the stretches of text that can hold a skill.

Most of a posting (the company story, benefits, legal text) names no skill. An Aho-Corasick
automaton over every surface form in the taxonomy finds, in one pass over the lower-cased text,
each candidate; spaCy then sees only a window of words around each candidate, cut at its
sentence or line and wide enough for every context rule. Each kept piece is copied verbatim, so
offsets map back exactly.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick

#: Pieces end at line breaks and at sentence punctuation followed by a space.
_SENTENCE_ENDS = (". ", "! ", "? ", "; ")
#: Characters kept on each side of a candidate (cut at a space): about 17 words, more than any
#: rule looks at (8 tokens of context, 5-word lead-ins, 4 list items of up to 3 words).
CONTEXT_CHARS = 80
JOIN = "\n"
#: Lower-cased punctuation becomes a space, one character for one, so offsets survive and padded
#: forms (" node js ") can only match whole words.
_PUNCTUATION = re.compile(r"[^ 0-9a-z+#\u00c0-\uffff]")  # spaces stay: fewer replacements
#: The same rule for ASCII, as a byte table: UTF-8 leaves every other character's bytes above 127.
_ASCII_PUNCTUATION = bytes(
    b if b >= 128 or re.fullmatch(rb"[ 0-9a-z+#]", bytes([b])) else ord(" ") for b in range(256)
)
#: UTF-8 lead bytes of the non-ASCII characters the rule blanks too (U+0080-U+00BF, U+10000 up).
_BLANKED_LEADS = (b"\xc2", b"\xf0", b"\xf1", b"\xf2", b"\xf3", b"\xf4")


@dataclass(frozen=True, slots=True)
class _Breaks:
    """Where the lines and sentences of one text end, found once for all of its windows."""

    lines: list[int]  # offsets of "\n"
    sentences: list[int]  # offsets of the punctuation of each sentence end ("." of ". ")

    @classmethod
    def of(cls, text: str) -> _Breaks:
        """Scan ``text`` (``str.find`` is far faster than a regex character class)."""
        return cls(_offsets(text, ("\n",)), _offsets(text, _SENTENCE_ENDS))

    def piece_around(self, text: str, start: int, end: int) -> tuple[int, int]:
        """About ``CONTEXT_CHARS`` either side of [start, end), within its sentence or line."""
        lines, sentences = self.lines, self.sentences
        i = bisect_left(lines, start)
        line_lo = lines[i - 1] + 1 if i else 0
        i = bisect_left(lines, end)
        line_hi = lines[i] if i < len(lines) else len(text)
        # The last sentence end that finishes before ``start`` (a line break is never one).
        i = bisect_right(sentences, start - 2)
        lo = max(line_lo, sentences[i - 1] + 2) if i else line_lo
        # The first one at or after ``end``; one that lies past the line break cannot win.
        i = bisect_left(sentences, end)
        hi = min(line_hi, sentences[i] + 1) if i < len(sentences) else line_hi
        if start - lo > CONTEXT_CHARS:
            cut = text.find(" ", start - CONTEXT_CHARS, start)
            lo = cut + 1 if cut != -1 else lo
        if hi - end > CONTEXT_CHARS:
            cut = text.rfind(" ", end, end + CONTEXT_CHARS)
            hi = cut if cut != -1 else hi
        return lo, hi


def _offsets(text: str, needles: tuple[str, ...]) -> list[int]:
    """Sorted start offsets of every occurrence of each needle."""
    found = []
    for needle in needles:
        i = text.find(needle)
        while i != -1:
            found.append(i)
            i = text.find(needle, i + 1)
    found.sort()
    return found


def normalize(text: str) -> str:
    """Lower-case and blank out punctuation (same length as ``text``).

    Most postings need only their ASCII punctuation blanked, which a byte table does in one
    pass; the others go through :data:`_PUNCTUATION`.
    """
    lowered = text.lower()
    data = lowered.encode("utf-8", "surrogatepass")
    if lowered.isascii() or not any(lead in data for lead in _BLANKED_LEADS):
        return data.translate(_ASCII_PUNCTUATION).decode("utf-8", "surrogatepass")
    return _PUNCTUATION.sub(" ", lowered)


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
        """The windows of ``text`` around candidates, merged where they touch, in order."""
        hits = self._hits(text)
        if not hits:
            return Condensed("", [0], [0])
        breaks = _Breaks.of(text)
        pieces: list[list[int]] = []
        for start, end in hits:
            if pieces and end <= pieces[-1][1]:
                continue
            lo, hi = breaks.piece_around(text, start, end)
            if pieces and lo <= pieces[-1][1]:
                pieces[-1][1] = max(pieces[-1][1], hi)
            else:
                pieces.append([lo, hi])
        parts, starts, origins, position = [], [], [], 0
        for lo, hi in pieces:
            starts.append(position)
            origins.append(lo)
            parts.append(text[lo:hi])
            position += hi - lo + len(JOIN)
        return Condensed(JOIN.join(parts), starts, origins)

    def _hits(self, text: str) -> list[tuple[int, int]]:
        """[start, end) of whole-word surface forms (the padding makes the boundaries).

        Each (end, length) pair names one padded form, so the hits need no deduplication.
        """
        padded = f" {normalize(text)} "
        return sorted([(end - length - 1, end - 1) for end, length in self._automaton.iter(padded)])
