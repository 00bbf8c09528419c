"""Files dropped into the inbox: the sensor asks for one run per change, ingest reads them once."""

from __future__ import annotations

import shutil
from pathlib import Path

import dagster as dg
import duckdb
import pytest
from helpers import DATA, materialize_all, slice_resources, write_mapping

from pipelines.defs.ingest.sensors import inbox_sensor
from pipelines.defs.resources import BundledData

pytestmark = pytest.mark.integration


def bundled(tmp_path: Path) -> BundledData:
    return BundledData(mappings_dir=str(tmp_path / "mappings"), inbox_dir=str(tmp_path / "inbox"))


def evaluate(tmp_path: Path, instance: dg.DagsterInstance, cursor: str | None) -> dg.SensorResult:
    context = dg.build_sensor_context(
        instance=instance, cursor=cursor, resources={"bundled_data": bundled(tmp_path)}
    )
    return inbox_sensor(context)


def test_sensor_requests_a_run_per_new_or_changed_file_and_never_twice(tmp_path: Path) -> None:
    write_mapping(tmp_path / "mappings", DATA / "linkedin_slice.csv")
    folder = tmp_path / "inbox" / "linkedin_2023_2024"
    folder.mkdir(parents=True)
    with dg.instance_for_test() as instance:
        empty = evaluate(tmp_path, instance, None)
        assert not empty.run_requests
        shutil.copy(DATA / "linkedin_slice.csv", folder / "april.csv")
        first = evaluate(tmp_path, instance, None)
        assert len(first.run_requests) == 1
        again = evaluate(tmp_path, instance, first.cursor)
        assert not again.run_requests
        with (folder / "april.csv").open("a", encoding="utf-8") as handle:
            handle.write("\n")
        changed = evaluate(tmp_path, instance, first.cursor)
        assert len(changed.run_requests) == 1
        assert changed.run_requests[0].run_key != first.run_requests[0].run_key


def test_inbox_files_are_ingested_once_and_unknown_folders_quarantined(tmp_path: Path) -> None:
    mappings = write_mapping(tmp_path / "mappings", DATA / "linkedin_slice.csv")
    folder = tmp_path / "inbox" / "linkedin_2023_2024"
    folder.mkdir(parents=True)
    # the same real rows arrive again, plus a file for a source nobody mapped
    shutil.copy(DATA / "linkedin_slice.csv", folder / "again.csv")
    (tmp_path / "inbox" / "mystery").mkdir()
    (tmp_path / "inbox" / "mystery" / "jobs.csv").write_text("a,b\n1,2\n")
    resources = slice_resources(tmp_path / "data", mappings) | {"bundled_data": BundledData(
        data_root=str(DATA), mappings_dir=str(mappings), salaries_file="aijobs_slice.csv",
        market_files=["indeed_US_slice.csv"], inbox_dir=str(tmp_path / "inbox"))}  # fmt: skip
    result = materialize_all(resources)
    assert result.success
    meta = result.asset_materializations_for_node("raw_postings")[0].metadata
    assert meta["inbox_files"].value == 2
    con = duckdb.connect(str(tmp_path / "data" / "warehouse.duckdb"), read_only=True)
    raw = con.execute("select count(*) from raw_postings").fetchall()[0][0]
    quarantined = con.execute(
        "select reason from quarantine where source_file like '%mystery%'"
    ).fetchall()
    con.close()
    assert raw == 70  # the inbox copy added nothing: every record was already stored
    assert quarantined == [("no column mapping named 'mystery'",)]
