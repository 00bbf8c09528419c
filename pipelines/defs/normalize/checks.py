"""Checks on the postings table."""

import dagster as dg

from pipelines.defs.normalize.assets import postings
from pipelines.defs.resources import Warehouse
from warehouse import db


@dg.asset_check(asset=postings, description="raw = posted + superseded + quarantined")
def postings_counts_reconcile(warehouse: Warehouse) -> dg.AssetCheckResult:
    """The latest normalisation accounts for every raw record, and the tables agree with it."""
    with warehouse.connect() as con:
        frame = db.fetch(con, "checks/normalize_reconciles")
    if frame.height == 0:
        return dg.AssetCheckResult(passed=False, metadata={"reason": "never normalised"})
    r = frame.row(0, named=True)
    passed = (
        r["rows_raw"] == r["rows_posted"] + r["rows_superseded"] + r["rows_quarantined"]
        and r["rows_raw"] == r["raw_now"]
        and r["rows_posted"] == r["postings_now"]
        and r["rows_quarantined"] == r["quarantined_now"]
    )
    return dg.AssetCheckResult(
        passed=passed, metadata={k: int(v) for k, v in r.items() if k != "normalized_at"}
    )
