import shutil
from pathlib import Path

import pytest
import spacy
import yaml
from spacy.attrs import NORM, ORTH
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from extractors.skills import SkillExtractor, TaxonomyError, load_taxonomy
from extractors.skills.component import _longest_first
from extractors.skills.taxonomy import TAXONOMY_DIR
from extractors.skills.tokenizer import blank_english, special_cases

STEPS = [
    {"id": "programming", "name": "Programming"},
    {"id": "classical_ml", "name": "Classical ML"},
    {"id": "data_engineering", "name": "Data engineering and SQL"},
]
SKILLS = [
    {"id": "python", "name": "Python", "category": "language", "step": "programming",
     "aliases": ["python", "python3"]},
    {"id": "go", "name": "Go", "category": "language", "step": "programming",
     "aliases": ["golang"], "exact": ["Go"], "ambiguous": True},
    {"id": "r", "name": "R", "category": "language", "step": "programming",
     "exact": ["R"], "ambiguous": True},
    {"id": "excel", "name": "Microsoft Excel", "category": "tool", "step": "data_engineering",
     "aliases": ["microsoft excel", "ms excel"], "exact": ["Excel"], "ambiguous": True},
    {"id": "scikit_learn", "name": "scikit-learn", "category": "library", "step": "classical_ml",
     "aliases": ["scikit-learn", "sklearn", "scikit learn"]},
    {"id": "sql", "name": "SQL", "category": "language", "step": "data_engineering",
     "aliases": ["sql"]},
    {"id": "c_sharp", "name": "C#", "category": "language", "step": "programming",
     "aliases": ["c#", "csharp"]},
]  # fmt: skip


def write_taxonomy(directory: Path, skills: list[dict], steps: list[dict] = STEPS) -> Path:
    """A tiny taxonomy with the real disambiguation rules."""
    (directory / "steps.yaml").write_text(yaml.safe_dump({"version": 1, "steps": steps}))
    (directory / "skills.yaml").write_text(yaml.safe_dump({"version": 1, "skills": skills}))
    shutil.copy(TAXONOMY_DIR / "disambiguation.yaml", directory / "disambiguation.yaml")
    return directory


@pytest.fixture(scope="module")
def extractor(tmp_path_factory: pytest.TempPathFactory) -> SkillExtractor:
    return SkillExtractor(write_taxonomy(tmp_path_factory.mktemp("tax"), SKILLS))


def found(extractor: SkillExtractor, text: str) -> list[tuple[str, str]]:
    return [(m.skill_id, m.text) for m in extractor.extract(text)]


def test_offsets_point_at_the_surface_text(extractor: SkillExtractor) -> None:
    text = "You will build models in Python 3 with sklearn and write SQL daily."
    mentions = extractor.extract(text)
    assert [(m.skill_id, m.start, m.end, m.text) for m in mentions] == [
        ("python", 25, 31, "Python"),
        ("scikit_learn", 39, 46, "sklearn"),
        ("sql", 57, 60, "SQL"),
    ]
    for m in mentions:
        assert text[m.start : m.end] == m.text


def test_spelling_variants_map_to_one_canonical_skill(extractor: SkillExtractor) -> None:
    text = "scikit-learn, Scikit Learn and SKLEARN are all the same library."
    mentions = extractor.extract(text)
    assert {m.skill_id for m in mentions} == {"scikit_learn"}
    assert {m.name for m in mentions} == {"scikit-learn"}
    assert len(mentions) == 3


def test_step_and_category_come_from_the_taxonomy(extractor: SkillExtractor) -> None:
    (m,) = extractor.extract("Strong SQL.")
    assert (m.name, m.category, m.step) == ("SQL", "language", "data_engineering")


