"""Page: the headline numbers and the overall job market behind the skill counts."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboards.components import graph, page_header

dash.register_page(
    __name__, path="/overview", name="Overview", title="Overview · Skill Radar", order=-1
)


def layout(country: str | None = None, **_: object) -> html.Div:
    """Skeleton only; the callbacks fill it. ``country`` comes from the query string."""
    return html.Div(
        [
            dcc.Location(id="overview-url", refresh=False),
            dcc.Store(id="overview-init", data={"country": country}),
            page_header(
                "Overview",
                "What the published data covers, and the overall job market it sits in: the "
                "Indeed Job Postings Index for a country, above the postings Skill Radar has "
                "read each week. The two have different units and sources, so they share only "
                "the time axis.",
            ),
            html.Div(id="overview-alert"),
            dbc.Row(id="overview-kpis", className="g-3 mb-4"),
            dbc.Card(
                dbc.CardBody(
                    [
                        dbc.Row(
                            dbc.Col(
                                [
                                    dbc.Label("Market index country", html_for="overview-country"),
                                    dcc.Dropdown(id="overview-country", clearable=False),
                                ],
                                md=4,
                            ),
                            className="mb-2",
                        ),
                        graph("overview-market-graph"),
                    ]
                ),
                className="mb-4 shadow-sm",
            ),
        ]
    )
