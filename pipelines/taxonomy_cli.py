"""``skillradar taxonomy``: validate, search, show and export the skill taxonomy."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from extractors.roadmaps import ROADMAPS_DIR, check_roadmaps, load_roadmaps
from extractors.skills.extract import SkillExtractor
from extractors.skills.taxonomy import TAXONOMY_DIR, Skill, Taxonomy, TaxonomyError, load_taxonomy
from warehouse.exports import safe_cell

app = typer.Typer(
    help="Validate, search, show and export the skill taxonomy.", no_args_is_help=True
)
EXPORT_COLUMNS = (
    "id", "name", "category", "step", "aliases", "exact", "ambiguous", "onet_commodity", "esco_uri",
)  # fmt: skip
DirOption = Annotated[Path, typer.Option("--dir", help="taxonomy folder")]


def _load(directory: Path) -> Taxonomy:
    try:
        return load_taxonomy(directory)
    except TaxonomyError as exc:
        typer.echo(f"skillradar: error: {exc}", err=True)
        raise typer.Exit(2) from None


@app.command()
def validate(directory: DirOption = TAXONOMY_DIR) -> None:
    """Check skills, steps, disambiguation rules and roadmaps; exit 2 on any problem."""
    taxonomy = _load(directory)
    problems: list[str] = []
    try:
        extractor = SkillExtractor(directory)
        rules = extractor.matcher.rules
        problems += [f"disambiguation.yaml names unknown skill {s!r}" for s in
                     rules.unknown_skills({s.id for s in taxonomy.skills})]  # fmt: skip
        roadmaps_dir = directory / ROADMAPS_DIR.name
        if roadmaps_dir.is_dir():
            problems += check_roadmaps(load_roadmaps(roadmaps_dir), taxonomy)
    except TaxonomyError as exc:
        problems.append(str(exc))
    if problems:
        for problem in problems:
            typer.echo(f"skillradar: error: {problem}", err=True)
        raise typer.Exit(2)
    by_category: dict[str, int] = {}
    for skill in taxonomy.skills:
        by_category[skill.category] = by_category.get(skill.category, 0) + 1
    summary = ", ".join(f"{k} {v}" for k, v in sorted(by_category.items()))
    typer.echo(
        f"taxonomy OK: {len(taxonomy.skills)} skills, {len(taxonomy.steps)} steps ({summary})"
    )


@app.command()
def search(
    text: Annotated[str, typer.Argument(help="words to look for in names and aliases")],
    directory: DirOption = TAXONOMY_DIR,
    limit: int = 20,
) -> None:
    """Find skills whose id, name or aliases contain TEXT (case-insensitive)."""
    needle = text.casefold()
    taxonomy = _load(directory)
    hits = [s for s in taxonomy.skills if needle in _haystack(s)]
    hits.sort(key=lambda s: (needle not in (s.name.casefold(), s.id), len(s.name)))
    if not hits:
        typer.echo(f"no skill matches {text!r}")
        raise typer.Exit(1)
    table = Table("id", "name", "category", "step", "aliases")
    for skill in hits[:limit]:
        table.add_row(skill.id, skill.name, skill.category, skill.step, ", ".join(_forms(skill)))
    Console().print(table)
    if len(hits) > limit:
        typer.echo(f"… {len(hits) - limit} more (use --limit)")


@app.command()
def show(
    skill_id: Annotated[str, typer.Argument(help="a skill id")], directory: DirOption = TAXONOMY_DIR
) -> None:
    """Everything the taxonomy says about one skill."""
    taxonomy = _load(directory)
    try:
        skill = taxonomy.skill(skill_id)
    except KeyError:
        typer.echo(f"skillradar: error: no skill with id {skill_id!r} (try `taxonomy search`)",
                   err=True)  # fmt: skip
        raise typer.Exit(2) from None
    step = next(s for s in taxonomy.steps if s.id == skill.step)
    for label, value in (
        ("id", skill.id), ("name", skill.name), ("category", skill.category),
        ("step", f"{step.id} ({step.name})"), ("aliases", ", ".join(skill.aliases) or "-"),
        ("exact forms", ", ".join(skill.exact) or "-"),
        ("ambiguous", "yes: counted only in technical context" if skill.ambiguous else "no"),
        ("O*NET commodity", skill.onet_commodity or "-"), ("ESCO", skill.esco_uri or "-"),
    ):  # fmt: skip
        typer.echo(f"{label:>16}: {value}")


@app.command()
def export(
    output: Annotated[Path, typer.Option("--output", "-o", help="CSV file to write")],
    directory: DirOption = TAXONOMY_DIR,
) -> None:
    """Write the taxonomy as CSV for review (aliases joined with |)."""
    taxonomy = _load(directory)
    try:
        with output.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(EXPORT_COLUMNS)
            for s in taxonomy.skills:
                writer.writerow([
                    _safe(s.id), _safe(s.name), s.category, s.step, _safe("|".join(s.aliases)),
                    _safe("|".join(s.exact)), s.ambiguous, s.onet_commodity or "", s.esco_uri or "",
                ])  # fmt: skip
    except OSError as exc:
        typer.echo(f"skillradar: error: cannot write {output}: {exc.strerror}", err=True)
        raise typer.Exit(2) from None
    typer.echo(f"wrote {len(taxonomy.skills)} skills to {output}")


def _forms(skill: Skill) -> list[str]:
    return [*skill.aliases, *skill.exact]


def _haystack(skill: Skill) -> str:
    return "\n".join([skill.id, skill.name, *_forms(skill)]).casefold()


def _safe(cell: str) -> str:
    return str(safe_cell(cell))
