"""Precision, recall and F1 of the extractor against hand-labelled sets."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Score:
    """Counts and the scores they give."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """TP / (TP + FP); 1.0 when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """TP / (TP + FN); 1.0 when nothing was expected."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


@dataclass(frozen=True)
class SetErrors:
    """What one document got wrong."""

    doc_id: str
    false_positives: frozenset[str]
    false_negatives: frozenset[str]


def score_sets(
    gold: Mapping[str, set[str]],
    predicted: Mapping[str, set[str]],
    category_of: Mapping[str, str],
) -> tuple[Score, dict[str, Score], list[SetErrors]]:
    """Micro score over (document, skill) pairs, per category, and each document's errors."""
    per_category: dict[str, Score] = defaultdict(Score)
    errors: list[SetErrors] = []
    for doc_id, expected in gold.items():
        got = predicted.get(doc_id, set())
        for skill in got & expected:
            per_category[category_of.get(skill, "?")] += Score(tp=1)
        for skill in got - expected:
            per_category[category_of.get(skill, "?")] += Score(fp=1)
        for skill in expected - got:
            per_category[category_of.get(skill, "?")] += Score(fn=1)
        if got != expected:
            errors.append(SetErrors(doc_id, frozenset(got - expected), frozenset(expected - got)))
    total = sum(per_category.values(), Score())
    return total, dict(sorted(per_category.items())), errors


def score_binary(pairs: Iterable[tuple[bool, bool]]) -> Score:
    """Score (expected, predicted) judgements of one occurrence each."""
    tp = fp = fn = 0
    for expected, predicted in pairs:
        tp += expected and predicted
        fp += predicted and not expected
        fn += expected and not predicted
    return Score(tp, fp, fn)
