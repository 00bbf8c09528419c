"""Build ``onet_tools.yaml`` from the O*NET "Technology Skills" file.

The curated taxonomy (``skills.yaml``) covers the skills that matter most for data, ML and AI
engineers. This script adds a long tail of named tools from O*NET: it keeps the technology
examples listed for computer, mathematical and data occupations (plus O*NET "hot technologies")
in software commodities relevant to those roles, drops generic category names ("Data mining
software"), single ordinary English words and everything the curated list already covers, and
writes the rest in the same schema as ``skills.yaml``.

Usage (from the repository root)::

    uv run python extractors/taxonomy/build_onet_tools.py ["data/onet/Technology Skills.txt"]
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
DEFAULT_INPUT = HERE.parents[1] / "data" / "onet" / "Technology Skills.txt"
DEFAULT_SKILLS = HERE / "skills.yaml"
DEFAULT_STEPS = HERE / "steps.yaml"
DEFAULT_OUTPUT = HERE / "onet_tools.yaml"

# O*NET-SOC prefixes of occupations whose tools matter for data/ML/AI/software roles.
CORE_SOC_PREFIXES: tuple[str, ...] = (
    "15-1",  # computer occupations (developers, DBAs, data/IT roles)
    "15-2",  # mathematical science occupations (statisticians, data scientists 15-2051, OR)
)
# Neighbouring occupations: their software/data tools count, but not their "Analytical or
# scientific software", which for them is mostly domain simulation or lab software.
EXTENDED_SOC_PREFIXES: tuple[str, ...] = (
    "11-3021",  # computer and information systems managers
    "17-2061",  # computer hardware engineers
    "19-3011",  # economists
    "19-3022",  # survey researchers
)
SCIENTIFIC_SOFTWARE = "43232605"

# Commodity code -> (category, default step). Only these commodities are kept.
COMMODITIES: dict[str, tuple[str, str]] = {
    "43232605": ("tool", "math_stats"),  # Analytical or scientific software
    "43232304": ("database", "data_engineering"),  # Data base management system software
    "43232311": ("database", "data_engineering"),  # Object oriented data base management
    "43232306": ("tool", "data_engineering"),  # Data base user interface and query software
    "43232305": ("tool", "data_engineering"),  # Data base reporting software
    "43232314": ("tool", "data_engineering"),  # Business intelligence and data analysis
    "43232307": ("tool", "data_engineering"),  # Data mining software
    "43232310": ("tool", "data_engineering"),  # Metadata management software
    "43232403": ("tool", "data_engineering"),  # Enterprise application integration software
    "43232309": ("tool", "data_engineering"),  # Information retrieval or search software
    "43232302": ("platform", "data_engineering"),  # Clustering software
    "43231517": ("tool", "data_engineering"),  # Procedure management software
    "43232301": ("tool", "classical_ml"),  # Categorization or classification software
    "43231511": ("tool", "classical_ml"),  # Expert system software
    "43232402": ("tool", "programming"),  # Development environment software
    "43232405": ("library", "programming"),  # Object or component oriented development
    "43232408": ("framework", "programming"),  # Web platform development software
    "43232404": ("framework", "programming"),  # Graphical user interface development
    "43232406": ("tool", "programming"),  # Program testing software
    "43232409": ("tool", "programming"),  # Compiler and decompiler software
    "43232407": ("tool", "programming"),  # Requirements analysis and system architecture
    "43233004": ("platform", "programming"),  # Operating system software
    "43232401": ("tool", "mlops"),  # Configuration management software
    "43232203": ("tool", "mlops"),  # File versioning software
    "43232701": ("platform", "mlops"),  # Application server software
    "43233701": ("tool", "mlops"),  # Enterprise system management software
    "43232801": ("tool", "mlops"),  # Network monitoring software
    "43232806": ("cloud", "cloud"),  # Cloud-based management software
}

# Commodities that are mostly noise for data/ML roles: kept only for Hot Technologies.
HOT_ONLY_COMMODITIES: frozenset[str] = frozenset({"43232801", "43232407", "43233701", "43232409"})

# Keyword rules that override the commodity's default step (first match wins).
STEP_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("llm_genai", re.compile(r"\b(chatgpt|openai|gpt|llm|generative|copilot)\b", re.I)),
    (
        "deep_learning",
        re.compile(r"\b(tensorflow|pytorch|keras|caffe|theano|mxnet|cuda|neural|deep)\b", re.I),
    ),
    (
        "classical_ml",
        re.compile(
            r"\b(machine learning|mahout|weka|rapidminer|knime|datarobot|h2o|predictive"
            r"|text mining|data mining|natural language|nlp|computer vision)\b",
            re.I,
        ),
    ),
    ("cloud", re.compile(r"\b(aws|amazon web services|azure|google cloud|gcp|cloud)\b", re.I)),
    (
        "mlops",
        re.compile(
            r"\b(docker|kubernetes|jenkins|ansible|terraform|git|devops|splunk|nagios"
            r"|continuous integration|deployment)\b",
            re.I,
        ),
    ),
    (
        "data_engineering",
        re.compile(
            r"(sql|\bdatabase|\bdb\b|\betl\b|hadoop|\bspark|kafka|warehouse|nosql|\bbi\b"
            r"|tableau|qlik|reporting|business intelligence|informatica)",
            re.I,
        ),
    ),
    (
        "math_stats",
        re.compile(
            r"(statist|\bstata\b|\bspss\b|minitab|\bsas\b|matlab|mathematica|maple|simulat"
            r"|numerical|\bmath)",
            re.I,
        ),
    ),
)

LANGUAGE_PATTERN = re.compile(r"\b(programming )?language\b|\bscript(ing)?\b|\bshell\b", re.I)
LANGUAGE_COMMODITIES = frozenset({"43232402", "43232405"})

# Vendor / organisation prefixes stripped to build a shorter surface form.
VENDOR_PREFIXES: tuple[str, ...] = (
    "The",
    "Amazon Web Services AWS",
    "Amazon Web Services",
    "Amazon",
    "AWS",
    "Apache",
    "Atlassian",
    "Autodesk",
    "Broadcom",
    "CA Technologies",
    "Cisco",
    "Cloudera",
    "Computer Associates",
    "Dell",
    "Eclipse",
    "Embarcadero Technologies",
    "Embarcadero",
    "Econometric Software",
    "ESRI",
    "Google",
    "Grafana Labs",
    "HashiCorp",
    "Hewlett Packard Enterprise",
    "Hewlett Packard",
    "Hewlett-Packard",
    "HP",
    "IBM",
    "Informatica Corporation",
    "Informatica",
    "Insightful",
    "Intel",
    "JetBrains",
    "Maplesoft",
    "Micro Focus",
    "Microsoft",
    "MathWorks",
    "NCR",
    "NVIDIA",
    "OpenAI",
    "Oracle",
    "Perforce Software",
    "Progress",
    "Qlik Tech",
    "Quantitative Micro Software",
    "Quest",
    "Rapid-I",
    "Red Hat",
    "Rogue Wave Software",
    "Salesforce",
    "SAP",
    "SAS",
    "SmartBear Software",
    "Stat-Ease",
    "StataCorp",
    "Sun Microsystems",
    "Systat Software",
    "Teradata",
    "TIBCO",
    "Tibco",
    "VMware",
    "Wind River Systems",
    "Wind River",
    "Wolfram Research",
)

# Trailing words that only describe the kind of product.
GENERIC_SUFFIXES: tuple[str, ...] = (
    "software suite",
    "software",
    "systems",
    "system software",
    "programming language",
    "platform",
    "framework",
    "tools",
    "shells",
    "debuggers",
)
# Trailing edition words; stripped only to recognise a product already listed elsewhere
# ("Red Hat Ansible Engine" is Ansible, "Couchbase Server" may be called "Couchbase").
EDITION_SUFFIXES: tuple[str, ...] = (
    "community edition",
    "enterprise edition",
    "enterprise",
    "engine",
    "server",
    "database",
    "cloud",
    "desktop",
    "professional",
)
# Endings of single-word descriptions ("Clustering software", "Deployment software").
GENERIC_WORD_ENDINGS: tuple[str, ...] = (
    "ing",
    "ion",
    "ment",
    "ics",
    "ic",
    "ure",
    "ance",
    "ence",
    "ity",
    "ness",
    "er",
    "ers",
    "ive",
    "al",
)


# Single words that are ordinary English (or names) and too ambiguous to match on their own.
def _wordset(text: str) -> frozenset[str]:
    """Whitespace-separated words of a docstring-style block as a frozenset."""
    return frozenset(text.split())


AMBIGUOUS_WORDS: frozenset[str] = _wordset(
    """
    access alpha ant apex arrow atlas balance beam bee blink blender bloom boost bootstrap box
    bridge camel canvas capture catalyst chart chef clarity cloud cobra compass connect control
    core crystal dash delta designer director discovery drive dynamics echo eclipse edge elm
    express falcon flash flex flow focus forth forms fusion gauge glue groovy guide harvest
    helm hive horizon hub icon impact insight inspector jasmine java jet juno kite lambda
    lens lightning link logic loom lotus lucid magic maple mars matrix maven mercury merge
    meteor mocha monitor moon nexus notes nova oasis octave office omega orbit origin outlook
    pages panda pig pilot pioneer pivot planner plato prism project prophet pulse puppet python
    quest radar rails react realm relay ruby rust salt scout shark shield sierra sketch slack
    snap snowflake solar spark spring squid storm studio summit swift tableau teams tempo
    terminal tiger titan torch trace unity vault vector velocity vertex vision
    visual voyager watson wave web windows word workbench works zen zoom
    ada algae aztec bowtie clipper cufflinks eiffel grails hyperspace jekyll kant logo modula
    oberon pascal postman rapide sand scheme shiny smalltalk solidity tophat travis
    bamboo blackboard central clinical continuum delphi flume gump impala interviewer jersey
    maxima perforce reports struts vagrant
    basic blast casa clos grape ice imps pass sax spice
    """
)

# Tokens that, when a name consists only of them, make it a generic category description.
GENERIC_TOKENS: frozenset[str] = _wordset(
    """
    a an and application applications automated based big business chatbot cloud code
    computer computing control data database databases design development digital
    distributed document engine enterprise environment file for framework general graphical
    graphics high image in information integrated integration interface language languages
    library libraries management manager mining modeling modelling network object of online
    open operating or performance platform processing program programming query reporting
    scientific script scripting search security server service services software source
    statistical statistics system systems test testing the to tool tools user utility
    virtual visualization web
    """
)

NAME_TOKEN = re.compile(r"[A-Za-z0-9+#.]+")
TRAILING_ACRONYM = re.compile(r"^(?P<long>.+?)\s+(?P<acr>[A-Z][A-Z0-9/+.-]{1,9})$")
PARENTHESES = re.compile(r"^(?P<head>.+?)\s*\((?P<inner>[^)]+)\)\s*$")


@dataclass
class OnetTool:
    """One O*NET technology example, aggregated over the rows that list it."""

    name: str
    commodities: Counter[str] = field(default_factory=Counter)
    hot: bool = False

    @property
    def commodity(self) -> str:
        """Most frequent commodity code; ties go to the earlier allow-list entry."""
        order = list(COMMODITIES)
        return min(self.commodities, key=lambda c: (-self.commodities[c], order.index(c)))


def strip_prefix(text: str, prefixes: Iterable[str]) -> str | None:
    """Return ``text`` without the first matching prefix (word boundary), or ``None``."""
    for prefix in prefixes:
        if text.startswith(prefix + " ") and len(text) > len(prefix) + 1:
            return text[len(prefix) + 1 :].strip()
    return None


def strip_suffix(text: str, suffixes: Iterable[str]) -> str | None:
    """Return ``text`` without the first matching suffix (case-insensitive), or ``None``."""
    lowered = text.lower()
    for suffix in suffixes:
        if lowered.endswith(" " + suffix) and len(text) > len(suffix) + 1:
            return text[: -len(suffix) - 1].strip()
    return None


def _abbreviates(acronym: str, long_form: str) -> bool:
    """Whether the letters of ``acronym`` appear, in order, in ``long_form``.

    The first letter must start a word of ``long_form``; this accepts "Hypertext markup
    language HTML" and "Amazon Simple Storage Service S3" but rejects "Oracle HRIS".
    """
    letters = [ch for ch in acronym.lower() if ch.isalpha()]
    words = long_form.lower().split()
    if not letters or not any(w.startswith(letters[0]) for w in words):
        return False
    text = iter("".join(words))
    return all(ch in text for ch in letters)


def split_acronym(text: str) -> tuple[str, str] | None:
    """Split O*NET's "Long name ACRONYM" pattern, e.g. "Structured query language SQL"."""
    match = TRAILING_ACRONYM.match(text)
    if not match:
        return None
    long_form, acronym = match.group("long"), match.group("acr")
    if not _abbreviates(acronym, long_form):
        return None
    return long_form, acronym


