"""Field-level accuracy of :func:`extractors.salary.parse_salary` on ``salary_dev.jsonl``."""

from __future__ import annotations

import datetime
import json
import math
from collections import defaultdict
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from extractors.salary import parse_salary
from warehouse.paths import PROJECT_ROOT

SALARY_DEV = PROJECT_ROOT / "tests" / "data" / "eval" / "salary_dev.jsonl"
FIELDS = ("min", "max", "currency", "period", "annual_min_usd")
USD_TOLERANCE = 0.01  # annual_min_usd counts as right within 1 %


def evaluate_salary(console: Console, path: Path = SALARY_DEV) -> dict[str, float]:
    """Print accuracy per field, overall and per expected currency; return the overall figures."""
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    hits: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(FIELDS, 0))
    counts: dict[str, int] = defaultdict(int)
    misses: list[tuple[str, str, str, object, object]] = []
    for row in rows:
        posted = row.get("posted")
        parsed = parse_salary(
            row["text"],
            country=row.get("country"),
            posted=datetime.date.fromisoformat(posted) if posted else None,
        )
        expected = row["expected"]
        group = expected.get("currency") or "(none)"
        for key in ("all", group):
            counts[key] += 1
        for field in FIELDS:
            got = getattr(parsed, field)
            if _matches(field, got, expected.get(field)):
                hits["all"][field] += 1
                hits[group][field] += 1
            else:
                misses.append((row["id"], row["text"], field, expected.get(field), got))
    overall = {field: hits["all"][field] / counts["all"] for field in FIELDS}
    console.print(_table(hits, counts, len(rows)))
    for row_id, text, field, want, got in misses[:25]:
        console.print(
            f"[yellow]{row_id}[/] {field}: expected {want!r}, got {got!r} ← {text[:70]!r}"
        )
    if len(misses) > 25:
        console.print(f"… and {len(misses) - 25} more misses")
    return overall


def _matches(field: str, got: Any, want: Any) -> bool:
    if got is None or want is None:
        return got is None and want is None
    if field == "annual_min_usd":
        return math.isclose(float(got), float(want), rel_tol=USD_TOLERANCE)
    if field in ("min", "max"):
        return math.isclose(float(got), float(want), rel_tol=1e-9, abs_tol=1e-6)
    return bool(got == want)


def _table(hits: dict[str, dict[str, int]], counts: dict[str, int], total: int) -> Table:
    table = Table(title=f"Salary parser field accuracy on {total} dev strings")
    table.add_column("currency")
    table.add_column("n", justify="right")
    for field in FIELDS:
        table.add_column(field, justify="right")
    order = ["all", *sorted((k for k in counts if k != "all"), key=lambda k: (-counts[k], k))]
    for key in order:
        n = counts[key]
        cells = [f"{hits[key][field] / n:.3f}" for field in FIELDS]
        table.add_row("overall" if key == "all" else key, str(n), *cells)
    return table
