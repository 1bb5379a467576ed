"""Quotes: who said what, direct (in quotation marks) and indirect (reported speech), and who reported it.

Direct quotes are found from the quotation marks themselves (straight and curly; a paragraph
whose quote runs on into the next one that opens with a mark again; a quote split by its
attribution is one quote), then attributed from the parse: the speech verb next to the quote
and its subject, else the speaker of the quote before (a quote-only paragraph continues it).
Transcripts ("PRESIDENT BIDEN: …", "Q …") give one quote per turn. Indirect quotes are the
clauses of speech verbs ("Alipov said that …", "according to the envoy, …", "…, TASS reported
citing Rudenko"). Speakers are resolved to the actors stage's actors (so "he" is the envoy).
Speech verbs are data: ``data/speech_verbs.txt``.

This module runs the stage and settles the finds against each other (a turn or direct quote wins
over an indirect one that is mostly its words, reported speech over a phrase of a few words quoted
inside it; a plural speaker gives one quote each); the parts live beside it:
``marks`` (direct quotes and transcripts), ``reported`` (reported speech) and
``speakers`` (who speaks, and which actor that is).
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

import msgspec

from ..knowledge.files import word_list
from ..nlp import doc_text
from ..record import Actor, Mention, Quote, Speaker
from .marks import direct_quotes, transcript_turns
from .reported import indirect_quotes
from .speakers import (
    PERSONAL_PRONOUNS,
    ActorIndex,
    FoundQuote,
    antecedent,
    inside_quote,
    name_referred_to,
    own_name,
    proper_name,
    speakers_in,
    unnamed,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

# What the rest of the package uses; the module is internal to its stage.
__all__ = ["find_quotes"]


def find_quotes(doc: Doc, actors: tuple[Actor, ...] = ()) -> tuple[Quote, ...]:
    """Every direct and indirect quote of the article, with its speaker and cue."""
    text = doc_text(doc)
    found = transcript_turns(doc, text)
    taken = [(f.start, f.end) for f in found]
    found += [q for q in direct_quotes(doc, text) if not overlaps(q, taken)]
    reported = [q for q in indirect_quotes(doc) if not inside_direct(q, found)]
    found = [q for q in found if not within_reported(q, reported)] + reported
    resolver = ActorIndex(doc, actors)
    ordered = sorted(found, key=lambda q: q.start)
    quotes = [to_quote(one, resolver) for q in ordered for one in per_speaker(q, resolver)]
    people = {a.id for a in actors if a.kind == "person"}
    bodies = {a.id for a in actors if a.kind in BODIES}
    return tuple(pronouns_resolved(quotes, people, bodies))


# Speakers "it" may stand for.
BODIES = frozenset({"organization", "agency", "government", "group"})


# How far back (characters) an unresolved "he" / "she" speaker may find the person who spoke last.
PRONOUN_REACH = 600


def pronouns_resolved(quotes: list[Quote], people: set[str], bodies: set[str]) -> list[Quote]:
    """ "Sarea said … According to him, …": a "he" / "she" speaker the actors stage left unresolved
    is the person who spoke last, when they spoke just before; "it", the body that did."""
    resolved: list[Quote] = []
    for quote in quotes:
        resolved.append(with_antecedent(quote, resolved, people, bodies))
    return resolved


def with_antecedent(quote: Quote, before: list[Quote], people: set[str], bodies: set[str]) -> Quote:
    speaker = quote.speaker
    if speaker is None or speaker.actor is not None or speaker.name is not None or speaker.mention is None:
        return quote
    said = speaker.mention.text.lower()
    if said in PERSONAL_PRONOUNS:
        last = next((q.speaker for q in reversed(before) if q.speaker and q.speaker.actor in people), None)
        if last is None or last.mention is None or quote.start - last.mention.end >= PRONOUN_REACH:
            return quote
    elif said in word_list("institution_nouns.txt"):  # "police said", after "Northamptonshire police said"
        last = next((q.speaker for q in reversed(before) if q.speaker and q.speaker.name and ends_with(q, said)), None)
        if last is None:
            return quote
    elif said == "it":  # "The ministry said … It added …": the body that spoke last, just before
        last = next((q.speaker for q in reversed(before) if q.speaker and body(q.speaker, bodies)), None)
        if last is None or last.mention is None or quote.start - last.mention.end >= PRONOUN_REACH:
            return quote
    else:
        return quote
    return msgspec.structs.replace(quote, speaker=Speaker(actor=last.actor, name=last.name, mention=speaker.mention))


def body(speaker: Speaker, bodies: set[str]) -> bool:
    """A speaker that is an organisation: an actor of one, or a name with no actor ("the Russian
    Foreign Ministry")."""
    return speaker.actor in bodies or (speaker.actor is None and speaker.name is not None)


def ends_with(quote: Quote, noun: str) -> bool:
    mention = quote.speaker.mention if quote.speaker else None
    return mention is not None and mention.text.lower().split()[-1:] == [noun]


def overlaps(quote: FoundQuote, spans: list[tuple[int, int]]) -> bool:
    return any(quote.start < end and start < quote.end for start, end in spans)


def inside_direct(quote: FoundQuote, found: list[FoundQuote]) -> bool:
    """An indirect quote that is mostly a direct quote's words is that direct quote (not the
    attribution inside a split one: "“…,” Patel said, stressing that …. “…”"), unless the
    speaker quotes someone else ("As my foreign minister says that we are open …")."""
    for direct in (f for f in found if f.kind == "direct"):
        shared = overlap(quote, (direct.start, direct.end)) - sum(overlap(quote, gap) for gap in direct.gaps)
        if shared > 0.5 * (quote.end - quote.start) and not quoted_within(quote, direct):
            return True
    return False


# The longest quoted phrase (words) that reported speech carries as its own words, not a quote:
# three, since gold/dev and textacy's suite mark four-word passages inside a report as quotes
# ("clear and convincing evidence").
QUOTED_PHRASE_WORDS = 3


# What ends a quoted phrase after its words ("“true.”").
TRAILING_PUNCTUATION = ".,;:!? "


def within_reported(quote: FoundQuote, reported: list[FoundQuote]) -> bool:
    """ "Lee said the plan was “a disaster” for farmers": a phrase of a few words quoted inside
    reported speech marks the speaker's own words within the report; the report carries it, with
    its speaker, and it is no quote of its own. A longer passage quoted inside a report ("said the
    ruling showed “clear and convincing evidence that …”") is a statement and stays a quote."""
    if quote.kind != "direct" or len(quote.text.split()) > QUOTED_PHRASE_WORDS:
        return False
    words_end = quote.start + len(quote.text.rstrip(TRAILING_PUNCTUATION))  # "was “true.”": the report ends at "true"
    return any(r.start <= quote.start and words_end <= r.end and words_before(r, quote) for r in reported)


def words_before(report: FoundQuote, quote: FoundQuote) -> bool:
    """Whether the report has words of its own before the quote ("said, “America is back.”" is
    all quote: the quote stays direct)."""
    return any(c.isalnum() for c in report.text[: quote.start - report.start])


def overlap(quote: FoundQuote, span: tuple[int, int]) -> int:
    """How many characters of the quote lie in the span (a split quote's attribution is not its words)."""
    return max(0, min(quote.end, span[1]) - max(quote.start, span[0]))


def quoted_within(quote: FoundQuote, direct: FoundQuote) -> bool:
    """An indirect quote whose speech verb and speaker are inside a direct quote, the speaker
    not being the quote's own ("I", "we", "this court": "my foreign minister" is another)."""
    if quote.cue is None or quote.speaker is None or not inside_quote(direct, quote.cue.idx):
        return False
    own = any(c.dep_ == "det" and c.lower_ == "this" for c in quote.speaker.root.children)  # "This Court has …"
    return not own and quote.speaker.root.lower_ not in ("i", "we", "he", "she", "they", "it")


def per_speaker(quote: FoundQuote, actors: ActorIndex) -> list[FoundQuote]:
    """ "Sullivan and Patrushev agreed that …", "We, President Biden and President Putin, note …",
    "the two leaders agreed …": one quote for each speaker."""
    if quote.speaker is None or quote.speaker_name is not None:
        return [quote]  # a transcript's label names one speaker, whatever the parser joined to it
    members = speakers_in(quote.speaker.root, actors)
    if len(members) <= 1:
        return [quote]
    own = {quote.speaker.root.i, *(t.i for t in quote.speaker.root.conjuncts)}
    return [  # a member "they" or "the two leaders" refers to keeps those words as its mention
        dataclasses.replace(quote, speaker=m, speaker_name=None, said_as=None if m.root.i in own else quote.speaker)
        for m in members
    ]


def speaker_name(phrase: Span, actor: Actor | None) -> str | None:
    """The speaker's fullest name; none for a phrase that names nobody ("a government official",
    "Saudi officials": the actor is kept for its country) or a pronoun not resolved."""
    if actor is not None and actor.kind == "person":
        return actor.name
    if unnamed(phrase) or phrase.root.pos_ == "PRON":
        return None
    if actor is not None:
        return actor.name
    if phrase.root.pos_ == "NOUN" and not own_name(phrase.root):  # "the ministry": a title alone names nobody
        return name_referred_to(phrase.root)
    return proper_name(phrase)


def to_quote(quote: FoundQuote, actors: ActorIndex) -> Quote:
    speaker = None
    labelled = quote.speaker is not None and quote.speaker_name is not None  # a transcript's turn
    if labelled and quote.speaker is not None and actors.actor_of(quote.speaker) is None:
        quote = FoundQuote(quote.start, quote.end, quote.text, quote.kind, None, None, quote.speaker_name)
    if quote.speaker is not None:
        named = antecedent(quote.speaker)
        actor = actors.actor_of(named)
        said = quote.said_as or quote.speaker  # "they", "the two leaders": the words at the quote
        mention = Mention(said.start_char, said.end_char, said.text)
        speaker = Speaker(actor=actor.id if actor else None, name=speaker_name(named, actor), mention=mention)
    elif quote.speaker_name is not None:
        actor = actors.actor_named(quote.speaker_name) if quote.speaker_name != "Q" else None
        speaker = Speaker(
            actor=actor.id if actor else None, name=actor.name if actor else quote.speaker_name, mention=None
        )
    reporter = actors.actor_named(quote.reported_by) if quote.reported_by else None
    cue = quote.cue.text if quote.cue is not None else None
    reported_by = reporter.id if reporter else None
    return Quote(
        text=quote.text,
        start=quote.start,
        end=quote.end,
        kind=quote.kind,
        speaker=speaker,
        cue=cue,
        reported_by=reported_by,
    )
