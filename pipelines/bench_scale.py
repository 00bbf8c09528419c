"""``make bench-scale``: a full and an incremental refresh on a scaled benchmark corpus.

The corpus is BENCHMARK DATA, never demo data: the 1,000 real bundled LinkedIn postings are
resampled to N records with new ids and listing dates shifted across three years (so every week
has postings). It is written under a temporary folder and deleted afterwards.
"""

from __future__ import annotations

import csv
import random
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from pipelines.refresh import run_refresh
from warehouse.paths import PROJECT_ROOT, DataPaths
from warehouse.snapshots import SnapshotReader

SOURCE = PROJECT_ROOT / "data/postings/linkedin_2023_2024/postings_sample_1000.csv"
SPAN_DAYS = 3 * 365
DAY_MS = 86_400_000


def write_corpus(
    path: Path, n: int, *, start: int = 0, seed: int = 11, days: int = SPAN_DAYS
) -> None:
    """``n`` resampled postings with ids ``bench-<start..>`` and dates spread over ``days``."""
    rows = list(csv.DictReader(SOURCE.open(encoding="utf-8")))
    rng = random.Random(seed + start)
    newest = max(float(r["listed_time"]) for r in rows if r["listed_time"])
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        for i in range(start, start + n):
            row = dict(rng.choice(rows))
            row["job_id"] = f"bench-{i}"
            row["listed_time"] = str(newest - rng.uniform(0, days) * DAY_MS)
            writer.writerow(row)


def dashboard_query_times(paths: DataPaths, repeats: int = 30) -> list[tuple[str, float, float]]:
    """p50 and p95 milliseconds of each data-layer call the dashboard's callbacks make."""
    from dashboards import data

    reader = SnapshotReader(paths.published_dir)
    top = data.top_skills(reader)["skill_id"].to_list()
    calls: dict[str, Callable[[], object]] = {
        "skills catalog": lambda: data.skill_catalog(reader),
        "top skills": lambda: data.top_skills(reader),
        "top skills in a step": lambda: data.top_skills(reader, step="llm_genai"),
        "weekly share, 3 skills": lambda: data.weekly_skill_share(reader, top[:3]),
        "weekly share, 8 skills": lambda: data.weekly_skill_share(reader, top[:8]),
        "salary facets": lambda: data.salary_facets(reader),
        "salary groups": lambda: data.salary_groups(reader, work_year=None, employment_type=None),
        "refresh status": lambda: data.refresh_status(reader),
        "source counts": lambda: data.source_counts(reader),
        "quarantine reasons": lambda: data.quarantine_reasons(reader),
    }
    rows = []
    for name, call in calls.items():
        call()  # the first call opens the snapshot's views
        times = []
        for _ in range(repeats):
            started = time.perf_counter()
            call()
            times.append((time.perf_counter() - started) * 1000)
        times.sort()
        rows.append((name, statistics.median(times), times[int(0.95 * (len(times) - 1))]))
    return rows


def main(n: int = 50_000, week: int = 20_000) -> None:
    """Print the timings of a full refresh of ``n`` postings and of one new week of ``week``."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        inbox = root / "data" / "inbox" / "linkedin_2023_2024"
        inbox.mkdir(parents=True)
        print(f"benchmark corpus: {n:,} postings resampled from the 1,000 real ones (benchmark "
              f"data, not demo data), dates over 3 years")  # fmt: skip
        write_corpus(inbox / "corpus.csv", n)
        paths = DataPaths(data_dir=root / "data")
        started = time.perf_counter()
        outcome = run_refresh(paths)
        full = time.perf_counter() - started
        print(f"full refresh of {n:,} + 1,000 bundled: {full:.0f} s; {outcome.summary}")
        write_corpus(inbox / "week.csv", week, start=n, days=7)
        started = time.perf_counter()
        outcome = run_refresh(paths)
        incremental = time.perf_counter() - started
        print(f"incremental week of {week:,} new postings: {incremental:.0f} s; {outcome.summary}")
        total = n + week + 1_000
        print(f"dashboard queries on the {total:,}-posting snapshot (ms; target p95 ≤ 100):")
        for name, p50, p95 in dashboard_query_times(paths):
            print(f"  {name:<24} p50 {p50:7.1f}  p95 {p95:7.1f}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak RSS: {peak:,.0f} MB (refresh process), {workers:,.0f} MB (largest worker)")


if __name__ == "__main__":
    sizes = [int(a) for a in sys.argv[1:3]]
    main(*sizes)
