"""Pure normalisation: text, dates, titles, locations, column mappings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractors.dates import DateParseError, iso_week_label, parse_posted_date, week_start
from extractors.locations import country_code
from extractors.mapping import ColumnMapping, MappingError, RecordRejected, content_hash, normalize
from extractors.text import clean_text
from extractors.titles import role_family
from pipelines.sources.mappings import MAPPINGS_DIR, load_mappings

LINKEDIN = ColumnMapping.from_yaml(MAPPINGS_DIR / "linkedin_2023_2024.yaml")
TODAY = dt.date(2026, 11, 21)


def test_html_becomes_text_with_list_items_and_headings() -> None:
    markup = (
        "<h2>Requirements</h2><ul><li>Python &amp; SQL</li><li>dbt</li></ul><p>Apply&nbsp;now</p>"
    )
    assert clean_text(markup) == "Requirements\n\n- Python & SQL\n- dbt\n\nApply now"


def test_plain_text_is_kept_and_tidied() -> None:
    assert clean_text("  Python,\r\n\r\n\r\n  SQL  \t and R ") == "Python,\n\nSQL and R"


@pytest.mark.parametrize(
    ("value", "kind", "expected"),
    [
        ("1713397508000.0", "epoch_ms", dt.date(2024, 4, 17)),
        (1713397508, "auto", dt.date(2024, 4, 17)),
        ("1713397508000", "auto", dt.date(2024, 4, 17)),
        ("2024-04-17T09:30:00Z", "auto", dt.date(2024, 4, 17)),
        ("2024-04-17", "iso", dt.date(2024, 4, 17)),
    ],
)
def test_posted_dates_parse(value: object, kind: str, expected: dt.date) -> None:
    assert parse_posted_date(value, kind=kind, today=TODAY) == expected


@pytest.mark.parametrize("value", ["", None, "soon", "2031-01-01", "1970-01-02", "nan"])
def test_bad_dates_are_rejected(value: object) -> None:
    with pytest.raises(DateParseError):
        parse_posted_date(value, today=TODAY)


@given(st.dates(min_value=dt.date(1995, 1, 1), max_value=TODAY))
def test_week_start_is_the_monday_of_the_iso_week(day: dt.date) -> None:
    monday = week_start(day)
    assert monday.weekday() == 0
    assert 0 <= (day - monday).days < 7
    assert iso_week_label(monday) == iso_week_label(day)


@given(st.one_of(st.text(), st.integers(), st.floats(), st.none()))
def test_date_parser_never_raises_anything_but_date_parse_error(value: object) -> None:
    try:
        parsed = parse_posted_date(value, today=TODAY)
    except DateParseError:
        return
    assert dt.date(1995, 1, 1) <= parsed <= TODAY + dt.timedelta(days=2)


@pytest.mark.parametrize(
    ("title", "family"),
    [
        ("Senior Machine Learning Engineer", "ml_engineer"),
        ("Data Scientist II", "data_scientist"),
        ("Analytics Engineer", "data_engineer"),
        ("BI Analyst", "data_analyst"),
        ("Marketing Coordinator", "other"),
    ],
)
def test_role_family(title: str, family: str) -> None:
    assert role_family(title) == family


@pytest.mark.parametrize(
    ("location", "country"),
    [("Austin, TX", "US"), ("United States", "US"), ("London, England, United Kingdom", "GB"),
     ("Berlin, Germany", "DE"), ("Remote", None), (None, None)],
)  # fmt: skip
def test_country_code(location: str | None, country: str | None) -> None:
    assert country_code(location) == country


RECORD = {
    "job_id": "921716",
    "title": " Data  Engineer ",
    "company_name": "Acme &amp; Co",
    "description": "<p>Build pipelines in Python.</p>",
    "listed_time": "1713397508000.0",
    "location": "Princeton, NJ",
    "remote_allowed": "1.0",
    "max_salary": "120,000",
    "min_salary": "",
    "pay_period": "YEARLY",
    "currency": "USD",
}


def test_mapping_normalizes_a_record() -> None:
    posting = normalize(RECORD, LINKEDIN)
    assert posting.posting_id == "linkedin_2023_2024:921716"
    assert (posting.title, posting.company) == ("Data Engineer", "Acme & Co")
    assert posting.description == "Build pipelines in Python."
    assert posting.posted_date == dt.date(2024, 4, 17)
    assert posting.posted_week == dt.date(2024, 4, 15)
    assert posting.iso_week == "2024-W16"
    assert (posting.country, posting.remote) == ("US", True)
    assert (posting.salary_min, posting.salary_max) == (None, 120000.0)
    assert posting.content_hash == content_hash(RECORD)


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"job_id": ""}, "missing id"),
        ({"title": "  "}, "missing title"),
        ({"description": "<p> </p>"}, "empty description"),
        ({"listed_time": "yesterday"}, "bad posted date"),
    ],
)
def test_unusable_records_are_rejected_with_a_reason(change: dict, reason: str) -> None:
    with pytest.raises(RecordRejected, match=reason):
        normalize(RECORD | change, LINKEDIN)


def test_content_hash_ignores_key_order() -> None:
    assert content_hash({"a": 1, "b": "x"}) == content_hash({"b": "x", "a": 1})
    assert content_hash({"a": 1}) != content_hash({"a": 2})


def test_bundled_mappings_load() -> None:
    assert [m.name for m in load_mappings()] == ["linkedin_2023_2024"]


def test_mapping_errors_name_the_key(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: x\nformat: xml\npath: a\nlicence: CC0\nfields: {}\n")
    with pytest.raises(MappingError, match="key 'format'"):
        ColumnMapping.from_yaml(bad)
