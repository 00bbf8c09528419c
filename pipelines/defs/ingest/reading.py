"""Read one mapped source file into the raw layer, quarantining what cannot be read."""

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

import duckdb
import polars as pl

from extractors.mapping import ColumnMapping, content_hash
from pipelines.sources.files import BadRecord, read_records
from pipelines.sources.inbox import fingerprint
from warehouse import db

RAW_SCHEMA = {
    "content_hash": pl.String,
    "source": pl.String,
    "source_file": pl.String,
    "line": pl.Int32,
    "record": pl.String,
    "ingested_at": pl.Datetime("us"),
}
QUARANTINE_SCHEMA = {
    "stage": pl.String,
    "source": pl.String,
    "source_file": pl.String,
    "line": pl.Int32,
    "reason": pl.String,
    "raw": pl.String,
    "quarantined_at": pl.Datetime("us"),
}


@dataclass(frozen=True)
class IngestStats:
    """What one read of one file did; ``rows_read`` is the sum of the other four."""

    source: str
    source_file: str
    rows_read: int
    rows_new: int
    rows_already_stored: int
    rows_duplicate_in_file: int
    rows_quarantined: int


def ingest_file(
    con: duckdb.DuckDBPyConnection, mapping: ColumnMapping, path: Path, now: dt.datetime
) -> IngestStats:
    """Append ``path``'s new records to ``raw_postings`` and replace its read quarantine."""
    rows: list[dict[str, object]] = []
    bad: list[dict[str, object]] = []
    seen: set[str] = set()
    duplicates = 0
    for item in read_records(path, mapping.format, sheet=mapping.sheet):
        if isinstance(item, BadRecord):
            bad.append(quarantine_row("read", mapping.name, mapping.path, item, now))
            continue
        digest = content_hash(item.fields)
        if digest in seen:
            duplicates += 1
            continue
        seen.add(digest)
        rows.append(
            {
                "content_hash": digest,
                "source": mapping.name,
                "source_file": mapping.path,
                "line": item.line,
                "record": json.dumps(item.fields, ensure_ascii=False, default=str),
                "ingested_at": now,
            }
        )
    incoming = pl.DataFrame(rows, schema=RAW_SCHEMA)
    incoming_quarantine = pl.DataFrame(bad, schema=QUARANTINE_SCHEMA)
    con.register("incoming", incoming)
    con.register("incoming_quarantine", incoming_quarantine)
    try:
        already = int(db.scalar(con, "ingest/count_stored"))
        con.begin()
        db.run(con, "ingest/insert_raw")
        db.run(con, "ingest/replace_quarantine", {"stage": "read", "source_file": mapping.path})
        stats = IngestStats(
            source=mapping.name,
            source_file=mapping.path,
            rows_read=len(rows) + duplicates + len(bad),
            rows_new=len(rows) - already,
            rows_already_stored=already,
            rows_duplicate_in_file=duplicates,
            rows_quarantined=len(bad),
        )
        log = {**vars(stats), "ingested_at": now, "file_fingerprint": fingerprint(path)}
        db.run(con, "ingest/log", log)
        con.commit()
    finally:
        con.unregister("incoming")
        con.unregister("incoming_quarantine")
    return stats


def unchanged_since_last_read(con: duckdb.DuckDBPyConnection, path: Path, source_file: str) -> bool:
    """Whether ``path`` has the size and modification time it had when it was last read."""
    last = db.scalar(con, "ingest/last_fingerprint", {"source_file": source_file})
    return last is not None and last == fingerprint(path)


def quarantine_row(
    stage: str, source: str, source_file: str, bad: BadRecord, now: dt.datetime
) -> dict[str, object]:
    """One quarantine row for a record that failed at ``stage``."""
    return {
        "stage": stage,
        "source": source,
        "source_file": source_file,
        "line": bad.line,
        "reason": bad.reason,
        "raw": bad.raw[:4000],
        "quarantined_at": now,
    }


def record_unreadable_file(
    con: duckdb.DuckDBPyConnection, path: Path, reason: str, now: dt.datetime
) -> None:
    """Quarantine a whole file that cannot be read at all (one row, line 0)."""
    row = quarantine_row("read", "inbox", str(path), BadRecord(0, reason, ""), now)
    con.register("incoming_quarantine", pl.DataFrame([row], schema=QUARANTINE_SCHEMA))
    try:
        db.run(con, "ingest/replace_quarantine", {"stage": "read", "source_file": str(path)})
    finally:
        con.unregister("incoming_quarantine")
