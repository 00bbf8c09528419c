"""Job-board APIs through the real Dagster assets, served from fixtures by respx."""

from __future__ import annotations

import json
from pathlib import Path

import dagster as dg
import duckdb
import httpx
import pytest
import respx
import yaml
from helpers import DATA, materialize_all, slice_resources, write_mapping

from pipelines.sources.resources import JobBoardsResource

pytestmark = pytest.mark.integration
GREENHOUSE = "https://boards-api.greenhouse.io/v1/boards/acme/jobs"
# The docs hold two examples; the second is the `content=true` one.
FIXTURE = json.loads((DATA / "api" / "greenhouse_jobs_doc_examples.json").read_text())[1]


def resources(tmp_path: Path) -> dict[str, dg.ConfigurableResource]:
    sources = tmp_path / "sources.yaml"
    sources.write_text(
        yaml.safe_dump(
            {"version": 1, "sources": [{"type": "greenhouse", "board": "acme", "enabled": True}]}
        )
    )
    mappings = write_mapping(tmp_path / "mappings", DATA / "linkedin_slice.csv")
    return slice_resources(tmp_path / "data", mappings) | {
        "job_boards": JobBoardsResource(sources_file=str(sources), min_interval_s=0.0)
    }


def rows(data_dir: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(data_dir / "warehouse.duckdb"), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


@respx.mock
def test_greenhouse_postings_flow_into_the_warehouse_once(tmp_path: Path) -> None:
    route = respx.get(url__startswith=GREENHOUSE).mock(
        return_value=httpx.Response(200, json=FIXTURE)
    )
    res = resources(tmp_path)
    with dg.instance_for_test() as instance:
        assert materialize_all(res, instance).success
        assert materialize_all(res, instance).success
    assert route.call_count == 2
    jobs = FIXTURE["jobs"]
    stored = rows(
        tmp_path / "data", "select count(*) from raw_postings where source = 'greenhouse:acme'"
    )
    assert stored == [(len(jobs),)]
    postings = rows(
        tmp_path / "data",
        "select source_id, title from postings where source = 'greenhouse:acme' order by source_id",
    )
    assert postings == sorted((str(j["id"]), j["title"]) for j in jobs)


@respx.mock
def test_a_failing_board_does_not_stop_the_refresh(tmp_path: Path) -> None:
    respx.get(url__startswith=GREENHOUSE).mock(return_value=httpx.Response(503))
    result = materialize_all(resources(tmp_path))
    assert result.success
    meta = result.asset_materializations_for_node("api_raw_postings")[0].metadata
    assert "greenhouse" in meta["failed_sources"].value
    assert rows(tmp_path / "data", "select count(*) from postings") == [(70,)]
