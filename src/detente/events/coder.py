"""Events: who did what to whom, coded in CAMEO and PLOVER from the dependency parse.

For each verb the CAMEO 2.0 verb dictionary knows, its block's patterns are tried against the
verb's dependents (subject before the verb; objects, particles and prepositional phrases after
it); the largest pattern that matches gives the code, else the verb's own or its block's default
code (``---``: no event). Event nouns ("Lavrov's visit to New Delhi", "held talks with") are
coded from ``data/events/nominal.toml``. Sources and targets come from ``arguments``; several of
each give one event per pair, and a compound source with no target ("Israel and Lebanon renewed
negotiations") gives cooperative events each way. An intention ("will supply", "agreed to meet",
"is ready to help") is coded as CAMEO 03 or 13 by ``data/events/coding.toml``. A statement is
kept only when what was said codes nothing itself.

Each event carries its PLOVER type, mode and context, Goldstein value and quad class, modality
and negation, the speaker who claims it when it sits inside a quote, its date, its sentence and
trigger, and the rule that fired. Every verb and event noun leaves a ``Decision`` saying what was
tried and why it was or was not coded: ``detente explain`` prints them.

This module runs the stage and settles the decisions against each other; the parts live beside
it: ``codes`` (what codes mean, the combination rules), ``patterns`` (which block and patterns a
verb takes), ``flat`` (PETRARCH-1 patterns), ``nominal`` (event nouns), ``said`` (demands,
requests, statements, criticism and praise) and ``decisions`` (a decision's events).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace as dataclass_replace
from pathlib import Path
from typing import TYPE_CHECKING

from msgspec.structs import replace

from ..actors.resolve import actors_by_token
from ..knowledge.lexicon import load_lexicon
from ..nlp import words_of
from ..record import Actor, DateRef, Event, Quote
from .arguments import Arguments, verb_arguments
from .clauses import SUBJECT_DEPTH, infinitive
from .decisions import (
    Context,
    Decision,
    any_target,
    coded,
    intention,
    threatened,
)
from .flat import flat_match, flat_of, marked_arguments, nearest_arguments
from .meetings import transcript_meetings
from .nominal import decide_noun, event_phrase, is_light_verb, light_verb_of
from .ontology import QUAD_BY_ROOT
from .patterns import around_of, block_for, passive_participle, pattern_matches, phrasal_of, verb_patterns
from .phrases import PEOPLE_PLACES, Scene, phrase_actors, place_in, places_in, struck_where
from .rules import (
    DEFAULT_CONFIDENCE,
    PATTERN_CONFIDENCE,
    PLACED_CONFIDENCE,
    nominal_events,
    rules,
    wish_verb,
)
from .said import (
    accused,
    asked_for,
    conversation,
    demand,
    demanded,
    evaluate,
    label,
    quoted_demand,
    request,
    shown_by_a_thing,
    unaddressed,
    utters,
)
from .statements import spoken_only
from .verbs import Block, Pattern, load_verbs

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# What the rest of the package uses; the module is internal to its stage.
__all__ = ["context_of", "decide_in", "find_events"]


def find_events(
    doc: Doc,
    actors: tuple[Actor, ...],
    quotes: tuple[Quote, ...] = (),
    dates: tuple[DateRef, ...] = (),
    published: str | None = None,
    dictionaries: Path | None = None,
    untargeted: bool = False,
    statements: bool = False,
) -> tuple[Event, ...]:
    """Every event of the article, once per (source, target, code, sentence), sentence by
    sentence and within one the main clause's first. An event of a type between two parties
    whose second party the text does not name is left out unless ``untargeted`` (``[recipients]
    undirected`` in ``data/events/coding.toml`` says which types stand alone). With ``statements``
    (coding a whole article, not a sentence read alone), a state that only speaks in the article
    made a statement to no one (``events/statements.py``)."""
    context = context_of(doc, actors, quotes, dates, published, dictionaries)
    decisions = decide_in(context)
    triggered = [(e, sum(1 for _ in d.token.ancestors)) for d in decisions for e in d.events]
    if context.verbs.packaged:  # a user's dictionary codes only what its own verbs say
        triggered += [(e, 0) for e in transcript_meetings(context)]
    ordered = [e for e, _ in sorted(triggered, key=lambda pair: (pair[0].sentence.start, pair[1]))]
    events: dict[tuple[object, ...], Event] = {}
    for event in ordered:
        target = (event.target.actor, event.target.code) if event.target else None
        key = (event.source.actor, event.source.code, target, event.cameo, event.sentence.start)
        events.setdefault(key, event)
    everything = untargeted or not context.verbs.packaged  # a user's dictionary: its own codes, all kept
    countries = {a.id: a for a in actors if a.kind == "country"}
    kept = tuple(
        e for e in events.values() if not with_itself(e, doc, countries) and (everything or directed_or_may_not(e))
    )
    if statements and context.verbs.packaged:  # a user's dictionary codes only what its own verbs say
        kept = (*kept, *spoken_only(context, actors, kept))
    return retold(kept)


def names_whole_state(doc: Doc, event: Event, countries: dict[str, Actor]) -> bool:
    """Whether a side of the event names its state as a whole: the country actor's mention in
    the sentence is a place's name standing alone (spaCy's GPE: "America", "the United States"),
    not a people ("ethnic Albanians", NORP), a word before a noun ("Bosnian Serbs", "Serb forces")
    or the owner of one ("the government of Ivory Coast")."""
    first, last = event.sentence.start, event.sentence.end
    for side in (event.source, event.target) if event.target else (event.source,):
        actor = countries.get(side.actor or "")
        mentions = actor.mentions if actor is not None else ()
        mention = next((m for m in mentions if first <= m.start < last and m.text == side.text), None)
        span = doc.char_span(mention.start, mention.end, "expand") if mention is not None else None
        root = span.root if span is not None else None
        if root is None or root.ent_type_ != "GPE" or root.dep_ in ("amod", "compound", "nmod", "poss"):
            continue
        if not (root.dep_ == "pobj" and root.head.lower_ == "of"):  # "the government of Ivory Coast"
            return True
    return False


def directed_or_may_not(event: Event) -> bool:
    """An event with a target, or of a type that stands without one (``[recipients] undirected``),
    unless only a verb's default code says it, with nothing read beyond (``[recipients] alone``)."""
    if event.target is not None:
        return True
    bare = "(default)" in event.rule and not event.steps and event.plover.type not in rules().alone_types
    return event.plover.type in rules().undirected_types and not bare


