"""Salary parsing: free text and structured fields to annual values in the currency and in USD."""

from __future__ import annotations

import datetime as dt
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.fx import default_fx
from extractors.salary import (
    DAYS_PER_YEAR,
    HOURS_PER_YEAR,
    MONTHS_PER_YEAR,
    PERIODS_PER_YEAR,
    WEEKS_PER_YEAR,
    Salary,
    guess_period,
    parse_salary,
    period_from_label,
)

POSTED = dt.date(2024, 4, 15)
N = None


@pytest.mark.parametrize(
    ("text", "country", "expected"),
    [
        # k suffixes, ranges, dashes and "to"
        ("$120-150k", "US", (120_000, 150_000, "USD", "year")),
        ("120k–150k", "US", (120_000, 150_000, "USD", "year")),
        ("$120K — $150K", "US", (120_000, 150_000, "USD", "year")),
        ("$120,000 to $150,000 a year", "US", (120_000, 150_000, "USD", "year")),
        ("$50-$55k", "US", (50_000, 55_000, "USD", "year")),
        ("Salary: $40 - $45K per year", "US", (40_000, 45_000, "USD", "year")),
        ("between $18 and $20 per hour", "US", (18, 20, "USD", "hour")),
        ("zwischen 50.000 und 60.000 € brutto", "DE", (50_000, 60_000, "EUR", "year")),
        ("entre 20.000 y 25.000 € brutos al año", "ES", (20_000, 25_000, "EUR", "year")),
        ("De 40 000 € à 50 000 € par an", "FR", (40_000, 50_000, "EUR", "year")),
        ("Pay rate: $44/hr to $46/hr.", "US", (44, 46, "USD", "hour")),
        # open ends
        ("up to $30/hr", "US", (N, 30, "USD", "hour")),
        ("Up to £65k + bonus", "GB", (N, 65_000, "GBP", "year")),
        ("from £45,000", "GB", (45_000, N, "GBP", "year")),
        ("starting at $18.50/hr, DOE", "US", (18.5, N, "USD", "hour")),
        ("$80,000+", "US", (80_000, N, "USD", "year")),
        ("$160.00 per hour and up", "US", (160, N, "USD", "hour")),
        ("月給 25万円以上", "JP", (250_000, N, "JPY", "month")),
        # locale number formats
        ("€60.000", "DE", (60_000, 60_000, "EUR", "year")),
        ("60.000 €", "DE", (60_000, 60_000, "EUR", "year")),
        ("65\u202f000 €", "FR", (65_000, 65_000, "EUR", "year")),
        ("65\u00a0000 € brut annuel", "FR", (65_000, 65_000, "EUR", "year")),
        ("60–70 000 € par an", "FR", (60_000, 70_000, "EUR", "year")),
        ("CHF 120'000", "CH", (120_000, 120_000, "CHF", "year")),
        ("Fr. 95’000.– bis Fr. 115’000.–", "CH", (95_000, 115_000, "CHF", "year")),
        ("£45,000", None, (45_000, 45_000, "GBP", "year")),
        ("Stundenlohn: 18,50 €", "DE", (18.5, 18.5, "EUR", "hour")),
        ("R$ 6.500,00 mensal", "BR", (6_500, 6_500, "BRL", "month")),
        ("Pay Range: $ 60, 000 - $90, 000", "US", (60_000, 90_000, "USD", "year")),
        # South Asia
        ("₹1,20,000", "IN", (120_000, 120_000, "INR", "month")),
        ("12 LPA", "IN", (1_200_000, 1_200_000, "INR", "year")),
        ("12 lakh", None, (1_200_000, 1_200_000, "INR", "year")),
        ("1.2 crore", "IN", (12_000_000, 12_000_000, "INR", "year")),
        ("Salary: 6-9 Lacs P.A.", "IN", (600_000, 900_000, "INR", "year")),
        ("Rs. 25,000/- to 35,000/-", "IN", (25_000, 35_000, "INR", "month")),
        ("Rs. 150,000 per month", "PK", (150_000, 150_000, "PKR", "month")),
        ("PKR 80,000 - 120,000", "PK", (80_000, 120_000, "PKR", "month")),
        ("Rs 80k - 120k per month", "PK", (80_000, 120_000, "PKR", "month")),
        # JPY is never read like EUR
        ("¥6,000,000", None, (6_000_000, 6_000_000, "JPY", "year")),
        ("¥6,000,000", "JP", (6_000_000, 6_000_000, "JPY", "year")),
        ("年収600万円〜900万円", "JP", (6_000_000, 9_000_000, "JPY", "year")),
        ("時給1,200円", "JP", (1_200, 1_200, "JPY", "hour")),
        ("¥25,000 - ¥35,000 per month", "CN", (25_000, 35_000, "CNY", "month")),
        # "$" by country
        ("$85,000 - $95,000", "US", (85_000, 95_000, "USD", "year")),
        ("$85,000 - $95,000", "CA", (85_000, 95_000, "CAD", "year")),
        ("$120k - $140k + super", "AU", (120_000, 140_000, "AUD", "year")),
        ("$7,000 - $9,500 monthly", "SG", (7_000, 9_500, "SGD", "month")),
        ("$95,000 - $110,000", "NZ", (95_000, 110_000, "NZD", "year")),
        ("$40,000 - $55,000 per month", "HK", (40_000, 55_000, "HKD", "month")),
        ("$25,000 - $30,000 mensuales", "MX", (25_000, 30_000, "MXN", "month")),
        ("$90,000 - $110,000", "DE", (90_000, 110_000, "USD", "year")),
        ("$5,000 to $7,000 SGD Monthly", None, (5_000, 7_000, "SGD", "month")),
        ("Salary range (CAD): $90,000 - $110,000", None, (90_000, 110_000, "CAD", "year")),
        ("CA$110,000–130,000 a year", None, (110_000, 130_000, "CAD", "year")),
        ("S$6,000 - S$8,000 per month", None, (6_000, 8_000, "SGD", "month")),
        # kr by country, other symbols
        ("45 000 kr/mån", "SE", (45_000, 45_000, "SEK", "month")),
        ("kr 650 000 - 750 000 per år", "NO", (650_000, 750_000, "NOK", "year")),
        ("45.000 kr. om måneden", "DK", (45_000, 45_000, "DKK", "month")),
        ("R$ 8.000 a R$ 12.000", "BR", (8_000, 12_000, "BRL", "month")),
        ("12 000 - 18 000 zł brutto", "PL", (12_000, 18_000, "PLN", "month")),
        ("120-150 PLN/h netto", "PL", (120, 150, "PLN", "hour")),
        ("R35 000 per month", "ZA", (35_000, 35_000, "ZAR", "month")),
        ("AED 25,000 per month", "AE", (25_000, 25_000, "AED", "month")),
        ("60 000 – 80 000 Kč měsíčně", "CZ", (60_000, 80_000, "CZK", "month")),
        # period words
        ("£15.50 per hour", "GB", (15.5, 15.5, "GBP", "hour")),
        ("$14 - $20 an hour", "US", (14, 20, "USD", "hour")),
        ("Hourly Pay Rate based on experience:$18-34", "US", (18, 34, "USD", "hour")),
        ("£500 - £550 per day", "GB", (500, 550, "GBP", "day")),
        ("Tagessatz 800 €", "DE", (800, 800, "EUR", "day")),
        ("$150 - $200 daily", "US", (150, 200, "USD", "day")),
        ("£1,150 per week", "GB", (1_150, 1_150, "GBP", "week")),
        ("$2,500 weekly", "US", (2_500, 2_500, "USD", "week")),
        ("$5,550.00 - $7,350.00 per month", "US", (5_550, 7_350, "USD", "month")),
        ("£3,200 pcm", "GB", (3_200, 3_200, "GBP", "month")),
        ("£35k-£40k pa", "GB", (35_000, 40_000, "GBP", "year")),
        ("£35,000 p.a.", "GB", (35_000, 35_000, "GBP", "year")),
        ("£35,000 per annum", "GB", (35_000, 35_000, "GBP", "year")),
        ("$60,000/yr", "US", (60_000, 60_000, "USD", "year")),
        ("$81,000 annually", "US", (81_000, 81_000, "USD", "year")),
        ("$230,000/yr to $280,000/yr", "US", (230_000, 280_000, "USD", "year")),
        # amounts that are not pay
        ("$200 Sign-On Bonus! Pay Range: $20 - $25 Per Hour", "US", (20, 25, "USD", "hour")),
        ("$60 - $70 per hour for 6 - 10 hours a week", "US", (60, 70, "USD", "hour")),
        (
            "$55,000 - $65,000 per year plus commissions of $40k+",
            "US",
            (55_000, 65_000, "USD", "year"),
        ),
        ("Salary $50k-$60k/yr plus 5% 401k match", "US", (50_000, 60_000, "USD", "year")),
    ],
)
def test_salary_strings(text: str, country: str | None, expected: tuple[object, ...]) -> None:
    salary = parse_salary(text, country=country, posted=POSTED)
    assert (salary.min, salary.max, salary.currency, salary.period) == expected


