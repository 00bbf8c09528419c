"""`skillradar taxonomy` validate / search / show / export, as a user runs them."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import yaml

from extractors.roadmaps import check_roadmaps, load_roadmaps
from extractors.skills import load_taxonomy
from extractors.skills.taxonomy import TAXONOMY_DIR

CLI = [sys.executable, "-m", "pipelines.cli", "taxonomy"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=120, check=False)


def test_bundled_taxonomy_validates_with_at_least_1500_skills() -> None:
    result = run("validate")
    assert result.returncode == 0, result.stderr
    count = int(result.stdout.split("taxonomy OK: ")[1].split(" skills")[0])
    assert count >= 1500
    assert count == len(load_taxonomy().skills)


def test_search_finds_aliases_and_show_prints_them() -> None:
    found = run("search", "sklearn")
    assert found.returncode == 0
    assert "scikit_learn" in found.stdout
    shown = run("show", "scikit_learn")
    assert shown.returncode == 0
    assert "sklearn" in shown.stdout and "classical_ml" in shown.stdout
    missing = run("show", "no_such_skill")
    assert missing.returncode == 2
    assert missing.stderr.strip().count("\n") == 0 and "no_such_skill" in missing.stderr


def test_export_writes_every_skill_as_csv(tmp_path: Path) -> None:
    out = tmp_path / "taxonomy.csv"
    result = run("export", "--output", str(out))
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert len(rows) == len(load_taxonomy().skills)
    k8s = next(r for r in rows if r["id"] == "kubernetes")
    assert "k8s" in k8s["aliases"].split("|")
    assert not any(
        r[c][:1] in {"=", "+", "-", "@"} for r in rows for c in ("id", "name", "aliases")
    )


def test_validate_names_the_problem_in_a_broken_taxonomy(tmp_path: Path) -> None:
    for name in ("steps.yaml", "disambiguation.yaml"):
        (tmp_path / name).write_text((TAXONOMY_DIR / name).read_text())
    skills = [
        {"id": "python", "name": "Python", "category": "language", "step": "programming",
         "aliases": ["python"]},
        {"id": "py", "name": "Py", "category": "language", "step": "programming",
         "aliases": ["Python"]},
    ]  # fmt: skip
    (tmp_path / "skills.yaml").write_text(yaml.safe_dump({"version": 1, "skills": skills}))
    result = run("validate", "--dir", str(tmp_path))
    assert result.returncode == 2
    assert "alias 'Python' names both 'python' and 'py'" in result.stderr
    assert "Traceback" not in result.stderr


def test_roadmaps_load_and_refer_only_to_known_skills_and_steps() -> None:
    taxonomy = load_taxonomy()
    roadmaps = load_roadmaps()
    assert roadmaps[0].id == "unified"
    assert [s.unified_step for s in roadmaps[0].steps] == list(taxonomy.step_ids)
    assert len(roadmaps) == 6
    assert check_roadmaps(roadmaps, taxonomy) == []
    claims = [c for r in roadmaps for c in r.claims if c.kind == "salary"]
    assert claims and all(c.low is None or c.low > 0 for c in claims)
