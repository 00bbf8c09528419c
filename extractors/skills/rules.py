"""Disambiguation rules: when a matched surface form really names a skill.

Most aliases are unambiguous ("scikit-learn", "PyTorch"). A few skills are also ordinary words or
letters ("Go", "R", "Excel", "Spark"); the taxonomy marks them ``ambiguous``. Their matches are kept
only when the surrounding text is technical and the word is not being used as English.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

#: A technical word near an ambiguous match makes it a skill ("R programming", "Go developer").
CONTEXT_CUES = frozenset(
    {
        "programming", "language", "languages", "code", "coding", "developer", "developers",
        "development", "scripting", "script", "scripts", "libraries", "library", "packages",
        "package", "statistical", "software", "framework", "frameworks", "stack", "tools",
        "tooling", "proficiency", "proficient", "experience", "skills", "engineer", "engineering",
        "sql", "queries", "spreadsheets", "spreadsheet", "pivot", "vlookup", "macros", "vba",
        "cluster", "clusters", "streaming", "jobs", "pipelines", "data", "microservices",
        "backend", "services", "api", "apis",
    }
)  # fmt: skip

#: Words before a match that make it a verb or a pronoun phrase ("to excel", "we go").
VERB_LEAD_INS = frozenset(
    {
        "to", "will", "can", "must", "should", "may", "might", "could", "would", "you", "we",
        "they", "i", "let", "lets", "let's", "and/or", "not", "never", "always",
    }
)  # fmt: skip

#: Words after a match that make it a verb ("excel at", "go beyond").
VERB_FOLLOWERS = frozenset({"at", "beyond", "above", "ahead", "further", "the", "a", "an"})

#: Hyphenated compounds that still name the skill ("Go-based", "R-compatible").
TECH_HYPHEN_SUFFIXES = frozenset({"based", "powered", "driven", "native", "first", "compatible"})

WINDOW = 8


def keep_ambiguous(doc: Doc, span: Span, anchors: list[Span]) -> bool:
    """Keep an ambiguous match only in technical context and not used as a word.

    ``anchors`` are the unambiguous skill matches of the document.
    """
    if _in_hyphen_compound(doc, span) or _used_as_verb(doc, span):
        return False
    near = [a for a in anchors if abs(a.start - span.start) <= WINDOW]
    if near:
        return True
    lo, hi = max(0, span.start - WINDOW), min(len(doc), span.end + WINDOW)
    return any(
        t.lower_ in CONTEXT_CUES for t in doc[lo:hi] if t.i not in range(span.start, span.end)
    )


def _in_hyphen_compound(doc: Doc, span: Span) -> bool:
    """True for "go-to-market", "C-suite", "R-squared", "e-Go" but not "Go-based"."""
    if span.end < len(doc) - 1:
        hyphen, nxt = doc[span.end], doc[span.end + 1]
        attached = not span[-1].whitespace_ and not hyphen.whitespace_
        if hyphen.text in {"-", "&", "'"} and attached and nxt.lower_ not in TECH_HYPHEN_SUFFIXES:
            return True
    if span.start >= 1:
        prev = doc[span.start - 1]
        if prev.text in {"-", "&"} and not prev.whitespace_:
            return True
    return False


def _used_as_verb(doc: Doc, span: Span) -> bool:
    before = doc[span.start - 1].lower_ if span.start >= 1 else ""
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    return before in VERB_LEAD_INS or after in VERB_FOLLOWERS
