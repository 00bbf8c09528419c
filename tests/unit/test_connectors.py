"""Each job-board connector on its (mocked) API: records, pagination and posting fields."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import respx

from pipelines.sources.adzuna import AdzunaClient
from pipelines.sources.arbeitnow import ArbeitnowClient
from pipelines.sources.ashby import AshbyClient
from pipelines.sources.greenhouse import GreenhouseClient
from pipelines.sources.hackernews import HackerNewsClient, header_parts, parse_header
from pipelines.sources.http import HttpTransport, SourceHTTPError
from pipelines.sources.lever import LeverClient
from pipelines.sources.models import FetchedRecord, MissingCredentialsError, PostingFields
from pipelines.sources.remoteok import RemoteOKClient
from pipelines.sources.remotive import RemotiveClient
from pipelines.sources.usajobs import USAJobsClient

API = Path(__file__).resolve().parents[1] / "data" / "api"
NOW = datetime(2024, 4, 8, 12, 0, tzinfo=UTC)


def load(name: str) -> Any:
    return json.loads((API / name).read_text(encoding="utf-8"))


def clock() -> datetime:
    return NOW


@pytest.fixture
def transport() -> Iterator[HttpTransport]:
    with HttpTransport(min_interval_s=0, sleep=lambda _: None, jitter=lambda: 0.5) as t:
        yield t


def test_greenhouse_unescapes_content_and_keeps_the_payload(transport: HttpTransport) -> None:
    example = load("greenhouse_jobs_doc_examples.json")[1]
    with respx.mock:
        route = respx.get("https://boards-api.greenhouse.io/v1/boards/vaulttec/jobs").respond(
            json=example
        )
        records = list(GreenhouseClient(transport, board="vaulttec", clock=clock).fetch())
    assert route.calls.last.request.url.params["content"] == "true"
    [record] = records
    assert (record.source, record.source_id, record.fetched_at) == (
        "greenhouse:vaulttec",
        "127817",
        NOW,
    )
    assert record.url == "https://boards.greenhouse.io/vaulttec/jobs/127817"
    assert record.payload == example["jobs"][0]
    f = record.posting_fields()
    assert f["title"] == "Vault Designer"
    assert f["description"] == (
        "This is the job description. <p>Any HTML included through the hosted job application "
        "editor will be automatically converted into corresponding HTML entities.</p>"
    )
    assert (f["company"], f["location"]) == ("vaulttec", "NYC")
    assert f["posted_at"] == "2016-01-14T10:55:28-05:00"
    assert f["salary_min"] is None and f["remote"] is None


def test_lever_pages_with_skip_and_limit(transport: HttpTransport) -> None:
    url = "https://api.lever.co/v0/postings/exampleco"
    with respx.mock:
        first = respx.get(url, params={"mode": "json", "skip": "0", "limit": "2"}).respond(
            json=load("lever_postings_page1.json")
        )
        second = respx.get(url, params={"skip": "2", "limit": "2"}).respond(
            json=load("lever_postings_page2.json")
        )
        records = list(LeverClient(transport, site="exampleco", page_size=2).fetch())
    assert first.call_count == second.call_count == 1  # a short page ends the loop
    assert [r.payload["text"] for r in records] == [
        "Senior Data Engineer", "Machine Learning Engineer", "Analytics Engineer",
    ]  # fmt: skip
    f = records[0].posting_fields()
    assert f["source_id"] == "5ac21346-8e0c-4494-8e7a-3eb92ff77902"
    assert f["description"].startswith("<div>Example Co builds analytics tools.")
    assert (
        "<h3>What you'll do</h3><ul><li>Build pipelines in Python and SQL</li>" in f["description"]
    )
    assert f["description"].endswith("<div>We offer a learning budget.</div>")
    assert (f["company"], f["location"], f["remote"]) == ("exampleco", "Berlin, Germany", "hybrid")
    assert f["posted_at"] == 1712042400000
    assert (f["salary_min"], f["salary_max"], f["salary_currency"], f["salary_period"]) == (
        70000, 90000, "EUR", "per-year-salary",
    )  # fmt: skip
    assert records[1].posting_fields()["salary_min"] is None


def test_a_fetch_failing_half_way_has_yielded_the_first_page(transport: HttpTransport) -> None:
    url = "https://api.lever.co/v0/postings/exampleco"
    got: list[FetchedRecord] = []
    with respx.mock:
        respx.get(url, params={"skip": "0"}).respond(json=load("lever_postings_page1.json"))
        failing = respx.get(url, params={"skip": "2"}).respond(status_code=503)
        with pytest.raises(SourceHTTPError, match="failed after 4 attempts"):
            for record in LeverClient(transport, site="exampleco", page_size=2).fetch():
                got.append(record)
    assert failing.call_count == 4
    assert [r.source_id for r in got] == [p["id"] for p in load("lever_postings_page1.json")]


def test_ashby_maps_compensation_and_skips_unlisted_jobs(transport: HttpTransport) -> None:
    with respx.mock:
        route = respx.get("https://api.ashbyhq.com/posting-api/job-board/exampleai").respond(
            json=load("ashby_job_board.json")
        )
        records = list(AshbyClient(transport, org="exampleai").fetch())
    assert route.calls.last.request.url.params["includeCompensation"] == "true"
    assert [r.payload["title"] for r in records] == [
        "Applied AI Engineer",
        "Data Scientist, Growth",
    ]
    f = records[0].posting_fields()
    assert (f["salary_min"], f["salary_max"], f["salary_currency"], f["salary_period"]) == (
        180000, 240000, "USD", "1 YEAR",
    )  # fmt: skip
    assert f["salary_text"] == "$180K - $240K"
    assert (f["remote"], f["location"], f["company"]) == (False, "San Francisco, CA", "exampleai")
    assert f["description"].startswith("<p>Build LLM features")
    assert f["posted_at"] == "2024-04-03T16:20:00.000+00:00"
    g = records[1].posting_fields()
    assert (g["remote"], g["salary_min"], g["salary_text"]) == (True, None, None)


def test_arbeitnow_follows_links_next(transport: HttpTransport) -> None:
    with respx.mock:
        respx.get("https://www.arbeitnow.com/api/job-board-api", params={"page": "2"}).respond(
            json=load("arbeitnow_page2.json")
        )
        respx.get("https://www.arbeitnow.com/api/job-board-api").respond(
            json=load("arbeitnow_page1.json")
        )
        records = list(ArbeitnowClient(transport).fetch())
    assert [r.source_id for r in records] == [
        "data-engineer-berlin-123456",
        "ml-engineer-remote-234567",
        "analytics-engineer-hamburg-345678",
    ]
    f = records[1].posting_fields()
    assert (f["title"], f["company"], f["location"], f["remote"]) == (
        "ML Engineer", "Muster AG", "Munich", True,
    )  # fmt: skip
    assert f["posted_at"] == 1712131200
    assert records[0].attribution and "arbeitnow.com" in records[0].attribution


def test_arbeitnow_refuses_a_next_link_to_another_host(transport: HttpTransport) -> None:
    page = load("arbeitnow_page1.json")
    page["links"]["next"] = "https://evil.example/api?page=2"
    with respx.mock:
        respx.get("https://www.arbeitnow.com/api/job-board-api").respond(json=page)
        fetched = ArbeitnowClient(transport).fetch()
        assert len([next(fetched), next(fetched)]) == 2
        with pytest.raises(SourceHTTPError, match="refusing to follow"):
            next(fetched)


def test_remoteok_skips_the_legal_notice_and_keeps_attribution(transport: HttpTransport) -> None:
    with respx.mock:
        respx.get("https://remoteok.com/api").respond(json=load("remoteok.json"))
        records = list(RemoteOKClient(transport).fetch())
    assert [r.source_id for r in records] == ["1090001", "1090002"]
    assert all(r.attribution == "Remote OK (https://remoteok.com)" for r in records)
    assert records[0].url == (
        "https://remoteOK.com/remote-jobs/remote-senior-python-engineer-example-labs-1090001"
    )
    f = records[0].posting_fields()
    assert (f["title"], f["company"], f["remote"]) == (
        "Senior Python Engineer",
        "Example Labs",
        True,
    )
    assert (f["salary_min"], f["salary_max"], f["salary_currency"]) == (120000, 160000, "USD")
    assert f["posted_at"] == "2024-04-03T08:00:00+00:00"
    g = records[1].posting_fields()  # salary 0/0 means "not given"
    assert (g["salary_min"], g["salary_max"], g["salary_currency"]) == (None, None, None)


def test_remotive_calls_at_most_once_per_interval(transport: HttpTransport, tmp_path: Path) -> None:
    now = [1_712_570_400.0]
    state = tmp_path / "state" / "remotive_last_call"

    def client() -> RemotiveClient:
        return RemotiveClient(
            transport, state_file=state, category="software-dev", wall_time=lambda: now[0]
        )

    with respx.mock:
        route = respx.get("https://remotive.com/api/remote-jobs").respond(
            json=load("remotive_remote_jobs_doc_example.json")
        )
        [record] = list(client().fetch())
        assert route.calls.last.request.url.params["category"] == "software-dev"
        now[0] += 5 * 3600  # too soon: skipped without a request
        assert list(client().fetch()) == []
        assert route.call_count == 1
        now[0] += 3600
        assert len(list(client().fetch())) == 1
        assert route.call_count == 2
    assert state.read_text().strip() == f"{now[0]:.0f}"
    assert (record.source, record.source_id, record.redistributable) == ("remotive", "123", False)
    assert record.url == "https://remotive.com/remote-jobs/product/lead-developer-123"
    assert record.attribution == "Remotive (https://remotive.com)"
    f = record.posting_fields()
    assert (f["title"], f["company"], f["location"]) == ("Lead Developer", "Remotive", "Worldwide")
    assert (f["salary_text"], f["posted_at"], f["remote"]) == (
        "$40,000 - $50,000", "2020-02-15T10:23:26", True,
    )  # fmt: skip


def test_hackernews_yields_live_top_level_comments(transport: HttpTransport) -> None:
    with respx.mock:
        search = respx.get("https://hn.algolia.com/api/v1/search_by_date").respond(
            json=load("hn_search_whoishiring.json")
        )
        respx.get("https://hn.algolia.com/api/v1/items/39894820").respond(
            json=load("hn_item_thread.json")
        )
        records = list(HackerNewsClient(transport, months=1).fetch())
    assert search.calls.last.request.url.params["tags"] == "story,author_whoishiring"
    assert [r.source_id for r in records] == ["39894901", "39894903"]  # the deleted one is gone
    assert all(not r.redistributable and r.source == "hackernews" for r in records)
    assert "children" not in records[0].payload
    assert records[0].url == "https://news.ycombinator.com/item?id=39894901"
    assert records[0].attribution and "example_founder" in records[0].attribution
    f = records[0].posting_fields()
    assert (f["company"], f["title"], f["location"]) == (
        "Example Robotics", "Senior Backend Engineer", "Remote (US)",
    )  # fmt: skip
    assert (f["remote"], f["salary_text"]) == ("remote", "$160k-$200k")
    assert f["posted_at"] == "2024-04-01T15:02:11.000Z"
    assert f["description"].startswith("Example Robotics | Senior Backend Engineer")
    g = records[1].posting_fields()
    assert (g["company"], g["title"], g["location"], g["remote"]) == (
        "Sample Health", "Data Scientist", "Berlin, Germany", None,
    )  # fmt: skip


def test_hackernews_months_reads_that_many_hiring_threads(transport: HttpTransport) -> None:
    with respx.mock:
        respx.get("https://hn.algolia.com/api/v1/search_by_date").respond(
            json=load("hn_search_whoishiring.json")
        )
        april = respx.get("https://hn.algolia.com/api/v1/items/39894820").respond(
            json=load("hn_item_thread.json")
        )
        march = respx.get("https://hn.algolia.com/api/v1/items/39562986").respond(
            json={"id": 39562986, "children": []}
        )
        assert len(list(HackerNewsClient(transport, months=2).fetch())) == 2
    assert april.call_count == march.call_count == 1


def test_hackernews_header_parsing_is_forgiving() -> None:
    assert header_parts(None) == []
    assert header_parts("Acme &amp; Co | <a href='x'>ML Engineer</a> | NYC<p>body") == [
        "Acme & Co", "ML Engineer", "NYC",
    ]  # fmt: skip
    assert parse_header(["Just one line of prose"])["company"] is None


def test_usajobs_sends_its_headers_and_maps_pay(
    transport: HttpTransport, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("USAJOBS_API_KEY", "usajobs-test-key-123")
    monkeypatch.setenv("USAJOBS_USER_AGENT", "me@example.org")
    with respx.mock:
        route = respx.get("https://data.usajobs.gov/api/search").respond(
            json=load("usajobs_search.json")
        )
        records = list(USAJobsClient(transport, keyword="data scientist").fetch())
    request = route.calls.last.request
    assert request.headers["Authorization-Key"] == "usajobs-test-key-123"
    assert request.headers["User-Agent"] == "me@example.org"
    assert request.headers["Host"] == "data.usajobs.gov"
    assert request.url.params["Keyword"] == "data scientist"
    assert [r.source_id for r in records] == ["780000001", "780000002"]
    assert all(r.redistributable for r in records)  # US federal works are public domain
    f = records[0].posting_fields()
    assert (f["title"], f["company"]) == ("Data Scientist", "Example Statistics Service")
    assert (f["salary_min"], f["salary_max"], f["salary_currency"], f["salary_period"]) == (
        "99200", "153354", "USD", "PA",
    )  # fmt: skip
    assert (f["experience_level"], f["remote"]) == ("GS-13 to 14", False)
    assert "Develop predictive models in Python." in f["description"]
    assert f["posted_at"] == "2024-04-01T00:00:00.0000"
    assert records[1].posting_fields()["remote"] is True


def test_adzuna_pages_until_count_and_drops_predicted_salaries(
    transport: HttpTransport, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ADZUNA_APP_ID", "adz-id-0001")
    monkeypatch.setenv("ADZUNA_APP_KEY", "adz-key-0002")
    base = "https://api.adzuna.com/v1/api/jobs/gb/search/"
    with respx.mock:
        one = respx.get(base + "1").respond(json=load("adzuna_search_page1.json"))
        two = respx.get(base + "2").respond(json=load("adzuna_search_page2.json"))
        client = AdzunaClient(transport, country="gb", what="ml engineer", results_per_page=2)
        records = list(client.fetch())
    params = one.calls.last.request.url.params
    assert (params["app_id"], params["app_key"], params["what"]) == (
        "adz-id-0001", "adz-key-0002", "ml engineer",
    )  # fmt: skip
    assert two.call_count == 1
    assert [r.source for r in records] == ["adzuna:gb"] * 3
    f = records[0].posting_fields()
    assert (f["title"], f["company"], f["location"]) == (
        "Machine Learning Engineer", "Example Ltd", "London, UK",
    )  # fmt: skip
    assert (f["salary_min"], f["salary_max"], f["salary_currency"], f["salary_period"]) == (
        70000, 90000, "GBP", "year",
    )  # fmt: skip
    predicted = records[1].posting_fields()
    assert (predicted["salary_min"], predicted["salary_currency"]) == (None, None)
    assert records[0].attribution == "Jobs by Adzuna (https://www.adzuna.com)"


@pytest.mark.parametrize(
    ("make", "missing"),
    [
        (lambda t: USAJobsClient(t, keyword="x", email="me@example.org"), "USAJOBS_API_KEY"),
        (lambda t: USAJobsClient(t, keyword="x", api_key="k" * 8), "USAJOBS_USER_AGENT"),
        (lambda t: AdzunaClient(t, country="gb", what="x", app_key="k" * 8), "ADZUNA_APP_ID"),
        (lambda t: AdzunaClient(t, country="gb", what="x", app_id="i" * 8), "ADZUNA_APP_KEY"),
    ],
)
def test_missing_keys_name_the_env_var(
    transport: HttpTransport, monkeypatch: pytest.MonkeyPatch, make: Any, missing: str
) -> None:
    for var in ("USAJOBS_API_KEY", "USAJOBS_USER_AGENT", "ADZUNA_APP_ID", "ADZUNA_APP_KEY"):
        monkeypatch.delenv(var, raising=False)
    with pytest.raises(MissingCredentialsError, match=missing):
        make(transport)


def test_fetched_record_round_trips_and_fields_are_complete() -> None:
    job = load("remotive_remote_jobs_doc_example.json")["jobs"][0]
    record = FetchedRecord("remotive", "123", NOW, job["url"], job, attribution="Remotive")
    assert FetchedRecord.from_dict(json.loads(json.dumps(record.to_dict()))) == record
    assert set(record.posting_fields()) == set(PostingFields.__annotations__)
    with pytest.raises(ValueError, match="no connector"):
        FetchedRecord("monster", "1", NOW, None, {}).posting_fields()
