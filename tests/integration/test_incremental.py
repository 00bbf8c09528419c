"""Incremental refreshes: only new raw records are normalised, and a new normaliser redoes all."""

from __future__ import annotations

import csv
from pathlib import Path

import dagster as dg
import duckdb
import pytest
from helpers import DATA, materialize_all, slice_resources, write_mapping

pytestmark = pytest.mark.integration

SLICE_ROWS = 70


def append_rows(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open("a", encoding="utf-8", newline="") as handle:
        csv.DictWriter(handle, fieldnames=list(rows[0])).writerows(rows)


def metadata(result: dg.ExecuteInProcessResult, asset: str) -> dict[str, object]:
    event = result.asset_materializations_for_node(asset)[0]
    return {k: v.value for k, v in event.metadata.items()}


def test_only_new_records_are_normalised_and_a_changed_posting_replaces_its_old_version(
    tmp_path: Path,
) -> None:
    source = tmp_path / "postings.csv"
    source.write_bytes((DATA / "linkedin_slice.csv").read_bytes())
    mappings = write_mapping(tmp_path / "mappings", source)
    resources = slice_resources(tmp_path / "data", mappings)
    rows = list(csv.DictReader(source.open(encoding="utf-8")))
    with dg.instance_for_test() as instance:
        first = materialize_all(resources, instance)
        # Constructed here: an edit of a real posting at its source, and two copies of real
        # postings under new ids.
        edited = rows[0] | {"description": rows[0]["description"] + " Experience with Rust."}
        copies = [r | {"job_id": f"copy-{i}"} for i, r in enumerate(rows[1:3])]
        append_rows(source, [edited, *copies])
        second = materialize_all(resources, instance)
        third = materialize_all(resources, instance)
    assert first.success and second.success and third.success
    assert metadata(first, "postings")["rows_raw"] == SLICE_ROWS
    assert metadata(second, "postings") | {"normalizer": None} == {
        "rows_raw": 3, "rows_posted": 2, "rows_superseded": 1, "rows_quarantined": 0,
        "postings_total": SLICE_ROWS + 2, "rebuilt": False, "normalizer": None,
    }  # fmt: skip
    assert metadata(third, "postings")["rows_raw"] == 0
    checks = second.get_asset_check_evaluations()
    assert all(e.passed for e in checks if "reconcile" in e.check_name)
    con = duckdb.connect(str(tmp_path / "data" / "warehouse.duckdb"), read_only=True)
    description = con.execute(
        "select description from postings where source_id = ?", [rows[0]["job_id"]]
    ).fetchall()
    rust = con.execute(
        "select count(*) from skill_mentions where skill_name = 'Rust' and posting_id = ?",
        [f"linkedin_2023_2024:{rows[0]['job_id']}"],
    ).fetchall()[0][0]
    con.close()
    assert len(description) == 1 and description[0][0].endswith("Experience with Rust.")
    assert rust == 1


def test_a_changed_column_mapping_renormalises_every_record_without_duplicates(
    tmp_path: Path,
) -> None:
    source = tmp_path / "postings.csv"
    source.write_bytes((DATA / "linkedin_slice.csv").read_bytes())
    header = next(csv.reader(source.open(encoding="utf-8")))
    no_description = {h: "" for h in header} | {"job_id": "bad-1", "title": "Data Engineer"}
    append_rows(source, [no_description])
    mappings = write_mapping(tmp_path / "mappings", source)
    resources = slice_resources(tmp_path / "data", mappings)
    with dg.instance_for_test() as instance:
        first = materialize_all(resources, instance)
        mapping_file = next(mappings.glob("*.yaml"))
        mapping_file.write_text(mapping_file.read_text() + "# reviewed\n")
        second = materialize_all(resources, instance)
    assert first.success and second.success
    after = metadata(second, "postings")
    assert after["rebuilt"] is True and after["rows_raw"] == SLICE_ROWS + 1
    assert after["normalizer"] != metadata(first, "postings")["normalizer"]
    con = duckdb.connect(str(tmp_path / "data" / "warehouse.duckdb"), read_only=True)
    counts = con.execute(
        "select (select count(*) from postings),"
        " (select count(*) from quarantine where stage = 'normalize'),"
        " (select count(*) from normalized_records)"
    ).fetchall()[0]
    con.close()
    assert counts == (SLICE_ROWS, 1, SLICE_ROWS + 1)
