"""The ``skill_mentions`` asset, partitioned by posting week (weeks start on Monday).

A partition's run replaces that week's files (delete, then insert), so re-materialising a week
is idempotent. Postings whose text this extractor version already read are reused unless
``force`` is set. Chunks of postings are extracted in worker processes, and partitions share no
lock, so several runs may also extract different weeks at once.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator

import dagster as dg
import polars as pl
from pydantic import Field

from pipelines.defs.normalize.assets import postings
from pipelines.defs.resources import Warehouse, WorkersConfig, resolve_workers
from pipelines.extraction import CHUNK, WeekPlan, extract_chunk, extractor, plan_week
from pipelines.pool import ordered_map
from warehouse import db

FIRST_WEEK = "2015-01-05"  # a Monday; postings dated earlier than this are not extracted
WEEKS = dg.WeeklyPartitionsDefinition(start_date=FIRST_WEEK, day_offset=1, end_offset=1)
RANGE_START_TAG = "dagster/asset_partition_range_start"
RANGE_END_TAG = "dagster/asset_partition_range_end"


def all_weeks_tags() -> dict[str, str]:
    """Run tags for a run over every week up to the current one (the refresh's default)."""
    keys = WEEKS.get_partition_keys()
    return {RANGE_START_TAG: keys[0], RANGE_END_TAG: keys[-1]}


class ExtractionConfig(WorkersConfig):
    """How a run treats postings that were extracted before, and how many processes it uses."""

    force: bool = Field(
        default=False,
        description="Re-extract every posting of the weeks, not only new or changed ones.",
    )


@dg.asset(
    group_name="skills",
    kinds={"parquet", "spacy"},
    deps=[postings],
    partitions_def=WEEKS,
    backfill_policy=dg.BackfillPolicy.multi_run(max_partitions_per_run=52),
    description="Skill mentions with character offsets, and tech terms outside the taxonomy, "
    "one Parquet file per posting week. Only postings whose text or the extractor changed are "
    "extracted; the rest are reused.",
)
def skill_mentions(
    context: dg.AssetExecutionContext, config: ExtractionConfig, warehouse: Warehouse
) -> dg.MaterializeResult:
    """Extract skills for the weeks of this run that have new, changed or stale postings."""
    version = extractor().version
    window = context.partition_key_range
    params = {
        "extractor_version": version,
        "first_week": dt.date.fromisoformat(window.start),
        "last_week": dt.date.fromisoformat(window.end),
        "force": config.force,
    }
    with warehouse.reader() as con:
        weeks = db.fetch(con, "skills/weeks_to_extract", params)
    todo = int(weeks["postings" if config.force else "pending"].sum())
    workers = resolve_workers(config.workers) if todo > CHUNK else 1
    context.log.info(
        f"{weeks.height} weeks of the run need extraction ({todo} postings, {workers} "
        f"process{'es' if workers > 1 else ''})"
    )
    plans: dict[dt.date, WeekPlan] = {}
    waiting: dict[dt.date, int] = {}  # chunks of each planned week not yet extracted
    fresh: dict[dt.date, list[dict[str, pl.DataFrame]]] = defaultdict(list)

    def chunks() -> Iterator[tuple[dt.date, pl.DataFrame]]:
        with warehouse.reader() as con:
            for week in weeks["week"]:
                frame = db.fetch(con, "skills/week_postings", {"week": week})
                plans[week] = plan_week(version, week, frame, warehouse.weeks, force=config.force)
                waiting[week] = len(plans[week].chunks())
                yield from ((week, chunk) for chunk in plans[week].chunks())

    extracted = written = 0
    for week, frames in ordered_map(extract_chunk, chunks(), workers=workers):
        fresh[week].append(frames)
        waiting[week] -= 1
        if waiting[week]:
            continue
        plan = plans.pop(week)
        warehouse.weeks.write(week, plan.assemble(fresh.pop(week)))
        extracted, written = extracted + plan.todo.height, written + 1
        context.log.info(
            f"extracted {extracted}/{todo} postings (week {week}, {written}/{weeks.height})"
        )
    with warehouse.reader() as con:
        totals = db.fetch(con, "skills/totals").row(0, named=True)
    reused = int(totals["postings"]) - extracted
    context.log.info(f"extracted {extracted} postings, reused {reused} unchanged ones")
    return dg.MaterializeResult(
        metadata={
            "weeks_extracted": weeks.height,
            "postings_extracted": extracted,
            "postings_reused": reused,
            "mentions_total": int(totals["mentions"]),
            "postings_total": int(totals["postings"]),
            "extractor_version": version,
            "skills_in_taxonomy": len(extractor().taxonomy.skills),
            "processes": workers,
        }
    )
