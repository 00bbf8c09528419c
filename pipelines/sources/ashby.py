"""Ashby public Job Postings API: every listed job of one organisation, with compensation.

``GET https://api.ashbyhq.com/posting-api/job-board/{org}?includeCompensation=true`` returns
``{"jobs": [...]}`` in one response.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

from pipelines.sources.http import HttpTransport
from pipelines.sources.models import Clock, FetchedRecord, PostingFields, fields, utcnow

API = "https://api.ashbyhq.com/posting-api/job-board/{org}"


class AshbyClient:
    """The job board of one Ashby organisation (its board name, e.g. ``openai``)."""

    def __init__(self, transport: HttpTransport, *, org: str, clock: Clock = utcnow) -> None:
        self.transport, self.org, self.clock = transport, org, clock

    def fetch(self) -> Iterator[FetchedRecord]:
        """Yield one record per listed job."""
        url = API.format(org=quote(self.org, safe=""))
        body = self.transport.get_json(url, params={"includeCompensation": "true"})
        fetched_at = self.clock()
        for job in body.get("jobs", []):
            if job.get("isListed") is False:
                continue
            yield FetchedRecord(
                source=f"ashby:{self.org}",
                source_id=str(job.get("id") or job["jobUrl"]),
                fetched_at=fetched_at,
                url=job.get("jobUrl"),
                payload=job,
            )


def _salary_component(compensation: dict[str, Any]) -> dict[str, Any]:
    for component in compensation.get("summaryComponents") or []:
        if component.get("compensationType") == "Salary":
            return dict(component)
    return {}


def posting_fields(record: FetchedRecord) -> PostingFields:
    """Map an Ashby job onto the posting fields."""
    job = record.payload
    compensation = job.get("compensation") or {}
    salary = _salary_component(compensation)
    return fields(
        record,
        title=job.get("title"),
        description=job.get("descriptionHtml") or job.get("descriptionPlain"),
        posted_at=job.get("publishedAt"),
        company=record.source.partition(":")[2],
        location=job.get("location"),
        url=job.get("jobUrl"),
        remote=job.get("isRemote"),
        salary_text=compensation.get("scrapeableCompensationSalarySummary")
        or compensation.get("compensationTierSummary"),
        salary_min=salary.get("minValue"),
        salary_max=salary.get("maxValue"),
        salary_currency=salary.get("currencyCode"),
        salary_period=salary.get("interval"),
    )
