"""The real Dagster pipeline on small real slices, materialized into tmp_path."""

from __future__ import annotations

import csv
from pathlib import Path

import dagster as dg
import duckdb
import polars as pl
import pytest
from helpers import (
    DATA,
    materialize_all,
    open_warehouse,
    slice_resources,
    write_mapping,
    write_slice_with_bad_rows,
)

from warehouse import snapshots

pytestmark = pytest.mark.integration

SLICE_ROWS = 70


def table_counts(data_dir: Path) -> dict[str, int]:
    with open_warehouse(data_dir) as con:
        tables = ["raw_postings", "postings", "skill_mentions", "salaries", "quarantine"]
        return {t: con.execute(f"select count(*) from {t}").fetchall()[0][0] for t in tables}


def test_definitions_load_with_schedule_and_checks() -> None:
    from pipelines.definitions import defs

    d = defs()
    keys = {k.to_user_string() for k in d.resolve_all_asset_keys()}
    assert keys >= {
        "raw_postings", "api_raw_postings", "postings", "posting_clusters", "skill_mentions",
        "posting_skills", "weekly_skill_demand", "skill_totals", "salaries", "market_index",
        "roadmap_steps", "skill_cooccurrence", "salary_by_skill", "roadmap_step_demand",
        "skill_growth", "emerging_term_growth", "published_snapshot",
    }  # fmt: skip
    assert [s.name for s in d.sensors or []] == ["inbox_sensor"]
    schedule = d.resolve_schedule_def("weekly_refresh_schedule")
    assert schedule.cron_schedule == "0 6 * * 1"
    assert schedule.execution_timezone == "UTC"
    check_names = {c.name for checks in d.asset_checks or [] for c in checks.check_specs}
    assert "raw_postings_counts_reconcile" in check_names
    assert "postings_counts_reconcile" in check_names
    assert "posting_clusters_reconcile" in check_names


def test_materialize_builds_every_table(built_warehouse: Path) -> None:
    counts = table_counts(built_warehouse)
    assert counts["raw_postings"] == SLICE_ROWS
    assert counts["postings"] == SLICE_ROWS
    assert counts["salaries"] == 600
    assert counts["quarantine"] == 0
    assert counts["skill_mentions"] > 100


def test_published_snapshot_is_readable_and_consistent(published_dir: Path) -> None:
    reader = snapshots.SnapshotReader(published_dir)
    folder = reader.snapshot()
    postings = pl.read_parquet(folder / "postings.parquet")
    weekly = pl.read_parquet(folder / "weekly_skill_demand.parquet")
    assert postings.height == SLICE_ROWS
    totals = postings.group_by("posted_week").len()
    joined = weekly.join(totals, left_on="week", right_on="posted_week")
    assert (joined["postings_total"] == joined["len"]).all()
    assert ((weekly["ci_low"] <= weekly["share"]) & (weekly["share"] <= weekly["ci_high"])).all()
    python = pl.read_parquet(folder / "skill_totals.parquet").filter(pl.col("skill_id") == "python")
    mentions = pl.read_parquet(folder / "skill_mentions" / "*.parquet")
    assert (
        python["postings_with_skill"].item()
        == mentions.filter(pl.col("skill_id") == "python")["posting_id"].n_unique()
    )


def test_rerun_reuses_extractions_and_adds_nothing(tmp_path: Path) -> None:
    mappings = write_mapping(tmp_path / "mappings", DATA / "linkedin_slice.csv")
    resources = slice_resources(tmp_path / "data", mappings)
    with dg.instance_for_test() as instance:
        first = materialize_all(resources, instance)
        second = materialize_all(resources, instance)
    assert first.success and second.success
    meta = second.asset_materializations_for_node("skill_mentions")[0].metadata
    assert meta["weeks_extracted"].value == 0
    assert meta["postings_extracted"].value == 0
    assert meta["postings_total"].value == SLICE_ROWS
    raw_meta = second.asset_materializations_for_node("raw_postings")[0].metadata
    assert raw_meta["rows_new"].value == 0
    assert raw_meta["rows_read"].value == 0 and raw_meta["files_unchanged"].value == 1
    assert table_counts(tmp_path / "data")["raw_postings"] == SLICE_ROWS


