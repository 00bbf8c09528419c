"""``make bench``: extraction throughput and refresh time on the bundled real postings."""

from __future__ import annotations

import os
import resource
import tempfile
import time
from pathlib import Path

from extractors.mapping import ColumnMapping, RecordRejected, normalize
from extractors.skills import SkillExtractor
from pipelines.sources.files import SourceRecord, read_records
from pipelines.sources.mappings import MAPPINGS_DIR, source_path
from warehouse.paths import PROJECT_ROOT, DataPaths


def bundled_texts() -> list[str]:
    """Cleaned descriptions of the bundled LinkedIn postings."""
    mapping = ColumnMapping.from_yaml(MAPPINGS_DIR / "linkedin_2023_2024.yaml")
    texts = []
    for item in read_records(source_path(mapping, PROJECT_ROOT / "data"), "csv"):
        if isinstance(item, SourceRecord):
            try:
                texts.append(normalize(item.fields, mapping).description)
            except RecordRejected:
                continue
    return texts


def bench_extraction(texts: list[str], repeats: int = 3) -> None:
    """Docs/s through ``nlp.pipe`` on one process, best of ``repeats``."""
    start = time.perf_counter()
    extractor = SkillExtractor()
    _ = extractor.nlp
    build = time.perf_counter() - start
    best = float("inf")
    mentions = 0
    for _ in range(repeats):
        start = time.perf_counter()
        mentions = sum(len(m) for m in extractor.extract_many(texts))
        best = min(best, time.perf_counter() - start)
    chars = sum(map(len, texts))
    print(f"taxonomy: {len(extractor.taxonomy.skills)} skills; pipeline built in {build:.2f} s")
    print(
        f"extraction: {len(texts)} real postings ({chars / len(texts):,.0f} chars avg) in "
        f"{best:.2f} s = {len(texts) / best:,.0f} docs/s, {chars / best / 1e6:.2f} M chars/s, "
        f"{mentions} mentions (best of {repeats}, 1 process)"
    )


def bench_refresh() -> None:
    """A cold refresh into a temporary data dir, then a warm one that reuses everything."""
    from pipelines.refresh import run_refresh

    with tempfile.TemporaryDirectory() as tmp:
        paths = DataPaths(data_dir=Path(tmp))
        for label in ("cold", "warm"):
            start = time.perf_counter()
            outcome = run_refresh(paths)
            print(f"refresh ({label}): {time.perf_counter() - start:.1f} s; {outcome.summary}")


def main() -> None:
    """Print the figures."""
    os.environ.setdefault("PYTHONHASHSEED", "0")
    texts = bundled_texts()
    bench_extraction(texts)
    bench_refresh()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {peak:,.0f} MB")


if __name__ == "__main__":
    main()