@pytest.mark.parametrize(
    "text", [None, "", "   ", "DOE", "Competitive", "negotiable", "Competitive salary + benefits"]
)
def test_no_salary(text: str | None) -> None:
    salary = parse_salary(text, country="GB")
    assert salary == Salary(None, None, None, None, None, None, None, None, ("no_salary",))


def test_dollar_without_country_is_usd_and_flagged() -> None:
    salary = parse_salary("$85,000")
    assert salary.currency == "USD"
    assert "currency_guessed" in salary.flags
    assert "currency_guessed" not in parse_salary("$85,000", country="US").flags


def test_kr_without_country_is_guessed() -> None:
    salary = parse_salary("kr 45 000")
    assert (salary.currency, salary.flags[:1]) == ("SEK", ("currency_guessed",))


def test_missing_period_is_guessed_from_magnitude_and_flagged() -> None:
    assert parse_salary("$18 - $20", country="US").period == "hour"
    assert parse_salary("€4.500", country="DE").period == "month"
    assert parse_salary("£45,000", country="GB").period == "year"
    assert "period_guessed" in parse_salary("£45,000").flags
    assert "period_guessed" not in parse_salary("£45,000 per annum").flags


def test_monthly_pkr_stays_monthly() -> None:
    for text in ("PKR 150,000 per month", "Rs. 60,000", "PKR 40,000 - 60,000"):
        salary = parse_salary(text, country="PK")
        assert (salary.currency, salary.period) == ("PKR", "month")
        assert salary.annual_min == salary.min * 12  # type: ignore[operator]
    assert guess_period(40_000, "PKR") == "month"


