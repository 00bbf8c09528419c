"""USD rates from the bundled ECB reference-rate history."""

from __future__ import annotations

import datetime as dt

import pytest

from extractors.fx import ECB_HISTORY, FxTable, default_fx


@pytest.fixture(scope="module")
def fx() -> FxTable:
    return default_fx()


def test_the_table_is_bundled_and_covers_1999_to_2026(fx: FxTable) -> None:
    assert ECB_HISTORY.is_file()
    assert fx.first_date == dt.date(1999, 1, 4)
    assert fx.last_date >= dt.date(2026, 1, 1)
    assert {"USD", "EUR", "JPY", "GBP", "INR", "CHF", "BRL", "AED"} <= fx.currencies


def test_jpy_on_a_known_ecb_date(fx: FxTable) -> None:
    # ECB 2024-04-15: 1 EUR = 1.0656 USD = 164.05 JPY, so 1 USD is about 153.95 JPY.
    rate = fx.usd_rate("JPY", dt.date(2024, 4, 15))
    assert rate is not None
    assert (rate.rate_date, rate.fallback, rate.source) == (dt.date(2024, 4, 15), False, "ecb")
    assert 1 / rate.usd_per_unit == pytest.approx(153.95, rel=0.001)
    assert fx.to_usd(6_000_000, "JPY", dt.date(2024, 4, 15)) == pytest.approx(38_973, rel=0.001)


def test_usd_and_eur(fx: FxTable) -> None:
    usd = fx.usd_rate("usd", dt.date(2024, 4, 15))
    assert usd is not None and usd.usd_per_unit == pytest.approx(1.0)
    eur = fx.usd_rate("EUR", dt.date(2024, 4, 15))
    assert eur is not None and eur.usd_per_unit == pytest.approx(1.0656, rel=1e-4)


def test_weekends_are_interpolated_not_flagged(fx: FxTable) -> None:
    saturday = fx.usd_rate("GBP", dt.date(2024, 4, 13))
    assert saturday is not None and not saturday.fallback
    assert saturday.rate_date == dt.date(2024, 4, 13)
    assert 1.2 < saturday.usd_per_unit < 1.3


@pytest.mark.parametrize(
    ("currency", "day", "used"),
    [
        ("EUR", dt.date(1990, 6, 1), dt.date(1999, 1, 4)),
        ("JPY", dt.date(2099, 1, 1), None),
        ("RUB", dt.date(2024, 4, 15), dt.date(2022, 3, 1)),
    ],
)
def test_dates_outside_the_table_fall_back_to_the_nearest_rate(
    fx: FxTable, currency: str, day: dt.date, used: dt.date | None
) -> None:
    rate = fx.usd_rate(currency, day)
    assert rate is not None and rate.fallback
    assert rate.rate_date == (used or fx.last_date)


def test_no_date_means_the_latest_rate_unflagged(fx: FxTable) -> None:
    rate = fx.usd_rate("INR")
    assert rate is not None
    assert (rate.rate_date, rate.fallback) == (fx.last_date, False)


def test_pegs_and_missing_currencies(fx: FxTable) -> None:
    aed = fx.usd_rate("AED", dt.date(2024, 4, 15))
    assert aed is not None and aed.source == "peg"
    assert fx.to_usd(3.6725, "AED") == pytest.approx(1.0)
    xof = fx.usd_rate("XOF", dt.date(2024, 4, 15))
    eur = fx.usd_rate("EUR", dt.date(2024, 4, 15))
    assert xof is not None and eur is not None
    assert xof.usd_per_unit * 655.957 == pytest.approx(eur.usd_per_unit)
    assert fx.usd_rate("PKR") is None
    assert fx.to_usd(100, "PKR") is None
    assert fx.usd_rate("XYZ") is None
