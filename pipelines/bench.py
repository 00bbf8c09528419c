"""``make bench``: extraction speed and memory on real postings, and refresh time.

The bundled postings are real; to reach benchmark scale they are resampled (repeated in a
shuffled order) to 50,000 documents, and the output says so.
"""

from __future__ import annotations

import random
import resource
import tempfile
import time
from pathlib import Path

import spacy

from extractors.mapping import ColumnMapping, RecordRejected, normalize
from extractors.skills import SkillExtractor
from extractors.skills.tokenizer import blank_english
from pipelines.sources.files import SourceRecord, read_records
from pipelines.sources.mappings import MAPPINGS_DIR, source_path
from warehouse.paths import PROJECT_ROOT, DataPaths

SCALE = 50_000
TARGETS = {"docs_per_s": 3_000, "ratio": 0.4, "rss_mb": 1_536}


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


def resampled(texts: list[str], n: int, seed: int = 7) -> list[str]:
    """``n`` documents drawn by repeating ``texts`` in shuffled order."""
    rng = random.Random(seed)
    out: list[str] = []
    while len(out) < n:
        batch = texts[:]
        rng.shuffle(batch)
        out.extend(batch)
    return out[:n]


def rss_mb() -> float:
    """Peak resident set size of this process so far."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_extraction(texts: list[str]) -> dict[str, float]:
    """Docs/s and MB/s of the full extractor and of the tokenizer alone, on the same documents."""
    docs = resampled(texts, SCALE)
    megabytes = sum(len(d.encode("utf-8")) for d in docs) / 1e6
    start = time.perf_counter()
    extractor = SkillExtractor()
    _ = extractor.nlp, extractor.prefilter
    build = time.perf_counter() - start

    tokenizer = blank_english()
    start = time.perf_counter()
    for _doc in tokenizer.pipe(docs, batch_size=256):
        pass
    tokenize_s = time.perf_counter() - start

    default = spacy.blank("en")
    sample = docs[:5_000]
    start = time.perf_counter()
    for _doc in default.pipe(sample, batch_size=256):
        pass
    default_rate = len(sample) / (time.perf_counter() - start)

    start = time.perf_counter()
    mentions = sum(len(m) for m in extractor.extract_many(docs))
    extract_s = time.perf_counter() - start

    taxonomy = extractor.taxonomy
    forms = sum(len(s.aliases) + len(s.exact) for s in taxonomy.skills)
    print(f"taxonomy: {len(taxonomy.skills)} skills, {forms} surface forms; built in {build:.2f} s")
    print(
        f"documents: {len(docs):,} = {len(texts):,} real LinkedIn postings resampled "
        f"(avg {megabytes * 1e6 / len(docs):,.0f} bytes, {megabytes:.1f} MB in all)"
    )
    rate, tok_rate = len(docs) / extract_s, len(docs) / tokenize_s
    print(
        f"tokenizer only: {tok_rate:,.0f} docs/s, {megabytes / tokenize_s:.2f} MB/s (compact "
        f"tokenizer; spaCy's default English one: {default_rate:,.0f} docs/s on 5,000 docs)"
    )
    print(
        f"full extraction: {rate:,.0f} docs/s, {megabytes / extract_s:.2f} MB/s, "
        f"{mentions:,} mentions (1 process, no n_process)"
    )
    ratio = rate / tok_rate
    print(f"ratio extraction / tokenizer-only: {ratio:.2f}")
    return {"docs_per_s": rate, "ratio": ratio}


def bench_long_document(texts: list[str]) -> None:
    """One ~1 MB posting: bounded time."""
    big = "\n".join(resampled(texts, 400))[:1_000_000]
    extractor = SkillExtractor()
    start = time.perf_counter()
    mentions = extractor.extract(big)
    print(f"one 1 MB posting: {time.perf_counter() - start:.2f} s, {len(mentions):,} mentions")


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
    """Print the figures and whether each target is met."""
    texts = bundled_texts()
    figures = bench_extraction(texts)
    bench_long_document(texts)
    figures["rss_mb"] = rss_mb()
    print(f"peak RSS: {figures['rss_mb']:,.0f} MB")
    for key, target in TARGETS.items():
        met = figures[key] <= target if key == "rss_mb" else figures[key] >= target
        print(f"  {key}: {figures[key]:,.2f} (target {'≤' if key == 'rss_mb' else '≥'} {target:,}) "
              f"{'met' if met else 'MISSED'}")  # fmt: skip
    bench_refresh()


if __name__ == "__main__":
    main()
