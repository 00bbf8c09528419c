"""Job titles: role families, seniority and the description fallback.

Titles are real ones from the aijobs salary survey (data/salaries/aijobs) and the LinkedIn sample
(data/postings/linkedin_2023_2024), plus a few written in the shapes postings use; the labels
are judged by hand.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractors.titles import (
    ROLE_FAMILIES,
    ROLE_FAMILY_LABELS,
    SENIORITIES,
    SENIORITY_LABELS,
    classify_role,
    clean_title,
    is_uninformative,
    role_family,
    seniority,
)

TITLES = [
    # ML engineering
    ("Machine Learning Engineer", "ml_engineer", "mid"),
    ("Senior Machine Learning Engineer", "ml_engineer", "senior"),
    ("Sr. ML Engineer", "ml_engineer", "senior"),
    ("Staff Machine Learning Engineer", "ml_engineer", "staff_principal"),
    ("Principal Machine Learning Engineer", "ml_engineer", "staff_principal"),
    ("Lead Machine Learning Engineer", "ml_engineer", "lead_manager"),
    ("Computer Vision Engineer", "ml_engineer", "mid"),
    ("NLP Engineer", "ai_llm_engineer", "mid"),
    ("Deep Learning Engineer", "ml_engineer", "mid"),
    ("Machine Learning Engineer 5", "ml_engineer", "staff_principal"),
    ("AI/ML Engineer II", "ml_engineer", "mid"),
    ("Software Engineer, Machine Learning", "ml_engineer", "mid"),
    ("MLE III", "ml_engineer", "senior"),
    ("Director of Machine Learning", "ml_engineer", "lead_manager"),
    ("Head of Machine Learning", "ml_engineer", "lead_manager"),
    ("Junior Machine Learning Developer", "ml_engineer", "junior"),
    # LLM and AI engineering
    ("AI Engineer", "ai_llm_engineer", "mid"),
    ("Senior LLM Engineer", "ai_llm_engineer", "senior"),
    ("Generative AI Engineer", "ai_llm_engineer", "mid"),
    ("Prompt Engineer", "ai_llm_engineer", "mid"),
    ("Machine Learning Engineer, GenAI", "ai_llm_engineer", "mid"),
    ("Artificial Intelligence Engineer Intern - Chatbot", "ai_llm_engineer", "intern"),
    ("Head of AI", "ai_llm_engineer", "lead_manager"),
    ("AI Software Engineer", "ai_llm_engineer", "mid"),
    # MLOps / ML platform
    ("MLOps Engineer", "mlops_platform", "mid"),
    ("Machine Learning Platform Engineer", "mlops_platform", "mid"),
    ("ML Infrastructure Engineer", "mlops_platform", "mid"),
    ("Senior Software Engineer, ML Infrastructure", "mlops_platform", "senior"),
    ("Staff Engineer - AI Platform", "mlops_platform", "staff_principal"),
    # Data science
    ("Data Scientist", "data_scientist", "mid"),
    ("Data Scientist II", "data_scientist", "mid"),
    ("Sr Data Scientist", "data_scientist", "senior"),
    ("Lead Data Scientist", "data_scientist", "lead_manager"),
    ("Data Science Manager", "data_scientist", "lead_manager"),
    ("Decision Scientist", "data_scientist", "mid"),
    ("Statistician", "data_scientist", "mid"),
    ("Associate Data Scientist", "data_scientist", "junior"),
    ("Data Scientist Intern", "data_scientist", "intern"),
    ("Data Scientist - Machine Learning", "data_scientist", "mid"),
    ("Principal Data Scientist", "data_scientist", "staff_principal"),
    # Research
    ("Research Scientist", "research_scientist", "mid"),
    ("Applied Scientist", "research_scientist", "mid"),
    ("Machine Learning Researcher", "research_scientist", "mid"),
    ("Research Engineer", "research_scientist", "mid"),
    ("Senior Machine Learning Research Engineer", "research_scientist", "senior"),
    ("AI Research Scientist", "research_scientist", "mid"),
    ("Postdoctoral Fellow", "research_scientist", "junior"),
    ("Machine Learning Scientist", "research_scientist", "mid"),
    # Data engineering
    ("Data Engineer", "data_engineer", "mid"),
    ("Sr Data Engineer with Kafka", "data_engineer", "senior"),
    ("Analytics Engineer", "data_engineer", "mid"),
    ("Big Data Engineer", "data_engineer", "mid"),
    ("ETL Developer", "data_engineer", "mid"),
    ("Data Architect", "data_engineer", "staff_principal"),
    ("Database Administrator (BOCA RATON)", "data_engineer", "mid"),
    ("Azure Data Engineer (Full time)", "data_engineer", "mid"),
    ("Principal Data Engineer", "data_engineer", "staff_principal"),
    ("Junior ETL QA Test Engineer", "data_engineer", "junior"),
    # Data analysis
    ("Data Analyst", "data_analyst", "mid"),
    ("BI Analyst", "data_analyst", "mid"),
    ("Business Intelligence Developer", "data_engineer", "mid"),
    ("Power BI Developer", "data_engineer", "mid"),
    ("Junior Business Analyst", "data_analyst", "junior"),
    ("Product Analyst", "data_analyst", "mid"),
    ("Marketing Analytics Manager", "data_analyst", "lead_manager"),
    ("Head of Business Intelligence", "data_analyst", "lead_manager"),
    ("eCommerce Data Analyst", "data_analyst", "mid"),
    ("Data Analyst I", "data_analyst", "junior"),
    ("Intern- Business Analytics", "data_analyst", "intern"),
    # Software engineering
    ("Software Engineer", "software_engineer", "mid"),
    ("Senior Software Engineer", "software_engineer", "senior"),
    ("SWE II", "software_engineer", "mid"),
    ("Sr. SDE", "software_engineer", "senior"),
    ("Full Stack Engineer", "software_engineer", "mid"),
    ("Principal Backend Engineer", "software_engineer", "staff_principal"),
    ("Site Reliability Engineer", "software_engineer", "mid"),
    ("Engineering Manager", "software_engineer", "lead_manager"),
    ("VP of Engineering", "software_engineer", "lead_manager"),
    ("Android Developer Intern (Unpaid)", "software_engineer", "intern"),
    ("Java Technical Lead", "software_engineer", "lead_manager"),
    ("Senior Developer – React Native", "software_engineer", "senior"),
    # Other
    ("AI Product Manager", "other", "lead_manager"),
    ("Data Product Owner", "other", "mid"),
    ("Sales Engineer", "other", "mid"),
    ("Technical Writer", "other", "mid"),
    ("Mechanical Engineer", "other", "mid"),
    ("Marketing Coordinator", "other", "mid"),
    ("Registered Nurse", "other", "mid"),
    ("Business Development Manager", "other", "lead_manager"),
    ("Receptionist/Data Entry", "other", "mid"),
    ("Engineer II", "other", "mid"),
    ("Consultant", "other", "mid"),
    ("Medical Coder", "other", "mid"),
    ("UX Researcher", "other", "mid"),
    ("Manufacturing Engineering Manager", "other", "lead_manager"),
]


@pytest.mark.parametrize(("title", "family", "level"), TITLES)
def test_role_family_and_seniority(title: str, family: str, level: str) -> None:
    assert (role_family(title), seniority(title)) == (family, level)


def test_every_label_is_known() -> None:
    assert {f for _, f, _ in TITLES} == set(ROLE_FAMILIES)
    assert {s for _, _, s in TITLES} == set(SENIORITIES)
    assert set(ROLE_FAMILY_LABELS) == set(ROLE_FAMILIES)
    assert ROLE_FAMILY_LABELS["ai_llm_engineer"] == "AI/LLM engineer"
    assert SENIORITY_LABELS["staff_principal"] == "Staff / Principal"


@pytest.mark.parametrize(
    ("title", "level"),
    [
        ("Data Scientist III", "senior"),
        ("Software Engineer 2", "mid"),
        ("Data Engineer IV", "senior"),
        ("ML Engineer V", "staff_principal"),
        ("Jr. Data Analyst", "junior"),
        ("Entry-Level Data Analyst", "junior"),
        ("New Grad Software Engineer", "junior"),
        ("Werkstudent Data Science (m/w/d)", "intern"),
        ("Machine Learning Co-op", "intern"),
        ("Senior Manager, Data Science", "lead_manager"),
        ("Associate Director, Analytics", "lead_manager"),
        ("Senior Product Manager", "lead_manager"),
        ("Member of Technical Staff", "mid"),
        ("Senior Staff Software Engineer", "staff_principal"),
        ("Distinguished Engineer", "staff_principal"),
        ("CTO", "lead_manager"),
        ("Chief Data Officer", "lead_manager"),
        ("3D Artist", "mid"),
        ("AI Engineer", "mid"),
    ],
)
def test_seniority_words_and_levels(title: str, level: str) -> None:
    assert seniority(title) == level


@pytest.mark.parametrize(
    ("title", "uninformative"),
    [
        ("Engineer II", True),
        ("Senior Consultant", True),
        ("Analyst", True),
        ("Member of Technical Staff", True),
        ("Data Engineer", False),
        ("Mechanical Engineer", False),
        (None, True),
    ],
)
def test_uninformative_titles(title: str | None, uninformative: bool) -> None:
    assert is_uninformative(title) is uninformative


ML_DESCRIPTION = (
    "You will train and deploy machine learning models with PyTorch, run model training at scale "
    "and work with our machine learning engineers on computer vision and NLP problems."
)
DE_DESCRIPTION = (
    "Build data pipelines with Airflow and dbt, maintain our Snowflake data warehouse and "
    "stream events with Kafka. You will join a team of data engineers."
)
VAGUE_DESCRIPTION = "Join a friendly team. Great benefits, flexible hours and a modern office."


def test_classify_role_reads_the_description_only_for_uninformative_titles() -> None:
    assert classify_role("Engineer II", ML_DESCRIPTION) == ("ml_engineer", "mid")
    assert classify_role("Senior Consultant", DE_DESCRIPTION) == ("data_engineer", "senior")
    assert classify_role("Engineer II", VAGUE_DESCRIPTION) == ("other", "mid")
    assert classify_role("Data Analyst", ML_DESCRIPTION) == ("data_analyst", "mid")
    assert classify_role("Registered Nurse", ML_DESCRIPTION) == ("other", "mid")
    assert classify_role(None, None) == ("other", "mid")


def test_classify_role_matches_role_family_and_seniority() -> None:
    for title, family, level in TITLES:
        assert classify_role(title) == (family, level)


def test_clean_title() -> None:
    assert clean_title("  Senior\n Data &amp; ML  Engineer ") == "Senior Data & ML Engineer"
    assert clean_title("  ") is None


@given(st.one_of(st.none(), st.text(max_size=200)), st.one_of(st.none(), st.text(max_size=500)))
def test_classifiers_never_raise(title: str | None, description: str | None) -> None:
    family, level = classify_role(title, description)
    assert family in ROLE_FAMILIES
    assert level in SENIORITIES
    assert role_family(title) in ROLE_FAMILIES


def test_evaluate_titles_on_a_small_file(tmp_path: Path) -> None:
    from rich.console import Console

    from pipelines.eval_titles import evaluate_titles

    labels = tmp_path / "titles.jsonl"
    rows = [
        {"title": "Senior Data Scientist", "role_family": "data_scientist", "seniority": "senior"},
        {"title": "MLOps Engineer", "role_family": "mlops_platform", "seniority": "mid"},
        {"title": "Data Engineer", "role_family": "data_analyst", "seniority": "junior"},
        {"title": "Nurse", "role_family": "other", "seniority": "mid"},
    ]
    labels.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    console = Console(record=True, width=140)
    assert evaluate_titles(console, labels) == {"role_accuracy": 0.75, "seniority_accuracy": 0.75}
    assert "data_analyst" in console.export_text()
    assert evaluate_titles(console, tmp_path / "missing.jsonl") == {}


@pytest.mark.parametrize(
    ("title", "family"),
    [
        ("Quantitative Researcher", "data_scientist"),
        ("Senior Quant Developer", "data_scientist"),
        ("Bioinformatics Scientist", "data_scientist"),
        ("Computational Biologist", "data_scientist"),
        ("NLP Engineer", "ai_llm_engineer"),
        ("NLP Research Scientist", "research_scientist"),
    ],
)
def test_modelling_roles_named_by_their_field(title: str, family: str) -> None:
    assert role_family(title) == family
