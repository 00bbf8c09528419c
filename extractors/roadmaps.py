"""Roadmaps as data: the seed articles' ordered steps, skills, courses and testable claims."""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from extractors.skills.taxonomy import TAXONOMY_DIR, Taxonomy, TaxonomyError

ROADMAPS_DIR = TAXONOMY_DIR / "roadmaps"


class Course(BaseModel):
    """A course, programme or book a roadmap recommends, with its stated facts."""

    model_config = ConfigDict(extra="allow", frozen=True)

    name: str
    provider: str | None = None
    url: str | None = None
    duration: str | None = None
    level: str | None = None
    price: str | None = None
    certification_skill_id: str | None = None


class RoadmapStep(BaseModel):
    """One ordered step of a roadmap, mapped to a unified step and to taxonomy skills."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    name: str
    unified_step: str
    duration: str | None = None
    skills: list[str] = []
    missing_skills: list[str] = []
    courses: list[Course] = []
    certifications: list[str] = []


class Claim(BaseModel):
    """A statement in a roadmap that the data can test."""

    model_config = ConfigDict(extra="allow", frozen=True)

    id: str
    kind: str
    text: str
    role: str | None = None
    level: str | None = None
    region: str | None = None
    currency: str | None = None
    period: str | None = None
    low: float | None = None
    high: float | None = None
    skills: list[str] = []


class Roadmap(BaseModel):
    """A learning roadmap: a seed article or a user-defined one."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    version: int = 1
    id: str
    title: str | None
    publisher: str | None = None
    author: str | None = None
    published: str | None = None
    seed_file: str | None = None
    summary: str = ""
    steps: list[RoadmapStep]
    claims: list[Claim] = []

    def skill_ids(self) -> set[str]:
        """Every skill id the roadmap refers to."""
        ids = {s for step in self.steps for s in (*step.skills, *step.certifications)}
        ids |= {
            c.certification_skill_id
            for st in self.steps
            for c in st.courses
            if c.certification_skill_id is not None
        }
        ids |= {s for claim in self.claims for s in claim.skills}
        return ids


def load_roadmap(path: Path) -> Roadmap:
    """Read one roadmap file, naming the file and key on error."""
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        return Roadmap.model_validate(doc)
    except (OSError, yaml.YAMLError) as exc:
        raise TaxonomyError(f"{path}: cannot read roadmap: {exc}") from exc
    except ValidationError as exc:
        first = exc.errors()[0]
        key = ".".join(str(p) for p in first["loc"])
        raise TaxonomyError(f"{path}: key {key!r}: {first['msg']}") from exc


def load_roadmaps(directory: Path = ROADMAPS_DIR) -> list[Roadmap]:
    """Every roadmap in ``directory``, the unified one first."""
    roadmaps = [load_roadmap(p) for p in sorted(directory.glob("*.yaml"))]
    return sorted(roadmaps, key=lambda r: (r.id != "unified", r.id))


def check_roadmaps(roadmaps: list[Roadmap], taxonomy: Taxonomy) -> list[str]:
    """Problems: duplicate ids, unknown unified steps or skills."""
    problems = []
    known_skills = {s.id for s in taxonomy.skills}
    steps = set(taxonomy.step_ids)
    seen: set[str] = set()
    for roadmap in roadmaps:
        if roadmap.id in seen:
            problems.append(f"duplicate roadmap id {roadmap.id!r}")
        seen.add(roadmap.id)
        step_ids = [s.id for s in roadmap.steps]
        if len(set(step_ids)) != len(step_ids):
            problems.append(f"roadmap {roadmap.id!r}: duplicate step ids")
        for step in roadmap.steps:
            if step.unified_step not in steps:
                problems.append(f"roadmap {roadmap.id!r} step {step.id!r}: unknown unified step "
                                f"{step.unified_step!r}")  # fmt: skip
        for skill in sorted(roadmap.skill_ids() - known_skills):
            problems.append(f"roadmap {roadmap.id!r}: unknown skill {skill!r}")
    return problems
