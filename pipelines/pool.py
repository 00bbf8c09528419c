"""Work split over processes: partitions (weeks, chunks of records) run side by side.

spaCy's ``nlp.pipe(n_process=...)`` is slower than one process for our cheap pipeline, so the
assets parallelise by partition instead. Workers are spawned (not forked from a process that
runs Dagster's threads) and keep at most ``workers * ahead`` items in flight, so memory stays
bounded however many partitions there are.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def default_workers() -> int:
    """``SKILLRADAR_WORKERS``, or one per CPU core."""
    return max(1, int(os.environ.get("SKILLRADAR_WORKERS", os.cpu_count() or 1)))


def ordered_map(
    fn: Callable[[T], R], items: Iterable[T], *, workers: int, ahead: int = 2
) -> Iterator[R]:
    """``fn`` over ``items``, results in order; in ``workers`` processes when more than one.

    ``fn`` must be picklable (a module-level function or a ``functools.partial`` of one).
    """
    if workers <= 1:
        yield from map(fn, items)
        return
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        pending: deque[Future[R]] = deque()
        for item in items:
            pending.append(pool.submit(fn, item))
            if len(pending) >= workers * ahead:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
