"""Salaries from free text or structured pay fields, annualised and converted to US dollars.

:func:`parse_salary` reads strings such as ``"$120-150k"``, ``"€60.000 – 75.000 brutto/Jahr"``,
``"CHF 120'000"``, ``"₹1,20,000 per month"``, ``"12 LPA"``, ``"¥6,000,000"`` or
``"Rs. 150,000 - 200,000 monthly"`` and structured fields (LinkedIn ``min_salary``/``max_salary``/
``pay_period``/``currency``, Lever ``salaryRange``, Ashby compensation, RemoteOK ``salary_min``)
into a :class:`Salary`. Structured ``min_value``/``max_value`` win over the text, which is then
not read. How the text is read:

1. **Normalise.** NFKC (full-width digits, no-break and narrow no-break spaces), dashes and
   tildes to ``-``, and 401(k)/403(b), dates and clock times removed; a lower-case letter glued
   to an upper-case one is split (``"per hourBenefits"``).
2. **Amounts.** A number, a multiplier (``k``, ``thousand``, ``mil`` = 1,000 as in Spanish and
   Portuguese, ``m``/``million``, ``lakh``/``L``/``LPA`` = 100,000, ``crore`` = 10,000,000,
   ``万`` = 10,000) and the currency markers written next to it. ``,`` ``.`` ``'`` or a space
   before a group of three digits separates thousands (``60.000``, ``120'000``, ``65 000``,
   Indian ``1,20,000``); a single ``,`` or ``.`` before other than three digits is a decimal
   point (``12,5``, ``18.50``); with both, the last one is the decimal point.
3. **Ranges.** Amounts joined by ``-``, ``to``, ``and``, ``bis``, ``und``, ``a``, ``à``, ``y``,
   ``e``, ``do``… form a range (also ``$44/hr to $46/hr``). A multiplier written on one end only
   applies to both (``$120-150k``) when that keeps the range in order, and ``60-70 000`` reads
   as 60,000 to 70,000.
4. **Which amount is the salary.** Amounts next to bonus, commission, tips, revenue, budget,
   insurance and similar words are dropped; so are bare numbers that count hours, years, people
   or are years, bare numbers in running text without a pay word or multiplier, and amounts worth
   more than :data:`NEVER_PAY_USD`. Of the rest, the best scored wins (a currency, a pay period,
   a pay word before it, a range), the first one on ties.
5. **Bounds.** ``up to X`` gives the maximum only; ``from X``, ``starting at X``, ``X+`` the
   minimum only; a single amount is both.
6. **Currency.** The ``currency`` argument, else an ISO 4217 code written next to the amount,
   else an unambiguous symbol or word (``€``, ``R$``, ``zł``, ``CHF``, ``euros``), else an
   ambiguous one (``$``, ``kr``, ``Rs``, ``¥``, ``pesos``) resolved by ``country`` with Babel:
   the country's currency when its English name (``dollar``, ``krona``/``krone``, ``rupee``…)
   or its local symbol matches, otherwise the default (USD, SEK, INR, JPY, MXN) flagged
   ``currency_guessed``. Without any marker: a code written as ``(EUR)``/``in EUR``, else the
   country's currency (flagged), else ``None``.
7. **Period.** The ``period`` argument, else words next to the amount (``per hour``, ``/hr``,
   ``an hour``, ``p.a.``, ``monthly``, ``brutto/Monat``, ``LPA``…), else a guess from the
   magnitude flagged ``period_guessed`` (see :func:`guess_period`). Pay every two weeks or twice
   a month is turned into weekly or monthly amounts and flagged ``period_converted``.
8. **Annual and USD.** ``annual = value * periods per year`` (:data:`PERIODS_PER_YEAR`); US
   dollars through :mod:`extractors.fx` at the posting date (latest rate when ``posted`` is
   ``None``). Annual US-dollar values below :data:`MIN_ANNUAL_USD` or above
   :data:`MAX_ANNUAL_USD` are flagged ``implausible_annual``; a minimum above the maximum is
   swapped and flagged ``min_gt_max``; both leave ``annual_*_usd`` empty so they are never used
   silently.
"""

from __future__ import annotations

import datetime
import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import pycountry
from babel.core import get_global
from babel.localedata import exists as locale_exists
from babel.numbers import (
    get_currency_name,
    get_currency_symbol,
    get_territory_currencies,
    list_currencies,
)

from extractors.fx import default_fx

HOURS_PER_YEAR = 2080  # 40 hours x 52 weeks
DAYS_PER_YEAR = 260  # 5 working days x 52 weeks
WEEKS_PER_YEAR = 52
MONTHS_PER_YEAR = 12
PERIODS_PER_YEAR: dict[str, int] = {
    "hour": HOURS_PER_YEAR,
    "day": DAYS_PER_YEAR,
    "week": WEEKS_PER_YEAR,
    "month": MONTHS_PER_YEAR,
    "year": 1,
}
MIN_ANNUAL_USD = 1_000.0
MAX_ANNUAL_USD = 2_000_000.0
#: Period guess: below this many US dollars an amount is hourly (if also below
#: :data:`HOURLY_MAX_UNITS` units of its own currency), below :data:`MONTHLY_BELOW_USD` monthly.
HOURLY_BELOW_USD = 200.0
HOURLY_MAX_UNITS = 5_000.0
MONTHLY_BELOW_USD = 20_000.0
#: Texts up to this long are read as salary fields: a bare number there is taken as pay.
SHORT_TEXT = 40
#: A candidate amount above this many US dollars is a budget or a revenue, never pay.
NEVER_PAY_USD = 5_000_000.0

