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


def test_language_of_a_short_text_is_left_undetermined() -> None:
    assert detect_language("Second text.") is None


def test_language_non_english_article_is_skipped_with_its_language() -> None:
    record = extract("Schlagzeile\n\n" + GERMAN * 2)
    assert (record.status, record.skip_reason, record.article.language) == ("skipped", "language:de", "de")
    assert record.events == () and record.actors == ()


def test_language_english_article_is_coded() -> None:
    record = extract("Headline\n\n" + ENGLISH * 2)
    assert (record.status, record.article.language) == ("coded", "en")
