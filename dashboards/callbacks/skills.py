"""Callbacks of the skills page: options from the URL, the two charts, and the URL itself."""

from __future__ import annotations

from typing import Any

import dash_bootstrap_components as dbc
import plotly.graph_objects as go
import polars as pl
from dash import Dash, Input, NoUpdate, Output, State, no_update
from dash.exceptions import PreventUpdate

from dashboards import data, figures
from dashboards.components import no_data_alert, skills_search, weekly_n_note
from warehouse.snapshots import NoSnapshotError, SnapshotReader

DEFAULT_TREND_SKILLS = 4
NO_DATA = "No data yet: run `make demo` or `skillradar refresh`."

Options = list[dict[str, Any]]


def step_options(catalog: pl.DataFrame) -> Options:
    """One option per roadmap step, with its number of skills."""
    steps = catalog.group_by("step").len().sort("step")
    return [
        {"label": f"{s} ({n} skill{'' if n == 1 else 's'})", "value": s} for s, n in steps.rows()
    ]


def skill_options(catalog: pl.DataFrame) -> Options:
    """One option per skill, most in demand first, labelled with its overall share."""
    return [
        {
            "label": f"{name} · {share:.0%}" if share >= 0.1 else f"{name} · {share:.1%}",
            "value": skill_id,
        }
        for skill_id, name, share in catalog.select("skill_id", "skill_name", "share").rows()
    ]


def initial_choice(
    catalog: pl.DataFrame, skills: list[str], step: str | None
) -> tuple[list[str], str | None, list[str]]:
    """(chosen skills, step, default skills): URL values that exist, else the defaults."""
    known = set(catalog["skill_id"])
    defaults = catalog["skill_id"].head(DEFAULT_TREND_SKILLS).to_list()
    chosen = [s for s in dict.fromkeys(skills) if s in known] or defaults
    return chosen, step if step in set(catalog["step"]) else None, defaults


def register(app: Dash, reader: SnapshotReader) -> None:
    """Attach the skills page callbacks to ``app``."""

    @app.callback(
        Output("skills-step-filter", "options"),
        Output("skills-step-filter", "value"),
        Output("skills-trend-picker", "options"),
        Output("skills-trend-picker", "value"),
        Output("skills-defaults", "data"),
        Output("skills-alert", "children"),
        Input("skills-init", "data"),
    )
    def init_controls(
        initial: dict[str, Any],
    ) -> tuple[Options, str | None, Options, list[str], list[str], dbc.Alert | None]:
        try:
            catalog = data.skill_catalog(reader)
        except NoSnapshotError:
            return [], None, [], [], [], no_data_alert()
        chosen, step, defaults = initial_choice(catalog, initial["skills"], initial["step"])
        return step_options(catalog), step, skill_options(catalog), chosen, defaults, None

    @app.callback(Output("skills-top-graph", "figure"), Input("skills-step-filter", "value"))
    def update_top(step: str | None) -> go.Figure:
        try:
            return figures.top_skills_figure(data.top_skills(reader, step=step), step=step)
        except NoSnapshotError:
            return figures.message_figure(NO_DATA)

    @app.callback(
        Output("skills-trend-graph", "figure"),
        Output("skills-trend-note", "children"),
        Input("skills-trend-picker", "value"),
    )
    def update_trend(skill_ids: list[str] | None) -> tuple[go.Figure, str]:
        if skill_ids is None:
            raise PreventUpdate
        try:
            weekly = data.weekly_skill_share(reader, skill_ids)
        except NoSnapshotError:
            return figures.message_figure(NO_DATA), ""
        return figures.skill_trend_figure(weekly), weekly_n_note(weekly)

    @app.callback(
        Output("skills-url", "search"),
        Input("skills-step-filter", "value"),
        Input("skills-trend-picker", "value"),
        State("skills-defaults", "data"),
        State("skills-url", "search"),
        prevent_initial_call=True,
    )
    def sync_url(
        step: str | None, skill_ids: list[str] | None, defaults: list[str], search: str | None
    ) -> str | NoUpdate:
        new = skills_search(step, skill_ids or [], defaults or [])
        return no_update if new == (search or "") else new