#: Rough units per US dollar (2025) of currencies the ECB table lacks. Used only to guess a
#: missing pay period and to flag implausible values; never reported as a USD value.
ROUGH_UNITS_PER_USD: dict[str, float] = {
    "PKR": 280, "EGP": 50, "NGN": 1_500, "KES": 130, "GHS": 15, "VND": 25_000, "ARS": 1_000,
    "CLP": 950, "COP": 4_000, "PEN": 3.7, "UYU": 40, "TWD": 32, "BDT": 120, "LKR": 300,
    "NPR": 135, "UAH": 41, "KZT": 500, "RUB": 90, "MAD": 10, "TND": 3.1, "UGX": 3_700,
    "TZS": 2_600, "ETB": 120, "KWD": 0.31, "GEL": 2.7, "RSD": 105, "CRC": 510, "DOP": 60,
    "GTQ": 7.7, "PYG": 7_500, "KHR": 4_000, "AZN": 1.7, "AMD": 390, "UZS": 12_500,
}  # fmt: skip

#: Pay periods outside the five, as (period, factor on the amounts).
_CONVERTED = {"biweek": ("week", 0.5), "semimonth": ("month", 2.0)}

FLAGS = (
    "no_salary",
    "currency_guessed",
    "period_guessed",
    "implausible_annual",
    "min_gt_max",
    "no_fx_rate",
    "fx_date_fallback",
    "period_converted",
)


@dataclass(frozen=True, slots=True)
class Salary:
    """A pay range as written, per ``period``, plus its annual value in ``currency`` and in USD."""

    min: float | None
    max: float | None
    currency: str | None
    period: str | None
    annual_min: float | None
    annual_max: float | None
    annual_min_usd: float | None
    annual_max_usd: float | None
    flags: tuple[str, ...] = ()

    def as_contract(self) -> dict[str, object]:
        """The ``skillradar salary`` JSON fields (without ``id``), flags as a list."""
        return {
            "min": self.min,
            "max": self.max,
            "currency": self.currency,
            "period": self.period,
            "annual_min": self.annual_min,
            "annual_max": self.annual_max,
            "annual_min_usd": _cents(self.annual_min_usd),
            "annual_max_usd": _cents(self.annual_max_usd),
            "flags": list(self.flags),
        }


NO_SALARY = Salary(None, None, None, None, None, None, None, None, ("no_salary",))


def parse_salary(
    text: str | None,
    *,
    country: str | None = None,
    posted: datetime.date | None = None,
    min_value: float | str | None = None,
    max_value: float | str | None = None,
    currency: str | None = None,
    period: str | None = None,
) -> Salary:
    """Read a salary from ``text`` and/or structured fields; see the module docstring."""
    cc = _country_code(country)
    flags: list[str] = []
    lo, hi = _structured_value(min_value), _structured_value(max_value)
    currency_code = _currency_argument(currency, cc, posted, flags)
    period_name = period_from_label(period)
    found = _read_text(text or "", cc, posted) if lo is None and hi is None else None
    if found is not None:
        lo, hi = found.min, found.max
        if currency_code is None and found.currency is not None:
            currency_code = found.currency
            flags.extend(found.flags)
        period_name = period_name or found.period
    if lo is None and hi is None:
        return NO_SALARY
    if currency_code is None and cc is not None:
        currency_code = _territory_currency(cc, _day(posted))
        if currency_code is not None:
            flags.append("currency_guessed")
    if period_name is None:
        period_name = "year" if found is not None and found.year_convention else None
        period_name = period_name or guess_period(_first(lo, hi), currency_code, posted)
        flags.append("period_guessed")
    if period_name in _CONVERTED:
        period_name, factor = _CONVERTED[period_name]
        lo, hi = _scale(lo, factor), _scale(hi, factor)
        flags.append("period_converted")
    return _finish(lo, hi, currency_code, period_name, posted, flags)


def guess_period(value: float, currency: str | None, posted: datetime.date | None = None) -> str:
    """Pay period of an amount written without one, from its size in US dollars.

    Below :data:`HOURLY_BELOW_USD` (and below :data:`HOURLY_MAX_UNITS` units, so that monthly
    pay in PKR or NGN is not read as hourly) it is hourly; below :data:`MONTHLY_BELOW_USD`
    monthly; otherwise yearly. Days and weeks are never guessed.
    """
    usd = _rough_usd(value, currency, posted)
    if usd < HOURLY_BELOW_USD and value < HOURLY_MAX_UNITS:
        return "hour"
    if usd < MONTHLY_BELOW_USD:
        return "month"
    return "year"


def period_from_label(label: str | None) -> str | None:
    """``"YEARLY"``, ``"per-hour-wage"``, ``"1 MONTH"``, ``"annual"``… as a period name.

    Also ``"biweek"`` (every two weeks) and ``"semimonth"`` (twice a month), which
    :func:`parse_salary` turns into weeks and months.
    """
    if not label:
        return None
    word = label.strip().lower()
    if "hour" in word or word in {"hr", "h"}:
        return "hour"
    if "day" in word or "daily" in word or word == "d":
        return "day"
    if re.search(r"bi-?week|fortnight|every\s*(?:two|2)\s*weeks", word):
        return "biweek"
    if "week" in word or word in {"wk", "w"}:
        return "week"
    if re.search(r"semi-?month|twice\s+a\s+month", word):
        return "semimonth"
    if "month" in word or word in {"mo", "m", "mth"}:
        return "month"
    if re.search(r"year|annual|annum|yr|^y$|^a$|^pa$", word):
        return "year"
    return None


@lru_cache(maxsize=1024)
def _country_code(country: str | None) -> str | None:
    """ISO 3166-1 alpha-2 code of a country code or name (``"UK"`` is ``GB``), else ``None``."""
    if not country or not country.strip() or len(country) > 60:
        return None
    name = country.strip()
    aliases = {"UK": "GB", "EL": "GR", "UAE": "AE", "USA": "US"}
    if name.upper() in aliases:
        return aliases[name.upper()]
    try:
        return str(pycountry.countries.lookup(name).alpha_2)
    except LookupError:
        return None


