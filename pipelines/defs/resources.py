"""Resources: the warehouse (DuckDB file + published snapshots) and the bundled data folder."""

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import dagster as dg
import duckdb
from pydantic import Field

from pipelines.pool import default_workers
from pipelines.sources.config import SOURCES_FILE
from pipelines.sources.resources import JobBoardsResource
from warehouse import db
from warehouse.partitions import TABLES, WeeklyTables
from warehouse.paths import PROJECT_ROOT, DataPaths


class Warehouse(dg.ConfigurableResource):
    """The DuckDB warehouse file and the folder its snapshots are published to."""

    data_dir: str
    memory_limit: str = Field(
        default="2GB", description="DuckDB's memory limit per connection (it spills beyond)."
    )

    @property
    def paths(self) -> DataPaths:
        """Resolved locations under ``data_dir``."""
        return DataPaths(data_dir=Path(self.data_dir))

    @property
    def weeks(self) -> WeeklyTables:
        """The week files of the posting-level tables."""
        return WeeklyTables(self.paths.weeks_dir)

    @contextmanager
    def connect(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A read-write connection with the schema in place; closed on exit."""
        self.paths.data_dir.mkdir(parents=True, exist_ok=True)
        con = duckdb.connect(str(self.paths.warehouse_db))
        try:
            self._configure(con)
            db.run(con, "schema/create_tables")
            db.run(con, "schema/macros")
            self._attach_weeks(con)
            yield con
        finally:
            con.close()

    @contextmanager
    def reader(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A read-only connection: several processes (one per partition) may hold one at once.

        No process may hold the file read-write meanwhile; the upstream assets built it.
        """
        if not self.paths.warehouse_db.exists():
            raise FileNotFoundError(f"no warehouse at {self.paths.warehouse_db}: refresh first")
        con = duckdb.connect(str(self.paths.warehouse_db), read_only=True)
        try:
            self._configure(con)
            self._attach_weeks(con)
            yield con
        finally:
            con.close()

    def _configure(self, con: duckdb.DuckDBPyConnection) -> None:
        spill = self.paths.data_dir / "duckdb_tmp"
        db.run(
            con,
            "schema/settings",
            {"memory_limit": self.memory_limit, "temp_directory": str(spill)},
        )

    def _attach_weeks(self, con: duckdb.DuckDBPyConnection) -> None:
        weeks = self.weeks
        db.run(con, "schema/partitioned_views", {f"{t}_files": weeks.glob(t) for t in TABLES})


class WorkersConfig(dg.Config):
    """How many processes an asset may split its partitions over."""

    workers: int = Field(
        default=0, description="Processes to use; 0 means SKILLRADAR_WORKERS or one per core."
    )


def resolve_workers(workers: int) -> int:
    """``workers``, or the default when it is 0."""
    return workers if workers > 0 else default_workers()


class BundledData(dg.ConfigurableResource):
    """Where the bundled real data lives (``data/`` in the project) and which mappings to read."""

    data_root: str = str(PROJECT_ROOT / "data")
    mappings_dir: str = str(PROJECT_ROOT / "pipelines" / "sources" / "mappings")
    salaries_file: str = "salaries/aijobs/salaries_2025-01-19.csv"
    market_files: list[str] = Field(
        default_factory=lambda: [
            f"market/indeed/aggregate_job_postings_{country}.csv" for country in ("US", "GB", "DE")
        ]
    )

    inbox_dir: str = ""

    def path(self, relative: str) -> Path:
        """A file under the data root."""
        return Path(self.data_root) / relative

    @property
    def inbox(self) -> Path:
        """Where users drop new files: ``<data dir>/inbox`` unless configured."""
        return Path(self.inbox_dir) if self.inbox_dir else DataPaths().data_dir / "inbox"


def sources_file() -> Path:
    """The user's ``sources.yaml``: ``SKILLRADAR_SOURCES`` or the one in pipelines/sources."""
    return Path(os.environ.get("SKILLRADAR_SOURCES", str(SOURCES_FILE)))


@dg.definitions
def resources() -> dg.Definitions:
    """Default resources; ``SKILLRADAR_DATA_DIR`` moves the warehouse."""
    return dg.Definitions(
        resources={
            "warehouse": Warehouse(data_dir=str(DataPaths().data_dir)),
            "bundled_data": BundledData(),
            "job_boards": JobBoardsResource(sources_file=str(sources_file())),
        }
    )