def test_biweekly_pay_is_converted_to_weekly() -> None:
    salary = parse_salary("$2,400 biweekly", country="US")
    assert (salary.min, salary.period, salary.annual_min) == (1_200, "week", 62_400)
    assert "period_converted" in salary.flags


def test_annualising_constants() -> None:
    assert (HOURS_PER_YEAR, DAYS_PER_YEAR, WEEKS_PER_YEAR, MONTHS_PER_YEAR) == (2080, 260, 52, 12)
    salary = parse_salary("$20 - $25 per hour", country="US")
    assert (salary.annual_min, salary.annual_max) == (41_600, 52_000)
    assert (salary.annual_min_usd, salary.annual_max_usd) == (41_600, 52_000)
    assert parse_salary("£500 per day").annual_min == 130_000
    assert parse_salary("£1,000 per week").annual_min == 52_000


def test_usd_uses_the_rate_of_the_posting_date_and_keeps_original_values() -> None:
    salary = parse_salary("€60.000 p.a.", country="DE", posted=POSTED)
    rate = default_fx().usd_rate("EUR", POSTED)
    assert rate is not None
    assert (salary.min, salary.annual_min) == (60_000, 60_000)
    assert salary.annual_min_usd == pytest.approx(60_000 * rate.usd_per_unit)
    assert 60_000 < salary.annual_min_usd < 70_000  # type: ignore[operator]
    latest = parse_salary("€60.000 p.a.", country="DE")
    assert latest.annual_min_usd == pytest.approx(
        60_000 * default_fx().usd_rate("EUR").usd_per_unit
    )  # type: ignore[union-attr]


def test_pegged_and_missing_rates() -> None:
    aed = parse_salary("AED 36,725 per year", posted=POSTED)
    assert aed.annual_min_usd == pytest.approx(10_000)
    pkr = parse_salary("PKR 150,000 per month", posted=POSTED)
    assert pkr.annual_min == 1_800_000 and pkr.annual_min_usd is None
    assert "no_fx_rate" in pkr.flags


