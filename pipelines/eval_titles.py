"""Title classifier quality on the hand-labelled titles in ``tests/data/eval/titles_dev.jsonl``.

Each line holds ``title``, ``role_family`` (an id of :data:`extractors.titles.ROLE_FAMILIES`) and
``seniority`` (an id of :data:`extractors.titles.SENIORITIES`). Prints accuracy overall and per
gold label, and the most frequent confusions; returns ``{"role_accuracy", "seniority_accuracy"}``
or ``{}`` when the file is missing.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from extractors.titles import ROLE_FAMILIES, SENIORITIES, role_family, seniority
from warehouse.paths import PROJECT_ROOT

TITLES_DEV = PROJECT_ROOT / "tests" / "data" / "eval" / "titles_dev.jsonl"


def _read(path: Path) -> list[dict[str, Any]]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        row = json.loads(line)
        if not isinstance(row, dict) or "title" not in row:
            raise ValueError(f"{path.name} line {number}: expected an object with a title")
        rows.append(row)
    return rows


def _accuracy_table(
    name: str, labels: tuple[str, ...], pairs: list[tuple[str, str]]
) -> tuple[Table, float]:
    """Per-gold-label accuracy and an overall row; ``pairs`` are (gold, predicted)."""
    gold_counts = Counter(gold for gold, _ in pairs)
    right = Counter(gold for gold, predicted in pairs if gold == predicted)
    predicted_counts = Counter(predicted for _, predicted in pairs)
    table = Table(title=f"{name}: {len(pairs)} labelled titles")
    for column in ("gold label", "n", "correct", "recall", "predicted", "precision"):
        table.add_column(column, justify="left" if column == "gold label" else "right")
    extra = sorted(set(gold_counts) - set(labels))
    for label in (*labels, *extra):
        n, hits, shown = gold_counts[label], right[label], predicted_counts[label]
        if not n and not shown:
            continue
        table.add_row(
            label, str(n), str(hits),
            f"{hits / n:.3f}" if n else "–",
            str(shown),
            f"{hits / shown:.3f}" if shown else "–",
        )  # fmt: skip
    accuracy = sum(right.values()) / len(pairs) if pairs else 0.0
    table.add_row("all", str(len(pairs)), str(sum(right.values())), f"{accuracy:.3f}", "", "",
                  style="bold")  # fmt: skip
    return table, accuracy


def _confusions(name: str, pairs: list[tuple[str, str]], titles: list[str]) -> Table:
    """The most frequent (gold → predicted) mistakes, with example titles."""
    mistakes: Counter[tuple[str, str]] = Counter()
    examples: dict[tuple[str, str], list[str]] = {}
    for (gold, predicted), title in zip(pairs, titles, strict=True):
        if gold != predicted:
            mistakes[(gold, predicted)] += 1
            examples.setdefault((gold, predicted), []).append(title)
    table = Table(title=f"{name}: most frequent confusions")
    for column in ("gold", "predicted", "n", "examples"):
        table.add_column(column, justify="right" if column == "n" else "left")
    for (gold, predicted), n in mistakes.most_common(12):
        shown = "; ".join(examples[(gold, predicted)][:3])
        table.add_row(gold, predicted, str(n), shown[:90])
    return table


def evaluate_titles(console: Console, path: Path = TITLES_DEV) -> dict[str, float]:
    """Print role-family and seniority accuracy on ``path``; ``{}`` if it does not exist."""
    if not path.exists():
        console.print(
            f"[yellow]No title labels yet:[/] {path} does not exist. Write one JSON object per "
            'line with "title", "role_family" and "seniority" to evaluate the title classifier.'
        )
        return {}
    rows = _read(path)
    if not rows:
        console.print(f"[yellow]{path.name} has no labelled titles.[/]")
        return {}
    titles = [str(row["title"]) for row in rows]
    results: dict[str, float] = {}
    for key, field, labels, predict in (
        ("role_accuracy", "role_family", ROLE_FAMILIES, role_family),
        ("seniority_accuracy", "seniority", SENIORITIES, seniority),
    ):
        labelled = [(row, title) for row, title in zip(rows, titles, strict=True) if row.get(field)]
        pairs = [(str(row[field]), predict(title)) for row, title in labelled]
        table, accuracy = _accuracy_table(field, labels, pairs)
        console.print(table)
        console.print(_confusions(field, pairs, [title for _, title in labelled]))
        results[key] = accuracy
    console.print(
        f"role family accuracy {results['role_accuracy']:.3f}, "
        f"seniority accuracy {results['seniority_accuracy']:.3f} ({len(rows)} titles)"
    )
    return results


def main() -> int:
    """Print the figures; exit 0 (there is no target yet)."""
    evaluate_titles(Console(width=140))
    return 0


if __name__ == "__main__":
    sys.exit(main())
