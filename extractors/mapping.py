"""Declarative column mappings: a source's own columns in, one normalised posting out.

A mapping is a small YAML file naming which source column feeds each posting field, so a new
file-based source needs no code. ``normalize`` is pure: it raises :class:`RecordRejected` with a
reason for records that cannot become a posting, and the caller quarantines them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from extractors.dates import DateParseError, iso_week_label, parse_posted_date, week_start
from extractors.locations import clean_location, parse_location
from extractors.salary import parse_salary, period_from_label
from extractors.text import clean_field, clean_text, detect_language
from extractors.titles import classify_role, clean_title

_TRUE = frozenset({"1", "1.0", "true", "yes", "y", "t", "remote"})
_FALSE = frozenset({"0", "0.0", "false", "no", "n", "f", "onsite", "on-site"})


class MappingError(ValueError):
    """A mapping file is invalid; the message names the file and the key."""


class RecordRejected(ValueError):
    """A record cannot become a posting; the message is the quarantine reason."""


class FieldMap(BaseModel):
    """Which source column feeds each posting field (``None``: the source lacks it)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    source_id: str
    title: str
    description: str
    posted_at: str
    company: str | None = None
    location: str | None = None
    url: str | None = None
    remote: str | None = None
    experience_level: str | None = None
    salary_min: str | None = None
    salary_max: str | None = None
    salary_period: str | None = None
    salary_currency: str | None = None
    salary_text: str | None = None


#: Connectors hand over records already keyed by the posting field names.
IDENTITY_FIELDS = FieldMap(
    **{name: name for name in FieldMap.model_fields}  # type: ignore[arg-type]
)


class ColumnMapping(BaseModel):
    """A file source: where it is, its format and how its columns map onto postings."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    format: Literal["csv", "jsonl", "parquet", "xlsx"]
    path: str
    licence: str
    attribution: str = ""
    enabled: bool = True
    sheet: str | None = None
    posted_at_format: Literal["auto", "iso", "epoch_s", "epoch_ms"] = "auto"
    fields: FieldMap

    @classmethod
    def from_yaml(cls, path: Path) -> ColumnMapping:
        """Load and validate a mapping file, naming the bad key on error."""
        try:
            doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as exc:
            raise MappingError(f"{path}: cannot read mapping: {exc}") from exc
        try:
            return cls.model_validate(doc)
        except ValidationError as exc:
            first = exc.errors()[0]
            key = ".".join(str(p) for p in first["loc"]) or "<root>"
            raise MappingError(f"{path}: key {key!r}: {first['msg']}") from exc


@dataclass(frozen=True, slots=True)
class Posting:
    """A normalised posting, one row of the ``postings`` table."""

    posting_id: str
    content_hash: str
    source: str
    source_id: str
    title: str
    company: str | None
    location: str | None
    country: str | None
    posted_date: dt.date
    posted_week: dt.date
    iso_week: str
    remote: bool | None
    experience_level: str | None
    url: str | None
    description: str
    salary_min: float | None
    salary_max: float | None
    salary_period: str | None
    salary_currency: str | None
    salary_text: str | None = None
    language: str | None = None
    region: str | None = None
    city: str | None = None
    work_arrangement: str | None = None
    role_family: str = "other"
    seniority: str = "mid"
    pay_min: float | None = None  # parsed pay, in pay_currency per pay_period
    pay_max: float | None = None
    pay_currency: str | None = None
    pay_period: str | None = None
    pay_annual_min_usd: float | None = None
    pay_annual_max_usd: float | None = None
    pay_flags: str = ""

    def as_row(self) -> dict[str, Any]:
        """The posting as a plain dict."""
        return asdict(self)


def api_mapping(source: str, licence: str = "as the source's terms allow") -> ColumnMapping:
    """The mapping for records a connector has already keyed by posting field names."""
    return ColumnMapping(
        name=source, format="jsonl", path="", licence=licence, fields=IDENTITY_FIELDS
    )


def content_hash(record: dict[str, Any]) -> str:
    """SHA-256 of a record's canonical JSON (key order does not matter)."""
    canonical = json.dumps(record, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def normalize(
    record: dict[str, Any], mapping: ColumnMapping, *, record_hash: str | None = None
) -> Posting:
    """Turn one source record into a :class:`Posting`, or raise :class:`RecordRejected`."""
    f = mapping.fields
    source_id = clean_field(_get(record, f.source_id))
    if not source_id:
        raise RecordRejected(f"missing id (column {f.source_id!r})")
    title = clean_title(_get(record, f.title))
    if not title:
        raise RecordRejected(f"missing title (column {f.title!r})")
    description = clean_text(_get(record, f.description))
    if not description:
        raise RecordRejected(f"empty description (column {f.description!r})")
    try:
        posted = parse_posted_date(_get(record, f.posted_at), kind=mapping.posted_at_format)
    except DateParseError as exc:
        raise RecordRejected(f"bad posted date (column {f.posted_at!r}): {exc}") from exc
    location = clean_location(_get(record, f.location))
    remote = _to_bool(_get(record, f.remote))
    place = parse_location(location, remote_flag=remote, description=description)
    if remote is None and place.work_arrangement == "remote":
        remote = True
    title_family, title_level = classify_role(title, description)
    salary_text = clean_field(_get(record, f.salary_text))
    raw_currency = clean_field(_get(record, f.salary_currency))
    raw_period = clean_field(_get(record, f.salary_period))
    salary_min = _to_float(_get(record, f.salary_min))
    salary_max = _to_float(_get(record, f.salary_max))
    pay = parse_salary(
        salary_text,
        country=place.country,
        posted=posted,
        min_value=salary_min,
        max_value=salary_max,
        currency=raw_currency,
        period=period_from_label(raw_period),
    )
    return Posting(
        posting_id=f"{mapping.name}:{source_id}",
        content_hash=record_hash or content_hash(record),
        source=mapping.name,
        source_id=source_id,
        title=title,
        company=clean_field(_get(record, f.company)),
        location=location,
        country=place.country,
        posted_date=posted,
        posted_week=week_start(posted),
        iso_week=iso_week_label(posted),
        remote=remote,
        experience_level=clean_field(_get(record, f.experience_level)),
        url=clean_field(_get(record, f.url)),
        description=description,
        salary_min=salary_min,
        salary_max=salary_max,
        salary_period=raw_period,
        salary_currency=raw_currency,
        salary_text=salary_text,
        language=detect_language(description),
        region=place.region,
        city=place.city,
        work_arrangement=place.work_arrangement,
        role_family=title_family,
        seniority=title_level,
        pay_min=pay.min,
        pay_max=pay.max,
        pay_currency=pay.currency,
        pay_period=pay.period,
        pay_annual_min_usd=pay.annual_min_usd,
        pay_annual_max_usd=pay.annual_max_usd,
        pay_flags=",".join(pay.flags),
    )


def _get(record: dict[str, Any], column: str | None) -> Any:
    if column is None:
        return None
    value = record.get(column)
    return None if value == "" else value


def _to_bool(value: Any) -> bool | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    return True if text in _TRUE else False if text in _FALSE else None


def _to_float(value: Any) -> float | None:
    if value is None:
        return None
    try:
        number = float(str(value).replace(",", "").strip())
    except ValueError:
        return None
    return number if number == number and number not in (float("inf"), float("-inf")) else None
