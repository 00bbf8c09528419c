"""Callbacks of the trends page: the comparison from the URL, the chart, the note, the URL."""

from __future__ import annotations

from typing import Any

import dash_bootstrap_components as dbc
import plotly.graph_objects as go
from dash import Dash, Input, NoUpdate, Output, State, no_update

from dashboards import data, figures
from dashboards.components import no_data_alert
from warehouse.snapshots import NoSnapshotError, SnapshotReader

COMPARISONS = ("12w", "yoy")
NO_DATA = "No data yet: run `make demo` or `skillradar refresh`."


def chosen_comparison(wanted: str | None) -> str:
    """The URL's comparison when it is one we know (an allow-list), else ``12w``."""
    return wanted if wanted in COMPARISONS else COMPARISONS[0]


def trends_note(windows: dict[str, Any]) -> str:
    """How many skills were tested, and how many rose or fell significantly."""
    if not windows.get("n_prior"):
        return "The earlier window has no postings, so nothing could be tested."
    return (
        f"{windows['tested']:,} skills tested; {windows['risers']:,} rose and "
        f"{windows['fallers']:,} fell significantly (Benjamini–Hochberg q < 0.05). "
        f"Postings: {windows['n_prior']:,} in {windows['prior_start']} – {windows['prior_end']}, "
        f"{windows['n_current']:,} in {windows['current_start']} – {windows['current_end']}."
    )


def register(app: Dash, reader: SnapshotReader) -> None:
    """Attach the trends page callbacks to ``app``."""

    @app.callback(Output("trends-comparison", "value"), Input("trends-init", "data"))
    def init_comparison(initial: dict[str, Any]) -> str:
        return chosen_comparison(initial["comparison"])

    @app.callback(
        Output("trends-graph", "figure"),
        Output("trends-note", "children"),
        Output("trends-alert", "children"),
        Input("trends-comparison", "value"),
    )
    def update(comparison: str) -> tuple[go.Figure, str, dbc.Alert | None]:
        comparison = chosen_comparison(comparison)
        try:
            changes = data.skill_changes(reader, comparison)
            windows = data.skill_change_windows(reader, comparison)
        except NoSnapshotError:
            return figures.message_figure(NO_DATA), "", no_data_alert()
        return figures.skill_changes_figure(changes, windows), trends_note(windows), None

    @app.callback(
        Output("trends-url", "search"),
        Input("trends-comparison", "value"),
        State("trends-url", "search"),
        prevent_initial_call=True,
    )
    def sync_url(comparison: str, search: str | None) -> str | NoUpdate:
        new = "" if comparison == COMPARISONS[0] else f"?comparison={chosen_comparison(comparison)}"
        return no_update if new == (search or "") else new
