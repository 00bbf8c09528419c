"""A sensor that starts a refresh when files arrive in the inbox, each file once."""

import json
from pathlib import Path

import dagster as dg

from pipelines.defs.resources import BundledData
from pipelines.defs.schedules import refresh_job
from pipelines.defs.skills.assets import all_weeks_tags
from pipelines.sources.inbox import fingerprint, scan_inbox
from pipelines.sources.mappings import load_mappings


@dg.sensor(
    job=refresh_job,
    minimum_interval_seconds=60,
    description="Watches <data dir>/inbox/<mapping name>/ for new or changed files. The cursor "
    "remembers each file's size and mtime, so a file is never ingested twice.",
)
def inbox_sensor(context: dg.SensorEvaluationContext, bundled_data: BundledData) -> dg.SensorResult:
    """One run for all files that are new or changed since the last evaluation."""
    seen: dict[str, str] = json.loads(context.cursor) if context.cursor else {}
    mappings = {
        m.name: m for m in load_mappings(Path(bundled_data.mappings_dir), enabled_only=False)
    }
    fresh = {
        str(item.path): fingerprint(item.path)
        for item in scan_inbox(bundled_data.inbox, mappings)
        if seen.get(str(item.path)) != fingerprint(item.path)
    }
    if not fresh:
        return dg.SensorResult(skip_reason="no new files in the inbox")
    run_key = "inbox:" + ",".join(f"{p}@{f}" for p, f in sorted(fresh.items()))
    return dg.SensorResult(
        run_requests=[
            dg.RunRequest(
                run_key=run_key, tags={"skillradar/inbox": str(len(fresh)), **all_weeks_tags()}
            )
        ],
        cursor=json.dumps(seen | fresh, sort_keys=True),
    )
