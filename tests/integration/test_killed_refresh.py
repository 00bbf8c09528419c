"""A refresh killed half-way: readers keep the last snapshot, and the next refresh completes."""

from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import open_warehouse

from warehouse.paths import PROJECT_ROOT
from warehouse.snapshots import SnapshotReader, current_snapshot

pytestmark = pytest.mark.integration
CLI = [sys.executable, "-m", "pipelines.cli", "refresh"]
BUNDLED = PROJECT_ROOT / "data/postings/linkedin_2023_2024/postings_sample_1000.csv"
NEW = 400


def drop_new_postings(data_dir: Path) -> None:
    """Real postings under new ids, dropped into the inbox (constructed here, not new data)."""
    rows = list(csv.DictReader(BUNDLED.open(encoding="utf-8")))[:NEW]
    inbox = data_dir / "inbox" / "linkedin_2023_2024"
    inbox.mkdir(parents=True)
    with (inbox / "more.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(r | {"job_id": f"again-{i}"} for i, r in enumerate(rows))


def test_a_killed_refresh_leaves_the_last_snapshot_readable_and_the_next_one_completes(
    tmp_path: Path,
) -> None:
    env = {**os.environ, "SKILLRADAR_DATA_DIR": str(tmp_path), "PYTHONUNBUFFERED": "1"}
    first = subprocess.run(CLI, env=env, capture_output=True, text=True, timeout=600)
    assert first.returncode == 0, first.stderr[-2000:]
    published = current_snapshot(tmp_path / "published")
    drop_new_postings(tmp_path)

    proc = subprocess.Popen(CLI, env=env, stderr=subprocess.PIPE, text=True, start_new_session=True)
    assert proc.stderr is not None
    seen = []
    for line in proc.stderr:
        seen.append(line)
        if "postings ✓" in line:  # normalised and committed; dedup, skills and marts not yet
            os.killpg(proc.pid, signal.SIGKILL)
            break
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL, "".join(seen)[-2000:]

    assert current_snapshot(tmp_path / "published") == published
    reader = SnapshotReader(tmp_path / "published")
    assert reader.query("refresh_status")["postings_total"].to_list() == [1000]

    second = subprocess.run(CLI, env=env, capture_output=True, text=True, timeout=600)
    assert second.returncode == 0, second.stderr[-2000:]
    assert "checks passed" in second.stderr and "failed" not in second.stderr
    assert current_snapshot(tmp_path / "published") != published
    assert SnapshotReader(tmp_path / "published").query("refresh_status")[
        "postings_total"
    ].to_list() == [1000 + NEW]
    with open_warehouse(tmp_path) as con:
        counts = con.execute(
            "select (select count(*) from postings), (select count(*) from posting_clusters),"
            " (select count(*) from extraction_log)"
        ).fetchall()[0]
    assert counts == (1000 + NEW, 1000 + NEW, 1000 + NEW)
