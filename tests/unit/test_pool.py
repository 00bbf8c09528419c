"""Work split over processes keeps order and results, and runs in other processes."""

from __future__ import annotations

import os

from pipelines.pool import default_workers, ordered_map


def square_and_pid(x: int) -> tuple[int, int]:
    return x * x, os.getpid()


def test_results_come_back_in_order_from_worker_processes() -> None:
    results = list(ordered_map(square_and_pid, range(12), workers=2, ahead=1))
    assert [r for r, _ in results] == [x * x for x in range(12)]
    assert os.getpid() not in {pid for _, pid in results}


def test_one_worker_runs_in_this_process() -> None:
    results = list(ordered_map(square_and_pid, [3, 4], workers=1))
    assert results == [(9, os.getpid()), (16, os.getpid())]


def test_workers_come_from_the_environment(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("SKILLRADAR_WORKERS", "3")
    assert default_workers() == 3
    monkeypatch.setenv("SKILLRADAR_WORKERS", "0")
    assert default_workers() == 1
