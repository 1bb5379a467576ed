"""What the event tests share: the coder's reading of a text, and its events as triples."""

from __future__ import annotations

from detente.actors.resolve import find_actors
from detente.events.coder import find_events
from detente.facts.dates import find_dates
from detente.nlp import load_pipeline
from detente.quotes.attribute import find_quotes
from detente.record import Event


def events_of(text: str, untargeted: bool = True) -> list[Event]:
    """The coder's reading of ``text``; with ``untargeted`` (as these tests read a sentence
    alone) also the events of two-party types whose second party the sentence does not name."""
    doc = load_pipeline()(text)
    actors = find_actors(doc, "2023-02-27")
    quotes = find_quotes(doc, actors)
    dates = find_dates(doc, "2023-02-27")
    return list(find_events(doc, actors, quotes, dates, "2023-02-27", untargeted=untargeted))


def triples(events: list[Event]) -> list[tuple[str | None, str | None, str]]:
    return [(e.source.country, e.target.country if e.target else None, e.cameo) for e in events]


def petrarch_1_events(sentence: str, published: str = "1995-01-01") -> set[tuple[str, str | None, str]]:
    from detente.options import Options
    from detente.pipeline.extract import extract

    from ..conftest import shared_path

    options = Options(dictionaries=shared_path("suites", "petrarch"))
    record = extract(f"T\n\n{sentence}", published=published, options=options)
    return {(e.source.code, e.target.code if e.target else None, e.cameo) for e in record.events}
