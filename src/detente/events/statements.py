"""States that only speak: a state whose official is quoted in the article but which does nothing
else the coder reads there made a public statement (CAMEO 010, PLOVER STATEMENT) to no one in
particular, as the gold guide codes a plain statement with no other type. A plain statement is
otherwise no event of its own (``[statements] untargeted`` in ``data/events/coding.toml``): where a
state also acts in the article, its words are its quote and what they state is coded itself."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..record import Actor, Event, Quote, Step
from .decisions import Context, make_event
from .rules import DEFAULT_CONFIDENCE, rules

if TYPE_CHECKING:
    from spacy.tokens import Token

# What the rest of the package uses; the module is internal to its stage.
__all__ = ["spoken_only"]

STATEMENT_CODE = "010"
RULE = "STATEMENT: a state that only speaks in the article"


def spoken_only(context: Context, actors: tuple[Actor, ...], events: tuple[Event, ...]) -> list[Event]:
    """One statement to no one per state whose officials (or the state named as a whole) are
    quoted, for each state that is the source of none of ``events``."""
    by_id = {a.id: a for a in actors}
    acting = {e.source.country for e in events if asserted(e)}
    said: dict[str, Event] = {}
    # a quote introduced by a verb of saying first ("said", "announced"), then a transcript's turn
    for quote in sorted(context.scene.quotes, key=lambda q: (q.cue is None, q.start)):
        speaker = by_id.get(quote.speaker.actor or "") if quote.speaker is not None else None
        if speaker is None or not speaker.country or speaker.country in acting | said.keys():
            continue
        if not speaks_for_state(speaker):
            continue
        cue = cue_token(context, quote)
        steps = (Step("statement", "only speaks"),)
        event = make_event(context, cue, cue, (speaker, None), STATEMENT_CODE, RULE, DEFAULT_CONFIDENCE, steps)
        said[speaker.country] = event
    return list(said.values())


def asserted(event: Event) -> bool:
    """An act the text says was or will be done: not one it only supposes ("may declare an
    emergency") or denies ("did not advise"), which leaves the state still only speaking."""
    return event.modality != "hypothetical" and not event.negated


def speaks_for_state(speaker: Actor) -> bool:
    """Its government or military (``[statements] only_speaking_sectors``), or the state named as a
    whole; not a company or a group with no sector."""
    if speaker.sector == "":
        return speaker.kind == "country"
    return speaker.sector in rules().statement_sectors


def cue_token(context: Context, quote: Quote) -> Token:
    """The quote's verb of saying nearest to it, else its first word (a transcript's turn)."""
    doc = context.scene.doc
    near = [t for t in doc if quote.cue is not None and t.text == quote.cue]
    if near:
        return min(near, key=lambda t: min(abs(t.idx - quote.start), abs(t.idx - quote.end)))
    inside = [t for t in doc if quote.start <= t.idx < quote.end and not t.is_punct and not t.is_space]
    return inside[0] if inside else doc[0]
