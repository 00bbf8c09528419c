"""Trend marts on a tiny hand-built warehouse: windows, de-duplication, tests, nulls and ranks."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Iterator
from pathlib import Path

import duckdb
import polars as pl
import pytest
from helpers import create_weekly_tables
from polars.testing import assert_frame_equal

from warehouse import db, trends
from warehouse.partitions import WeeklyTables
from warehouse.stats import benjamini_hochberg, two_proportion_test

BASE = dt.date(2023, 1, 2)  # first week in the data: the index baseline is 2023-01-02..03-20
YEAR_AGO = dt.date(2023, 4, 3)  # inside 2023-03-13..05-29, the 12 weeks a year before AS_OF
PREVIOUS = dt.date(2024, 1, 8)  # inside 2023-12-25..2024-03-11
CURRENT = (dt.date(2024, 4, 1), dt.date(2024, 6, 3))  # inside 2024-03-18..06-03
AS_OF = dt.date(2024, 6, 3)

SKILLS = {
    "python": ("Python", "language", "programming"),
    "sql": ("SQL", "language", "data"),
    "cobol": ("COBOL", "language", "programming"),
}


def _postings(prefix: str, count: int, weeks: Iterable[dt.date]) -> list[tuple[str, dt.date]]:
    cycle = list(weeks)
    return [(f"{prefix}{i}", cycle[i * len(cycle) // count]) for i in range(count)]


def _build(
    con: duckdb.DuckDBPyConnection, *, with_history: bool = True, weeks: WeeklyTables | None = None
) -> None:
    """Ten baseline, twenty year-ago, ten previous and twenty current postings, plus a duplicate.

    python: baseline 5/10, year ago 4/20, previous 2/10, current 16/20
    sql:    baseline 2/10, year ago 0/20, previous 9/10, current 5/20
    cobol:  baseline 1/10, nowhere else
    c20 is a non-canonical duplicate of c0 in the current window and must count nowhere.
    """
    if weeks is None:
        db.run(con, "schema/create_tables")
        create_weekly_tables(con)
        db.run(con, "schema/macros")
    rows = _postings("p", 10, [PREVIOUS]) + _postings("c", 20, CURRENT) + [("c20", CURRENT[1])]
    mentions = (
        [(f"p{i}", "python") for i in range(2)]
        + [(f"p{i}", "sql") for i in range(1, 10)]
        + [(f"c{i}", "python") for i in range(16)]
        + [("c0", "python")]  # a second mention in the same posting counts once
        + [(f"c{i}", "sql") for i in range(15, 20)]
        + [("c20", "python"), ("c20", "sql")]
    )
    terms = [
        *[
            ("c0", "duckdb"),
            ("c0", "duckdb"),
            ("c1", "duckdb"),
            ("c2", "duckdb"),
            ("c20", "duckdb"),
        ],
        *[("c3", "polars"), ("c4", "polars"), ("p0", "polars")],
        *[("p1", "hadoop"), ("p2", "hadoop"), ("p3", "hadoop")],
        *[("c5", "rare"), ("c6", "rare")],
    ]
    if with_history:
        rows += _postings("b", 10, [BASE]) + _postings("y", 20, [YEAR_AGO])
        mentions += (
            [(f"b{i}", "python") for i in range(5)]
            + [("b5", "sql"), ("b6", "sql"), ("b7", "cobol")]
            + [(f"y{i}", "python") for i in range(4)]
        )
        terms += [("b0", "duckdb")]
    postings = pl.DataFrame(
        {
            "posting_id": [r[0] for r in rows],
            "content_hash": [f"h-{r[0]}" for r in rows],
            "source": "test",
            "source_id": [r[0] for r in rows],
            "title": "Data Engineer",
            "posted_date": [r[1] for r in rows],
            "posted_week": [r[1] for r in rows],
            "iso_week": [r[1].strftime("%G-W%V") for r in rows],
            "description": "SQL and Python",
        }
    )
    skill_mentions = pl.DataFrame(
        {
            "posting_id": [m[0] for m in mentions],
            "content_hash": [f"h-{m[0]}" for m in mentions],
            "skill_id": [m[1] for m in mentions],
            "skill_name": [SKILLS[m[1]][0] for m in mentions],
            "category": [SKILLS[m[1]][1] for m in mentions],
            "step": [SKILLS[m[1]][2] for m in mentions],
            "start_char": 0,
            "end_char": 3,
            "surface": [m[1] for m in mentions],
            "section": "required",
        }
    )
    term_candidates = pl.DataFrame(
        {
            "posting_id": [t[0] for t in terms],
            "content_hash": [f"h-{t[0]}" for t in terms],
            "term": [t[1] for t in terms],
            "start_char": 0,
            "end_char": 5,
        }
    )
    clusters = pl.DataFrame(
        {
            "posting_id": ["c0", "c20"],
            "cluster_id": ["c0", "c0"],
            "is_canonical": [True, False],
            "first_seen": [CURRENT[0]] * 2,
            "last_seen": [CURRENT[1]] * 2,
            "reason": [None, "exact"],
        }
    )
    con.register("new_postings", postings)
    con.register("new_mentions", skill_mentions)
    con.register("new_terms", term_candidates)
    con.register("new_clusters", clusters)
    con.execute("insert into postings by name select * from new_postings")
    con.execute("insert into posting_clusters by name select * from new_clusters")
    if weeks is None:
        con.execute("insert into skill_mentions by name select * from new_mentions")
        con.execute("insert into term_candidates by name select * from new_terms")
        return
    week_of = postings.select("posting_id", "posted_week")
    frames = {
        "skill_mentions": skill_mentions.join(week_of, on="posting_id"),
        "term_candidates": term_candidates.join(week_of, on="posting_id"),
    }
    for week in week_of["posted_week"].unique():
        weeks.write(week, {t: f.filter(pl.col("posted_week") == week) for t, f in frames.items()})


@pytest.fixture
def con() -> Iterator[duckdb.DuckDBPyConnection]:
    connection = duckdb.connect()
    _build(connection)
    yield connection
    connection.close()


TEST_COLUMNS = ["skill_id", "comparison", "diff_pp", "diff_low_pp", "diff_high_pp", "p_value",
                "q_value"]  # fmt: skip


def _expected_tests(rows: list[tuple[str, str, int, int, int, int]]) -> pl.DataFrame:
    """Expected test columns: the stats functions (checked on their own in test_stats.py)."""
    out = []
    for comparison in ("12w", "yoy"):
        part = [r for r in rows if r[1] == comparison]
        results = [two_proportion_test(*r[2:]) for r in part]
        qs = benjamini_hochberg([res[3] for res in results])
        for r, res, q in zip(part, results, qs, strict=True):
            out.append((r[0], comparison, res[0] * 100, res[1] * 100, res[2] * 100, res[3], q))
    return pl.DataFrame(
        out,
        schema=TEST_COLUMNS,
        orient="row",
    ).sort("skill_id", "comparison")


def test_skill_growth_counts_windows_and_dedup(con: duckdb.DuckDBPyConnection) -> None:
    trends.build_skill_growth(con, AS_OF)
    got = db.fetch(con, "publish/skill_growth")
    expected = pl.DataFrame(
        [
            ("cobol", "12w", 0, 20, 0.0, 0, 10, 0.0, 10, 0.1, 0.0),
            ("cobol", "yoy", 0, 20, 0.0, 0, 20, 0.0, 10, 0.1, 0.0),
            ("python", "12w", 16, 20, 0.8, 2, 10, 0.2, 10, 0.5, 160.0),
            ("python", "yoy", 16, 20, 0.8, 4, 20, 0.2, 10, 0.5, 160.0),
            ("sql", "12w", 5, 20, 0.25, 9, 10, 0.9, 10, 0.2, 125.0),
            ("sql", "yoy", 5, 20, 0.25, 0, 20, 0.0, 10, 0.2, 125.0),
        ],
        schema={
            "skill_id": pl.String,
            "comparison": pl.String,
            "postings_current": pl.Int32,
            "n_current": pl.Int32,
            "share_current": pl.Float64,
            "postings_prior": pl.Int32,
            "n_prior": pl.Int32,
            "share_prior": pl.Float64,
            "n_baseline": pl.Int32,
            "share_baseline": pl.Float64,
            "index": pl.Float64,
        },
        orient="row",
    )
    assert_frame_equal(got.select(expected.columns), expected)
    windows = got.filter(pl.col("skill_id") == "python").select(
        "as_of", "current_start", "current_end", "prior_start", "prior_end"
    )
    assert windows.rows() == [
        (AS_OF, dt.date(2024, 3, 18), AS_OF, dt.date(2023, 12, 25), dt.date(2024, 3, 11)),
        (AS_OF, dt.date(2024, 3, 18), AS_OF, dt.date(2023, 3, 13), dt.date(2023, 5, 29)),
    ]


def test_skill_growth_tests_q_values_and_direction(con: duckdb.DuckDBPyConnection) -> None:
    trends.build_skill_growth(con, AS_OF)
    got = db.fetch(con, "publish/skill_growth")
    expected = _expected_tests(
        [
            ("cobol", "12w", 0, 20, 0, 10),
            ("cobol", "yoy", 0, 20, 0, 20),
            ("python", "12w", 16, 20, 2, 10),
            ("python", "yoy", 16, 20, 4, 20),
            ("sql", "12w", 5, 20, 9, 10),
            ("sql", "yoy", 5, 20, 0, 20),
        ]
    )
    assert_frame_equal(got.select(expected.columns), expected)
    # By hand: python 12w z = 0.6 / sqrt(0.6 * 0.4 * (1/20 + 1/10)) = 3.1623, p = 0.001565.
    python_12w = got.filter(pl.col("skill_id") == "python", pl.col("comparison") == "12w")
    assert python_12w["p_value"][0] == pytest.approx(0.001565, abs=1e-6)
    assert python_12w["diff_pp"][0] == pytest.approx(60.0)
    # sql yoy: 5/20 against 0/20, z = 2.3905, p = 0.01683, q = 3 * p / 2 = 0.02524 < 0.05.
    sql_yoy = got.filter(pl.col("skill_id") == "sql", pl.col("comparison") == "yoy")
    assert sql_yoy["q_value"][0] == pytest.approx(0.02524, abs=1e-5)
    directions = dict(
        zip(
            got["skill_id"] + "/" + got["comparison"],
            got["direction"],
            strict=True,
        )
    )
    assert directions == {
        "cobol/12w": "flat",
        "cobol/yoy": "flat",
        "python/12w": "riser",
        "python/yoy": "riser",
        "sql/12w": "faller",  # -65 pp: z = -3.364, p = 0.00077
        "sql/yoy": "riser",
    }
    assert db.fetch(con, "checks/skill_growth_valid").row(0) == (0, 0, 0, 0, 0, 0)


def test_windows_follow_as_of(con: duckdb.DuckDBPyConnection) -> None:
    frame = trends.build_skill_growth(con, dt.date(2024, 1, 10))
    # current 2023-10-23..2024-01-08 holds p0..p9; a year earlier, 2022-10-17..2023-01-02, b0..b9;
    # the 12 weeks before the current window hold nothing.
    assert frame.filter(pl.col("comparison") == "12w")["n_prior"].unique().to_list() == [0]
    assert frame.filter(pl.col("comparison") == "12w")["direction"].null_count() == 3
    python = frame.filter(pl.col("skill_id") == "python", pl.col("comparison") == "yoy")
    assert python.select("postings_current", "n_current", "postings_prior", "n_prior").row(0) == (
        2,
        10,
        5,
        10,
    )
    assert python["diff_pp"][0] == pytest.approx(-30.0)
    assert python["direction"][0] == "flat"  # p = 0.16 on 10 against 10: not significant


def test_missing_history_gives_nulls_not_numbers() -> None:
    connection = duckdb.connect()
    _build(connection, with_history=False)
    frame = trends.build_skill_growth(connection, AS_OF)
    yoy = frame.filter(pl.col("comparison") == "yoy")
    assert yoy["n_prior"].to_list() == [0, 0]  # python and sql only: cobol was baseline-only
    for column in ("share_prior", "diff_pp", "diff_low_pp", "diff_high_pp", "p_value", "q_value",
                   "direction"):  # fmt: skip
        assert yoy[column].null_count() == yoy.height, column
    # q-values of the 12-week comparison come from its own two tests, not from the empty yoy side.
    twelve = frame.filter(pl.col("comparison") == "12w").sort("skill_id")
    assert twelve["q_value"].to_list() == pytest.approx(
        benjamini_hochberg(twelve["p_value"].to_list())
    )
    # The baseline is now the first 12 weeks of what exists: the previous window (python 2/10).
    assert twelve.filter(pl.col("skill_id") == "python")["index"][0] == pytest.approx(400.0)
    assert db.fetch(connection, "checks/skill_growth_valid").row(0) == (0, 0, 0, 0, 0, 0)
    connection.close()


def test_as_of_snaps_to_its_monday_and_reruns_replace(con: duckdb.DuckDBPyConnection) -> None:
    monday = trends.build_skill_growth(con, AS_OF)
    sunday = trends.build_skill_growth(con, AS_OF + dt.timedelta(days=6))
    assert_frame_equal(monday, sunday)
    assert db.fetch(con, "publish/skill_growth").height == 6
    assert trends.latest_week(con) == AS_OF


def test_empty_warehouse_builds_empty_marts() -> None:
    connection = duckdb.connect()
    db.run(connection, "schema/create_tables")
    create_weekly_tables(connection)
    db.run(connection, "schema/macros")
    as_of = trends.latest_week(connection)
    assert as_of is None
    assert trends.build_skill_growth(connection, as_of).height == 0
    assert db.fetch(connection, "publish/skill_growth").columns == list(trends.SKILL_GROWTH_SCHEMA)
    assert trends.build_emerging_term_growth(connection, as_of) == {"terms": 0, "ranked": 0}
    connection.close()


def test_contract_catches_a_duplicate_and_a_bad_interval(con: duckdb.DuckDBPyConnection) -> None:
    trends.build_skill_growth(con, AS_OF)
    con.execute("insert into skill_growth select * from skill_growth where skill_id = 'python'")
    con.execute("update skill_growth set diff_low_pp = 99 where skill_id = 'sql'")
    broken = db.fetch(con, "checks/skill_growth_valid").row(0, named=True)
    assert broken["duplicate_keys"] == 2
    assert broken["bad_interval"] == 2


def test_emerging_term_growth(con: duckdb.DuckDBPyConnection) -> None:
    assert trends.build_emerging_term_growth(con, AS_OF) == {"terms": 4, "ranked": 3}
    got = db.fetch(con, "publish/emerging_term_growth")
    expected = pl.DataFrame(
        [
            ("duckdb", 3, 0, 4, 4.0, 4.0 * math.log(4), 1, BASE, CURRENT[0]),
            ("polars", 2, 1, 3, 1.5, 1.5 * math.log(3), 2, PREVIOUS, CURRENT[0]),
            ("hadoop", 0, 3, 3, 0.25, 0.25 * math.log(3), 3, PREVIOUS, PREVIOUS),
            ("rare", 2, 0, 2, 3.0, None, None, CURRENT[0], CURRENT[0]),
        ],
        schema={
            "term": pl.String,
            "postings_current": pl.Int32,
            "postings_previous": pl.Int32,
            "support": pl.Int32,
            "growth_ratio": pl.Float64,
            "score": pl.Float64,
            "growth_rank": pl.Int32,
            "first_seen": pl.Date,
            "last_seen": pl.Date,
        },
        orient="row",
    )
    assert_frame_equal(got.drop("as_of"), expected)
    assert got["as_of"].unique().to_list() == [AS_OF]
    assert db.fetch(con, "checks/emerging_term_growth_valid").row(0) == (0, 0, 0, 0, 0)


def test_assets_and_checks_run_on_a_warehouse_file(tmp_path: Path) -> None:
    import dagster as dg

    from pipelines.defs.resources import Warehouse
    from pipelines.defs.warehouse.trends import (
        emerging_term_growth,
        emerging_term_growth_contract,
        skill_growth,
        skill_growth_contract,
    )

    warehouse = Warehouse(data_dir=str(tmp_path))
    with warehouse.connect() as connection:
        _build(connection, weeks=warehouse.weeks)
    result = skill_growth(context=dg.build_asset_context(), warehouse=warehouse)
    assert result.metadata is not None
    assert result.metadata["rows"] == 6
    assert result.metadata["as_of"] == str(AS_OF)
    assert skill_growth_contract(warehouse=warehouse).passed
    terms = emerging_term_growth(context=dg.build_asset_context(), warehouse=warehouse)
    assert terms.metadata is not None
    assert terms.metadata["rows"] == 4
    assert emerging_term_growth_contract(warehouse=warehouse).passed