# --- reading text ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Found:
    min: float | None
    max: float | None
    currency: str | None
    period: str | None
    flags: tuple[str, ...]
    year_convention: bool


@dataclass(slots=True)
class _Amount:
    start: int
    end: int
    number_end: int
    raw: float
    mult: float | None
    multiplier_kind: str | None
    markers: list[tuple[str, str]]  # (kind, value) with kind "code" | "symbol" | "ambiguous"

    @property
    def value(self) -> float:
        return self.raw * (self.mult or 1.0)


@dataclass(slots=True)
class _Group:
    amounts: list[_Amount]

    @property
    def start(self) -> int:
        return self.amounts[0].start

    @property
    def end(self) -> int:
        return self.amounts[-1].end

    @property
    def markers(self) -> list[tuple[str, str]]:
        return [m for a in self.amounts for m in a.markers]


_NUMBER = re.compile(r"(?<![\d.,'’])\d+(?:[.,]\d+|['’ ]\d{3}(?!\d))*")
_SPACE_OR_PUNCT = re.compile(r"[\s:]*")

_MULTIPLIERS: dict[str, tuple[float, str]] = {
    "k": (1e3, "k"), "thousand": (1e3, "k"), "tsd": (1e3, "k"), "tsd.": (1e3, "k"),
    "mil": (1e3, "k"), "tys": (1e3, "k"), "tys.": (1e3, "k"), "m": (1e6, "m"), "mn": (1e6, "m"),
    "mio": (1e6, "m"), "mio.": (1e6, "m"), "million": (1e6, "m"), "millions": (1e6, "m"),
    "mill": (1e6, "m"), "millones": (1e6, "m"), "milhões": (1e6, "m"), "juta": (1e6, "m"),
    "lpa": (1e5, "lakh"), "lakh": (1e5, "lakh"), "lakhs": (1e5, "lakh"), "lac": (1e5, "lakh"),
    "lacs": (1e5, "lakh"), "l": (1e5, "lakh"), "crore": (1e7, "lakh"), "crores": (1e7, "lakh"),
    "cr": (1e7, "lakh"), "万": (1e4, "wan"), "bn": (1e9, "b"), "billion": (1e9, "b"),
    "b": (1e9, "b"),
}  # fmt: skip
_MULT_GLUED = re.compile(
    r"(万)|(k|m|b|(?-i:L)|mn|bn|cr|lpa)(?![^\W\d_])|(lakhs?|lacs?|crores?|thousand|million)", re.I
)
_MULT_SPACED = re.compile(
    r"\s(k|thousand|tsd\.?|tys\.?|mil|mio\.?|mn|millions?|mill|millones|milhões|juta|bn|billion"
    r"|lpa|lakhs?|lacs?|(?-i:L)|crores?|cr)(?![^\W\d_])|\s(万)",
    re.I,
)

_DOLLAR_PREFIX = {
    "us": "USD", "usd": "USD", "u": "USD", "c": "CAD", "ca": "CAD", "cad": "CAD", "can": "CAD",
    "a": "AUD", "au": "AUD", "aud": "AUD", "nz": "NZD", "nzd": "NZD", "s": "SGD", "sg": "SGD",
    "sgd": "SGD", "hk": "HKD", "hkd": "HKD", "mx": "MXN", "mex": "MXN", "nt": "TWD", "r": "BRL",
}  # fmt: skip
_SYMBOLS = {
    "€": "EUR", "£": "GBP", "₹": "INR", "₩": "KRW", "₽": "RUB", "₺": "TRY", "₪": "ILS",
    "₦": "NGN", "₱": "PHP", "฿": "THB", "₫": "VND", "₴": "UAH", "₸": "KZT", "₡": "CRC",
    "₵": "GHS", "₾": "GEL", "₼": "AZN", "円": "JPY", "元": "CNY", "e£": "EGP", "zł": "PLN",
    "zl": "PLN", "kč": "CZK", "ft": "HUF", "lei": "RON", "rp": "IDR", "rm": "MYR", "sfr": "CHF",
    "fr": "CHF", "dhs": "AED", "ksh": "KES", "kshs": "KES", "rmb": "CNY", "cn¥": "CNY",
    "euro": "EUR", "euros": "EUR", "sterling": "GBP",
    "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "franc": "CHF", "francs": "CHF",
    "złotych": "PLN", "zloty": "PLN", "zlotys": "PLN", "złoty": "PLN", "reais": "BRL",
    "rand": "ZAR", "r": "ZAR", "dirham": "AED", "dirhams": "AED", "riyal": "SAR",
    "riyals": "SAR", "baht": "THB", "won": "KRW", "ringgit": "MYR", "rupiah": "IDR",
    "naira": "NGN", "lira": "TRY", "forint": "HUF", "koruna": "CZK", "shekel": "ILS",
    "shekels": "ILS", "tl": "TRY",
}  # fmt: skip
#: Ambiguous markers: (last words of the English currency names they may stand for, default).
_AMBIGUOUS: dict[str, tuple[tuple[str, ...], str]] = {
    "$": (("dollar",), "USD"), "dollar": (("dollar",), "USD"), "dollars": (("dollar",), "USD"),
    "kr": (("kr",), "SEK"), "krona": (("kr",), "SEK"), "kronor": (("kr",), "SEK"),
    "krone": (("kr",), "NOK"), "kroner": (("kr",), "NOK"), ":-": (("kr",), "SEK"),
    "rs": (("rupee",), "INR"), "rupee": (("rupee",), "INR"), "rupees": (("rupee",), "INR"),
    "¥": (("yen", "yuan"), "JPY"), "peso": (("peso",), "MXN"), "pesos": (("peso",), "MXN"),
}  # fmt: skip
#: Three-letter words that are ISO codes but mostly English words in upper case.
_CODE_STOPLIST = frozenset({"ALL", "TOP", "CUP", "BOB", "PEN", "SOS"})
#: Codes also accepted in lower or mixed case ("usd", "Eur").
_COMMON_CODES = frozenset(
    [
        "USD",
        "EUR",
        "GBP",
        "CHF",
        "JPY",
        "CNY",
        "INR",
        "PKR",
        "AUD",
        "CAD",
        "NZD",
        "SGD",
        "HKD",
        "SEK",
        "NOK",
        "DKK",
        "ISK",
        "PLN",
        "CZK",
        "HUF",
        "RON",
        "BGN",
        "BRL",
        "MXN",
        "ZAR",
        "AED",
        "SAR",
        "QAR",
        "TRY",
        "ILS",
        "KRW",
        "IDR",
        "MYR",
        "PHP",
        "THB",
        "VND",
        "EGP",
        "NGN",
        "KES",
        "ARS",
        "CLP",
        "COP",
    ]
)