@pytest.mark.parametrize(
    "text",
    [
        "Own our go-to-market strategy and partner with sales.",
        "Go-to-market experience with Python is a plus.",
        "Funding for R&D projects in Python.",
        "Present to the C-suite.",
        "You will excel at communication and collaboration.",
        "Candidates who Excel at stakeholder management.",
        "We go above and beyond for our customers.",
    ],
)
def test_ordinary_words_are_not_skills(extractor: SkillExtractor, text: str) -> None:
    ids = {m.skill_id for m in extractor.extract(text)}
    assert ids <= {"python"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Experience with Python, R and SQL.", {"python", "r", "sql"}),
        ("Backend services written in Go and Python.", {"go", "python"}),
        ("Golang microservices.", {"go"}),
        ("Advanced Excel skills (pivot tables, VLOOKUP).", {"excel"}),
        ("Knowledge of C# and .NET.", {"c_sharp"}),
        ("Go-based services in Python.", {"go", "python"}),
    ],
)
def test_ambiguous_skills_in_technical_context(
    extractor: SkillExtractor, text: str, expected: set[str]
) -> None:
    assert {m.skill_id for m in extractor.extract(text)} == expected


def test_lowercase_exact_forms_do_not_match(extractor: SkillExtractor) -> None:
    assert found(extractor, "ready to go, r u there, excel") == []


def test_extract_many_keeps_order(extractor: SkillExtractor) -> None:
    results = list(extractor.extract_many(["SQL", "", "Python and SQL"]))
    assert [[m.skill_id for m in r] for r in results] == [["sql"], [], ["python", "sql"]]


def test_version_changes_with_the_taxonomy(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    a = SkillExtractor(write_taxonomy(tmp_path / "a", SKILLS))
    b = SkillExtractor(write_taxonomy(tmp_path / "b", SKILLS[:-1]))
    same = SkillExtractor(tmp_path / "a")
    assert a.version != b.version
    assert a.version == same.version


def test_component_round_trips_through_disk(extractor: SkillExtractor, tmp_path: Path) -> None:
    extractor.nlp.to_disk(tmp_path / "pipeline")
    import spacy

    restored = spacy.load(tmp_path / "pipeline")
    doc = restored("Python and sklearn")
    assert [s.label_ for s in doc.spans["skills"]] == ["python", "scikit_learn"]


@pytest.mark.parametrize(
    ("skills", "message"),
    [
        ([*SKILLS, {**SKILLS[0]}], "duplicate skill id 'python'"),
        ([*SKILLS, {**SKILLS[0], "id": "py2", "aliases": ["Python3"]}],
         "alias 'Python3' names both 'python' and 'py2'"),
        ([{**SKILLS[0], "step": "cooking"}], "unknown step 'cooking'"),
        ([{**SKILLS[0], "category": "vibe"}], "unknown category 'vibe'"),
        ([{**SKILLS[0], "aliases": ["python", ""]}], "empty string"),
    ],
)  # fmt: skip
def test_invalid_taxonomies_fail_with_clear_messages(
    tmp_path: Path, skills: list[dict], message: str
) -> None:
    with pytest.raises(TaxonomyError, match=message.replace("(", r"\(")):
        load_taxonomy(write_taxonomy(tmp_path, skills))


def test_whitespace_special_cases_are_dropped_without_changing_tokens() -> None:
    rules = special_cases(spacy.blank("en").Defaults.tokenizer_exceptions)
    assert "\n" not in rules and " " not in rules and "\t" not in rules
    assert rules["\xa0"] == [{ORTH: "\xa0", NORM: "  "}]  # it sets a NORM, so it stays
    doc = blank_english()("Python\nSQL  and\tGo \n you'll")
    expected = ["Python", "\n", "SQL", " ", "and", "\t", "Go", "\n ", "you", "'ll"]
    assert [t.text for t in doc] == expected


def test_longest_first_keeps_what_filter_spans_keeps() -> None:
    doc = Doc(spacy.blank("en").vocab, words=["a", "b", "c", "d", "e", "f"])
    matches = [(1, 0, 1), (2, 0, 2), (3, 1, 3), (4, 3, 4), (5, 3, 4), (6, 4, 6), (7, 5, 6)]
    spans = filter_spans([Span(doc, start, end, label=label) for label, start, end in matches])
    expected = [(s.label, s.start, s.end) for s in spans]
    assert _longest_first(matches) == expected == [(2, 0, 2), (4, 3, 4), (6, 4, 6)]
