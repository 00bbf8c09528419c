"""Reusable layout pieces and the small pure helpers behind them (URL state, labels, notes)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import urlencode

import dash_bootstrap_components as dbc
import polars as pl
from dash import dcc, html

from dashboards.data import RefreshStatus
from dashboards.figures import EXPERIENCE_ORDER, family_order

EMPLOYMENT_TYPES = {"FT": "Full-time", "PT": "Part-time", "CT": "Contract", "FL": "Freelance"}
STATUS_ID = "app-status"


def navbar(pages: Iterable[Mapping[str, Any]]) -> dbc.Navbar:
    """Top bar with one link per registered page, in ``order``."""
    links = [
        dbc.NavItem(dbc.NavLink(page["name"], href=page["relative_path"], active="exact"))
        for page in sorted(pages, key=lambda p: (p.get("order") or 0, p["name"]))
    ]
    return dbc.Navbar(
        dbc.Container(
            [
                dbc.NavbarBrand("Skill Radar", href="/", className="fw-semibold"),
                dbc.Nav(links, navbar=True, className="me-auto"),
            ],
            fluid="lg",
        ),
        color="dark",
        dark=True,
        className="mb-4",
    )


def footer() -> html.Footer:
    """Status line filled by the status callback: last refresh and what it published."""
    return html.Footer(
        dbc.Container(
            html.Small(id=STATUS_ID, className="text-body-secondary"),
            fluid="lg",
        ),
        className="border-top py-3 mt-5",
    )


def page_header(title: str, lead: str) -> html.Div:
    """A page title with one explanatory sentence."""
    return html.Div(
        [html.H1(title, className="h3 mb-1"), html.P(lead, className="text-body-secondary")],
        className="mb-3",
    )


def no_data_alert() -> dbc.Alert:
    """Shown instead of charts before the first refresh."""
    return dbc.Alert(
        [
            html.H2("No data yet", className="h5 alert-heading"),
            html.P(
                [
                    "Nothing has been published. Run ",
                    html.Code("make demo"),
                    " to load the bundled real demo data, or ",
                    html.Code("skillradar refresh"),
                    ", then reload this page.",
                ],
                className="mb-0",
            ),
        ],
        color="info",
        className="no-data-alert",
    )


def status_text(status: RefreshStatus | None) -> str:
    """One line about the latest refresh."""
    if status is None:
        return "No refresh recorded yet."
    when = status.refreshed_at.strftime("%Y-%m-%d %H:%M")
    return (
        f"Last refresh {when} UTC · {status.postings_total:,} postings · "
        f"{status.salaries_total:,} salary records · extractor {status.extractor_version}"
    )


def parse_list(value: str | list[str] | None) -> list[str]:
    """Comma-separated (or repeated) query-string values as a list, blanks dropped."""
    if value is None:
        return []
    parts = value if isinstance(value, list) else [value]
    return [item.strip() for part in parts for item in part.split(",") if item.strip()]


def skills_search(step: str | None, skills: list[str], default_skills: list[str]) -> str:
    """The query string for the skills page; defaults are left out so ``/`` stays clean."""
    params: dict[str, str] = {}
    if skills != default_skills:
        params["skills"] = ",".join(skills)
    if step:
        params["step"] = step
    return "?" + urlencode(params, safe=",") if params else ""


def weekly_n_note(df: pl.DataFrame) -> str:
    """Postings per week behind the trend chart, e.g. ``2024-W14: n = 318 · ...``."""
    if df.is_empty():
        return ""
    weeks = df.unique("week").sort("week")
    parts = [f"{w}: n = {n:,}" for w, n in weeks.select("iso_week", "postings_total").rows()]
    return (
        "Postings per week: "
        + " · ".join(parts)
        + ". Shaded bands are Wilson 95% intervals; with few weeks and small n, read trends"
        " with care."
    )


def employment_label(code: str) -> str:
    """A readable name for an aijobs.net employment type code."""
    return EMPLOYMENT_TYPES.get(code, code)


def salary_table(df: pl.DataFrame, *, min_n: int) -> dbc.Table:
    """Median salary and n per role family (rows) and experience level (columns)."""
    levels = (
        df.select("experience_level", "experience_label")
        .unique()
        .sort(
            pl.col("experience_level").replace_strict(
                {lvl: i for i, lvl in enumerate(EXPERIENCE_ORDER)}, default=9, return_dtype=pl.Int8
            ),
            "experience_level",
        )
        .rows()
    )
    families = family_order(df)
    cells = {(r["role_family"], r["experience_level"]): r for r in df.iter_rows(named=True)}
    header = html.Thead(
        html.Tr(
            [html.Th("Role family")] + [html.Th(label, className="text-end") for _, label in levels]
        )
    )
    rows = []
    for family in families:
        tds: list[html.Th | html.Td] = [html.Th(family, scope="row")]
        for level, _ in levels:
            cell = cells.get((family, level))
            if cell is None:
                tds.append(html.Td("no records", className="text-end text-body-secondary"))
            elif cell["n"] < min_n:
                tds.append(
                    html.Td(f"hidden (n = {cell['n']})", className="text-end text-body-secondary")
                )
            else:
                tds.append(
                    html.Td(f"${cell['median']:,.0f} (n = {cell['n']:,})", className="text-end")
                )
        rows.append(html.Tr(tds))
    return dbc.Table(
        [header, html.Tbody(rows)], size="sm", striped=True, hover=True, responsive=True
    )


def graph(graph_id: str) -> dcc.Loading:
    """A chart with a loading spinner and no plotly logo."""
    return dcc.Loading(
        dcc.Graph(id=graph_id, config={"displaylogo": False, "responsive": True}),
        type="default",
        delay_show=300,
    )
