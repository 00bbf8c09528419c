"""Raw records become postings: clean text, a posted date and week, tidy title/company/location."""

import datetime as dt
import json
from pathlib import Path
from typing import Any

import dagster as dg
import polars as pl

from extractors.mapping import ColumnMapping, Posting, RecordRejected, api_mapping, normalize
from pipelines.defs.ingest.api import api_raw_postings
from pipelines.defs.ingest.assets import raw_postings
from pipelines.defs.ingest.reading import QUARANTINE_SCHEMA
from pipelines.defs.resources import BundledData, Warehouse
from pipelines.sources.mappings import load_mappings
from pipelines.sources.models import CONNECTORS, FetchedRecord
from warehouse import db

POSTINGS_SCHEMA = {
    "posting_id": pl.String,
    "content_hash": pl.String,
    "source": pl.String,
    "source_id": pl.String,
    "title": pl.String,
    "company": pl.String,
    "location": pl.String,
    "country": pl.String,
    "posted_date": pl.Date,
    "posted_week": pl.Date,
    "iso_week": pl.String,
    "remote": pl.Boolean,
    "experience_level": pl.String,
    "url": pl.String,
    "description": pl.String,
    "salary_min": pl.Float64,
    "salary_max": pl.Float64,
    "salary_period": pl.String,
    "salary_currency": pl.String,
    "salary_text": pl.String,
    "language": pl.String,
    "region": pl.String,
    "city": pl.String,
    "work_arrangement": pl.String,
    "role_family": pl.String,
    "seniority": pl.String,
    "pay_min": pl.Float64,
    "pay_max": pl.Float64,
    "pay_currency": pl.String,
    "pay_period": pl.String,
    "pay_annual_min_usd": pl.Float64,
    "pay_annual_max_usd": pl.Float64,
    "pay_flags": pl.String,
}


@dg.asset(
    group_name="normalize",
    kinds={"duckdb"},
    deps=[raw_postings, api_raw_postings],
    description="One row per posting (latest version of each source id), normalised. Records "
    "that cannot become a posting are quarantined with their reason.",
)
def postings(
    context: dg.AssetExecutionContext, warehouse: Warehouse, bundled_data: BundledData
) -> dg.MaterializeResult:
    """Rebuild ``postings`` from the raw layer."""
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    mappings = {
        m.name: m for m in load_mappings(Path(bundled_data.mappings_dir), enabled_only=False)
    }
    latest: dict[str, Posting] = {}
    bad: list[dict[str, object]] = []
    superseded = 0
    with warehouse.connect() as con:
        raw = db.fetch(con, "normalize/raw_records")
        for row in raw.iter_rows(named=True):
            try:
                fields, mapping = _fields_and_mapping(row, mappings)
                posting = normalize(fields, mapping, record_hash=row["content_hash"])
            except RecordRejected as exc:
                bad.append(_quarantine(row, str(exc), now))
                continue
            if posting.posting_id in latest:
                superseded += 1
            latest[posting.posting_id] = posting
        frame = pl.DataFrame([p.as_row() for p in latest.values()], schema=POSTINGS_SCHEMA)
        con.register("incoming", frame)
        con.register("incoming_quarantine", pl.DataFrame(bad, schema=QUARANTINE_SCHEMA))
        con.begin()
        db.run(con, "normalize/replace_postings")
        db.run(con, "reference/replace_quarantine_stage", {"stage": "normalize"})
        counts = {
            "rows_raw": raw.height,
            "rows_posted": frame.height,
            "rows_superseded": superseded,
            "rows_quarantined": len(bad),
        }
        db.run(con, "normalize/log", {**counts, "normalized_at": now})
        con.commit()
    context.log.info(", ".join(f"{k} {v}" for k, v in counts.items()))
    weeks = frame.select(pl.col("posted_week").n_unique()).item() if frame.height else 0
    return dg.MaterializeResult(metadata={**counts, "weeks": weeks})


def _fields_and_mapping(
    row: dict[str, Any], mappings: dict[str, ColumnMapping]
) -> tuple[dict[str, Any], ColumnMapping]:
    """A file record with its column mapping, or an API record mapped by its connector."""
    mapping = mappings.get(row["source"])
    if mapping is not None:
        return json.loads(row["record"]), mapping
    if row["source"].split(":", 1)[0] in CONNECTORS:
        try:
            record = FetchedRecord.from_dict(json.loads(row["record"]))
            return dict(record.posting_fields()), api_mapping(row["source"])
        except (KeyError, TypeError, ValueError) as exc:
            raise RecordRejected(f"unreadable API record: {exc}") from exc
    raise RecordRejected(f"no column mapping or connector named {row['source']!r}")


def _quarantine(row: dict[str, object], reason: str, now: dt.datetime) -> dict[str, object]:
    return {
        "stage": "normalize",
        "source": row["source"],
        "source_file": row["source_file"],
        "line": row["line"],
        "reason": reason,
        "raw": str(row["record"])[:4000],
        "quarantined_at": now,
    }
