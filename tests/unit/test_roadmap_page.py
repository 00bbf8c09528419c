"""The roadmap page: its queries on a snapshot, the step figure, the table and the URL state."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from dash import html
from helpers import write_snapshot

from dashboards import data
from dashboards.callbacks.roadmap import (
    chosen_roadmap,
    roadmap_options,
    roadmap_search,
    top_skills_table,
)
from dashboards.figures import roadmap_steps_figure
from warehouse.snapshots import SnapshotReader

STEPS = pl.DataFrame(
    {
        "roadmap_id": ["seed", "seed", "unified"],
        "roadmap_title": ["Seed <b>roadmap</b>", "Seed <b>roadmap</b>", "Unified"],
        "step_order": [2, 1, 1],
        "step_id": ["models", "python", "programming"],
        "step_name": ["Models", "Python & SQL", "Programming"],
        "unified_step": ["classical_ml", "programming", "programming"],
        "n_skills": [4, 3, 10],
        "skills_seen": [2, 3, 8],
        "postings": [10, 40, 45],
        "postings_total": [50, 50, 50],
        "share": [0.2, 0.8, 0.9],
        "ci_low": [0.11, 0.67, 0.79],
        "ci_high": [0.33, 0.89, 0.96],
    }
)
TOP = pl.DataFrame(
    {
        "roadmap_id": ["seed", "seed", "seed"],
        "step_id": ["python", "python", "models"],
        "rank": [2, 1, 1],
        "skill_id": ["sql", "python", "xgboost"],
        "skill_name": ["SQL", "Python", "=XGBoost"],
        "postings": [30, 38, 6],
        "share": [0.6, 0.76, 0.12],
    }
)


@pytest.fixture
def reader(tmp_path: Path) -> SnapshotReader:
    frames = {"roadmap_step_demand": STEPS, "roadmap_step_top_skills": TOP}
    return SnapshotReader(write_snapshot(tmp_path, frames))


def test_queries_list_roadmaps_unified_first_and_steps_in_order(reader: SnapshotReader) -> None:
    assert data.roadmaps(reader).rows() == [
        ("unified", "Unified", 1), ("seed", "Seed <b>roadmap</b>", 2),
    ]  # fmt: skip
    assert data.roadmap_steps(reader, "seed")["step_id"].to_list() == ["python", "models"]
    assert data.roadmap_steps(reader, "nope' or '1'='1").is_empty()
    top = data.roadmap_top_skills(reader, "seed")
    assert top.select("step_id", "rank", "skill_id").rows() == [
        ("models", 1, "xgboost"), ("python", 1, "python"), ("python", 2, "sql"),
    ]  # fmt: skip


def test_step_figure_draws_steps_in_order_as_percent_with_intervals_n_and_source() -> None:
    fig = roadmap_steps_figure(STEPS.filter(pl.col("roadmap_id") == "seed"))
    bar = fig.data[0]
    assert list(bar.y) == ["1. Python &amp; SQL", "2. Models"]
    assert list(bar.x) == pytest.approx([80.0, 20.0])
    assert list(bar.error_x.array) == pytest.approx([9.0, 13.0])
    assert list(bar.error_x.arrayminus) == pytest.approx([13.0, 9.0])
    assert bar.marker.colorscale is not None and bar.marker.cmax == 100
    title = fig.layout.title.text
    assert "n = 50 unique postings" in title and "&lt;b&gt;roadmap&lt;/b&gt;" in title
    assert fig.layout.xaxis.ticksuffix == "%"
    assert any("Source:" in a.text for a in fig.layout.annotations)


def test_step_figure_without_postings_explains_why() -> None:
    empty = STEPS.with_columns(share=None, ci_low=None, ci_high=None, postings_total=0)
    fig = roadmap_steps_figure(empty)
    assert fig.data == ()
    assert "No postings" in fig.layout.annotations[0].text


def test_table_lists_steps_in_order_with_their_top_skills_as_text() -> None:
    table = top_skills_table(STEPS.filter(pl.col("roadmap_id") == "seed"), TOP)
    rows = table.children[1].children
    cells = [[c.children for c in row.children] for row in rows]
    assert cells == [
        ["1. Python & SQL", "80% (n = 40)", "Python 76%, SQL 60%"],
        ["2. Models", "20% (n = 10)", "=XGBoost 12%"],
    ]
    assert isinstance(top_skills_table(STEPS.clear(), TOP), html.P)


def test_roadmap_choice_is_allow_listed_and_kept_in_the_url() -> None:
    roadmaps = pl.DataFrame(
        {"roadmap_id": ["unified", "seed"], "roadmap_title": ["Unified", "Seed"], "steps": [9, 2]}
    )
    assert chosen_roadmap(roadmaps, "seed") == "seed"
    assert chosen_roadmap(roadmaps, "<script>") == "unified"
    assert chosen_roadmap(roadmaps.filter(pl.col("roadmap_id") == "seed"), None) == "seed"
    assert chosen_roadmap(roadmaps.clear(), "seed") is None
    assert roadmap_options(roadmaps)[1] == {"label": "Seed (2 steps)", "value": "seed"}
    assert roadmap_search("seed") == "?roadmap=seed"
    assert roadmap_search("unified") == "" and roadmap_search(None) == ""
