from __future__ import annotations

import pytest

from detente import extract
from detente.read.language import detect_language

ENGLISH = "The foreign ministers of India and Russia met in New Delhi on Wednesday and agreed to expand trade."
GERMAN = (
    "Die Außenminister Indiens und Russlands haben sich am Mittwoch in Neu-Delhi getroffen und mehr Handel vereinbart."
)
FRENCH = "Les ministres des affaires étrangères de l'Inde et de la Russie se sont rencontrés mercredi à New Delhi."
SPANISH = "Los ministros de Asuntos Exteriores de India y Rusia se reunieron el miércoles en Nueva Delhi para hablar."


@pytest.mark.parametrize(("text", "code"), [(ENGLISH, "en"), (GERMAN, "de"), (FRENCH, "fr"), (SPANISH, "es")])
def test_language_is_detected(text: str, code: str) -> None:
    assert detect_language(text * 2) == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Second text.", "en"),
        ("Talks held.", "en"),
        ("Obama visited Kenya.", "en"),
        ("Die Regierung hat heute entschieden.", "de"),
    ],
)
def test_language_of_a_short_text_is_told_by_the_high_accuracy_mode(text: str, code: str) -> None:
    assert detect_language(text) == code


@pytest.mark.parametrize("text", ["12345 678", "!!! ??? ...", "   ", "\u2014 2023-01-05 \u2014"])
def test_language_of_a_text_without_letters_is_undetermined(text: str) -> None:
    assert detect_language(text) == "und"


def test_language_undetermined_text_is_skipped_with_its_reason_not_coded() -> None:
    record = extract("Headline\n\n12 345 678 90 -- 2023 / 2024 -- 55 %")
    assert (record.status, record.skip_reason, record.article.language) == ("skipped", "language:und", "und")
    assert record.events == () and record.actors == ()


def test_language_chinese_is_skipped_as_chinese_not_coded() -> None:
    record = extract("标题\n\n中国和俄罗斯周一在北京签署了一项关于能源合作的协议。")
    assert (record.status, record.skip_reason) == ("skipped", "language:zh")


def test_language_non_english_article_is_skipped_with_its_language() -> None:
    record = extract("Schlagzeile\n\n" + GERMAN * 2)
    assert (record.status, record.skip_reason, record.article.language) == ("skipped", "language:de", "de")
    assert record.events == () and record.actors == ()


def test_language_english_article_is_coded() -> None:
    record = extract("Headline\n\n" + ENGLISH * 2)
    assert (record.status, record.article.language) == ("coded", "en")
