"""Where a skill is recognised in the pipeline: postings through the spaCy ``skill_matcher``.

``skill_mentions`` is partitioned by posting week (weeks start on Monday). A partition's run
replaces that week's files (delete, then insert), so re-materialising a week is idempotent.
Postings whose text this extractor version already read are reused unless ``force`` is set.
Partitions share no lock: several runs may extract different weeks at once.
"""

import datetime as dt
from dataclasses import dataclass
from functools import cache

import dagster as dg
import polars as pl
from pydantic import Field

from extractors.skills import SkillExtractor
from pipelines.defs.normalize.assets import postings
from pipelines.defs.resources import Warehouse
from warehouse import db
from warehouse.partitions import TABLES, WeeklyTables

FIRST_WEEK = "2015-01-05"  # a Monday; postings dated earlier than this are not extracted
WEEKS = dg.WeeklyPartitionsDefinition(start_date=FIRST_WEEK, day_offset=1, end_offset=1)


RANGE_START_TAG = "dagster/asset_partition_range_start"
RANGE_END_TAG = "dagster/asset_partition_range_end"


def all_weeks_tags() -> dict[str, str]:
    """Run tags for a run over every week up to the current one (the refresh's default)."""
    keys = WEEKS.get_partition_keys()
    return {RANGE_START_TAG: keys[0], RANGE_END_TAG: keys[-1]}


@cache
def extractor() -> SkillExtractor:
    """One extractor per process; the pipeline is built on first use."""
    return SkillExtractor()


class ExtractionConfig(dg.Config):
    """How a run treats postings that were extracted before."""

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
    skills = extractor()
    window = context.partition_key_range
    params = {
        "extractor_version": skills.version,
        "first_week": dt.date.fromisoformat(window.start),
        "last_week": dt.date.fromisoformat(window.end),
        "force": config.force,
    }
    extracted = mentions = 0
    with warehouse.reader() as con:
        weeks = db.fetch(con, "skills/weeks_to_extract", params)
        todo = int(weeks["postings"].sum()) if config.force else int(weeks["pending"].sum())
        context.log.info(f"{weeks.height} weeks of the run need extraction ({todo} postings)")
        for done, week in enumerate(weeks["week"], start=1):
            frame = db.fetch(con, "skills/week_postings", {"week": week})
            result = extract_week(skills, week, frame, warehouse.weeks, force=config.force)
            warehouse.weeks.write(week, result.frames)
            extracted += result.extracted
            mentions += result.frames["skill_mentions"].height
            context.log.info(
                f"extracted {extracted}/{todo} postings (week {week}, {done}/{weeks.height})"
            )
        totals = db.fetch(con, "skills/totals").row(0, named=True)
    reused = int(totals["postings"]) - extracted
    context.log.info(f"extracted {extracted} postings, reused {reused} unchanged ones")
    return dg.MaterializeResult(
        metadata={
            "weeks_extracted": weeks.height,
            "postings_extracted": extracted,
            "postings_reused": reused,
            "mentions_in_weeks": mentions,
            "mentions_total": int(totals["mentions"]),
            "postings_total": int(totals["postings"]),
            "extractor_version": skills.version,
            "skills_in_taxonomy": len(skills.taxonomy.skills),
        }
    )


@dataclass(frozen=True)
class WeekExtraction:
    """One week's new table frames and how many postings were extracted or reused."""

    frames: dict[str, pl.DataFrame]
    extracted: int
    reused: int


def extract_week(
    skills: SkillExtractor,
    week: dt.date,
    week_postings: pl.DataFrame,
    weeks: WeeklyTables,
    *,
    force: bool = False,
) -> WeekExtraction:
    """The week's rows: stored rows of unchanged postings plus fresh ones for the rest."""
    keys = week_postings.select("posting_id", "content_hash")
    stored = weeks.read("extraction_log", week).filter(
        pl.col("extractor_version") == skills.version
    )
    kept = pl.DataFrame(schema={"posting_id": pl.String, "content_hash": pl.String})
    if not force:
        kept = keys.join(stored.select("posting_id", "content_hash"), on=keys.columns, how="semi")
    todo = week_postings.join(kept, on=keys.columns, how="anti")
    fresh = _extract(skills, week, todo)
    frames = {
        table: pl.concat(
            [weeks.read(table, week).join(kept, on=keys.columns, how="semi"), fresh[table]],
            how="vertical_relaxed",
        ).sort("posting_id")
        for table in TABLES
    }
    return WeekExtraction(frames, extracted=todo.height, reused=kept.height)


def _extract(skills: SkillExtractor, week: dt.date, todo: pl.DataFrame) -> dict[str, pl.DataFrame]:
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    rows: list[dict[str, object]] = []
    terms: list[dict[str, object]] = []
    log: list[dict[str, object]] = []
    ids, hashes = todo["posting_id"].to_list(), todo["content_hash"].to_list()
    found = skills.analyse_many(todo["description"].to_list())
    for posting_id, digest, result in zip(ids, hashes, found, strict=True):
        key = {"posted_week": week, "posting_id": posting_id, "content_hash": digest}
        terms.extend(
            {**key, "term": c.term, "start_char": c.start, "end_char": c.end}
            for c in result.candidates
        )
        rows.extend(
            {
                **key,
                "skill_id": m.skill_id,
                "skill_name": m.name,
                "category": m.category,
                "step": m.step,
                "start_char": m.start,
                "end_char": m.end,
                "surface": m.text,
                "section": m.section,
            }
            for m in result.mentions
        )
        log.append(
            {
                **key,
                "extractor_version": skills.version,
                "n_mentions": len(result.mentions),
                "extracted_at": now,
            }
        )
    return {
        "skill_mentions": pl.DataFrame(rows, schema=TABLES["skill_mentions"]),
        "term_candidates": pl.DataFrame(terms, schema=TABLES["term_candidates"]),
        "extraction_log": pl.DataFrame(log, schema=TABLES["extraction_log"]),
    }
