"""Figures and dashboard helpers from small hand-built frames, and the dashboard's queries."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import polars as pl
import pytest

from dashboards import figures
from dashboards.callbacks.salaries import filter_options, suppressed_note
from dashboards.callbacks.skills import initial_choice
from dashboards.components import parse_list, skills_search, weekly_n_note
from warehouse.snapshots import (
    LINKED_TABLES,
    POINTER,
    PUBLISHED_TABLES,
    NoSnapshotError,
    SnapshotReader,
)

TOTALS = pl.DataFrame(
    {
        "skill_id": ["python", "sql", "r"],
        "skill_name": ["Python", "SQL", "R <b>lang</b>"],
        "category": ["language"] * 3,
        "step": ["foundations", "foundations", "analytics"],
        "postings_with_skill": [40, 25, 5],
        "postings_total": [100, 100, 100],
        "share": [0.40, 0.25, 0.05],
        "ci_low": [0.31, 0.17, 0.02],
        "ci_high": [0.50, 0.34, 0.11],
    }
)

WEEKLY = pl.DataFrame(
    {
        "week": [date(2024, 4, 1), date(2024, 4, 8)] * 2,
        "iso_week": ["2024-W14", "2024-W15"] * 2,
        "skill_id": ["sql", "sql", "python", "python"],
        "skill_name": ["SQL", "SQL", "Python", "Python"],
        "postings_with_skill": [2, 30, 0, 45],
        "postings_total": [8, 92, 8, 92],
        "share": [0.25, 30 / 92, 0.0, 45 / 92],
        "ci_low": [0.07, 0.24, 0.0, 0.39],
        "ci_high": [0.59, 0.43, 0.32, 0.59],
    }
)

SALARY_GROUPS = pl.DataFrame(
    {
        "role_family": ["Data science", "Data science", "Data engineering", "Other"],
        "experience_level": ["MI", "EX", "SE", "SE"],
        "experience_label": ["Mid", "Executive", "Senior", "Senior"],
        "n": [120, 4, 35, 9],
        "q1": [90_000.0, 200_000.0, 120_000.0, 100_000.0],
        "median": [110_000.0, 240_000.0, 150_000.0, 130_000.0],
        "q3": [140_000.0, 260_000.0, 180_000.0, 150_000.0],
    }
)


def _annotation(fig, name: str):
    matches = [a for a in fig.layout.annotations if a.name == name]
    assert matches, f"no annotation named {name!r}"
    return matches[0]


def test_top_skills_bars_are_percent_shares_with_wilson_error_bars():
    fig = figures.top_skills_figure(TOTALS)
    (bar,) = fig.data
    assert list(bar.x) == pytest.approx([40.0, 25.0, 5.0])
    assert list(bar.y) == ["Python", "SQL", "R &lt;b&gt;lang&lt;/b&gt;"]  # data text escaped
    assert list(bar.error_x.array) == pytest.approx([10.0, 9.0, 6.0])
    assert list(bar.error_x.arrayminus) == pytest.approx([9.0, 8.0, 3.0])
    assert [row[2] for row in bar.customdata] == [40, 25, 5]
    assert fig.layout.xaxis.title.text == "Share of postings (%)"
    assert "n = 100 postings" in fig.layout.title.text
    assert "CC BY-SA 4.0" in _annotation(fig, "attribution").text


def test_top_skills_title_names_the_step_and_empty_frame_says_so():
    assert "foundations" in figures.top_skills_figure(TOTALS, step="foundations").layout.title.text
    empty = figures.top_skills_figure(TOTALS.clear())
    assert not empty.data
    assert "No skill mentions" in _annotation(empty, "message").text


def test_trend_has_weekly_n_bars_bands_and_share_lines_in_chosen_order():
    fig = figures.skill_trend_figure(WEEKLY)
    n_bars = fig.data[0]
    assert n_bars.type == "bar" and n_bars.yaxis == "y2"
    assert list(n_bars.y) == [8, 92]
    lines = [t for t in fig.data if t.type == "scatter" and t.showlegend is not False]
    bands = [t for t in fig.data if t.type == "scatter" and t.fill == "toself"]
    assert [t.name for t in lines] == ["SQL", "Python"]
    assert len(bands) == 2
    assert list(lines[0].y) == pytest.approx([25.0, 3000 / 92])
    assert list(bands[0].y) == pytest.approx([59.0, 43.0, 24.0, 7.0])  # upper, then lower reversed
    assert [row[4] for row in lines[1].customdata] == [8, 92]  # n postings that week, in hover
    assert "n = %{customdata[4]:,} postings" in lines[1].hovertemplate
    assert fig.layout.yaxis.title.text == "Share of postings (%)"
    assert fig.layout.yaxis2.title.text == "Postings that week (n)"
    assert fig.layout.xaxis.title.text == "Week (starting Monday)"
    assert "n = 100 postings over 2 weeks" in fig.layout.title.text
    assert "LinkedIn" in _annotation(fig, "attribution").text


def test_salary_figure_suppresses_groups_under_ten_and_says_so():
    fig = figures.salary_figure(SALARY_GROUPS)
    shown = {(t.name, y) for t in fig.data for y in t.y}
    assert shown == {("Mid", "Data science"), ("Senior", "Data engineering")}
    mid = next(t for t in fig.data if t.name == "Mid")
    assert list(mid.x) == [110_000.0]
    assert list(mid.error_x.array) == [30_000.0] and list(mid.error_x.arrayminus) == [20_000.0]
    assert [row[2] for row in mid.customdata] == [120]
    assert fig.layout.xaxis.title.text.startswith("Annual salary (USD)")
    assert "n = 155 records" in fig.layout.title.text
    assert "2 groups with n < 10 hidden (13 records)" in _annotation(fig, "suppressed").text
    assert "CC0" in _annotation(fig, "attribution").text


def test_salary_figure_with_only_small_groups_is_a_message():
    fig = figures.salary_figure(SALARY_GROUPS.filter(pl.col("n") < 10))
    assert not fig.data
    assert "at least 10" in _annotation(fig, "message").text


def test_split_small_groups_and_note():
    shown, hidden = figures.split_small_groups(SALARY_GROUPS, min_n=10)
    assert shown["n"].to_list() == [120, 35]
    assert hidden["n"].to_list() == [4, 9]
    note = suppressed_note(SALARY_GROUPS, min_n=10)
    assert "Other · Senior (n = 9)" in note and "Data science · Executive (n = 4)" in note
    assert suppressed_note(SALARY_GROUPS.clear(), min_n=10).startswith("No salary records")


def test_url_state_round_trip():
    assert parse_list("python,sql, ,r") == ["python", "sql", "r"]
    assert parse_list(["python", "sql"]) == ["python", "sql"]
    assert parse_list(None) == []
    assert skills_search(None, ["python", "sql"], ["python", "sql"]) == ""
    assert skills_search("ml", ["sql", "r"], ["python"]) == "?skills=sql,r&step=ml"


def test_initial_choice_keeps_known_url_skills_else_defaults():
    chosen, step, defaults = initial_choice(TOTALS, ["r", "nope", "r"], "analytics")
    assert (chosen, step) == (["r"], "analytics")
    assert defaults == ["python", "sql", "r"]
    assert initial_choice(TOTALS, ["nope"], "cooking")[:2] == (["python", "sql", "r"], None)


def test_filter_options_default_to_busiest_year_and_full_time():
    facets = pl.DataFrame(
        {"work_year": [2023, 2024, 2024], "employment_type": ["FT", "FT", "CT"], "n": [5, 50, 2]}
    )
    years, year, types, kind = filter_options(facets)
    assert (year, kind) == (2024, "FT")
    assert [o["value"] for o in years] == [2024, 2023]
    assert types[0]["label"] == "Full-time (55)"


def test_weekly_n_note_lists_each_week():
    note = weekly_n_note(WEEKLY)
    assert note.startswith("Postings per week: 2024-W14: n = 8 · 2024-W15: n = 92.")


# The dashboard's SQL, run through the real SnapshotReader on a hand-built snapshot.


def _snapshot(tmp_path: Path) -> Path:
    folder = tmp_path / "snap-1"
    folder.mkdir()
    postings = pl.DataFrame(
        {
            "posting_id": ["a", "b", "c", "d"],
            "posted_week": [date(2024, 4, 1), date(2024, 4, 8), date(2024, 4, 8), date(2024, 4, 8)],
            "iso_week": ["2024-W14", "2024-W15", "2024-W15", "2024-W15"],
        }
    )
    weekly = pl.DataFrame(
        {
            "week": [date(2024, 4, 8)],
            "skill_id": ["sql"],
            "postings_with_skill": [2],
            "share": [2 / 3],
            "ci_low": [0.2],
            "ci_high": [0.94],
        }
    )
    salaries = pl.DataFrame(
        {
            "work_year": [2024] * 12 + [2023],
            "employment_type": ["FT"] * 11 + ["CT", "FT"],
            "role_family": ["Data science"] * 13,
            "experience_level": ["SE"] * 13,
            "experience_label": ["Senior"] * 13,
            "salary_in_usd": [float(100_000 + 1_000 * i) for i in range(13)],
        }
    )
    frames = {
        "postings": postings,
        "skill_totals": TOTALS,
        "weekly_skill_demand": weekly,
        "salaries": salaries,
    }
    for table in PUBLISHED_TABLES:
        frames.get(table, pl.DataFrame({"unused": [1]})).write_parquet(folder / f"{table}.parquet")
    for table in LINKED_TABLES:
        (folder / table).mkdir()
        pl.DataFrame({"unused": [1]}).write_parquet(folder / table / "week=2024-04-08.parquet")
    (tmp_path / POINTER).write_text(folder.name)
    return tmp_path


def test_skills_weekly_query_zero_fills_weeks_in_chosen_order(tmp_path):
    reader = SnapshotReader(_snapshot(tmp_path))
    got = reader.query("skills_weekly", {"skill_ids": ["sql", "python"]})
    assert got.select("skill_id", "iso_week", "postings_with_skill", "postings_total").rows() == [
        ("sql", "2024-W14", 0, 1),
        ("sql", "2024-W15", 2, 3),
        ("python", "2024-W14", 0, 1),
        ("python", "2024-W15", 0, 3),
    ]
    zero = got.row(0, named=True)
    assert zero["share"] == 0.0 and zero["ci_low"] == 0.0
    assert zero["ci_high"] == pytest.approx(1.96**2 / (1 + 1.96**2))


def test_salary_and_top_skill_queries_filter_by_parameters(tmp_path):
    reader = SnapshotReader(_snapshot(tmp_path))
    ft_2024 = reader.query("salaries_by_group", {"work_year": 2024, "employment_type": "FT"})
    assert ft_2024["n"].to_list() == [11]
    assert ft_2024["median"].to_list() == [105_000.0]
    everything = reader.query("salaries_by_group", {"work_year": None, "employment_type": None})
    assert everything["n"].to_list() == [13]
    top = reader.query("skills_top", {"step": "foundations", "limit": 1})
    assert top["skill_id"].to_list() == ["python"]


def test_queries_before_first_refresh_raise_no_snapshot(tmp_path):
    with pytest.raises(NoSnapshotError):
        SnapshotReader(tmp_path).query("skills_catalog")
