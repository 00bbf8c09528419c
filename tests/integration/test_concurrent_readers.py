"""Readers never block on, and are never broken by, a running refresh."""

from __future__ import annotations

import csv
import threading
import time
from pathlib import Path

import pytest
from helpers import DATA, materialize_all, slice_resources, write_mapping

from warehouse.snapshots import SnapshotReader

pytestmark = pytest.mark.integration


def test_queries_during_refreshes_see_whole_snapshots(tmp_path: Path) -> None:
    rows = list(csv.DictReader((DATA / "linkedin_slice.csv").open(encoding="utf-8")))
    small = tmp_path / "small.csv"
    with small.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows[:40])
    data_dir = tmp_path / "data"
    first = slice_resources(data_dir, write_mapping(tmp_path / "m_small", small))
    full = slice_resources(
        data_dir, write_mapping(tmp_path / "m_full", DATA / "linkedin_slice.csv")
    )
    assert materialize_all(first).success
    reader = SnapshotReader(data_dir / "published")
    seen: list[tuple[int, int]] = []
    errors: list[BaseException] = []
    stop = threading.Event()

    def query_loop() -> None:
        while not stop.is_set():
            try:
                row = reader.query("consistency_probe").row(0)
                seen.append((row[0], row[1]))
            except BaseException as exc:
                errors.append(exc)

    threads = [threading.Thread(target=query_loop) for _ in range(2)]
    for t in threads:
        t.start()
    while len(seen) < 5 and not errors:  # the readers are running before the refresh starts
        time.sleep(0.01)
    try:
        # The raw layer only grows: 40 postings, then 70, then 70 again with a new log row.
        for resources in (full, full):
            assert materialize_all(resources).success
            time.sleep(0.05)
    finally:
        stop.set()
        for t in threads:
            t.join(timeout=30)
    assert errors == []
    assert len(seen) > 20
    assert all(postings == logged for postings, logged in seen)
    assert {postings for postings, _ in seen} == {40, 70}
