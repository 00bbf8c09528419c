"""Where the numbers are computed: demand marts in SQL, then an atomic snapshot for readers."""

import datetime as dt

import dagster as dg

from pipelines.defs.normalize.assets import postings
from pipelines.defs.normalize.dedup import posting_clusters
from pipelines.defs.resources import Warehouse
from pipelines.defs.skills.assets import skill_mentions
from pipelines.defs.warehouse.coverage import (
    roadmap_step_demand,
    salary_by_skill,
    skill_cooccurrence,
)
from pipelines.defs.warehouse.reference import market_index, salaries
from pipelines.defs.warehouse.trends import emerging_term_growth, skill_growth
from pipelines.extraction import extractor
from warehouse import db, snapshots


@dg.asset(
    group_name="marts",
    kinds={"duckdb"},
    deps=[postings, posting_clusters, skill_mentions],
    description="Weekly share of postings mentioning each skill, total and unique (duplicates "
    "collapsed), with Wilson 95% intervals. Grain: (week starting Monday, skill).",
)
def weekly_skill_demand(warehouse: Warehouse) -> dg.MaterializeResult:
    """Rebuild the weekly demand mart."""
    with warehouse.connect() as con:
        db.run(con, "marts/weekly_skill_demand")
        rows = db.scalar(con, "marts/count_weekly_skill_demand")
        weeks = db.scalar(con, "marts/count_weeks")
    return dg.MaterializeResult(metadata={"rows": int(rows), "weeks": int(weeks)})


@dg.asset_check(
    asset=weekly_skill_demand, description="unique (week, skill); 0 ≤ ci_low ≤ share ≤ ci_high ≤ 1"
)
def weekly_skill_demand_contract(warehouse: Warehouse) -> dg.AssetCheckResult:
    """The mart's key is unique and every share sits inside its interval."""
    with warehouse.connect() as con:
        broken = db.fetch(con, "checks/weekly_demand_valid")
    return dg.AssetCheckResult(passed=broken.height == 0, metadata={"bad_rows": broken.height})


@dg.asset(
    group_name="marts",
    kinds={"duckdb"},
    deps=[postings, skill_mentions],
    description="Share of all postings mentioning each skill over the whole period, Wilson 95%.",
)
def skill_totals(warehouse: Warehouse) -> dg.MaterializeResult:
    """Rebuild the overall demand mart."""
    with warehouse.connect() as con:
        db.run(con, "marts/skill_totals")
        rows = db.scalar(con, "marts/count_skill_totals")
    return dg.MaterializeResult(metadata={"skills": int(rows)})


@dg.asset(
    group_name="marts",
    kinds={"duckdb"},
    deps=[skill_mentions],
    description="One row per (posting, canonical skill) with its mention count and strongest "
    "section (required > preferred > other). Grain: (posting_id, skill_id).",
)
def posting_skills(warehouse: Warehouse) -> dg.MaterializeResult:
    """Collapse mentions to one skill set per posting."""
    with warehouse.connect() as con:
        db.run(con, "marts/posting_skills")
        rows = db.scalar(con, "marts/count_posting_skills")
    return dg.MaterializeResult(metadata={"rows": int(rows)})


@dg.asset(
    group_name="publish",
    kinds={"duckdb", "parquet"},
    deps=[
        weekly_skill_demand,
        skill_totals,
        posting_skills,
        salaries,
        market_index,
        skill_cooccurrence,
        salary_by_skill,
        roadmap_step_demand,
        skill_growth,
        emerging_term_growth,
    ],
    description="All reader-facing tables as one Parquet snapshot, swapped in atomically so the "
    "dashboard never waits on, or sees half of, a refresh.",
)
def published_snapshot(warehouse: Warehouse) -> dg.MaterializeResult:
    """Record the refresh and publish a new snapshot."""
    skills = extractor()
    with warehouse.connect() as con:
        db.run(
            con,
            "publish/record_refresh",
            {
                "refreshed_at": dt.datetime.now(dt.UTC).replace(tzinfo=None),
                "skills_in_taxonomy": len(skills.taxonomy.skills),
                "extractor_version": skills.version,
            },
        )
        folder = snapshots.publish(con, warehouse.paths.published_dir, warehouse.weeks)
    return dg.MaterializeResult(
        metadata={
            "snapshot": dg.MetadataValue.path(str(folder)),
            "tables": len(snapshots.PUBLISHED_TABLES) + len(snapshots.LINKED_TABLES),
        }
    )
