"""Posting locations: a tidy label, a structured :class:`Location` and a work arrangement.

:func:`parse_location` reads the free-text location of a posting ("Austin, TX",
"Hybrid - Toronto, ON", "London, England, United Kingdom", "Remote (EU)") into an ISO 3166-1
alpha-2 country, a region (an ISO 3166-2 code such as ``US-TX`` when it can be told, else the
region's name as written), a city and a work arrangement (remote, hybrid or on-site).

How the text is read:

* Words of a work arrangement (remote, hybrid, on-site, in office, work from home, anywhere,
  worldwide) are taken out first; the first one written decides the arrangement.
* Several locations ("New York, NY; Austin, TX", "Berlin / Munich") keep only the first.
* Brackets, " - ", ":" and "|" separate parts like commas; postal codes ("NY 10001") and metro
  words ("Greater …", "… Metropolitan Area", "… Bay Area", "… Metroplex") are dropped.
* Parts are read from the end: a country, then a region, and the first part left is the city.
  A small gazetteer of large cities (:data:`CITIES`) fills in the country and region of a city
  written alone ("Singapore", "San Francisco Bay Area", "Greater Philadelphia"), and is ignored
  when it disagrees with a country or region written out.

Two- and three-letter codes (the ambiguity rule):

* After a city ("Austin, TX", "Dover, DE", "Sydney NSW") an upper-case code is, in this order:
  a subdivision of a country written later ("Toronto, ON, Canada"); the known city's country
  itself ("Berlin, DE") or one of its subdivisions ("Perth, WA", "Munich, BY"); a US state or
  territory ("Austin, TX", "Dover, DE", "Fresno, CA", "Muncie, IN"); a Canadian province or
  territory or an Australian state; an ISO country code ("Lyon, FR", "Antwerp, BE"); a German
  Land or an Indian state ("Essen, NW", "Mysuru, KA"). So an unknown German city with a Land code
  that is also a country code is read as that country ("Erlangen, BW" → Botswana).
* Standing alone ("Remote - US", "Remote, DE") a code is a country only when it is not also a US
  state code: "US", "UK", "GB", "FR", "NL" are countries; "CA", "IN", "DE", "GA", "PA" give
  ``None``.
* Codes are upper case; lower-case "in", "or", "de" are words.
* A name that is both a country and a region ("Georgia") is a country when alone and the region
  after a city ("Atlanta, Georgia") or before a country ("Georgia, United States").

The arrangement comes from the location's own words, else ``remote_flag`` (``True`` means remote;
``False`` only rules out reading "remote" from the description, since not-remote may be hybrid),
else a few unambiguous phrases of the description ("this is a fully remote role", "hybrid (3 days
in office)", "this position is on-site"). Descriptions whose phrases disagree give ``None``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Literal

import pycountry

from extractors.text import clean_field

WorkArrangement = Literal["remote", "hybrid", "onsite"]


@dataclass(frozen=True, slots=True)
class Location:
    """A parsed posting location; every field is ``None`` when it cannot be told."""

    #: ISO 3166-1 alpha-2 code ("US").
    country: str | None = None
    #: ISO 3166-2 code ("US-TX") when known, else the state or province name as written.
    region: str | None = None
    #: City as written, or the gazetteer's spelling for a known alias ("NYC" → "New York").
    city: str | None = None
    work_arrangement: WorkArrangement | None = None


# --- Work arrangement -------------------------------------------------------------------------

_REMOTE = (
    r"(?:fully|100\s*%|full[- ]?time|permanently)?\s*remote"
    r"(?:[- ](?:first|friendly|eligible|only|ok|possible|optional|option))?"
    r"|work(?:ing)?[- ]from[- ]home|wfh|home[- ]?based|tele-?commut\w*|tele-?work\w*"
    r"|anywhere|worldwide|world-wide|global(?:ly)?"
)
_HYBRID = r"hybrid(?:[- ]remote)?"
_ONSITE = r"on[- ]?site|in[- ]office|office[- ]based|in[- ]person"
_ARRANGEMENT_IN_LOCATION = re.compile(
    rf"\b(?:(?P<remote>{_REMOTE})|(?P<hybrid>{_HYBRID})|(?P<onsite>{_ONSITE}))\b"
    r"(?:\s+(?:in|from|within|across|based\s+in))?\b",
    re.IGNORECASE,
)

_NEGATION = re.compile(r"\b(?:not|no|non|isn't|is\s+not|never)\b[\s-]*(?:\w+[\s-]+){0,2}$", re.I)
_ROLE = r"(?:role|position|job|opportunity)"
_AT_OFFICE = r"(?:on[\s-]?site|in[\s-]office|in\s+the\s+office|in[\s-]person|office[\s-]based)"
_AT_OFFICE_WORDS = ("site", "office", "person")


@dataclass(frozen=True, slots=True)
class _Phrase:
    r"""A description phrase that tells a work arrangement, with cheap tests that rule it out.

    Every match contains one of ``words`` and a match of ``gate``, the pattern without its
    leading ``\b``: both are looked for in the text folded by :func:`_fold`, where ``gate`` runs
    case-sensitively. ``re`` has to try a pattern that starts with ``\b`` at every position of
    the text, but skips ahead to the literal a gate starts with, so the tests are much faster
    than the pattern and leave it to the few texts that may hold the phrase.
    """

    kind: str
    words: tuple[str, ...]
    pattern: re.Pattern[str]
    gate: re.Pattern[str]

    @classmethod
    def build(cls, kind: str, words: tuple[str, ...], pattern: str) -> _Phrase:
        r"""A phrase from its regex source, which must start with ``\b``."""
        assert pattern.startswith(r"\b"), pattern
        gate = re.compile(pattern.removeprefix(r"\b"))
        return cls(kind, words, re.compile(pattern, re.IGNORECASE), gate)

    def may_occur(self, folded: str) -> bool:
        """False when the folded text cannot hold the phrase."""
        return any(word in folded for word in self.words) and bool(self.gate.search(folded))


_DESCRIPTION_PHRASES: tuple[_Phrase, ...] = tuple(
    _Phrase.build(kind, words, pattern)
    for kind, words, pattern in (
        ("remote", ("remote",),
         r"\b(?:fully|100\s*%|completely|entirely|permanently)[\s-]+remote\b"),
        ("remote", ("remote",), rf"\bthis\s+is\s+a\s+remote\s+{_ROLE}\b"),
        ("remote", ("remote",), rf"\b(?:this|the)\s+{_ROLE}\s+is\s+(?:a\s+)?remote\b"),
        ("remote", ("remote",), r"\bremote(?<!hybrid[\s-]remote)[\s-]+(?:role|position|job)\b"
                                r"(?![\s-]+(?:id|is\s+not|un))"),
        ("remote", ("anywhere",), r"\bwork\s+(?:remotely\s+)?from\s+anywhere\b"),
        ("hybrid", ("hybrid",), r"\bhybrid\s*\(\s*\d"),
        ("hybrid", ("hybrid",), r"\bhybrid[\s-]+remote\b"),
        ("hybrid", ("hybrid",),
         r"\bhybrid[\s-]+(?:role|position|job|schedule|work\w*|model|arrangement|"
         r"opportunity|setup|environment)\b"),
        ("hybrid", ("hybrid",), rf"\b(?:this|the)\s+{_ROLE}\s+is\s+(?:a\s+)?hybrid\b"),
        ("hybrid", ("office",), r"\b[1-4]\s*(?:days?|x)\s*(?:(?:per|a|/)\s*week\s*)?(?:in|at)\s+"
                                r"(?:the\s+|our\s+)?office\b"),
        ("onsite", ("fully", "100", "entirely"),
         rf"\b(?:fully|100\s*%|entirely)[\s-]+{_AT_OFFICE}\b"),
        ("onsite", _AT_OFFICE_WORDS, rf"\b(?:this|the)\s+{_ROLE}\s+is\s+(?:an?\s+)?{_AT_OFFICE}\b"),
        ("onsite", ("site",), r"\bon[\s-]?site\s+(?:role|position|job)\b"),
        ("onsite", ("required", "must", "expected"),
         rf"\b(?:required|must|expected)\s+to\s+(?:work|be)\s+{_AT_OFFICE}\s+"
         r"(?:full[\s-]?time|five|5)\b"),
        ("onsite", ("remote",), rf"\b(?:this|the)\s+{_ROLE}\s+is\s+not\s+(?:a\s+)?remote\b"),
    )
)  # fmt: skip
#: Characters that ``re.IGNORECASE`` matches with an ASCII letter but that ``str.lower`` does
#: not turn into that one letter: capital I with dot above lowers to two characters, dotless i
#: and long s stay as they are. (Kelvin sign K lowers to "k".)
_FOLD_TO_ASCII = (("\u0130", "i"), ("\u0131", "i"), ("\u017f", "s"))


def _fold(text: str) -> str:
    """``text`` lower-cased, one character for one, for case-sensitive search.

    A character of the result is an ASCII letter exactly when ``re.IGNORECASE`` matches the
    original character with that letter, and is a letter, digit or space when the original is,
    so a pattern of lower-case ASCII literals matches the result where it would match ``text``
    case-insensitively.
    """
    if not text.isascii():
        for char, letter in _FOLD_TO_ASCII:
            text = text.replace(char, letter)
    return text.lower()


def _arrangement_in_description(description: str | None, *, allow_remote: bool) -> str | None:
    """The one arrangement the description's phrases tell, or ``None`` (none, or they disagree).

    A phrase counts unless a negation comes before it ("not a remote role"); remote phrases
    count only when ``allow_remote``.
    """
    if not description:
        return None
    folded = _fold(description)
    found: set[str] = set()
    for phrase in _DESCRIPTION_PHRASES:
        if phrase.kind in found or (phrase.kind == "remote" and not allow_remote):
            continue
        if phrase.may_occur(folded) and _says(phrase, description):
            found.add(phrase.kind)
    return found.pop() if len(found) == 1 else None


def _says(phrase: _Phrase, description: str) -> bool:
    """True when ``description`` holds the phrase without a negation before it.

    Onsite phrases count even after one ("this role is not remote").
    """
    for match in phrase.pattern.finditer(description):
        before = description[max(0, match.start() - 30) : match.start()]
        if phrase.kind == "onsite" or not _NEGATION.search(before):
            return True
    return False


# --- Text helpers -----------------------------------------------------------------------------


def _key(text: str) -> str:
    """Lookup key: no accents, case-folded, no dots or apostrophes, single spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    plain = re.sub(r"[.'’`]", "", plain.replace("&", " and ").replace("ß", "ss"))
    return " ".join(re.sub(r"[-_/]+", " ", plain).split())


