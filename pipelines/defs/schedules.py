"""The weekly refresh: every asset over every week, Monday 06:00 UTC unless configured otherwise."""

import os

import dagster as dg

from pipelines.defs.skills.assets import all_weeks_tags

refresh_job = dg.define_asset_job(
    "weekly_refresh",
    selection=dg.AssetSelection.all(),
    description="Ingest, normalise, extract skills, rebuild marts and publish a snapshot. Runs "
    "over a range of posting weeks; weeks with nothing new are skipped.",
)


@dg.schedule(
    name="weekly_refresh_schedule",
    job=refresh_job,
    cron_schedule=os.environ.get("SKILLRADAR_REFRESH_CRON", "0 6 * * 1"),
    execution_timezone=os.environ.get("SKILLRADAR_REFRESH_TZ", "UTC"),
    description="Set SKILLRADAR_REFRESH_CRON and SKILLRADAR_REFRESH_TZ to change when it runs.",
)
def weekly_refresh_schedule(context: dg.ScheduleEvaluationContext) -> dg.RunRequest:
    """One run over every posting week up to this one."""
    return dg.RunRequest(tags=all_weeks_tags())
