"""The overview page: headline numbers, the market index beside our postings, the URL state."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl
import pytest
from helpers import write_snapshot

from dashboards import data
from dashboards.callbacks.overview import chosen_country, kpi_cards
from dashboards.figures import market_backdrop_figure
from warehouse.snapshots import SnapshotReader

MON = dt.date(2024, 4, 1)
POSTINGS = pl.DataFrame(
    {
        "posting_id": ["a", "b", "c", "d"],
        "posted_date": [MON, MON + dt.timedelta(days=2), MON + dt.timedelta(days=8), MON],
        "posted_week": [MON, MON, MON + dt.timedelta(days=7), MON],
        "is_unique": [True, True, True, False],
        "has_salary": [True, False, False, True],
    }
)
MARKET = pl.DataFrame(
    {
        "date": [MON, MON + dt.timedelta(days=1), MON + dt.timedelta(days=7), MON],
        "country": ["US", "US", "US", "GB"],
        "index_sa": [110.0, 112.0, 115.0, 90.0],
        "index_nsa": [None, None, None, None],
    }
)
REFRESH = pl.DataFrame({"refreshed_at": [dt.datetime(2026, 11, 22, 3, 0)]})


@pytest.fixture
def reader(tmp_path: Path) -> SnapshotReader:
    frames = {"postings": POSTINGS, "market_index": MARKET, "refresh_log": REFRESH}
    return SnapshotReader(write_snapshot(tmp_path, frames))


def test_queries_count_postings_weeks_and_weekly_index_means(reader: SnapshotReader) -> None:
    kpis = data.overview_kpis(reader)
    assert (kpis["postings"], kpis["unique_postings"], kpis["unique_with_salary"]) == (4, 3, 1)
    assert (kpis["first_posted"], kpis["last_posted"]) == (MON, MON + dt.timedelta(days=8))
    assert data.postings_weekly(reader).rows() == [
        (MON, 3, 2), (MON + dt.timedelta(days=7), 1, 1),
    ]  # fmt: skip
    assert data.market_index_weekly(reader, "US").rows() == [
        (MON, 111.0, 2), (MON + dt.timedelta(days=7), 115.0, 1),
    ]  # fmt: skip
    assert data.market_index_weekly(reader, "' or 1=1 --").is_empty()
    assert data.market_countries(reader)["country"].to_list() == ["GB", "US"]


def test_kpi_cards_read_as_sentences(reader: SnapshotReader) -> None:
    cards = kpi_cards(data.overview_kpis(reader))
    texts = [[div.children for div in c.children.children.children] for c in cards]
    assert texts == [
        ["Postings", "4", "3 unique after de-duplication"],
        ["Posted", "01 Apr 2024 – 09 Apr 2024", "first and last posting date"],
        ["With a salary", "33%", "of 3 unique postings state pay"],
        ["Last refresh", "2026-11-22 03:00 UTC", "when this snapshot was published"],
    ]


def test_market_figure_keeps_the_index_and_our_counts_on_separate_axes(
    reader: SnapshotReader,
) -> None:
    fig = market_backdrop_figure(
        data.market_index_weekly(reader, "US"), data.postings_weekly(reader), country="US"
    )
    index, counts = fig.data
    assert (index.yaxis, counts.yaxis) == ("y", "y2")
    assert list(index.y) == [111.0, 115.0] and list(counts.y) == [3, 1]
    titles = [a.text for a in fig.layout.annotations]
    assert any("Indeed Job Postings Index, US (100 = 1 Feb 2020" in t for t in titles)
    assert any("n = 4" in t for t in titles)
    assert any("Indeed Hiring Lab, CC BY 4.0" in t and "LinkedIn" in t for t in titles)


def test_country_is_allow_listed() -> None:
    countries = pl.DataFrame({"country": ["DE", "GB", "US"]})
    assert chosen_country(countries, "GB") == "GB"
    assert chosen_country(countries, "<b>") == "US"
    assert chosen_country(countries.filter(pl.col("country") != "US"), None) == "DE"
    assert chosen_country(countries.clear(), "GB") is None
