"""The extractor never crashes and every offset is exact, whatever the input."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.skills import SkillExtractor


@pytest.fixture(scope="module")
def extractor() -> SkillExtractor:
    return SkillExtractor()


def squash(surface: str) -> str:
    return "".join(surface.split()).casefold()


def assert_exact(text: str, extractor: SkillExtractor) -> None:
    (result,) = extractor.analyse_many([text])
    for m in result.mentions:
        assert text[m.start : m.end] == m.text
        skill = extractor.taxonomy.skill(m.skill_id)
        assert squash(m.text) in {squash(f) for f in (*skill.aliases, *skill.exact)}
        assert m.section in {"required", "preferred", "other"}
    for c in result.candidates:
        assert text[c.start : c.end] == c.term


fragments = st.sampled_from([
    "Python", "R", "Go", "SQL", "scikit-learn", "C++", "C#", ".NET", "k8s", "Excel", "Spark",
    "go-to-market", "R&D", "<li>", "</li>", "<b>AWS</b>", "&amp;", "\n", "\t", ", ", "/", "(",
    ")", "Requirements:", "Nice to have:", "é", "日本語", "🚀", "\x00", "\u200b", "\r\n", " ",
])  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_random_unicode_never_crashes(extractor: SkillExtractor, text: str) -> None:
    assert_exact(text, extractor)


@settings(max_examples=150, deadline=None)
@given(st.lists(fragments, max_size=60).map("".join))
def test_skill_like_fragments_keep_exact_offsets(extractor: SkillExtractor, text: str) -> None:
    assert_exact(text, extractor)


@settings(max_examples=12, deadline=None)
@given(st.lists(fragments, min_size=1, max_size=5), st.integers(1_000, 12_000))
def test_huge_texts_are_chunked_with_exact_offsets(
    extractor: SkillExtractor, parts: list[str], repeats: int
) -> None:
    text = " ".join(parts * repeats)
    assert_exact(text, extractor)


def test_empty_and_blank_texts(extractor: SkillExtractor) -> None:
    assert [extractor.extract(t) for t in ["", " ", "\n\n", "\x00"]] == [[], [], [], []]


def test_a_one_megabyte_posting_is_processed_whole(extractor: SkillExtractor) -> None:
    block = "Requirements: Python, SQL and Apache Spark. We value teamwork.\n"
    text = block * (1_000_000 // len(block) + 1)
    started = time.process_time()
    mentions = extractor.extract(text)
    assert time.process_time() - started < 60  # bounded, not a benchmark
    assert len(text) > 1_000_000
    assert {m.skill_id for m in mentions} >= {"python", "sql", "spark"}
    assert sum(m.skill_id == "python" for m in mentions) == text.count("Python")
    assert mentions[-1].start > 990_000
