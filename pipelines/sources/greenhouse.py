"""Greenhouse Job Board API: every open job of one board, with its description.

``GET https://boards-api.greenhouse.io/v1/boards/{board}/jobs?content=true`` returns all jobs
in one response; ``content`` is HTML escaped as entities, which :func:`posting_fields` undoes.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from urllib.parse import quote

from pipelines.sources.http import HttpTransport
from pipelines.sources.models import Clock, FetchedRecord, PostingFields, fields, utcnow

API = "https://boards-api.greenhouse.io/v1/boards/{board}/jobs"


class GreenhouseClient:
    """The public job board of one Greenhouse customer (its board token, e.g. ``gitlab``)."""

    def __init__(self, transport: HttpTransport, *, board: str, clock: Clock = utcnow) -> None:
        self.transport, self.board, self.clock = transport, board, clock

    def fetch(self) -> Iterator[FetchedRecord]:
        """Yield one record per job on the board."""
        url = API.format(board=quote(self.board, safe=""))
        body = self.transport.get_json(url, params={"content": "true"})
        fetched_at = self.clock()
        for job in body.get("jobs", []):
            yield FetchedRecord(
                source=f"greenhouse:{self.board}",
                source_id=str(job["id"]),
                fetched_at=fetched_at,
                url=job.get("absolute_url"),
                payload=job,
            )


def unescape_content(content: str | None) -> str | None:
    """Greenhouse's entity-escaped ``content`` as HTML (escaped twice in some examples)."""
    if content is None:
        return None
    once = html.unescape(content)
    if "<" not in once and "&lt;" in once:
        return html.unescape(once)
    return once


def posting_fields(record: FetchedRecord) -> PostingFields:
    """Map a Greenhouse job onto the posting fields."""
    job = record.payload
    location = (job.get("location") or {}).get("name")
    return fields(
        record,
        title=job.get("title"),
        description=unescape_content(job.get("content")),
        posted_at=job.get("first_published") or job.get("updated_at"),
        company=job.get("company_name") or record.source.partition(":")[2],
        location=location,
        url=job.get("absolute_url"),
    )
