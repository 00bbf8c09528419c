"""Sections of a posting, emerging-term candidates and the pre-filter."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractors.skills import SkillExtractor
from extractors.skills.prefilter import Prefilter, normalize
from extractors.skills.sections import SectionMap, load_section_rules

POSTING = (
    "About us: we build data products.\n"
    "Requirements:\n- Python and SQL\n- Apache Airflow\n"
    "Preferred Qualifications:\n- Kafka\n"
    "Experience with dbt is a plus.\n"
    "Benefits\nHealth insurance"
)


@pytest.mark.parametrize(
    ("word", "section"),
    [("build", "other"), ("Python", "required"), ("Airflow", "required"),
     ("Kafka", "preferred"), ("dbt", "preferred"), ("Health", "other")],
)  # fmt: skip
def test_sections_follow_headings_and_sentence_cues(word: str, section: str) -> None:
    assert SectionMap(POSTING).section_at(POSTING.index(word)) == section


def test_glued_headings_are_found() -> None:
    text = "Great team.Qualifications:Bachelor degree, SQL. Nice to have: Spark."
    sections = SectionMap(text)
    assert sections.section_at(text.index("SQL")) == "required"
    assert sections.section_at(text.index("Spark")) == "preferred"


def test_cue_words_inside_other_words_are_no_cues() -> None:
    text = "Benefits:\nPython is a must. Mustard SQL. Spark preferred"
    sections = SectionMap(text)
    assert sections.section_at(text.index("Python")) == "required"
    assert sections.section_at(text.index("SQL")) == "other"  # the heading's, not a cue's
    assert sections.section_at(text.index("Spark")) == "preferred"


def test_cue_pattern_holds_only_the_shortest_phrases() -> None:
    pattern = load_section_rules().any_cue
    assert pattern.search("experience with kafka is a plus") is not None
    assert pattern.search("experience with kafka") is None
    assert "is\\ a\\ plus" not in pattern.pattern


@pytest.fixture(scope="module")
def extractor() -> SkillExtractor:
    return SkillExtractor()


def test_mentions_carry_their_section(extractor: SkillExtractor) -> None:
    sections = {m.name: m.section for m in extractor.extract(POSTING)}
    assert sections["Python"] == "required"
    assert sections["Apache Kafka"] == "preferred"


def test_unknown_tech_terms_in_skill_lists_become_candidates(extractor: SkillExtractor) -> None:
    text = "Experience with Python, Zorblax, FooDB and SQL. Our CEO loves Lisbon."
    (result,) = extractor.analyse_many([text])
    assert [c.term for c in result.candidates] == ["FooDB"]
    assert all(text[c.start : c.end] == c.term for c in result.candidates)


def test_prefilter_keeps_only_pieces_with_candidates() -> None:
    prefilter = Prefilter(["python", "node.js", "c++"])
    text = "We are a friendly company.\nYou know Python well. Lunch is free!\nNode.js and C++ too."
    condensed = prefilter.condense(text)
    assert condensed.text == "You know Python well.\nNode.js and C++ too."
    offset = condensed.text.index("C++")
    assert text[condensed.to_original(offset) :].startswith("C++")


def test_prefilter_windows_stop_at_sentence_ends_and_context_limit() -> None:
    prefilter = Prefilter(["python", "sql"])
    text = "Intro. " + "word " * 30 + "Python " + "word " * 30 + "end. SQL; fine!\nNext"
    pieces = prefilter.condense(text).text.split("\n")
    assert len(pieces) == 2
    assert pieces[0] == ("word " * 15).strip() + " Python " + ("word " * 15).strip()
    assert pieces[1] == "SQL;"


@given(st.text(alphabet=st.sampled_from(list("abc python.\n,;!? ")), max_size=200))
def test_prefilter_offsets_map_back_exactly(text: str) -> None:
    condensed = Prefilter(["python", "abc"]).condense(text)
    for i, char in enumerate(condensed.text):
        if char != "\n":
            assert text[condensed.to_original(i)] == char


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Node.js, C++ & C#!", "node js  c++   c# "), ("Café\u2019s ML\n", "café\u2019s ml "),
     ("Pay\xa0$100 \U0001f680 ok", "pay  100   ok"), ("ÀB·c", "àb c")],
)  # fmt: skip
def test_normalize_lowers_and_blanks_punctuation_in_place(text: str, expected: str) -> None:
    assert normalize(text) == expected
    assert len(normalize(text)) == len(text)
