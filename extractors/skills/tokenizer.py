"""A compact tokenizer for postings: English special cases, with short affix rules.

spaCy's default English suffix and infix expressions cover every script and emoticon and take
most of the pipeline's time on posting text. Skill matching needs less: split punctuation off
words, split lists and compounds at ``/ , ; : | & -`` between letters, and keep technology
spellings whole (``C++``, ``C#``, ``.NET``, ``Node.js``, ``k8s``, ``3.5``). Aliases are tokenized
by the same tokenizer, so patterns and texts always agree.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

import spacy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokenizer import Tokenizer

PREFIX = re.compile(r"""^[\[\("'“‘«<{•*–—#$£€¥§…¡¿~]""")
SUFFIX = re.compile(r"""(?:[\]\)"'”’»>}:;,!?%…*•–—-]|\.|'s|’s|'S|’S)$""")
#: Scraped postings glue a bullet's last word to the next one ("DockerExperience with",
#: "codeThe ability"). A capitalised sentence opener straight after a lower-case letter is split.
GLUED_OPENERS = (
    "The", "This", "These", "Our", "We", "You", "Your", "Ability", "Able", "Experience",
    "Experienced", "Excellent", "Strong", "Solid", "Knowledge", "Must", "Should", "Bachelor",
    "Master", "Degree", "Proven", "Demonstrated", "Familiarity", "Proficiency", "Proficient",
    "Understanding", "Working", "Responsibilities", "Qualifications", "Requirements", "Skills",
    "Preferred", "Required", "Minimum", "Education", "Benefits", "Salary", "About", "Job", "Role",
    "Duties", "Nice", "Bonus", "Plus", "Other", "Additional", "Hands", "Good", "Great",
)  # fmt: skip
INFIX = re.compile(
    r"(?<=[0-9A-Za-z])[/|;:,](?=[0-9A-Za-z])"  # lists and pairs: Python/SQL, CI/CD, a,b
    r"|(?<=[A-Za-z0-9])[-–—](?=[A-Za-z])"  # compounds: go-to-market, scikit-learn, C-suite
    r"|(?<=[a-z])\.(?=[A-Z][a-z])"  # glued sentences: "team.Qualifications"
    r"|(?<=[A-Za-z])&(?=[A-Za-z])"  # R&D, AT&T
    r"|(?<=[A-Za-z0-9])[)(](?=[A-Za-z])"  # word(s), (IAM)Python
    r"|(?<=[A-Za-z])[*•](?=[A-Za-z])"  # bullets glued to words
    rf"|(?<=[a-z0-9])(?=[A-Z])(?=(?:{'|'.join(GLUED_OPENERS)})\b)"  # glued bullets: codeThe
)

TOKENIZER_NAME = "skillradar.compact_tokenizer.v1"


@spacy.registry.tokenizers(TOKENIZER_NAME)
def create_compact_tokenizer() -> Callable[[Language], Tokenizer]:
    """The registered factory (``@tokenizers = "skillradar.compact_tokenizer.v1"``)."""

    def make(nlp: Language) -> Tokenizer:
        defaults = nlp.Defaults
        return Tokenizer(
            nlp.vocab,
            rules=special_cases(defaults.tokenizer_exceptions),
            prefix_search=PREFIX.search,
            suffix_search=SUFFIX.search,
            infix_finditer=INFIX.finditer,
            url_match=None,
        )

    return make


def special_cases(exceptions: Mapping[str, list[dict[int, Any]]]) -> dict[str, Any]:
    r"""The tokenizer exceptions, without those that only restate one whitespace token.

    ``"\n" -> [{ORTH: "\n"}]`` yields the very token the tokenizer makes without it, but any
    special case met in a text stops spaCy caching that text's later words, and the pre-filter
    joins windows with a line break. Entries that change a whitespace token ("\xa0" has a NORM)
    stay.
    """
    return {
        text: tokens
        for text, tokens in exceptions.items()
        if text.strip() or tokens != [{ORTH: text}]
    }


def blank_english() -> Language:
    """``spacy.blank("en")`` with the compact tokenizer."""
    return spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER_NAME}}})
