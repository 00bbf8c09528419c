"""Job titles: a tidy display form and a role family for grouping."""

from __future__ import annotations

import re

from extractors.text import clean_field

#: Ordered: the first family whose pattern matches wins, so specific roles come before general ones.
ROLE_FAMILIES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (family, re.compile(pattern, re.IGNORECASE))
    for family, pattern in (
        ("ML/AI engineering", r"\b(machine learning|ml|mlops|ai|llm|genai|deep learning|nlp|"
         r"computer vision|prompt)\b.*\b(engineer|developer|architect|specialist|ops)\b|"
         r"\bmlops\b|\bai engineer"),
        ("Research", r"\bresearch(er)?\b|\bscientist\b.*\b(ai|ml|machine learning|research)\b|"
         r"\b(applied|research) scientist\b"),
        ("Data science", r"\bdata scien|\bmachine learning scientist\b|\bstatistician\b|"
         r"\bdecision scien"),
        ("Data engineering", r"\bdata (engineer|architect|platform|infrastructure|ops)|"
         r"\b(etl|big data|analytics engineer|database (engineer|administrator))"),
        ("Data analysis", r"\b(data|business|bi|product|marketing|financial|reporting|"
         r"insights?) analy|\banalytics\b|\bbusiness intelligence\b"),
        ("Software engineering", r"\b(software|backend|back-end|frontend|front-end|full[- ]?stack|"
         r"devops|cloud|platform|site reliability|web|mobile|ios|android) "
         r"(engineer|developer|architect)|\bprogrammer\b|\bdeveloper\b|\bsre\b"),
        ("Leadership", r"\b(head|director|vp|vice president|chief|manager|lead)\b"),
    )
)  # fmt: skip
OTHER = "Other"


def clean_title(raw: str | None) -> str | None:
    """Single-spaced title text, or ``None``."""
    return clean_field(raw)


def role_family(title: str | None) -> str:
    """The role family of a job title ("Senior ML Engineer" → "ML/AI engineering")."""
    if not title:
        return OTHER
    for family, pattern in ROLE_FAMILIES:
        if pattern.search(title):
            return family
    return OTHER
