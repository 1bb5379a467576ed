"""Events: who did what to whom, coded in CAMEO and PLOVER from the dependency parse.

For each verb the CAMEO 2.0 verb dictionary knows, its block's patterns are tried against the
verb's dependents (subject before the verb; objects, particles and prepositional phrases after
it); the largest pattern that matches gives the code, else the verb's own or its block's default
code (``---``: no event). The source is the actor of the subject (the agent of a passive), the
target the actor of the object or of a prepositional object. Each event carries its PLOVER type,
mode and context, Goldstein value and quad class, modality and negation, the speaker who claims
it when it sits inside a quote, its date, its sentence and trigger, and the rule that fired.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from .actors import actors_by_token
from .knowledge import data_text, toml_data
from .nlp import sentence_index, sentence_spans
from .record import Actor, DateRef, Event, EventActor, Mention, Modality, Plover, Quote, Span
from .verbs import Element, Pattern, VerbDictionary, load_verbs

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# How sure a rule is: a pattern that matched words around the verb, or the verb's default code.
PATTERN_CONFIDENCE = 0.8
DEFAULT_CONFIDENCE = 0.5
INTENT = frozenset({"will", "shall", "would", "'ll", "going"})
INTENT_VERBS = frozenset(
    {"plan", "intend", "promise", "pledge", "vow", "agree", "offer", "decide", "aim", "seek", "want", "hope"}
)
HYPOTHETICAL = frozenset({"could", "might", "may"})
STATEMENT_ROOTS = {"01": "STATEMENT", "02": "REQUEST"}
QUAD_BY_ROOT = {
    **dict.fromkeys(["01", "02", "03", "04", "05"], 1),
    **dict.fromkeys(["06", "07", "08"], 2),
    **dict.fromkeys(["09", "10", "11", "12", "13"], 3),
    **dict.fromkeys([f"{n}" for n in range(14, 21)], 4),
}


@dataclass(frozen=True)
class Ontology:
    plover: dict[str, tuple[str, str | None, tuple[str, ...]]]
    goldstein: dict[str, float]


@cache
def ontology() -> Ontology:
    plover: dict[str, tuple[str, str | None, tuple[str, ...]]] = {}
    for line in data_text("events/cameo_plover.txt").splitlines():
        m = re.match(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,([^,#]*))?(?:,([^#]*))?", line)
        if m:
            mode = (m.group(3) or "").strip() or None
            context = tuple(c.strip() for c in re.split(r"[;,]", m.group(4) or "") if c.strip())
            plover.setdefault(m.group(1), (m.group(2), mode, context))
    goldstein = {}
    for line in data_text("events/goldstein.tsv").splitlines()[1:]:
        code, _, value = line.partition("\t")
        if value.strip():
            goldstein[code.strip()] = float(value)
    return Ontology(plover, goldstein)


def plover_of(code: str) -> Plover:
    table = ontology().plover
    for prefix in (code, code[:3], code[:2]):
        if prefix in table:
            kind, mode, context = table[prefix]
            return Plover(type=kind, mode=mode, context=context)
    return Plover(type=STATEMENT_ROOTS.get(code[:2], "STATEMENT"))


def goldstein_of(code: str) -> float:
    table = ontology().goldstein
    return next((table[p] for p in (code, code[:3], code[:2]) if p in table), 0.0)


# --- finding events ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Context:
    doc: Doc
    verbs: VerbDictionary
    actors_by_token: dict[int, Actor]
    quotes: tuple[Quote, ...]
    dates: tuple[DateRef, ...]
    published: str | None


def find_events(
    doc: Doc,
    actors: tuple[Actor, ...],
    quotes: tuple[Quote, ...] = (),
    dates: tuple[DateRef, ...] = (),
    published: str | None = None,
    dictionaries: Path | None = None,
) -> tuple[Event, ...]:
    """Every event the verb dictionary codes in the article, once per (source, target, code,
    sentence). A statement ("said", CAMEO 01) is kept only when what was said codes no event
    itself: "Alipov said Moscow will supply India" is the supply, claimed by Alipov."""
    context = Context(doc, load_verbs(dictionaries), actors_by_token(doc, actors), quotes, dates, published)
    coded: dict[int, list[Event]] = {token.i: code_verb(context, token) for token in doc if token.pos_ == "VERB"}
    nouns = nominal_events()
    coded |= {t.i: code_noun(context, t) for t in doc if t.pos_ == "NOUN" and t.lower_ in nouns}
    events: dict[tuple[object, ...], Event] = {}
    for index, found in coded.items():
        for event in found:
            if event.cameo.startswith("01") and says_something_coded(doc[index], coded):
                continue  # a statement counts when what was said codes nothing
            key = (event.source.actor, event.target.actor if event.target else None, event.cameo, event.sentence.start)
            events.setdefault(key, event)
    return tuple(events.values())


def code_verb(context: Context, verb: Token) -> list[Event]:
    found = context.verbs.block_of(verb.text)
    if found is None or passive_participle(verb):
        return []
    source, target = participants(context, verb)
    if source is None or source.country is None:
        return []  # no event without a source: the patterns need not be tried
    block, own_code = found
    pattern = best_pattern(context, verb, block.patterns)
    code = pattern.code if pattern is not None else (own_code or block.code)
    if not code or code.startswith("-"):
        return []
    rule = f"{block.name}: {pattern.text}" if pattern is not None else f"{block.name}: * (default)"
    confidence = PATTERN_CONFIDENCE if pattern is not None else DEFAULT_CONFIDENCE
    forward, _, backward = code.partition(":")
    events = []
    if forward:
        events.append(make_event(context, verb, source, target, forward, rule, confidence))
    if backward and target is not None and target.country is not None:
        events.append(make_event(context, verb, target, source, backward, rule, confidence))
    return events


Around = tuple[list["Token"], list["Token"], list["Token"]]


def passive_participle(verb: Token) -> bool:
    """ "Asked whether …, Alipov said": the participle's implied subject is its target, not its source."""
    own_subject = any(c.dep_.startswith("nsubj") for c in verb.children)
    return verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl") and not own_subject


