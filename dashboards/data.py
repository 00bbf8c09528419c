"""The dashboard's reads: each function runs one ``warehouse/sql/queries`` file on the snapshot.

Every function raises :class:`~warehouse.snapshots.NoSnapshotError` before the first refresh;
callbacks turn that into a friendly message.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import polars as pl

from warehouse.snapshots import NoSnapshotError, SnapshotReader

__all__ = [
    "NoSnapshotError",
    "RefreshStatus",
    "market_countries",
    "market_index_weekly",
    "overview_kpis",
    "postings_weekly",
    "quarantine_reasons",
    "quarantine_rows",
    "refresh_status",
    "roadmap_steps",
    "roadmap_top_skills",
    "roadmaps",
    "salary_facets",
    "salary_groups",
    "skill_catalog",
    "skill_change_windows",
    "skill_changes",
    "source_counts",
    "top_skills",
    "weekly_skill_share",
]

TOP_SKILLS_LIMIT = 15


@dataclass(frozen=True)
class RefreshStatus:
    """What the latest refresh published."""

    refreshed_at: datetime
    postings_total: int
    salaries_total: int
    extractor_version: str


def skill_catalog(reader: SnapshotReader) -> pl.DataFrame:
    """Every mentioned skill, most in demand first (skill_id, skill_name, category, step, ...)."""
    return reader.query("skills_catalog")


def top_skills(
    reader: SnapshotReader, *, step: str | None = None, limit: int = TOP_SKILLS_LIMIT
) -> pl.DataFrame:
    """The ``limit`` skills with the largest share of postings, optionally within one step."""
    return reader.query("skills_top", {"step": step, "limit": limit})


def weekly_skill_share(reader: SnapshotReader, skill_ids: list[str]) -> pl.DataFrame:
    """Weekly share of postings for each skill in ``skill_ids``, zero-filled, in that order."""
    return reader.query("skills_weekly", {"skill_ids": list(skill_ids)})


def salary_facets(reader: SnapshotReader) -> pl.DataFrame:
    """Record counts per (work_year, employment_type), for the salary filters."""
    return reader.query("salaries_facets")


def salary_groups(
    reader: SnapshotReader, *, work_year: int | None, employment_type: str | None
) -> pl.DataFrame:
    """Salary quartiles and n per (role family, experience level); ``None`` means all."""
    return reader.query(
        "salaries_by_group", {"work_year": work_year, "employment_type": employment_type}
    )


def refresh_status(reader: SnapshotReader) -> RefreshStatus | None:
    """The latest refresh_log row, or ``None`` if the log is empty."""
    frame = reader.query("refresh_status")
    if frame.is_empty():
        return None
    row = frame.row(0, named=True)
    return RefreshStatus(
        refreshed_at=row["refreshed_at"],
        postings_total=int(row["postings_total"]),
        salaries_total=int(row["salaries_total"]),
        extractor_version=str(row["extractor_version"]),
    )


def source_counts(reader: SnapshotReader) -> pl.DataFrame:
    """Postings per source with their date span and how many state a salary."""
    return reader.query("status_sources")


def quarantine_reasons(reader: SnapshotReader) -> pl.DataFrame:
    """Quarantined records counted by stage, source and reason."""
    return reader.query("status_quarantine_reasons")


def quarantine_rows(reader: SnapshotReader) -> pl.DataFrame:
    """Every quarantined record with its file, line, reason and raw text."""
    return reader.query("status_quarantine")


def roadmaps(reader: SnapshotReader) -> pl.DataFrame:
    """Every roadmap (roadmap_id, roadmap_title, steps), the unified default first."""
    return reader.query("roadmaps")


def roadmap_steps(reader: SnapshotReader, roadmap_id: str) -> pl.DataFrame:
    """One roadmap's steps in order, with the share of unique postings needing each."""
    return reader.query("roadmap_steps", {"roadmap_id": roadmap_id})


def roadmap_top_skills(reader: SnapshotReader, roadmap_id: str) -> pl.DataFrame:
    """The most asked-for skills of each step of one roadmap (step_id, rank, skill_name, ...)."""
    return reader.query("roadmap_top_skills", {"roadmap_id": roadmap_id})


def skill_changes(reader: SnapshotReader, comparison: str, *, limit: int = 10) -> pl.DataFrame:
    """The largest rises and falls in share for ``comparison`` (``12w`` or ``yoy``)."""
    return reader.query("skill_changes", {"comparison": comparison, "limit": limit})


def skill_change_windows(reader: SnapshotReader, comparison: str) -> dict[str, object]:
    """Windows, n and counts of significant risers and fallers behind ``comparison``."""
    return reader.query("skill_change_windows", {"comparison": comparison}).row(0, named=True)


def overview_kpis(reader: SnapshotReader) -> dict[str, object]:
    """Postings (all, unique), date span, unique postings with a salary, refresh time."""
    return reader.query("overview_kpis").row(0, named=True)


def postings_weekly(reader: SnapshotReader) -> pl.DataFrame:
    """Postings per week (week, postings, unique_postings)."""
    return reader.query("postings_weekly")


def market_countries(reader: SnapshotReader) -> pl.DataFrame:
    """Countries of the Indeed index (country, first_date, last_date)."""
    return reader.query("market_countries")


def market_index_weekly(reader: SnapshotReader, country: str) -> pl.DataFrame:
    """Weekly mean of the Indeed index for ``country`` (week, index_sa, days)."""
    return reader.query("market_index_weekly", {"country": country})
