"""Duplicate postings: exact copies, near-duplicates (MinHash LSH) and reposts, as clusters."""

import hashlib
from pathlib import Path

import dagster as dg
import polars as pl

from extractors import dedup as dedup_module
from extractors.dedup import DedupPosting, find_clusters
from pipelines.defs.normalize.assets import postings
from pipelines.defs.resources import Warehouse
from warehouse import db

CLUSTER_SCHEMA = {
    "posting_id": pl.String,
    "cluster_id": pl.String,
    "is_canonical": pl.Boolean,
    "first_seen": pl.Date,
    "last_seen": pl.Date,
    "reason": pl.String,
    "dedup_key": pl.String,
    "dedup_version": pl.String,
}
REPOST_WINDOW_DAYS = 60


def dedup_version() -> str:
    """Changes with the de-duplication code, so that every posting is clustered again."""
    source = Path(dedup_module.__file__).read_bytes()
    return hashlib.sha256(source + str(REPOST_WINDOW_DAYS).encode()).hexdigest()[:16]


@dg.asset(
    group_name="normalize",
    kinds={"duckdb", "datasketch"},
    deps=[postings],
    description="One row per posting: its duplicate cluster, whether it is the canonical "
    "(earliest) member, the cluster's first and last seen dates, and why it was merged. Only "
    "new or changed postings and the clusters within their repost window are re-clustered.",
)
def posting_clusters(
    context: dg.AssetExecutionContext, warehouse: Warehouse
) -> dg.MaterializeResult:
    """Cluster new and changed postings with the recent clusters they could join."""
    version = dedup_version()
    params = {"dedup_version": version, "window_days": REPOST_WINDOW_DAYS}
    with warehouse.connect() as con:
        frame = db.fetch(con, "dedup/affected", params)
        clusters = find_clusters(
            (DedupPosting(**row) for row in frame.iter_rows(named=True)),
            repost_window_days=REPOST_WINDOW_DAYS,
        )
        keys = dict(zip(frame["posting_id"], frame["key"], strict=True))
        rows = [
            {
                "posting_id": member,
                "cluster_id": c.cluster_id,
                "is_canonical": member == c.cluster_id,
                "first_seen": c.first_seen,
                "last_seen": c.last_seen,
                "reason": c.reasons.get(member),
                "dedup_key": keys[member],
                "dedup_version": version,
            }
            for c in clusters
            for member in c.member_ids
        ]
        con.register("incoming", pl.DataFrame(rows, schema=CLUSTER_SCHEMA))
        db.run(con, "dedup/replace_clusters")
        totals = db.fetch(con, "dedup/count_clusters").row(0, named=True)
    context.log.info(
        f"re-clustered {frame.height} postings; {totals['postings']} postings, "
        f"{totals['unique_postings']} unique"
    )
    return dg.MaterializeResult(
        metadata={
            "reclustered": frame.height,
            "postings": totals["postings"],
            "unique": totals["unique_postings"],
            "merged_duplicates": totals["postings"] - totals["unique_postings"],
        }
    )


@dg.asset_check(asset=posting_clusters, description="postings = unique + merged; all explained")
def posting_clusters_reconcile(warehouse: Warehouse) -> dg.AssetCheckResult:
    """Nothing lost in de-duplication: every posting is unique or a merged, explained duplicate."""
    with warehouse.connect() as con:
        r = db.fetch(con, "checks/clusters_reconcile").row(0, named=True)
    passed = (
        r["postings"] == r["clustered"] == r["unique_postings"] + r["merged"]
        and r["unexplained"] == 0
        and r["unclustered"] == 0
    )
    return dg.AssetCheckResult(passed=passed, metadata={k: int(v) for k, v in r.items()})