# --- Countries --------------------------------------------------------------------------------

_COUNTRY_ALIASES = {
    "usa": "US", "us": "US", "united states of america": "US", "america": "US",
    "the united states": "US", "the us": "US", "the usa": "US", "united states": "US",
    "uk": "GB", "the uk": "GB", "great britain": "GB", "britain": "GB", "united kingdom": "GB",
    "deutschland": "DE", "uae": "AE", "emirates": "AE", "south korea": "KR", "korea": "KR",
    "republic of korea": "KR", "russia": "RU", "vietnam": "VN", "turkey": "TR",
    "turkiye": "TR", "czech republic": "CZ", "czechia": "CZ", "holland": "NL",
    "the netherlands": "NL", "nederland": "NL", "brasil": "BR", "espana": "ES", "italia": "IT",
    "schweiz": "CH", "suisse": "CH", "svizzera": "CH", "osterreich": "AT", "polska": "PL",
    "sverige": "SE", "danmark": "DK", "norge": "NO", "suomi": "FI", "belgique": "BE",
    "belgie": "BE", "ivory coast": "CI", "cote divoire": "CI", "macau": "MO", "hongkong": "HK",
    "hong kong sar": "HK", "mainland china": "CN", "prc": "CN", "kosovo": "XK",
    "palestine": "PS", "the philippines": "PH", "luxemburg": "LU",
}  # fmt: skip
#: GB's nations are read as regions of GB ("London, England" → GB-ENG), not as countries.
_NOT_COUNTRIES = frozenset({"england", "scotland", "wales", "northern ireland"})
#: Places that are not one country: they give no country, region or city.
_NO_PLACE = frozenset({
    "eu", "europe", "european union", "emea", "apac", "asia pacific", "asia", "latam",
    "latin america", "south america", "north america", "central america", "americas", "nordics",
    "dach", "benelux", "middle east", "mena", "africa", "oceania", "anz", "cee",
    "eastern europe", "western europe", "multiple locations", "various locations", "various",
    "multiple", "nationwide", "international", "n a", "tbd", "none", "unknown", "other", "any",
    # Time zones of three letters or more; two-letter ones ("CT", "MT") are state codes.
    "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "cet", "cest", "gmt", "utc", "bst",
    "aest", "us time zones", "time zones", "time zone", "timezone",
})  # fmt: skip
_COUNTRY_ALIASES_UPPER = frozenset({"USA", "US", "UK", "UAE"})
_CITY_STATES = {"SG": "Singapore", "HK": "Hong Kong", "MO": "Macao", "MC": "Monaco"}


