"""Posting-level tables stored as one Parquet file per posting week, replaced atomically.

``<data dir>/weeks/<table>/week=<Monday>.parquet`` holds one week of a table. A week is written
to a temporary name and renamed over the old file, so a reader sees the old week or the new one,
never half of one, and a re-materialised week replaces its window (delete, then insert). Several
processes may write different weeks at once: no lock is shared. DuckDB reads each table through
a view over its files (see ``sql/schema/partitioned_views.sql``).
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from dataclasses import dataclass
from pathlib import Path

import polars as pl

SKILL_MENTIONS: dict[str, pl.DataType | type[pl.DataType]] = {
    "posted_week": pl.Date,
    "posting_id": pl.String,
    "content_hash": pl.String,
    "skill_id": pl.String,
    "skill_name": pl.String,
    "category": pl.String,
    "step": pl.String,
    "start_char": pl.Int32,
    "end_char": pl.Int32,
    "surface": pl.String,
    "section": pl.String,
}
TERM_CANDIDATES: dict[str, pl.DataType | type[pl.DataType]] = {
    "posted_week": pl.Date,
    "posting_id": pl.String,
    "content_hash": pl.String,
    "term": pl.String,
    "start_char": pl.Int32,
    "end_char": pl.Int32,
}
EXTRACTION_LOG: dict[str, pl.DataType | type[pl.DataType]] = {
    "posted_week": pl.Date,
    "posting_id": pl.String,
    "content_hash": pl.String,
    "extractor_version": pl.String,
    "n_mentions": pl.Int32,
    "extracted_at": pl.Datetime("us"),
}
TABLES: dict[str, dict[str, pl.DataType | type[pl.DataType]]] = {
    "skill_mentions": SKILL_MENTIONS,
    "term_candidates": TERM_CANDIDATES,
    "extraction_log": EXTRACTION_LOG,
}
SCHEMA_FILE = "_schema.parquet"  # empty; keeps a table readable before its first week exists


@dataclass(frozen=True)
class WeeklyTables:
    """The week files of the posting-level tables under ``root``."""

    root: Path

    def folder(self, table: str) -> Path:
        """Where ``table``'s week files live (created with an empty schema file)."""
        folder = self.root / table
        if not (folder / SCHEMA_FILE).exists():
            folder.mkdir(parents=True, exist_ok=True)
            _write_atomic(pl.DataFrame(schema=TABLES[table]), folder / SCHEMA_FILE)
        return folder

    def path(self, table: str, week: dt.date) -> Path:
        """The file of one week."""
        return self.folder(table) / f"week={week.isoformat()}.parquet"

    def glob(self, table: str) -> str:
        """A glob matching every file of ``table`` (the schema file included)."""
        return str(self.folder(table) / "*.parquet")

    def read(self, table: str, week: dt.date) -> pl.DataFrame:
        """One week of ``table``; empty when the week was never written."""
        path = self.path(table, week)
        return pl.read_parquet(path) if path.exists() else pl.DataFrame(schema=TABLES[table])

    def write(self, week: dt.date, frames: dict[str, pl.DataFrame]) -> None:
        """Replace the week in each table; an empty frame removes the week's file."""
        for table, frame in frames.items():
            path = self.path(table, week)
            schema = pl.Schema(TABLES[table])
            if frame.height:
                _write_atomic(frame.select(schema.names()).cast(schema), path)
            else:
                path.unlink(missing_ok=True)


def _write_atomic(frame: pl.DataFrame, path: Path) -> None:
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        frame.write_parquet(temporary)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
