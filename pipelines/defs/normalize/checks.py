"""Checks on the postings table."""

import datetime as dt

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


FRESH_DAYS = 8


@dg.asset_check(
    asset=postings,
    description=f"warns when the newest posting is more than {FRESH_DAYS} days old",
)
def postings_freshness(warehouse: Warehouse) -> dg.AssetCheckResult:
    """Stale data is flagged (a warning: the bundled demo data is from 2024 and says so)."""
    with warehouse.connect() as con:
        latest = db.scalar(con, "checks/latest_posting")
    if latest is None:
        return dg.AssetCheckResult(
            passed=False, severity=dg.AssetCheckSeverity.WARN, metadata={"reason": "no postings"}
        )
    age = (dt.date.today() - latest).days
    return dg.AssetCheckResult(
        passed=age <= FRESH_DAYS,
        severity=dg.AssetCheckSeverity.WARN,
        metadata={"latest_posting": str(latest), "days_old": age, "limit_days": FRESH_DAYS},
    )
