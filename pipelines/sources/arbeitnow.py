"""Arbeitnow job board API (Germany-heavy, many remote roles), following ``links.next``.

``GET https://www.arbeitnow.com/api/job-board-api`` returns ``{"data": [...], "links": {...}}``.
Only ``links.next`` URLs on the same host are followed.
"""

from __future__ import annotations

from collections.abc import Iterator

from pipelines.sources.http import HttpTransport, SourceHTTPError, same_host
from pipelines.sources.models import Clock, FetchedRecord, PostingFields, fields, utcnow

API = "https://www.arbeitnow.com/api/job-board-api"
HOST = "www.arbeitnow.com"


class ArbeitnowClient:
    """All Arbeitnow postings, newest first, up to ``max_pages`` pages."""

    def __init__(
        self, transport: HttpTransport, *, max_pages: int = 5, clock: Clock = utcnow
    ) -> None:
        self.transport, self.max_pages, self.clock = transport, max_pages, clock

    def fetch(self) -> Iterator[FetchedRecord]:
        """Yield every posting, one page at a time."""
        url: str | None = API
        for _ in range(self.max_pages):
            if url is None:
                return
            if not same_host(url, HOST):
                raise SourceHTTPError(f"refusing to follow links.next to {url}", url=url)
            body = self.transport.get_json(url)
            fetched_at = self.clock()
            for job in body.get("data", []):
                yield FetchedRecord(
                    source="arbeitnow",
                    source_id=str(job["slug"]),
                    fetched_at=fetched_at,
                    url=job.get("url"),
                    payload=job,
                    attribution="Arbeitnow (https://www.arbeitnow.com)",
                )
            url = (body.get("links") or {}).get("next")


def posting_fields(record: FetchedRecord) -> PostingFields:
    """Map an Arbeitnow posting onto the posting fields."""
    job = record.payload
    return fields(
        record,
        title=job.get("title"),
        description=job.get("description"),
        posted_at=job.get("created_at"),
        company=job.get("company_name"),
        location=job.get("location"),
        url=job.get("url"),
        remote=job.get("remote"),
    )
