"""The file sources Skill Radar ingests: one column-mapping YAML per source."""

from __future__ import annotations

from pathlib import Path

from extractors.mapping import ColumnMapping

MAPPINGS_DIR = Path(__file__).resolve().parent / "mappings"


def load_mappings(
    directory: Path = MAPPINGS_DIR, *, enabled_only: bool = True
) -> list[ColumnMapping]:
    """The mappings in ``directory`` (enabled ones unless told otherwise), sorted by name."""
    mappings = (ColumnMapping.from_yaml(p) for p in directory.glob("*.yaml"))
    return sorted((m for m in mappings if m.enabled or not enabled_only), key=lambda m: m.name)


def source_path(mapping: ColumnMapping, data_root: Path) -> Path:
    """The mapping's file; relative paths are taken from the bundled data folder."""
    path = Path(mapping.path)
    return path if path.is_absolute() else data_root / path
