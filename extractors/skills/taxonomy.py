"""Load and validate the skill taxonomy (``extractors/taxonomy/*.yaml``)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

TAXONOMY_DIR = Path(__file__).resolve().parents[1] / "taxonomy"
SKILL_FILES = ("skills.yaml", "onet_tools.yaml")
STEPS_FILE = "steps.yaml"

CATEGORIES = frozenset(
    {
        "language",
        "library",
        "framework",
        "database",
        "platform",
        "cloud",
        "tool",
        "concept",
        "method",
        "soft_skill",
        "certification",
    }
)


class TaxonomyError(ValueError):
    """A taxonomy file is invalid; the message names the file and the entry."""


@dataclass(frozen=True)
class Step:
    """One step of the unified roadmap."""

    id: str
    name: str
    description: str = ""


@dataclass(frozen=True)
class Skill:
    """A canonical skill with the surface forms that name it."""

    id: str
    name: str
    category: str
    step: str
    aliases: tuple[str, ...] = ()
    exact: tuple[str, ...] = ()
    ambiguous: bool = False
    onet_commodity: str | None = None
    esco_uri: str | None = None


@dataclass(frozen=True)
class Taxonomy:
    """Validated steps and skills, plus a fingerprint of the files they came from."""

    steps: tuple[Step, ...]
    skills: tuple[Skill, ...]
    fingerprint: str = ""
    _by_id: dict[str, Skill] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._by_id.update({s.id: s for s in self.skills})

    def skill(self, skill_id: str) -> Skill:
        """Return the skill with this id (``KeyError`` if unknown)."""
        return self._by_id[skill_id]

    @property
    def step_ids(self) -> tuple[str, ...]:
        """Step ids in roadmap order."""
        return tuple(s.id for s in self.steps)

    @classmethod
    def from_records(
        cls,
        steps: Iterable[dict[str, Any]],
        skills: Iterable[dict[str, Any]],
        *,
        origin: str = "<records>",
        fingerprint: str = "",
    ) -> Taxonomy:
        """Build and validate a taxonomy from plain dicts (as parsed from YAML)."""
        skills = list(skills)
        step_list = [_parse_step(r, origin, i) for i, r in enumerate(steps)]
        skill_list = [_parse_skill(r, origin, i) for i, r in enumerate(skills)]
        taxonomy = cls(tuple(step_list), tuple(skill_list), fingerprint or _hash_records(skills))
        validate(taxonomy, origin)
        return taxonomy


def load_taxonomy(directory: Path = TAXONOMY_DIR) -> Taxonomy:
    """Read ``steps.yaml`` and every skills file present in ``directory`` and validate them."""
    digest = hashlib.sha256()
    steps_doc = _read_yaml(directory / STEPS_FILE, digest)
    steps = [_parse_step(r, STEPS_FILE, i) for i, r in enumerate(_entries(steps_doc, "steps"))]
    skills: list[Skill] = []
    for name in SKILL_FILES:
        path = directory / name
        if not path.exists():
            continue
        doc = _read_yaml(path, digest)
        skills.extend(_parse_skill(r, name, i) for i, r in enumerate(_entries(doc, "skills")))
    taxonomy = Taxonomy(tuple(steps), tuple(skills), digest.hexdigest()[:16])
    validate(taxonomy, str(directory))
    return taxonomy


def validate(taxonomy: Taxonomy, origin: str) -> None:
    """Fail on duplicate ids, unknown steps or categories, and aliases shared by two skills."""
    problems: list[str] = []
    step_ids = [s.id for s in taxonomy.steps]
    problems += [f"duplicate step id {d!r}" for d in _duplicates(step_ids)]
    problems += [f"duplicate skill id {d!r}" for d in _duplicates(s.id for s in taxonomy.skills)]
    known_steps = set(step_ids)
    owner: dict[str, str] = {}
    exact_owner: dict[str, str] = {}
    for skill in taxonomy.skills:
        if skill.step not in known_steps:
            problems.append(f"skill {skill.id!r}: unknown step {skill.step!r}")
        if skill.category not in CATEGORIES:
            problems.append(f"skill {skill.id!r}: unknown category {skill.category!r}")
        if not skill.aliases and not skill.exact:
            problems.append(f"skill {skill.id!r}: no aliases or exact forms")
        for alias in skill.aliases:
            key = alias.casefold()
            if key in owner and owner[key] != skill.id:
                problems.append(f"alias {alias!r} names both {owner[key]!r} and {skill.id!r}")
            owner[key] = skill.id
        for form in skill.exact:
            if form in exact_owner and exact_owner[form] != skill.id:
                problems.append(
                    f"exact form {form!r} names both {exact_owner[form]!r} and {skill.id!r}"
                )
            exact_owner[form] = skill.id
    for form, skill_id in exact_owner.items():
        other = owner.get(form.casefold())
        if other and other != skill_id:
            problems.append(f"exact form {form!r} of {skill_id!r} is an alias of {other!r}")
    if problems:
        shown = "\n  ".join(problems[:20])
        more = f"\n  … and {len(problems) - 20} more" if len(problems) > 20 else ""
        raise TaxonomyError(f"{origin}: {len(problems)} problem(s):\n  {shown}{more}")


def _read_yaml(path: Path, digest: Any) -> Any:
    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise TaxonomyError(f"{path}: file not found") from exc
    digest.update(raw)
    try:
        return yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        raise TaxonomyError(f"{path}: not valid YAML: {exc}") from exc


def _entries(doc: Any, key: str) -> list[dict[str, Any]]:
    if not isinstance(doc, dict) or not isinstance(doc.get(key), list):
        raise TaxonomyError(f"expected a mapping with a list under {key!r}")
    return doc[key]


def _parse_step(record: Any, origin: str, index: int) -> Step:
    if not isinstance(record, dict) or not record.get("id") or not record.get("name"):
        raise TaxonomyError(f"{origin}: step #{index + 1} needs an id and a name")
    return Step(str(record["id"]), str(record["name"]), str(record.get("description", "")))


def _parse_skill(record: Any, origin: str, index: int) -> Skill:
    where = f"{origin}: skill #{index + 1}"
    if not isinstance(record, dict):
        raise TaxonomyError(f"{where} is not a mapping")
    missing = [k for k in ("id", "name", "category", "step") if not record.get(k)]
    if missing:
        raise TaxonomyError(f"{where} ({record.get('id', '?')}) is missing {', '.join(missing)}")
    unknown = set(record) - {f for f in Skill.__dataclass_fields__}
    if unknown:
        raise TaxonomyError(f"{where} ({record['id']}) has unknown keys {sorted(unknown)}")
    aliases = _strings(record.get("aliases"), f"{where} ({record['id']}) aliases")
    exact = _strings(record.get("exact"), f"{where} ({record['id']}) exact")
    return Skill(
        id=str(record["id"]),
        name=str(record["name"]),
        category=str(record["category"]),
        step=str(record["step"]),
        aliases=aliases,
        exact=exact,
        ambiguous=bool(record.get("ambiguous", False)),
        onet_commodity=_optional_str(record.get("onet_commodity")),
        esco_uri=_optional_str(record.get("esco_uri")),
    )


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str | int | float) for v in value):
        raise TaxonomyError(f"{where} must be a list of strings")
    out = tuple(str(v).strip() for v in value)
    if any(not v for v in out):
        raise TaxonomyError(f"{where} contains an empty string")
    return out


def _optional_str(value: Any) -> str | None:
    return None if value in (None, "") else str(value)


def _duplicates(values: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    dups: list[str] = []
    for v in values:
        if v in seen and v not in dups:
            dups.append(v)
        seen.add(v)
    return dups


def _hash_records(records: Iterable[dict[str, Any]]) -> str:
    return hashlib.sha256(repr(list(records)).encode()).hexdigest()[:16]