# Sectors that are the state itself: its government, or the country named as a whole.
STATE_SECTORS = frozenset({"", "GOV"})


def with_itself(event: Event, doc: Doc | None = None, countries: dict[str, Actor] | None = None) -> bool:
    """A state does nothing to itself: "Lasso visited Quito" (Ecuador's president in Ecuador's
    capital) is no event, nor an actor's act on itself, nor the government's on itself, nor the
    cooperation of a part of the state with the country named as a whole (``countries``:
    "businesses are investing in America", "the Indian army is supporting India"); a part's
    contention against the whole is an event (rebels blocking the roads into the capital). Two
    actors of one state of which one is not the state (police and protesters, the president and
    parliament, Serb forces and ethnic Albanians) are an event."""
    source, target = event.source, event.target
    if target is None or source.country is None or source.country != target.country:
        return False
    if source.actor is None or target.actor is None:  # unnamed people where they act ("prisoners rioted")
        return False
    if source.actor == target.actor or (source.sector in STATE_SECTORS and target.sector in STATE_SECTORS):
        return True
    # cooperation of a part with the whole is none; contention against it is (rebels against the state)
    cooperation = event.quad_class in (1, 2)
    return cooperation and doc is not None and countries is not None and names_whole_state(doc, event, countries)


def act_words(event: Event) -> set[str]:
    """The words that name an act: its trigger (an event noun), or the nouns of the verb pattern that
    coded it ("CONTINUE: * OFFENSIVE")."""
    if event.rule.startswith("NOMINAL"):
        return {event.trigger.text.lower()}
    pattern = event.rule.partition(": ")[2]
    words = {w.strip("()*{}&+$%^_").lower() for w in pattern.split() if w.strip("()*{}&+$%^_").isupper()}
    # a verb's own default: the verb names the act ("encouraging allies …" … "encouraging firms …")
    return (words - {"default"}) | ({event.trigger.text.lower()} if "(default)" in pattern else set())


