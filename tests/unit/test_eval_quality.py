"""The extractor keeps its measured quality on the hand-labelled dev sets (`make eval`)."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from extractors.skills import SkillExtractor
from extractors.skills.evaluation import Score, score_binary, score_sets
from pipelines.evaluate import TARGETS, evaluate_ambiguous, evaluate_postings


def test_scores_count_pairs_per_category() -> None:
    total, per_category, errors = score_sets(
        gold={"a": {"python", "sql"}, "b": {"go"}},
        predicted={"a": {"python", "excel"}, "b": set()},
        category_of={"python": "language", "sql": "language", "excel": "tool", "go": "language"},
    )
    assert (total.tp, total.fp, total.fn) == (1, 1, 2)
    assert per_category["language"] == Score(tp=1, fn=2)
    assert per_category["tool"] == Score(fp=1)
    assert total.precision == 0.5 and total.recall == pytest.approx(1 / 3)
    assert {e.doc_id for e in errors} == {"a", "b"}
    assert score_binary([(True, True), (False, True), (True, False)]) == Score(1, 1, 1)


@pytest.fixture(scope="module")
def quiet() -> Console:
    return Console(file=io.StringIO())


def test_posting_micro_f1_meets_its_target(quiet: Console) -> None:
    score = evaluate_postings(SkillExtractor(), quiet)
    assert score.tp + score.fn > 1_500
    assert score.f1 >= TARGETS["micro_f1"]


def test_ambiguous_terms_meet_their_targets(quiet: Console) -> None:
    score = evaluate_ambiguous(SkillExtractor(), quiet)
    assert score.tp + score.fp + score.fn > 100
    assert score.precision >= TARGETS["ambiguous_precision"]
    assert score.recall >= TARGETS["ambiguous_recall"]


def test_titles_dedup_and_salary_meet_their_targets(quiet: Console) -> None:
    from pipelines.eval_dedup import evaluate_dedup
    from pipelines.eval_salary import evaluate_salary
    from pipelines.eval_titles import evaluate_titles

    titles = evaluate_titles(quiet)
    assert titles["role_accuracy"] >= TARGETS["role_accuracy"]
    assert titles["seniority_accuracy"] >= TARGETS["seniority_accuracy"]
    assert evaluate_dedup(quiet)["f1"] >= TARGETS["dedup_f1"]
    assert min(evaluate_salary(quiet).values()) >= TARGETS["salary_accuracy"]
