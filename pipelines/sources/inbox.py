"""The inbox: files dropped into ``<data dir>/inbox/<mapping name>/`` are ingested with it.

The folder names the column mapping (``inbox/linkedin_2023_2024/april.csv``); the file's
extension names its format. Files in a folder that names no mapping are reported, not ignored.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from extractors.mapping import ColumnMapping

FORMATS = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet",
           ".xlsx": "xlsx"}  # fmt: skip


@dataclass(frozen=True)
class InboxFile:
    """A file waiting in the inbox, with the mapping it will be read with (``None``: unknown)."""

    path: Path
    mapping: ColumnMapping | None
    problem: str = ""


def scan_inbox(inbox: Path, mappings: dict[str, ColumnMapping]) -> list[InboxFile]:
    """Every file under ``inbox/<folder>/``, sorted by path."""
    if not inbox.is_dir():
        return []
    found = []
    for path in sorted(p for p in inbox.glob("*/*") if p.is_file() and not p.name.startswith(".")):
        mapping = mappings.get(path.parent.name)
        fmt = FORMATS.get(path.suffix.lower())
        if mapping is None:
            found.append(InboxFile(path, None, f"no column mapping named {path.parent.name!r}"))
        elif fmt is None:
            found.append(InboxFile(path, None, f"unsupported file type {path.suffix!r}"))
        else:
            found.append(
                InboxFile(path, mapping.model_copy(update={"format": fmt, "path": str(path)}))
            )
    return found


def fingerprint(path: Path) -> str:
    """Changes when the file changes: size and modification time."""
    stat = path.stat()
    return f"{stat.st_size}:{stat.st_mtime_ns}"