def retold(events: tuple[Event, ...]) -> tuple[Event, ...]:
    """The article's events without an act told again with no target: an event noun or a pattern
    naming it ("Turkey continued the offensive with airstrikes", after "a military offensive into
    north-eastern Syria") or a verb of the same sentence ("will destroy and obliterate the economy of Turkey") with the
    same source and code as an event with a target is that act, counted once."""
    with_target = [e for e in events if e.target is not None]
    in_sentence = {(e.source.code, e.cameo, e.sentence.start) for e in with_target}
    named = {(e.source.code, e.cameo, word) for e in with_target for word in act_words(e)}

    def told_again(e: Event) -> bool:
        if e.target is not None:
            return False
        same_act = any((e.source.code, e.cameo, word) in named for word in act_words(e))
        return same_act or (e.source.code, e.cameo, e.sentence.start) in in_sentence

    kept = tuple(e for e in events if not told_again(e))
    return tuple(e for e in kept if not answered_before(e, kept))


def answered_before(event: Event, events: tuple[Event, ...]) -> bool:
    """ "Biden spoke with Putin … They discussed …": a meeting of two sides coded each way is the
    one told before from one to the other; its other way is no second meeting."""
    if not event.has_step("each way") or event.target is None or event.plover.type not in rules().one_meeting:
        return False
    pair = (event.source.country, event.target.country)
    told = {
        (e.source.country, e.target.country)
        for e in events
        if e.target is not None and e.sentence.start < event.sentence.start and e.plover.type == event.plover.type
    }
    return pair[::-1] in told and pair not in told


def context_of(
    doc: Doc,
    actors: tuple[Actor, ...],
    quotes: tuple[Quote, ...] = (),
    dates: tuple[DateRef, ...] = (),
    published: str | None = None,
    dictionaries: Path | None = None,
) -> Context:
    """What the coder reads an article against: its parse and actors (not the countries an attitude
    is for or against), quotes, dates and the verb dictionary."""
    by_token = {
        i: a for i, a in actors_by_token(doc, actors).items() if not attitude_object(doc, i) and not aim_in_name(doc, i)
    }
    scene = Scene(doc, by_token, quotes, load_lexicon(dictionaries))
    return Context(scene, load_verbs(dictionaries), dates, published)


# "anti-Israel bias", "pro-Russian separatists", "counter-ISIS operations", "Defeat-ISIS
# operations": the country or group is what the attitude or the effort is for or against, neither
# a party that acts nor one acted on.
ATTITUDE_PREFIXES = frozenset({"anti", "pro", "counter", "defeat"})


def attitude_object(doc: Doc, i: int) -> bool:
    hyphen = i >= 2 and doc[i - 1].text in ("-", "‑") and doc[i - 2].lower_ in ATTITUDE_PREFIXES
    return hyphen or doc[i].lower_.split("-", 1)[0] in ATTITUDE_PREFIXES and "-" in doc[i].text


# "the Global Coalition to Defeat ISIS", "the U.S. Mission to the United Nations": a name inside an
# organisation's name, after its "to" or "against", is what the body is for or where it is sent,
# neither a party that acts nor one acted on (the actors stage still lists it as named).
NAME_AIMS = frozenset({"to", "against"})


def aim_in_name(doc: Doc, i: int) -> bool:
    if doc[i].ent_iob_ != "I" or doc[i].ent_type_ != "ORG":
        return False
    start = i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    return any(t.lower_ in NAME_AIMS for t in doc[start:i])


def decide_in(context: Context) -> list[Decision]:
    """A decision for every event noun and every verb of the article, in text order."""
    doc = context.scene.doc
    # Event nouns carry CAMEO codes: with a user's own verb dictionary (its own codes) they stay out.
    nouns = nominal_events() if context.verbs.packaged else {}
    words = words_of(doc)
    decisions = [
        decide_noun(context, doc[i]) for i, p in enumerate(words.pos) if p == "NOUN" and words.lowers[i] in nouns
    ]
    decisions += [decide_verb(context, doc[i]) for i, p in enumerate(words.pos) if p == "VERB"]
    decisions.sort(key=lambda d: d.token.i)
    settle(decisions, context.verbs.packaged)
    if context.verbs.packaged:
        for decision in decisions:
            evaluate(context, decision)
            label(context, decision)
            unaddressed(decision)
    return decisions


