"""Long articles: coded piece by piece, their records merged into one record of the whole text.

spaCy refuses a text over a million characters (its error E088) and needs memory in proportion
to the text it parses; several stages compare what they find with what they found before, so
their time grows faster than the text. An article longer than ``PIECE_CHARS`` is therefore cut
at paragraph boundaries into pieces of at most that length, each piece is parsed and coded on
its own, and the records are merged: offsets are moved to the one article text, an actor found
in several pieces (same name, kind, country, sector and code) is one actor, ids are numbered
again in order of first mention. What crosses a cut is lost (a surname used in a later piece
for a person named in an earlier one is resolved within its piece only).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from msgspec.structs import replace

from ..facts.themes import article_themes
from ..record import (
    Actor,
    Amount,
    Article,
    DateRef,
    Event,
    EventActor,
    Mention,
    Quote,
    Record,
    SentenceTone,
    Span,
    ThemeTrigger,
    Tone,
)

# What the rest of the package uses; the module is internal to its stage.
__all__ = ["PIECE_CHARS", "code_in_pieces", "merge_records", "split_pieces"]

# No news article in ../shared/corpus (4,700 texts) is longer but one; a piece this long is parsed
# in ~4 s and ~1 GB, and cutting longer texts keeps the cost of each stage linear in the text.
PIECE_CHARS = 100_000

# Where a piece may end, best first: a blank line, a line break, a sentence's end, a space.
CUTS = ("\n\n", "\n", ". ", " ")


def split_pieces(text: str, size: int = PIECE_CHARS) -> list[tuple[int, str]]:
    """The text as (offset, piece) pairs of at most ``size`` characters, cut where a paragraph
    ends when one ends in the second half of the window, else a line, a sentence, a word."""
    pieces: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > size:
        end = cut_point(text, start, size)
        pieces.append((start, text[start:end]))
        start = end
    pieces.append((start, text[start:]))
    return pieces


def cut_point(text: str, start: int, size: int) -> int:
    for mark in CUTS:
        at = text.rfind(mark, start + size // 2, start + size - len(mark) + 1)
        if at >= 0:
            return at + len(mark)
    return start + size


Coder = Callable[[Article], Record]


def code_in_pieces(article: Article, code: Coder, size: int = PIECE_CHARS) -> Record:
    """The record of a long article, coded piece by piece with ``code``."""
    pieces = split_pieces(article.text, size)
    records = ((offset, code(replace(article, text=piece))) for offset, piece in pieces)
    return merge_records(article, records)


def merge_records(article: Article, records: Iterable[tuple[int, Record]]) -> Record:
    """One record of ``article`` from the records of its pieces, each given with its offset."""
    merged = Merged()
    for offset, record in records:
        merged.add(offset, record)
    return Record(
        article=article,
        actors=tuple(replace(a, mentions=tuple(m)) for a, m in zip(merged.actors, merged.mentions, strict=True)),
        quotes=tuple(merged.quotes),
        events=tuple(merged.events),
        dates=tuple(merged.dates),
        amounts=tuple(merged.amounts),
        themes=article_themes(tuple(merged.triggers)),
        tone=merged.tone(),
        theme_triggers=tuple(merged.triggers),
        sentence_tones=tuple(merged.sentence_tones),
    )


class Merged:
    """What the pieces found so far, in the whole text's offsets and the merged actors' ids."""

    def __init__(self) -> None:
        self.actors: list[Actor] = []
        self.mentions: list[list[Mention]] = []
        self.places: dict[tuple[str, str, str | None, str, str], int] = {}
        self.quotes: list[Quote] = []
        self.events: list[Event] = []
        self.dates: list[DateRef] = []
        self.amounts: list[Amount] = []
        self.triggers: list[ThemeTrigger] = []
        self.sentence_tones: list[SentenceTone] = []
        self.tones: list[Tone] = []

    def add(self, offset: int, record: Record) -> None:
        ids = {actor.id: self.actor_id(actor, offset) for actor in record.actors}
        self.quotes += [shift_quote(q, offset, ids) for q in record.quotes]
        self.events += [shift_event(e, offset, ids) for e in record.events]
        self.dates += [shifted(d, offset) for d in record.dates]
        self.amounts += [shifted(a, offset) for a in record.amounts]
        self.triggers += [shifted(t, offset) for t in record.theme_triggers]
        self.sentence_tones += [shifted(s, offset) for s in record.sentence_tones]
        if record.tone is not None:
            self.tones.append(record.tone)

    def actor_id(self, actor: Actor, offset: int) -> str:
        """The merged id of a piece's actor, its mentions added to the merged actor's."""
        key = (actor.name, actor.kind, actor.country, actor.sector, actor.code)
        if key not in self.places:
            self.places[key] = len(self.actors)
            self.actors.append(replace(actor, id=f"A{len(self.actors) + 1}"))
            self.mentions.append([])
        place = self.places[key]
        self.mentions[place] += [shifted(m, offset) for m in actor.mentions]
        return self.actors[place].id

    def tone(self) -> Tone | None:
        """The whole text's tone: the pieces' figures weighted by their words (GDELT's are shares)."""
        words = sum(t.words for t in self.tones)
        if not self.tones or not words:
            return self.tones[0] if self.tones else None

        def mean(value: Callable[[Tone], float]) -> float:
            return round(sum(value(t) * t.words for t in self.tones) / words, 3)

        return Tone(mean(lambda t: t.score), mean(lambda t: t.positive), mean(lambda t: t.negative), words)


Shiftable = TypeVar("Shiftable", Mention, Span, DateRef, Amount, ThemeTrigger, SentenceTone)


def shifted(item: Shiftable, offset: int) -> Shiftable:
    return replace(item, start=item.start + offset, end=item.end + offset) if offset else item


def shift_quote(quote: Quote, offset: int, ids: dict[str, str]) -> Quote:
    speaker = quote.speaker
    if speaker is not None:
        mention = shifted(speaker.mention, offset) if speaker.mention is not None else None
        speaker = replace(speaker, actor=ids.get(speaker.actor or "", speaker.actor), mention=mention)
    reported_by = ids.get(quote.reported_by or "", quote.reported_by)
    return replace(quote, start=quote.start + offset, end=quote.end + offset, speaker=speaker, reported_by=reported_by)


def shift_event(event: Event, offset: int, ids: dict[str, str]) -> Event:
    return replace(
        event,
        source=shift_party(event.source, ids),
        target=shift_party(event.target, ids) if event.target is not None else None,
        claimed_by=ids.get(event.claimed_by or "", event.claimed_by),
        sentence=shifted(event.sentence, offset),
        trigger=shifted(event.trigger, offset),
    )


def shift_party(party: EventActor, ids: dict[str, str]) -> EventActor:
    return replace(party, actor=ids.get(party.actor or "", party.actor))
