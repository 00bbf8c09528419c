"""The public extraction API: texts in, mentions (and emerging-term candidates) out."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import spacy
from spacy.language import Language

from extractors.skills import component  # noqa: F401  (registers the "skill_matcher" factory)
from extractors.skills.candidates import candidate_terms
from extractors.skills.component import TECHNICAL_CATEGORIES, SkillMatcher
from extractors.skills.prefilter import Condensed, Prefilter
from extractors.skills.sections import SectionMap
from extractors.skills.taxonomy import TAXONOMY_DIR, Skill, Taxonomy
from extractors.skills.tokenizer import blank_english

#: Bump when the matching code changes, so cached extractions are redone.
RULES_VERSION = "3"
#: Beyond this many characters a text is cut into chunks (bounded memory and time).
CHUNK_CHARS = 100_000


@dataclass(frozen=True, slots=True)
class Mention:
    """One skill mention with character offsets into the input text."""

    skill_id: str
    name: str
    category: str
    step: str
    start: int
    end: int
    text: str
    section: str = "other"

    def as_contract(self) -> dict[str, object]:
        """The ``skillradar extract`` JSON shape."""
        return {
            "name": self.name,
            "skill_id": self.skill_id,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "step": self.step,
            "section": self.section,
        }


@dataclass(frozen=True, slots=True)
class Candidate:
    """A tech-looking term in a skill list that the taxonomy does not know."""

    term: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extracted from one text."""

    mentions: list[Mention]
    candidates: list[Candidate]


class SkillExtractor:
    """A ``spacy.blank("en")`` pipeline (compact tokenizer) with the ``skill_matcher`` component."""

    def __init__(self, taxonomy_dir: Path = TAXONOMY_DIR, *, batch_size: int = 64) -> None:
        self.taxonomy_dir = taxonomy_dir
        self.batch_size = batch_size

    @cached_property
    def nlp(self) -> Language:
        """The pipeline, built on first use."""
        nlp = blank_english()
        nlp.add_pipe("skill_matcher", config={"taxonomy_dir": str(self.taxonomy_dir)})
        return nlp

    @property
    def matcher(self) -> SkillMatcher:
        """The pipeline's skill_matcher component."""
        return self.nlp.get_pipe("skill_matcher")  # type: ignore[return-value]

    @property
    def taxonomy(self) -> Taxonomy:
        """The taxonomy the pipeline matches."""
        return self.matcher.taxonomy

    @property
    def version(self) -> str:
        """Changes whenever the taxonomy, the rules or the matching code change."""
        return f"{self.taxonomy.fingerprint}-{self.matcher.rules.fingerprint}-r{RULES_VERSION}"

    def extract(self, text: str) -> list[Mention]:
        """Mentions in one text."""
        return next(self.extract_many([text]))

    def extract_many(self, texts: Iterable[str]) -> Iterator[list[Mention]]:
        """Mentions for each text, in order."""
        for result in self.analyse_many(texts):
            yield result.mentions

    @cached_property
    def prefilter(self) -> Prefilter:
        """The Aho-Corasick pre-filter over every surface form the matcher knows."""
        return Prefilter(
            form for skill in self.taxonomy.skills for form in (*skill.aliases, *skill.exact)
        )

    def analyse_many(self, texts: Iterable[str]) -> Iterator[Extraction]:
        """Mentions and candidates for each text, in order; throughput goes through ``nlp.pipe``.

        Only the sentences the pre-filter keeps are tokenized. Texts whose kept part exceeds
        :data:`CHUNK_CHARS` are cut into chunks, so one huge posting cannot exhaust memory.
        """
        keys: deque[tuple[str, Condensed, int, bool]] = deque()
        prefilter = self.prefilter

        def chunk_texts() -> Iterator[str]:
            for text in texts:
                condensed = prefilter.condense(text)
                chunks = list(_chunks(condensed.text))
                for n, (offset, chunk) in enumerate(chunks):
                    keys.append((text, condensed, offset, n == len(chunks) - 1))
                    yield chunk

        parts: list[Extraction] = []
        for doc in self.nlp.pipe(chunk_texts(), batch_size=self.batch_size):
            text, condensed, offset, is_last = keys.popleft()
            parts.append(self._extraction(doc, text, condensed, offset))
            if is_last:
                yield _merge(parts)
                parts = []

    @cached_property
    def _skills_by_label(self) -> dict[int, Skill]:
        """Skills keyed by their span label's hash (no string lookups per span)."""
        strings = self.nlp.vocab.strings
        return {strings.add(s.id): s for s in self.taxonomy.skills}

    def _extraction(
        self, doc: spacy.tokens.Doc, text: str, condensed: Condensed, offset: int
    ) -> Extraction:
        spans = doc.spans["skills"]
        if not spans:
            return Extraction([], [])
        by_label = self._skills_by_label
        sections = SectionMap(text)
        mentions = []
        technical = []
        for span in spans:
            skill = by_label[span.label]
            start = condensed.to_original(span.start_char + offset)
            end = start + span.end_char - span.start_char
            mentions.append(
                Mention(
                    skill_id=skill.id,
                    name=skill.name,
                    category=skill.category,
                    step=skill.step,
                    start=start,
                    end=end,
                    text=text[start:end],
                    section=sections.section_at(start),
                )
            )
            if skill.category in TECHNICAL_CATEGORIES:
                technical.append(span)
        candidates = []
        for c in candidate_terms(doc, technical):
            start = condensed.to_original(c.start_char + offset)
            candidates.append(Candidate(text[start : start + c.end_char - c.start_char], start,
                                        start + c.end_char - c.start_char))  # fmt: skip
        return Extraction(mentions, candidates)


def _chunks(text: str) -> Iterator[tuple[int, str]]:
    """Split ``text`` into pieces of at most about ``CHUNK_CHARS``, at whitespace."""
    if len(text) <= CHUNK_CHARS:
        yield 0, text
        return
    start = 0
    while start < len(text):
        end = min(len(text), start + CHUNK_CHARS)
        if end < len(text):
            cut = text.rfind("\n", start + CHUNK_CHARS // 2, end)
            if cut == -1:
                cut = text.rfind(" ", start + CHUNK_CHARS // 2, end)
            end = cut + 1 if cut != -1 else end
        yield start, text[start:end]
        start = end


def _merge(parts: list[Extraction]) -> Extraction:
    if len(parts) == 1:
        return parts[0]
    return Extraction(
        [m for p in parts for m in p.mentions], [c for p in parts for c in p.candidates]
    )
