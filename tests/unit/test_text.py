"""Posting text: encoding repair, HTML to text and language detection."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractors.text import (
    LANGUAGES,
    _features,
    _identifier,
    clean_field,
    clean_text,
    detect_language,
    fix_encoding,
    html_to_text,
    looks_like_html,
)


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [
        ("Youâ€™ll join a great team", "You’ll join a great team"),
        ("â€¢ Python", "• Python"),
        ("Work â€“ life balance", "Work – life balance"),
        ("â€œData-drivenâ€\x9d decisions", "“Data-driven” decisions"),
        ("CafÃ© and crÃ¨me brÃ»lÃ©e", "Café and crème brûlée"),
        ("MÃ¼nchen, Deutschland", "München, Deutschland"),
        ("plain ASCII stays", "plain ASCII stays"),
        ("You’ll keep “curly” quotes", "You’ll keep “curly” quotes"),
        ("東京のデータエンジニア", "東京のデータエンジニア"),
    ],
)
def test_fix_encoding(broken: str, fixed: str) -> None:
    assert fix_encoding(broken) == fixed


def test_clean_text_repairs_mojibake_and_keeps_structure() -> None:
    markup = (
        "<h3>What youâ€™ll do</h3><ul><li>Build pipelines</li><li>â€¢ Ship models</li></ul>"
        "<p>Weâ€™re hiring&nbsp;now</p>"
    )
    assert clean_text(markup) == (
        "What you’ll do\n\n- Build pipelines\n- Ship models\n\nWe’re hiring now"
    )


def test_clean_text_plain_mojibake() -> None:
    raw = "Requirements:\r\nâ€¢ SQL\r\nâ€¢ Python â€“ 3+ years"
    assert clean_text(raw) == "Requirements:\n• SQL\n• Python – 3+ years"


def test_html_lists_and_headings_stay_on_their_own_lines() -> None:
    markup = (
        "<div><h2>About you</h2><ol><li>Spark &amp; Kafka</li><li>dbt</li></ol>"
        "<h2>Benefits</h2><p>Remote<br>Equity</p><script>track()</script></div>"
    )
    assert clean_text(markup) == (
        "About you\n\n- Spark & Kafka\n- dbt\n\nBenefits\n\nRemote\nEquity"
    )
    assert "- Spark & Kafka" in html_to_text(markup)


def test_clean_field_repairs_and_single_spaces() -> None:
    assert clean_field("  DÃ¼sseldorf &amp;\n KÃ¶ln ") == "Düsseldorf & Köln"
    assert clean_field("Senior  Data\tEngineer") == "Senior Data Engineer"
    assert clean_field("   ") is None
    assert clean_field(None) is None


def test_looks_like_html() -> None:
    assert looks_like_html("<p>Hi</p>")
    assert not looks_like_html("3 < 5 and x > 2")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("We are looking for a Senior Data Engineer to build and run our data platform. You will "
         "design pipelines and work closely with analysts.", "en"),
        ("Wir suchen einen erfahrenen Data Engineer (m/w/d), der unsere Datenplattform aufbaut "
         "und gemeinsam mit dem Team weiterentwickelt.", "de"),
        ("Nous recherchons un ingénieur de données expérimenté pour rejoindre notre équipe à "
         "Paris et construire nos pipelines de données.", "fr"),
        ("Buscamos un ingeniero de datos con experiencia para unirse a nuestro equipo en Madrid "
         "y diseñar nuestros procesos de datos.", "es"),
        ("Cerchiamo un data engineer con esperienza per entrare nel nostro team di Milano e "
         "sviluppare la piattaforma dati.", "it"),
        ("Je bent een ervaren data engineer en je bouwt samen met het team aan ons dataplatform.",
         "nl"),
        ("データエンジニアを募集しています。東京オフィスでデータ基盤の開発を担当していただきます。",
         "ja"),
    ],
)  # fmt: skip
def test_detect_language(text: str, language: str) -> None:
    assert detect_language(text) == language


@pytest.mark.parametrize("text", [None, "", "Python, SQL", "Data Engineer (m/w/d)", "12345 !!!"])
def test_detect_language_is_none_for_short_text(text: str | None) -> None:
    assert detect_language(text) is None


@given(st.text(max_size=400))
def test_text_functions_never_raise_on_unicode(text: str) -> None:
    cleaned = clean_text(text)
    assert "\r" not in cleaned
    assert cleaned == cleaned.strip()
    field = clean_field(text)
    assert field is None or ("\n" not in field and field == field.strip())
    assert detect_language(text) in (None, *LANGUAGES)


_FRAGMENTS = st.sampled_from(
    ["<p>", "</p>", "<ul>", "<li>", "</li>", "<br/>", "<h2>", "</h2>", "&amp;", "&nbsp;", "â€™",
     "â€¢", "<script>x()</script>", "<", ">", "\r\n", "Python", " ", "é", "<div class='a'>"]
)  # fmt: skip


@given(st.lists(st.one_of(_FRAGMENTS, st.text(max_size=10)), max_size=30))
def test_clean_text_never_raises_on_html_fragments(parts: list[str]) -> None:
    markup = "".join(parts)
    cleaned = clean_text(markup)
    assert "<script>" not in cleaned or not looks_like_html(markup)
    assert "\n\n\n" not in cleaned


@given(st.text(max_size=300))
def test_features_are_langids_own(text: str) -> None:
    identifier = _identifier()
    ours, theirs = _features(identifier, text), identifier.instance2fv(text)
    assert ours.dtype == theirs.dtype
    assert (ours == theirs).all()