def test_bad_rows_are_quarantined_and_counts_reconcile(tmp_path: Path) -> None:
    source = tmp_path / "postings.csv"
    write_slice_with_bad_rows(source)
    mappings = write_mapping(tmp_path / "mappings", source)
    result = materialize_all(slice_resources(tmp_path / "data", mappings))
    assert result.success
    assert errors_in_checks(result) == []
    con = duckdb.connect(str(tmp_path / "data" / "warehouse.duckdb"), read_only=True)
    rows = con.execute("select stage, line, reason from quarantine order by line").fetchall()
    con.close()
    last = 1 + sum(1 for _ in source.open(encoding="utf-8")) - 3
    assert [(s, line) for s, line, _ in rows] == [
        ("read", last), ("normalize", last + 1), ("normalize", last + 2),
    ]  # fmt: skip
    assert "expected 28 fields, found 2" in rows[0][2]
    assert "empty description" in rows[1][2]
    assert "bad posted date" in rows[2][2]
    counts = table_counts(tmp_path / "data")
    assert counts["postings"] == SLICE_ROWS
    assert counts["raw_postings"] == SLICE_ROWS + 2


def test_a_repost_is_merged_and_unique_counts_drop_by_one(tmp_path: Path) -> None:
    """A real posting re-listed under a new id three days later (constructed here)."""
    source = tmp_path / "postings.csv"
    rows = list(csv.DictReader((DATA / "linkedin_slice.csv").open(encoding="utf-8")))
    original = rows[0]
    repost = original | {
        "job_id": "repost-1",
        "listed_time": str(float(original["listed_time"]) + 3 * 86_400_000),
    }
    with source.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(original))
        writer.writeheader()
        writer.writerows([*rows, repost])
    result = materialize_all(
        slice_resources(tmp_path / "data", write_mapping(tmp_path / "m", source))
    )
    assert result.success
    assert errors_in_checks(result) == []
    con = duckdb.connect(str(tmp_path / "data" / "warehouse.duckdb"), read_only=True)
    merged = con.execute(
        "select posting_id, cluster_id, reason from posting_clusters where not is_canonical"
    ).fetchall()
    totals = con.execute(
        "select sum(postings_total), sum(unique_postings_total) from ("
        " select distinct week, postings_total, unique_postings_total from weekly_skill_demand)"
    ).fetchall()
    con.close()
    assert merged == [
        ("linkedin_2023_2024:repost-1", f"linkedin_2023_2024:{original['job_id']}", merged[0][2])
    ]
    assert merged[0][2]
    assert totals[0][0] == totals[0][1] + 1


def errors_in_checks(result: dg.ExecuteInProcessResult) -> list[str]:
    """Failed checks of ERROR severity (freshness only warns: the bundled data is from 2024)."""
    return [
        e.check_name
        for e in result.get_asset_check_evaluations()
        if not e.passed and e.severity == dg.AssetCheckSeverity.ERROR
    ]


def test_freshness_warns_on_old_postings_and_passes_on_new_ones(tmp_path: Path) -> None:
    import time

    old = materialize_all(
        slice_resources(
            tmp_path / "old", write_mapping(tmp_path / "m1", DATA / "linkedin_slice.csv")
        )
    )
    (check,) = [
        e for e in old.get_asset_check_evaluations() if e.check_name == "postings_freshness"
    ]
    assert not check.passed and check.severity == dg.AssetCheckSeverity.WARN
    rows = list(csv.DictReader((DATA / "linkedin_slice.csv").open(encoding="utf-8")))
    source = tmp_path / "today.csv"
    with source.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(r | {"listed_time": str(time.time() * 1000)} for r in rows[:5])
    new = materialize_all(slice_resources(tmp_path / "new", write_mapping(tmp_path / "m2", source)))
    (check,) = [
        e for e in new.get_asset_check_evaluations() if e.check_name == "postings_freshness"
    ]
    assert check.passed