def expand_forms(name: str, *, editions: bool = True) -> tuple[set[str], set[str]]:
    """Shortened forms of an O*NET name and, separately, the acronyms among them.

    Forms are produced by removing vendor prefixes, generic suffixes ("software"),
    parentheses and trailing acronyms, repeatedly; with ``editions`` also edition words
    ("Server", "Enterprise"), which is only good for recognising known products.
    """
    forms = {name.strip()}
    acronyms: set[str] = set()
    for _ in range(4):
        new: set[str] = set()
        for form in forms:
            paren = PARENTHESES.match(form)
            if paren:
                new.update({paren.group("head"), paren.group("inner")})
            for stripped in (
                strip_prefix(form, VENDOR_PREFIXES),
                strip_suffix(form, GENERIC_SUFFIXES),
                strip_suffix(form, EDITION_SUFFIXES) if editions else None,
            ):
                if stripped:
                    new.add(stripped)
            split = split_acronym(form)
            if split:
                new.update(split)
                acronyms.add(split[1])
        if new <= forms:
            break
        forms |= new
    return {f.strip() for f in forms if f.strip()}, acronyms


def surface_forms(name: str) -> set[str]:
    """All shortened forms of an O*NET name (see ``expand_forms``)."""
    return expand_forms(name)[0]


