"""Where Skill Radar keeps its built data: one project-local directory, never tracked files."""

from __future__ import annotations

from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parents[1]


class DataPaths(BaseSettings):
    """Locations of the warehouse, the published snapshots and Dagster's home.

    Set ``SKILLRADAR_DATA_DIR`` to move everything; it defaults to ``.skillradar/`` in the project.
    """

    model_config = SettingsConfigDict(env_prefix="SKILLRADAR_")

    data_dir: Path = PROJECT_ROOT / ".skillradar"

    @property
    def warehouse_db(self) -> Path:
        """The DuckDB file the pipeline writes (read-write, held only during a refresh)."""
        return self.data_dir / "warehouse.duckdb"

    @property
    def weeks_dir(self) -> Path:
        """Posting-level tables as one Parquet file per posting week (``warehouse.partitions``)."""
        return self.data_dir / "weeks"

    @property
    def published_dir(self) -> Path:
        """Atomically published Parquet snapshots that every reader uses."""
        return self.data_dir / "published"

    @property
    def dagster_home(self) -> Path:
        """``DAGSTER_HOME`` for runs started by the CLI and ``make dev``."""
        return self.data_dir / "dagster_home"
