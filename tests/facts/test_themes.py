"""Themes from the taxonomy's terms, with their triggers; event themes from CAMEO codes."""

from __future__ import annotations

import pytest

from detente.facts.themes import article_themes, event_themes, find_theme_triggers, taxonomy
from detente.nlp import load_pipeline

from ..conftest import shared_path


@pytest.mark.parametrize(
    ("text", "themes"),
    [
        ("Moscow will complete the S-400 missile deliveries. The air defence systems are advanced.", {"DEFENCE"}),
        ("Bilateral trade grew. Exports of oil and imports of machinery rose.", {"TRADE"}),
        ("The satellite reached orbit. The space agency said the astronauts are well.", {"SPACE"}),
        ("Sanctions were imposed. The embargo covers arms exports and an asset freeze.", {"SANCTIONS"}),
        ("Refugees crossed the border. The migrants asked for asylum.", {"MIGRATION"}),
        ("The weather was fine.", set()),
    ],
)
def test_themes_need_two_triggers(text: str, themes: set[str]) -> None:
    triggers = find_theme_triggers(load_pipeline()(text))
    assert themes <= set(article_themes(triggers))
    assert all(text[t.start : t.end] == t.text for t in triggers)
    if not themes:
        assert article_themes(triggers) == ()


def test_one_passing_mention_is_not_a_theme() -> None:
    assert "CONFLICT" not in article_themes(find_theme_triggers(load_pipeline()("Security at the venue was tight.")))


def test_themes_of_the_seed_article_include_defence_trade_and_space() -> None:
    text = shared_path("corpus", "seed-india-russia-ties.txt").read_text()
    themes = article_themes(find_theme_triggers(load_pipeline()(text)))
    assert {"DEFENCE", "TRADE", "SPACE"} <= set(themes)


def test_event_themes_come_from_cameo_codes_and_the_sentence() -> None:
    doc = load_pipeline()("Russia imposed sanctions on the bank.")
    triggers = find_theme_triggers(doc)
    assert event_themes("163", 0, len(doc.text), triggers)[:2] == ("SANCTIONS", "CONFLICT")
    assert "TRADE" in event_themes("163", 0, len(doc.text), triggers)


def test_every_theme_has_a_label_and_terms() -> None:
    assert len(taxonomy()) >= 12
    assert all(t.label and t.terms for t in taxonomy())
