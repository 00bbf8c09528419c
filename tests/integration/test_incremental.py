"""Incremental refreshes: only new raw records are normalised, and a new normaliser redoes all."""

from __future__ import annotations

import csv
from pathlib import Path

import dagster as dg
import duckdb
import pytest
from helpers import DATA, materialize_all, open_warehouse, slice_resources, write_mapping

from extractors.dedup import DedupPosting, find_clusters

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
    with open_warehouse(tmp_path / "data") as con:
        description = con.execute(
            "select description from postings where source_id = ?", [rows[0]["job_id"]]
        ).fetchall()
        rust = con.execute(
            "select count(*) from skill_mentions where skill_name = 'Rust' and posting_id = ?",
            [f"linkedin_2023_2024:{rows[0]['job_id']}"],
        ).fetchall()[0][0]
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


def shifted(row: dict[str, str], job_id: str, days: float) -> dict[str, str]:
    """A copy of a real posting under a new id, listed ``days`` later (constructed here)."""
    return row | {
        "job_id": job_id,
        "listed_time": str(float(row["listed_time"]) + days * 86_400_000),
    }


def stored_clusters(data_dir: Path) -> dict[str, tuple[str, str | None]]:
    con = duckdb.connect(str(data_dir / "warehouse.duckdb"), read_only=True)
    rows = con.execute("select posting_id, cluster_id, reason from posting_clusters").fetchall()
    con.close()
    return {p: (c, r) for p, c, r in rows}


def clusters_from_scratch(data_dir: Path) -> dict[str, str]:
    con = duckdb.connect(str(data_dir / "warehouse.duckdb"), read_only=True)
    frame = con.execute(
        "select posting_id, source, title, company, description, posted_date from postings"
    ).pl()
    con.close()
    clusters = find_clusters(DedupPosting(**row) for row in frame.iter_rows(named=True))
    return {m: c.cluster_id for c in clusters for m in c.member_ids}


def test_dedup_reclusters_only_the_repost_window_of_new_postings_and_matches_a_full_run(
    tmp_path: Path,
) -> None:
    source = tmp_path / "postings.csv"
    source.write_bytes((DATA / "linkedin_slice.csv").read_bytes())
    resources = slice_resources(tmp_path / "data", write_mapping(tmp_path / "mappings", source))
    rows = list(csv.DictReader(source.open(encoding="utf-8")))
    with dg.instance_for_test() as instance:
        first = materialize_all(resources, instance)
        append_rows(source, [shifted(rows[1], "later-1", 200), shifted(rows[2], "later-2", 200)])
        second = materialize_all(resources, instance)
        append_rows(source, [shifted(rows[1], "repost-1", 203)])
        third = materialize_all(resources, instance)
    assert first.success and second.success and third.success
    assert metadata(first, "posting_clusters")["reclustered"] == SLICE_ROWS
    assert metadata(second, "posting_clusters")["reclustered"] == 2
    assert metadata(third, "posting_clusters")["reclustered"] == 3
    clusters = stored_clusters(tmp_path / "data")
    source_id = "linkedin_2023_2024:"
    assert clusters[f"{source_id}later-1"] == (f"{source_id}later-1", None)
    cluster, reason = clusters[f"{source_id}repost-1"]
    assert cluster == f"{source_id}later-1" and reason and "repost within 60 days" in reason
    assert {p: c for p, (c, _) in clusters.items()} == clusters_from_scratch(tmp_path / "data")
