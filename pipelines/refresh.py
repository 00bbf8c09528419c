"""Run the weekly refresh job in-process against a persistent Dagster instance."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import dagster as dg

from pipelines.progress import progress_logger
from warehouse.paths import DataPaths

PROGRESS_LOGS = {"loggers": {"progress": {}}}
INSTANCE_CONFIG = Path(__file__).resolve().parent / "deploy" / "dagster.yaml"


@dataclass(frozen=True)
class RefreshOutcome:
    """How a refresh ended, in words a CLI user can read."""

    success: bool
    summary: str
    failed_step: str = ""
    message: str = ""


def ensure_dagster_home(paths: DataPaths) -> None:
    """Point ``DAGSTER_HOME`` at the project's instance folder, creating it with a dagster.yaml."""
    home = paths.dagster_home
    home.mkdir(parents=True, exist_ok=True)
    config = home / "dagster.yaml"
    if not config.exists():
        shutil.copyfile(INSTANCE_CONFIG, config)
    os.environ["DAGSTER_HOME"] = str(home)


def run_refresh(paths: DataPaths) -> RefreshOutcome:
    """Materialize every asset and run every check; runs show up in the Dagster UI."""
    ensure_dagster_home(paths)
    os.environ["SKILLRADAR_DATA_DIR"] = str(paths.data_dir)
    from pipelines.definitions import defs
    from pipelines.defs.skills.assets import all_weeks_tags

    job = defs().resolve_job_def("weekly_refresh")
    steps = len(job.graph.nodes)
    job = job.with_logger_defs({"progress": progress_logger(steps)})
    with dg.DagsterInstance.get() as instance:
        result = job.execute_in_process(
            instance=instance, run_config=PROGRESS_LOGS, raise_on_error=False, tags=all_weeks_tags()
        )
    if not result.success:
        failures = [e for e in result.all_events if e.is_step_failure]
        step = failures[0].step_key if failures else "unknown step"
        error = failures[0].step_failure_data.error if failures else None
        return RefreshOutcome(False, "", step or "", error.message.strip() if error else "")
    checks = result.get_asset_check_evaluations()
    failed_checks = [
        c.check_name for c in checks if not c.passed and c.severity == dg.AssetCheckSeverity.ERROR
    ]
    warnings = [c.check_name for c in checks if not c.passed and c.check_name not in failed_checks]
    summary = (
        f"Refresh complete: {_materialized(result)} materialized, "
        f"{len(checks) - len(failed_checks) - len(warnings)}/{len(checks)} checks passed"
        + (f"; warnings: {', '.join(warnings)}." if warnings else ".")
    )
    if failed_checks:
        return RefreshOutcome(False, summary, "asset checks", f"failed: {', '.join(failed_checks)}")
    return RefreshOutcome(True, summary)


def _materialized(result: dg.ExecuteInProcessResult) -> str:
    """``"17 assets (636 week partitions)"``: assets once each, partitions counted apart."""
    events = result.get_asset_materialization_events()
    assets = {e.asset_key for e in events}
    weeks = sum(1 for e in events if e.partition)
    return f"{len(assets)} assets" + (f" ({weeks} week partitions)" if weeks else "")
