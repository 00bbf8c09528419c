"""`skillradar refresh` and `skillradar serve` as a user runs them (real subprocesses)."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from warehouse.snapshots import current_snapshot

pytestmark = pytest.mark.integration
CLI = [sys.executable, "-m", "pipelines.cli"]


def cli_env(data_dir: Path) -> dict[str, str]:
    return {**os.environ, "SKILLRADAR_DATA_DIR": str(data_dir), "PYTHONUNBUFFERED": "1"}


def test_refresh_builds_the_bundled_data_then_reuses_it(tmp_path: Path) -> None:
    env = cli_env(tmp_path)
    first = subprocess.run([*CLI, "refresh"], env=env, capture_output=True, text=True, timeout=600)
    assert first.returncode == 0, first.stderr[-2000:]
    assert "extracted 1000/1000 postings" in first.stderr
    checks = re.search(r"(\d+)/(\d+) checks passed; warnings: postings_freshness\.", first.stderr)
    assert checks and int(checks.group(1)) == int(checks.group(2)) - 1 >= 5
    snapshot = current_snapshot(tmp_path / "published")
    assert snapshot is not None and (snapshot / "weekly_skill_demand.parquet").is_file()
    assert (tmp_path / "dagster_home" / "dagster.yaml").is_file()

    second = subprocess.run([*CLI, "refresh"], env=env, capture_output=True, text=True, timeout=600)
    assert second.returncode == 0, second.stderr[-2000:]
    assert "linkedin_2023_2024: unchanged since it was last read, skipped" in second.stderr
    assert "extracted 0 postings, reused 1000 unchanged ones" in second.stderr


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_serve_binds_localhost_and_prints_its_url(built_warehouse: Path) -> None:
    port = free_port()
    proc = subprocess.Popen(
        [*CLI, "serve", "--port", str(port)],
        env=cli_env(built_warehouse),
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        assert proc.stderr is not None
        assert (
            proc.stderr.readline().strip().endswith(f"http://127.0.0.1:{port}/  (Ctrl+C to stop)")
        )
        deadline = time.monotonic() + 60
        while True:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/", timeout=5)
                break
            except httpx.ConnectError:
                assert time.monotonic() < deadline, "server did not start"
                time.sleep(0.3)
        assert response.status_code == 200
        assert "<title>Skill Radar</title>" in response.text
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
