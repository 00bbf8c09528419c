"""The real dashboard in headless Chromium: every page draws data, logs no errors, and the skills
page keeps its state in the URL."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest

from warehouse.snapshots import SnapshotReader

pytestmark = pytest.mark.e2e

TIMEOUT_MS = 20_000


@dataclass
class Tab:
    """A browser page plus the errors it has logged."""

    page: Any
    errors: list[str] = field(default_factory=list)

    def open(self, url: str) -> None:
        self.page.goto(url, wait_until="networkidle")

    def traces(self, graph_id: str) -> list[dict[str, Any]]:
        """Wait for the plotly chart inside ``#graph_id`` to have data; return its traces."""
        selector = f"#{graph_id} .js-plotly-plot"
        self.page.wait_for_function(
            "sel => { const g = document.querySelector(sel); return g && g.data && g.data.length }",
            arg=selector,
            timeout=TIMEOUT_MS,
        )
        return self.page.evaluate(
            """sel => document.querySelector(sel).data.map(t => ({
                type: t.type, name: t.name, fill: t.fill || null,
                showlegend: t.showlegend, x: Array.from(t.x || []), y: Array.from(t.y || [])
            }))""",
            selector,
        )

    def layout_text(self, graph_id: str, path: str) -> str:
        """A text attribute of the chart's layout, e.g. ``title.text``."""
        return self.page.evaluate(
            """([sel, path]) => path.split('.').reduce(
                (o, k) => (o == null ? o : o[k]), document.querySelector(sel).layout)""",
            [f"#{graph_id} .js-plotly-plot", path],
        )

    def shot(self, folder: Path, name: str) -> None:
        self.page.screenshot(path=str(folder / f"{name}.png"), full_page=True)


@pytest.fixture
def tab(browser: Any) -> Iterator[Tab]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    tab = Tab(page)
    page.on("console", lambda msg: tab.errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: tab.errors.append(str(exc)))
    yield tab
    context.close()