def best_pattern(context: Context, verb: Token, patterns: list[Pattern]) -> Pattern | None:
    around = around_of(verb)
    matching = [p for p in patterns if pattern_matches(around, p)]
    return max(matching, key=lambda p: p.size) if matching else None


def pattern_matches(around: Around, pattern: Pattern) -> bool:
    if not (pattern.before or pattern.after):
        return False
    subjects, dependents, preps = around
    for element in pattern.before:
        if element.kind == "noun" and not any(noun_matches(s, element) for s in subjects):
            return False
    for element in pattern.after:
        if element.kind == "noun" and not any(noun_matches(d, element) for d in dependents):
            return False
        if element.kind == "prep" and not any(prep_matches(p, element) for p in preps):
            return False
    return True


def noun_matches(token: Token, element: Element) -> bool:
    if not element.words:
        return True
    *modifiers, head = element.words
    if not (token.text.upper() in head or token.lemma_.upper() in head):
        return False
    children = {c.text.upper() for c in token.children} | {c.lemma_.upper() for c in token.children}
    return all(children & words for words in modifiers)


def prep_matches(token: Token, element: Element) -> bool:
    if token.text.upper() != element.prep:
        return False
    if element.object is None or element.object.kind == "any":
        return True
    return any(noun_matches(c, element.object) for c in token.children if c.dep_ == "pobj")


