"""Fixtures for the browser tests: a live Dash server on 127.0.0.1 and headless Chromium."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from werkzeug.serving import BaseWSGIServer, make_server

from dashboards.app import create_app

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _serve(published_dir: Path) -> Iterator[str]:
    """Run the real app in a background thread; yield its base URL, then shut it down."""
    app = create_app(published_dir)
    server: BaseWSGIServer = make_server("127.0.0.1", _free_port(), app.server, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def dash_url(published_dir: Path) -> Iterator[str]:
    """Base URL of the dashboard serving ``published_dir``."""
    yield from _serve(published_dir)


@pytest.fixture(scope="session")
def empty_dash_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL of the dashboard before anything has been published."""
    yield from _serve(tmp_path_factory.mktemp("nothing-published"))


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Headless Debian Chromium driven by Playwright (never a downloaded browser)."""
    assert CHROMIUM.exists(), "needs Debian chromium: `make browsers` installs it with apt-get"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    """Where screenshots go (``tests/artifacts/``, not tracked)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def quarantine_dash_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The dashboard over a warehouse built from the slice plus three bad records."""
    from helpers import materialize_all, slice_resources, write_mapping, write_slice_with_bad_rows

    root = tmp_path_factory.mktemp("with-quarantine")
    source = root / "postings.csv"
    write_slice_with_bad_rows(source)
    result = materialize_all(slice_resources(root / "data", write_mapping(root / "m", source)))
    assert result.success
    yield from _serve(root / "data" / "published")
