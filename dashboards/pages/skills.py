"""Page 1: which skills postings ask for now, and how their share moves week by week."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboards.components import graph, page_header, parse_list

dash.register_page(__name__, path="/", name="Skills", title="Skills · Skill Radar", order=0)


def layout(skills: str | list[str] | None = None, step: str | None = None, **_: object) -> html.Div:
    """Skeleton only; the callbacks fill it. ``skills`` and ``step`` come from the query string."""
    return html.Div(
        [
            dcc.Location(id="skills-url", refresh=False),
            dcc.Store(id="skills-init", data={"skills": parse_list(skills), "step": step}),
            dcc.Store(id="skills-defaults", data=[]),
            page_header(
                "Skills in demand",
                "Share of job postings that mention each skill, with 95% intervals, counted over "
                "all postings (Data status gives the unique count after de-duplication). "
                "Pick a roadmap step to narrow the ranking; pick skills to follow them week by "
                "week. The address bar keeps your choices, so a copied link reopens this view.",
            ),
            html.Div(id="skills-alert"),
            dbc.Card(
                dbc.CardBody(
                    [
                        dbc.Row(
                            dbc.Col(
                                [
                                    dbc.Label("Roadmap step", html_for="skills-step-filter"),
                                    dcc.Dropdown(
                                        id="skills-step-filter",
                                        placeholder="All steps",
                                        clearable=True,
                                    ),
                                ],
                                md=4,
                            ),
                            className="mb-2",
                        ),
                        graph("skills-top-graph"),
                    ]
                ),
                className="mb-4 shadow-sm",
            ),
            dbc.Card(
                dbc.CardBody(
                    [
                        dbc.Label("Skills to follow", html_for="skills-trend-picker"),
                        dcc.Dropdown(
                            id="skills-trend-picker",
                            multi=True,
                            placeholder="Choose skills…",
                            className="mb-2",
                        ),
                        graph("skills-trend-graph"),
                        html.P(id="skills-trend-note", className="small text-body-secondary mb-0"),
                    ]
                ),
                className="mb-4 shadow-sm",
            ),
        ]
    )