def settle(decisions: list[Decision], packaged: bool = True) -> None:
    """Drop what another decision codes better: a light verb's default when its object noun is
    coded (the noun's when the verb has a pattern for it), a statement whose content is coded, a
    verb of intention or wish whose infinitive or clause is coded."""
    r = rules()
    by_token = {d.token.i: d for d in decisions}
    coded = {d.token.i for d in decisions if d.events}
    governed: dict[int, list[Decision]] = {}  # light verb -> the event nouns it governs
    for noun in (d for d in decisions if d.events and d.token.pos_ == "NOUN"):
        verb = light_verb_of(event_phrase(noun.token))
        if verb is not None:
            governed.setdefault(verb.i, []).append(noun)
    for decision in decisions:
        if not decision.events:
            continue
        token, lemma = decision.token, decision.token.lemma_.lower()
        inner = {t.i for c in token.children if c.dep_ in ("ccomp", "xcomp") for t in clause_of(c)} & coded
        intended = any(e.has_step("intent") for i in inner for e in by_token[i].events)
        nouns = [d for d in governed.get(token.i, []) if d.events]
        named = [n for n in nouns if n.token.text.upper() in decision.rule.upper().split()]
        said = [c.i for c in token.children if c.dep_ == "dobj" and c.i in coded and c.pos_ == "NOUN"]
        light = is_light_verb(token)
        if light and nouns and any_target(decision) and not any(any_target(n) for n in nouns):
            for noun in nouns:  # "conducting military exercises in Alaska": the verb's pattern has the target
                noun.events, noun.reason = [], "its light verb codes the event, with a target"
        elif light and nouns and not named:
            decision.events, decision.reason = [], "a light verb: its object noun gives the event"
        elif light and nouns:
            for noun in named:  # "held talks" (HOLD * TALKS, 046): the pattern codes the talks
                if noun.code[:2] == decision.code[:2]:
                    noun.events, noun.reason = [], "coded by its light verb's pattern, which names it"
        elif said and decision.code.startswith("01") and not named:
            decision.events, decision.reason = [], "a statement of an event noun: the noun gives the event"
        elif inner and (decision.code.startswith("01") or not (decision.matched or any_target(decision))):
            decision.events, decision.reason = [], "a statement or claim: what was said is coded itself"
        elif lemma in r.refusal_verbs and any(e.has_step("refusal") for i in inner for e in by_token[i].events):
            decision.events, decision.reason = [], "a refusal: coded on the act refused"
        elif packaged and demanded(token) is not None:
            decision.events, decision.reason = [], "what someone demanded, not done"
        elif asked_for(token):
            decision.events, decision.reason = [], "what someone was asked or urged to do, not done"
        elif refused_above(token, by_token):
            decision.events, decision.reason = [], "what someone refused to allow, not done"
        elif (lemma in r.intent_verbs or wish_verb(token)) and intended:
            decision.events, decision.reason = [], "an intention: coded on the verb it governs"
        elif wish_verb(token) and inner:  # "I want to thank you": the thanks, not a demand
            decision.events, decision.reason = [], "a wish: coded on the verb it governs"


def refused_above(token: Token, by_token: dict[int, Decision]) -> bool:
    """ "refused to allow UN planes to land and evacuate …": the acts inside the clause of a
    refused verb were not done."""
    while token.dep_ in ("ccomp", "xcomp", "conj") and token.head.i != token.i:
        token = token.head
        if token.i in by_token and any(e.has_step("refusal") for e in by_token[token.i].events):
            return True
    return False


def clause_of(verb: Token) -> list[Token]:
    """The words of a verb's clause, without the clauses that only modify it ("to stop talks if
    the United States goes ahead": the condition is no part of what was threatened)."""
    words, stack = [], [verb]
    while stack:
        word = stack.pop()
        words.append(word)
        stack.extend(c for c in word.children if c.dep_ not in ("advcl", "relcl", "acl"))
    return words


