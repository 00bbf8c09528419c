"""The coverage marts on a tiny in-memory warehouse, against hand-computed values."""

from __future__ import annotations

import datetime as dt
import math
import statistics
from collections.abc import Iterator

import duckdb
import polars as pl
import pytest
from helpers import create_weekly_tables

from extractors.roadmaps import Roadmap, RoadmapStep, load_roadmaps
from pipelines.defs.warehouse.coverage import (
    build_roadmap_step_demand,
    build_salary_by_skill,
    build_skill_cooccurrence,
    contract_violations,
    load_roadmap_steps,
)
from warehouse import db

Z = 1.96


@pytest.fixture
def con() -> Iterator[duckdb.DuckDBPyConnection]:
    connection = duckdb.connect()
    db.run(connection, "schema/create_tables")
    db.run(connection, "schema/macros")
    create_weekly_tables(connection)
    yield connection
    connection.close()


def insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict[str, object]]) -> None:
    """Append rows to ``table``; columns the rows leave out are null."""
    columns = con.table(table).columns
    frame = pl.DataFrame([{c: row.get(c) for c in columns} for row in rows], strict=False)
    con.from_arrow(frame.to_arrow()).insert_into(table)


def posting(posting_id: str, **fields: object) -> dict[str, object]:
    day = dt.date(2024, 4, 8)
    return {
        "posting_id": posting_id,
        "content_hash": f"h-{posting_id}",
        "source": "test",
        "source_id": posting_id,
        "title": "ML Engineer",
        "posted_date": day,
        "posted_week": day,
        "iso_week": "2024-W15",
        "description": "text",
        **fields,
    }


def mention(posting_id: str, skill_id: str) -> dict[str, object]:
    return {
        "posting_id": posting_id,
        "content_hash": f"h-{posting_id}",
        "skill_id": skill_id,
        "skill_name": skill_id.title(),
        "category": "tool",
        "step": "programming",
        "start_char": 0,
        "end_char": 1,
        "surface": skill_id,
        "section": "other",
    }


def cluster(posting_id: str, cluster_id: str) -> dict[str, object]:
    day = dt.date(2024, 4, 8)
    return {
        "posting_id": posting_id,
        "cluster_id": cluster_id,
        "is_canonical": posting_id == cluster_id,
        "first_seen": day,
        "last_seen": day,
        "reason": None if posting_id == cluster_id else "exact",
    }


def wilson(p: float, n: int) -> tuple[float, float]:
    centre = p + Z**2 / (2 * n)
    spread = Z * math.sqrt(p * (1 - p) / n + Z**2 / (4 * n**2))
    scale = 1 + Z**2 / n
    return max(0.0, (centre - spread) / scale), min(1.0, (centre + spread) / scale)


# Nine unique postings (p9 duplicates p1 and must not count; p10 names no skill):
#   python p1 p2 p3 p4 p7 (5) · sql p1 p2 p3 p5 (4) · spark p1 p6 p7 (3) · docker p4 p8 (2)
#   python&sql 3 · python&spark 2 · spark&sql 1 · docker&python 1
SKILLS = {
    "p1": ["python", "sql", "spark"],
    "p2": ["python", "python", "sql"],  # named twice: counts once
    "p3": ["python", "sql"],
    "p4": ["python", "docker"],
    "p5": ["sql"],
    "p6": ["spark"],
    "p7": ["python", "spark"],
    "p8": ["docker"],
    "p9": ["python", "sql", "spark"],
    "p10": [],
}


