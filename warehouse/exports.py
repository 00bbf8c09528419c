"""Exports users open in spreadsheets: CSV with formula injection neutralised."""

from __future__ import annotations

import csv
import io
from typing import Any

import polars as pl

#: A cell starting with one of these is run as a formula by spreadsheet programs.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """Prefix text that a spreadsheet would treat as a formula with an apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def safe_csv(frame: pl.DataFrame) -> str:
    """The frame as CSV text, every string cell neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([safe_cell(c) for c in frame.columns])
    for row in frame.iter_rows():
        writer.writerow(["" if v is None else safe_cell(v) for v in row])
    return buffer.getvalue()
