"""Shared fixtures: a warehouse built by the real Dagster pipeline from small real slices."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import dagster as dg
import pytest
import yaml

from pipelines.defs.resources import BundledData, Warehouse

TESTS = Path(__file__).resolve().parent
DATA = TESTS / "data"
MAPPING = yaml.safe_load(
    (TESTS.parent / "pipelines/sources/mappings/linkedin_2023_2024.yaml").read_text()
)


def slice_resources(data_dir: Path, mappings_dir: Path) -> dict[str, dg.ConfigurableResource]:
    """Resources that point the pipeline at the test slices and ``data_dir``."""
    return {
        "warehouse": Warehouse(data_dir=str(data_dir)),
        "bundled_data": BundledData(
            data_root=str(DATA),
            mappings_dir=str(mappings_dir),
            salaries_file="aijobs_slice.csv",
            market_files=["indeed_US_slice.csv"],
        ),
    }


def write_mapping(directory: Path, path: Path, **overrides: object) -> Path:
    """A copy of the LinkedIn mapping reading ``path``."""
    directory.mkdir(parents=True, exist_ok=True)
    mapping = {**MAPPING, "path": str(path), **overrides}
    (directory / f"{mapping['name']}.yaml").write_text(yaml.safe_dump(mapping))
    return directory


def all_assets() -> list[dg.AssetsDefinition]:
    """Every asset of the code location."""
    from pipelines.definitions import defs

    d = defs()
    return list(d.assets or [])  # type: ignore[arg-type]


def materialize_all(resources: dict[str, object], instance: dg.DagsterInstance | None = None):
    from pipelines.definitions import defs

    d = defs()
    return dg.materialize(
        list(d.assets or []) + list(d.asset_checks or []),
        resources=resources,
        instance=instance,
    )


@pytest.fixture(scope="session")
def built_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A data dir built once per session by materializing every asset on the real slices."""
    root = tmp_path_factory.mktemp("warehouse")
    mappings = write_mapping(root / "mappings", DATA / "linkedin_slice.csv")
    result = materialize_all(slice_resources(root / "data", mappings))
    assert result.success
    yield root / "data"


@pytest.fixture(scope="session")
def published_dir(built_warehouse: Path) -> Path:
    """The published snapshot folder of the session warehouse."""
    return built_warehouse / "published"
