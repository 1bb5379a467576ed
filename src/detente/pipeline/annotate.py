"""Coding one parsed article: the stages that read a spaCy ``Doc`` and fill its ``Record``.

Each stage is a pure function of the doc (and what earlier stages found), so tests and
distributed workers can call it directly.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from msgspec.structs import replace

from ..actors.resolve import find_actors
from ..events.coder import find_events
from ..facts.amounts import find_amounts
from ..facts.dates import find_dates
from ..facts.themes import article_themes, event_themes, find_theme_triggers
from ..facts.tone import find_tone
from ..nlp import sentence_spans
from ..options import DEFAULT_OPTIONS, Options
from ..quotes.attribute import find_quotes
from ..record import Article, Record

if TYPE_CHECKING:
    from spacy.tokens import Doc

# What the rest of the package uses; the module is internal to its stage.
__all__ = ["annotate"]


def annotate(article: Article, doc: Doc, options: Options = DEFAULT_OPTIONS) -> Record:
    """The record of a clean English article and its parse."""
    triggers = find_theme_triggers(doc)
    tone, sentence_tones = find_tone([doc[a:b] for a, b in sentence_spans(doc)])
    actors = find_actors(doc, article.published, article.credits, options.dictionaries, article.title, article.outlet)
    quotes = find_quotes(doc, actors)
    dates = find_dates(doc, article.published)
    events = tuple(
        replace(e, themes=event_themes(e.cameo, e.sentence.start, e.sentence.end, triggers))
        for e in find_events(
            doc, actors, quotes, dates, article.published, options.dictionaries, options.untargeted, statements=True
        )
    )
    return Record(
        article=article,
        actors=actors,
        quotes=quotes,
        events=events,
        dates=dates,
        amounts=find_amounts(doc),
        themes=article_themes(triggers),
        tone=tone,
        theme_triggers=triggers,
        sentence_tones=sentence_tones,
    )
