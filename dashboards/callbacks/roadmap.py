"""Callbacks of the roadmap page: roadmap choice from the URL, the step chart, the top skills."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

import dash_bootstrap_components as dbc
import plotly.graph_objects as go
import polars as pl
from dash import Dash, Input, NoUpdate, Output, State, html, no_update
from dash.exceptions import PreventUpdate

from dashboards import data, figures
from dashboards.components import no_data_alert
from warehouse.snapshots import NoSnapshotError, SnapshotReader

DEFAULT_ROADMAP = "unified"
NO_DATA = "No data yet: run `make demo` or `skillradar refresh`."

Options = list[dict[str, Any]]


def roadmap_options(roadmaps: pl.DataFrame) -> Options:
    """One option per roadmap, with its number of steps."""
    return [
        {"label": f"{title} ({steps} steps)", "value": roadmap_id}
        for roadmap_id, title, steps in roadmaps.select(
            "roadmap_id", "roadmap_title", "steps"
        ).rows()
    ]


def chosen_roadmap(roadmaps: pl.DataFrame, wanted: str | None) -> str | None:
    """The URL's roadmap when it exists (an allow-list), else the unified one, else the first."""
    known = roadmaps["roadmap_id"].to_list()
    for candidate in (wanted, DEFAULT_ROADMAP):
        if candidate in known:
            return candidate
    return known[0] if known else None


def roadmap_search(roadmap_id: str | None) -> str:
    """The query string for a roadmap; empty for the default."""
    if not roadmap_id or roadmap_id == DEFAULT_ROADMAP:
        return ""
    return "?" + urlencode({"roadmap": roadmap_id})


def top_skills_table(steps: pl.DataFrame, top: pl.DataFrame) -> dbc.Table | html.P:
    """Steps in order with their share and most asked-for skills (Dash escapes every text)."""
    if steps.is_empty():
        return html.P("This roadmap has no steps.", className="text-body-secondary")
    header = html.Thead(
        html.Tr([html.Th("Step"), html.Th("Postings needing it", className="text-end"),
                 html.Th("Most asked-for skills (share of unique postings)")])
    )  # fmt: skip
    rows = []
    for step in steps.sort("step_order").iter_rows(named=True):
        skills = top.filter(pl.col("step_id") == step["step_id"]).sort("rank")
        named = ", ".join(f"{s} {v:.0%}" for s, v in skills.select("skill_name", "share").rows())
        share = "–" if step["share"] is None else f"{step['share']:.0%}"
        rows.append(
            html.Tr(
                [
                    html.Td(f"{step['step_order']}. {step['step_name']}"),
                    html.Td(f"{share} (n = {step['postings']:,})", className="text-end"),
                    html.Td(named or "no posting names these skills"),
                ]
            )
        )
    return dbc.Table(
        [header, html.Tbody(rows)], size="sm", striped=True, hover=True, responsive=True
    )


def register(app: Dash, reader: SnapshotReader) -> None:
    """Attach the roadmap page callbacks to ``app``."""

    @app.callback(
        Output("roadmap-picker", "options"),
        Output("roadmap-picker", "value"),
        Output("roadmap-alert", "children"),
        Input("roadmap-init", "data"),
    )
    def init_picker(initial: dict[str, Any]) -> tuple[Options, str | None, dbc.Alert | None]:
        try:
            roadmaps = data.roadmaps(reader)
        except NoSnapshotError:
            return [], None, no_data_alert()
        return roadmap_options(roadmaps), chosen_roadmap(roadmaps, initial["roadmap"]), None

    @app.callback(
        Output("roadmap-steps-graph", "figure"),
        Output("roadmap-top-table", "children"),
        Input("roadmap-picker", "value"),
    )
    def update_roadmap(roadmap_id: str | None) -> tuple[go.Figure, Any]:
        if roadmap_id is None:
            return figures.message_figure(NO_DATA), None
        try:
            steps = data.roadmap_steps(reader, roadmap_id)
            top = data.roadmap_top_skills(reader, roadmap_id)
        except NoSnapshotError:
            return figures.message_figure(NO_DATA), None
        return figures.roadmap_steps_figure(steps), top_skills_table(steps, top)

    @app.callback(
        Output("roadmap-url", "search"),
        Input("roadmap-picker", "value"),
        State("roadmap-url", "search"),
        prevent_initial_call=True,
    )
    def sync_url(roadmap_id: str | None, search: str | None) -> str | NoUpdate:
        if roadmap_id is None:
            raise PreventUpdate
        new = roadmap_search(roadmap_id)
        return no_update if new == (search or "") else new
