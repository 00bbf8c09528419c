"""The data-status page: counts per source, the quarantine and its CSV download."""

from __future__ import annotations

from typing import Any

from dash import Dash, Input, Output, html, no_update

from dashboards import data
from dashboards.components import no_data_alert
from warehouse.exports import safe_csv
from warehouse.snapshots import NoSnapshotError, SnapshotReader

Records = list[dict[str, Any]]


def register(app: Dash, reader: SnapshotReader) -> None:
    """Attach the page's callbacks."""

    @app.callback(
        Output("status-alert", "children"),
        Output("status-summary", "children"),
        Output("status-sources-table", "data"),
        Output("status-reasons-table", "data"),
        Output("status-quarantine-table", "data"),
        Output("status-quarantine-note", "children"),
        Input("status-init", "data"),
    )
    def fill(_init: bool) -> tuple[Any, Any, Records, Records, Records, str]:
        try:
            status = data.refresh_status(reader)
            sources = data.source_counts(reader)
            reasons = data.quarantine_reasons(reader)
            rows = data.quarantine_rows(reader)
        except NoSnapshotError:
            return no_data_alert(), "", [], [], [], ""
        summary = (
            html.P(
                f"Last refresh {status.refreshed_at:%Y-%m-%d %H:%M} UTC: "
                f"{status.postings_total:,} postings and {status.salaries_total:,} salary "
                f"records published; extractor {status.extractor_version}."
            )
            if status
            else html.P("No refresh recorded yet.")
        )
        note = (
            f"{rows.height:,} records quarantined. Each is kept with its file, line and reason; "
            "none was dropped silently."
            if rows.height
            else "0 records quarantined: every record read was stored, merged as a duplicate or "
            "used."
        )
        return (
            None,
            summary,
            sources.with_columns(
                sources["first_posted"].cast(str), sources["last_posted"].cast(str)
            ).to_dicts(),
            reasons.to_dicts(),
            rows.drop("quarantined_at").to_dicts(),
            note,
        )

    @app.callback(
        Output("status-quarantine-download", "data"),
        Input("status-quarantine-download-button", "n_clicks"),
        prevent_initial_call=True,
    )
    def download(n_clicks: int | None) -> Any:
        if not n_clicks:
            return no_update
        try:
            rows = data.quarantine_rows(reader)
        except NoSnapshotError:
            return no_update
        return {"content": safe_csv(rows), "filename": "skillradar-quarantine.csv"}