def test_dates_outside_the_table_are_flagged() -> None:
    old = parse_salary("€50,000 per year", posted=dt.date(1990, 1, 1))
    assert old.annual_min_usd is not None
    assert "fx_date_fallback" in old.flags


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("$3 per year", "implausible_annual"),
        ("$1,500 per hour", "implausible_annual"),
        ("$250,000 per month", "implausible_annual"),
        ("Salary Range: $140.88 - $49.69 Hourly", "min_gt_max"),
    ],
)
def test_implausible_values_never_reach_usd(text: str, flag: str) -> None:
    salary = parse_salary(text, country="US")
    assert flag in salary.flags
    assert salary.annual_min_usd is None and salary.annual_max_usd is None
    if salary.min is not None and salary.max is not None:
        assert salary.min <= salary.max


# --- structured fields -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (  # LinkedIn: min_salary, max_salary, pay_period, currency
            {"min_value": "17.0", "max_value": "20.0", "period": "HOURLY", "currency": "USD"},
            (17, 20, "USD", "hour", 35_360, 41_600),
        ),
        (
            {"min_value": 45000.0, "max_value": 65000.0, "period": "YEARLY", "currency": "USD"},
            (45_000, 65_000, "USD", "year", 45_000, 65_000),
        ),
        (
            {"min_value": 7000, "max_value": 9000, "period": "MONTHLY", "currency": "USD"},
            (7_000, 9_000, "USD", "month", 84_000, 108_000),
        ),
        (  # Lever salaryRange
            {
                "min_value": 90000,
                "max_value": 110000,
                "period": "per-year-salary",
                "currency": "CAD",
            },
            (90_000, 110_000, "CAD", "year", 90_000, 110_000),
        ),
        (
            {"min_value": 45, "max_value": 60, "period": "per-hour-wage", "currency": "GBP"},
            (45, 60, "GBP", "hour", 93_600, 124_800),
        ),
        (  # Ashby compensation component
            {"min_value": 150000, "max_value": 180000, "period": "1 YEAR", "currency": "EUR"},
            (150_000, 180_000, "EUR", "year", 150_000, 180_000),
        ),
        (  # RemoteOK: annual USD, no period
            {"min_value": 60000, "max_value": 100000, "currency": "USD"},
            (60_000, 100_000, "USD", "year", 60_000, 100_000),
        ),
        (  # LinkedIn med_salary as both ends
            {"min_value": 350, "max_value": 350, "period": "MONTHLY", "currency": "USD"},
            (350, 350, "USD", "month", 4_200, 4_200),
        ),
        (  # every two weeks becomes weekly
            {"min_value": 2000, "max_value": 2400, "period": "BIWEEKLY", "currency": "USD"},
            (1_000, 1_200, "USD", "week", 52_000, 62_400),
        ),
        (
            {"min_value": "$120,000", "max_value": "150k", "period": "YEARLY", "currency": "$"},
            (120_000, 150_000, "USD", "year", 120_000, 150_000),
        ),
    ],
)
def test_structured_fields(fields: dict[str, object], expected: tuple[object, ...]) -> None:
    s = parse_salary(None, posted=POSTED, **fields)  # type: ignore[arg-type]
    assert (s.min, s.max, s.currency, s.period, s.annual_min, s.annual_max) == expected


def test_structured_fields_win_over_text_and_country_fills_currency() -> None:
    s = parse_salary("€1 per year", min_value=50_000, max_value=None, period="YEARLY", country="DE")
    assert (s.min, s.max, s.currency, s.period) == (50_000, None, "EUR", "year")
    assert "currency_guessed" in s.flags
    assert parse_salary(None, min_value=math.nan, max_value=None).flags == ("no_salary",)


@pytest.mark.parametrize(
    ("label", "period"),
    [
        ("YEARLY", "year"), ("HOURLY", "hour"), ("MONTHLY", "month"), ("WEEKLY", "week"),
        ("DAILY", "day"), ("per-year-salary", "year"), ("per-month-salary", "month"),
        ("1 HOUR", "hour"), ("annual", "year"), ("BIWEEKLY", "biweek"),
        ("semi-monthly", "semimonth"),
        ("", None), (None, None), ("one-time", None),
    ],
)  # fmt: skip
def test_period_labels(label: str | None, period: str | None) -> None:
    assert period_from_label(label) == period