def decide_verb(context: Context, verb: Token) -> Decision:
    decision = Decision(verb)
    found = block_for(context.verbs, verb)
    if found is None:
        decision.reason = "not in the verb dictionary"
        return decision
    block, own_code = found
    violent = (own_code or block.code)[:2] in rules().placed_participle_roots
    placed = placed_participle(context.scene, verb) if context.verbs.dialect != "P1" and violent else None
    if passive_participle(verb) and placed is None:
        decision.rule, decision.reason = block.name, "a participle with no subject (its subject is its target)"
        return decision
    if verb.lemma_.lower() in rules().intransitive and any(c.dep_ in ("dobj", "ccomp") for c in verb.children):
        decision.rule, decision.reason = block.name, "with an object or a clause this verb shows, it does not protest"
        return decision
    if shown_by_a_thing(context.scene, verb):
        decision.rule, decision.reason = (
            block.name,
            "a thing that shows ('the war highlights the need …'), no one who says",
        )
        return decision
    decision.arguments = placed or verb_arguments(context.scene, verb)
    if context.verbs.dialect == "P1":  # a PETRARCH-1 dictionary: flat word patterns
        return decide_flat(context, decision, verb, block, own_code)
    around = around_of(verb)
    base = phrasal_of(context.verbs, verb) or context.verbs.bases.get(verb.text.upper(), "")
    # a pattern written for one verb of the block applies to that verb ("took part", not "captured
    # part"); another verb's applies only when it names a phrase of several words ("began a hunger
    # strike": START * {HUNGER STRIKE}) and none of the verb's own does
    own, others = verb_patterns(block, base)
    matching = [p for p in own if pattern_matches(around, p)] or [p for p in others if pattern_matches(around, p)]
    if owned_object(verb):  # "welcomed Switzerland's contribution to the fund": no one is hosted
        matching = [p for p in matching if not p.code.startswith(VISIT_CODES)]
    decision.tried, decision.matched = len(own) + len(others), tuple(p.text for p in matching)
    pattern = max(matching, key=lambda p: p.size) if matching else None
    return decide_code(context, decision, verb, block, pattern, own_code)


# A visit made or hosted (CAMEO 042, 043): "welcomed Modi to the White House".
VISIT_CODES = ("042", "043")


def owned_object(verb: Token) -> bool:
    """The verb's object is a thing someone owns ("welcomed Ukraine's commitment to reform"), so a
    "to" after it completes the noun: the owner is praised, not welcomed somewhere."""
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        if any(c.dep_ == "poss" for c in obj.children) or (
            obj.i + 1 < len(obj.doc) and obj.doc[obj.i + 1].tag_ == "POS"
        ):
            return True
    return False


def placed_participle(scene: Scene, verb: Token) -> Arguments | None:
    """ "10 Russian soldiers killed in Ukraine": a participle after the actors it was done to, with no
    agent, is done by the country where it happened, as a passive is ("were killed in Ukraine")."""
    if not passive_participle(verb) or verb.dep_ != "acl" or any(c.dep_ == "agent" for c in verb.children):
        return None
    done_to = phrase_actors(scene, verb.head)
    where = place_in(scene, verb, PEOPLE_PLACES)
    if not done_to or where is None or where.country in {a.country for a in done_to}:
        return None
    return Arguments((where,), done_to, True, placed=True)


def decide_flat(context: Context, decision: Decision, verb: Token, block: Block, own_code: str) -> Decision:
    """PETRARCH-1: the longest flat pattern found around the verb; its ``$``/``+`` marks, else the
    nearest actors, give source and target; an event needs both."""
    doc, synsets = context.scene.doc, context.verbs.synset_items
    # a code with no digit ("[+++]", "[xxy]") codes nothing: the pattern is passed over
    coding = [p for p in block.patterns if any(c.isdigit() for c in p.code)]
    flats = [(p, f) for p in coding if (f := flat_of(p, synsets)) is not None]
    matching = [(p, f, m) for p, f in flats if (m := flat_match(doc, verb, f)) is not None]
    decision.tried, decision.matched = len(block.patterns), tuple(p.text for p, _, _ in matching)
    best = max(matching, key=lambda found: found[1].rank) if matching else None
    assert decision.arguments is not None
    arguments = nearest_arguments(context.scene, verb, decision.arguments)
    if best is not None:
        arguments = marked_arguments(context.scene, best[2], arguments)
    decision.arguments = arguments
    compound = best is not None and len(arguments.sources) > 1 and best[2].marks.get("%", (0, 0))[1] < 0
    if not arguments.targets and not compound:  # TABARI codes an event only with a source and a target
        decision.reason = "no target (a PETRARCH-1 dictionary codes only source-target events)"
        return decision
    decide_code(context, decision, verb, block, best[0] if best else None, own_code)
    if best is not None and best[2].negates(doc):  # "did n't clash" is the pattern's own event
        decision.events = [replace(e, negated=False) for e in decision.events]
    return decision


