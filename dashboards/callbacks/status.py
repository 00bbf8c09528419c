"""The footer's status line."""

from __future__ import annotations

from dash import Dash, Input, Output

from dashboards import data
from dashboards.components import STATUS_ID, status_text
from warehouse.snapshots import NoSnapshotError, SnapshotReader


def register(app: Dash, reader: SnapshotReader) -> None:
    """Refresh the status line whenever the page changes."""

    @app.callback(Output(STATUS_ID, "children"), Input("app-url", "pathname"))
    def update_status(_pathname: str | None) -> str:
        try:
            return status_text(data.refresh_status(reader))
        except NoSnapshotError:
            return "No data published yet."