_MARKER = re.compile(
    r"(?P<dollar>(?:(?<![a-z])(?:us|usd|cad|can|aud|nzd|sgd|hkd|mex)\s?"
    r"|(?<![a-z])(?:u|c|ca|a|au|nz|s|sg|hk|mx|nt|r))?\$)"
    r"|(?P<sym>€|£|₹|₩|₽|₺|₪|₦|₱|฿|₫|₴|₸|₡|₵|₾|₼|円|元|e£|cn¥|¥|:-)"
    r"|(?<![a-z])(?P<word>euros?|dollars?|sterling|rupees?|yen|yuan|renminbi|rmb"
    r"|francs?|złotych|złoty|zlotys?|zł|zl|reais|rand|dirhams?|riyals?|baht|won|ringgit|rupiah"
    r"|naira|lira|forint|koruna|shekels?|pesos?|kronor|krona|kroner|krone|kr\.?|rs\.?|kč"
    r"|lei|sfr\.?|fr\.|dhs|kshs?|(?-i:Ft|Rp|RM|RP|TL)|(?-i:R)(?=\s?\d))(?![a-z])"
    r"|(?<![a-z])(?P<code>[a-z]{3})(?![a-z])",
    re.I,
)
_CONNECTOR = re.compile(
    r"(?:\s*/\s*[a-z]{1,6}\.?|\s+per\s+[a-z]{2,6})?"
    r"\s*(?:-+|to|and|till|until|through|thru|bis|à|a|au|até|ate|hasta|do|tot|tm|y|e|et|und|en|och|og)\s*$",
    re.I,
)
_UP_TO = re.compile(
    r"(?<![a-z])(?:up\s*to|upto|max(?:imum)?\.?|not\s+to\s+exceed|bis\s+zu|jusqu'?\s?à|hasta|até|do"
    r"|under|below|less\s+than|no\s+more\s+than|capped\s+at)\s*:?\s*$",
    re.I,
)
_FROM = re.compile(
    r"(?<![a-z])(?:from|starting|starts?\s+(?:at|from)|start\s+at|starting\s+(?:at|from)"
    r"|beginning\s+at|min(?:imum)?\.?|at\s+least|upwards\s+of"
    r"|ab|à\s+partir\s+de|a\s+partir\s+de|desde|od|over|more\s+than|in\s+excess\s+of"
    r"|no\s+less\s+than)\s*:?\s*$",
    re.I,
)
_OPEN_AFTER = re.compile(
    r"(?:\s*/\s*[a-z]+\.?|\s*per\s+[a-z]+)?\s*(?:and\s+(?:up|above|upwards)|or\s+(?:more|above"
    r"|higher)|以上|起|\+(?=\s*(?:$|[^\w\s]|(?:per|a|an|annually|yearly|monthly|hourly|pa|ote)\b)))(?![a-z])",
    re.I,
)
_NOT_PAY_AFTER = re.compile(
    r"[\s\-–:,(]*(?:(?:usd|eur|gbp|cad|aud)\s)?(?:sign|signing|bonus|referral|relocation|stipend"
    r"|reimburse|tuition|tips|commission|per\s+(?:transaction|batch|enrol|sale|referral|client"
    r"|deal|closing|visit|session|interview|unit|lead)|for\s+every"
    r"|\+?\s*(?:in|of)\s+(?:revenue|sales|funding|assets|arr|client|annual\s+(?:revenue|sales)"
    r"|value|contracts|premiums?|tips|commissions?|gross|production|billings?|deals?)"
    r"|arr\b|revenue|budget|worth|deductible|premium|equity|rsu|allowance|per\s+diem|gift"
    r"|credit|discount|hiring\s+bonus|life\s+insurance|insurance|annual\s+(?:bonus|reimburse)"
    r"|match|employer|fund|raise|valuation|loan|market|portfolio|company|business|startup)",
    re.I,
)
_NOT_PAY_BEFORE = re.compile(
    r"(?<![a-z])(?:bonus|sign[\s-]*on|signing|reimbursement|allowance|insurance|policy"
    r"|budget|revenue|raised|funding|worth|valued|cost|fee|deposit|relocation|assets|arr"
    r"|portfolio|fundraising|gifts?|valuation|loans?|premium|spend|spending"
    r"|differential)"
    r"[\w\s:()/-]{0,14}$",
    re.I,
)
_PAY_WORD = re.compile(
    r"(?<![a-z])(?:salary|salaries|pay|paid|paying|pays|compensation|wages?|rates?|income|earn"
    r"|earns|earning|earnings|ctc|ote|gehalt|bruttogehalt|lohn|salaire|rémunération|sueldo"
    r"|salario|salário|wynagrodzenie|lön|loon|range|stipend|base|remuneration|package)(?![a-z])"
    r"|年収|月給|時給|给|薪",
    re.I,
)
_QUANTITY_BEFORE = re.compile(
    r"(?<![a-z])(?:hours?|hrs?|years?|yrs?|experience|ages?|grade|level|step|tier|size|team"
    r"|number|no\.|room|suite|ste|unit|floor|ext|phone|call|fax|zip|box|route|highway)\s*[:#]?\s*$",
    re.I,
)
_UNIT_AFTER = re.compile(
    r"[\s-]?(?:\+\s?)?(?:hours?|hrs?|h|years?|yrs?|months?|weeks?|days?|%|percent|people|persons"
    r"|employees|staff|members|locations|offices|countries|states|sq|ft|feet|miles?|km|minutes?"
    r"|mins?|students|clients|customers|patients|beds|shifts?|am|pm|th|st|nd|rd|x|lbs?|kg"
    r"|seats|users|stores|sites|projects|million|billion)(?![a-z])",
    re.I,
)

