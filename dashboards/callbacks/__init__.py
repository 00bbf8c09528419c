"""Callbacks, registered on one app by :func:`register_all` (never at import time)."""

from __future__ import annotations

from dash import Dash

from warehouse.snapshots import SnapshotReader


def register_all(app: Dash, reader: SnapshotReader) -> None:
    """Attach every page's callbacks to ``app``, reading from ``reader``."""
    from dashboards.callbacks import (
        overview,
        roadmap,
        salaries,
        skills,
        status,
        status_page,
        trends,
    )

    status.register(app, reader)
    skills.register(app, reader)
    overview.register(app, reader)
    trends.register(app, reader)
    roadmap.register(app, reader)
    salaries.register(app, reader)
    status_page.register(app, reader)