def test_as_contract_keys() -> None:
    contract = parse_salary("$18 - $20 per hour", country="US").as_contract()
    assert set(contract) == {
        "min", "max", "currency", "period", "annual_min", "annual_max",
        "annual_min_usd", "annual_max_usd", "flags",
    }  # fmt: skip
    assert contract["flags"] == []


# --- properties ------------------------------------------------------------------------------

COUNTRIES = st.one_of(
    st.none(),
    st.sampled_from(["US", "CA", "DE", "IN", "PK", "JP", "SE", "BR", "XX", "UK"]),
    st.text(),
)
SALARYISH = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "$",
                "€",
                "£",
                "¥",
                "₹",
                "kr",
                "Rs.",
                "R$",
                "CHF",
                "USD",
                "zł",
                "k",
                "K",
                "-",
                "–",
                " to ",
                " up to ",
                "from ",
                "per hour",
                "/yr",
                "p.a.",
                "monthly",
                "lakh",
                "LPA",
                " ",
                ",",
                ".",
                "'",
                "\u202f",
                "+",
                "DOE",
                "bonus",
                "401k",
            ]
        ),
        st.integers(min_value=0, max_value=10**9).map(str),
        st.text(max_size=5),
    ),
    max_size=12,
).map("".join)


def _check_invariants(salary: Salary) -> None:
    if salary.min is not None and salary.max is not None:
        assert salary.min <= salary.max
    if salary.period is not None:
        factor = PERIODS_PER_YEAR[salary.period]
        if salary.min is not None:
            assert salary.annual_min == salary.min * factor
        if salary.max is not None:
            assert salary.annual_max == salary.max * factor
    else:
        assert salary.min is None and salary.max is None
    for usd in (salary.annual_min_usd, salary.annual_max_usd):
        if usd is not None:
            assert 1_000 <= usd <= 2_000_000
            assert "implausible_annual" not in salary.flags


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(st.none(), st.text(max_size=200), SALARYISH), country=COUNTRIES)
def test_never_raises_and_keeps_invariants(text: str | None, country: str | None) -> None:
    _check_invariants(parse_salary(text, country=country))


@settings(max_examples=200, deadline=None)
@given(
    low=st.floats(min_value=1, max_value=500_000),
    spread=st.floats(min_value=1, max_value=3),
    currency=st.sampled_from(["USD", "EUR", "GBP", "JPY", "INR", "CHF", "SEK", "BRL", "AED"]),
    period=st.sampled_from(["HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY"]),
    posted=st.dates(min_value=dt.date(1995, 1, 1), max_value=dt.date(2030, 12, 31)),
)
def test_annual_usd_is_consistent_with_the_fx_rate(
    low: float, spread: float, currency: str, period: str, posted: dt.date
) -> None:
    salary = parse_salary(
        None, min_value=low, max_value=low * spread, currency=currency, period=period, posted=posted
    )
    _check_invariants(salary)
    rate = default_fx().usd_rate(currency, posted)
    assert rate is not None
    if salary.annual_min_usd is not None:
        assert salary.annual_min is not None
        assert salary.annual_min_usd == pytest.approx(salary.annual_min * rate.usd_per_unit)
    else:
        assert {"implausible_annual", "min_gt_max"} & set(salary.flags)


@settings(max_examples=200, deadline=None)
@given(amount=st.integers(min_value=1_000, max_value=1_500_000))
def test_grouped_numbers_read_the_same_in_every_locale(amount: int) -> None:
    us = f"{amount:,}"
    for text, country in [
        (f"${us} per year", "US"),
        (f"{us.replace(',', '.')} € pro Jahr", "DE"),
        (f"{us.replace(',', chr(0x202F))} € par an", "FR"),
        (f"CHF {us.replace(',', chr(39))} p.a.", "CH"),
        (f"¥{us} per year", "JP"),
    ]:
        assert parse_salary(text, country=country).min == amount, text
