"""Reference assets from bundled files: salary records and the Indeed market index."""

import datetime as dt

import dagster as dg
import polars as pl

from extractors.mapping import RecordRejected
from extractors.salary_records import parse_salary_record
from pipelines.defs.ingest.reading import QUARANTINE_SCHEMA, quarantine_row
from pipelines.defs.resources import BundledData, Warehouse
from pipelines.sources.files import BadRecord, read_records
from warehouse import db

SALARY_SCHEMA = {
    "work_year": pl.Int32,
    "experience_level": pl.String,
    "experience_label": pl.String,
    "employment_type": pl.String,
    "job_title": pl.String,
    "role_family": pl.String,
    "salary": pl.Float64,
    "salary_currency": pl.String,
    "salary_in_usd": pl.Float64,
    "employee_residence": pl.String,
    "remote_ratio": pl.Int32,
    "company_location": pl.String,
    "company_size": pl.String,
}


@dg.asset(
    group_name="reference",
    kinds={"duckdb"},
    description="aijobs.net salary records (CC0), annual USD, with role family. Invalid rows are "
    "quarantined.",
)
def salaries(
    context: dg.AssetExecutionContext, warehouse: Warehouse, bundled_data: BundledData
) -> dg.MaterializeResult:
    """Load and validate the salary records."""
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    good: list[dict[str, object]] = []
    bad: list[dict[str, object]] = []
    source_file = bundled_data.salaries_file
    for item in read_records(bundled_data.path(source_file), "csv"):
        if isinstance(item, BadRecord):
            bad.append(quarantine_row("salaries", "aijobs", source_file, item, now))
            continue
        try:
            good.append(parse_salary_record(item.fields))
        except RecordRejected as exc:
            rejected = BadRecord(item.line, str(exc), str(item.fields))
            bad.append(quarantine_row("salaries", "aijobs", source_file, rejected, now))
    with warehouse.connect() as con:
        con.register("incoming", pl.DataFrame(good, schema=SALARY_SCHEMA))
        con.register("incoming_quarantine", pl.DataFrame(bad, schema=QUARANTINE_SCHEMA))
        con.begin()
        db.run(con, "reference/replace_salaries")
        db.run(con, "reference/replace_quarantine_stage", {"stage": "salaries"})
        con.commit()
    context.log.info(f"salaries: accepted {len(good)}, quarantined {len(bad)}")
    return dg.MaterializeResult(
        metadata={"rows_read": len(good) + len(bad), "accepted": len(good), "quarantined": len(bad)}
    )


@dg.asset_check(asset=salaries, description="rows read = accepted + quarantined")
def salaries_counts_reconcile(
    context: dg.AssetCheckExecutionContext, warehouse: Warehouse
) -> dg.AssetCheckResult:
    """The stored counts equal what the last materialization read."""
    event = context.instance.get_latest_materialization_event(salaries.key)
    meta = event.asset_materialization.metadata if event and event.asset_materialization else {}
    with warehouse.connect() as con:
        row = db.fetch(con, "checks/salaries_reconcile").row(0, named=True)
    read = meta["rows_read"].value if "rows_read" in meta else None
    return dg.AssetCheckResult(
        passed=read is not None and read == row["accepted"] + row["quarantined"],
        metadata={"rows_read": read or 0, **{k: int(v) for k, v in row.items()}},
    )


@dg.asset(
    group_name="reference",
    kinds={"duckdb"},
    description="Indeed Job Postings Index (Indeed Hiring Lab, CC BY 4.0): total postings, "
    "US/GB/DE, 100 = 2020-02-01.",
)
def market_index(warehouse: Warehouse, bundled_data: BundledData) -> dg.MaterializeResult:
    """Load the daily index for each bundled country."""
    frames = [
        pl.read_csv(bundled_data.path(name), try_parse_dates=True)
        .filter(pl.col("variable") == "total postings")
        .select(
            pl.col("date").cast(pl.Date),
            pl.col("jobcountry").alias("country"),
            pl.col("indeed_job_postings_index_SA").cast(pl.Float64).alias("index_sa"),
            pl.col("indeed_job_postings_index_NSA").cast(pl.Float64).alias("index_nsa"),
        )
        for name in bundled_data.market_files
    ]
    frame = pl.concat(frames)
    with warehouse.connect() as con:
        con.register("incoming", frame)
        db.run(con, "reference/replace_market_index")
    return dg.MaterializeResult(
        metadata={
            "rows": frame.height,
            "countries": frame["country"].n_unique(),
            "last_date": str(frame["date"].max()),
        }
    )
