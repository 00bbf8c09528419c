"""Posting locations: a tidy label and an ISO 3166-1 alpha-2 country where it can be told."""

from __future__ import annotations

from functools import cache

import pycountry

from extractors.text import clean_field

_REMOTE_WORDS = frozenset({"remote", "anywhere", "worldwide", "global"})
_ALIASES = {
    "usa": "US", "u.s.": "US", "u.s.a.": "US", "united states of america": "US", "us": "US",
    "uk": "GB", "u.k.": "GB", "england": "GB", "scotland": "GB", "wales": "GB",
    "great britain": "GB", "northern ireland": "GB", "deutschland": "DE", "uae": "AE",
    "south korea": "KR", "korea": "KR", "russia": "RU", "vietnam": "VN", "turkey": "TR",
    "czech republic": "CZ", "holland": "NL", "the netherlands": "NL",
}  # fmt: skip


@cache
def _us_states() -> frozenset[str]:
    codes = {s.code.split("-")[1] for s in pycountry.subdivisions.get(country_code="US") or []}
    names = {s.name.lower() for s in pycountry.subdivisions.get(country_code="US") or []}
    return frozenset(codes | names)


def clean_location(raw: str | None) -> str | None:
    """Single-spaced location text, or ``None``."""
    return clean_field(raw)


def country_code(location: str | None) -> str | None:
    """Best-effort ISO alpha-2 country of a free-text location ("Austin, TX" → "US")."""
    if not location:
        return None
    parts = [p.strip() for p in location.replace("·", ",").split(",") if p.strip()]
    for part in reversed(parts):
        code = _lookup(part)
        if code:
            return code
    return None


def is_remote_text(location: str | None) -> bool:
    """True when a location says the work is remote."""
    if not location:
        return False
    return any(word in _REMOTE_WORDS for word in location.lower().split())


@cache
def _lookup(part: str) -> str | None:
    key = part.lower().strip(" .()")
    if key in _ALIASES:
        return _ALIASES[key]
    # Two-letter US state codes are upper case in postings ("TX"); names are any case.
    stripped = part.strip()
    if (stripped in _us_states() or key in _us_states()) and (
        len(stripped) > 2 or stripped.isupper()
    ):
        return "US"
    if len(key) < 4:
        return None
    try:
        return str(pycountry.countries.lookup(key).alpha_2)
    except LookupError:
        return None
