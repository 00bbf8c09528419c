"""What every connector yields: the verbatim API object plus where and when it was fetched.

:meth:`FetchedRecord.posting_fields` maps a payload onto the posting field names the normaliser
reads (the same names as ``extractors.mapping.FieldMap``). Values are passed on *as given*:
dates stay ISO text or epoch numbers, salaries stay numbers or text, HTML stays HTML.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, TypedDict

# Source kind (the part of ``FetchedRecord.source`` before ":") -> connector module name.
CONNECTORS = (
    "greenhouse",
    "lever",
    "ashby",
    "arbeitnow",
    "remoteok",
    "remotive",
    "hackernews",
    "usajobs",
    "adzuna",
)

Clock = Callable[[], datetime]


def utcnow() -> datetime:
    """The current time in UTC (the default ``clock`` of every connector)."""
    return datetime.now(UTC)


class MissingCredentialsError(RuntimeError):
    """A connector needs a key that is not configured; the message names the env var."""


class PostingFields(TypedDict):
    """A payload mapped onto the normaliser's posting fields; ``None`` where the API lacks it."""

    source_id: str
    title: str | None
    description: str | None
    posted_at: str | int | float | None
    company: str | None
    location: str | None
    url: str | None
    remote: bool | str | None
    experience_level: str | None
    salary_text: str | None
    salary_min: str | int | float | None
    salary_max: str | int | float | None
    salary_currency: str | None
    salary_period: str | None


@dataclass(frozen=True, slots=True)
class FetchedRecord:
    """One posting as an API returned it.

    ``source`` is ``kind`` or ``kind:scope`` (``greenhouse:acme``); ``(source, source_id)`` is
    unique. ``attribution`` must be shown wherever the posting is displayed, and a record with
    ``redistributable=False`` may be stored and analysed but never bundled or republished.
    """

    source: str
    source_id: str
    fetched_at: datetime
    url: str | None
    payload: dict[str, Any]
    attribution: str | None = None
    redistributable: bool = False

    @property
    def kind(self) -> str:
        """The connector that produced this record (``greenhouse``, ``lever``, ...)."""
        return self.source.split(":", 1)[0]

    def posting_fields(self) -> PostingFields:
        """The payload mapped onto the normaliser's field names by its connector."""
        if self.kind not in CONNECTORS:
            raise ValueError(f"no connector for source {self.source!r}")
        module = importlib.import_module(f"pipelines.sources.{self.kind}")
        fields: PostingFields = module.posting_fields(self)
        return fields

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (``fetched_at`` as ISO text) for a raw landing table."""
        return {
            "source": self.source,
            "source_id": self.source_id,
            "fetched_at": self.fetched_at.isoformat(),
            "url": self.url,
            "payload": self.payload,
            "attribution": self.attribution,
            "redistributable": self.redistributable,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> FetchedRecord:
        """The inverse of :meth:`to_dict`."""
        return cls(
            source=data["source"],
            source_id=data["source_id"],
            fetched_at=datetime.fromisoformat(data["fetched_at"]),
            url=data.get("url"),
            payload=dict(data["payload"]),
            attribution=data.get("attribution"),
            redistributable=bool(data.get("redistributable", False)),
        )


def fields(
    record: FetchedRecord,
    *,
    title: Any = None,
    description: Any = None,
    posted_at: str | int | float | None = None,
    company: Any = None,
    location: Any = None,
    url: Any = None,
    remote: bool | str | None = None,
    experience_level: Any = None,
    salary_text: Any = None,
    salary_min: str | int | float | None = None,
    salary_max: str | int | float | None = None,
    salary_currency: Any = None,
    salary_period: Any = None,
) -> PostingFields:
    """Build :class:`PostingFields`, turning blank text into ``None``."""
    return PostingFields(
        source_id=record.source_id,
        title=text(title),
        description=text(description),
        posted_at=posted_at if not isinstance(posted_at, str) else text(posted_at),
        company=text(company),
        location=text(location),
        url=text(url) or record.url,
        remote=remote,
        experience_level=text(experience_level),
        salary_text=text(salary_text),
        salary_min=salary_min if not isinstance(salary_min, str) else text(salary_min),
        salary_max=salary_max if not isinstance(salary_max, str) else text(salary_max),
        salary_currency=text(salary_currency),
        salary_period=text(salary_period),
    )


def text(value: Any) -> str | None:
    """``value`` as stripped text, or ``None`` when missing or blank."""
    if value is None:
        return None
    value = str(value).strip()
    return value or None


def credential(value: str | None, env_var: str, source: str) -> str:
    """``value`` or the environment variable ``env_var``; a clear error when both are empty."""
    value = value or os.environ.get(env_var, "")
    if not value.strip():
        raise MissingCredentialsError(
            f"{source} needs {env_var}: set the environment variable {env_var} "
            f"(or disable the {source} source in sources.yaml)"
        )
    return value.strip()
