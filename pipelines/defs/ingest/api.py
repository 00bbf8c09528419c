"""Postings from job-board APIs (the enabled sources of ``sources.yaml``) into the raw layer."""

import datetime as dt
import json

import dagster as dg
import polars as pl

from extractors.mapping import content_hash
from pipelines.defs.ingest.reading import RAW_SCHEMA
from pipelines.defs.resources import Warehouse
from pipelines.sources.models import FetchedRecord
from pipelines.sources.resources import JobBoardsResource, SourceFetchError
from warehouse import db

BATCH = 200


@dg.asset(
    group_name="ingest",
    kinds={"duckdb", "api"},
    description="Every posting the enabled job-board connectors return, verbatim with source, "
    "fetched_at and content hash. Stored page by page: a fetch that fails half-way keeps what "
    "it stored, and a rerun adds only what is new.",
)
def api_raw_postings(
    context: dg.AssetExecutionContext, warehouse: Warehouse, job_boards: JobBoardsResource
) -> dg.MaterializeResult:
    """Fetch and append; failures of single sources are reported, not fatal."""
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    counts = {"rows_read": 0, "rows_new": 0, "rows_already_stored": 0}
    per_source: dict[str, int] = {}
    failed = ""
    batch: list[dict[str, object]] = []
    with warehouse.connect() as con:
        try:
            for record in job_boards.fetch_all():
                per_source[record.source] = per_source.get(record.source, 0) + 1
                batch.append(_raw_row(record, per_source[record.source], now))
                if len(batch) >= BATCH:
                    _store(con, batch, counts)
                    batch = []
        except SourceFetchError as exc:
            failed = str(exc)
            context.log.warning(failed)
        finally:
            if batch:
                _store(con, batch, counts)
    context.log.info(f"APIs: read {counts['rows_read']}, new {counts['rows_new']}")
    return dg.MaterializeResult(
        metadata={**counts, "sources": len(per_source), "failed_sources": failed or "none"}
    )


def _raw_row(record: FetchedRecord, line: int, now: dt.datetime) -> dict[str, object]:
    data = record.to_dict()
    return {
        "content_hash": content_hash({"source": record.source, "payload": record.payload}),
        "source": record.source,
        "source_file": record.url or f"api:{record.source}",
        "line": line,
        "record": json.dumps(data, ensure_ascii=False, default=str),
        "ingested_at": now,
    }


def _store(con: object, rows: list[dict[str, object]], counts: dict[str, int]) -> None:
    frame = pl.DataFrame(rows, schema=RAW_SCHEMA).unique("content_hash", keep="first")
    con.register("incoming", frame)  # type: ignore[attr-defined]
    try:
        already = int(db.scalar(con, "ingest/count_stored"))  # type: ignore[arg-type]
        db.run(con, "ingest/insert_raw")  # type: ignore[arg-type]
    finally:
        con.unregister("incoming")  # type: ignore[attr-defined]
    counts["rows_read"] += len(rows)
    counts["rows_new"] += frame.height - already
    counts["rows_already_stored"] += already + len(rows) - frame.height
