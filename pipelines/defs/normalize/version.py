"""The normaliser's version: a digest of the code, the FX rates and the column mappings."""

import hashlib
from pathlib import Path

from extractors import fx
from warehouse.paths import PROJECT_ROOT

CODE = ("mapping", "dedup", "text", "dates", "titles", "locations", "salary", "fx")


def normalizer_version(mappings_dir: Path) -> str:
    """Changes whenever a record could normalise differently, so that all are done again."""
    digest = hashlib.sha256()
    files = [PROJECT_ROOT / "extractors" / f"{name}.py" for name in CODE]
    files += [fx.ECB_HISTORY, *sorted(mappings_dir.glob("*.yaml"))]
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes() if path.is_file() else b"")
    return digest.hexdigest()[:16]