_P = {p: p for p in ("hour", "day", "week", "month", "year", "biweek", "semimonth")}
_PERIOD_LONG = re.compile(
    r"(?P<biweek>\bbi-?weekly\b|\bfortnightly\b|\bevery\s+(?:two|2)\s+weeks\b|\bper\s+fortnight\b"
    r"|\bbi-?weekly\s+pay\b)"
    r"|(?P<semimonth>\bsemi-?monthly\b|\btwice\s+(?:a|per)\s+month\b)"
    r"|(?P<hour>per\s+(?:hour|hr)\b|/\s*(?:one\s+)?(?:hour|hr|h|std|stunde|heure|hora|uur|godz"
    r"|timme|tim)\b|\ban?\s+hour\b|\bhourly\b|\bstündlich\b|\bpro\s+stunde\b|\bpar\s+heure\b"
    r"|\bde\s+l'heure\b|\bpor\s+hora\b|\bza\s+godzin[eę]\b|\bper\s+uur\b|\bi\s+timmen\b"
    r"|\bin\s+der\s+stunde\b|\bper\s+timme\b|\bevery\s+(?:single\s+)?hour\b|時給|时薪|/時間|/小时|每小时)"
    r"|(?P<day>per\s+day\b|/\s*(?:one\s+)?(?:day|d|dag|tag|jour|d[ií]a|dzie[nń])\b|\ba\s+day\b"
    r"|\bdaily\b|\bday\s+rate\b|\bpro\s+tag\b|\btagessatz\b|\bpar\s+jour\b|\bpor\s+d[ií]a\b"
    r"|\bdziennie\b|\bper\s+dag\b|\bevery\s+(?:single\s+)?day\b|日給|日薪|/日|每天)"
    r"|(?P<week>per\s+week\b|/\s*(?:week|wk|w|woche|semaine|semana|tydzie[nń]|vecka|uke|uge)\b"
    r"|\ba\s+week\b|\bweekly\b|\bpro\s+woche\b|\bpar\s+semaine\b|\bpor\s+semana\b"
    r"|\btygodniowo\b|\bevery\s+(?:single\s+)?week\b|週給|周薪|/週|/周)"
    r"|(?P<month>per\s+(?:month|mo|mth)\b|/\s*(?:month|mo|mth|mon|m|monat|mois|mes|m[eê]s|mc"
    r"|mies|miesi[aą]c|maand|m[aå]n|m[aå]nad|kk)\b|\ba\s+month\b|\bmonthly\b|\bper\s+mensem\b"
    r"|\bmonatlich\b|\bpro\s+monat\b|\bim\s+monat\b|\bmensuel(?:le)?s?\b|\bpar\s+mois\b"
    r"|\bmensual(?:es)?\b|\bal\s+mes\b|\bpor\s+m[eê]s\b|\bmensais\b|\bmensal\b"
    r"|\bmiesi[eę]cznie\b|\bper\s+maand\b|\b(?:i|om|per)\s+m[aå]n[ae]d(?:en)?\b|\bměsíčně\b"
    r"|\bper\s+bulan\b|/\s*(?:bulan|hó)\b|\bpe\s+lun[aă]\b|\bayl\u0131k\b|\bhavi\b"
    r"|\bevery\s+(?:single\s+)?month\b|月給|月薪"
    r"|/月|每月)"
    r"|(?P<year>per\s+(?:year|yr|annum)\b|/\s*(?:year|yr|y|annum|a|an|jahr|ann[ée]e|a[nñ]o|ano"
    r"|rok|jaar|[aå]r)\b|\ba\s+year\b|\ban?\s+annum\b|\bannually\b|\bannual\b|\byearly\b"
    r"|\bp\.\s?a\b|\bjährlich\b|\bpro\s+jahr\b|\bim\s+jahr\b|\bpar\s+an\b|\bannuel(?:le)?s?\b"
    r"|\bal\s+a[nñ]o\b|\banual(?:es)?\b|\bpor\s+a[nñ]o\b|\bpor\s+ano\b|\brocznie\b"
    r"|\bper\s+jaar\b|\bom\s+[aå]ret\b|\bper\s+[aå]r\b|\bper\s+tahun\b|\bote\b|\bctc\b|\blpa\b|年収|年薪|/年"
    r"|每年)",
    re.I,
)
_PERIOD_SHORT = re.compile(
    r"[\s/.\-)]{0,2}(?:(?P<hour>ph|p/h|p\.h\.|hr|hrs)|(?P<day>pd|p/d)|(?P<week>pw|p/w)"
    r"|(?P<month>pm|p/m|p\.m\.|pcm|mo|mth)|(?P<year>pa|p/a|p\.a\.?|yr|yrs|py))(?![a-z])",
    re.I,
)
_PERIOD_BEFORE = re.compile(
    r"(?:\b(?P<p>hourly|hour|daily|day|weekly|week|monthly|month|annual|annually|yearly|year)"
    r"\s+(?:(?:base|gross|net|starting|pay|total|target|salary)\s+)?(?:salary|pay|rate|wage"
    r"|wages|compensation|income|ctc|earnings|stipend|package|remuneration|range)"
    r"|(?P<q>stundenlohn|stundensatz|tagessatz|wochenlohn|monatsgehalt|monatslohn"
    r"|jahresgehalt|bruttojahresgehalt|jahreseinkommen|salaire\s+(?:annuel|mensuel)"
    r"|salario\s+(?:anual|mensual)|salário\s+(?:anual|mensal)|wynagrodzenie\s+miesięczne"
    r"|månadslön|årslön|timlön|ral|年収|月給|時給|日給|月薪|年薪|时薪|日薪))",
    re.I,
)
_PERIOD_BEFORE_ADJACENT = re.compile(
    r"\b(?:per\s+)?(?P<p>hourly|daily|weekly|monthly|annually|annual|yearly|hour|day|week|month"
    r"|year|annum|ctc)\)?[\s:\-–]*$",
    re.I,
)
_BEFORE_WORDS = {
    "hourly": "hour", "hour": "hour", "daily": "day", "day": "day", "weekly": "week",
    "week": "week", "monthly": "month", "month": "month", "annual": "year", "annually": "year",
    "yearly": "year", "year": "year", "annum": "year", "ctc": "year", "stundenlohn": "hour",
    "stundensatz": "hour",
    "tagessatz": "day", "wochenlohn": "week", "monatsgehalt": "month", "monatslohn": "month",
    "jahresgehalt": "year", "bruttojahresgehalt": "year", "jahreseinkommen": "year",
    "månadslön": "month", "årslön": "year", "ral": "year", "timlön": "hour", "年収": "year",
    "月給": "month", "時給": "hour", "日給": "day", "月薪": "month",
    "年薪": "year", "时薪": "hour", "日薪": "day",
}  # fmt: skip