def tokens(text: str) -> list[str]:
    """Lowercase word tokens of ``text``."""
    return [t.lower() for t in NAME_TOKEN.findall(text)]


def _is_sentence_case(words: list[str]) -> bool:
    """Sentence case such as "Data mining": first word capitalised, the rest lowercase."""
    if not words or not all(re.fullmatch(r"[A-Za-z][a-z-]*", w) for w in words):
        return False
    return all(w.islower() for w in words[1:])


def is_generic(name: str) -> bool:
    """True for category descriptions ("Data mining software") and ordinary words."""
    paren = PARENTHESES.match(name)
    text = paren.group("head") if paren else name
    toks = tokens(text)
    if not toks or all(t in GENERIC_TOKENS for t in toks):
        return True
    core = strip_suffix(text, GENERIC_SUFFIXES)
    words = (core or text).split()
    if core is not None:
        # "Electronic data capture EDC software": a described category, acronym or not.
        words = [w for w in words if not (w.isupper() and len(w) > 1)]
    elif split_acronym(text) is None and len(words) > 1:
        # No product suffix: "Operating system shells" is generic, "Tool command language
        # Tcl" is a real language named by its acronym and kept.
        return _is_sentence_case(words)
    if len(words) == 1:
        word = words[0].lower()
        if word in AMBIGUOUS_WORDS or len(word) <= 2:
            return True
        return core is not None and word.endswith(GENERIC_WORD_ENDINGS)
    return core is not None and _is_sentence_case(words)


