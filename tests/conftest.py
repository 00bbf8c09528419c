"""Shared fixtures: a warehouse built by the real Dagster pipeline from small real slices."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import DATA, materialize_all, slice_resources, write_mapping


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