_DROP = re.compile(
    r"\b40[13]\s?\(?[kb]\)?|\b457\s?\(?b\)?"  # retirement plans
    r"|\b\d{1,4}[-/.]\d{1,2}[-/.]\d{2,4}\b"  # dates
    r"|\b\d{1,2}:\d{2}\b"  # clock times
    r"|\b(?:1[0-2]|0?[1-9])\s?(?:am|pm|a\.m\.|p\.m\.)(?![a-z])"  # "5 pm"
    r"|\b24\s?/\s?7\b|\b1099s?\b|\bw-?2\b",  # 24/7, US tax forms
    re.I,
)


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = re.sub("[\u2010-\u2015\u2212\u301c~\ufe63]", "-", text)
    text = _DROP.sub(" ", text)
    text = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", text)
    text = re.sub(r"(?<=\d), (?=\d{3}(?!\d))", ",", text)
    text = re.sub(r"(?<=\d)[.,/]-(?!\d)", " ", text)
    return re.sub(r"[\t\n\r\f\v]+", " ", text)


def _to_number(token: str) -> float | None:
    token = token.replace("’", "'")
    seps = [(i, c) for i, c in enumerate(token) if not c.isdigit()]
    if not seps:
        number = float(token)
    else:
        kinds = {c for _, c in seps}
        last_index, last = seps[-1]
        tail = token[last_index + 1 :]
        if len(kinds) > 1 and last in ",." and len(tail) != 3:
            head = re.sub(r"\D", "", token[:last_index])
            number = float(f"{head}.{tail}")
        elif (len(kinds) > 1 and last in ",.") or len(seps) > 1 or last in " '":
            number = float(re.sub(r"\D", "", token))
        elif len(tail) == 3 and not token.startswith("0"):
            number = float(token.replace(last, ""))
        else:
            number = float(token.replace(",", "."))
    return number if math.isfinite(number) else None


def _marker(match: re.Match[str]) -> tuple[str, str] | None:
    if match.group("dollar") is not None:
        prefix = re.sub(r"[\s$]", "", match.group("dollar")).lower()
        return ("symbol", _DOLLAR_PREFIX[prefix]) if prefix else ("ambiguous", "$")
    if match.group("code") is not None:
        code = match.group("code")
        upper = code.upper()
        valid = upper in _known_codes() and (
            (code.isupper() and upper not in _CODE_STOPLIST) or upper in _COMMON_CODES
        )
        return ("code", upper) if valid else None
    token = (match.group("sym") or match.group("word") or "").lower().rstrip(".")
    if token in _AMBIGUOUS:
        return ("ambiguous", token)
    if token in _SYMBOLS:
        return ("symbol", _SYMBOLS[token])
    return None


def _markers_before(text: str, pos: int, floor: int) -> tuple[list[tuple[str, str]], int]:
    found: list[tuple[str, str]] = []
    start = pos
    for _ in range(2):
        lo = max(floor, start - 12)
        window = text[lo:start]
        best = None
        for match in _MARKER.finditer(text, lo, min(len(text), start + 2)):
            if match.end() > start:
                break
            if _SPACE_OR_PUNCT.fullmatch(window[match.end() - lo :]) and (
                match.end() - lo >= len(window) - 2
            ):
                best = match
                break
        if best is None:
            break
        marker = _marker(best)
        if marker is None:
            break
        found.insert(0, marker)
        start = best.start()
    return found, start


def _find_amounts(text: str) -> list[_Amount]:
    amounts: list[_Amount] = []
    floor = 0
    for match in _NUMBER.finditer(text):
        raw = _to_number(match.group())
        if raw is None:
            continue
        pos = match.end()
        mult = None
        kind = None
        glued = _MULT_GLUED.match(text, pos) or _MULT_SPACED.match(text, pos)
        if glued:
            word = glued.group(glued.lastindex or 0).lower().strip()
            mult, kind = _MULTIPLIERS.get(word, (None, None))
            if mult is not None:
                pos = glued.end()
        number_end = pos
        markers, start = _markers_before(text, match.start(), floor)
        if match.start() and re.match(r"[^\W\d_]", text[match.start() - 1], re.A) and not markers:
            continue  # part of a word or code ("BODY20", "I9")
        after = _MARKER.match(text, pos + 1 if text[pos : pos + 1] == " " else pos)
        if after is not None and (marker := _marker(after)) is not None:
            markers.append(marker)
            pos = after.end()
        amounts.append(_Amount(start, pos, number_end, raw, mult, kind, markers))
        floor = pos
    return amounts


