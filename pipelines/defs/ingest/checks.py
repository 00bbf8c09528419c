"""Checks on the raw layer."""

import dagster as dg

from pipelines.defs.ingest.assets import raw_postings
from pipelines.defs.resources import Warehouse
from warehouse import db


@dg.asset_check(asset=raw_postings, description="rows read = stored + duplicates + quarantined")
def raw_postings_counts_reconcile(warehouse: Warehouse) -> dg.AssetCheckResult:
    """Every record read from a file is stored, a duplicate, or quarantined."""
    with warehouse.connect() as con:
        broken = db.fetch(con, "checks/ingest_reconciles")
    return dg.AssetCheckResult(
        passed=broken.height == 0,
        metadata={"files_not_reconciling": broken.height, "detail": str(broken.to_dicts()[:5])},
    )
