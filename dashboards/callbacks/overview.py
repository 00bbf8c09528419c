"""Callbacks of the overview page: headline numbers, the market chart and its country."""

from __future__ import annotations

from typing import Any

import dash_bootstrap_components as dbc
import plotly.graph_objects as go
import polars as pl
from dash import Dash, Input, NoUpdate, Output, State, html, no_update
from dash.exceptions import PreventUpdate

from dashboards import data, figures
from dashboards.components import no_data_alert
from warehouse.snapshots import NoSnapshotError, SnapshotReader

DEFAULT_COUNTRY = "US"
NO_DATA = "No data yet: run `make demo` or `skillradar refresh`."


def chosen_country(countries: pl.DataFrame, wanted: str | None) -> str | None:
    """The URL's country when the index covers it (an allow-list), else US, else the first."""
    known = countries["country"].to_list()
    for candidate in (wanted, DEFAULT_COUNTRY):
        if candidate in known:
            return candidate
    return known[0] if known else None


def kpi_cards(kpis: dict[str, Any]) -> list[dbc.Col]:
    """Four cards: postings, their date span, the share with a salary, the last refresh."""
    unique = kpis["unique_postings"] or 0
    with_salary = f"{kpis['unique_with_salary'] / unique:.0%}" if unique else "–"
    span = (
        f"{kpis['first_posted']:%d %b %Y} – {kpis['last_posted']:%d %b %Y}"
        if kpis["first_posted"]
        else "–"
    )
    refreshed = f"{kpis['refreshed_at']:%Y-%m-%d %H:%M} UTC" if kpis["refreshed_at"] else "–"
    cards = [
        ("Postings", f"{kpis['postings']:,}", f"{unique:,} unique after de-duplication"),
        ("Posted", span, "first and last posting date"),
        ("With a salary", with_salary, f"of {unique:,} unique postings state pay"),
        ("Last refresh", refreshed, "when this snapshot was published"),
    ]
    return [
        dbc.Col(
            dbc.Card(
                dbc.CardBody(
                    [
                        html.Div(label, className="small text-body-secondary"),
                        html.Div(value, className="fs-4 fw-semibold kpi-value"),
                        html.Div(note, className="small text-body-secondary"),
                    ]
                ),
                className="shadow-sm h-100",
            ),
            md=3,
        )
        for label, value, note in cards
    ]


def register(app: Dash, reader: SnapshotReader) -> None:
    """Attach the overview page callbacks to ``app``."""

    @app.callback(
        Output("overview-kpis", "children"),
        Output("overview-country", "options"),
        Output("overview-country", "value"),
        Output("overview-alert", "children"),
        Input("overview-init", "data"),
    )
    def init_page(
        initial: dict[str, Any],
    ) -> tuple[list[dbc.Col], list[dict[str, str]], str | None, dbc.Alert | None]:
        try:
            kpis = data.overview_kpis(reader)
            countries = data.market_countries(reader)
        except NoSnapshotError:
            return [], [], None, no_data_alert()
        options = [
            {"label": f"{c} ({first:%Y} – {last:%Y})", "value": c}
            for c, first, last in countries.rows()
        ]
        return kpi_cards(kpis), options, chosen_country(countries, initial["country"]), None

    @app.callback(Output("overview-market-graph", "figure"), Input("overview-country", "value"))
    def update_market(country: str | None) -> go.Figure:
        if country is None:
            return figures.message_figure(NO_DATA)
        try:
            market = data.market_index_weekly(reader, country)
            weekly = data.postings_weekly(reader)
        except NoSnapshotError:
            return figures.message_figure(NO_DATA)
        return figures.market_backdrop_figure(market, weekly, country=country)

    @app.callback(
        Output("overview-url", "search"),
        Input("overview-country", "value"),
        State("overview-url", "search"),
        prevent_initial_call=True,
    )
    def sync_url(country: str | None, search: str | None) -> str | NoUpdate:
        if country is None:
            raise PreventUpdate
        new = "" if country == DEFAULT_COUNTRY else f"?country={country}"
        return no_update if new == (search or "") else new
