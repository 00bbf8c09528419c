"""Local posting files (CSV, JSONL, Parquet) read record by record, with the line each starts on.

A record that cannot be read is yielded as a :class:`BadRecord` with its line and reason, never
dropped, so the caller can quarantine it and the counts reconcile.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import fastexcel
import polars as pl

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


@dataclass(frozen=True, slots=True)
class SourceRecord:
    """A record read from a file: its fields, verbatim, and the line where it starts."""

    line: int
    fields: dict[str, Any]


@dataclass(frozen=True, slots=True)
class BadRecord:
    """A record that could not be read: where it is, why, and its raw text."""

    line: int
    reason: str
    raw: str


ReadResult = SourceRecord | BadRecord


def read_records(path: Path, fmt: str, *, sheet: str | None = None) -> Iterator[ReadResult]:
    """Yield every record of ``path`` in file order."""
    if fmt == "xlsx":
        yield from _read_xlsx(path, sheet)
        return
    readers = {"csv": _read_csv, "jsonl": _read_jsonl, "parquet": _read_parquet}
    if fmt not in readers:
        raise ValueError(f"unknown format {fmt!r}; expected one of {[*sorted(readers), 'xlsx']}")
    yield from readers[fmt](path)


def _read_csv(path: Path) -> Iterator[ReadResult]:
    with path.open(encoding="utf-8", errors="replace", newline="") as handle:
        reader = csv.reader(handle, strict=True)
        try:
            header = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield BadRecord(1, f"unreadable header: {exc}", "")
            return
        previous_end = reader.line_num
        while True:
            start = previous_end + 1
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                previous_end = reader.line_num
                yield BadRecord(start, f"malformed CSV: {exc}", "")
                continue
            previous_end = reader.line_num
            if not row or all(not cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                yield BadRecord(
                    start,
                    f"expected {len(header)} fields, found {len(row)}",
                    ",".join(row)[:2000],
                )
                continue
            yield SourceRecord(start, dict(zip(header, row, strict=True)))


def _read_jsonl(path: Path) -> Iterator[ReadResult]:
    # JSON Lines ends lines with "\n" only; a stray "\r" belongs to its line.
    with path.open(encoding="utf-8", errors="replace", newline="\n") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                value = json.loads(line)
            except json.JSONDecodeError as exc:
                yield BadRecord(number, f"invalid JSON: {exc.msg} at column {exc.colno}", line)
                continue
            if not isinstance(value, dict):
                yield BadRecord(number, f"expected a JSON object, got {type(value).__name__}", line)
                continue
            yield SourceRecord(number, value)


def _read_xlsx(path: Path, sheet: str | None) -> Iterator[ReadResult]:
    """Rows of one sheet (the first unless named); line = spreadsheet row (header is row 1)."""
    workbook = fastexcel.read_excel(path)
    rows = workbook.load_sheet(sheet if sheet is not None else 0, header_row=None, dtypes="string")
    frame = rows.to_polars()
    if frame.height == 0:
        return
    header = [
        str(h).strip() if h is not None else f"column_{i + 1}" for i, h in enumerate(frame.row(0))
    ]
    for number, values in enumerate(frame.iter_rows(), start=1):
        if number == 1 or all(v is None or not v.strip() for v in values):
            continue
        yield SourceRecord(
            number, {k: v for k, v in zip(header, values, strict=True) if v is not None}
        )


def _read_parquet(path: Path) -> Iterator[ReadResult]:
    frame = pl.read_parquet(path)
    for number, row in enumerate(frame.iter_rows(named=True), start=1):
        yield SourceRecord(number, row)
