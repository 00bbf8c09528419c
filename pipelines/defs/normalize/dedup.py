"""Duplicate postings: exact copies, near-duplicates (MinHash LSH) and reposts, as clusters."""

import dagster as dg
import polars as pl

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
}


@dg.asset(
    group_name="normalize",
    kinds={"duckdb", "datasketch"},
    deps=[postings],
    description="One row per posting: its duplicate cluster, whether it is the canonical "
    "(earliest) member, the cluster's first and last seen dates, and why it was merged.",
)
def posting_clusters(
    context: dg.AssetExecutionContext, warehouse: Warehouse
) -> dg.MaterializeResult:
    """Cluster all postings across sources."""
    with warehouse.connect() as con:
        frame = db.fetch(con, "dedup/postings_for_dedup")
        clusters = find_clusters(DedupPosting(**row) for row in frame.iter_rows(named=True))
        rows = [
            {
                "posting_id": member,
                "cluster_id": c.cluster_id,
                "is_canonical": member == c.cluster_id,
                "first_seen": c.first_seen,
                "last_seen": c.last_seen,
                "reason": c.reasons.get(member),
            }
            for c in clusters
            for member in c.member_ids
        ]
        con.register("incoming", pl.DataFrame(rows, schema=CLUSTER_SCHEMA))
        db.run(con, "dedup/replace_clusters")
    merged = sum(len(c.member_ids) - 1 for c in clusters)
    context.log.info(f"{frame.height} postings, {len(clusters)} unique, {merged} merged")
    return dg.MaterializeResult(
        metadata={"postings": frame.height, "unique": len(clusters), "merged_duplicates": merged}
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
