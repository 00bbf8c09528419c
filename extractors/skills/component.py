"""The ``skill_matcher`` spaCy component: taxonomy aliases in, ``doc.spans["skills"]`` out."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import srsly
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from extractors.skills.rules import Disambiguator, load_rules, rules_from_dict
from extractors.skills.taxonomy import TAXONOMY_DIR, Taxonomy, load_taxonomy

SPANS_KEY = "skills"
#: Categories whose names double as job-title words ("machine learning engineer").
TITLE_PRONE_CATEGORIES = frozenset({"concept", "method", "soft_skill"})
#: Skills whose presence nearby supports a technical reading of an ambiguous word.
TECHNICAL_CATEGORIES = frozenset(
    {"language", "library", "framework", "database", "platform", "cloud", "tool", "certification"}
)
#: Exact forms of ambiguous skills at least this long also match case-insensitively.
FOLD_MIN_CHARS = 4


@Language.factory(
    "skill_matcher",
    default_config={"taxonomy_dir": str(TAXONOMY_DIR), "spans_key": SPANS_KEY},
)
def make_skill_matcher(
    nlp: Language, name: str, *, taxonomy_dir: str, spans_key: str
) -> SkillMatcher:
    """Build the component from the taxonomy in ``taxonomy_dir``."""
    directory = Path(taxonomy_dir)
    return SkillMatcher(
        nlp,
        name,
        taxonomy=load_taxonomy(directory),
        rules=load_rules(directory, make_words=lambda s: [t.text for t in nlp.make_doc(s)]),
        spans_key=spans_key,
    )


class SkillMatcher:
    """Match taxonomy aliases on token boundaries and keep only real skill mentions.

    Aliases match case-insensitively; ``exact`` forms ("R", "Go") match only with their case.
    Overlaps resolve to the longest span. Exact forms and one-word aliases of ``ambiguous``
    skills can be ordinary words ("Go", "transformers"), so those matches must pass :mod:`rules`;
    their longer aliases ("Go programming") need not.
    Span labels are skill ids.
    """

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        taxonomy: Taxonomy,
        rules: Disambiguator,
        spans_key: str = SPANS_KEY,
    ) -> None:
        self.name = name
        self.spans_key = spans_key
        self._make_doc: Callable[[str], Doc] = nlp.make_doc
        self.vocab = nlp.vocab
        self.taxonomy = taxonomy
        self.rules = rules
        self._build()

    def _build(self) -> None:
        self._lower = PhraseMatcher(self.vocab, attr="LOWER")
        self._exact = PhraseMatcher(self.vocab, attr="ORTH")
        # Skill ids as the string hashes that label matches, so no match is looked up by name.
        self._ambiguous = self._label_ids(s.id for s in self.taxonomy.skills if s.ambiguous)
        self._title_prone = self._label_ids(
            s.id for s in self.taxonomy.skills if s.category in TITLE_PRONE_CATEGORIES
        )
        self._technical = self._label_ids(
            s.id for s in self.taxonomy.skills if s.category in TECHNICAL_CATEGORIES
        )
        self._guarded = self._label_ids(self.rules.skill_blocks) - self._ambiguous
        for skill in self.taxonomy.skills:
            aliases = list(skill.aliases)
            if skill.ambiguous:
                # Long exact forms also match in other cases ("spark jobs", "in excel"); as
                # one-word matches of an ambiguous skill they must pass the rules.
                aliases += [f for f in skill.exact if _foldable(f)]
            if aliases:
                self._lower.add(skill.id, [self._make_doc(a) for a in aliases])
            if skill.exact:
                self._exact.add(skill.id, [self._make_doc(a) for a in skill.exact])

    def __call__(self, doc: Doc) -> Doc:
        """Annotate one document."""
        self.set_annotations(doc, self.match(doc))
        return doc

    def pipe(self, stream: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:
        """Annotate a stream of documents."""
        for doc in stream:
            yield self(doc)

    def _label_ids(self, skill_ids: Iterable[str]) -> frozenset[int]:
        """The span labels (string-store hashes) of these skill ids."""
        return frozenset(self.vocab.strings.add(skill_id) for skill_id in skill_ids)

    def match(self, doc: Doc) -> list[Span]:
        """Return the skill spans of ``doc``, longest-first and disambiguated."""
        lower = self._lower(doc)
        exact = self._exact(doc)
        # One-word and exact matches of ambiguous skills must pass the rules.
        risky = {
            (start, end)
            for label, start, end in lower
            if end - start == 1 and label in self._ambiguous
        }
        risky.update((start, end) for label, start, end in exact if label in self._ambiguous)
        spans = [
            Span(doc, start, end, label=label)
            for label, start, end in _longest_first([*lower, *exact])
        ]
        spans = [
            s for s in spans if s.label not in self._title_prone or not self.rules.in_title(doc, s)
        ]
        # Unambiguous skills with their own blocking words ("thought leadership") are checked
        # at every match; ambiguous ones only at their risky (one-word or exact) matches.
        guarded = [s for s in spans if s.label in self._guarded and (s.start, s.end) not in risky]
        if guarded:
            dropped = {s.start for s in guarded if self.rules.blocked_by_skill_words(doc, s)}
            spans = [s for s in spans if s.start not in dropped]
        return self._resolve_risky(doc, spans, risky)

    def _resolve_risky(
        self, doc: Doc, spans: list[Span], risky: set[tuple[int, int]]
    ) -> list[Span]:
        """Keep risky spans the rules accept; accepted ones support their neighbours in turn."""
        kept = [s for s in spans if (s.start, s.end) not in risky]
        if len(kept) == len(spans):
            return kept
        covered = frozenset(i for s in spans for i in range(s.start, s.end))
        pending = [
            s
            for s in spans
            if (s.start, s.end) in risky and not self.rules.blocked(doc, s, covered)
        ]
        if not pending:
            return kept
        technical = [s for s in kept if s.label in self._technical]
        while pending:
            accepted = [
                s
                for s in pending
                if self.rules.supported(doc, s, technical)
                or self.rules.listed_with(doc, s, [p for p in pending if p.label != s.label])
            ]
            if not accepted:
                break
            kept += accepted
            technical += [s for s in accepted if s.label in self._technical]
            pending = [s for s in pending if s not in accepted]
        return sorted(kept, key=lambda s: s.start)

    def set_annotations(self, doc: Doc, spans: list[Span]) -> None:
        """Store ``spans`` under ``doc.spans[spans_key]``."""
        doc.spans[self.spans_key] = spans

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write the taxonomy the matcher was built from."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / "taxonomy.json", _taxonomy_to_json(self.taxonomy))
        srsly.write_json(path / "rules.json", self.rules.raw)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> SkillMatcher:
        """Load a taxonomy written by :meth:`to_disk` and rebuild the matchers."""
        data = srsly.read_json(Path(path) / "taxonomy.json")
        self.taxonomy = Taxonomy.from_records(
            data["steps"], data["skills"], fingerprint=data["fingerprint"]
        )
        self.rules = rules_from_dict(
            srsly.read_json(Path(path) / "rules.json"),
            lambda s: [t.text for t in self._make_doc(s)],
        )
        self._build()
        return self


def _taxonomy_to_json(taxonomy: Taxonomy) -> dict[str, Any]:
    return {
        "fingerprint": taxonomy.fingerprint,
        "steps": [vars(s) for s in taxonomy.steps],
        "skills": [
            {k: list(v) if isinstance(v, tuple) else v for k, v in vars(s).items()}
            for s in taxonomy.skills
        ],
    }


def _longest_first(matches: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """:func:`spacy.util.filter_spans` on (label, start, end) matches, before any Span is made.

    Longer matches win, then earlier ones, then the first listed; the result is in text order.
    """
    kept: list[tuple[int, int, int]] = []
    seen: set[int] = set()
    for match in sorted(matches, key=lambda m: (m[2] - m[1], -m[1]), reverse=True):
        _, start, end = match
        if start not in seen and end - 1 not in seen:
            kept.append(match)
            seen.update(range(start, end))
    return sorted(kept, key=lambda m: m[1])


def _foldable(form: str) -> bool:
    """A capitalised word ("Spark", not "REST" or "R") may also match in other cases."""
    return (
        len(form) >= FOLD_MIN_CHARS and form.isalpha() and form[0].isupper() and form[1:].islower()
    )
