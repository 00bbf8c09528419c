"""The trends page: its queries on a snapshot, the change figure, the note and the URL state."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl
import pytest
from helpers import write_snapshot

from dashboards import data
from dashboards.callbacks.trends import chosen_comparison, trends_note
from dashboards.figures import FALLER, RISER, UNTESTED, skill_changes_figure
from warehouse.snapshots import SnapshotReader

W = {
    "as_of": dt.date(2024, 4, 15),
    "current_start": dt.date(2024, 1, 29),
    "current_end": dt.date(2024, 4, 15),
    "prior_start": dt.date(2023, 11, 6),
    "prior_end": dt.date(2024, 1, 22),
}


def growth_row(skill: str, comparison: str, diff: float | None, direction: str | None) -> dict:
    tested = diff is not None
    return {
        "skill_id": skill, "skill_name": skill.upper(), "category": "tool", "step": "mlops",
        "comparison": comparison, **W, "postings_current": 30, "n_current": 100,
        "postings_prior": 20 if tested else None, "n_prior": 200 if tested else 0,
        "share_current": 0.3, "share_prior": 0.1 if tested else None, "diff_pp": diff,
        "diff_low_pp": None if diff is None else diff - 5, "diff_high_pp":
        None if diff is None else diff + 5, "p_value": 0.01 if tested else None,
        "q_value": 0.02 if tested else None, "direction": direction,
    }  # fmt: skip


GROWTH = pl.DataFrame(
    [
        growth_row("dbt", "12w", 20.0, "riser"),
        growth_row("airflow", "12w", 8.0, "flat"),
        growth_row("hadoop", "12w", -12.0, "faller"),
        growth_row("sas", "12w", -1.0, "flat"),
        growth_row("excel", "12w", 0.0, "flat"),
        growth_row("dbt", "yoy", None, None),
    ]
)


@pytest.fixture
def reader(tmp_path: Path) -> SnapshotReader:
    return SnapshotReader(write_snapshot(tmp_path, {"skill_growth": GROWTH}))


def test_changes_query_keeps_the_largest_rises_and_falls(reader: SnapshotReader) -> None:
    assert data.skill_changes(reader, "12w")["skill_id"].to_list() == [
        "dbt", "airflow", "sas", "hadoop",
    ]  # fmt: skip
    assert data.skill_changes(reader, "12w", limit=1)["skill_id"].to_list() == ["dbt", "hadoop"]
    assert data.skill_changes(reader, "yoy").is_empty()
    windows = data.skill_change_windows(reader, "12w")
    assert (windows["risers"], windows["fallers"], windows["tested"]) == (1, 1, 5)
    assert (windows["n_prior"], windows["n_current"]) == (200, 100)


def test_change_figure_colours_significance_and_shows_n_windows_and_source(
    reader: SnapshotReader,
) -> None:
    fig = skill_changes_figure(
        data.skill_changes(reader, "12w"), data.skill_change_windows(reader, "12w")
    )
    bar = fig.data[0]
    assert list(bar.y) == ["HADOOP", "SAS", "AIRFLOW", "DBT"]
    assert list(bar.x) == [-12.0, -1.0, 8.0, 20.0]
    assert list(bar.marker.color) == [FALLER, UNTESTED, UNTESTED, RISER]
    assert list(bar.error_x.array) == [5.0] * 4
    assert "n = 200 → 100 unique postings" in fig.layout.title.text
    footnote = next(a.text for a in fig.layout.annotations if "Source:" in a.text)
    assert "2023-11-06" in footnote and "2024-04-15" in footnote


def test_without_an_earlier_window_the_figure_and_note_say_why(reader: SnapshotReader) -> None:
    windows = data.skill_change_windows(reader, "yoy")
    fig = skill_changes_figure(data.skill_changes(reader, "yoy"), windows)
    assert fig.data == () and "Not enough history" in fig.layout.annotations[0].text
    assert trends_note(windows).startswith("The earlier window has no postings")
    note = trends_note(data.skill_change_windows(reader, "12w"))
    assert note.startswith("5 skills tested; 1 rose and 1 fell significantly")


def test_comparison_is_allow_listed() -> None:
    assert chosen_comparison("yoy") == "yoy"
    assert chosen_comparison("'; drop table x") == "12w"
    assert chosen_comparison(None) == "12w"
