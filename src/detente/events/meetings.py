"""Events a transcript states by its form: leaders of two states who take turns speaking in one
transcript of remarks ("PRESIDENT BIDEN: …" then "PRESIDENT LASSO: …") are meeting, so each
consults the other (CAMEO 040, PLOVER CONSULT), whether the remarks open a bilateral meeting,
close it or make a joint press conference. The press ("Q") and speakers of one state (the
President and his Secretary of State) make no meeting between states.
"""

from __future__ import annotations

from itertools import permutations
from typing import TYPE_CHECKING

from ..actors.turns import Turn, doc_turns, is_press
from ..nlp import sentence_index, sentence_spans
from ..record import Actor, Event, Mention, Span
from .decisions import Context, event_actor, event_date
from .ontology import QUAD_BY_ROOT, goldstein_of, plover_of

if TYPE_CHECKING:
    from spacy.tokens import Doc

# What the rest of the package uses; the module is internal to its stage.
__all__ = ["MEETING_RULE", "transcript_meetings"]

MEETING_CODE = "040"
MEETING_RULE = "TRANSCRIPT: turns of two states' speakers"
MEETING_CONFIDENCE = 0.7


def transcript_meetings(context: Context) -> list[Event]:
    """CONSULT each way between every two speakers of different states in a transcript."""
    doc = context.scene.doc
    first_turns: dict[str, tuple[Actor, Turn]] = {}
    for turn in doc_turns(doc):
        speaker = None if is_press(turn.label) else speaker_at(context, turn)
        if speaker is not None and speaker.country and speaker.country not in first_turns:
            first_turns[speaker.country] = (speaker, turn)
    return [
        meeting(context, doc, first_turns[a], first_turns[b][0])
        for a, b in permutations(first_turns, 2)
        if "/" not in a + b
    ]


def speaker_at(context: Context, turn: Turn) -> Actor | None:
    """The actor the actors stage read in the turn's label, a person."""
    span = context.scene.doc.char_span(turn.label_start, turn.label_end, alignment_mode="expand")
    actors = [context.scene.actors_by_token.get(t.i) for t in span] if span is not None else []
    return next((a for a in actors if a is not None and a.kind == "person"), None)


def meeting(context: Context, doc: Doc, speaker_turn: tuple[Actor, Turn], other: Actor) -> Event:
    speaker, turn = speaker_turn
    words = doc.char_span(turn.start, turn.end, alignment_mode="contract")
    first = words.start if words is not None and len(words) else len(doc) - 1
    _start, end = sentence_spans(doc)[sentence_index(doc, first)]
    sentence = Span(start=turn.label_start, end=max(turn.label_end, doc[end - 1].idx + len(doc[end - 1].text)))
    date, date_text = event_date(context, sentence)
    return Event(
        source=event_actor(speaker, sentence, turn.label_start),
        target=event_actor(other, sentence, turn.label_start),
        cameo=MEETING_CODE,
        goldstein=goldstein_of(MEETING_CODE),
        quad_class=QUAD_BY_ROOT.get(MEETING_CODE[:2], 1),
        plover=plover_of(MEETING_CODE),
        modality="asserted",
        negated=False,
        claimed_by=None,
        date=date,
        date_text=date_text,
        sentence=sentence,
        trigger=Mention(turn.label_start, turn.label_end, turn.label),
        rule=MEETING_RULE,
        confidence=MEETING_CONFIDENCE,
    )
