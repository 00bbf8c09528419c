"""``make eval``: the extractor's precision, recall and F1 on the hand-labelled dev sets."""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from extractors.skills import SkillExtractor
from extractors.skills.evaluation import Score, score_binary, score_sets
from pipelines.eval_dedup import evaluate_dedup
from pipelines.eval_salary import evaluate_salary
from pipelines.eval_titles import evaluate_titles
from warehouse.paths import PROJECT_ROOT

EVAL_DIR = PROJECT_ROOT / "tests" / "data" / "eval"
TARGETS = {
    "micro_f1": 0.90,
    "ambiguous_precision": 0.95,
    "ambiguous_recall": 0.85,
    "role_accuracy": 0.90,
    "seniority_accuracy": 0.90,
    "dedup_f1": 0.95,
    "salary_accuracy": 0.95,
}


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """Every JSON object of a JSONL file."""
    return [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def evaluate_postings(extractor: SkillExtractor, console: Console) -> Score:
    """Posting-level skill sets against ``postings_dev*.jsonl``."""
    rows = [r for p in sorted(EVAL_DIR.glob("postings_dev*.jsonl")) for r in read_jsonl(p)]
    known = {s.id for s in extractor.taxonomy.skills}
    gold = {r["id"]: {s for s in r["skills"] if s in known} for r in rows}
    changed = apply_adjudication(gold, sorted(EVAL_DIR.glob("adjudication*.jsonl")))
    unknown = sorted({s for r in rows for s in r["skills"] if s not in known})
    predicted = {
        r["id"]: {m.skill_id for m in mentions}
        for r, mentions in zip(rows, extractor.extract_many(r["text"] for r in rows), strict=True)
    }
    category_of = {s.id: s.category for s in extractor.taxonomy.skills}
    total, per_category, errors = score_sets(gold, predicted, category_of)
    table = Table(
        title=f"Skill sets of {len(rows)} hand-labelled real postings "
        f"({changed} labels changed by blind adjudication)"
    )
    for column in ("category", "TP", "FP", "FN", "precision", "recall", "F1"):
        table.add_column(column, justify="right" if column != "category" else "left")
    for name, score in [*per_category.items(), ("micro (all)", total)]:
        table.add_row(name, *_cells(score))
    console.print(table)
    if unknown:
        console.print(f"[yellow]{len(unknown)} labelled ids not in the taxonomy:[/] {unknown[:10]}")
    _print_frequent_errors(console, errors)
    return total


def apply_adjudication(gold: dict[str, set[str]], files: list[Path]) -> int:
    """Apply blind second-pass judgements (present or not) to the first-pass labels."""
    changed = 0
    for path in files:
        for row in read_jsonl(path):
            labels = gold.get(row["id"])
            if labels is None:
                continue
            before = row["skill"] in labels
            if row["present"]:
                labels.add(row["skill"])
            else:
                labels.discard(row["skill"])
            changed += before != row["present"]
    return changed


def evaluate_ambiguous(extractor: SkillExtractor, console: Console) -> Score:
    """One judged occurrence per sentence in ``ambiguous_dev.jsonl``."""
    rows = read_jsonl(EVAL_DIR / "ambiguous_dev.jsonl")
    judged = []
    by_term: dict[str, list[tuple[bool, bool]]] = defaultdict(list)
    misses = []
    skill_of = _term_skills(extractor)
    for row, mentions in zip(rows, extractor.extract_many(r["text"] for r in rows), strict=True):
        wanted = skill_of.get(row["term"].casefold())
        hit = any(
            m.start < row["end"]
            and row["start"] < m.end
            and (wanted is None or m.skill_id in wanted)
            for m in mentions
        )
        judged.append((row["is_skill"], hit))
        by_term[row["term"]].append((row["is_skill"], hit))
        if hit != row["is_skill"]:
            misses.append(("FP" if hit else "FN", row["term"], row["text"][:110]))
    total = score_binary(judged)
    table = Table(title=f"Ambiguous terms: {len(rows)} judged sentences, {len(by_term)} terms")
    for column in ("scope", "TP", "FP", "FN", "precision", "recall", "F1"):
        table.add_column(column, justify="right" if column != "scope" else "left")
    table.add_row("all ambiguous terms", *_cells(total))
    console.print(table)
    for kind, term, text in misses[:25]:
        console.print(f"  {kind} {term!r}: {text}")
    return total


def _term_skills(extractor: SkillExtractor) -> dict[str, set[str]]:
    """The skills each judged term can name: those with the term as a form (any case)."""
    out: dict[str, set[str]] = defaultdict(set)
    for skill in extractor.taxonomy.skills:
        for form in (*skill.aliases, *skill.exact, skill.name):
            out[form.casefold()].add(skill.id)
    return out


def _cells(score: Score) -> list[str]:
    return [
        str(score.tp), str(score.fp), str(score.fn),
        f"{score.precision:.3f}", f"{score.recall:.3f}", f"{score.f1:.3f}",
    ]  # fmt: skip


def _print_frequent_errors(console: Console, errors: list[Any]) -> None:
    fp: dict[str, int] = defaultdict(int)
    fn: dict[str, int] = defaultdict(int)
    for e in errors:
        for s in e.false_positives:
            fp[s] += 1
        for s in e.false_negatives:
            fn[s] += 1
    top = lambda d: ", ".join(f"{k} ({v})" for k, v in sorted(d.items(), key=lambda x: -x[1])[:12])  # noqa: E731
    console.print(f"most frequent false positives: {top(fp)}")
    console.print(f"most frequent false negatives: {top(fn)}")


def main() -> int:
    """Print the figures; exit 1 if a target is missed."""
    console = Console(width=140)
    extractor = SkillExtractor()
    postings = evaluate_postings(extractor, console)
    ambiguous = evaluate_ambiguous(extractor, console)
    results = {
        "micro_f1": postings.f1,
        "ambiguous_precision": ambiguous.precision,
        "ambiguous_recall": ambiguous.recall,
    }
    titles = evaluate_titles(console)
    dedup = evaluate_dedup(console)
    salary = evaluate_salary(console)
    results |= {"role_accuracy": titles.get("role_accuracy", 0.0),
                "seniority_accuracy": titles.get("seniority_accuracy", 0.0),
                "dedup_f1": dedup.get("f1", 0.0),
                "salary_accuracy": min(salary.values()) if salary else 0.0}  # fmt: skip
    missed = [k for k, v in results.items() if v < TARGETS[k]]
    for key, value in results.items():
        mark = "[green]met[/]" if key not in missed else "[red]missed[/]"
        console.print(f"{key}: {value:.3f} (target ≥ {TARGETS[key]:.2f}) {mark}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
