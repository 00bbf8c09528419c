"""Where a skill is recognised in the pipeline: postings through the spaCy ``skill_matcher``."""

import datetime as dt
from functools import cache

import dagster as dg
import polars as pl

from extractors.skills import SkillExtractor
from pipelines.defs.normalize.assets import postings
from pipelines.defs.resources import Warehouse
from warehouse import db

CHUNK = 250
MENTION_SCHEMA = {
    "posting_id": pl.String,
    "content_hash": pl.String,
    "skill_id": pl.String,
    "skill_name": pl.String,
    "category": pl.String,
    "step": pl.String,
    "start_char": pl.Int32,
    "end_char": pl.Int32,
    "surface": pl.String,
    "section": pl.String,
}
CANDIDATE_SCHEMA = {
    "posting_id": pl.String,
    "content_hash": pl.String,
    "term": pl.String,
    "start_char": pl.Int32,
    "end_char": pl.Int32,
}
LOG_SCHEMA = {
    "content_hash": pl.String,
    "extractor_version": pl.String,
    "n_mentions": pl.Int32,
    "extracted_at": pl.Datetime("us"),
}


@cache
def extractor() -> SkillExtractor:
    """One extractor per process; the pipeline is built on first use."""
    return SkillExtractor()


@dg.asset(
    group_name="skills",
    kinds={"duckdb", "spacy"},
    deps=[postings],
    description="Skill mentions with character offsets. Only postings whose content or the "
    "extractor changed are extracted; the rest are reused.",
)
def skill_mentions(context: dg.AssetExecutionContext, warehouse: Warehouse) -> dg.MaterializeResult:
    """Extract skills from new or changed postings."""
    skills = extractor()
    version = skills.version
    params = {"extractor_version": version}
    extracted = mentions_added = 0
    with warehouse.connect() as con:
        pending = db.fetch(con, "skills/pending", params)
        total = pending.height
        for offset in range(0, total, CHUNK):
            chunk = pending.slice(offset, CHUNK)
            mentions, candidates, log = _extract(skills, chunk, version)
            con.register("incoming_mentions", mentions)
            con.register("incoming_candidates", candidates)
            con.register("incoming_log", log)
            con.begin()
            db.run(con, "skills/insert_mentions")
            con.commit()
            extracted += chunk.height
            mentions_added += mentions.height
            context.log.info(f"extracted {extracted}/{total} postings")
        db.run(con, "skills/prune", params)
        stored = int(db.scalar(con, "skills/count_mentions"))
        reused = int(db.scalar(con, "skills/count_postings")) - extracted
    context.log.info(f"extracted {extracted} postings, reused {reused} unchanged ones")
    return dg.MaterializeResult(
        metadata={
            "postings_extracted": extracted,
            "postings_reused": reused,
            "mentions_added": mentions_added,
            "mentions_total": stored,
            "extractor_version": version,
            "skills_in_taxonomy": len(skills.taxonomy.skills),
        }
    )


def _extract(
    skills: SkillExtractor, chunk: pl.DataFrame, version: str
) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    rows: list[dict[str, object]] = []
    terms: list[dict[str, object]] = []
    log: list[dict[str, object]] = []
    ids, hashes = chunk["posting_id"].to_list(), chunk["content_hash"].to_list()
    found = skills.analyse_many(chunk["description"].to_list())
    for posting_id, digest, result in zip(ids, hashes, found, strict=True):
        mentions = result.mentions
        terms.extend(
            {
                "posting_id": posting_id,
                "content_hash": digest,
                "term": c.term,
                "start_char": c.start,
                "end_char": c.end,
            }
            for c in result.candidates
        )
        rows.extend(
            {
                "posting_id": posting_id,
                "content_hash": digest,
                "skill_id": m.skill_id,
                "skill_name": m.name,
                "category": m.category,
                "step": m.step,
                "start_char": m.start,
                "end_char": m.end,
                "surface": m.text,
                "section": m.section,
            }
            for m in mentions
        )
        log.append(
            {
                "content_hash": digest,
                "extractor_version": version,
                "n_mentions": len(mentions),
                "extracted_at": now,
            }
        )
    return (
        pl.DataFrame(rows, schema=MENTION_SCHEMA),
        pl.DataFrame(terms, schema=CANDIDATE_SCHEMA),
        pl.DataFrame(log, schema=LOG_SCHEMA),
    )
