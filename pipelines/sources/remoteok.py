"""Remote OK API: the current remote jobs feed.

``GET https://remoteok.com/api`` returns a JSON array whose element 0 is a legal notice, not a
job; it is skipped. Remote OK's terms require a link back to the job on Remote OK and naming
Remote OK as the source: every record carries ``url`` (the Remote OK job page) and
``attribution``.
"""

from __future__ import annotations

from collections.abc import Iterator

from pipelines.sources.http import HttpTransport
from pipelines.sources.models import Clock, FetchedRecord, PostingFields, fields, utcnow

API = "https://remoteok.com/api"
ATTRIBUTION = "Remote OK (https://remoteok.com)"


class RemoteOKClient:
    """The Remote OK feed, optionally filtered by one tag (``?tag=python``)."""

    def __init__(
        self, transport: HttpTransport, *, tag: str | None = None, clock: Clock = utcnow
    ) -> None:
        self.transport, self.tag, self.clock = transport, tag, clock

    def fetch(self) -> Iterator[FetchedRecord]:
        """Yield one record per job, skipping the legal notice."""
        body = self.transport.get_json(API, params={"tag": self.tag} if self.tag else None)
        fetched_at = self.clock()
        for item in body[1:]:
            if not isinstance(item, dict) or "id" not in item:
                continue
            yield FetchedRecord(
                source="remoteok",
                source_id=str(item["id"]),
                fetched_at=fetched_at,
                url=item.get("url"),
                payload=item,
                attribution=ATTRIBUTION,
            )


def posting_fields(record: FetchedRecord) -> PostingFields:
    """Map a Remote OK job onto the posting fields (salaries are yearly USD)."""
    job = record.payload
    salary_min, salary_max = job.get("salary_min") or None, job.get("salary_max") or None
    has_salary = salary_min is not None or salary_max is not None
    return fields(
        record,
        title=job.get("position"),
        description=job.get("description"),
        posted_at=job.get("date") or job.get("epoch"),
        company=job.get("company"),
        location=job.get("location"),
        url=job.get("url"),
        remote=True,
        salary_min=salary_min,
        salary_max=salary_max,
        salary_currency="USD" if has_salary else None,
        salary_period="year" if has_salary else None,
    )
