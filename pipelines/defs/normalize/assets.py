"""The ``postings`` asset: raw records new to the normaliser version become postings."""

from functools import partial
from pathlib import Path

import dagster as dg

from pipelines.defs.ingest.api import api_raw_postings
from pipelines.defs.ingest.assets import raw_postings
from pipelines.defs.normalize.version import normalizer_version
from pipelines.defs.resources import BundledData, Warehouse, WorkersConfig, resolve_workers
from pipelines.normalization import CHUNK, normalize_chunk, now
from pipelines.pool import ordered_map
from pipelines.sources.mappings import load_mappings
from warehouse import db


@dg.asset(
    group_name="normalize",
    kinds={"duckdb"},
    deps=[raw_postings, api_raw_postings],
    description="One row per posting (latest version of each source id), normalised. Only raw "
    "records new to this normaliser version are read; records that cannot become a posting are "
    "quarantined with their reason.",
)
def postings(
    context: dg.AssetExecutionContext,
    config: WorkersConfig,
    warehouse: Warehouse,
    bundled_data: BundledData,
) -> dg.MaterializeResult:
    """Normalise the raw records this normaliser version has not seen, in chunks."""
    mappings_dir = Path(bundled_data.mappings_dir)
    mappings = {m.name: m for m in load_mappings(mappings_dir, enabled_only=False)}
    version = normalizer_version(mappings_dir)
    counts = dict.fromkeys(("rows_raw", "rows_posted", "rows_superseded", "rows_quarantined"), 0)
    with warehouse.connect() as con:
        rebuilt = bool(db.scalar(con, "normalize/needs_reset", {"normalizer_version": version}))
        if rebuilt:
            context.log.info(f"normaliser version {version} is new: normalising every record")
            db.run(con, "normalize/reset")
        pending = int(db.scalar(con, "normalize/count_pending"))
        raw_chunks = db.stream(con, "normalize/pending", batch_rows=CHUNK)
        workers = resolve_workers(config.workers) if pending > CHUNK else 1
        normalize_one = partial(normalize_chunk, mappings=mappings, version=version)
        for batch in ordered_map(normalize_one, raw_chunks, workers=workers):
            con.register("incoming", batch.postings)
            con.register("incoming_quarantine", batch.quarantine)
            con.register("incoming_records", batch.records)
            con.begin()
            replaced = int(db.scalar(con, "normalize/count_replaced"))
            db.run(con, "normalize/upsert_postings")
            con.commit()
            counts["rows_raw"] += batch.records.height
            counts["rows_posted"] += batch.postings.height - replaced
            counts["rows_superseded"] += batch.superseded + replaced
            counts["rows_quarantined"] += batch.quarantine.height
            context.log.info(
                f"normalised {counts['rows_raw']}/{pending} new raw records "
                f"({workers} process{'es' if workers > 1 else ''})"
            )
        db.run(con, "normalize/log", {**counts, "normalized_at": now()})
        total = int(db.scalar(con, "normalize/count_postings"))
    context.log.info(", ".join(f"{k} {v}" for k, v in counts.items()) + f"; {total} postings")
    return dg.MaterializeResult(
        metadata={**counts, "postings_total": total, "rebuilt": rebuilt, "normalizer": version}
    )