@cache
def _country_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                names[_key(value)] = str(country.alpha_2)
    names.update(_COUNTRY_ALIASES)
    for key in _NOT_COUNTRIES:
        names.pop(key, None)
    return names


@cache
def _alpha2() -> frozenset[str]:
    return frozenset(str(c.alpha_2) for c in pycountry.countries)


@cache
def _alpha3() -> dict[str, str]:
    return {str(c.alpha_3): str(c.alpha_2) for c in pycountry.countries}


def _country_by_name(part: str) -> str | None:
    """Country of a part written as a name, alias or upper-case alpha-3 code ("USA", "DEU")."""
    key = _key(part)
    if key in _country_names():
        return _country_names()[key]
    if len(part) == 3 and part.isupper() and part in _alpha3() and not _is_sub_code(part):
        return _alpha3()[part]
    return None


def _standalone_code(part: str) -> str | None:
    """A code written alone is a country only when it is not also a US state code."""
    if len(part) == 2 and part.isupper() and part in _alpha2() and not _subdivision("US", part):
        return part
    return None


# --- Subdivisions -----------------------------------------------------------------------------

#: Countries whose first-level subdivisions are looked up when no country is written, in order.
_DEFAULT_REGION_COUNTRIES = ("US", "CA", "AU", "IN", "DE", "GB")
#: Subdivision types that count as first-level regions for countries with several levels.
_TOP_TYPES = {"GB": {"Country", "Province"}, "FR": {"Metropolitan region"}}
_REGION_ALIASES = {
    "DE": {"bavaria": "BY", "hesse": "HE", "north rhine westphalia": "NW", "nrw": "NW",
           "lower saxony": "NI", "saxony": "SN", "saxony anhalt": "ST", "thuringia": "TH",
           "rhineland palatinate": "RP", "baden wurttemberg": "BW", "baden wuerttemberg": "BW",
           "mecklenburg western pomerania": "MV", "mecklenburg vorpommern": "MV"},
    "IN": {"orissa": "OD", "new delhi": "DL", "nct of delhi": "DL", "pondicherry": "PY"},
    "CA": {"quebec": "QC"},
    "FR": {"ile de france": "IDF", "paris region": "IDF"},
    "IT": {"lombardy": "25", "tuscany": "52", "piedmont": "21", "sicily": "82", "sardinia": "88"},
    "ES": {"catalonia": "CT", "madrid": "MD", "community of madrid": "MD", "valencia": "VC",
           "andalusia": "AN", "basque country": "PV"},
    "NL": {"north holland": "NH", "south holland": "ZH", "north brabant": "NB"},
    "CH": {"zurich": "ZH", "geneva": "GE", "bern": "BE", "vaud": "VD", "basel": "BS"},
    "GB": {"northern ireland": "NIR", "wales": "WLS"},
}  # fmt: skip
#: Regions that are one city: "Berlin, Germany" is the city of Berlin in the Land of Berlin.
_CITY_REGIONS = {
    "DE-BE": "Berlin", "DE-HH": "Hamburg", "DE-HB": "Bremen", "AT-9": "Vienna",
    "US-DC": "Washington",
}  # fmt: skip