@pytest.fixture
def skills_warehouse(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    insert(con, "postings", [posting(p) for p in SKILLS])
    insert(con, "skill_mentions", [mention(p, s) for p, skills in SKILLS.items() for s in skills])
    insert(con, "posting_clusters", [cluster("p1", "p1"), cluster("p9", "p1")])
    return con


def test_cooccurrence_counts_lift_and_pmi(skills_warehouse: duckdb.DuckDBPyConnection) -> None:
    rows = build_skill_cooccurrence(skills_warehouse, min_support=2)
    got = skills_warehouse.table("skill_cooccurrence").pl().sort("skill_a", "skill_b")
    assert rows == 2
    assert got.select("skill_a", "skill_b", "n_ab", "n_a", "n_b", "n_postings").rows() == [
        ("python", "spark", 2, 5, 3, 9),
        ("python", "sql", 3, 5, 4, 9),
    ]
    assert got["support"].to_list() == pytest.approx([2 / 9, 3 / 9])
    assert got["lift"].to_list() == pytest.approx([1.2, 1.35])
    assert got["pmi"].to_list() == pytest.approx([math.log2(1.2), math.log2(1.35)])
    assert got["skill_a_name"].to_list() == ["Python", "Python"]
    assert contract_violations(skills_warehouse, "skill_cooccurrence", min_support=2).is_empty()


def test_cooccurrence_min_support(skills_warehouse: duckdb.DuckDBPyConnection) -> None:
    assert build_skill_cooccurrence(skills_warehouse) == 0  # default 5: nothing this rare
    assert build_skill_cooccurrence(skills_warehouse, min_support=1) == 4
    pair = (
        skills_warehouse.table("skill_cooccurrence")
        .pl()
        .filter(pl.col("skill_a") == "docker")
        .row(0, named=True)
    )
    assert pair["skill_b"] == "python"
    assert pair["lift"] == pytest.approx(0.9)  # 1·9 / (2·5): rarer together than apart
    assert pair["pmi"] < 0


def test_cooccurrence_contract_catches_a_duplicate_pair(
    skills_warehouse: duckdb.DuckDBPyConnection,
) -> None:
    build_skill_cooccurrence(skills_warehouse, min_support=2)
    first = skills_warehouse.table("skill_cooccurrence").pl().head(1)
    skills_warehouse.from_arrow(first.to_arrow()).insert_into("skill_cooccurrence")
    assert contract_violations(skills_warehouse, "skill_cooccurrence", min_support=2).height == 2


# Salary cells (annual USD, in thousands). Pay is given as min+max around it, min only or max
# only, in turn, so every form of a usable salary is exercised.
CELL_A = ("ml_engineer", "senior", "US")  # 12 with pytorch vs 13 without: shown, premium +15k
CELL_B = ("data_scientist", "mid", "GB")  # 11 with vs 5 without: suppressed
CELL_C = ("data_engineer", "senior", "DE")  # 10 with vs 10 without: shown, premium -5k
WITH_A = [110 + 10 * i for i in range(12)]  # median 165
WITHOUT_A = [90 + 10 * i for i in range(13)]  # median 150
WITH_B = [60 + 5 * i for i in range(11)]
WITHOUT_B = [70, 80, 90, 100, 110]
WITH_C = [80 + 5 * i for i in range(10)]  # median 102.5
WITHOUT_C = [85 + 5 * i for i in range(10)]  # median 107.5


def _pay(i: int, thousands: int) -> dict[str, object]:
    usd = thousands * 1000.0
    forms: list[dict[str, object]] = [
        {"pay_annual_min_usd": usd - 10_000, "pay_annual_max_usd": usd + 10_000},
        {"pay_annual_min_usd": usd},
        {"pay_annual_max_usd": usd},
    ]
    return forms[i % 3]


@pytest.fixture
def salary_warehouse(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    postings_rows: list[dict[str, object]] = []
    mentions: list[dict[str, object]] = []
    groups = [
        (CELL_A, WITH_A, True),
        (CELL_A, WITHOUT_A, False),
        (CELL_B, WITH_B, True),
        (CELL_B, WITHOUT_B, False),
        (CELL_C, WITH_C, True),
        (CELL_C, WITHOUT_C, False),
    ]
    for g, (cell, pays, has_skill) in enumerate(groups):
        family, seniority, country = cell
        for i, pay in enumerate(pays):
            pid = f"s{g}-{i}"
            postings_rows.append(
                posting(pid, role_family=family, seniority=seniority, country=country)
                | _pay(i, pay)
            )
            mentions.append(mention(pid, "python"))
            if has_skill:
                mentions.append(mention(pid, "pytorch"))
    # Three postings of cell A without pytorch name a rare skill.
    mentions += [mention(f"s1-{i}", "rare_tool") for i in range(3)]
    # Neither a duplicate (however well paid) nor a posting without a usable salary counts.
    postings_rows.append(
        posting("dup", role_family="ml_engineer", seniority="senior", country="US")
        | {"pay_annual_min_usd": 1e6}
    )
    postings_rows.append(posting("nopay", role_family="ml_engineer", seniority="senior"))
    mentions += [mention(p, s) for p in ("dup", "nopay") for s in ("python", "pytorch")]
    insert(con, "postings", postings_rows)
    insert(con, "skill_mentions", mentions)
    insert(con, "posting_clusters", [cluster("s0-0", "s0-0"), cluster("dup", "s0-0")])
    return con


def test_salary_cells_premium_and_suppression(salary_warehouse: duckdb.DuckDBPyConnection) -> None:
    build_salary_by_skill(salary_warehouse)
    cells = {
        (r["role_family"], r["seniority"], r["country"]): r
        for r in salary_warehouse.table("salary_by_skill_cell")
        .pl()
        .filter(pl.col("skill_id") == "pytorch")
        .iter_rows(named=True)
    }
    assert set(cells) == {CELL_A, CELL_B, CELL_C}

    a = cells[CELL_A]
    assert (a["n_with"], a["n_without"], a["suppressed"]) == (12, 13, False)
    assert (a["median_with"], a["median_without"]) == (165_000, 150_000)
    assert a["premium"] == 15_000 > 0

    b = cells[CELL_B]
    assert (b["n_with"], b["n_without"], b["suppressed"]) == (11, 5, True)
    assert (b["median_with"], b["median_without"], b["premium"]) == (None, None, None)

    c = cells[CELL_C]
    assert (c["n_with"], c["n_without"], c["suppressed"]) == (10, 10, False)
    assert c["premium"] == pytest.approx(-5_000)
    assert c["premium"] < 0


def test_salary_by_skill_percentiles_and_weighted_premium(
    salary_warehouse: duckdb.DuckDBPyConnection,
) -> None:
    counts = build_salary_by_skill(salary_warehouse)
    skills = {r["skill_id"]: r for r in salary_warehouse.table("salary_by_skill").pl().to_dicts()}

    pytorch = skills["pytorch"]
    pays = [1000.0 * p for p in WITH_A + WITH_B + WITH_C]
    p25, median, p75 = statistics.quantiles(pays, n=4, method="inclusive")
    assert (pytorch["n"], pytorch["suppressed"]) == (33, False)
    assert (pytorch["p25"], pytorch["median"], pytorch["p75"]) == pytest.approx((p25, median, p75))
    assert (pytorch["cells"], pytorch["premium_cells"], pytorch["premium_n"]) == (3, 2, 22)
    # n-weighted over the shown cells A and C; cell B (suppressed) takes no part.
    assert pytorch["premium"] == pytest.approx((12 * 15_000 + 10 * -5_000) / 22)
    assert pytorch["premium_suppressed"] is False

    rare = skills["rare_tool"]
    assert (rare["n"], rare["suppressed"], rare["premium_suppressed"]) == (3, True, True)
    assert (rare["p25"], rare["median"], rare["p75"], rare["premium"]) == (None,) * 4

    python = skills["python"]  # in every salaried posting: no baseline anywhere
    assert python["n"] == 61
    assert python["median"] is not None
    assert python["premium"] is None

    assert counts["skills"] == 3
    assert counts["cells_suppressed"] == counts["cells"] - 2
    assert contract_violations(salary_warehouse, "salary_by_skill").is_empty()


def test_salary_threshold_is_a_parameter(salary_warehouse: duckdb.DuckDBPyConnection) -> None:
    build_salary_by_skill(salary_warehouse, min_cell_n=5)
    cell_b = (
        salary_warehouse.table("salary_by_skill_cell")
        .pl()
        .filter((pl.col("skill_id") == "pytorch") & (pl.col("country") == "GB"))
        .row(0, named=True)
    )
    assert cell_b["suppressed"] is False
    assert cell_b["premium"] == pytest.approx(statistics.median(WITH_B) * 1000 - 90_000)


def test_roadmap_step_demand_shares_and_intervals(
    skills_warehouse: duckdb.DuckDBPyConnection,
) -> None:
    roadmap = Roadmap(
        id="tiny",
        title=None,
        steps=[
            RoadmapStep(
                id="code", name="Code", unified_step="programming", skills=["python", "sql"]
            ),
            RoadmapStep(id="dl", name="DL", unified_step="deep_learning", skills=["pytorch"]),
            RoadmapStep(
                id="ops", name="Ops", unified_step="mlops", skills=["docker", "kubernetes"]
            ),
        ],
    )
    load_roadmap_steps(skills_warehouse, [roadmap])
    counts = build_roadmap_step_demand(skills_warehouse)
    demand = skills_warehouse.table("roadmap_step_demand").pl().sort("step_order")

    assert demand["roadmap_title"].to_list() == ["tiny"] * 3  # untitled: named by its id
    columns = ["step_id", "postings", "postings_total", "n_skills", "skills_seen"]
    assert demand.select(columns).rows() == [
        ("code", 6, 9, 2, 2),  # p1 p2 p3 p4 p5 p7
        ("dl", 0, 9, 1, 0),
        ("ops", 2, 9, 2, 1),  # p4 p8
    ]
    for row in demand.iter_rows(named=True):
        share = row["postings"] / 9
        low, high = wilson(share, 9)
        assert row["share"] == pytest.approx(share)
        assert (row["ci_low"], row["ci_high"]) == pytest.approx((low, high))
    assert demand["ci_high"][1] == pytest.approx(Z**2 / (9 + Z**2))  # Wilson upper bound at 0/9

    top = skills_warehouse.table("roadmap_step_top_skills").pl().sort("step_id", "rank")
    assert top.select("step_id", "rank", "skill_id", "skill_name", "postings").rows() == [
        ("code", 1, "python", "Python", 5),
        ("code", 2, "sql", "SQL", 4),
        ("ops", 1, "docker", "Docker", 2),
    ]
    assert top["share"].to_list() == pytest.approx([5 / 9, 4 / 9, 2 / 9])
    assert counts == {"steps": 3, "top_skills": 3}
    assert contract_violations(skills_warehouse, "roadmap_step_demand").is_empty()


def test_top_skills_stop_at_five(con: duckdb.DuckDBPyConnection) -> None:
    skills = ["python", "sql", "spark", "docker", "pandas", "numpy", "scala"]
    # skills[k] is named by 7 - k postings, so the ranking is python > sql > ... > scala.
    rows = [(f"q{j}", s) for k, s in enumerate(skills) for j in range(7 - k)]
    insert(con, "postings", [posting(f"q{j}") for j in range(7)])
    insert(con, "skill_mentions", [mention(p, s) for p, s in rows])
    step = RoadmapStep(id="all", name="All", unified_step="programming", skills=skills)
    load_roadmap_steps(con, [Roadmap(id="r", title="R", steps=[step])])
    build_roadmap_step_demand(con)
    top = con.table("roadmap_step_top_skills").pl().sort("rank")
    assert top["skill_id"].to_list() == skills[:5]
    assert top["postings"].to_list() == [7, 6, 5, 4, 3]


def test_every_roadmap_loads(con: duckdb.DuckDBPyConnection) -> None:
    roadmaps = load_roadmaps()
    counts = load_roadmap_steps(con)
    steps = con.table("roadmap_step_skills").pl()

    assert counts["roadmaps"] == len(roadmaps) == steps["roadmap_id"].n_unique()
    assert counts["steps"] == sum(len(r.steps) for r in roadmaps)
    unified = steps.filter(pl.col("roadmap_id") == "unified")
    assert unified["step_id"].n_unique() == 9
    assert sorted(unified["step_order"].unique().to_list()) == list(range(1, 10))
    for roadmap in roadmaps:
        for step in roadmap.steps:
            key = (pl.col("roadmap_id") == roadmap.id) & (pl.col("step_id") == step.id)
            got = steps.filter(key)
            assert set(got["skill_id"]) == set(step.skills)
    assert contract_violations(con, "roadmap_step_skills").is_empty()


def test_marts_on_an_empty_warehouse(con: duckdb.DuckDBPyConnection) -> None:
    load_roadmap_steps(con)
    assert build_skill_cooccurrence(con) == 0
    assert build_salary_by_skill(con)["skills"] == 0
    counts = build_roadmap_step_demand(con)
    assert counts["top_skills"] == 0
    demand = con.table("roadmap_step_demand").pl()
    assert demand["share"].null_count() == demand.height == counts["steps"]
    for mart in ("skill_cooccurrence", "salary_by_skill", "roadmap_step_demand"):
        assert contract_violations(con, mart).is_empty()
