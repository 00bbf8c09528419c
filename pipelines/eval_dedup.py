"""De-duplication quality on the labelled posting pairs in ``tests/data/eval/dedup_pairs.jsonl``."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from extractors.dedup import DedupPosting, find_clusters
from warehouse.paths import PROJECT_ROOT

PAIRS = PROJECT_ROOT / "tests" / "data" / "eval" / "dedup_pairs.jsonl"
TARGET_F1 = 0.95


def _posting(pair_id: str, side: str, fields: dict[str, Any]) -> DedupPosting:
    return DedupPosting(
        posting_id=f"{pair_id}:{side}",
        source=fields.get("source", "eval"),
        title=fields["title"],
        company=fields["company"],
        description=fields["description"],
        posted_date=dt.date.fromisoformat(fields["posted_date"]),
    )


def _scores(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def evaluate_dedup(console: Console, path: Path = PAIRS) -> dict[str, float]:
    """Cluster each labelled pair on its own; print and return precision, recall and F1."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # tp, fp, fn, tn
    misses = []
    for row in rows:
        a, b = _posting(row["id"], "a", row["a"]), _posting(row["id"], "b", row["b"])
        merged = len(find_clusters([a, b])) == 1
        cell = (0 if merged else 2) if row["duplicate"] else (1 if merged else 3)
        for scope in (row["kind"], "all"):
            counts[scope][cell] += 1
        if merged != row["duplicate"]:
            misses.append((row["id"], row["kind"], "FP" if merged else "FN", row.get("note", "")))

    table = Table(title=f"De-duplication on {len(rows)} labelled posting pairs ({path.name})")
    for column in ("kind", "pairs", "TP", "FP", "FN", "TN", "precision", "recall", "F1"):
        table.add_column(column, justify="left" if column == "kind" else "right")
    for kind in [*sorted(k for k in counts if k != "all"), "all"]:
        tp, fp, fn, tn = counts[kind]
        has_positives = tp + fn > 0
        precision, recall, f1 = _scores(tp, fp, fn)
        table.add_row(
            kind, str(tp + fp + fn + tn), str(tp), str(fp), str(fn), str(tn),
            f"{precision:.3f}" if tp + fp else "–",
            f"{recall:.3f}" if has_positives else "–",
            f"{f1:.3f}" if has_positives else "–",
            style="bold" if kind == "all" else None,
        )  # fmt: skip
    console.print(table)
    for pair_id, kind, error, note in misses[:20]:
        console.print(f"  {error} {pair_id} ({kind}): {note[:110]}")
    precision, recall, f1 = _scores(*counts["all"][:3])
    return {"precision": precision, "recall": recall, "f1": f1}


def main() -> int:
    """Print the figures; exit 1 if F1 misses its target."""
    console = Console(width=140)
    result = evaluate_dedup(console)
    met = result["f1"] >= TARGET_F1
    mark = "[green]met[/]" if met else "[red]missed[/]"
    console.print(f"dedup F1: {result['f1']:.3f} (target ≥ {TARGET_F1:.2f}) {mark}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
