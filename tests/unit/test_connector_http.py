"""The shared HTTP transport: retries, backoff, Retry-After, rate limits and redaction."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import httpx
import pytest
import respx

from pipelines.sources.adzuna import AdzunaClient
from pipelines.sources.http import DEFAULT_USER_AGENT, HttpTransport, SourceHTTPError
from pipelines.sources.http import _parse_retry_after as parse_retry_after
from pipelines.sources.usajobs import USAJobsClient

URL = "https://api.example.org/jobs"


class FakeTime:
    """A clock that only moves when something sleeps."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(round(seconds, 6))
        self.now += seconds


@pytest.fixture
def fake() -> FakeTime:
    return FakeTime()


@pytest.fixture
def transport(fake: FakeTime) -> Iterator[HttpTransport]:
    with HttpTransport(
        min_interval_s=0, max_attempts=3, clock=fake.clock, sleep=fake.sleep, jitter=lambda: 0.5
    ) as t:
        yield t


def test_sends_an_honest_user_agent(transport: HttpTransport) -> None:
    with respx.mock:
        route = respx.get(URL).respond(json={"ok": True})
        assert transport.get_json(URL) == {"ok": True}
    assert route.calls.last.request.headers["User-Agent"] == DEFAULT_USER_AGENT
    assert "SkillRadar/" in DEFAULT_USER_AGENT


def test_429_waits_for_retry_after_then_succeeds(transport: HttpTransport, fake: FakeTime) -> None:
    with respx.mock:
        route = respx.get(URL)
        route.side_effect = [
            httpx.Response(429, headers={"Retry-After": "7"}),
            httpx.Response(200, json={"jobs": []}),
        ]
        assert transport.get_json(URL) == {"jobs": []}
    assert route.call_count == 2
    assert fake.sleeps == [7.0]


def test_gives_up_after_max_attempts_of_5xx_with_exponential_backoff(
    transport: HttpTransport, fake: FakeTime
) -> None:
    with respx.mock:
        route = respx.get(URL).respond(status_code=503)
        with pytest.raises(SourceHTTPError) as info:
            transport.get_json(URL)
    assert route.call_count == 3
    assert str(info.value) == f"GET {URL} failed after 3 attempts; last error: HTTP 503"
    assert info.value.status == 503
    assert fake.sleeps == [1.0, 2.0]  # 1 s, 2 s (jitter factor 0.5 + 0.5 = 1)


def test_jitter_spreads_the_backoff(fake: FakeTime) -> None:
    jitters = iter([0.0, 1.0])
    with (
        HttpTransport(
            max_attempts=3,
            backoff_s=2,
            sleep=fake.sleep,
            clock=fake.clock,
            jitter=lambda: next(jitters),
        ) as t,
        respx.mock,
    ):
        respx.get(URL).respond(status_code=500)
        with pytest.raises(SourceHTTPError):
            t.get(URL)
    assert fake.sleeps == [1.0, 6.0]  # 2 * 0.5, then 4 * 1.5


def test_connection_errors_are_retried(transport: HttpTransport) -> None:
    with respx.mock:
        route = respx.get(URL)
        route.side_effect = [
            httpx.ConnectError("refused"),
            httpx.ReadTimeout("slow"),
            httpx.Response(200, json={"a": 1}),
        ]
        assert transport.get_json(URL) == {"a": 1}
    assert route.call_count == 3


def test_client_errors_are_not_retried(transport: HttpTransport) -> None:
    with respx.mock:
        route = respx.get(URL).respond(status_code=404)
        with pytest.raises(SourceHTTPError, match="failed: HTTP 404") as info:
            transport.get_json(URL)
    assert route.call_count == 1 and info.value.status == 404


def test_a_retry_after_beyond_the_limit_fails_at_once(transport: HttpTransport) -> None:
    with respx.mock:
        route = respx.get(URL).respond(status_code=429, headers={"Retry-After": "3600"})
        with pytest.raises(SourceHTTPError, match="retry after 3600 s"):
            transport.get_json(URL)
    assert route.call_count == 1


def test_retry_after_accepts_seconds_and_http_dates() -> None:
    assert parse_retry_after("12") == 12.0
    later = format_datetime(datetime.now(UTC) + timedelta(seconds=60), usegmt=True)
    assert 55 <= (parse_retry_after(later) or 0) <= 60
    assert parse_retry_after("soon") is None


def test_invalid_json_is_a_clear_error(transport: HttpTransport) -> None:
    with respx.mock:
        respx.get(URL).respond(text="<html>maintenance</html>")
        with pytest.raises(SourceHTTPError, match="invalid JSON"):
            transport.get_json(URL)


def test_calls_to_one_host_are_spaced_by_the_min_interval(fake: FakeTime) -> None:
    with (
        HttpTransport(
            min_interval_s=2.0,
            host_intervals={"slow.example.org": 5.0},
            clock=fake.clock,
            sleep=fake.sleep,
        ) as t,
        respx.mock,
    ):
        respx.get(URL).respond(json={})
        respx.get("https://other.example.org/x").respond(json={})
        respx.get("https://slow.example.org/x").respond(json={})
        t.get_json(URL)
        t.get_json("https://other.example.org/x")  # another host: no wait
        t.get_json(URL)  # 0 s after the first call to this host
        fake.now += 1.5
        t.get_json(URL)  # 1.5 s after the previous call
        t.get_json("https://slow.example.org/x")
        t.get_json("https://slow.example.org/x")
    assert fake.sleeps == [2.0, 0.5, 5.0]


def test_secrets_never_reach_logs_or_errors(
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch, fake: FakeTime
) -> None:
    adzuna_key, usajobs_key = "adz-SECRET-key-9f8e7d", "usa-SECRET-key-1a2b3c"
    monkeypatch.setenv("USAJOBS_USER_AGENT", "me@example.org")
    caplog.set_level(logging.DEBUG)
    errors: list[SourceHTTPError] = []
    with HttpTransport(max_attempts=2, clock=fake.clock, sleep=fake.sleep) as t, respx.mock:
        respx.get(url__startswith="https://api.adzuna.com/").respond(status_code=500)
        respx.get(url__startswith="https://data.usajobs.gov/").respond(status_code=401)
        adzuna = AdzunaClient(t, country="gb", what="x", app_id="adz-id-77", app_key=adzuna_key)
        usajobs = USAJobsClient(t, keyword="x", api_key=usajobs_key)
        for client in (adzuna, usajobs):
            with pytest.raises(SourceHTTPError) as info:
                list(client.fetch())
            errors.append(info.value)
    assert "api.adzuna.com" in caplog.text  # httpx's request log line was captured ...
    assert "app_key=***" in caplog.text  # ... and redacted
    for secret in (adzuna_key, usajobs_key, "adz-id-77"):
        assert secret not in caplog.text
        for error in errors:
            assert secret not in str(error) and secret not in repr(error)
            assert secret not in error.url
            assert error.__cause__ is None and error.__context__ is None
    assert "app_key=***" in str(errors[0])


def test_redact_hides_registered_secrets_only() -> None:
    HttpTransport.add_secret("tok-123456")
    HttpTransport.add_secret("ab")  # too short to redact safely
    assert HttpTransport.redact("a=tok-123456&b=ab") == "a=***&b=ab"
