"""Trend marts: skills rising or falling over 12 weeks and year over year, and emerging terms.

The logic lives in :mod:`warehouse.trends` (SQL counts, then tests in plain Python); these assets
pick the as-of week (the latest ``posted_week``), rebuild the tables and check their contracts.
"""

import dagster as dg

from pipelines.defs.normalize.assets import postings
from pipelines.defs.normalize.dedup import posting_clusters
from pipelines.defs.resources import Warehouse
from pipelines.defs.skills.assets import skill_mentions
from warehouse import db, trends


@dg.asset(
    group_name="marts",
    kinds={"duckdb"},
    deps=[postings, posting_clusters, skill_mentions],
    description="Per skill, its share of unique postings in the latest 12 weeks against the 12 "
    "weeks before ('12w') and the same 12 weeks a year earlier ('yoy'): change in percentage "
    "points, Newcombe 95% interval, two-proportion z-test p, Benjamini–Hochberg q per comparison, "
    "direction at q < 0.05, and an index against the first 12 weeks (=100). "
    "Grain: (skill_id, comparison).",
)
def skill_growth(context: dg.AssetExecutionContext, warehouse: Warehouse) -> dg.MaterializeResult:
    """Rebuild the skill growth mart as of the latest week with postings."""
    with warehouse.connect() as con:
        as_of = trends.latest_week(con)
        frame = trends.build_skill_growth(con, as_of)
    directions = frame.group_by("comparison", "direction").len()
    counts = {
        f"{c}_{d or 'untested'}": int(n)
        for c, d, n in directions.sort("comparison", "direction").iter_rows()
    }
    context.log.info(f"skill growth as of {as_of}: {frame.height} rows, {counts}")
    return dg.MaterializeResult(
        metadata={"rows": frame.height, "as_of": str(as_of), **counts},
    )


@dg.asset_check(
    asset=skill_growth,
    description="unique, non-null (skill_id, comparison); comparison in (12w, yoy); direction in "
    "(riser, faller, flat) and null only when untested; p ≤ q ≤ 1; diff_low ≤ diff ≤ diff_high, "
    "null only when a side has no postings",
)
def skill_growth_contract(warehouse: Warehouse) -> dg.AssetCheckResult:
    """The skill growth mart keeps its data contract."""
    with warehouse.connect() as con:
        broken = db.fetch(con, "checks/skill_growth_valid").row(0, named=True)
    return dg.AssetCheckResult(
        passed=not any(broken.values()),
        metadata={rule: int(n) for rule, n in broken.items()},
    )


@dg.asset(
    group_name="marts",
    kinds={"duckdb"},
    deps=[postings, posting_clusters, skill_mentions],
    description="Candidate terms outside the taxonomy by growth: unique postings in the latest 12 "
    "weeks against the 12 before, support (distinct postings), growth ratio with +1 smoothing, "
    "ranked by growth * ln(support) where support ≥ 3. Grain: term.",
)
def emerging_term_growth(
    context: dg.AssetExecutionContext, warehouse: Warehouse
) -> dg.MaterializeResult:
    """Rebuild the emerging-term growth mart as of the latest week with postings."""
    with warehouse.connect() as con:
        as_of = trends.latest_week(con)
        counts = trends.build_emerging_term_growth(con, as_of)
    context.log.info(f"emerging term growth as of {as_of}: {counts}")
    return dg.MaterializeResult(metadata={"rows": counts["terms"], "as_of": str(as_of), **counts})


@dg.asset_check(
    asset=emerging_term_growth,
    description="unique, non-null term; current + previous ≤ support; ranked exactly when "
    "support ≥ 3, with distinct ranks",
)
def emerging_term_growth_contract(warehouse: Warehouse) -> dg.AssetCheckResult:
    """The emerging-term growth mart keeps its data contract."""
    with warehouse.connect() as con:
        broken = db.fetch(con, "checks/emerging_term_growth_valid").row(0, named=True)
    return dg.AssetCheckResult(
        passed=not any(broken.values()),
        metadata={rule: int(n) for rule, n in broken.items()},
    )
