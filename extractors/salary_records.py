"""aijobs.net salary records: validate one CSV row into a typed salary row."""

from __future__ import annotations

from typing import Any

from extractors.mapping import RecordRejected
from extractors.titles import ROLE_FAMILY_LABELS, clean_title, role_family

EXPERIENCE_LABELS = {"EN": "Entry", "MI": "Mid", "SE": "Senior", "EX": "Executive"}
EMPLOYMENT_TYPES = {"FT": "Full-time", "PT": "Part-time", "CT": "Contract", "FL": "Freelance"}
COMPANY_SIZES = frozenset({"S", "M", "L"})
MIN_USD, MAX_USD = 1_000.0, 5_000_000.0


def parse_salary_record(fields: dict[str, Any]) -> dict[str, Any]:
    """A typed ``salaries`` row, or :class:`RecordRejected` naming the bad field."""
    level = str(fields.get("experience_level", "")).strip().upper()
    if level not in EXPERIENCE_LABELS:
        raise RecordRejected(f"unknown experience_level {level!r}")
    employment = str(fields.get("employment_type", "")).strip().upper()
    if employment not in EMPLOYMENT_TYPES:
        raise RecordRejected(f"unknown employment_type {employment!r}")
    title = clean_title(fields.get("job_title"))
    if not title:
        raise RecordRejected("missing job_title")
    year = _int(fields, "work_year")
    if not 2000 <= year <= 2100:
        raise RecordRejected(f"work_year {year} out of range")
    usd = _float(fields, "salary_in_usd")
    if not MIN_USD <= usd <= MAX_USD:
        raise RecordRejected(f"salary_in_usd {usd:g} outside {MIN_USD:g} to {MAX_USD:g}")
    currency = str(fields.get("salary_currency", "")).strip().upper()
    if len(currency) != 3 or not currency.isalpha():
        raise RecordRejected(f"bad salary_currency {currency!r}")
    remote = fields.get("remote_ratio")
    size = str(fields.get("company_size", "")).strip().upper()
    return {
        "work_year": year,
        "experience_level": level,
        "experience_label": EXPERIENCE_LABELS[level],
        "employment_type": EMPLOYMENT_TYPES[employment],
        "job_title": title,
        "role_family": ROLE_FAMILY_LABELS[role_family(title)],
        "salary": _float(fields, "salary"),
        "salary_currency": currency,
        "salary_in_usd": usd,
        "employee_residence": _code(fields.get("employee_residence")),
        "remote_ratio": int(float(remote)) if remote not in (None, "") else None,
        "company_location": _code(fields.get("company_location")),
        "company_size": size if size in COMPANY_SIZES else None,
    }


def _int(fields: dict[str, Any], key: str) -> int:
    try:
        return int(float(str(fields.get(key, "")).strip()))
    except ValueError as exc:
        raise RecordRejected(f"{key} is not a number: {fields.get(key)!r}") from exc


def _float(fields: dict[str, Any], key: str) -> float:
    try:
        value = float(str(fields.get(key, "")).strip())
    except ValueError as exc:
        raise RecordRejected(f"{key} is not a number: {fields.get(key)!r}") from exc
    if value != value:
        raise RecordRejected(f"{key} is not a number")
    return value


def _code(value: Any) -> str | None:
    text = str(value or "").strip().upper()
    return text or None