def decide_code(
    context: Context, decision: Decision, verb: Token, block: Block, pattern: Pattern | None, own_code: str
) -> Decision:
    """The matched pattern's code, else the verb's default; then the events."""
    override = rules().defaults.get(verb.lemma_.lower()) if context.verbs.packaged else None
    default = override or own_code or block.code
    decision.code = pattern.code if pattern is not None else default
    decision.rule = f"{block.name}: {pattern.text}" if pattern is not None else f"{block.name}: * (default)"
    if pattern is not None and context.verbs.packaged and done_not_intended(decision, verb, default):
        decision.step(default, "done", "the act in the past, not an intention")
    if pattern is None and context.verbs.packaged:
        travel(context, decision, verb)
        if no_opponent(verb):
            decision.code = "---"
    if (not decision.code or decision.code.startswith("-")) and context.verbs.packaged and forces_leave(decision, verb):
        decision.step(rules().withdrawal_code, "withdrawal", "forces leaving")
    if (not decision.code or decision.code.startswith("-")) and context.verbs.packaged and utters(verb):
        # "issued a stern reminder to Iraq that …", "sent a letter to": making an utterance is a statement
        decision.step("010", "statement", "an utterance")
    if (not decision.code or decision.code.startswith("-")) and context.verbs.packaged and threatened(verb):
        # "threatened to cut off electricity to Azerbaijan": an act the dictionary leaves uncoded is,
        # threatened, a threat to those it is done to
        decision.code = rules().threat_code  # the threat step itself is read when the events are made
    if not decision.code or decision.code.startswith("-") or "?" in decision.code:
        decision.reason = "the dictionary codes no event here ([---], or a code it marks uncertain: [025?])"
        return decision
    confidence = PATTERN_CONFIDENCE if pattern is not None else DEFAULT_CONFIDENCE
    if decision.arguments is not None and cooperative(decision.code):
        decision.arguments = without_opponents(context.scene, verb, decision.arguments)
    if decision.arguments is not None and decision.arguments.placed:
        decision.step(decision.code, "placed", "the source is where it happened; no agent named")
        confidence = PLACED_CONFIDENCE
    if context.verbs.packaged:
        struck(context, decision, verb)
    request(context, decision, verb)
    conversation(context, decision, verb)
    demand(context, decision, verb)
    if not decision.code:  # a demand of no one named
        return decision
    accused(context, decision, verb)
    if context.verbs.packaged:
        quoted_demand(context, decision, verb)
        dissent(decision)
    return coded(context, decision, verb, confidence)


def struck(context: Context, decision: Decision, verb: Token) -> None:
    """ "Israeli aircraft struck targets in Beirut": force used on no one named is used on the
    country where it struck, another than the doers' (``struck_roots`` in ``[placed]``)."""
    arguments = decision.arguments
    if arguments is None or arguments.targets or not arguments.sources or arguments.placed:
        return
    if decision.code[:2] not in rules().struck_roots:
        return
    heads = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    where = struck_where(context.scene, heads, arguments.sources)
    if where is None:
        return
    decision.step(decision.code, "struck", f"in {where.country}")
    decision.arguments = dataclass_replace(arguments, targets=(where,))


def cooperative(code: str) -> bool:
    """Verbal or material cooperation (quad classes 1 and 2)."""
    return QUAD_BY_ROOT.get(code[:2], 0) in (1, 2)


def without_opponents(scene: Scene, verb: Token, arguments: Arguments) -> Arguments:
    """ "defended themselves against Russia", "protect US interests against hostile action by Iran":
    whom a cooperative act is done against (in the verb's phrase or its object's) is its opponent,
    not whom it helps or joins."""
    heads = [verb, *(c for c in verb.children if c.dep_ in ("dobj", "dative"))]
    preps = [c for head in heads for c in head.children if c.dep_ == "prep" and c.lower_ == "against"]
    against = [t for prep in preps for t in prep.subtree]
    opponents = {scene.actors_by_token[t.i].id for t in against if t.i in scene.actors_by_token}
    if not opponents:
        return arguments
    return dataclass_replace(arguments, targets=tuple(t for t in arguments.targets if t.id not in opponents))