def _lines(traces: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [t for t in traces if t["type"] == "scatter" and t["fill"] != "toself"]


def test_skills_page_draws_top_skills_and_trend(tab: Tab, dash_url: str, artifacts_dir: Path):
    tab.open(dash_url + "/")
    (bars,) = tab.traces("skills-top-graph")
    assert bars["type"] == "bar" and len(bars["x"]) > 0
    assert all(0 <= x <= 100 for x in bars["x"])
    trend = tab.traces("skills-trend-graph")
    lines = _lines(trend)
    assert lines and all(len(t["y"]) > 0 for t in lines)
    weekly_n = next(t for t in trend if t["type"] == "bar")
    assert sum(weekly_n["y"]) > 0
    assert tab.layout_text("skills-top-graph", "xaxis.title.text") == "Share of postings (%)"
    tab.page.wait_for_function(
        "() => document.querySelector('#app-status').textContent.includes('postings')"
    )
    assert "postings per week" in tab.page.inner_text("#skills-trend-note").lower()
    tab.shot(artifacts_dir, "skills")
    assert tab.errors == []


def test_skills_url_preselects_skills_and_step(
    tab: Tab, dash_url: str, published_dir: Path, artifacts_dir: Path
):
    catalog = SnapshotReader(published_dir).query("skills_catalog")
    picked = catalog.tail(2)  # the least common skills: never the default selection
    ids = picked["skill_id"].to_list()
    step = picked["step"][-1]
    tab.open(f"{dash_url}/?skills={','.join(ids)}&step={step}")
    tab.traces("skills-trend-graph")
    tab.page.wait_for_function(
        "n => document.querySelector('#skills-trend-graph .js-plotly-plot').data"
        ".filter(t => t.type === 'scatter' && t.fill !== 'toself').length === n",
        arg=len(ids),
    )
    lines = _lines(tab.traces("skills-trend-graph"))
    assert [t["name"] for t in lines] == picked["skill_name"].to_list()
    tab.page.wait_for_function(
        "s => (document.querySelector('#skills-top-graph .js-plotly-plot').layout.title.text || '')"
        ".includes(s)",
        arg=step,
    )
    query = parse_qs(urlparse(tab.page.url).query)
    assert query == {"skills": [",".join(ids)], "step": [step]}
    tab.shot(artifacts_dir, "skills-from-url")
    assert tab.errors == []


def test_choosing_a_step_writes_it_into_the_url(tab: Tab, dash_url: str, published_dir: Path):
    step = SnapshotReader(published_dir).query("skills_catalog")["step"][0]
    tab.open(dash_url + "/")
    tab.traces("skills-top-graph")
    tab.page.click("#skills-step-filter")
    tab.page.get_by_role("option", name=f"{step} (").first.click()
    tab.page.wait_for_url(lambda url: "step=" in url)
    assert parse_qs(urlparse(tab.page.url).query)["step"] == [step]
    tab.page.wait_for_function(
        "s => document.querySelector('#skills-top-graph .js-plotly-plot').layout.title.text"
        ".includes(s)",
        arg=step,
    )
    assert tab.errors == []


def test_salaries_page_draws_groups_with_n(tab: Tab, dash_url: str, artifacts_dir: Path):
    tab.open(dash_url + "/salaries")
    traces = tab.traces("salaries-graph")
    assert traces and all(len(t["x"]) > 0 for t in traces)
    assert all(x > 0 for t in traces for x in t["x"])
    title = tab.layout_text("salaries-graph", "title.text")
    assert "n = " in title
    assert tab.layout_text("salaries-graph", "xaxis.title.text").startswith("Annual salary (USD)")
    tab.page.wait_for_selector("#salaries-table tbody tr")
    assert "n = " in tab.page.inner_text("#salaries-table")
    assert "n < 10" in tab.page.inner_text(
        "#salaries-note"
    ) or "at least 10" in tab.page.inner_text("#salaries-note")
    tab.shot(artifacts_dir, "salaries")
    assert tab.errors == []


def test_roadmap_page_draws_each_step_in_order_with_n(
    tab: Tab, dash_url: str, published_dir: Path, artifacts_dir: Path
):
    steps = SnapshotReader(published_dir).query("roadmap_steps", {"roadmap_id": "unified"})
    tab.open(dash_url + "/roadmap")
    (bars,) = tab.traces("roadmap-steps-graph")
    assert len(bars["y"]) == steps.height
    assert bars["y"][0].startswith("1. ") and all(0 <= x <= 100 for x in bars["x"])
    assert bars["x"] == pytest.approx((steps["share"] * 100).to_list())
    assert "unique postings" in tab.layout_text("roadmap-steps-graph", "title.text")
    tab.page.wait_for_selector("#roadmap-top-table tbody tr")
    assert len(tab.page.locator("#roadmap-top-table tbody tr").all()) == steps.height
    tab.shot(artifacts_dir, "roadmap")
    assert tab.errors == []


def test_choosing_a_roadmap_writes_it_into_the_url_and_the_url_reopens_it(
    tab: Tab, dash_url: str, published_dir: Path
):
    roadmaps = SnapshotReader(published_dir).query("roadmaps")
    seed_id, seed_title, seed_steps = roadmaps.filter(roadmaps["roadmap_id"] != "unified").row(0)
    tab.open(dash_url + "/roadmap")
    tab.traces("roadmap-steps-graph")
    tab.page.click("#roadmap-picker")
    tab.page.get_by_role("option", name=f"{seed_title} (").first.click()
    tab.page.wait_for_url(lambda url: "roadmap=" in url)
    assert parse_qs(urlparse(tab.page.url).query) == {"roadmap": [seed_id]}
    tab.page.wait_for_function(
        "n => document.querySelector('#roadmap-steps-graph .js-plotly-plot').data[0].y.length"
        " === n",
        arg=seed_steps,
    )
    tab.open(f"{dash_url}/roadmap?roadmap={seed_id}")
    (bars,) = tab.traces("roadmap-steps-graph")
    assert len(bars["y"]) == seed_steps
    assert tab.errors == []


def test_trends_page_shows_changes_or_says_why_and_keeps_the_comparison_in_the_url(
    tab: Tab, dash_url: str, published_dir: Path, artifacts_dir: Path
):
    windows = SnapshotReader(published_dir).query("skill_change_windows", {"comparison": "12w"})
    tab.open(dash_url + "/trends")
    tab.page.wait_for_selector("#trends-graph .js-plotly-plot")
    tab.page.wait_for_function("() => document.querySelector('#trends-note').textContent")
    note = tab.page.inner_text("#trends-note")
    if windows["n_prior"][0]:
        (bars,) = tab.traces("trends-graph")
        assert bars["type"] == "bar" and len(bars["x"]) > 0
        assert "unique postings" in tab.layout_text("trends-graph", "title.text")
        assert note.endswith(".") and "skills tested" in note
    else:
        assert "no postings" in note
    tab.shot(artifacts_dir, "trends")
    tab.page.get_by_text("Last 12 weeks vs a year ago").click()
    tab.page.wait_for_url(lambda url: "comparison=yoy" in url)
    tab.open(dash_url + "/trends?comparison=yoy")
    tab.page.wait_for_function(
        "() => document.querySelector('#trends-comparison input[value=yoy]').checked"
    )
    assert tab.errors == []


def test_overview_shows_headline_numbers_and_the_market_beside_our_postings(
    tab: Tab, dash_url: str, published_dir: Path, artifacts_dir: Path
):
    kpis = SnapshotReader(published_dir).query("overview_kpis").row(0, named=True)
    tab.open(dash_url + "/overview")
    tab.page.wait_for_selector("#overview-kpis .kpi-value")
    values = tab.page.locator("#overview-kpis .kpi-value").all_inner_texts()
    assert values[0] == f"{kpis['postings']:,}"
    index, counts = tab.traces("overview-market-graph")
    assert index["type"] == "scatter" and len(index["y"]) > 0
    assert counts["type"] == "bar" and sum(counts["y"]) == kpis["postings"]
    tab.shot(artifacts_dir, "overview")
    tab.page.click("#overview-country")
    tab.page.get_by_role("option", name="GB (").first.click()
    tab.page.wait_for_url(lambda url: "country=GB" in url)
    tab.open(dash_url + "/overview?country=GB")
    tab.page.wait_for_function(
        "() => (document.querySelector('#overview-market-graph .js-plotly-plot')?.layout"
        "?.annotations || []).some(a => (a.text || '').includes('Index, GB'))"
    )
    assert tab.errors == []


def test_unknown_path_shows_404(tab: Tab, dash_url: str, artifacts_dir: Path):
    tab.open(dash_url + "/no-such-page")
    tab.page.get_by_text("Page not found").wait_for()
    tab.shot(artifacts_dir, "not-found")
    assert tab.errors == []


@pytest.mark.parametrize("path", ["/", "/overview", "/trends", "/roadmap", "/salaries"])
def test_before_first_refresh_pages_say_no_data_yet(
    tab: Tab, empty_dash_url: str, artifacts_dir: Path, path: str
):
    tab.open(empty_dash_url + path)
    alert = tab.page.locator(".no-data-alert")
    alert.wait_for()
    assert "make demo" in alert.inner_text()
    tab.page.wait_for_function(
        "() => document.querySelector('#app-status').textContent.includes('No data')"
    )
    tab.shot(artifacts_dir, "no-data" + path.replace("/", "-").rstrip("-"))
    assert tab.errors == []


def test_status_page_shows_sources_quarantine_and_credits(
    tab: Tab, quarantine_dash_url: str, artifacts_dir: Path, tmp_path: Path
):
    from dashboards.attribution import DATA_SOURCES

    tab.open(quarantine_dash_url + "/status")
    tab.page.wait_for_selector("#status-sources-table td")
    sources = tab.page.inner_text("#status-sources-table")
    assert "linkedin_2023_2024" in sources and "unique_postings" in sources
    tab.page.wait_for_selector("#status-quarantine-table td")
    note = tab.page.inner_text("#status-quarantine-note")
    assert note.startswith("3 records quarantined")
    reasons = tab.page.inner_text("#status-reasons-table")
    assert "empty description" in reasons and "bad posted date" in reasons
    credits = tab.page.inner_text("#status-attribution")
    assert all(s.name in credits for s in DATA_SOURCES)
    with tab.page.expect_download() as download:
        tab.page.click("#status-quarantine-download-button")
    saved = tmp_path / "quarantine.csv"
    download.value.save_as(saved)
    text = saved.read_text(encoding="utf-8")
    assert text.splitlines()[0].startswith("stage,source,source_file,line,reason,raw")
    assert len(text.strip().splitlines()) >= 4
    assert "'=HYPERLINK" in text and ',"=HYPERLINK' not in text and ",=HYPERLINK" not in text
    tab.shot(artifacts_dir, "status")
    assert tab.errors == []