def _is_marked(word: str) -> bool:
    """CamelCase, digits, acronyms or symbols: "WebLogic", "DB2", "SQL", "ASP.NET"."""
    return (
        any(ch.isdigit() for ch in word)
        or (word.isupper() and len(word) > 1)
        or any(ch.isupper() for ch in word[1:])
        or any(ch in ".#+" for ch in word)
    )


def is_safe_alias(form: str) -> bool:
    """Whether a shortened form is distinctive enough to be matched case-insensitively.

    Single words must not be ordinary words; multi-word forms need a distinctive token
    ("SQL Developer", "IntelliJ IDEA") so that "Data Explorer" or "Golden Gate" are not used.
    """
    words = form.split()
    if not words or is_generic(form):
        return False
    if len(words) == 1:
        word = words[0]
        if len(word) < 4 or word.lower() in AMBIGUOUS_WORDS or word.isupper():
            return False
        return _is_marked(word) or not word.lower().endswith(GENERIC_WORD_ENDINGS)
    return len(form) >= 5 and any(_is_marked(w) for w in words)


def slugify(name: str) -> str:
    """Lowercase snake_case id fragment."""
    text = name.lower().replace("++", "pp").replace("#", "sharp").replace("+", "plus")
    return re.sub(r"[^a-z0-9]+", "_", text).strip("_")


