"""Posting text: HTML to clean plain text that keeps list items and headings on their own lines.

Text is also repaired: mojibake from UTF-8 decoded as Windows-1252 or Latin-1 ("Youâ€™ll",
"â€¢ Python") is undone with ftfy, and :func:`detect_language` tells the language of a posting.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections import Counter
from functools import cache
from typing import Any

import ftfy
import numpy as np
from selectolax.lexbor import LexborHTMLParser

_LINE_TAGS = ("div", "br", "tr", "dt", "dd")
_PARAGRAPH_TAGS = (
    "p", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "article",
    "header", "footer", "blockquote", "pre", "hr",
)  # fmt: skip
_TAG_HINT = re.compile(r"<\s*(?:[a-zA-Z][a-zA-Z0-9]*)(?:\s[^<>]*)?/?>")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")
#: A list item whose text starts with its own bullet ("<li>• Python</li>" → "- • Python").
_DOUBLE_BULLET = re.compile(r"^- [•·▪●◦‣∙]\s*", re.MULTILINE)

#: ftfy settings: repair encodings, but keep typographic quotes, full-width CJK punctuation and
#: HTML entities alone (entities are unescaped here, before the repair).
_FTFY = ftfy.TextFixerConfig(
    unescape_html=False,
    uncurl_quotes=False,
    fix_character_width=False,
    normalization="NFC",
    explain=False,
)

#: Languages :func:`detect_language` may answer: those of the job markets the sources cover.
#: A short list keeps langid from answering rare languages for short or mixed texts.
LANGUAGES = (
    "en", "de", "fr", "es", "it", "nl", "pt", "pl", "sv", "da", "no", "fi", "cs", "ro", "tr",
    "ru", "uk", "ja", "zh", "ko", "hi", "ar",
)  # fmt: skip
#: Texts with fewer letters than this get no language: langid guesses wildly on a few words.
MIN_LANGUAGE_LETTERS = 20
_LETTER = re.compile(r"[^\W\d_]")
#: Only this many characters are classified: the opening of a posting tells its language.
_LANGUAGE_SAMPLE = 1500  # plenty for langid; its cost grows with the sample
#: Below this normalised probability the answer is ``None`` rather than a guess.
_MIN_LANGUAGE_CONFIDENCE = 0.8


def looks_like_html(text: str) -> bool:
    """True when ``text`` contains markup tags."""
    return bool(_TAG_HINT.search(text))


def html_to_text(markup: str) -> str:
    """Strip tags, keeping block structure: list items become ``- item`` lines."""
    tree = LexborHTMLParser(markup)
    for node in tree.css("script, style, noscript"):
        node.decompose()
    for item in tree.css("li"):
        item.insert_before("\n- ")
    for tags, gap in ((_LINE_TAGS, "\n"), (_PARAGRAPH_TAGS, "\n\n")):
        for node in tree.css(", ".join(tags)):
            node.insert_after(gap)
    body = tree.body or tree.root
    return body.text(separator="", strip=False) if body is not None else ""


def fix_encoding(text: str) -> str:
    """Undo mojibake ("Youâ€™ll" → "You’ll", "â€¢" → "•"); ASCII text is returned as is."""
    if text.isascii():
        return text
    return ftfy.fix_text(text, _FTFY)


def clean_text(raw: str | None) -> str:
    """Plain text from a posting body, HTML or not: unescaped, repaired, NFC, tidy whitespace."""
    if not raw:
        return ""
    text = html_to_text(raw) if looks_like_html(raw) else html.unescape(raw)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", fix_encoding(text))
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _DOUBLE_BULLET.sub("- ", _BLANK_LINES.sub("\n\n", "\n".join(lines))).strip()


def clean_field(raw: str | None) -> str | None:
    """A one-line field (title, company, location): unescaped, repaired, single-spaced.

    ``None`` if nothing is left.
    """
    if raw is None:
        return None
    text = fix_encoding(html.unescape(str(raw)))
    text = _SPACES.sub(" ", re.sub(r"[\r\n]+", " ", unicodedata.normalize("NFC", text))).strip()
    return text or None


def detect_language(text: str | None) -> str | None:
    """ISO 639-1 code of the language ``text`` is written in, or ``None``.

    ``None`` when the text has fewer than :data:`MIN_LANGUAGE_LETTERS` letters or langid is
    unsure (normalised probability below 0.8). Only :data:`LANGUAGES` can be answered. A bare list
    of technology names ("Python, SQL, Spark") has no language and may get any answer.
    """
    if not text:
        return None
    sample = text[:_LANGUAGE_SAMPLE]
    if len(_LETTER.findall(sample, 0, 400)) < MIN_LANGUAGE_LETTERS and (
        len(_LETTER.findall(sample)) < MIN_LANGUAGE_LETTERS
    ):
        return None
    language, confidence = _classify(_identifier(), sample)
    return language if confidence >= _MIN_LANGUAGE_CONFIDENCE else None


def _classify(identifier: Any, text: str) -> tuple[str, float]:
    """The ``classify`` of langid, with the features counted by :func:`_features`."""
    probs = identifier.norm_probs(identifier.nb_classprobs(_features(identifier, text)))
    best = int(np.argmax(probs))
    return str(identifier.nb_classes[best]), float(probs[best])


def _features(identifier: Any, text: str) -> np.ndarray:
    """The ``instance2fv`` of langid: how often each byte n-gram feature occurs in ``text``.

    The same counts (and dtype) as langid's own, which adds them one numpy item at a time;
    here the tokenizer's states are counted first and the features added in one numpy call.
    """
    nextmove, outputs = identifier.tk_nextmove, identifier.tk_output
    state = 0
    states = []
    for byte in text.encode("utf8"):
        state = nextmove[(state << 8) + byte]
        states.append(state)
    indices: list[int] = []
    counts: list[int] = []
    for state, count in Counter(states).items():
        produced = outputs.get(state, ())
        indices.extend(produced)
        counts.extend([count] * len(produced))
    vector = np.zeros((identifier.nb_numfeats,), dtype="uint32")
    np.add.at(vector, np.array(indices, dtype=np.intp), np.array(counts, dtype="uint32"))
    return vector


@cache
def _identifier() -> Any:
    """A langid identifier restricted to :data:`LANGUAGES`, built on first use (about 1 s)."""
    from langid.langid import LanguageIdentifier, model

    identifier = LanguageIdentifier.from_modelstring(model, norm_probs=True)
    identifier.set_languages(list(LANGUAGES))
    return identifier
