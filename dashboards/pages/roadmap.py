"""Page: a roadmap drawn as its ordered steps, each coloured by how many postings need it."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboards.components import graph, page_header

dash.register_page(
    __name__, path="/roadmap", name="Roadmap", title="Roadmap · Skill Radar", order=2
)


def layout(roadmap: str | None = None, **_: object) -> html.Div:
    """Skeleton only; the callbacks fill it. ``roadmap`` comes from the query string."""
    return html.Div(
        [
            dcc.Location(id="roadmap-url", refresh=False),
            dcc.Store(id="roadmap-init", data={"roadmap": roadmap}),
            page_header(
                "Roadmap demand",
                "Each step of a learning roadmap, in its order, with the share of unique job "
                "postings (duplicates merged) that name at least one of the step's skills. Pick "
                "one of the five published roadmaps or the unified default; the table lists what "
                "postings ask for most in each step. The address bar keeps your choice.",
            ),
            html.Div(id="roadmap-alert"),
            dbc.Card(
                dbc.CardBody(
                    [
                        dbc.Row(
                            dbc.Col(
                                [
                                    dbc.Label("Roadmap", html_for="roadmap-picker"),
                                    dcc.Dropdown(id="roadmap-picker", clearable=False),
                                ],
                                md=6,
                            ),
                            className="mb-2",
                        ),
                        graph("roadmap-steps-graph"),
                    ]
                ),
                className="mb-4 shadow-sm",
            ),
            dbc.Card(
                dbc.CardBody(
                    [
                        html.H2("Most asked-for skills per step", className="h6"),
                        html.Div(id="roadmap-top-table"),
                    ]
                ),
                className="mb-4 shadow-sm",
            ),
        ]
    )
