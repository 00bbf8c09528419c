"""``sources.yaml``: which job boards, companies and queries to pull, validated strictly.

:func:`load_sources` raises :class:`SourcesConfigError` naming the file and the offending key
(``sources.yaml: sources[2].type: unknown source 'lever2'``); :func:`build_client` turns one
entry into its connector.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Annotated, Any, Literal, Protocol

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from pipelines.sources.adzuna import AdzunaClient
from pipelines.sources.arbeitnow import ArbeitnowClient
from pipelines.sources.ashby import AshbyClient
from pipelines.sources.greenhouse import GreenhouseClient
from pipelines.sources.hackernews import HackerNewsClient
from pipelines.sources.http import HttpTransport
from pipelines.sources.lever import LeverClient
from pipelines.sources.models import CONNECTORS, FetchedRecord
from pipelines.sources.remoteok import RemoteOKClient
from pipelines.sources.remotive import MIN_INTERVAL_S, RemotiveClient
from pipelines.sources.usajobs import USAJobsClient
from warehouse.paths import DataPaths

SOURCES_FILE = Path(__file__).resolve().parent / "sources.yaml"
Slug = Annotated[str, Field(min_length=1, pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$")]


class SourcesConfigError(ValueError):
    """``sources.yaml`` is invalid; the message names the file and the key."""


class Client(Protocol):
    """What every connector offers."""

    def fetch(self) -> Iterator[FetchedRecord]:
        """Yield records page by page."""
        ...


class _Source(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    enabled: bool = True


class GreenhouseSource(_Source):
    """A Greenhouse board token."""

    type: Literal["greenhouse"]
    board: Slug


class LeverSource(_Source):
    """A Lever site slug."""

    type: Literal["lever"]
    site: Slug
    page_size: int = Field(100, ge=1, le=100)
    max_pages: int = Field(50, ge=1)


class AshbySource(_Source):
    """An Ashby job-board name."""

    type: Literal["ashby"]
    org: Slug


class ArbeitnowSource(_Source):
    """The Arbeitnow feed."""

    type: Literal["arbeitnow"]
    max_pages: int = Field(5, ge=1)


class RemoteOKSource(_Source):
    """The Remote OK feed, optionally one tag."""

    type: Literal["remoteok"]
    tag: str | None = None


class RemotiveSource(_Source):
    """Remotive, by category slug or search term; never more than four calls a day."""

    type: Literal["remotive"]
    category: str | None = None
    search: str | None = None
    limit: int | None = Field(None, ge=1)
    min_interval_hours: float = Field(MIN_INTERVAL_S / 3600, ge=MIN_INTERVAL_S / 3600)


class HackerNewsSource(_Source):
    """The latest ``months`` "Ask HN: Who is hiring?" threads."""

    type: Literal["hackernews"]
    months: int = Field(1, ge=1, le=24)


class USAJobsSource(_Source):
    """A USAJOBS keyword search (needs USAJOBS_API_KEY and USAJOBS_USER_AGENT)."""

    type: Literal["usajobs"]
    keyword: str = Field(min_length=1)
    location: str | None = None
    results_per_page: int = Field(250, ge=1, le=500)
    max_pages: int = Field(10, ge=1)


class AdzunaSource(_Source):
    """An Adzuna search in one country (needs ADZUNA_APP_ID and ADZUNA_APP_KEY)."""

    type: Literal["adzuna"]
    country: str = Field(pattern=r"^[a-z]{2}$")
    what: str = Field(min_length=1)
    where: str | None = None
    results_per_page: int = Field(50, ge=1, le=50)
    max_pages: int = Field(5, ge=1)


SourceConfig = Annotated[
    GreenhouseSource
    | LeverSource
    | AshbySource
    | ArbeitnowSource
    | RemoteOKSource
    | RemotiveSource
    | HackerNewsSource
    | USAJobsSource
    | AdzunaSource,
    Field(discriminator="type"),
]


class SourcesConfig(BaseModel):
    """The whole file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    version: Literal[1]
    user_agent: str | None = None
    sources: list[SourceConfig] = Field(default_factory=list)

    def enabled(self) -> list[SourceConfig]:
        """The sources to fetch, in file order."""
        return [s for s in self.sources if s.enabled]


