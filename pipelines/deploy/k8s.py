"""Scale-out on an existing engine: the weekly refresh on dagster-k8s's ``k8s_job_executor``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import dagster as dg
import yaml

DEPLOY_DIR = Path(__file__).resolve().parent


def run_config(name: str) -> dict[str, Any]:
    """A shipped run config (``k8s_run_config`` or ``local_run_config``)."""
    loaded: dict[str, Any] = yaml.safe_load((DEPLOY_DIR / f"{name}.yaml").read_text())
    return loaded


def refresh_job_on_k8s(defs: dg.Definitions) -> dg.JobDefinition:
    """The weekly refresh with every step in its own Kubernetes pod."""
    from dagster_k8s import k8s_job_executor

    job = defs.resolve_job_def("weekly_refresh")
    return job.with_executor_def(k8s_job_executor)  # type: ignore[attr-defined,no-any-return]
