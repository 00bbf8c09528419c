"""Coverage marts: which skills go together, what they pay, how much demand each step covers.

The computations are plain functions over a DuckDB connection (SQL in ``warehouse/sql``), so
tests run them on an in-memory database; the assets below only wrap them.
"""

from collections.abc import Sequence
from functools import cache

import dagster as dg
import duckdb
import polars as pl

from extractors.roadmaps import Roadmap, load_roadmaps
from extractors.skills.taxonomy import Taxonomy, load_taxonomy
from pipelines.defs.normalize.assets import postings
from pipelines.defs.normalize.dedup import posting_clusters
from pipelines.defs.resources import Warehouse
from pipelines.defs.skills.assets import skill_mentions
from warehouse import db

#: Pairs co-mentioned in fewer unique postings than this are left out of ``skill_cooccurrence``.
MIN_SUPPORT = 5
#: Salary cells with fewer postings than this, on either side, are suppressed.
MIN_CELL_N = 10
#: The contract query of each table (a closed list: the name picks the SQL file).
_CHECKS = {
    "roadmap_step_skills": "roadmap_step_skills_valid",
    "skill_cooccurrence": "skill_cooccurrence_valid",
    "salary_by_skill": "salary_by_skill_valid",
    "roadmap_step_demand": "roadmap_step_demand_valid",
}

ROADMAP_STEP_SCHEMA = {
    "roadmap_id": pl.String,
    "roadmap_title": pl.String,
    "step_order": pl.Int32,
    "step_id": pl.String,
    "step_name": pl.String,
    "unified_step": pl.String,
    "skill_id": pl.String,
    "skill_name": pl.String,
}


@cache
def _taxonomy() -> Taxonomy:
    return load_taxonomy()


def roadmap_step_frame(roadmaps: Sequence[Roadmap], taxonomy: Taxonomy) -> pl.DataFrame:
    """One row per (roadmap, step, skill); steps numbered from 1, untitled roadmaps named by id."""
    names = {s.id: s.name for s in taxonomy.skills}
    rows = [
        {
            "roadmap_id": roadmap.id,
            "roadmap_title": roadmap.title or roadmap.id,
            "step_order": order,
            "step_id": step.id,
            "step_name": step.name,
            "unified_step": step.unified_step,
            "skill_id": skill_id,
            "skill_name": names.get(skill_id, skill_id),
        }
        for roadmap in roadmaps
        for order, step in enumerate(roadmap.steps, start=1)
        for skill_id in dict.fromkeys(step.skills)
    ]
    return pl.DataFrame(rows, schema=ROADMAP_STEP_SCHEMA)


def load_roadmap_steps(
    con: duckdb.DuckDBPyConnection,
    roadmaps: Sequence[Roadmap] | None = None,
    taxonomy: Taxonomy | None = None,
) -> dict[str, int]:
    """Replace ``roadmap_step_skills`` with every roadmap (default: the bundled ones)."""
    frame = roadmap_step_frame(
        load_roadmaps() if roadmaps is None else roadmaps,
        _taxonomy() if taxonomy is None else taxonomy,
    )
    con.register("incoming", frame)
    try:
        db.run(con, "reference/replace_roadmap_step_skills")
    finally:
        con.unregister("incoming")
    return _counts(con, "reference/count_roadmap_step_skills")


def build_skill_cooccurrence(
    con: duckdb.DuckDBPyConnection, *, min_support: int = MIN_SUPPORT
) -> int:
    """Rebuild ``skill_cooccurrence``; returns its row count."""
    db.run(con, "marts/skill_cooccurrence", {"min_support": min_support})
    return int(db.scalar(con, "marts/count_skill_cooccurrence"))


def build_salary_by_skill(
    con: duckdb.DuckDBPyConnection, *, min_cell_n: int = MIN_CELL_N
) -> dict[str, int]:
    """Rebuild ``salary_by_skill`` and ``salary_by_skill_cell``; returns their counts."""
    db.run(con, "marts/salary_by_skill", {"min_cell_n": min_cell_n})
    return _counts(con, "marts/count_salary_by_skill")


