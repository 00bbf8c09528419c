"""Page 2: annual salary in USD by role family and experience level (aijobs.net records)."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboards.components import graph, page_header
from dashboards.figures import MIN_GROUP_N

dash.register_page(
    __name__, path="/salaries", name="Salaries", title="Salaries · Skill Radar", order=3
)


def layout(**_: object) -> html.Div:
    """Skeleton only; the callbacks fill it."""
    return html.Div(
        [
            dcc.Store(id="salaries-init", data=True),
            page_header(
                "Salaries",
                "Annual salary in US dollars by role family and experience level: the dot is "
                f"the median, the bar the middle half (IQR). Groups with fewer than "
                f"{MIN_GROUP_N} records are hidden.",
            ),
            html.Div(id="salaries-alert"),
            dbc.Card(
                dbc.CardBody(
                    [
                        dbc.Row(
                            [
                                dbc.Col(
                                    [
                                        dbc.Label("Work year", html_for="salaries-year-filter"),
                                        dcc.Dropdown(
                                            id="salaries-year-filter", placeholder="All years"
                                        ),
                                    ],
                                    md=3,
                                ),
                                dbc.Col(
                                    [
                                        dbc.Label(
                                            "Employment type",
                                            html_for="salaries-employment-filter",
                                        ),
                                        dcc.Dropdown(
                                            id="salaries-employment-filter",
                                            placeholder="All types",
                                        ),
                                    ],
                                    md=3,
                                ),
                            ],
                            className="mb-2",
                        ),
                        graph("salaries-graph"),
                        html.P(id="salaries-note", className="small text-body-secondary"),
                        html.H2("Median salary and n per group", className="h6 mt-3"),
                        html.Div(id="salaries-table"),
                    ]
                ),
                className="mb-4 shadow-sm",
            ),
        ]
    )