@cache
def _subdivision_index(country: str) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """(code suffix → ISO code, first-level name key → ISO code, any-level name key → ISO code)."""
    codes: dict[str, str] = {}
    top: dict[str, str] = {}
    every: dict[str, str] = {}
    for sub in pycountry.subdivisions.get(country_code=country) or []:
        code = str(sub.code)
        is_top = sub.parent_code is None and sub.type in _TOP_TYPES.get(country, {sub.type})
        for name in re.split(r"\s*[\[\]]\s*", str(sub.name)):
            name = name.split(",")[0] if ", " in name else name
            key = _key(name)
            if key and not key.startswith(country.lower() + " "):
                every.setdefault(key, code)
                if is_top:
                    top.setdefault(key, code)
        if is_top:
            codes[code.split("-", 1)[1]] = code
    for alias, suffix in _REGION_ALIASES.get(country, {}).items():
        code = f"{country}-{suffix}"
        if any(str(s.code) == code for s in pycountry.subdivisions.get(country_code=country) or []):
            top.setdefault(alias, code)
            every.setdefault(alias, code)
    return codes, top, every


def _subdivision(country: str, code: str) -> str | None:
    return _subdivision_index(country)[0].get(code)


def _is_sub_code(code: str) -> bool:
    return any(_subdivision(c, code) for c in ("AU", "GB"))


def _region_by_name(part: str, country: str | None) -> str | None:
    key = _key(part)
    if country:
        return _subdivision_index(country)[2].get(key)
    for candidate in _DEFAULT_REGION_COUNTRIES:
        found = _subdivision_index(candidate)[1].get(key)
        if found:
            return found
    return None


# --- Gazetteer --------------------------------------------------------------------------------

