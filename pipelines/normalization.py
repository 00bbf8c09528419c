"""Raw records become postings: clean text, a posted date and week, tidy title/company/location.

Pure work, no Dagster: the ``postings`` asset hands chunks of raw records to
:func:`normalize_chunk`, in worker processes when there are many.
"""

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

import polars as pl

from extractors.dedup import exact_key
from extractors.mapping import ColumnMapping, Posting, RecordRejected, api_mapping, normalize
from pipelines.defs.ingest.reading import QUARANTINE_SCHEMA
from pipelines.sources.models import CONNECTORS, FetchedRecord

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
    "dedup_key": pl.String,
}


CHUNK = 2_000  # raw records per unit of work
RECORD_SCHEMA = {
    "content_hash": pl.String,
    "normalizer_version": pl.String,
    "posting_id": pl.String,
    "normalized_at": pl.Datetime("us"),
}


@dataclass(frozen=True)
class NormalizedChunk:
    """One chunk of raw records as postings (latest version per id), quarantine rows and a log."""

    postings: pl.DataFrame
    quarantine: pl.DataFrame
    records: pl.DataFrame
    superseded: int


def normalize_chunk(
    raw: pl.DataFrame, *, mappings: dict[str, ColumnMapping], version: str
) -> NormalizedChunk:
    """Postings, quarantine rows and a log row per record for one chunk of raw records."""
    stamp = now()
    latest: dict[str, Posting] = {}
    bad: list[dict[str, object]] = []
    records: list[dict[str, object]] = []
    superseded = 0
    for row in raw.iter_rows(named=True):
        try:
            fields, mapping = _fields_and_mapping(row, mappings)
            posting = normalize(fields, mapping, record_hash=row["content_hash"])
        except RecordRejected as exc:
            bad.append(_quarantine(row, str(exc), stamp))
            records.append(_record(row["content_hash"], version, None, stamp))
            continue
        superseded += posting.posting_id in latest
        latest[posting.posting_id] = posting
        records.append(_record(row["content_hash"], version, posting.posting_id, stamp))
    return NormalizedChunk(
        postings=pl.DataFrame([_row(p) for p in latest.values()], schema=POSTINGS_SCHEMA),
        quarantine=pl.DataFrame(bad, schema=QUARANTINE_SCHEMA),
        records=pl.DataFrame(records, schema=RECORD_SCHEMA),
        superseded=superseded,
    )


def _row(posting: Posting) -> dict[str, object]:
    """A posting's columns, with the key that exact duplicates share."""
    return {
        **posting.as_row(),
        "dedup_key": exact_key(posting.title, posting.company, posting.description),
    }


def _record(
    content_hash: str, version: str, posting_id: str | None, now: dt.datetime
) -> dict[str, object]:
    return {
        "content_hash": content_hash,
        "normalizer_version": version,
        "posting_id": posting_id,
        "normalized_at": now,
    }


def now() -> dt.datetime:
    """UTC now, without a time zone (DuckDB ``timestamp``)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


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