def participants(context: Context, verb: Token) -> tuple[Actor | None, Actor | None]:
    """(source, target): subject and object, or agent and subject in the passive."""
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)
    subject = subject_actor(context, verb, "nsubjpass" if passive else "nsubj")
    agent = next(
        (actor_in(context, o) for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"), None
    )
    objects = [actor_in(context, c) for c in verb.children if c.dep_ in ("dobj", "dative", "attr")]
    objects += [actor_in(context, o) for c in verb.children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"]
    target = next((o for o in objects if o is not None), None)
    if passive:
        return agent, subject
    return subject, target


def subject_actor(context: Context, verb: Token, dep: str) -> Actor | None:
    for token in (verb, verb.head if verb.dep_ in ("conj", "xcomp", "advcl") else None):
        if token is None:
            continue
        subject = next((c for c in token.children if c.dep_ == dep), None)
        if subject is not None:
            if subject.lower_ in ("we", "our", "us"):
                return speaker_country(context, subject)
            return actor_in(context, subject)
    return None


def actor_in(context: Context, token: Token) -> Actor | None:
    """The actor a phrase names: its head, else the first actor among its words (not past a clause)."""
    if token.i in context.actors_by_token:
        return context.actors_by_token[token.i]
    for word in token.subtree:
        if word.dep_ in ("relcl", "acl", "ccomp"):
            continue
        if word.i in context.actors_by_token:
            return context.actors_by_token[word.i]
    return None


def speaker_country(context: Context, token: Token) -> Actor | None:
    """ "we" in a quote is the speaker's country (the speaker when the actors stage has no country)."""
    quote = quote_holding(context, token.idx)
    if quote is None or quote.speaker is None or quote.speaker.actor is None:
        return None
    return next((a for a in context.actors_by_token.values() if a.id == quote.speaker.actor), None)


def quote_holding(context: Context, char: int) -> Quote | None:
    return next((q for q in context.quotes if q.start <= char < q.end), None)


def make_event(
    context: Context, verb: Token, source: Actor, target: Actor | None, code: str, rule: str, confidence: float
) -> Event:
    doc = context.doc
    start, end = sentence_spans(doc)[sentence_index(doc, verb.i)]
    sentence = Span(start=doc[start].idx, end=doc[end - 1].idx + len(doc[end - 1].text))
    quote = quote_holding(context, verb.idx)
    date, date_text = event_date(context, sentence)
    return Event(
        source=event_actor(source),
        target=event_actor(target) if target is not None else None,
        cameo=code,
        goldstein=goldstein_of(code),
        quad_class=QUAD_BY_ROOT.get(code[:2], 1),
        plover=plover_of(code),
        modality=modality(verb),
        negated=any(c.dep_ == "neg" for c in verb.children),
        claimed_by=quote.speaker.actor if quote is not None and quote.speaker is not None else None,
        date=date,
        date_text=date_text,
        sentence=sentence,
        trigger=Mention(verb.idx, verb.idx + len(verb.text), verb.text),
        rule=rule,
        confidence=confidence,
    )


def event_actor(actor: Actor) -> EventActor:
    text = actor.mentions[0].text if actor.mentions else actor.name
    return EventActor(actor=actor.id, country=actor.country, sector=actor.sector, code=actor.code, text=text)


def modality(verb: Token) -> Modality:
    """intended ("will", "plans to"), hypothetical ("if", "could"), else asserted."""
    for token in (verb, verb.head):
        auxiliaries = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}
        if auxiliaries & HYPOTHETICAL or any(c.dep_ == "mark" and c.lower_ == "if" for c in token.children):
            return "hypothetical"
        if auxiliaries & INTENT or (
            token is not verb and token.lemma_.lower() in INTENT_VERBS and verb.dep_ == "xcomp"
        ):
            return "intended"
        if verb.dep_ != "xcomp":
            break
    return "asserted"


def event_date(context: Context, sentence: Span) -> tuple[str | None, str | None]:
    """A date in the event's sentence, else the article's date."""
    inside = [d for d in context.dates if sentence.start <= d.start < sentence.end and d.value]
    if inside:
        return inside[0].value, inside[0].text
    published = context.published
    return (published[:10], None) if published and valid_day(published[:10]) else (None, None)


def valid_day(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def says_something_coded(verb: Token, coded: dict[int, list[Event]]) -> bool:
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    return any(coded.get(t.i) for clause in clauses for t in clause.subtree if t.i != verb.i)


def around_of(verb: Token) -> Around:
    """A verb's subjects, dependents and prepositions, read once for every pattern of its block."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    dependents = [
        c for c in verb.children if c.dep_ in ("dobj", "attr", "xcomp", "advmod", "prt", "oprd", "acomp", "ccomp")
    ]
    preps = [c for c in verb.children if c.dep_ in ("prep", "agent", "dative")]
    preps += [p for d in dependents for p in d.children if p.dep_ == "prep"]
    return subjects, dependents, preps


@cache
def nominal_events() -> dict[str, tuple[str, tuple[str, ...]]]:
    table = toml_data("events/nominal.toml")["nouns"]
    return {noun: (entry["code"], tuple(entry["preps"])) for noun, entry in table.items()}


def code_noun(context: Context, noun: Token) -> list[Event]:
    """ "Lavrov's visit to New Delhi", "US sanctions on Iran": an event noun with its owner and object."""
    code, preps = nominal_events()[noun.lower_]
    owners = [c for c in noun.children if c.dep_ in ("poss", "compound", "amod") and c.i < noun.i]
    source = next((a for a in (actor_in(context, c) for c in owners) if a is not None), None)
    objects = [
        o for p in noun.children if p.dep_ == "prep" and p.lower_ in preps for o in p.children if o.dep_ == "pobj"
    ]
    target = next((a for a in (actor_in(context, o) for o in objects) if a is not None), None)
    if source is None or target is None or source.country is None or target.country in (None, source.country):
        return []
    return [
        make_event(
            context, noun, source, target, code, f"NOMINAL: {noun.lower_} ({'/'.join(preps)})", DEFAULT_CONFIDENCE
        )
    ]