def done_not_intended(decision: Decision, verb: Token, default: str) -> bool:
    """CAMEO 2.0 codes some patterns of an act's own verb as the intention to do it ("MEET * (AT)"
    [036]); said in the past with no word of intention ("the leaders met today at …") it is the
    act, the verb's own code (040)."""
    intent_root = decision.code.startswith("03") and not default.startswith("03")
    if not intent_root or intention(verb) is not None:
        return False
    if not default or default.startswith("-"):
        return False  # "reached an agreement with Lebanon": a verb with no act of its own keeps the agreement
    past = verb.tag_ == "VBD" and not any(c.dep_ == "aux" for c in verb.children)
    return (past and verb.dep_ in ("ROOT", "conj")) or purpose_of_past(verb)


def purpose_of_past(verb: Token) -> bool:
    """ "welcomed you to the White House last September … to meet with our fellow Quad leaders": an
    infinitive of purpose (or of an emotion: "was honored to welcome") under a verb told in the
    past was done with it; one under a verb of refusing or failing was not."""
    token = verb
    for _ in range(SUBJECT_DEPTH):
        if token.dep_ not in ("xcomp", "advcl") or not infinitive(token) or token.head.i == token.i:
            return False
        token = token.head
        if token.lemma_.lower() in rules().refusal_verbs:
            return False
        auxiliaries = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}
        simple_past = token.tag_ == "VBD" and not auxiliaries  # "welcomed you … to meet"
        passive_past = token.tag_ == "VBN" and bool(auxiliaries) and auxiliaries <= {"was", "were"}  # "was honored to"
        if simple_past or passive_past:
            return True
    return False


def travel(context: Context, decision: Decision, verb: Token) -> None:
    """ "Modi went to Moscow": a person or body going to another country visits it (``[travel]``);
    going nowhere named, or home, or as an army is no event ("went on to say")."""
    r = rules()
    prepositions = r.travel_verbs.get(verb.lemma_.lower())
    if prepositions is None or decision.arguments is None:
        return
    sources = decision.arguments.sources
    own = {a.country for a in sources}
    found = places_in(context.scene, verb, prepositions)
    places = one_per_country(p for p in found if p.country not in own)  # "Warsaw, Poland" is one visit
    visitors = all(a.sector not in r.not_visitors for a in sources)
    if not places or not visitors:
        decision.code = "---"
        return
    decision.step(r.travel_code, "visit", "to " + ", ".join(p.country or "" for p in places))
    decision.arguments = dataclass_replace(decision.arguments, targets=tuple(places))


def one_per_country(actors: Iterable[Actor]) -> list[Actor]:
    """The first of the actors of each country, in order."""
    kept: dict[str | None, Actor] = {}
    for actor in actors:
        kept.setdefault(actor.country, actor)
    return list(kept.values())


def no_opponent(verb: Token) -> bool:
    """ "engaging with energy leaders": a verb whose default is an assault only against someone
    (``[against]``) with no "against" in its phrases ("were engaged in ethnic cleansing against …")."""
    if verb.lemma_.lower() not in rules().against_verbs:
        return False
    return not any(t.dep_ == "prep" and t.lower_ == "against" for t in verb.subtree)


def forces_leave(decision: Decision, verb: Token) -> bool:
    """ "US troops would be leaving Syria": armed forces leaving a country (``[withdrawals]``)."""
    r = rules()
    sources = decision.arguments.sources if decision.arguments is not None else ()
    return (
        verb.lemma_.lower() in r.withdrawal_verbs
        and bool(sources)
        and all(a.sector in r.withdrawal_sectors for a in sources)
    )


def dissent(decision: Decision) -> None:
    """Coercion by people, not a state ("workers blocked the bridge") is dissent (``[dissent]``)."""
    r = rules()
    sources = decision.arguments.sources if decision.arguments is not None else ()
    if decision.code[:2] not in r.dissent_roots or not sources:
        return
    if all(a.sector and a.sector not in r.state_sectors for a in sources):
        decision.step(r.dissent_code, "dissent", "no state coerces here")