def load_sources(path: Path | str = SOURCES_FILE) -> SourcesConfig:
    """Read and validate ``path``; raises :class:`SourcesConfigError` naming the bad key."""
    path = Path(path)
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise SourcesConfigError(f"{path}: cannot read sources file: {exc}") from None
    if not isinstance(doc, dict):
        raise SourcesConfigError(f"{path}: expected a mapping with 'version' and 'sources'")
    try:
        return SourcesConfig.model_validate(doc)
    except ValidationError as exc:
        problems = [_describe(error) for error in exc.errors()]
        raise SourcesConfigError(f"{path}: " + f"\n{path}: ".join(problems)) from None


def _describe(error: Any) -> str:
    # Discriminated unions put the tag in the location: ("sources", 0, "lever", "site").
    loc = [p for i, p in enumerate(error["loc"]) if not (i == 2 and p in CONNECTORS)]
    kind = error["type"]
    if kind == "extra_forbidden":
        return f"{_at(loc[:-1])}unknown key {loc[-1]!r}"
    if kind == "union_tag_invalid":
        tag = error.get("ctx", {}).get("tag")
        return f"{_at([*loc, 'type'])}unknown source {tag!r} (expected one of {CONNECTORS})"
    if kind == "union_tag_not_found":
        return f"{_at(loc)}missing key 'type'"
    if kind == "missing":
        return f"{_at(loc[:-1])}missing key {loc[-1]!r}"
    return f"{_at(loc)}{error['msg']}"


def _at(loc: list[Any]) -> str:
    """``sources[2].type: `` for a pydantic location; empty at the top level."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return f"{out}: " if out else ""


def build_client(
    source: SourceConfig,
    transport: HttpTransport,
    *,
    secrets: Mapping[str, str] | None = None,
    state_dir: Path | str | None = None,
) -> Client:
    """The connector for one ``sources.yaml`` entry.

    ``secrets`` maps env-var names (``USAJOBS_API_KEY``...) to values; missing or empty ones
    are read from the environment, and a clear error names the variable when neither has it.
    ``state_dir`` keeps Remotive's last-call time (default: ``<SKILLRADAR_DATA_DIR>/sources``).
    """
    secrets = secrets or {}
    state = Path(state_dir) if state_dir else DataPaths().data_dir / "sources"
    match source:
        case GreenhouseSource():
            return GreenhouseClient(transport, board=source.board)
        case LeverSource():
            return LeverClient(
                transport, site=source.site, page_size=source.page_size, max_pages=source.max_pages
            )
        case AshbySource():
            return AshbyClient(transport, org=source.org)
        case ArbeitnowSource():
            return ArbeitnowClient(transport, max_pages=source.max_pages)
        case RemoteOKSource():
            return RemoteOKClient(transport, tag=source.tag)
        case RemotiveSource():
            return RemotiveClient(
                transport,
                state_file=state / "remotive_last_call",
                category=source.category,
                search=source.search,
                limit=source.limit,
                min_interval_s=source.min_interval_hours * 3600,
            )
        case HackerNewsSource():
            return HackerNewsClient(transport, months=source.months)
        case USAJobsSource():
            return USAJobsClient(
                transport,
                keyword=source.keyword,
                location=source.location,
                api_key=secrets.get("USAJOBS_API_KEY"),
                email=secrets.get("USAJOBS_USER_AGENT"),
                results_per_page=source.results_per_page,
                max_pages=source.max_pages,
            )
        case AdzunaSource():
            return AdzunaClient(
                transport,
                country=source.country,
                what=source.what,
                where=source.where,
                app_id=secrets.get("ADZUNA_APP_ID"),
                app_key=secrets.get("ADZUNA_APP_KEY"),
                results_per_page=source.results_per_page,
                max_pages=source.max_pages,
            )
    raise TypeError(f"unsupported source config: {source!r}")  # pragma: no cover


def source_label(source: SourceConfig) -> str:
    """A short name for logs: ``greenhouse:gitlab``, ``adzuna:gb``, ``remoteok``."""
    scope = next(
        (getattr(source, f) for f in ("board", "site", "org", "country") if hasattr(source, f)),
        None,
    )
    return f"{source.type}:{scope}" if scope else source.type