def read_rows(path: Path) -> Iterator[dict[str, str]]:
    """Rows of the tab-separated O*NET file."""
    with path.open(encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle, delimiter="\t")


def select_tools(path: Path) -> dict[str, OnetTool]:
    """Aggregate relevant O*NET rows into one tool per example name.

    A row is relevant when its commodity is allow-listed and either the occupation is a
    data/computing one or the example is an O*NET Hot Technology.
    """
    tools: dict[str, OnetTool] = {}
    for row in read_rows(path):
        code = row["Commodity Code"].strip()
        if code not in COMMODITIES:
            continue
        hot = row["Hot Technology"].strip() == "Y"
        soc = row["O*NET-SOC Code"]
        relevant = soc.startswith(CORE_SOC_PREFIXES) or (
            soc.startswith(EXTENDED_SOC_PREFIXES) and code != SCIENTIFIC_SOFTWARE
        )
        if not (relevant or hot) or (code in HOT_ONLY_COMMODITIES and not hot):
            continue
        name = " ".join(row["Example"].split())
        tool = tools.setdefault(name.lower(), OnetTool(name=name))
        tool.commodities[code] += 1
        tool.hot = tool.hot or hot
    return tools


def load_curated(path: Path) -> tuple[set[str], set[str], set[str]]:
    """Curated ids, case-insensitive surface forms and case-sensitive exact forms."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    ids: set[str] = set()
    folded: set[str] = set()
    exact: set[str] = set()
    for skill in data["skills"]:
        ids.add(skill["id"])
        skill_exact = set(skill.get("exact") or [])
        if skill["name"].lower() not in {e.lower() for e in skill_exact}:
            folded.add(skill["name"].lower())
        folded.update(a.lower() for a in skill.get("aliases") or [])
        exact |= skill_exact
    return ids, folded, exact


def is_covered(name: str, folded: set[str], exact: set[str]) -> bool:
    """Whether a surface form of ``name`` is already a curated alias, name or exact form.

    Extracted acronyms only count against case-insensitive aliases: a curated exact form such
    as "EDA" (exploratory data analysis) must not swallow "Electronic design automation EDA".
    """
    forms, acronyms = expand_forms(name)
    for form in forms:
        if form.lower() in folded or (form in exact and form not in acronyms):
            return True
        # "MapReduce big data", "Ansible Engine": a curated name plus only generic words.
        words = form.split()
        for cut in range(1, len(words)):
            head, rest = " ".join(words[:cut]), words[cut:]
            if head.lower() in folded and all(w.lower() in GENERIC_TOKENS for w in rest):
                return True
    return False


def choose_step(name: str, commodity: str) -> str:
    """Roadmap step from keyword rules, falling back to the commodity default."""
    for step, pattern in STEP_RULES:
        if pattern.search(name):
            return step
    return COMMODITIES[commodity][1]


def choose_category(name: str, commodity: str) -> str:
    """Schema category from the commodity, with programming languages called out."""
    if commodity in LANGUAGE_COMMODITIES and LANGUAGE_PATTERN.search(name):
        return "language"
    return COMMODITIES[commodity][0]


def _alias_preference(form: str, acronyms: set[str]) -> tuple[bool, bool, int, str]:
    """Sort key preferring plain product names: no embedded acronym, no "software" tail."""
    has_acronym = form not in acronyms and any(w in acronyms for w in form.split())
    return (has_acronym, strip_suffix(form, GENERIC_SUFFIXES) is not None, -len(form), form)


def build_entries(
    tools: dict[str, OnetTool],
    curated_ids: set[str],
    folded: set[str],
    exact: set[str],
    published: frozenset[str] = frozenset(),
) -> tuple[list[dict[str, Any]], Counter[str]]:
    """Turn selected tools into taxonomy entries; also return drop-reason counts.

    ``published`` holds the ids of the previous output. Ids are stable: a published entry that
    a curated skill covers is dropped only when that skill has taken its id (a curated id equal
    to an example's ``onet_`` id claims that example); otherwise it keeps its id and the
    aliases that are still free.
    """
    dropped: Counter[str] = Counter()
    entries: list[dict[str, Any]] = []
    used_folded = set(folded) | {e.lower() for e in exact}
    onet_forms: set[str] = set()
    used_ids = set(curated_ids)
    for tool in sorted(tools.values(), key=lambda t: t.name.lower()):
        if is_generic(tool.name):
            dropped["generic"] += 1
            continue
        base_id = "onet_" + slugify(tool.name)
        kept_id = next(
            (i for i in (base_id, f"{base_id}_{tool.commodity}") if i in published), None
        )
        if base_id in curated_ids or kept_id in curated_ids:
            dropped["claimed by skills.yaml"] += 1
            continue
        if is_covered(tool.name, folded, exact):
            if kept_id is None:
                dropped["covered by skills.yaml"] += 1
                continue
            if tool.name.lower() in used_folded:
                raise SystemExit(
                    f"published id {kept_id!r} ({tool.name}) is now a curated form: "
                    f"give that curated skill the id {kept_id!r} or drop the form"
                )
            dropped["kept: published id covered by skills.yaml"] += 1
        forms, acronyms = expand_forms(tool.name, editions=False)
        if tool.name.lower() in used_folded or any(
            f.lower() in onet_forms for f in forms - acronyms if is_safe_alias(f)
        ):
            dropped["duplicate of another O*NET example"] += 1
            continue
        onet_forms.update(f.lower() for f in forms - acronyms if is_safe_alias(f))
        aliases = [tool.name]
        exact_forms: list[str] = []
        ranked = sorted(forms - {tool.name}, key=lambda f: _alias_preference(f, acronyms))
        for form in ranked:
            if form.lower() in used_folded or form.lower() in {a.lower() for a in aliases}:
                continue
            if form in acronyms:
                if 3 <= len(form) <= 10 and form.lower() not in AMBIGUOUS_WORDS and not exact_forms:
                    exact_forms.append(form)
            elif is_safe_alias(form) and len(aliases) < 2:
                aliases.append(form)
        commodity = tool.commodity
        entry_id = kept_id or (base_id if base_id not in used_ids else f"{base_id}_{commodity}")
        used_ids.add(entry_id)
        used_folded.update(a.lower() for a in aliases)
        used_folded.update(e.lower() for e in exact_forms)
        entry: dict[str, Any] = {
            "id": entry_id,
            "name": tool.name,
            "category": choose_category(tool.name, commodity),
            "step": choose_step(tool.name, commodity),
            "aliases": aliases,
        }
        if exact_forms:
            entry["exact"] = exact_forms
        entry["ambiguous"] = False
        entry["onet_commodity"] = commodity
        entries.append(entry)
    return entries, dropped


def load_published_ids(path: Path) -> frozenset[str]:
    """Ids of a previous output (empty if there is none); they must stay stable."""
    if not path.exists():
        return frozenset()
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return frozenset(str(s["id"]) for s in data.get("skills") or [])


def validate_steps(entries: list[dict[str, Any]], steps_path: Path) -> None:
    """Fail loudly if an entry points at a step that steps.yaml does not define."""
    if not steps_path.exists():
        return
    steps = {s["id"] for s in yaml.safe_load(steps_path.read_text(encoding="utf-8"))["steps"]}
    unknown = {e["step"] for e in entries} - steps
    if unknown:
        raise SystemExit(f"unknown step ids: {sorted(unknown)}")


class FlowList(list[str]):
    """A list rendered in YAML flow style (``[a, b]``)."""


class TaxonomyDumper(yaml.SafeDumper):
    """Safe dumper that indents block sequences and renders ``FlowList`` inline."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> Any:
        """Indent nested block sequences (``skills:`` then ``  - id: ...``)."""
        return super().increase_indent(flow, False)


def _represent_flow_list(dumper: yaml.SafeDumper, data: FlowList) -> yaml.Node:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=True)


