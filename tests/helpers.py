"""Helpers for tests that run the real pipeline on the small real slices in ``tests/data``."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import dagster as dg
import duckdb
import yaml

from pipelines.defs.resources import BundledData, Warehouse
from pipelines.sources.config import SOURCES_FILE
from pipelines.sources.resources import JobBoardsResource

TESTS = Path(__file__).resolve().parent
DATA = TESTS / "data"
MAPPING = yaml.safe_load(
    (TESTS.parent / "pipelines/sources/mappings/linkedin_2023_2024.yaml").read_text()
)


def slice_resources(data_dir: Path, mappings_dir: Path) -> dict[str, dg.ConfigurableResource]:
    """Resources that point the pipeline at the test slices and ``data_dir``."""
    return {
        "warehouse": Warehouse(data_dir=str(data_dir)),
        "job_boards": JobBoardsResource(sources_file=str(SOURCES_FILE)),
        "bundled_data": BundledData(
            data_root=str(DATA),
            mappings_dir=str(mappings_dir),
            salaries_file="aijobs_slice.csv",
            market_files=["indeed_US_slice.csv", "indeed_GB_slice.csv"],
        ),
    }


def write_mapping(directory: Path, path: Path, **overrides: object) -> Path:
    """A copy of the LinkedIn mapping reading ``path``."""
    directory.mkdir(parents=True, exist_ok=True)
    mapping = {**MAPPING, "path": str(path), **overrides}
    (directory / f"{mapping['name']}.yaml").write_text(yaml.safe_dump(mapping))
    return directory


def materialize_all(
    resources: dict[str, dg.ConfigurableResource], instance: dg.DagsterInstance | None = None
) -> dg.ExecuteInProcessResult:
    """Materialize every asset and run every check of the code location."""
    from pipelines.definitions import defs
    from pipelines.defs.skills.assets import all_weeks_tags

    d = defs()
    return dg.materialize(
        list(d.assets or []) + list(d.asset_checks or []),
        resources=resources,
        instance=instance,
        tags=all_weeks_tags(),
    )


def write_slice_with_bad_rows(path: Path) -> None:
    """The LinkedIn slice plus three bad records (written here, never presented as postings).

    An unreadable line whose text starts like a spreadsheet formula, a record without a
    description and a record with an unparseable date.
    """
    import csv
    import shutil

    shutil.copy(DATA / "linkedin_slice.csv", path)
    header = next(csv.reader(path.open(encoding="utf-8")))
    with path.open("a", encoding="utf-8", newline="") as handle:
        handle.write('=HYPERLINK("http://example.invalid"),row\n')
        writer = csv.DictWriter(handle, fieldnames=header)
        writer.writerow({h: "" for h in header} | {"job_id": "x1", "title": "T"})
        writer.writerow(
            {h: "" for h in header}
            | {
                "job_id": "x2",
                "title": "Data Engineer",
                "description": "SQL",
                "listed_time": "soon",
            }
        )


def create_weekly_tables(con: duckdb.DuckDBPyConnection) -> None:
    """The week-file tables as plain in-memory tables, for mart tests that insert rows."""
    import polars as pl

    from warehouse.partitions import TABLES

    for name, schema in TABLES.items():
        con.register("empty_frame", pl.DataFrame(schema=schema))
        con.execute(f"create table {name} as select * from empty_frame")
        con.unregister("empty_frame")


@contextmanager
def open_warehouse(data_dir: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection to a built warehouse, week files included."""
    with Warehouse(data_dir=str(data_dir)).reader() as con:
        yield con


def write_snapshot(root: Path, frames: dict[str, object]) -> Path:
    """A published snapshot under ``root`` with ``frames``; other tables hold a dummy column."""
    import polars as pl

    from warehouse.snapshots import LINKED_TABLES, POINTER, PUBLISHED_TABLES

    folder = root / "snapshot-test"
    folder.mkdir(parents=True)
    dummy = pl.DataFrame({"unused": [1]})
    for table in PUBLISHED_TABLES:
        frame = frames.get(table, dummy)
        assert isinstance(frame, pl.DataFrame)
        frame.write_parquet(folder / f"{table}.parquet")
    for table in LINKED_TABLES:
        (folder / table).mkdir()
        dummy.write_parquet(folder / table / "week=2024-04-08.parquet")
    (root / POINTER).write_text(folder.name)
    return root
