"""Data status: what the last refresh published, what was quarantined and why, and credits."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import dash_table, dcc, html

from dashboards.attribution import DATA_SOURCES
from dashboards.components import page_header

dash.register_page(
    __name__, path="/status", name="Data status", title="Data status · Skill Radar", order=9
)

QUARANTINE_COLUMNS = ("stage", "source", "source_file", "line", "reason", "raw")
SOURCE_COLUMNS = (
    "source",
    "postings",
    "unique_postings",
    "first_posted",
    "last_posted",
    "with_salary",
)
REASON_COLUMNS = ("stage", "source", "reason", "records")


def layout(**_: object) -> html.Div:
    """Skeleton only; the callbacks fill it."""
    return html.Div(
        [
            dcc.Store(id="status-init", data=True),
            page_header(
                "Data status",
                "What the latest refresh published, every record that could not be used and "
                "why, and the sources behind every number.",
            ),
            html.Div(id="status-alert"),
            dbc.Card(dbc.CardBody(html.Div(id="status-summary")), className="mb-3"),
            dbc.Card(
                dbc.CardBody(
                    [
                        html.H2("Postings by source", className="h5"),
                        html.P(
                            "Total counts every posting; unique counts each job once after "
                            "exact copies, near-duplicates and reposts within 60 days are merged. "
                            "Skill shares on the other pages are over total postings.",
                            className="small text-body-secondary",
                        ),
                        dash_table.DataTable(
                            id="status-sources-table",
                            columns=[{"name": c, "id": c} for c in SOURCE_COLUMNS],
                            style_table={"overflowX": "auto"},
                        ),
                    ]
                ),
                className="mb-3",
            ),
            dbc.Card(
                dbc.CardBody(
                    [
                        html.H2("Quarantine", className="h5"),
                        html.P(id="status-quarantine-note", className="text-body-secondary"),
                        dash_table.DataTable(
                            id="status-reasons-table",
                            columns=[{"name": c, "id": c} for c in REASON_COLUMNS],
                            style_table={"overflowX": "auto"},
                            style_cell={"whiteSpace": "normal", "textAlign": "left"},
                        ),
                        dash_table.DataTable(
                            id="status-quarantine-table",
                            columns=[{"name": c, "id": c} for c in QUARANTINE_COLUMNS],
                            page_size=10,
                            sort_action="native",
                            filter_action="native",
                            style_table={"overflowX": "auto", "marginTop": "1rem"},
                            style_cell={
                                "whiteSpace": "normal",
                                "textAlign": "left",
                                "maxWidth": "32rem",
                            },
                        ),
                        dbc.Button(
                            "Download quarantine (CSV)",
                            id="status-quarantine-download-button",
                            color="secondary",
                            size="sm",
                            className="mt-2",
                        ),
                        dcc.Download(id="status-quarantine-download"),
                    ]
                ),
                className="mb-3",
            ),
            dbc.Card(
                dbc.CardBody(
                    [
                        html.H2("Data sources and attribution", className="h5"),
                        html.Ul(
                            [
                                html.Li(
                                    [html.Strong(s.name), f": {s.what}. {s.licence}; {s.credit}."]
                                )
                                for s in DATA_SOURCES
                            ],
                            id="status-attribution",
                        ),
                    ]
                )
            ),
        ]
    )
