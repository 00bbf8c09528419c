"""Weekly partitions: Monday weeks, idempotent re-materialisation, backfills over a range."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import dagster as dg
import polars as pl
import pytest
from helpers import DATA, materialize_all, open_warehouse, slice_resources, write_mapping

from pipelines.defs.schedules import weekly_refresh_schedule
from pipelines.defs.skills.assets import (
    RANGE_END_TAG,
    RANGE_START_TAG,
    WEEKS,
    skill_mentions,
)

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dg.ConfigurableResource]:
    root = tmp_path_factory.mktemp("partitions")
    resources = slice_resources(
        root / "data", write_mapping(root / "mappings", DATA / "linkedin_slice.csv")
    )
    assert materialize_all(resources).success
    return resources


def week_files(data_dir: Path) -> dict[str, int]:
    """Each week file and its modification time."""
    folder = data_dir / "weeks" / "skill_mentions"
    return {p.name: p.stat().st_mtime_ns for p in sorted(folder.glob("week=*.parquet"))}


def postings_per_week(data_dir: Path) -> dict[dt.date, int]:
    with open_warehouse(data_dir) as con:
        rows = con.execute("select posted_week, count(*) from postings group by 1").fetchall()
    return dict(rows)


def extract(
    resources: dict[str, dg.ConfigurableResource], *, force: bool, **run: object
) -> dict[str, object]:
    result = dg.materialize(
        [skill_mentions],
        resources=resources,
        run_config={"ops": {"skill_mentions": {"config": {"force": force}}}},
        **run,  # type: ignore[arg-type]
    )
    assert result.success
    events = result.asset_materializations_for_node("skill_mentions")
    return {k: v.value for k, v in events[0].metadata.items()} | {"partitions": len(events)}


def test_weeks_start_on_monday_and_the_schedule_runs_over_every_week() -> None:
    keys = WEEKS.get_partition_keys()
    assert keys[0] == "2015-01-05"
    assert {dt.date.fromisoformat(k).weekday() for k in keys} == {0}
    this_monday = dt.date.today() - dt.timedelta(days=dt.date.today().weekday())
    assert keys[-1] == this_monday.isoformat()
    request = weekly_refresh_schedule(dg.build_schedule_context())
    assert isinstance(request, dg.RunRequest)
    assert (request.tags[RANGE_START_TAG], request.tags[RANGE_END_TAG]) == (keys[0], keys[-1])


def test_rematerialising_a_week_replaces_only_that_week_with_the_same_rows(
    built: dict[str, dg.ConfigurableResource],
) -> None:
    data_dir = Path(built["warehouse"].data_dir)  # type: ignore[attr-defined]
    counts = postings_per_week(data_dir)
    week = max(counts, key=lambda w: counts[w])
    name = f"week={week.isoformat()}.parquet"
    before_files = week_files(data_dir)
    before = pl.read_parquet(data_dir / "weeks" / "skill_mentions" / name)

    forced = extract(built, force=True, partition_key=week.isoformat())
    after_files = week_files(data_dir)
    after = pl.read_parquet(data_dir / "weeks" / "skill_mentions" / name)
    assert forced["postings_extracted"] == counts[week] and forced["weeks_extracted"] == 1
    assert after.equals(before) and after.height > 0
    assert after_files[name] != before_files[name]
    assert {k: v for k, v in after_files.items() if k != name} == {
        k: v for k, v in before_files.items() if k != name
    }
    again = extract(built, force=False, partition_key=week.isoformat())
    assert again["weeks_extracted"] == 0 and week_files(data_dir) == after_files


def test_a_backfill_over_a_range_rebuilds_lost_weeks_in_it_and_nothing_else(
    built: dict[str, dg.ConfigurableResource],
) -> None:
    data_dir = Path(built["warehouse"].data_dir)  # type: ignore[attr-defined]
    weeks = sorted(postings_per_week(data_dir))
    assert len(weeks) >= 3
    folder = data_dir / "weeks" / "skill_mentions"
    kept = {n: pl.read_parquet(folder / n) for n in week_files(data_dir)}
    for table in ("skill_mentions", "term_candidates", "extraction_log"):
        for path in (data_dir / "weeks" / table).glob("week=*.parquet"):
            path.unlink()
    first, last = weeks[0].isoformat(), weeks[1].isoformat()
    tags = {RANGE_START_TAG: first, RANGE_END_TAG: last}
    meta = extract(built, force=False, tags=tags)
    assert meta["weeks_extracted"] == 2
    assert meta["partitions"] == len(
        WEEKS.get_partition_keys_in_range(dg.PartitionKeyRange(first, last))
    )
    rebuilt = sorted(week_files(data_dir))
    assert rebuilt == [f"week={first}.parquet", f"week={last}.parquet"]
    for name in rebuilt:
        assert (
            pl.read_parquet(folder / name)
            .drop("posted_week")
            .equals(kept[name].drop("posted_week"))
        )
    rest = extract(built, force=False, tags=all_tags())
    assert rest["weeks_extracted"] == len(weeks) - 2
    assert sorted(week_files(data_dir)) == sorted(kept)


def all_tags() -> dict[str, str]:
    keys = WEEKS.get_partition_keys()
    return {RANGE_START_TAG: keys[0], RANGE_END_TAG: keys[-1]}
