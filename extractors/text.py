"""Posting text: HTML to clean plain text that keeps list items and headings on their own lines."""

from __future__ import annotations

import html
import re
import unicodedata

from selectolax.lexbor import LexborHTMLParser

_LINE_TAGS = ("div", "br", "tr", "dt", "dd")
_PARAGRAPH_TAGS = (
    "p", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "article",
    "header", "footer", "blockquote", "pre", "hr",
)  # fmt: skip
_TAG_HINT = re.compile(r"<\s*(?:[a-zA-Z][a-zA-Z0-9]*)(?:\s[^<>]*)?/?>")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")


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


def clean_text(raw: str | None) -> str:
    """Plain text from a posting body, HTML or not: unescaped, NFC, tidy whitespace."""
    if not raw:
        return ""
    text = html_to_text(raw) if looks_like_html(raw) else html.unescape(raw)
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def clean_field(raw: str | None) -> str | None:
    """A one-line field (title, company, location): unescaped, single-spaced, ``None`` if empty."""
    if raw is None:
        return None
    text = _SPACES.sub(" ", html.unescape(str(raw)).replace("\n", " ")).strip()
    return text or None