TaxonomyDumper.add_representer(FlowList, _represent_flow_list)


def dump_taxonomy(entries: list[dict[str, Any]], header: list[str], output: Path) -> None:
    """Write ``version: 1`` + ``skills:`` with alias lists in flow style."""
    skills = [
        {k: FlowList(v) if isinstance(v, list) else v for k, v in entry.items()}
        for entry in entries
    ]
    body = yaml.dump(
        {"version": 1, "skills": skills},
        Dumper=TaxonomyDumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
    )
    output.write_text("".join(f"# {line}\n" for line in header) + body, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("onet_file", nargs="?", type=Path, default=DEFAULT_INPUT)
    parser.add_argument("--skills", type=Path, default=DEFAULT_SKILLS)
    parser.add_argument("--steps", type=Path, default=DEFAULT_STEPS)
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)

    if not args.onet_file.exists():
        print(f"O*NET file not found: {args.onet_file}", file=sys.stderr)
        return 1
    curated_ids, folded, exact = load_curated(args.skills)
    tools = select_tools(args.onet_file)
    published = load_published_ids(args.output)
    entries, dropped = build_entries(tools, curated_ids, folded, exact, published)
    validate_steps(entries, args.steps)
    header = [
        "Generated by extractors/taxonomy/build_onet_tools.py -- do not edit by hand.",
        f"Source: O*NET Technology Skills ({args.onet_file.name}); skills.yaml wins on overlap.",
    ]
    dump_taxonomy(entries, header, args.output)

    by_step: defaultdict[str, int] = defaultdict(int)
    for entry in entries:
        by_step[entry["step"]] += 1
    print(f"selected {len(tools)} O*NET examples; wrote {len(entries)} tools to {args.output}")
    print("dropped: " + ", ".join(f"{k}={v}" for k, v in sorted(dropped.items())))
    print("by step: " + ", ".join(f"{k}={v}" for k, v in sorted(by_step.items())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
