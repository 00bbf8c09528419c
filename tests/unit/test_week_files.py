"""Week files are replaced by renaming, so a snapshot's hard links keep the data it published."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl

from warehouse.partitions import TABLES, WeeklyTables
from warehouse.snapshots import _link_weeks

WEEK = dt.date(2024, 4, 8)


def mentions(*skills: str) -> pl.DataFrame:
    rows = [
        {"posted_week": WEEK, "posting_id": f"p{i}", "content_hash": "h", "skill_id": s,
         "skill_name": s, "category": "language", "step": "programming", "start_char": 0,
         "end_char": 3, "surface": s, "section": "other"}
        for i, s in enumerate(skills)
    ]  # fmt: skip
    return pl.DataFrame(rows, schema=TABLES["skill_mentions"])


def test_a_published_link_keeps_the_old_week_after_the_week_is_rewritten(tmp_path: Path) -> None:
    weeks = WeeklyTables(tmp_path / "weeks")
    weeks.write(WEEK, {"skill_mentions": mentions("python", "sql")})
    _link_weeks(weeks.folder("skill_mentions"), tmp_path / "snapshot")
    weeks.write(WEEK, {"skill_mentions": mentions("rust")})
    published = pl.read_parquet(tmp_path / "snapshot" / "week=2024-04-08.parquet")
    assert published["skill_id"].to_list() == ["python", "sql"]
    assert weeks.read("skill_mentions", WEEK)["skill_id"].to_list() == ["rust"]
    assert (tmp_path / "snapshot" / "_schema.parquet").is_file()


def test_an_empty_week_removes_its_file_and_reads_back_empty(tmp_path: Path) -> None:
    weeks = WeeklyTables(tmp_path / "weeks")
    weeks.write(WEEK, {"skill_mentions": mentions("python")})
    weeks.write(WEEK, {"skill_mentions": mentions()})
    assert not weeks.path("skill_mentions", WEEK).exists()
    assert weeks.read("skill_mentions", WEEK).schema == pl.Schema(TABLES["skill_mentions"])
    assert list(weeks.folder("skill_mentions").glob("*.tmp")) == []
