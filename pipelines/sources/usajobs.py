"""USAJOBS Search API: US federal job announcements (public domain), page by page.

``GET https://data.usajobs.gov/api/search`` needs the headers ``Authorization-Key`` (the API
key, env ``USAJOBS_API_KEY``), ``User-Agent`` (the email registered with the key, env
``USAJOBS_USER_AGENT``) and ``Host``. The key is registered with the transport as a secret.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pipelines.sources.http import HttpTransport
from pipelines.sources.models import (
    Clock,
    FetchedRecord,
    PostingFields,
    credential,
    fields,
    utcnow,
)

API = "https://data.usajobs.gov/api/search"
HOST = "data.usajobs.gov"
KEY_ENV, EMAIL_ENV = "USAJOBS_API_KEY", "USAJOBS_USER_AGENT"


class USAJobsClient:
    """Announcements matching ``keyword`` (and optionally ``location``)."""

    def __init__(
        self,
        transport: HttpTransport,
        *,
        keyword: str,
        location: str | None = None,
        api_key: str | None = None,
        email: str | None = None,
        results_per_page: int = 250,
        max_pages: int = 10,
        clock: Clock = utcnow,
    ) -> None:
        self.api_key = credential(api_key, KEY_ENV, "usajobs")
        self.email = credential(email, EMAIL_ENV, "usajobs")
        transport.add_secret(self.api_key)
        self.transport, self.clock = transport, clock
        self.keyword, self.location = keyword, location
        self.results_per_page, self.max_pages = results_per_page, max_pages

    def fetch(self) -> Iterator[FetchedRecord]:
        """Yield one record per announcement, one page at a time."""
        headers = {"Host": HOST, "User-Agent": self.email, "Authorization-Key": self.api_key}
        page, pages = 1, 1
        while page <= min(pages, self.max_pages):
            params: dict[str, Any] = {
                "Keyword": self.keyword,
                "Page": page,
                "ResultsPerPage": self.results_per_page,
            }
            if self.location:
                params["LocationName"] = self.location
            body = self.transport.get_json(API, params=params, headers=headers)
            fetched_at = self.clock()
            result = body.get("SearchResult") or {}
            for item in result.get("SearchResultItems") or []:
                descriptor = item.get("MatchedObjectDescriptor") or {}
                yield FetchedRecord(
                    source="usajobs",
                    source_id=str(item.get("MatchedObjectId") or descriptor["PositionID"]),
                    fetched_at=fetched_at,
                    url=descriptor.get("PositionURI"),
                    payload=item,
                    attribution="USAJOBS (https://www.usajobs.gov), U.S. Office of Personnel "
                    "Management",
                    redistributable=True,
                )
            pages = int((result.get("UserArea") or {}).get("NumberOfPages") or 1)
            page += 1


def description_text(descriptor: dict[str, Any]) -> str | None:
    """Summary, major duties and qualifications, as plain text paragraphs."""
    details = (descriptor.get("UserArea") or {}).get("Details") or {}
    duties = details.get("MajorDuties") or []
    parts = [
        details.get("JobSummary"),
        "\n".join(duties) if isinstance(duties, list) else duties,
        descriptor.get("QualificationSummary"),
        details.get("Requirements"),
        details.get("Education"),
    ]
    return "\n\n".join(p for p in parts if p) or None


def posting_fields(record: FetchedRecord) -> PostingFields:
    """Map a USAJOBS announcement onto the posting fields."""
    descriptor = record.payload.get("MatchedObjectDescriptor") or {}
    details = (descriptor.get("UserArea") or {}).get("Details") or {}
    pay = (descriptor.get("PositionRemuneration") or [{}])[0]
    grades = descriptor.get("JobGrade") or [{}]
    low, high = details.get("LowGrade"), details.get("HighGrade")
    grade = None
    if grades[0].get("Code") and low:
        grade = f"{grades[0]['Code']}-{low}" + (f" to {high}" if high and high != low else "")
    return fields(
        record,
        title=descriptor.get("PositionTitle"),
        description=description_text(descriptor),
        posted_at=descriptor.get("PublicationStartDate"),
        company=descriptor.get("OrganizationName") or descriptor.get("DepartmentName"),
        location=descriptor.get("PositionLocationDisplay"),
        url=descriptor.get("PositionURI"),
        remote=details.get("RemoteIndicator"),
        experience_level=grade,
        salary_min=pay.get("MinimumRange"),
        salary_max=pay.get("MaximumRange"),
        salary_currency="USD" if pay else None,
        salary_period=pay.get("RateIntervalCode") or pay.get("Description"),
    )
