"""Remotive API: remote jobs, fetched at most every six hours.

Remotive's terms ask API users to link back to the job on Remotive, to name Remotive as the
source, not to republish jobs to other aggregators, and to call the API at most about four
times a day. So every record carries the Remotive job ``url`` and ``attribution``, is marked
``redistributable=False``, and :class:`RemotiveClient` keeps the time of its last call in a
small state file and skips (with a warning) any fetch sooner than ``min_interval_s`` after it.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from pipelines.sources.http import HttpTransport
from pipelines.sources.models import Clock, FetchedRecord, PostingFields, fields, utcnow

API = "https://remotive.com/api/remote-jobs"
ATTRIBUTION = "Remotive (https://remotive.com)"
MIN_INTERVAL_S = 6 * 3600.0  # four calls a day

logger = logging.getLogger(__name__)


class RemotiveClient:
    """Remotive's remote jobs, optionally by ``category`` slug and ``search`` term."""

    def __init__(
        self,
        transport: HttpTransport,
        *,
        state_file: Path,
        category: str | None = None,
        search: str | None = None,
        limit: int | None = None,
        min_interval_s: float = MIN_INTERVAL_S,
        clock: Clock = utcnow,
        wall_time: Callable[[], float] = time.time,
    ) -> None:
        self.transport, self.state_file, self.clock = transport, Path(state_file), clock
        self.category, self.search, self.limit = category, search, limit
        self.min_interval_s, self.wall_time = min_interval_s, wall_time

    def seconds_until_allowed(self) -> float:
        """How long until the next call is allowed (0 when it is allowed now)."""
        try:
            last = float(self.state_file.read_text(encoding="utf-8").strip())
        except (OSError, ValueError):
            return 0.0
        return max(0.0, last + self.min_interval_s - self.wall_time())

    def fetch(self) -> Iterator[FetchedRecord]:
        """Yield one record per job, or nothing when the last call was too recent."""
        wait = self.seconds_until_allowed()
        if wait > 0:
            logger.warning(
                "remotive: skipped, the last call was under %.1f h ago (next in %.1f h; %s)",
                self.min_interval_s / 3600,
                wait / 3600,
                self.state_file,
            )
            return
        # Record the call before making it: failed calls count against the budget too.
        self.state_file.parent.mkdir(parents=True, exist_ok=True)
        self.state_file.write_text(f"{self.wall_time():.0f}\n", encoding="utf-8")
        params = {
            k: v
            for k, v in {
                "category": self.category,
                "search": self.search,
                "limit": self.limit,
            }.items()
            if v is not None
        }
        body = self.transport.get_json(API, params=params or None)
        fetched_at = self.clock()
        for job in body.get("jobs", []):
            yield FetchedRecord(
                source="remotive",
                source_id=str(job["id"]),
                fetched_at=fetched_at,
                url=job.get("url"),
                payload=job,
                attribution=ATTRIBUTION,
            )


def posting_fields(record: FetchedRecord) -> PostingFields:
    """Map a Remotive job onto the posting fields (the salary is free text)."""
    job = record.payload
    return fields(
        record,
        title=job.get("title"),
        description=job.get("description"),
        posted_at=job.get("publication_date"),
        company=job.get("company_name"),
        location=job.get("candidate_required_location"),
        url=job.get("url"),
        remote=True,
        salary_text=job.get("salary"),
    )
