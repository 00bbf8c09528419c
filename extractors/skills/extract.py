"""The public extraction API: texts in, :class:`Mention` lists out, through ``nlp.pipe``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import spacy
from spacy.language import Language

from extractors.skills import component  # noqa: F401  (registers the "skill_matcher" factory)
from extractors.skills.taxonomy import TAXONOMY_DIR, Taxonomy

#: Bump when the matching rules change, so cached extractions are redone.
RULES_VERSION = "1"


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

    def as_contract(self) -> dict[str, object]:
        """The ``skillradar extract`` JSON shape."""
        return {
            "name": self.name,
            "skill_id": self.skill_id,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "step": self.step,
        }


class SkillExtractor:
    """A ``spacy.blank("en")`` pipeline with the ``skill_matcher`` component."""

    def __init__(self, taxonomy_dir: Path = TAXONOMY_DIR, *, batch_size: int = 64) -> None:
        self.taxonomy_dir = taxonomy_dir
        self.batch_size = batch_size

    @cached_property
    def nlp(self) -> Language:
        """The pipeline, built on first use."""
        nlp = spacy.blank("en")
        nlp.add_pipe("skill_matcher", config={"taxonomy_dir": str(self.taxonomy_dir)})
        return nlp

    @property
    def taxonomy(self) -> Taxonomy:
        """The taxonomy the pipeline matches."""
        return self.nlp.get_pipe("skill_matcher").taxonomy  # type: ignore[attr-defined,no-any-return]

    @property
    def version(self) -> str:
        """Changes whenever the taxonomy files or the rules change."""
        return f"{self.taxonomy.fingerprint}-r{RULES_VERSION}"

    def extract(self, text: str) -> list[Mention]:
        """Mentions in one text."""
        return next(self.extract_many([text]))

    def extract_many(self, texts: Iterable[str]) -> Iterator[list[Mention]]:
        """Mentions for each text, in order; all throughput goes through ``nlp.pipe``."""
        taxonomy = self.taxonomy
        for doc in self.nlp.pipe(texts, batch_size=self.batch_size):
            mentions = []
            for span in doc.spans["skills"]:
                skill = taxonomy.skill(span.label_)
                mentions.append(
                    Mention(
                        skill_id=skill.id,
                        name=skill.name,
                        category=skill.category,
                        step=skill.step,
                        start=span.start_char,
                        end=span.end_char,
                        text=span.text,
                    )
                )
            yield mentions
