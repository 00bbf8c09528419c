"""The page shown for any unknown path."""

from __future__ import annotations

import dash
from dash import dcc, html

dash.register_page(__name__, title="Not found · Skill Radar")


def layout(**_: object) -> html.Div:
    """A short apology with a way back."""
    return html.Div(
        [
            html.H1("Page not found", className="h3"),
            html.P("There is no page at this address."),
            dcc.Link("Back to the skills overview", href="/"),
        ],
        className="py-5",
    )
