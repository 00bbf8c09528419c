"""Lever Postings API: the published postings of one Lever site, page by page.

``GET https://api.lever.co/v0/postings/{site}?mode=json&skip=&limit=`` returns a JSON array;
a page shorter than ``limit`` is the last one.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

from pipelines.sources.http import HttpTransport
from pipelines.sources.models import Clock, FetchedRecord, PostingFields, fields, utcnow

API = "https://api.lever.co/v0/postings/{site}"


class LeverClient:
    """The postings of one Lever site (its slug, e.g. ``netflix``)."""

    def __init__(
        self,
        transport: HttpTransport,
        *,
        site: str,
        page_size: int = 100,
        max_pages: int = 50,
        clock: Clock = utcnow,
    ) -> None:
        self.transport, self.site, self.clock = transport, site, clock
        self.page_size, self.max_pages = page_size, max_pages

    def fetch(self) -> Iterator[FetchedRecord]:
        """Yield every posting, one page at a time."""
        url = API.format(site=quote(self.site, safe=""))
        for page in range(self.max_pages):
            params = {"mode": "json", "skip": page * self.page_size, "limit": self.page_size}
            postings = self.transport.get_json(url, params=params)
            fetched_at = self.clock()
            for posting in postings:
                yield FetchedRecord(
                    source=f"lever:{self.site}",
                    source_id=str(posting["id"]),
                    fetched_at=fetched_at,
                    url=posting.get("hostedUrl"),
                    payload=posting,
                )
            if len(postings) < self.page_size:
                return


def description_html(posting: dict[str, Any]) -> str | None:
    """The opening text, each titled list and the closing text, as one HTML document."""
    parts = [posting.get("description") or ""]
    for item in posting.get("lists") or []:
        parts.append(f"<h3>{item.get('text', '')}</h3><ul>{item.get('content', '')}</ul>")
    parts.append(posting.get("additional") or "")
    joined = "\n".join(p for p in parts if p)
    return joined or posting.get("descriptionPlain")


def posting_fields(record: FetchedRecord) -> PostingFields:
    """Map a Lever posting onto the posting fields."""
    posting = record.payload
    categories = posting.get("categories") or {}
    salary = posting.get("salaryRange") or {}
    return fields(
        record,
        title=posting.get("text"),
        description=description_html(posting),
        posted_at=posting.get("createdAt"),
        company=record.source.partition(":")[2],
        location=categories.get("location"),
        url=posting.get("hostedUrl"),
        remote=posting.get("workplaceType"),
        salary_text=posting.get("salaryDescriptionPlain"),
        salary_min=salary.get("min"),
        salary_max=salary.get("max"),
        salary_currency=salary.get("currency"),
        salary_period=salary.get("interval"),
    )