def build_roadmap_step_demand(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Rebuild ``roadmap_step_demand`` and ``roadmap_step_top_skills``; returns their counts."""
    db.run(con, "marts/roadmap_step_demand")
    return _counts(con, "marts/count_roadmap_step_demand")


def contract_violations(
    con: duckdb.DuckDBPyConnection,
    mart: str,
    *,
    min_support: int = MIN_SUPPORT,
    min_cell_n: int = MIN_CELL_N,
) -> pl.DataFrame:
    """Rows of ``mart`` that break its data contract (empty when the contract holds)."""
    params: dict[str, object] = {
        "min_support": min_support,
        "min_cell_n": min_cell_n,
        "unified_steps": list(_taxonomy().step_ids),
    }
    return db.fetch(con, f"checks/{_CHECKS[mart]}", params)


def _counts(con: duckdb.DuckDBPyConnection, name: str) -> dict[str, int]:
    return {k: int(v) for k, v in db.fetch(con, name).row(0, named=True).items()}


class CooccurrenceConfig(dg.Config):
    """How often a pair must be co-mentioned to be kept."""

    min_support: int = MIN_SUPPORT


class SalaryConfig(dg.Config):
    """The smallest number of postings a salary cell may show a number for."""

    min_cell_n: int = MIN_CELL_N


@dg.asset(
    group_name="reference",
    kinds={"duckdb"},
    description="Every roadmap (unified + seed articles) as one row per (roadmap, step, skill), "
    "in step order.",
)
def roadmap_steps(warehouse: Warehouse) -> dg.MaterializeResult:
    """Load the bundled roadmaps into ``roadmap_step_skills``."""
    with warehouse.connect() as con:
        counts = load_roadmap_steps(con)
    return dg.MaterializeResult(metadata=counts)


@dg.asset(
    group_name="marts",
    kinds={"duckdb"},
    deps=[postings, posting_clusters, skill_mentions],
    description="Pairs of skills co-mentioned in unique postings: counts, support, lift and PMI. "
    "Grain: (skill_a, skill_b), skill_a < skill_b, n_ab ≥ min_support.",
)
def skill_cooccurrence(config: CooccurrenceConfig, warehouse: Warehouse) -> dg.MaterializeResult:
    """Rebuild the co-occurrence mart."""
    with warehouse.connect() as con:
        rows = build_skill_cooccurrence(con, min_support=config.min_support)
    return dg.MaterializeResult(metadata={"rows": rows, "min_support": config.min_support})


@dg.asset(
    group_name="marts",
    kinds={"duckdb"},
    deps=[postings, posting_clusters, skill_mentions],
    description="Annual USD pay of unique postings by skill (n, p25, median, p75) and its premium "
    "over postings of the same role family, seniority and country without it; cells under "
    "min_cell_n postings are suppressed. Grain: skill_id (cells in salary_by_skill_cell).",
)
def salary_by_skill(config: SalaryConfig, warehouse: Warehouse) -> dg.MaterializeResult:
    """Rebuild the salary-by-skill marts."""
    with warehouse.connect() as con:
        counts = build_salary_by_skill(con, min_cell_n=config.min_cell_n)
    return dg.MaterializeResult(metadata={**counts, "min_cell_n": config.min_cell_n})


@dg.asset(
    group_name="marts",
    kinds={"duckdb"},
    deps=[postings, posting_clusters, skill_mentions, roadmap_steps],
    description="Share of unique postings naming at least one skill of each roadmap step, with "
    "Wilson 95% intervals, and each step's top five skills. Grain: (roadmap_id, step_id).",
)
def roadmap_step_demand(warehouse: Warehouse) -> dg.MaterializeResult:
    """Rebuild the roadmap step demand marts."""
    with warehouse.connect() as con:
        counts = build_roadmap_step_demand(con)
    return dg.MaterializeResult(metadata=counts)


def _check(warehouse: Warehouse, mart: str, **params: int) -> dg.AssetCheckResult:
    with warehouse.connect() as con:
        broken = contract_violations(con, mart, **params)
    return dg.AssetCheckResult(
        passed=broken.height == 0,
        metadata={"bad_rows": broken.height, "sample": dg.MetadataValue.md(_sample(broken))},
    )


def _sample(broken: pl.DataFrame) -> str:
    if broken.is_empty():
        return "none"
    return "\n".join(f"- {row}" for row in broken.head(5).iter_rows(named=True))


def _latest_setting(context: dg.AssetCheckExecutionContext, key: dg.AssetKey, name: str) -> int:
    """The setting the asset's last materialization used (its metadata), else the default."""
    defaults = {"min_support": MIN_SUPPORT, "min_cell_n": MIN_CELL_N}
    event = context.instance.get_latest_materialization_event(key)
    meta = event.asset_materialization.metadata if event and event.asset_materialization else {}
    return int(meta[name].value) if name in meta else defaults[name]


@dg.asset_check(
    asset=roadmap_steps,
    description="unique (roadmap, step, skill); no missing values; unified steps from the taxonomy",
)
def roadmap_steps_contract(warehouse: Warehouse) -> dg.AssetCheckResult:
    """Every row is keyed, complete and maps to a known unified step."""
    return _check(warehouse, "roadmap_step_skills")


@dg.asset_check(
    asset=skill_cooccurrence,
    description="unique ordered pairs; n_ab ≥ min_support; 0 ≤ support ≤ 1; lift > 0; "
    "pmi = log2(lift)",
)
def skill_cooccurrence_contract(
    context: dg.AssetCheckExecutionContext, warehouse: Warehouse
) -> dg.AssetCheckResult:
    """Pairs are unique and ordered, counts consistent, measures in range."""
    min_support = _latest_setting(context, skill_cooccurrence.key, "min_support")
    return _check(warehouse, "skill_cooccurrence", min_support=min_support)


@dg.asset_check(
    asset=salary_by_skill,
    description="unique keys; cells and skills under min_cell_n are flagged and show no numbers; "
    "p25 ≤ median ≤ p75",
)
def salary_by_skill_contract(
    context: dg.AssetCheckExecutionContext, warehouse: Warehouse
) -> dg.AssetCheckResult:
    """Suppression is applied exactly where the counts call for it."""
    min_cell_n = _latest_setting(context, salary_by_skill.key, "min_cell_n")
    return _check(warehouse, "salary_by_skill", min_cell_n=min_cell_n)


@dg.asset_check(
    asset=roadmap_step_demand,
    description="unique (roadmap, step) and (roadmap, step, rank); 0 ≤ ci_low ≤ share ≤ ci_high ≤ "
    "1; known unified steps; ranks 1..5 in order",
)
def roadmap_step_demand_contract(warehouse: Warehouse) -> dg.AssetCheckResult:
    """Every share sits inside its interval and the top skills are ranked."""
    return _check(warehouse, "roadmap_step_demand")
