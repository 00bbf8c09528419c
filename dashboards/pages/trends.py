"""Page: which skills are rising and falling, tested for significance across all skills."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboards.components import graph, page_header

dash.register_page(__name__, path="/trends", name="Trends", title="Trends · Skill Radar", order=1)


def layout(comparison: str | None = None, **_: object) -> html.Div:
    """Skeleton only; the callbacks fill it. ``comparison`` comes from the query string."""
    return html.Div(
        [
            dcc.Location(id="trends-url", refresh=False),
            dcc.Store(id="trends-init", data={"comparison": comparison}),
            page_header(
                "Rising and falling skills",
                "How each skill's share of unique job postings changed between two 12-week "
                "windows, in percentage points with a 95% interval. A change counts as real "
                "when a two-proportion test survives Benjamini–Hochberg correction across every "
                "skill (q < 0.05): blue rose, vermilion fell, grey may be chance.",
            ),
            html.Div(id="trends-alert"),
            dbc.Card(
                dbc.CardBody(
                    [
                        dbc.Label("Compare", html_for="trends-comparison"),
                        dbc.RadioItems(
                            id="trends-comparison",
                            options=[
                                {"label": "Last 12 weeks vs the 12 before", "value": "12w"},
                                {"label": "Last 12 weeks vs a year ago", "value": "yoy"},
                            ],
                            value="12w",
                            inline=True,
                            className="mb-2",
                        ),
                        graph("trends-graph"),
                        html.P(id="trends-note", className="small text-body-secondary mb-0"),
                    ]
                ),
                className="mb-4 shadow-sm",
            ),
        ]
    )