def _groups(text: str, amounts: list[_Amount]) -> list[_Group]:
    groups: list[_Group] = []
    for amount in amounts:
        last = groups[-1] if groups else None
        if (
            last is not None
            and len(last.amounts) == 1
            and _CONNECTOR.fullmatch(text[last.end : amount.start]) is not None
            and text[last.end : amount.start].strip() != ""
        ):
            last.amounts.append(amount)
            _share_multiplier(last.amounts[0], amount)
        else:
            groups.append(_Group([amount]))
    return groups


def _share_multiplier(first: _Amount, second: _Amount) -> None:
    if first.mult is None and second.mult is not None and first.raw * second.mult <= second.value:
        first.mult, first.multiplier_kind = second.mult, second.multiplier_kind
    elif second.mult is None and first.mult is not None and first.value <= second.raw * first.mult:
        second.mult, second.multiplier_kind = first.mult, first.multiplier_kind
    elif (  # "60-70 000": thousands written on the upper end only
        first.mult is None
        and second.mult is None
        and first.raw < 1000
        and first.raw.is_integer()
        and second.raw % 1000 == 0
        and first.raw * 1000 <= second.raw <= first.raw * 3000
    ):
        first.mult = 1000.0


def _is_quantity(text: str, group: _Group) -> bool:
    if group.markers:
        return False
    amount = group.amounts[-1]
    if amount.multiplier_kind == "b":
        return True
    if _UNIT_AFTER.match(text, amount.number_end):
        return True
    if _QUANTITY_BEFORE.search(text, max(0, group.start - 20), group.start):
        return True
    values = [a.value for a in group.amounts]
    is_year = all(
        a.mult is None and 1900 <= a.raw <= 2100 and a.raw.is_integer() for a in group.amounts
    )
    return is_year or max(values) < 5


def _local_period(text: str, group: _Group, prev_end: int, next_start: int) -> str | None:
    end = group.end
    short = _PERIOD_SHORT.match(text, end)
    if short:
        return _P[short.lastgroup or ""]
    digit = re.search(r"\d", text[end:next_start])
    stop = min(end + 40, next_start, end + digit.start() if digit else next_start)
    after = _PERIOD_LONG.search(text, end, stop)
    if after and after.start() - end <= 30:
        return _P[after.lastgroup or ""]
    lo = max(prev_end, group.start - 80)
    before_text = text[lo : group.start]
    adjacent = _PERIOD_BEFORE_ADJACENT.search(before_text)
    if adjacent:
        return _BEFORE_WORDS[adjacent.group("p").lower()]
    befores = list(_PERIOD_BEFORE.finditer(before_text))
    if befores:
        word = (befores[-1].group("p") or befores[-1].group("q")).lower()
        if word in _BEFORE_WORDS:
            return _BEFORE_WORDS[word]
        return "year" if re.search(r"annu|anual", word) else "month"
    return _P[after.lastgroup or ""] if after else None


def _read_text(raw_text: str, cc: str | None, posted: datetime.date | None) -> _Found | None:
    text = _normalise(raw_text)
    groups = _groups(text, _find_amounts(text))
    if not groups:
        return None
    scored: list[tuple[float, int, _Group, str | None]] = []
    for index, group in enumerate(groups):
        prev_end = groups[index - 1].end if index else 0
        next_start = groups[index + 1].start if index + 1 < len(groups) else len(text)
        if _is_quantity(text, group) or any(a.value <= 0 for a in group.amounts):
            continue
        if any(a.multiplier_kind == "b" for a in group.amounts):
            continue
        if _NOT_PAY_AFTER.match(text, group.end) or _NOT_PAY_BEFORE.search(
            text, max(prev_end, group.start - 30), group.start
        ):
            continue
        period = _local_period(text, group, prev_end, next_start)
        before = text[max(prev_end, group.start - 40) : group.start]
        pay_word = bool(_PAY_WORD.search(before))
        multiplied = any(a.mult is not None for a in group.amounts)
        if not group.markers and not (pay_word or multiplied or len(text) <= SHORT_TEXT):
            continue  # a bare number in running text needs some sign that it is pay
        if period is None and all(a.value < 5 for a in group.amounts):
            continue
        currency = _group_currency(text, group, cc, posted, []) or _territory_currency(
            cc, _day(posted)
        )
        if _rough_usd(group.amounts[0].value, currency, posted) > NEVER_PAY_USD:
            continue  # budgets, revenues and funding rounds
        score = (
            3.0 * bool(group.markers)
            + 2.0 * (period is not None)
            + 2.0 * pay_word
            + 1.0 * (len(group.amounts) == 2)
            + 0.5 * multiplied
        )
        scored.append((score, -index, group, period))
    if not scored:
        return None
    if any(group.markers for _, _, group, _ in scored):
        scored = [s for s in scored if s[2].markers or s[0] >= 3]
    _, _, group, period = max(scored, key=lambda s: (s[0], s[1]))
    return _found(text, group, period, cc, posted)


def _found(
    text: str, group: _Group, period: str | None, cc: str | None, posted: datetime.date | None
) -> _Found:
    lakh = any(a.multiplier_kind == "lakh" for a in group.amounts)
    if len(group.amounts) == 2:
        lo, hi = group.amounts[0].value, group.amounts[1].value
    else:
        amount = group.amounts[0]
        before = text[max(0, amount.start - 30) : amount.start]
        if _UP_TO.search(before):
            lo, hi = None, amount.value
        elif _FROM.search(before) or _OPEN_AFTER.match(text, amount.end):
            lo, hi = amount.value, None
        else:
            lo = hi = amount.value
    flags: list[str] = []
    currency = _group_currency(text, group, cc, posted, flags)
    if lakh and re.search(r"lpa", text, re.I):
        period = period or "year"
    return _Found(lo, hi, currency, period, tuple(flags), lakh)


