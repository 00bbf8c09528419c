"""Posting locations: country, region, city and work arrangement.

Most cases are real values of the ``location`` column of the LinkedIn sample
(data/postings/linkedin_2023_2024/postings_sample_1000.csv); the rest are written in the shapes
other boards use ("Remote - US", "Hybrid - Toronto, ON", "Sydney NSW").
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractors.locations import (
    _DESCRIPTION_PHRASES,
    Location,
    _fold,
    country_code,
    is_remote_text,
    parse_location,
)

L = Location

LINKEDIN = [
    ("Austin, TX", L("US", "US-TX", "Austin")),
    ("New York, NY", L("US", "US-NY", "New York")),
    ("Houston, TX", L("US", "US-TX", "Houston")),
    ("Chicago, IL", L("US", "US-IL", "Chicago")),
    ("United States", L("US")),
    ("New York City Metropolitan Area", L("US", "US-NY", "New York")),
    ("San Francisco Bay Area", L("US", "US-CA", "San Francisco")),
    ("Washington, DC", L("US", "US-DC", "Washington")),
    ("Washington DC-Baltimore Area", L("US", "US-DC", "Washington")),
    ("Florida, United States", L("US", "US-FL")),
    ("New York, United States", L("US", "US-NY")),
    ("North Carolina, United States", L("US", "US-NC")),
    ("Los Angeles, California, United States", L("US", "US-CA", "Los Angeles")),
    ("Columbus, Ohio Metropolitan Area", L("US", "US-OH", "Columbus")),
    ("San Antonio, Texas Metropolitan Area", L("US", "US-TX", "San Antonio")),
    ("Greenville-Spartanburg-Anderson, South Carolina Area", L("US", "US-SC", "Greenville")),
    ("Dallas-Fort Worth Metroplex", L("US", "US-TX", "Dallas")),
    ("Greater Minneapolis-St. Paul Area", L("US", "US-MN", "Minneapolis")),
    ("Raleigh-Durham-Chapel Hill Area", L("US", "US-NC", "Raleigh")),
    ("Greater Philadelphia", L("US", "US-PA", "Philadelphia")),
    ("Greater Tampa Bay Area", L("US", "US-FL", "Tampa")),
    ("Los Angeles Metropolitan Area", L("US", "US-CA", "Los Angeles")),
    ("Greater Flagstaff Area", L("US", "US-AZ", "Flagstaff")),
    ("Winston-Salem, NC", L("US", "US-NC", "Winston-Salem")),
    ("St Louis, MO", L("US", "US-MO", "St. Louis")),
    ("Santa Barbara County, CA", L("US", "US-CA", "Santa Barbara County")),
    ("Muncie, IN", L("US", "US-IN", "Muncie")),
    ("Concord, CA", L("US", "US-CA", "Concord")),
    ("Savannah, GA", L("US", "US-GA", "Savannah")),
    ("Hartford County, CT", L("US", "US-CT", "Hartford County")),
    ("Kalispell, MT", L("US", "US-MT", "Kalispell")),
    ("Warsaw, VA", L("US", "US-VA", "Warsaw")),
    ("Vienna, VA", L("US", "US-VA", "Vienna")),
    ("Queens, NY", L("US", "US-NY", "Queens")),
    ("Fairbanks, AK", L("US", "US-AK", "Fairbanks")),
]

OTHER_SHAPES = [
    ("New York, NY 10001", L("US", "US-NY", "New York")),
    ("London, England, United Kingdom", L("GB", "GB-ENG", "London")),
    ("Berlin, Germany", L("DE", "DE-BE", "Berlin")),
    ("Remote", L(work_arrangement="remote")),
    ("Remote - US", L("US", work_arrangement="remote")),
    ("Remote (EU)", L(work_arrangement="remote")),
    ("Hybrid - Toronto, ON", L("CA", "CA-ON", "Toronto", "hybrid")),
    ("Bengaluru, Karnataka, India", L("IN", "IN-KA", "Bengaluru")),
    ("Paris, Île-de-France, France", L("FR", "FR-IDF", "Paris")),
    ("Munich, BY", L("DE", "DE-BY", "Munich")),
    ("Sydney NSW", L("AU", "AU-NSW", "Sydney")),
    ("Singapore", L("SG", None, "Singapore")),
    ("Worldwide", L(work_arrangement="remote")),
    ("Anywhere", L(work_arrangement="remote")),
    ("New York, NY; Austin, TX", L("US", "US-NY", "New York")),
    ("Berlin / Munich", L("DE", "DE-BE", "Berlin")),
    ("Austin, TX (On-site)", L("US", "US-TX", "Austin", "onsite")),
    ("Hybrid remote in Seattle, WA 98101", L("US", "US-WA", "Seattle", "hybrid")),
    ("Remote in Germany", L("DE", work_arrangement="remote")),
    ("Anywhere in the US", L("US", work_arrangement="remote")),
    ("Remote (US/Canada)", L("US", work_arrangement="remote")),
    ("Toronto, ON M5V 3L9", L("CA", "CA-ON", "Toronto")),
    ("Vancouver, BC, Canada", L("CA", "CA-BC", "Vancouver")),
    ("Melbourne VIC 3000", L("AU", "AU-VIC", "Melbourne")),
    ("Pune, Maharashtra, India", L("IN", "IN-MH", "Pune")),
    ("Hamburg, Germany", L("DE", "DE-HH", "Hamburg")),
    ("Stuttgart, Baden-Württemberg, Germany", L("DE", "DE-BW", "Stuttgart")),
    ("Amsterdam, North Holland, Netherlands", L("NL", "NL-NH", "Amsterdam")),
    ("Madrid, Spain", L("ES", "ES-MD", "Madrid")),
    ("Tokyo, Japan", L("JP", None, "Tokyo")),
    ("USA - California - San Jose", L("US", "US-CA", "San Jose")),
    ("Texas", L("US", "US-TX")),
    ("Bavaria, Germany", L("DE", "DE-BY")),
    ("London EC1A 1BB", L("GB", "GB-ENG", "London")),
    ("Remote (EST)", L(work_arrangement="remote")),
    ("EMEA", L()),
]

# The two-letter rule: after a city a code is a US state first; alone it is a country only if
# no US state has that code.
AMBIGUOUS = [
    ("Dover, DE", L("US", "US-DE", "Dover")),
    ("Berlin, DE", L("DE", "DE-BE", "Berlin")),
    ("Fresno, CA", L("US", "US-CA", "Fresno")),
    ("Toronto, CA", L("CA", "CA-ON", "Toronto")),
    ("Perth, WA", L("AU", "AU-WA", "Perth")),
    ("London, ON", L("CA", "CA-ON", "London")),
    ("Lyon, FR", L("FR", "FR-ARA", "Lyon")),
    ("Antwerp, BE", L("BE", None, "Antwerp")),
    ("Atlanta, Georgia", L("US", "US-GA", "Atlanta")),
    ("Georgia", L("GE")),
    ("CA", L()),
    ("IN", L()),
    ("DE", L()),
    ("Remote, FR", L("FR", work_arrangement="remote")),
    ("UK", L("GB")),
]


@pytest.mark.parametrize(("text", "expected"), LINKEDIN + OTHER_SHAPES + AMBIGUOUS)
def test_parse_location(text: str, expected: Location) -> None:
    assert parse_location(text) == expected


@pytest.mark.parametrize(
    ("text", "country"),
    [(text, expected.country) for text, expected in LINKEDIN + OTHER_SHAPES + AMBIGUOUS]
    + [(None, None), ("", None)],
)
def test_country_code_agrees_with_parse_location(text: str | None, country: str | None) -> None:
    assert country_code(text) == country


@pytest.mark.parametrize(
    ("text", "remote"),
    [("Remote", True), ("Remote - US", True), ("Anywhere", True), ("Hybrid - Toronto, ON", False),
     ("Austin, TX", False), ("Remote/Hybrid - NYC", True), (None, False)],
)  # fmt: skip
def test_is_remote_text(text: str | None, remote: bool) -> None:
    assert is_remote_text(text) is remote


@pytest.mark.parametrize(
    ("location", "flag", "description", "arrangement"),
    [
        ("Austin, TX", True, None, "remote"),
        ("Hybrid - Austin, TX", True, None, "hybrid"),  # the location's own words win
        ("Austin, TX", None, "This is a fully remote role open across the US.", "remote"),
        ("Austin, TX", None, "Hybrid (3 days in office) at our Austin hub.", "hybrid"),
        ("Austin, TX", None, "Role Description: This is a full-time on-site role.", "onsite"),
        ("Austin, TX", None, "This position is on-site at our plant.", "onsite"),
        ("Austin, TX", None, "The role is hybrid, with 2 days per week in the office.", "hybrid"),
        ("Austin, TX", None, "This role is not fully remote.", None),
        ("Austin, TX", None, "We offer remote work options and an on-site gym.", None),
        ("Austin, TX", None, "Fully remote role. A hybrid work schedule is possible.", None),
        ("Austin, TX", False, "This is a fully remote role.", None),  # the flag says not remote
        ("Austin, TX", False, "This is a hybrid role.", "hybrid"),
        (None, None, "This is a remote position.", "remote"),
        (None, None, None, None),
    ],
)
def test_work_arrangement(
    location: str | None, flag: bool | None, description: str | None, arrangement: str | None
) -> None:
    parsed = parse_location(location, remote_flag=flag, description=description)
    assert parsed.work_arrangement == arrangement


def test_location_is_frozen() -> None:
    with pytest.raises(AttributeError):
        parse_location("Austin, TX").city = "Dallas"  # type: ignore[misc]


@given(
    st.one_of(st.none(), st.text(max_size=120)),
    st.one_of(st.none(), st.booleans()),
    st.one_of(st.none(), st.text(max_size=300)),
)
def test_parse_location_never_raises(
    text: str | None, flag: bool | None, description: str | None
) -> None:
    parsed = parse_location(text, remote_flag=flag, description=description)
    assert parsed.country is None or (len(parsed.country) == 2 and parsed.country.isupper())
    assert parsed.work_arrangement in (None, "remote", "hybrid", "onsite")
    assert country_code(text) == parse_location(text).country


@given(
    st.lists(
        st.sampled_from(
            ["Remote", "Hybrid", "-", ",", "(", ")", "/", ";", "CA", "DE", "IN", "NY", "Austin",
             "New York", "Greater", "Area", "Metropolitan", "United States", "10001", "the", "in"]
        ),
        max_size=8,
    )
)  # fmt: skip
def test_location_shaped_noise_never_raises(words: list[str]) -> None:
    parse_location(" ".join(words))


def test_fold_keeps_positions_and_ascii_letters_of_ignorecase() -> None:
    everything = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    folded = _fold(everything)
    assert len(folded) == len(everything)
    letters = {m.start() for m in re.finditer("[a-z]", everything, re.IGNORECASE)}
    assert letters == {i for i, ch in enumerate(folded) if "a" <= ch <= "z"}
    assert all(re.fullmatch(folded[i], everything[i], re.IGNORECASE) for i in letters)
    for test in (str.isalnum, str.isspace, str.isdecimal):
        assert [test(ch) for ch in folded] == [test(ch) for ch in everything]


#: One example of each description phrase, and spellings that ``re.IGNORECASE`` still matches.
_PHRASE_EXAMPLES = [
    "fully remote", "100 % remote", "this is a remote role", "the role is a remote",
    "remote position", "hybrid remote position", "work remotely from anywhere", "hybrid (3",
    "hybrid-remote", "hybrid work", "the job is hybrid", "2 days per week in our office",
    "entirely in-person", "this opportunity is an office-based", "on site job",
    "expected to be in the office five", "the position is not a remote", "not a remote role",
]  # fmt: skip
_RESPELLINGS = [str, str.upper, str.title, str.swapcase]
_LOOKALIKES = [("i", "\u0130"), ("i", "\u0131"), ("s", "\u017f"), ("k", "\u212a"), ("", "")]


@given(
    st.lists(st.sampled_from(_PHRASE_EXAMPLES), min_size=1, max_size=3),
    st.sampled_from(["", " ", "\n", "no "]),
    st.sampled_from(_RESPELLINGS),
    st.sampled_from(_LOOKALIKES),
)
def test_phrase_tests_never_rule_out_a_phrase_that_occurs(
    examples: list[str], gap: str, respell: Callable[[str], str], lookalike: tuple[str, str]
) -> None:
    text = respell(gap.join(examples)).replace(*lookalike)
    for phrase in _DESCRIPTION_PHRASES:
        if phrase.pattern.search(text):
            assert phrase.may_occur(_fold(text)), (phrase.pattern.pattern, text)


def test_every_phrase_has_an_example() -> None:
    for phrase in _DESCRIPTION_PHRASES:
        assert any(phrase.pattern.search(example) for example in _PHRASE_EXAMPLES)
