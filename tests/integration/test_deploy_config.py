"""The shipped deployment configurations load and validate against Dagster's executors."""

from __future__ import annotations

from pathlib import Path

import dagster as dg
import pytest

from pipelines.deploy.k8s import refresh_job_on_k8s, run_config

pytestmark = pytest.mark.integration


def test_k8s_run_config_validates_for_the_k8s_job_executor() -> None:
    from pipelines.definitions import defs

    job = refresh_job_on_k8s(defs())
    assert job.executor_def.name == "k8s"
    result = dg.validate_run_config(job, run_config("k8s_run_config"))
    assert result["execution"]["k8s"]["max_concurrent"] == 8
    assert result["execution"]["k8s"]["env_secrets"] == ["skill-radar-api-keys"]


def test_bad_k8s_config_is_rejected() -> None:
    from pipelines.definitions import defs

    job = refresh_job_on_k8s(defs())
    bad = run_config("k8s_run_config")
    bad["execution"]["config"]["max_concurent"] = 3
    with pytest.raises(dg.DagsterInvalidConfigError, match="max_concurent"):
        dg.validate_run_config(job, bad)


def test_local_multiprocess_config_validates() -> None:
    from pipelines.definitions import defs

    job = defs().resolve_job_def("weekly_refresh")
    assert dg.validate_run_config(job, run_config("local_run_config"))


def test_the_instance_config_runs_one_run_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pipelines.refresh import ensure_dagster_home
    from warehouse.paths import DataPaths

    monkeypatch.delenv("DAGSTER_HOME", raising=False)
    ensure_dagster_home(DataPaths(data_dir=tmp_path))
    with dg.DagsterInstance.get() as instance:
        assert instance.get_concurrency_config().run_queue_config.max_concurrent_runs == 1
        assert not instance.telemetry_enabled