def _group_currency(
    text: str, group: _Group, cc: str | None, posted: datetime.date | None, flags: list[str]
) -> str | None:
    markers = group.markers
    for wanted in ("code", "symbol"):
        for kind, value in markers:
            if kind == wanted:
                return value
    context = re.search(
        r"\((?P<a>[A-Z]{3})\)|\bin\s+(?P<b>[A-Z]{3})\b|currency\s*:?\s*(?P<c>[A-Z]{3})\b", text
    )
    if context:
        code = context.group("a") or context.group("b") or context.group("c")
        if code in _known_codes() and code not in _CODE_STOPLIST | {"PHP"}:
            return code
    for kind, value in markers:
        if kind == "ambiguous":
            code, guessed = _resolve_ambiguous(value, cc, posted)
            if guessed:
                flags.append("currency_guessed")
            return code
    if any(a.multiplier_kind == "lakh" for a in group.amounts):  # lakh and crore: South Asia
        local = _territory_currency(cc, _day(posted)) if cc in {"IN", "PK", "NP", "BD"} else None
        return local or "INR"
    return None


def _resolve_ambiguous(
    marker: str, cc: str | None, posted: datetime.date | None
) -> tuple[str, bool]:
    families, default = _AMBIGUOUS[marker]
    if cc is not None:
        local = _territory_currency(cc, _day(posted))
        if local is not None:
            name = get_currency_name(local, locale="en").lower().split()
            if (name and name[-1].startswith(families)) or marker in _local_symbols(cc, local):
                return local, False
    return default, True


@lru_cache(maxsize=512)
def _local_symbols(cc: str, currency: str) -> frozenset[str]:
    languages = get_global("territory_languages").get(cc, {})
    locales = [f"{language}_{cc}" for language in languages] + [f"en_{cc}"]
    return frozenset(
        get_currency_symbol(currency, loc).lower().rstrip(".").replace("￥", "¥")
        for loc in locales
        if locale_exists(loc)
    )


@lru_cache(maxsize=4096)
def _territory_currency(cc: str | None, day: datetime.date) -> str | None:
    if cc is None:
        return None
    try:
        currencies = get_territory_currencies(cc, start_date=day, tender=True)
    except Exception:  # babel raises plain errors for unknown territories
        return None
    return currencies[0] if currencies else None


@lru_cache(maxsize=1)
def _known_codes() -> frozenset[str]:
    return frozenset(list_currencies())


# --- structured fields, annualising, FX -------------------------------------------------------


def _structured_value(value: float | str | None) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        number = float(value)
    else:
        amounts = _find_amounts(_normalise(str(value)))
        number = amounts[0].value if amounts else math.nan
    return number if math.isfinite(number) and number > 0 else None


def _currency_argument(
    currency: str | None, cc: str | None, posted: datetime.date | None, flags: list[str]
) -> str | None:
    if not currency or not currency.strip():
        return None
    code = currency.strip().upper()
    if code in _known_codes():
        return code
    for match in _MARKER.finditer(currency.strip()):
        marker = _marker(match)
        if marker is None:
            continue
        if marker[0] == "ambiguous":
            resolved, guessed = _resolve_ambiguous(marker[1], cc, posted)
            if guessed:
                flags.append("currency_guessed")
            return resolved
        return marker[1]
    return None


def _finish(
    lo: float | None,
    hi: float | None,
    currency: str | None,
    period: str,
    posted: datetime.date | None,
    flags: list[str],
) -> Salary:
    if lo is not None and hi is not None and lo > hi:
        lo, hi = hi, lo
        flags.append("min_gt_max")
    factor = PERIODS_PER_YEAR[period]
    annual_lo = None if lo is None else lo * factor
    annual_hi = None if hi is None else hi * factor
    usd_lo = usd_hi = None
    if currency is not None:
        rate = default_fx().usd_rate(currency, posted)
        if rate is None:
            flags.append("no_fx_rate")
        else:
            if rate.fallback:
                flags.append("fx_date_fallback")
            usd_lo = None if annual_lo is None else annual_lo * rate.usd_per_unit
            usd_hi = None if annual_hi is None else annual_hi * rate.usd_per_unit
    checks = [_rough_usd(v, currency, posted) for v in (annual_lo, annual_hi) if v is not None]
    if any(not MIN_ANNUAL_USD <= v <= MAX_ANNUAL_USD for v in checks):
        flags.append("implausible_annual")
    if "implausible_annual" in flags or "min_gt_max" in flags:
        usd_lo = usd_hi = None
    return Salary(
        lo, hi, currency, period, annual_lo, annual_hi, usd_lo, usd_hi, tuple(dict.fromkeys(flags))
    )


def _rough_usd(value: float, currency: str | None, posted: datetime.date | None) -> float:
    if currency is None:
        return value
    rate = default_fx().usd_rate(currency, posted)
    if rate is not None:
        return value * rate.usd_per_unit
    return value / ROUGH_UNITS_PER_USD.get(currency, 1.0)


def _day(posted: datetime.date | None) -> datetime.date:
    if isinstance(posted, datetime.datetime):
        return posted.date()
    return posted or datetime.date.today()


def _first(lo: float | None, hi: float | None) -> float:
    value = lo if lo is not None else hi
    assert value is not None
    return value


def _scale(value: float | None, factor: float) -> float | None:
    return None if value is None else value * factor


def _cents(value: float | None) -> float | None:
    return None if value is None else round(value, 2)
