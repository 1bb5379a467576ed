"""Tone in GDELT's convention: positive and negative words in percent, and their difference."""

from __future__ import annotations

import pytest

from detente.facts.tone import find_tone, tone_of
from detente.nlp import load_pipeline


def test_tone_of_counts() -> None:
    assert tone_of(100, 5, 2) == (3.0, 5.0, 2.0)
    assert tone_of(0, 0, 0) == (0.0, 0.0, 0.0)


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("The leaders praised the friendly and fruitful talks and welcomed the agreement.", 1),
        ("The army killed civilians; officials condemned the brutal attack and warned of war.", -1),
    ],
)
def test_tone_sign_follows_the_words(text: str, sign: int) -> None:
    tone, sentences = find_tone(list(load_pipeline()(text).sents))
    assert tone.score * sign > 0
    assert tone.words == sum(1 for w in text.replace(";", " ").split())
    assert tone.positive >= 0 and tone.negative >= 0
    assert len(sentences) == 1 and sentences[0].score == tone.score


def test_tone_per_sentence_spans_the_text() -> None:
    doc = load_pipeline()("Talks went well. Then the attack came.")
    tone, sentences = find_tone(list(doc.sents))
    assert [doc.text[s.start : s.end] for s in sentences] == ["Talks went well.", "Then the attack came."]
    assert sentences[0].score > 0 > sentences[1].score