#: Large cities and metro names: (spellings, display name or None, country, region suffix).
CITIES: tuple[tuple[tuple[str, ...], str | None, str, str | None], ...] = (
    (("new york", "new york city", "nyc", "manhattan", "brooklyn"), "New York", "US", "NY"),
    (("san francisco", "sf"), "San Francisco", "US", "CA"),
    (("bay area", "sf bay area", "silicon valley"), None, "US", "CA"),
    (("los angeles",), "Los Angeles", "US", "CA"), (("san diego",), "San Diego", "US", "CA"),
    (("san jose",), "San Jose", "US", "CA"), (("palo alto",), "Palo Alto", "US", "CA"),
    (("mountain view",), "Mountain View", "US", "CA"), (("sunnyvale",), "Sunnyvale", "US", "CA"),
    (("menlo park",), "Menlo Park", "US", "CA"), (("santa clara",), "Santa Clara", "US", "CA"),
    (("oakland",), "Oakland", "US", "CA"), (("irvine",), "Irvine", "US", "CA"),
    (("sacramento",), "Sacramento", "US", "CA"), (("seattle",), "Seattle", "US", "WA"),
    (("redmond",), "Redmond", "US", "WA"), (("bellevue",), "Bellevue", "US", "WA"),
    (("portland",), "Portland", "US", "OR"), (("austin",), "Austin", "US", "TX"),
    (("dallas", "dallas fort worth", "dfw"), "Dallas", "US", "TX"),
    (("houston",), "Houston", "US", "TX"), (("san antonio",), "San Antonio", "US", "TX"),
    (("fort worth",), "Fort Worth", "US", "TX"), (("plano",), "Plano", "US", "TX"),
    (("boston",), "Boston", "US", "MA"), (("chicago",), "Chicago", "US", "IL"),
    (("denver",), "Denver", "US", "CO"), (("boulder",), "Boulder", "US", "CO"),
    (("atlanta",), "Atlanta", "US", "GA"), (("miami",), "Miami", "US", "FL"),
    (("tampa", "tampa bay"), "Tampa", "US", "FL"), (("orlando",), "Orlando", "US", "FL"),
    (("jacksonville",), "Jacksonville", "US", "FL"),
    (("washington dc", "washington d c", "dc"), "Washington", "US", "DC"),
    (("baltimore",), "Baltimore", "US", "MD"), (("philadelphia",), "Philadelphia", "US", "PA"),
    (("pittsburgh",), "Pittsburgh", "US", "PA"), (("phoenix",), "Phoenix", "US", "AZ"),
    (("minneapolis", "minneapolis st paul"), "Minneapolis", "US", "MN"),
    (("detroit",), "Detroit", "US", "MI"), (("ann arbor",), "Ann Arbor", "US", "MI"),
    (("raleigh", "raleigh durham"), "Raleigh", "US", "NC"),
    (("charlotte",), "Charlotte", "US", "NC"), (("nashville",), "Nashville", "US", "TN"),
    (("salt lake city",), "Salt Lake City", "US", "UT"), (("columbus",), "Columbus", "US", "OH"),
    (("cincinnati",), "Cincinnati", "US", "OH"), (("cleveland",), "Cleveland", "US", "OH"),
    (("st louis", "saint louis"), "St. Louis", "US", "MO"),
    (("kansas city",), "Kansas City", "US", "MO"), (("indianapolis",), "Indianapolis", "US", "IN"),
    (("milwaukee",), "Milwaukee", "US", "WI"), (("las vegas",), "Las Vegas", "US", "NV"),
    (("new orleans",), "New Orleans", "US", "LA"), (("louisville",), "Louisville", "US", "KY"),
    (("omaha",), "Omaha", "US", "NE"), (("oklahoma city",), "Oklahoma City", "US", "OK"),
    (("albuquerque",), "Albuquerque", "US", "NM"), (("honolulu",), "Honolulu", "US", "HI"),
    (("jersey city",), "Jersey City", "US", "NJ"), (("princeton",), "Princeton", "US", "NJ"),
    (("hartford",), "Hartford", "US", "CT"), (("providence",), "Providence", "US", "RI"),
    (("little rock",), "Little Rock", "US", "AR"), (("asheville",), "Asheville", "US", "NC"),
    (("flagstaff",), "Flagstaff", "US", "AZ"), (("huntsville",), "Huntsville", "US", "AL"),
    (("greensboro",), "Greensboro", "US", "NC"),
    (("rockford",), "Rockford", "US", "IL"),
    (("grand junction",), "Grand Junction", "US", "CO"),
    (("boise",), "Boise", "US", "ID"), (("des moines",), "Des Moines", "US", "IA"),
    (("toronto",), "Toronto", "CA", "ON"), (("ottawa",), "Ottawa", "CA", "ON"),
    (("waterloo",), "Waterloo", "CA", "ON"), (("montreal",), "Montréal", "CA", "QC"),
    (("quebec city",), "Québec City", "CA", "QC"), (("vancouver",), "Vancouver", "CA", "BC"),
    (("calgary",), "Calgary", "CA", "AB"), (("edmonton",), "Edmonton", "CA", "AB"),
    (("winnipeg",), "Winnipeg", "CA", "MB"), (("halifax",), "Halifax", "CA", "NS"),
    (("london",), "London", "GB", "ENG"), (("manchester",), "Manchester", "GB", "ENG"),
    (("cambridge",), "Cambridge", "GB", "ENG"), (("oxford",), "Oxford", "GB", "ENG"),
    (("bristol",), "Bristol", "GB", "ENG"), (("leeds",), "Leeds", "GB", "ENG"),
    (("birmingham",), "Birmingham", "GB", "ENG"), (("edinburgh",), "Edinburgh", "GB", "SCT"),
    (("glasgow",), "Glasgow", "GB", "SCT"), (("belfast",), "Belfast", "GB", "NIR"),
    (("cardiff",), "Cardiff", "GB", "WLS"), (("dublin",), "Dublin", "IE", None),
    (("cork",), "Cork", "IE", None),
    (("berlin",), "Berlin", "DE", "BE"), (("munich", "munchen", "muenchen"), "Munich", "DE", "BY"),
    (("hamburg",), "Hamburg", "DE", "HH"), (("frankfurt", "frankfurt am main"), "Frankfurt", "DE",
     "HE"), (("cologne", "koln", "koeln"), "Cologne", "DE", "NW"),
    (("dusseldorf", "duesseldorf"), "Düsseldorf", "DE", "NW"), (("bonn",), "Bonn", "DE", "NW"),
    (("stuttgart",), "Stuttgart", "DE", "BW"), (("karlsruhe",), "Karlsruhe", "DE", "BW"),
    (("heidelberg",), "Heidelberg", "DE", "BW"), (("leipzig",), "Leipzig", "DE", "SN"),
    (("dresden",), "Dresden", "DE", "SN"), (("nuremberg", "nurnberg"), "Nuremberg", "DE", "BY"),
    (("hanover", "hannover"), "Hanover", "DE", "NI"),
    (("paris",), "Paris", "FR", "IDF"), (("lyon",), "Lyon", "FR", "ARA"),
    (("grenoble",), "Grenoble", "FR", "ARA"), (("toulouse",), "Toulouse", "FR", "OCC"),
    (("marseille",), "Marseille", "FR", "PAC"), (("nice",), "Nice", "FR", "PAC"),
    (("bordeaux",), "Bordeaux", "FR", "NAQ"), (("lille",), "Lille", "FR", "HDF"),
    (("nantes",), "Nantes", "FR", "PDL"),
    (("amsterdam",), "Amsterdam", "NL", "NH"), (("rotterdam",), "Rotterdam", "NL", "ZH"),
    (("the hague", "den haag"), "The Hague", "NL", "ZH"), (("delft",), "Delft", "NL", "ZH"),
    (("eindhoven",), "Eindhoven", "NL", "NB"),
    (("madrid",), "Madrid", "ES", "MD"), (("barcelona",), "Barcelona", "ES", "CT"),
    (("milan", "milano"), "Milan", "IT", "25"), (("rome", "roma"), "Rome", "IT", "62"),
    (("turin", "torino"), "Turin", "IT", "21"), (("lisbon", "lisboa"), "Lisbon", "PT", None),
    (("porto",), "Porto", "PT", None), (("zurich",), "Zürich", "CH", "ZH"),
    (("geneva", "geneve"), "Geneva", "CH", "GE"), (("lausanne",), "Lausanne", "CH", "VD"),
    (("basel",), "Basel", "CH", "BS"), (("vienna", "wien"), "Vienna", "AT", "9"),
    (("brussels", "bruxelles", "brussel"), "Brussels", "BE", None),
    (("antwerp", "antwerpen"), "Antwerp", "BE", None), (("copenhagen",), "Copenhagen", "DK", None),
    (("stockholm",), "Stockholm", "SE", None), (("gothenburg",), "Gothenburg", "SE", None),
    (("oslo",), "Oslo", "NO", None), (("helsinki",), "Helsinki", "FI", None),
    (("warsaw", "warszawa"), "Warsaw", "PL", None), (("krakow",), "Kraków", "PL", None),
    (("wroclaw",), "Wrocław", "PL", None), (("prague", "praha"), "Prague", "CZ", None),
    (("budapest",), "Budapest", "HU", None), (("bucharest",), "Bucharest", "RO", None),
    (("tallinn",), "Tallinn", "EE", None), (("athens",), "Athens", "GR", None),
    (("tel aviv", "tel aviv yafo"), "Tel Aviv", "IL", None), (("dubai",), "Dubai", "AE", None),
    (("tbilisi",), "Tbilisi", "GE", None),
    (("abu dhabi",), "Abu Dhabi", "AE", None), (("istanbul",), "Istanbul", "TR", None),
    (("bengaluru", "bangalore"), "Bengaluru", "IN", "KA"), (("mumbai", "bombay"), "Mumbai",
     "IN", "MH"), (("pune",), "Pune", "IN", "MH"), (("hyderabad",), "Hyderabad", "IN", "TS"),
    (("chennai",), "Chennai", "IN", "TN"), (("delhi", "new delhi"), "Delhi", "IN", "DL"),
    (("gurgaon", "gurugram"), "Gurugram", "IN", "HR"), (("noida",), "Noida", "IN", "UP"),
    (("kolkata",), "Kolkata", "IN", "WB"), (("ahmedabad",), "Ahmedabad", "IN", "GJ"),
    (("sydney",), "Sydney", "AU", "NSW"), (("melbourne",), "Melbourne", "AU", "VIC"),
    (("brisbane",), "Brisbane", "AU", "QLD"), (("perth",), "Perth", "AU", "WA"),
    (("adelaide",), "Adelaide", "AU", "SA"), (("canberra",), "Canberra", "AU", "ACT"),
    (("auckland",), "Auckland", "NZ", None), (("wellington",), "Wellington", "NZ", None),
    (("tokyo",), "Tokyo", "JP", None), (("osaka",), "Osaka", "JP", None),
    (("seoul",), "Seoul", "KR", None), (("beijing",), "Beijing", "CN", None),
    (("shanghai",), "Shanghai", "CN", None), (("shenzhen",), "Shenzhen", "CN", None),
    (("taipei",), "Taipei", "TW", None), (("kuala lumpur",), "Kuala Lumpur", "MY", None),
    (("bangkok",), "Bangkok", "TH", None), (("jakarta",), "Jakarta", "ID", None),
    (("manila",), "Manila", "PH", None), (("ho chi minh city",), "Ho Chi Minh City", "VN", None),
    (("sao paulo",), "São Paulo", "BR", None), (("rio de janeiro",), "Rio de Janeiro", "BR",
     None), (("mexico city", "ciudad de mexico", "cdmx"), "Mexico City", "MX", None),
    (("guadalajara",), "Guadalajara", "MX", None), (("buenos aires",), "Buenos Aires", "AR",
     None), (("bogota",), "Bogotá", "CO", None), (("medellin",), "Medellín", "CO", None),
    (("cape town",), "Cape Town", "ZA", None), (("johannesburg",), "Johannesburg", "ZA", None),
    (("lagos",), "Lagos", "NG", None), (("nairobi",), "Nairobi", "KE", None),
    (("cairo",), "Cairo", "EG", None),
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Place:
    city: str | None
    country: str
    region: str | None


@cache
def _gazetteer() -> dict[str, _Place]:
    places: dict[str, _Place] = {}
    for spellings, city, country, suffix in CITIES:
        region = _subdivision_index(country)[0].get(suffix) if suffix else None
        region = region or (
            f"{country}-{suffix}" if suffix and _known_code(country, suffix) else None
        )
        for spelling in spellings:
            places[_key(spelling)] = _Place(city, country, region)
    return places


def _known_code(country: str, suffix: str) -> bool:
    return pycountry.subdivisions.get(code=f"{country}-{suffix}") is not None


# --- Parsing ----------------------------------------------------------------------------------

_MULTI = re.compile(r"\s*(?:;|/|\sor\s)\s*", re.IGNORECASE)
_SEPARATORS = re.compile(r"[()\[\]{}|·•:]|\s[-–—]+\s|\s[-–—]+$|^[-–—]+\s")
_POSTAL = re.compile(r"(?<![\w-])[A-Za-z]{0,3}\d[\w-]*(?![\w-])")
_GREATER = re.compile(r"^(?:greater|metro(?:politan)?)\s+", re.IGNORECASE)
_METRO_SUFFIX = re.compile(
    r"\s+(?:metropolitan|metro|bay|tri[- ]state)?\s*(?:area|region|metroplex)$"
    r"|\s+metropolitan$|\s+metroplex$",
    re.IGNORECASE,
)
_FILLER_SUFFIX = re.compile(
    r"[\s-]+(?:only|based|nationwide|preferred|office|hq|headquarters|campus)$", re.IGNORECASE
)
_INITIALS = re.compile(r"^(?:[A-Za-z]\.){2,3}$")
_TRAILING_CODE = re.compile(r"^(?P<head>.+?)\s+(?P<code>[A-Z]{2,3}|(?:[A-Z]\.){2})$")


def _clean_part(part: str, *, metro: bool) -> str:
    part = " ".join(_POSTAL.sub(" ", part).split())
    if _INITIALS.match(part.strip(" ,")):
        return part.strip(" ,").replace(".", "").upper()  # "D.C." → "DC"
    part = part.strip(" .,-–—*'\"")
    the = re.match(r"(?i)the\s+(.+)", part)
    if the and (_country_by_name(the[1]) or _is_code(the[1])):
        part = the[1]  # "Anywhere in the US"
    for _ in range(2):
        part = _FILLER_SUFFIX.sub("", part).strip(" .,-–—")
    stripped = _METRO_SUFFIX.sub("", _GREATER.sub("", part)).strip(" .,-–—")
    if stripped and stripped != part:
        part = stripped
        metro = True
    if metro and re.search(r"\w-+\w", part) and _key(part) not in _gazetteer():
        part = re.split(r"-+", part, maxsplit=1)[0].strip()
    return part


def _split_parts(segment: str) -> list[str]:
    metro = bool(re.search(r"\b(?:area|region|metroplex|metropolitan|greater)\b", segment, re.I))
    raw = [p for chunk in _SEPARATORS.sub(",", segment).split(",") if (p := chunk.strip())]
    parts: list[str] = []
    for piece in raw:
        cleaned = _clean_part(piece, metro=metro)
        if not cleaned or not any(ch.isalpha() for ch in cleaned):
            continue
        trailing = _TRAILING_CODE.match(cleaned)
        if trailing and _is_code_like(trailing["code"].replace(".", "")):
            parts += [trailing["head"].strip(" ,"), trailing["code"].replace(".", "")]
        else:
            parts.append(cleaned)
    return [p for p in parts if _key(p) not in _NO_PLACE and not re.fullmatch(r"(?i)utc|gmt", p)]


def _is_code_like(code: str) -> bool:
    if code in _COUNTRY_ALIASES_UPPER or code in _alpha2() or code in _alpha3():
        return True
    return any(_subdivision(c, code) for c in (*_DEFAULT_REGION_COUNTRIES, "US"))


def _code_after_city(code: str, stated: str | None, place: _Place | None) -> tuple[str, str | None]:
    """(country, region) of an upper-case code written after a city; see the module docstring."""
    if stated:
        return stated, _subdivision(stated, code)
    if place:
        if code == place.country or _alpha3().get(code) == place.country:
            return place.country, None
        region = _subdivision(place.country, code)
        if region:
            return place.country, region
    if code in {"USA", "US"}:
        return "US", None
    if code == "UK":
        return "GB", None
    for country in ("US", "CA", "AU"):
        region = _subdivision(country, code)
        if region:
            return country, region
    if code in _alpha2():
        return code, None
    if code in _alpha3():
        return _alpha3()[code], None
    for country in ("DE", "IN"):
        region = _subdivision(country, code)
        if region:
            return country, region
    return "", None


def _is_code(part: str) -> bool:
    return 2 <= len(part) <= 3 and part.isalpha() and part.isupper()


def _resolve(parts: list[str]) -> tuple[str | None, str | None, str | None]:
    """(country, region, city) of the comma-separated parts of one location."""
    if len(parts) >= 2 and _country_by_name(parts[0]) and not _country_by_name(parts[-1]):
        parts = parts[::-1]  # "USA - California - San Jose"
    if len(parts) == 1 and _is_code(parts[0]):
        return _standalone_code(parts[0]) or _country_by_name(parts[0]), None, None
    rest = list(parts)
    place = _gazetteer().get(_key(rest[0])) if rest else None
    country = _country_by_name(rest[-1]) if rest else None
    # "Atlanta, Georgia": a name that is also a region is the region after a city.
    if (
        country
        and len(rest) >= 2
        and (not place or place.country != country)
        and _region_by_name(rest[-1], None)
    ):
        country = None
    if country:
        rest.pop()
    if place and country and place.country != country:
        place = None
    region: str | None = None
    if len(rest) >= 2:
        region, country = _region_after_city(rest[-1], country, place)
        if region or (country and _is_code(rest[-1])):
            rest.pop()
    elif len(rest) == 1 and country and not (place and country != "US"):
        # "Florida, United States", "Bavaria, Germany"; LinkedIn writes US states this way.
        region = _subdivision_index(country)[1].get(_key(rest[0]))
        if region:
            rest.pop()
    city: str | None = None
    if rest:
        head = rest[0]
        if place and (region is None or place.region in (None, region)):
            city, country, region = place.city, country or place.country, region or place.region
        elif len(rest) == 1 and country is None and region is None:
            region = _region_by_name(head, None)  # "Texas", "Ontario", "Bavaria"
            city = None if region else head
        else:
            city = head
    if region and not country and "-" in region:
        country = region.split("-", 1)[0]
    if city is None and region in _CITY_REGIONS:
        city = _CITY_REGIONS[region]
    if city is None and region is None and country in _CITY_STATES:
        city = _CITY_STATES[country]
    return country, region, city


def _region_after_city(
    part: str, country: str | None, place: _Place | None
) -> tuple[str | None, str | None]:
    """(region, country) of the part after a city; the region may be a name pycountry lacks."""
    if _is_code(part):
        found_country, region = _code_after_city(part, country, place)
        return region, found_country or country
    region = _region_by_name(part, country or (place.country if place else None))
    if region is None and not country and place is not None:
        region = _region_by_name(part, None)
    if region is None and country:
        return part, country  # "Milan, Lombardy, Italy" if pycountry lacked Lombardy
    return region, country or (region.split("-", 1)[0] if region else None)


@lru_cache(maxsize=65536)
def _parse(text: str) -> Location:
    arrangement: WorkArrangement | None = None
    first = _ARRANGEMENT_IN_LOCATION.search(text)
    if first:
        arrangement = "remote" if first["remote"] else "hybrid" if first["hybrid"] else "onsite"
    geography = _ARRANGEMENT_IN_LOCATION.sub(" , ", text)
    segments = [s for s in _MULTI.split(geography) if any(ch.isalpha() for ch in s)]
    parts = _split_parts(segments[0]) if segments else []
    country, region, city = _resolve(parts)
    return Location(country or None, region, city, arrangement)


def parse_location(
    text: str | None, *, remote_flag: bool | None = None, description: str | None = None
) -> Location:
    """Country, region, city and work arrangement of a free-text posting location.

    ``remote_flag`` is the source's own remote column when it has one; ``description`` is the
    posting text, searched for a few unambiguous arrangement phrases only when neither the
    location nor the flag tells. See the module docstring for the rules. Never raises.
    """
    cleaned = clean_field(text)
    parsed = _parse(cleaned) if cleaned else Location()
    if parsed.work_arrangement is not None:
        return parsed
    if remote_flag:
        arrangement: str | None = "remote"
    else:
        arrangement = _arrangement_in_description(description, allow_remote=remote_flag is None)
    if arrangement is None:
        return parsed
    return Location(parsed.country, parsed.region, parsed.city, _as_arrangement(arrangement))


def _as_arrangement(value: str) -> WorkArrangement:
    return "remote" if value == "remote" else "hybrid" if value == "hybrid" else "onsite"


def clean_location(raw: str | None) -> str | None:
    """Single-spaced location text, or ``None``."""
    return clean_field(raw)


def country_code(location: str | None) -> str | None:
    """ISO alpha-2 country of a free-text location ("Austin, TX" → "US"), as parse_location."""
    return parse_location(location).country


def is_remote_text(location: str | None) -> bool:
    """True when a location says the work is remote ("Remote - US", "Anywhere")."""
    return parse_location(location).work_arrangement == "remote"
