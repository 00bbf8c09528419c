"""Where a posting enters: mapped files are read verbatim into ``raw_postings``."""

import datetime as dt
from pathlib import Path

import dagster as dg

from pipelines.defs.ingest.reading import (
    ingest_file,
    record_unreadable_file,
    unchanged_since_last_read,
)
from pipelines.defs.resources import BundledData, Warehouse
from pipelines.sources.inbox import scan_inbox
from pipelines.sources.mappings import load_mappings, source_path


@dg.asset(
    group_name="ingest",
    kinds={"duckdb"},
    description="Every record of every mapped posting file, verbatim, keyed by content hash "
    "(append-only). Unreadable records go to the quarantine with file, line and reason. A file "
    "whose size and modification time are unchanged since its last read is skipped.",
)
def raw_postings(
    context: dg.AssetExecutionContext, warehouse: Warehouse, bundled_data: BundledData
) -> dg.MaterializeResult:
    """Append new records from each source file."""
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    mappings = load_mappings(Path(bundled_data.mappings_dir))
    if not mappings:
        raise dg.Failure(f"no column mappings in {bundled_data.mappings_dir}")
    totals = {"rows_read": 0, "rows_new": 0, "rows_already_stored": 0, "rows_quarantined": 0}
    unchanged = 0
    with warehouse.connect() as con:
        for mapping in mappings:
            path = source_path(mapping, Path(bundled_data.data_root))
            if not path.is_file():
                raise dg.Failure(f"source {mapping.name!r}: file not found: {path}")
            if unchanged_since_last_read(con, path, mapping.path):
                context.log.info(f"{mapping.name}: unchanged since it was last read, skipped")
                unchanged += 1
                continue
            stats = ingest_file(con, mapping, path, now)
            context.log.info(
                f"{mapping.name}: read {stats.rows_read}, new {stats.rows_new}, "
                f"already stored {stats.rows_already_stored}, "
                f"quarantined {stats.rows_quarantined}"
            )
            for key in totals:
                totals[key] += getattr(stats, key)
        every_mapping = {m.name: m for m in load_mappings(Path(bundled_data.mappings_dir),
                                                          enabled_only=False)}  # fmt: skip
        inbox = scan_inbox(bundled_data.inbox, every_mapping)
        for item in inbox:
            if item.mapping is None:
                record_unreadable_file(con, item.path, item.problem, now)
                context.log.warning(f"inbox: {item.path}: {item.problem}")
                totals["rows_quarantined"] += 1
                continue
            if unchanged_since_last_read(con, item.path, item.mapping.path):
                context.log.info(f"inbox {item.path.name}: unchanged since it was last read")
                unchanged += 1
                continue
            stats = ingest_file(con, item.mapping, item.path, now)
            context.log.info(
                f"inbox {item.path.name}: read {stats.rows_read}, new {stats.rows_new}"
            )
            for key in totals:
                totals[key] += getattr(stats, key)
    return dg.MaterializeResult(
        metadata={
            **totals,
            "sources": len(mappings),
            "inbox_files": len(inbox),
            "files_unchanged": unchanged,
        }
    )
