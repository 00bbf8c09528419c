"""The weekly refresh: every asset, Monday 06:00 UTC unless configured otherwise."""

import os

import dagster as dg

refresh_job = dg.define_asset_job(
    "weekly_refresh",
    selection=dg.AssetSelection.all(),
    description="Ingest, normalise, extract skills, rebuild marts and publish a snapshot.",
)

weekly_refresh_schedule = dg.ScheduleDefinition(
    name="weekly_refresh_schedule",
    job=refresh_job,
    cron_schedule=os.environ.get("SKILLRADAR_REFRESH_CRON", "0 6 * * 1"),
    execution_timezone=os.environ.get("SKILLRADAR_REFRESH_TZ", "UTC"),
    description="Set SKILLRADAR_REFRESH_CRON and SKILLRADAR_REFRESH_TZ to change when it runs.",
)
