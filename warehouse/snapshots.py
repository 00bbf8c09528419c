"""Atomic publication of warehouse tables as Parquet snapshots, and the read side that uses them.

The pipeline holds ``warehouse.duckdb`` read-write during a refresh, which locks out every other
process. So readers never open it: each refresh writes its tables into a fresh snapshot folder and
then swaps the ``CURRENT`` pointer with ``os.replace``. A reader resolves ``CURRENT`` once per query
and sees one whole snapshot, old or new, never a mix.
"""

from __future__ import annotations

import os
import shutil
import threading
import time
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import polars as pl
import pyarrow.parquet as pq

from warehouse import db
from warehouse.partitions import WeeklyTables

#: Tables a snapshot carries. Names come from this closed list, never from user input.
PUBLISHED_TABLES: tuple[str, ...] = (
    "postings",
    "posting_skills",
    "weekly_skill_demand",
    "skill_totals",
    "emerging_terms",
    "skill_cooccurrence",
    "skill_growth",
    "emerging_term_growth",
    "salary_by_skill",
    "roadmap_step_demand",
    "roadmap_step_top_skills",
    "roadmap_step_skills",
    "salaries",
    "market_index",
    "quarantine",
    "refresh_log",
)

BATCH_ROWS = 200_000
#: Week-file tables (``warehouse.partitions``): a snapshot hard-links their week files, which
#: the pipeline only ever replaces by renaming, so publishing them copies nothing.
LINKED_TABLES: tuple[str, ...] = ("skill_mentions",)
POINTER = "CURRENT"
KEEP_SNAPSHOTS = 3


def publish(con: duckdb.DuckDBPyConnection, published_dir: Path, weeks: WeeklyTables) -> Path:
    """Export every published table to a new snapshot folder and make it current atomically."""
    published_dir.mkdir(parents=True, exist_ok=True)
    snapshot_id = time.strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:8]
    staging = published_dir / f".{snapshot_id}.tmp"
    staging.mkdir()
    for table in PUBLISHED_TABLES:
        _write_query(con, f"publish/{table}", staging / f"{table}.parquet")
    for table in LINKED_TABLES:
        _link_weeks(weeks.folder(table), staging / table)
    final = published_dir / snapshot_id
    os.replace(staging, final)
    pointer_tmp = published_dir / f".{POINTER}.{snapshot_id}.tmp"
    pointer_tmp.write_text(snapshot_id, encoding="utf-8")
    os.replace(pointer_tmp, published_dir / POINTER)
    _prune(published_dir, keep=KEEP_SNAPSHOTS)
    return final


def _link_weeks(source: Path, target: Path) -> None:
    """Hard-link every week file (the empty schema file included); copy across file systems."""
    target.mkdir()
    for path in sorted(source.glob("*.parquet")):
        try:
            os.link(path, target / path.name)
        except OSError:
            shutil.copy2(path, target / path.name)


def _write_query(con: duckdb.DuckDBPyConnection, name: str, path: Path) -> None:
    """Stream a query's rows to Parquet in batches, so memory stays flat for large tables."""
    reader = con.execute(db.load_sql(name)).to_arrow_reader(BATCH_ROWS)
    with pq.ParquetWriter(path, reader.schema) as writer:
        for batch in reader:
            writer.write_batch(batch)


def current_snapshot(published_dir: Path) -> Path | None:
    """The folder ``CURRENT`` points at, or ``None`` before the first refresh."""
    pointer = published_dir / POINTER
    try:
        snapshot_id = pointer.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    folder = published_dir / snapshot_id
    return folder if folder.is_dir() else None


def _prune(published_dir: Path, *, keep: int) -> None:
    """Delete all but the newest ``keep`` snapshots (readers finish within that window)."""
    snapshots = sorted(
        (p for p in published_dir.iterdir() if p.is_dir() and not p.name.startswith(".")),
        key=lambda p: p.name,
    )
    for old in snapshots[:-keep]:
        shutil.rmtree(old, ignore_errors=True)


class NoSnapshotError(RuntimeError):
    """Raised when nothing has been published yet."""


@dataclass
class SnapshotReader:
    """Read-only access to the current snapshot through an in-memory DuckDB.

    Each query resolves ``CURRENT`` and runs on a connection whose views point at that snapshot's
    files; the connection is cached per snapshot, and each query gets its own cursor.
    """

    published_dir: Path
    _connections: dict[str, duckdb.DuckDBPyConnection] = field(default_factory=dict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def snapshot(self) -> Path:
        """The current snapshot folder, or :class:`NoSnapshotError`."""
        folder = current_snapshot(self.published_dir)
        if folder is None:
            raise NoSnapshotError(
                f"no published data in {self.published_dir}; run `skillradar refresh` first"
            )
        return folder

    def query(self, name: str, params: Mapping[str, Any] | None = None) -> pl.DataFrame:
        """Run ``sql/queries/<name>.sql`` with bound ``params`` on the current snapshot."""
        cursor = self._connection(self.snapshot()).cursor()
        try:
            return db.fetch(cursor, f"queries/{name}", params)
        finally:
            cursor.close()

    def _connection(self, folder: Path) -> duckdb.DuckDBPyConnection:
        with self._lock:
            con = self._connections.get(folder.name)
            if con is None:
                con = duckdb.connect(":memory:")
                for table in PUBLISHED_TABLES:
                    con.read_parquet(str(folder / f"{table}.parquet")).to_view(table)
                for table in LINKED_TABLES:
                    con.read_parquet(str(folder / table / "*.parquet")).to_view(table)
                for stale in [k for k in self._connections if k != folder.name]:
                    # Dropped, not closed: a query on another thread may still hold a cursor.
                    self._connections.pop(stale)
                self._connections[folder.name] = con
            return con
