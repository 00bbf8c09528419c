"""Callbacks of the salaries page: filter options, the chart, its note and the n table."""

from __future__ import annotations

from typing import Any

import dash_bootstrap_components as dbc
import plotly.graph_objects as go
import polars as pl
from dash import Dash, Input, Output

from dashboards import data, figures
from dashboards.components import employment_label, no_data_alert, salary_table
from warehouse.snapshots import NoSnapshotError, SnapshotReader

Options = list[dict[str, Any]]


def filter_options(facets: pl.DataFrame) -> tuple[Options, int | None, Options, str | None]:
    """Year and employment-type options with counts; defaults: busiest year, full-time."""
    years = facets.group_by("work_year").agg(pl.col("n").sum()).sort("work_year", descending=True)
    types = facets.group_by("employment_type").agg(pl.col("n").sum()).sort("n", descending=True)
    year_options = [{"label": f"{y} ({n:,} records)", "value": y} for y, n in years.rows()]
    type_options = [
        {"label": f"{employment_label(t)} ({n:,})", "value": t} for t, n in types.rows()
    ]
    default_year = int(years.sort("n", descending=True)["work_year"][0]) if years.height else None
    default_type = "FT" if "FT" in set(types["employment_type"]) else None
    return year_options, default_year, type_options, default_type


def suppressed_note(df: pl.DataFrame, *, min_n: int) -> str:
    """Which groups were hidden for having fewer than ``min_n`` records."""
    if df.is_empty():
        return "No salary records match these filters."
    _, hidden = figures.split_small_groups(df, min_n=min_n)
    if hidden.is_empty():
        return f"Every group has at least {min_n} records."
    names = ", ".join(
        f"{family} · {label} (n = {n})"
        for family, label, n in hidden.sort("n", descending=True)
        .select("role_family", "experience_label", "n")
        .rows()
    )
    return f"Hidden because n < {min_n}: {names}."


def register(app: Dash, reader: SnapshotReader) -> None:
    """Attach the salaries page callbacks to ``app``."""

    @app.callback(
        Output("salaries-year-filter", "options"),
        Output("salaries-year-filter", "value"),
        Output("salaries-employment-filter", "options"),
        Output("salaries-employment-filter", "value"),
        Output("salaries-alert", "children"),
        Input("salaries-init", "data"),
    )
    def init_filters(
        _init: bool,
    ) -> tuple[Options, int | None, Options, str | None, dbc.Alert | None]:
        try:
            facets = data.salary_facets(reader)
        except NoSnapshotError:
            return [], None, [], None, no_data_alert()
        return (*filter_options(facets), None)

    @app.callback(
        Output("salaries-graph", "figure"),
        Output("salaries-note", "children"),
        Output("salaries-table", "children"),
        Input("salaries-year-filter", "value"),
        Input("salaries-employment-filter", "value"),
    )
    def update_salaries(
        work_year: int | None, employment_type: str | None
    ) -> tuple[go.Figure, str, dbc.Table | None]:
        try:
            groups = data.salary_groups(
                reader, work_year=work_year, employment_type=employment_type
            )
        except NoSnapshotError:
            return (
                figures.message_figure("No data yet: run `make demo` or `skillradar refresh`."),
                "",
                None,
            )
        min_n = figures.MIN_GROUP_N
        table = salary_table(groups, min_n=min_n) if groups.height else None
        return (
            figures.salary_figure(groups, min_n=min_n),
            suppressed_note(groups, min_n=min_n),
            table,
        )
