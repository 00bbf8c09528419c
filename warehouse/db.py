"""Connections and SQL files: every statement lives in ``warehouse/sql`` and is parameter-bound."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

SQL_DIR = Path(__file__).resolve().parent / "sql"

Params = Mapping[str, Any] | Sequence[Any] | None


@cache
def load_sql(name: str) -> str:
    """Return the text of ``warehouse/sql/<name>.sql``; ``name`` may contain one sub-folder."""
    path = (SQL_DIR / f"{name}.sql").resolve()
    if SQL_DIR not in path.parents:
        raise ValueError(f"SQL name escapes warehouse/sql: {name!r}")
    if not path.is_file():
        raise FileNotFoundError(f"no SQL file warehouse/sql/{name}.sql")
    return path.read_text(encoding="utf-8")


def run(con: duckdb.DuckDBPyConnection, name: str, params: Params = None) -> None:
    """Execute every statement of a SQL file; ``params`` bind to its ``$name`` placeholders."""
    sql = load_sql(name)
    statements = [s for s in _split_statements(sql) if s.strip()]
    for statement in statements:
        used = _params_used(statement, params)
        con.execute(statement, used)


def fetch(con: duckdb.DuckDBPyConnection, name: str, params: Params = None) -> pl.DataFrame:
    """Run a single-statement SQL file and return its result as a polars frame."""
    return con.execute(load_sql(name), _params_used(load_sql(name), params)).pl()


def stream(
    con: duckdb.DuckDBPyConnection, name: str, params: Params = None, *, batch_rows: int
) -> Iterator[pl.DataFrame]:
    """Run a single-statement SQL file on its own cursor; yield its rows in batches.

    The cursor has its own transaction, so ``con`` may write between batches.
    """
    cursor = con.cursor()
    try:
        sql = load_sql(name)
        reader = cursor.execute(sql, _params_used(sql, params)).to_arrow_reader(batch_rows)
        for batch in reader:
            yield pl.from_arrow(batch)  # type: ignore[misc]
    finally:
        cursor.close()


def scalar(con: duckdb.DuckDBPyConnection, name: str, params: Params = None) -> Any:
    """Run a SQL file that returns one value."""
    rows = con.execute(load_sql(name), _params_used(load_sql(name), params)).fetchall()
    return rows[0][0] if rows else None


def _split_statements(sql: str) -> list[str]:
    """Split a SQL file on semicolons at line ends (our files never put ``;`` inside strings)."""
    parts: list[str] = []
    current: list[str] = []
    for line in sql.splitlines():
        current.append(line)
        if line.rstrip().endswith(";"):
            parts.append("\n".join(current))
            current = []
    if "".join(current).strip():
        parts.append("\n".join(current))
    return [p for p in parts if _strip_comments(p).strip()]


def _strip_comments(sql: str) -> str:
    return "\n".join(line.split("--", 1)[0] for line in sql.splitlines())


def _params_used(statement: str, params: Params) -> Params:
    """Keep only the named parameters a statement refers to (DuckDB rejects unused names)."""
    if params is None or not isinstance(params, Mapping):
        return params
    body = _strip_comments(statement)
    return {k: v for k, v in params.items() if re.search(rf"\${re.escape(k)}\b", body)}
