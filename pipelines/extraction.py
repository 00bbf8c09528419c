"""Where a skill is recognised in the pipeline: postings through the spaCy ``skill_matcher``.

Pure work, no Dagster: the ``skill_mentions`` asset plans each week (which postings to extract,
which stored rows to keep) and hands chunks of postings to :func:`extract_chunk`, in worker
processes when there are many.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache

import polars as pl

from extractors.skills import SkillExtractor
from warehouse.partitions import TABLES, WeeklyTables

CHUNK = 1_000  # postings per unit of work handed to a process
KEYS = ["posting_id", "content_hash"]


@cache
def extractor() -> SkillExtractor:
    """One extractor per process; the pipeline is built on first use."""
    return SkillExtractor()


@dataclass(frozen=True)
class WeekPlan:
    """One week's stored rows to keep and the postings to extract afresh."""

    week: dt.date
    kept: dict[str, pl.DataFrame]
    todo: pl.DataFrame  # posting_id, content_hash, description

    def chunks(self) -> list[pl.DataFrame]:
        """The postings to extract in chunks of ``CHUNK`` (one empty chunk when none)."""
        sizes = range(0, self.todo.height, CHUNK)
        return [self.todo.slice(offset, CHUNK) for offset in sizes] or [self.todo]

    def assemble(self, fresh: list[dict[str, pl.DataFrame]]) -> dict[str, pl.DataFrame]:
        """The week's tables: kept rows plus the fresh chunks, sorted by posting."""
        return {
            table: pl.concat(
                [self.kept[table], *(f[table] for f in fresh)], how="vertical_relaxed"
            ).sort("posting_id", maintain_order=True)
            for table in TABLES
        }


def plan_week(
    version: str,
    week: dt.date,
    week_postings: pl.DataFrame,
    weeks: WeeklyTables,
    *,
    force: bool = False,
) -> WeekPlan:
    """Keep stored rows of postings whose text ``version`` already read; extract the rest."""
    stored = weeks.read("extraction_log", week).filter(pl.col("extractor_version") == version)
    keys = week_postings.select(KEYS)
    kept = keys.clear()
    if not force:
        kept = keys.join(stored.select(KEYS), on=KEYS, how="semi")
    return WeekPlan(
        week=week,
        kept={t: weeks.read(t, week).join(kept, on=KEYS, how="semi") for t in TABLES},
        todo=week_postings.join(kept, on=KEYS, how="anti"),
    )


def extract_chunk(
    item: tuple[dt.date, pl.DataFrame],
) -> tuple[dt.date, dict[str, pl.DataFrame]]:
    """Mentions, candidate terms and a log row per posting for one chunk of a week."""
    week, todo = item
    skills = extractor()
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
    return week, {
        "skill_mentions": pl.DataFrame(rows, schema=TABLES["skill_mentions"]),
        "term_candidates": pl.DataFrame(terms, schema=TABLES["term_candidates"]),
        "extraction_log": pl.DataFrame(log, schema=TABLES["extraction_log"]),
    }
