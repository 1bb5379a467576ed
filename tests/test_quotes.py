"""Quotes: each construction, with its speaker, and the textacy cases."""

from __future__ import annotations

import json

import pytest

from detente.actors import find_actors
from detente.nlp import load_pipeline
from detente.pipeline import extract
from detente.quotes import find_quotes, quote_marks
from detente.record import Quote, Record
from detente.sources import RawArticle

from .conftest import shared_path


def quotes_of(text: str) -> list[Quote]:
    doc = load_pipeline()(text)
    return list(find_quotes(doc, find_actors(doc, "2023-02-27")))


def said(quotes: list[Quote]) -> list[tuple[str, str, str | None]]:
    return [(q.kind, q.text, q.speaker.name if q.speaker else None) for q in quotes]


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ('He said "yes" and "no".', ["yes", "no"]),
        ("“Ties are robust,” he said.", ["Ties are robust,"]),
        ("The ‘Gaganyaan’ programme and the country’s plan.", ["Gaganyaan"]),
        (
            "“First paragraph goes on\n“and on in the next,” she said.",
            ["First paragraph goes on\n“and on in the next,"],
        ),
        ("“A quote left open at the end", ["A quote left open at the end"]),
    ],
)
def test_quote_marks(text: str, spans: list[str]) -> None:
    assert [text[s:e] for s, e in quote_marks(text)] == spans


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Russian envoy Denis Alipov spoke. “Our relations have always been friendly,” Alipov said, “and robust.”",
            [("direct", "Our relations have always been friendly, and robust.", "Denis Alipov")],
        ),
        (
            "Russian envoy Denis Alipov spoke. “It will be completed in the very near future. "
            "Nothing prevents that,” said Alipov.",
            [("direct", "It will be completed in the very near future. Nothing prevents that,", "Denis Alipov")],
        ),
        (
            "Russian envoy Denis Alipov spoke at the forum.\n\n“We are open to any serious talks,” he added."
            "\n\n“At the moment, there are none.”",
            [
                ("direct", "We are open to any serious talks,", "Denis Alipov"),
                ("direct", "At the moment, there are none.", "Denis Alipov"),
            ],
        ),
        (
            "Russian envoy Denis Alipov said that Moscow is open to any serious talks.",
            [("indirect", "Moscow is open to any serious talks", "Denis Alipov")],
        ),
        (
            "The presidency, according to Prime Minister Narendra Modi, will be inclusive and ambitious.",
            [("indirect", "The presidency, will be inclusive and ambitious", "Narendra Modi")],
        ),
        (
            "Senator John Roe spoke on Fox News, “This is going to lead to a disaster.”",
            [("direct", "This is going to lead to a disaster.", "John Roe")],
        ),
        (
            "Burton thinks that cats are “cuties”.",
            [],
        ),
    ],
)
def test_quotes_with_their_speakers(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert said(quotes_of(text)) == expected


def test_agency_citing_an_official_reports_the_quote() -> None:
    text = (
        "Foreign Minister Sergei Lavrov will attend the meeting in New Delhi from March 1-2, "
        "Russian news agency TASS reported citing Deputy Foreign Minister Andrey Rudenko."
    )
    doc = load_pipeline()(text)
    actors = find_actors(doc, "2023-02-27")
    (quote,) = find_quotes(doc, actors)
    tass = next(a for a in actors if a.name == "TASS")
    assert quote.speaker is not None and quote.speaker.name == "Andrey Rudenko"
    assert quote.reported_by == tass.id and quote.cue == "reported"
    assert quote.text.startswith("Foreign Minister Sergei Lavrov will attend")


def test_joint_speakers_give_one_quote_each() -> None:
    text = "Jake Sullivan and Nikolay Patrushev agreed that mutually acceptable solutions could be found."
    assert [q.speaker.name for q in quotes_of(text) if q.speaker] == ["Jake Sullivan", "Nikolay Patrushev"]


def test_transcript_turns_are_quotes_by_their_speaker() -> None:
    text = "President Joe Biden took questions.\n\nPRESIDENT BIDEN: We will act firmly.\n\nQ Will you meet him?"
    quotes = quotes_of(text)
    assert [(q.text, q.speaker.name if q.speaker else None) for q in quotes] == [
        ("We will act firmly.", "Joe Biden"),
        ("Will you meet him?", "Q"),
    ]


def test_seed_article_quotes() -> None:
    text = shared_path("corpus", "seed-india-russia-ties.txt").read_text()
    quotes = extract(text, published="2023-02-27").quotes
    open_to_talks = next(q for q in quotes if q.text.startswith("As my foreign minister says"))
    near_future = next(q for q in quotes if q.text.startswith("It will be completed in the very near future"))
    assert open_to_talks.speaker and open_to_talks.speaker.name == "Denis Alipov"
    assert near_future.speaker and near_future.speaker.name == "Denis Alipov"
    lavrov_visit = next(q for q in quotes if "Lavrov will be taking part" in q.text)
    assert lavrov_visit.speaker and lavrov_visit.speaker.name == "Andrey Rudenko"
    assert lavrov_visit.reported_by is not None
    unattributed = [q.text[:40] for q in quotes if q.speaker is None]
    assert unattributed == ["The Russian envoy also described his cou"]  # "…, it was reported"


def textacy_cases() -> list[dict[str, object]]:
    path = shared_path("suites", "quotes", "textacy-direct-quotations.jsonl")
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def test_textacy_cases_pass_except_those_explained() -> None:
    """The two Spanish cases are out of scope (Détente codes English); the case disabled upstream
    needs a compound speaker after an inverted verb, which spaCy's parse does not give."""
    from detente.evaluation.suites import textacy_case_passes

    def coded(text: str) -> Record:
        return extract(RawArticle(text=text, source="textacy", extracted=True, language="en"))

    failing = [c["text"] for c in textacy_cases() if not textacy_case_passes(c, coded(str(c["text"])))]
    explained = [
        c["text"] for c in textacy_cases() if "(es)" in str(c["status"]) or str(c["status"]).startswith("disabled")
    ]
    assert sorted(failing) == sorted(explained)
