"""Trend marts: which skills rise or fall, and which unknown terms are taking off.

Counting happens in SQL (``marts/skill_growth_counts``, ``marts/emerging_term_growth``); the tests,
intervals and FDR control for skill growth happen here in plain Python (:mod:`warehouse.stats`).
These functions never import Dagster, so tests call them on an in-memory DuckDB.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import duckdb
import polars as pl

from warehouse import db
from warehouse.stats import benjamini_hochberg, two_proportion_test

#: Significance level for ``direction``, applied to the Benjamini–Hochberg q-value.
ALPHA = 0.05
COMPARISONS: tuple[str, ...] = ("12w", "yoy")
DIRECTIONS: tuple[str, ...] = ("riser", "faller", "flat")

SKILL_GROWTH_SCHEMA: dict[str, Any] = {
    "skill_id": pl.String,
    "skill_name": pl.String,
    "category": pl.String,
    "step": pl.String,
    "comparison": pl.String,
    "as_of": pl.Date,
    "current_start": pl.Date,
    "current_end": pl.Date,
    "prior_start": pl.Date,
    "prior_end": pl.Date,
    "postings_current": pl.Int32,
    "n_current": pl.Int32,
    "share_current": pl.Float64,
    "postings_prior": pl.Int32,
    "n_prior": pl.Int32,
    "share_prior": pl.Float64,
    "diff_pp": pl.Float64,
    "diff_low_pp": pl.Float64,
    "diff_high_pp": pl.Float64,
    "p_value": pl.Float64,
    "q_value": pl.Float64,
    "direction": pl.String,
    "n_baseline": pl.Int32,
    "share_baseline": pl.Float64,
    "index": pl.Float64,
}


def latest_week(con: duckdb.DuckDBPyConnection) -> dt.date | None:
    """The latest ``posted_week`` in the warehouse, or ``None`` when there are no postings."""
    value = db.scalar(con, "marts/latest_posted_week")
    return value if isinstance(value, dt.date) else None


def skill_growth_frame(counts: pl.DataFrame) -> pl.DataFrame:
    """Add shares, Newcombe intervals, z-test p-values, BH q-values, direction and index.

    ``counts`` has the columns of ``marts/skill_growth_counts``. Where either side of a comparison
    has no postings, its shares, test and direction stay null. q-values are computed separately
    for each comparison, over every skill whose comparison could be tested.
    """
    tests: list[tuple[float, float, float, float] | None] = [
        two_proportion_test(k1, n1, k2, n2) if n1 > 0 and n2 > 0 else None
        for k1, n1, k2, n2 in counts.select(
            "postings_current", "n_current", "postings_prior", "n_prior"
        ).iter_rows()
    ]
    frame = counts.with_columns(
        pl.Series("diff", [t[0] if t else None for t in tests], dtype=pl.Float64),
        pl.Series("low", [t[1] if t else None for t in tests], dtype=pl.Float64),
        pl.Series("high", [t[2] if t else None for t in tests], dtype=pl.Float64),
        pl.Series("p_value", [t[3] if t else None for t in tests], dtype=pl.Float64),
    ).with_row_index("_row")
    tested = frame.filter(pl.col("p_value").is_not_null())
    q_parts = [
        part.select("_row", pl.Series("q_value", benjamini_hochberg(part["p_value"].to_list())))
        for part in tested.partition_by("comparison")
    ]
    q_frame = pl.concat([pl.DataFrame(schema={"_row": pl.UInt32, "q_value": pl.Float64}), *q_parts])
    frame = frame.join(q_frame, on="_row", how="left").sort("_row")

    def share(k: str, n: str) -> pl.Expr:
        return pl.when(pl.col(n) > 0).then(pl.col(k) / pl.col(n))

    significant = pl.col("q_value") < ALPHA
    return frame.with_columns(
        share_current=share("postings_current", "n_current"),
        share_prior=share("postings_prior", "n_prior"),
        share_baseline=share("postings_baseline", "n_baseline"),
        diff_pp=pl.col("diff") * 100,
        diff_low_pp=pl.col("low") * 100,
        diff_high_pp=pl.col("high") * 100,
        direction=pl.when(pl.col("q_value").is_null())
        .then(None)
        .when(significant & (pl.col("diff") > 0))
        .then(pl.lit("riser"))
        .when(significant & (pl.col("diff") < 0))
        .then(pl.lit("faller"))
        .otherwise(pl.lit("flat")),
    ).select(
        *[
            pl.col(name).cast(dtype)
            for name, dtype in SKILL_GROWTH_SCHEMA.items()
            if name != "index"
        ],
        index=pl.when(pl.col("share_baseline") > 0)
        .then(pl.col("share_current") / pl.col("share_baseline") * 100)
        .cast(pl.Float64),
    )


def build_skill_growth(con: duckdb.DuckDBPyConnection, as_of: dt.date | None) -> pl.DataFrame:
    """Rebuild the ``skill_growth`` mart as of the week of ``as_of`` and return it."""
    counts = db.fetch(con, "marts/skill_growth_counts", {"as_of": as_of})
    frame = (
        skill_growth_frame(counts) if counts.height else pl.DataFrame(schema=SKILL_GROWTH_SCHEMA)
    )
    con.register("incoming", frame)
    try:
        db.run(con, "marts/replace_skill_growth")
    finally:
        con.unregister("incoming")
    return frame


def build_emerging_term_growth(
    con: duckdb.DuckDBPyConnection, as_of: dt.date | None
) -> dict[str, int]:
    """Rebuild the ``emerging_term_growth`` mart as of the week of ``as_of``.

    Returns how many terms it holds (``terms``) and how many of them are ranked (``ranked``).
    """
    db.run(con, "marts/emerging_term_growth", {"as_of": as_of})
    counts = db.fetch(con, "marts/count_emerging_term_growth").row(0, named=True)
    return {name: int(value) for name, value in counts.items()}
