"""The Skill Radar dashboard: a Dash Pages app over the published warehouse snapshot.

Run it with ``uv run python -m dashboards.app`` (127.0.0.1:8050; see ``--help``).
"""

from __future__ import annotations

import argparse
from pathlib import Path

import dash
import dash_bootstrap_components as dbc
from dash import Dash, dcc, html
from pydantic_settings import BaseSettings, SettingsConfigDict

from dashboards.callbacks import register_all
from dashboards.components import footer, navbar
from warehouse.paths import DataPaths
from warehouse.snapshots import SnapshotReader

HERE = Path(__file__).resolve().parent
TITLE = "Skill Radar"


class ServerSettings(BaseSettings):
    """Where the development server listens (``SKILLRADAR_HOST``, ``SKILLRADAR_PORT``)."""

    model_config = SettingsConfigDict(env_prefix="SKILLRADAR_")

    host: str = "127.0.0.1"
    port: int = 8050


def create_app(published_dir: Path | None = None) -> Dash:
    """Build the app reading snapshots from ``published_dir`` (default: ``DataPaths``).

    Nothing is read here: every query runs inside a callback, so the app starts before the
    first refresh and shows a "no data yet" message until then.
    """
    reader = SnapshotReader(published_dir or DataPaths().published_dir)
    app = Dash(
        __name__,
        title=TITLE,
        use_pages=True,
        pages_folder=str(HERE / "pages"),
        assets_folder=str(HERE / "assets"),
        external_stylesheets=[],  # Bootstrap is vendored in assets/; no CDN is reachable.
        serve_locally=True,
        meta_tags=[{"name": "viewport", "content": "width=device-width, initial-scale=1"}],
    )
    pages = [p for p in dash.page_registry.values() if not p["module"].endswith("not_found_404")]
    app.layout = html.Div(
        [
            dcc.Location(id="app-url"),
            navbar(pages),
            dbc.Container(dash.page_container, fluid="lg", className="flex-grow-1"),
            footer(),
        ],
        className="d-flex flex-column min-vh-100",
    )
    register_all(app, reader)
    return app


def main(argv: list[str] | None = None) -> None:
    """Serve the dashboard (default 127.0.0.1:8050; ``SKILLRADAR_HOST``/``_PORT`` or flags)."""
    settings = ServerSettings()
    parser = argparse.ArgumentParser(prog="skillradar-dashboard", description=__doc__)
    parser.add_argument("--host", default=settings.host)
    parser.add_argument("--port", type=int, default=settings.port)
    parser.add_argument("--data-dir", type=Path, help="published snapshots folder")
    parser.add_argument("--debug", action="store_true", help="Dash dev tools and hot reload")
    args = parser.parse_args(argv)
    create_app(args.data_dir).run(host=args.host, port=args.port, debug=args.debug)


if __name__ == "__main__":
    main()
