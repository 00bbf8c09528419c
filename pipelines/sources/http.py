"""One polite HTTP client for every job-board connector.

:class:`HttpTransport` wraps a single ``httpx.Client`` and adds what public APIs expect from a
good citizen: an honest User-Agent, timeouts, a minimum interval between calls to each host,
and retries with exponential backoff and jitter on 429, 5xx and connection or read errors
(honouring ``Retry-After``). API keys registered with :meth:`HttpTransport.add_secret` are
replaced by ``***`` in every log line and error message, including httpx's own request log.
"""

from __future__ import annotations

import email.utils
import logging
import random
import time
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

import httpx

DEFAULT_USER_AGENT = (
    "SkillRadar/0.1 (+https://github.com/skill-radar; open-source labour-market research)"
)
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REDACTED = "***"

logger = logging.getLogger(__name__)


class SourceHTTPError(RuntimeError):
    """A request failed for good; the message names the (redacted) URL and the reason."""

    def __init__(self, message: str, *, url: str, status: int | None = None) -> None:
        super().__init__(message)
        self.url = url
        self.status = status


class _RedactingFilter(logging.Filter):
    """Replaces every registered secret in a log record's formatted message."""

    def __init__(self) -> None:
        super().__init__()
        self.secrets: set[str] = set()

    def redact(self, text: str) -> str:
        for secret in sorted(self.secrets, key=len, reverse=True):
            text = text.replace(secret, REDACTED)
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        if self.secrets:
            message = record.getMessage()
            redacted = self.redact(message)
            if redacted != message:
                record.msg, record.args = redacted, ()
        return True


# httpx logs every request URL (query string included) at INFO on the "httpx" logger; one
# process-wide filter keeps keys sent as query parameters (Adzuna) out of those lines.
_FILTER = _RedactingFilter()
for _name in ("httpx", __name__):
    logging.getLogger(_name).addFilter(_FILTER)


class HttpTransport:
    """A rate-limited, retrying JSON client shared by all connectors.

    ``clock``, ``sleep`` and ``jitter`` are injectable so tests never wait for real.
    """

    def __init__(
        self,
        *,
        user_agent: str = DEFAULT_USER_AGENT,
        timeout_s: float = 20.0,
        min_interval_s: float = 1.0,
        host_intervals: Mapping[str, float] | None = None,
        max_attempts: int = 4,
        backoff_s: float = 1.0,
        max_backoff_s: float = 60.0,
        max_retry_after_s: float = 300.0,
        secrets: Iterable[str] = (),
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        jitter: Callable[[], float] = random.random,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        if max_attempts < 1:
            raise ValueError("max_attempts must be at least 1")
        self.min_interval_s = min_interval_s
        self.host_intervals = dict(host_intervals or {})
        self.max_attempts = max_attempts
        self.backoff_s = backoff_s
        self.max_backoff_s = max_backoff_s
        self.max_retry_after_s = max_retry_after_s
        self._clock, self._sleep, self._jitter = clock, sleep, jitter
        self._last_call: dict[str, float] = {}
        self._client = httpx.Client(
            headers={"User-Agent": user_agent, "Accept": "application/json"},
            timeout=httpx.Timeout(timeout_s, connect=min(timeout_s, 10.0)),
            follow_redirects=True,
            transport=transport,
        )
        for secret in secrets:
            self.add_secret(secret)

    def __enter__(self) -> HttpTransport:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the underlying connection pool."""
        self._client.close()

    @staticmethod
    def add_secret(value: str) -> None:
        """Never show ``value`` in logs or error messages (values shorter than 4 are ignored)."""
        if value and len(value) >= 4:
            _FILTER.secrets.add(value)

    @staticmethod
    def redact(text: str) -> str:
        """``text`` with every registered secret replaced by ``***``."""
        return _FILTER.redact(text)

    def get_json(
        self,
        url: str,
        *,
        params: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> Any:
        """GET ``url`` and return its decoded JSON body, retrying transient failures."""
        response = self.get(url, params=params, headers=headers)
        try:
            return response.json()
        except ValueError:
            shown = self.redact(str(response.request.url))
            raise SourceHTTPError(
                f"GET {shown} returned invalid JSON", url=shown, status=response.status_code
            ) from None

    def get(
        self,
        url: str,
        *,
        params: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> httpx.Response:
        """GET with rate limiting and retries; raises :class:`SourceHTTPError` on failure."""
        request = self._client.build_request("GET", url, params=params, headers=headers)
        shown = self.redact(str(request.url))
        host = request.url.host
        for attempt in range(1, self.max_attempts + 1):
            self._wait_for_slot(host)
            logger.debug("GET %s (attempt %d/%d)", shown, attempt, self.max_attempts)
            try:
                response = self._client.send(request)
            except httpx.TransportError as exc:
                reason = f"{type(exc).__name__}: {self.redact(str(exc))}"
                status, retry_after = None, None
            else:
                if response.is_success:
                    return response
                status = response.status_code
                reason = f"HTTP {status}"
                if status not in RETRY_STATUSES:
                    raise SourceHTTPError(f"GET {shown} failed: {reason}", url=shown, status=status)
                retry_after = self._retry_after(response, shown)
            if attempt == self.max_attempts:
                raise SourceHTTPError(
                    f"GET {shown} failed after {attempt} attempts; last error: {reason}",
                    url=shown,
                    status=status,
                )
            delay = self._backoff(attempt) if retry_after is None else retry_after
            logger.warning(
                "GET %s: %s; retry %d/%d in %.1f s",
                shown,
                reason,
                attempt,
                self.max_attempts - 1,
                delay,
            )
            self._sleep(delay)
        raise AssertionError("unreachable")  # pragma: no cover

    def _wait_for_slot(self, host: str) -> None:
        interval = self.host_intervals.get(host, self.min_interval_s)
        last = self._last_call.get(host)
        if last is not None:
            wait = interval - (self._clock() - last)
            if wait > 0:
                self._sleep(wait)
        self._last_call[host] = self._clock()

    def _backoff(self, attempt: int) -> float:
        base = min(self.max_backoff_s, self.backoff_s * 2 ** (attempt - 1))
        return base * (0.5 + self._jitter())

    def _retry_after(self, response: httpx.Response, shown: str) -> float | None:
        value = response.headers.get("Retry-After")
        if value is None:
            return None
        delay = _parse_retry_after(value)
        if delay is not None and delay > self.max_retry_after_s:
            raise SourceHTTPError(
                f"GET {shown}: HTTP {response.status_code} asks to retry after {delay:.0f} s, "
                f"more than the {self.max_retry_after_s:.0f} s we wait",
                url=shown,
                status=response.status_code,
            )
        return delay


def _parse_retry_after(value: str) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or an HTTP date)."""
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def same_host(url: str, expected_host: str) -> bool:
    """Whether ``url`` points at ``expected_host`` (used before following pagination links)."""
    return urlsplit(url).hostname == expected_host
