"""Checks on the postings table."""

import datetime as dt

import dagster as dg

from pipelines.defs.normalize.assets import postings
from pipelines.defs.resources import Warehouse
from warehouse import db


@dg.asset_check(asset=postings, description="raw = normalised = posted + superseded + quarantined")
def postings_counts_reconcile(warehouse: Warehouse) -> dg.AssetCheckResult:
    """Every raw record is normalised once by the current normaliser and the tables agree."""
    with warehouse.connect() as con:
        r = db.fetch(con, "checks/normalize_reconciles").row(0, named=True)
    passed = (
        r["raw_now"] == r["records_normalized"]
        and r["posting_ids"] == r["postings_now"]
        and r["records_quarantined"] == r["quarantined_now"]
        and r["postings_unexplained"] == 0
        and r["versions"] <= 1
    )
    superseded = r["records_posted"] - r["postings_now"]
    return dg.AssetCheckResult(
        passed=passed, metadata={**{k: int(v) for k, v in r.items()}, "superseded": superseded}
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
