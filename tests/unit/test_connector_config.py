"""``sources.yaml`` validation, client building and the Dagster resource over all sources."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import dagster as dg
import pytest
import respx

from pipelines.sources.config import (
    SOURCES_FILE,
    SourcesConfigError,
    build_client,
    load_sources,
    source_label,
)
from pipelines.sources.greenhouse import GreenhouseClient
from pipelines.sources.http import HttpTransport
from pipelines.sources.models import CONNECTORS, MissingCredentialsError
from pipelines.sources.remotive import RemotiveClient
from pipelines.sources.resources import JobBoardsResource, SourceFetchError

API = Path(__file__).resolve().parents[1] / "data" / "api"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sources.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def error_for(tmp_path: Path, text: str) -> str:
    path = write(tmp_path, text)
    with pytest.raises(SourcesConfigError) as info:
        load_sources(path)
    return str(info.value).replace(str(path), "sources.yaml")


def test_the_shipped_file_lists_every_source_disabled() -> None:
    config = load_sources(SOURCES_FILE)
    assert sorted(s.type for s in config.sources) == sorted(CONNECTORS)
    assert config.enabled() == []
    assert config.user_agent and config.user_agent.startswith("SkillRadar/")


@pytest.mark.parametrize(
    ("sources", "message"),
    [
        (
            "[{type: greenhouse, board: a}, {type: lever, site: b}, {type: lever2, site: c}]",
            "sources.yaml: sources[2].type: unknown source 'lever2'",
        ),
        ("[{type: greenhouse, bord: gitlab}]", "sources.yaml: sources[0]: unknown key 'bord'"),
        ("[{type: greenhouse}]", "sources.yaml: sources[0]: missing key 'board'"),
        ("[{board: gitlab}]", "sources.yaml: sources[0]: missing key 'type'"),
        (
            "[{type: remotive, min_interval_hours: 1}]",
            "sources.yaml: sources[0].min_interval_hours: Input should be greater than or equal",
        ),
        (
            "[{type: adzuna, country: GB, what: x}]",
            "sources.yaml: sources[0].country: String should match pattern",
        ),
        ("[{type: greenhouse, board: 'a/b'}]", "sources.yaml: sources[0].board:"),
    ],
)
def test_config_errors_name_the_file_and_the_key(
    tmp_path: Path, sources: str, message: str
) -> None:
    assert message in error_for(tmp_path, f"version: 1\nsources: {sources}\n")


def test_top_level_errors(tmp_path: Path) -> None:
    assert "sources.yaml: unknown key 'sorces'" in error_for(tmp_path, "version: 1\nsorces: []\n")
    assert "sources.yaml: version:" in error_for(tmp_path, "version: 2\n")
    assert "sources.yaml: cannot read" in error_for(tmp_path, "version: [1\n")
    assert "sources.yaml: expected a mapping" in error_for(tmp_path, "- 1\n")


def test_build_client_makes_each_connector(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("USAJOBS_API_KEY", "USAJOBS_USER_AGENT", "ADZUNA_APP_ID", "ADZUNA_APP_KEY"):
        monkeypatch.delenv(var, raising=False)
    config = load_sources(SOURCES_FILE)
    secrets = {
        "USAJOBS_API_KEY": "u" * 8,
        "USAJOBS_USER_AGENT": "me@example.org",
        "ADZUNA_APP_ID": "i" * 8,
        "ADZUNA_APP_KEY": "k" * 8,
    }
    with HttpTransport() as transport:
        clients = [
            build_client(s, transport, secrets=secrets, state_dir=tmp_path) for s in config.sources
        ]
        assert [type(c).__name__.removesuffix("Client").lower() for c in clients] == [
            "greenhouse", "lever", "ashby", "arbeitnow", "remoteok", "remotive", "hackernews",
            "usajobs", "adzuna",
        ]  # fmt: skip
        assert isinstance(clients[0], GreenhouseClient) and clients[0].board == "gitlab"
        assert isinstance(clients[5], RemotiveClient)
        assert clients[5].state_file == tmp_path / "remotive_last_call"
        with pytest.raises(MissingCredentialsError, match="ADZUNA_APP_ID"):
            build_client(config.sources[-1], transport, secrets={}, state_dir=tmp_path)
    assert [source_label(s) for s in config.sources][:3] == [
        "greenhouse:gitlab", "lever:netflix", "ashby:openai",
    ]  # fmt: skip


def _fixture(name: str) -> Any:
    return json.loads((API / name).read_text(encoding="utf-8"))


def test_fetch_all_streams_enabled_sources_and_reports_failures_last(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ADZUNA_APP_ID", raising=False)
    sources = write(
        tmp_path,
        "version: 1\n"
        "user_agent: 'SkillRadar-test (+mailto:me@example.org)'\n"
        "sources:\n"
        "  - {type: greenhouse, board: vaulttec}\n"
        "  - {type: lever, site: gone}\n"
        "  - {type: adzuna, country: gb, what: x}\n"
        "  - {type: remoteok}\n"
        "  - {type: ashby, org: disabled-co, enabled: false}\n",
    )
    resource = JobBoardsResource(
        sources_file=str(sources),
        min_interval_s=0,
        state_dir=str(tmp_path / "state"),
        adzuna_app_key="adz-SECRET-key-xyz",
    )
    with respx.mock:  # the disabled Ashby source has no route: calling it would fail the test
        greenhouse = respx.get("https://boards-api.greenhouse.io/v1/boards/vaulttec/jobs").respond(
            json=_fixture("greenhouse_jobs_doc_examples.json")[1]
        )
        respx.get("https://api.lever.co/v0/postings/gone").respond(status_code=404)
        respx.get("https://remoteok.com/api").respond(json=_fixture("remoteok.json"))
        got = []
        with pytest.raises(SourceFetchError) as info:
            for record in resource.fetch_all():
                got.append(record)
    assert [r.source for r in got] == ["greenhouse:vaulttec", "remoteok", "remoteok"]
    user_agent = greenhouse.calls.last.request.headers["User-Agent"]
    assert user_agent == "SkillRadar-test (+mailto:me@example.org)"
    message = str(info.value)
    assert "lever:gone: GET https://api.lever.co/v0/postings/gone" in message
    assert "HTTP 404" in message
    assert "adzuna:gb: adzuna needs ADZUNA_APP_ID" in message
    assert "adz-SECRET-key-xyz" not in message + caplog.text


def test_resource_takes_keys_from_env_vars(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TEST_USAJOBS_KEY", "from-env-1234")

    @dg.op
    def read_key(job_boards: JobBoardsResource) -> str:
        return job_boards.usajobs_api_key

    @dg.job(
        resource_defs={
            "job_boards": JobBoardsResource(usajobs_api_key=dg.EnvVar("TEST_USAJOBS_KEY"))
        }
    )
    def probe() -> None:
        read_key()

    result = probe.execute_in_process()
    assert result.output_for_node("read_key") == "from-env-1234"


def test_fetch_all_with_the_shipped_file_is_offline_and_empty(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO)
    with respx.mock:
        assert list(JobBoardsResource().fetch_all()) == []
