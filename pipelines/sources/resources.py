"""Dagster resource over the job-board connectors; the clients themselves stay dagster-free.

Wire the keys with ``dg.EnvVar`` so they never appear in run config, e.g.
``JobBoardsResource(usajobs_api_key=dg.EnvVar("USAJOBS_API_KEY"))``. Empty fields fall back to
the environment at fetch time, and only enabled sources need their keys.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

import dagster as dg

from pipelines.sources.config import SOURCES_FILE, build_client, load_sources, source_label
from pipelines.sources.http import DEFAULT_USER_AGENT, HttpTransport
from pipelines.sources.models import FetchedRecord
from warehouse.paths import DataPaths

logger = logging.getLogger(__name__)


class SourceFetchError(RuntimeError):
    """One or more sources failed; the records of the others were still yielded."""


class JobBoardsResource(dg.ConfigurableResource):
    """The enabled sources of ``sources_file``, fetched through one polite HTTP transport."""

    sources_file: str = str(SOURCES_FILE)
    user_agent: str = ""
    timeout_s: float = 20.0
    min_interval_s: float = 1.0
    max_attempts: int = 4
    state_dir: str = ""
    usajobs_api_key: str = ""
    usajobs_user_agent: str = ""
    adzuna_app_id: str = ""
    adzuna_app_key: str = ""

    def fetch_all(self) -> Iterator[FetchedRecord]:
        """Yield the records of every enabled source, source by source, page by page.

        A failing source is logged and skipped; after the others have been fetched,
        :class:`SourceFetchError` lists every failure.
        """
        config = load_sources(self.sources_file)
        secrets = {
            "USAJOBS_API_KEY": self.usajobs_api_key,
            "USAJOBS_USER_AGENT": self.usajobs_user_agent,
            "ADZUNA_APP_ID": self.adzuna_app_id,
            "ADZUNA_APP_KEY": self.adzuna_app_key,
        }
        failures: list[str] = []
        with HttpTransport(
            user_agent=self.user_agent or config.user_agent or DEFAULT_USER_AGENT,
            timeout_s=self.timeout_s,
            min_interval_s=self.min_interval_s,
            max_attempts=self.max_attempts,
            secrets=[value for value in secrets.values() if value],
        ) as transport:
            for source in config.enabled():
                label = source_label(source)
                count = 0
                try:
                    client = build_client(
                        source,
                        transport,
                        secrets=secrets,
                        state_dir=self.state_dir or DataPaths().data_dir / "sources",
                    )
                    for record in client.fetch():
                        count += 1
                        yield record
                except Exception as exc:  # one bad source must not stop the others
                    message = f"{label}: {transport.redact(str(exc))}"
                    logger.error("source failed after %d records: %s", count, message)
                    failures.append(message)
                else:
                    logger.info("%s: %d records", label, count)
        if failures:
            raise SourceFetchError("some sources failed:\n" + "\n".join(failures))
