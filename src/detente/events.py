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
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache
from itertools import permutations
from pathlib import Path
from typing import TYPE_CHECKING

from msgspec.structs import replace

from .actors import actors_by_token
from .arguments import (
    Arguments,
    Scene,
    object_actors,
    pair_named_before,
    phrase_actors,
    place_actor,
    quote_speaker,
    subject_actors,
    subject_token,
    verb_arguments,
)
from .flat import FlatMatch, flat_match, flat_of
from .knowledge import data_text, toml_data
from .lexicon import load_lexicon
from .nlp import sentence_index, sentence_spans
from .record import Actor, DateRef, Event, EventActor, Mention, Modality, Plover, Quote, Span
from .verbs import Block, Element, Pattern, Phrasal, VerbDictionary, load_verbs

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# How sure a rule is: a pattern that matched words around the verb, or the verb's default code.
PATTERN_CONFIDENCE = 0.8
DEFAULT_CONFIDENCE = 0.5
# A passive with no agent, its source the country where it happened: a guess, said as one.
PLACED_CONFIDENCE = 0.3

# Verbs of wish: what they govern is intended, but not an expressed intent ("wants to take part").
WISH_VERBS = frozenset({"aim", "seek", "want", "hope", "wish", "expect", "try"})
# "X, Y and Z joined the coalition" is mutual; a longer list is a roll-call, not a meeting of all.
MUTUAL_MOST = 3
# How many infinitives up a negation reaches ("would not give permission to Russia to help").
NEGATION_REACH = 3
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


# --- the rules of combination (data/events/coding.toml) ----------------------------------------------


@dataclass(frozen=True)
class Rules:
    intent_codes: dict[str, str]
    intent_verbs: frozenset[str]
    intent_adjectives: frozenset[str]
    future: frozenset[str]
    scheduled_roots: frozenset[str]
    mutual_roots: frozenset[str]
    light_verbs: frozenset[str]
    defaults: dict[str, str]
    request_verbs: frozenset[str]
    stopping_verbs: frozenset[str]
    stopping_codes: dict[str, str]
    refusal_verbs: frozenset[str]
    refusal_codes: dict[str, str]
    demand_auxiliaries: frozenset[str]
    demand_code: str
    request_code: str
    utterances: frozenset[str]
    untargeted_statements: frozenset[str]
    intransitive: frozenset[str]
    audiences: frozenset[str]


@cache
def rules() -> Rules:
    data = toml_data("events/coding.toml")
    words = data["intent"]["words"]
    return Rules(
        intent_codes=dict(data["intent"]["codes"]),
        intent_verbs=frozenset(words["verbs"]),
        intent_adjectives=frozenset(words["adjectives"]),
        future=frozenset(words["future"]),
        scheduled_roots=frozenset(words["scheduled_roots"]),
        mutual_roots=frozenset(data["mutual"]["roots"]),
        light_verbs=frozenset(data["light_verbs"]["verbs"]),
        defaults=dict(data["defaults"]),
        request_verbs=frozenset(data["requests"]["verbs"]),
        stopping_verbs=frozenset(data["stopping"]["verbs"]),
        stopping_codes=dict(data["stopping"]["codes"]),
        refusal_verbs=frozenset(data["refusal"]["verbs"]),
        refusal_codes=dict(data["refusal"]["codes"]),
        demand_auxiliaries=frozenset(data["demands"]["auxiliaries"]),
        demand_code=data["demands"]["code"],
        request_code=data["requests"]["code"],
        utterances=frozenset(data["utterances"]["nouns"]),
        untargeted_statements=frozenset(data["statements"]["untargeted"]),
        intransitive=frozenset(data["intransitive"]["verbs"]),
        audiences=frozenset(data["statements"]["audiences"]),
    )


def refusal_code(code: str) -> str | None:
    """The CAMEO 12 code of refusing to do ``code`` ("refused to deploy peacekeepers" 0334 → 120)."""
    table = rules().refusal_codes
    return next((table[p] for p in (code[:4], code[:3], code[:2]) if p in table), None)


def intent_code(code: str) -> str | None:
    """The CAMEO 03/13 code of an intention to do ``code`` ("will supply" 070 → 033), if any."""
    table = rules().intent_codes
    return next((table[p] for p in (code[:4], code[:3], code[:2]) if p in table), None)


# --- finding events ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Context:
    scene: Scene
    verbs: VerbDictionary
    dates: tuple[DateRef, ...]
    published: str | None


@dataclass
class Decision:
    """What the coder made of one verb or event noun, and why: the events, or the reason for none."""

    token: Token
    rule: str = ""
    code: str = ""
    arguments: Arguments | None = None
    tried: int = 0
    matched: tuple[str, ...] = ()
    reason: str = ""
    events: list[Event] = field(default_factory=list)


def find_events(
    doc: Doc,
    actors: tuple[Actor, ...],
    quotes: tuple[Quote, ...] = (),
    dates: tuple[DateRef, ...] = (),
    published: str | None = None,
    dictionaries: Path | None = None,
) -> tuple[Event, ...]:
    """Every event of the article, once per (source, target, code, sentence), sentence by
    sentence and within one the main clause's first."""
    decisions = decide_all(doc, actors, quotes, dates, published, dictionaries)
    triggered = [(e, sum(1 for _ in d.token.ancestors)) for d in decisions for e in d.events]
    ordered = [e for e, _ in sorted(triggered, key=lambda pair: (pair[0].sentence.start, pair[1]))]
    events: dict[tuple[object, ...], Event] = {}
    for event in ordered:
        target = (event.target.actor, event.target.code) if event.target else None
        key = (event.source.actor, event.source.code, target, event.cameo, event.sentence.start)
        events.setdefault(key, event)
    return tuple(events.values())


def decide_all(
    doc: Doc,
    actors: tuple[Actor, ...],
    quotes: tuple[Quote, ...] = (),
    dates: tuple[DateRef, ...] = (),
    published: str | None = None,
    dictionaries: Path | None = None,
) -> list[Decision]:
    """A decision for every event noun and every verb of the article, in text order."""
    scene = Scene(doc, actors_by_token(doc, actors), quotes, load_lexicon(dictionaries))
    context = Context(scene, load_verbs(dictionaries), dates, published)
    # Event nouns carry CAMEO codes: with a user's own verb dictionary (its own codes) they stay out.
    nouns = nominal_events() if context.verbs.packaged else {}
    decisions = [decide_noun(context, t) for t in doc if t.pos_ == "NOUN" and t.lower_ in nouns]
    decisions += [decide_verb(context, t) for t in doc if t.pos_ == "VERB"]
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
        intended = any("→ intent" in e.rule for i in inner for e in by_token[i].events)
        nouns = [d for d in governed.get(token.i, []) if d.events]
        named = [n for n in nouns if n.token.text.upper() in decision.rule.upper().split()]
        said = [c.i for c in token.children if c.dep_ == "dobj" and c.i in coded and c.pos_ == "NOUN"]
        if lemma in r.light_verbs and nouns and any_target(decision) and not any(any_target(n) for n in nouns):
            for noun in nouns:  # "conducting military exercises in Alaska": the verb's pattern has the target
                noun.events, noun.reason = [], "its light verb codes the event, with a target"
        elif lemma in r.light_verbs and nouns and not named:
            decision.events, decision.reason = [], "a light verb: its object noun gives the event"
        elif lemma in r.light_verbs and nouns:
            for noun in named:  # "held talks" (HOLD * TALKS, 046): the pattern codes the talks
                if noun.code[:2] == decision.code[:2]:
                    noun.events, noun.reason = [], "coded by its light verb's pattern, which names it"
        elif said and decision.code.startswith("01") and not named:
            decision.events, decision.reason = [], "a statement of an event noun: the noun gives the event"
        elif inner and (decision.code.startswith("01") or not (decision.matched or any_target(decision))):
            decision.events, decision.reason = [], "a statement or claim: what was said is coded itself"
        elif lemma in r.refusal_verbs and any("→ refusal" in e.rule for i in inner for e in by_token[i].events):
            decision.events, decision.reason = [], "a refusal: coded on the act refused"
        elif packaged and demanded(token) is not None:
            decision.events, decision.reason = [], "what someone demanded, not done"
        elif asked_for(token):
            decision.events, decision.reason = [], "what someone was asked or urged to do, not done"
        elif (lemma in r.intent_verbs or lemma in WISH_VERBS) and intended:
            decision.events, decision.reason = [], "an intention: coded on the verb it governs"


def clause_of(verb: Token) -> list[Token]:
    """The words of a verb's clause, without the clauses that only modify it ("to stop talks if
    the United States goes ahead": the condition is no part of what was threatened)."""
    words, stack = [], [verb]
    while stack:
        word = stack.pop()
        words.append(word)
        stack.extend(c for c in word.children if c.dep_ not in ("advcl", "relcl", "acl"))
    return words


def demanded(token: Token) -> Token | None:
    """The verb of saying or demanding whose clause this is, when the clause has "must" or
    "should" ("said China must drop barriers") or is a demand verb's subjunctive ("demanded that
    Hamas renounce …"; not "told AFP the army lifted the blockade", which reports)."""
    head = token.head
    if token.dep_ != "ccomp" or head is token:
        return None
    auxiliaries = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}
    if auxiliaries & rules().demand_auxiliaries:
        return head
    if head.lemma_.lower() in rules().request_verbs and token.tag_ in ("VB", "VBP") and not auxiliaries:
        return head
    return None


@cache
def evaluative_words() -> dict[str, str]:
    data = toml_data("events/evaluative.toml")
    return dict.fromkeys(data["criticism"]["words"], "111") | dict.fromkeys(data["praise"]["words"], "051")


@cache
def label_words() -> tuple[frozenset[str], dict[str, str]]:
    data = toml_data("events/evaluative.toml")
    labels = data["labels"]
    words = evaluative_words() | dict.fromkeys(labels["criticism"], "111") | dict.fromkeys(labels["praise"], "051")
    return frozenset(labels["verbs"]), words


def label(context: Context, decision: Decision) -> None:
    """ "named both the PKK and the YPG as terrorists": a verb of labelling with a word of criticism
    or praise after "as" is that criticism (111) or praise (051) of its object."""
    verbs, words = label_words()
    verb = decision.token
    if decision.arguments is None or verb.pos_ != "VERB" or verb.lemma_.lower() not in verbs:
        return
    labels = [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "as" for o in p.subtree if o.lower_ in words]
    targets = object_actors(context.scene, verb, decision.arguments.sources, frozenset())
    if not labels or not targets:
        return
    word = labels[0]
    code = words[word.lower_]
    decision.arguments = Arguments(decision.arguments.sources, targets, False)
    decision.code = code
    decision.rule = f"{decision.rule} → {'criticism' if code == '111' else 'praise'} (as {word.text})"
    decision.events = [
        make_event(context, verb, verb, (s, t), code, decision.rule, DEFAULT_CONFIDENCE)
        for s in decision.arguments.sources
        if s.country
        for t in targets
    ]
    decision.reason = f"coded {len(decision.events)} event(s): a label"


def evaluate(context: Context, decision: Decision) -> None:
    """A statement whose content codes nothing but criticises or praises another country's actor
    in one phrase ("said ties are under stress because of the US-led interference") is that
    criticism (111) or praise (051), from the speaker to that actor."""
    if not decision.events or not decision.code.startswith("01") or decision.arguments is None:
        return
    sources = decision.arguments.sources
    countries = {a.country for a in sources}
    words = evaluative_words()
    clauses = [c for c in decision.token.children if c.dep_ == "ccomp"]
    for word in (t for clause in clauses for t in clause.subtree if t.lower_ in words):
        named = evaluated_actors(context.scene, word)
        targets = tuple(dict.fromkeys(a for a in named if a.country not in countries | {None}))
        if targets:
            code, rule = (
                words[word.lower_],
                f"{decision.rule} → {'criticism' if words[word.lower_] == '111' else 'praise'} ({word.text})",
            )
            decision.events = [
                make_event(context, decision.token, decision.token, (s, t), code, rule, DEFAULT_CONFIDENCE)
                for s in sources
                if s.country
                for t in targets
            ]
            decision.reason = f"coded {len(decision.events)} event(s): the statement {rule.rsplit('→ ', 1)[1]}"
            return


def evaluated_actors(scene: Scene, word: Token) -> list[Actor]:
    """The actors an evaluative word is said of: in its own phrase ("the US-led interference"),
    or the subject of the predicate it is ("the relations between the two countries have always
    been friendly": "the two countries" are the two named before)."""
    phrases = [word.head if word.dep_ in ("amod", "compound") else word]
    predicate = word
    while predicate.dep_ == "conj" and predicate.head is not predicate:
        predicate = predicate.head
    if predicate.dep_ in ("acomp", "attr"):
        phrases += [c for c in predicate.head.children if c.dep_ == "nsubj"]
    found: list[Actor] = []
    for token in (t for phrase in phrases for t in phrase.subtree):
        if token.i in scene.actors_by_token:
            found.append(scene.actors_by_token[token.i])
        elif token.pos_ == "NOUN":
            found += pair_named_before(scene, token)
    return found


def unaddressed(decision: Decision) -> None:
    """A plain statement to no one (or to the press) is the speaker's quote, not an event."""
    r = rules()
    addressed = [e for e in decision.events if e.target is not None and e.target.sector not in r.audiences]
    plain = all(e.cameo == decision.code for e in decision.events)
    if decision.events and decision.code in r.untargeted_statements and not addressed and plain:
        decision.events, decision.reason = [], "a statement to no one: kept as the speaker's quote, not an event"


def asked_for(token: Token) -> bool:
    """ "urged the United States to reconsider": the infinitive of a verb of request with an object."""
    head = token.head
    return (
        token.dep_ == "xcomp"
        and head.lemma_.lower() in rules().request_verbs
        and any(c.dep_ == "dobj" for c in head.children)
    )


def any_target(decision: Decision) -> bool:
    return any(e.target is not None for e in decision.events)


def decide_verb(context: Context, verb: Token) -> Decision:
    decision = Decision(verb)
    found = block_for(context.verbs, verb)
    if found is None:
        decision.reason = "not in the verb dictionary"
        return decision
    block, own_code = found
    if passive_participle(verb):
        decision.rule, decision.reason = block.name, "a participle with no subject (its subject is its target)"
        return decision
    if verb.lemma_.lower() in rules().intransitive and any(c.dep_ in ("dobj", "ccomp") for c in verb.children):
        decision.rule, decision.reason = block.name, "with an object or a clause this verb shows, it does not protest"
        return decision
    decision.arguments = verb_arguments(context.scene, verb)
    if context.verbs.dialect == "P1":  # a PETRARCH-1 dictionary: flat word patterns
        return decide_flat(context, decision, verb, block, own_code)
    around = around_of(verb)
    base = phrasal_of(context.verbs, verb) or context.verbs.bases.get(verb.text.upper(), "")
    # a pattern written for one verb of the block applies to that verb ("took part", not "captured
    # part"); another verb's applies only when it names a phrase of several words ("began a hunger
    # strike": START * {HUNGER STRIKE}) and none of the verb's own does
    own, others = verb_patterns(block, base)
    matching = [p for p in own if pattern_matches(around, p)] or [p for p in others if pattern_matches(around, p)]
    decision.tried, decision.matched = len(own) + len(others), tuple(p.text for p in matching)
    pattern = max(matching, key=lambda p: p.size) if matching else None
    return decide_code(context, decision, verb, block, pattern, own_code)


def verb_patterns(block: Block, base: str) -> tuple[tuple[Pattern, ...], tuple[Pattern, ...]]:
    """The block's patterns written for ``base`` (or for any verb), and the other verbs' patterns
    of several words; worked out once per block and verb."""
    if base not in block.splits:
        own = tuple(p for p in block.patterns if not p.verb or p.verb == base)
        others = tuple(p for p in block.patterns if p.verb and p.verb != base and several_words(p))
        block.splits[base] = (own, others)
    return block.splits[base]


def several_words(pattern: Pattern) -> bool:
    elements = [*pattern.before, *pattern.after]
    words = sum(len(e.words) + (len(e.object.words) if e.object else 0) + (1 if e.prep else 0) for e in elements)
    return words >= 2


def block_for(verbs: VerbDictionary, verb: Token) -> tuple[Block, str] | None:
    """The verb's block: a multi-word verb's when its other words stand around it ("cordoned off",
    "wire tapped"), else the single word's."""
    entry = phrasal_entry(verbs, verb)
    if entry is not None:
        return verbs.blocks[entry.block], entry.code
    return verbs.block_of(verb.text)


def phrasal_of(verbs: VerbDictionary, verb: Token) -> str:
    entry = phrasal_entry(verbs, verb)
    return entry.verb if entry is not None else ""


def phrasal_entry(verbs: VerbDictionary, verb: Token) -> Phrasal | None:
    doc = verb.doc
    for entry in verbs.phrasal.get(verb.text.upper(), []):
        start, end = verb.i - len(entry.before), verb.i + 1 + len(entry.after)
        if start < 0 or end > len(doc):
            continue
        before = tuple(t.text.upper() for t in doc[start : verb.i])
        after = tuple(t.text.upper() for t in doc[verb.i + 1 : end])
        particle = len(entry.after) == 1 and any(
            c.dep_ == "prt" and c.text.upper() == entry.after[0] for c in verb.children
        )
        if before == entry.before and (after == entry.after or particle):
            return entry
    return None


def decide_flat(context: Context, decision: Decision, verb: Token, block: Block, own_code: str) -> Decision:
    """PETRARCH-1: the longest flat pattern found around the verb; its ``$``/``+`` marks, else the
    nearest actors, give source and target; an event needs both."""
    doc, synsets = context.scene.doc, context.verbs.synsets
    # a code with no digit ("[+++]", "[xxy]") codes nothing: the pattern is passed over
    coding = [p for p in block.patterns if any(c.isdigit() for c in p.code)]
    flats = [(p, f) for p in coding if (f := flat_of(p, synsets)) is not None]
    matching = [(p, f, m) for p, f in flats if (m := flat_match(doc, verb, f)) is not None]
    decision.tried, decision.matched = len(block.patterns), tuple(p.text for p, _, _ in matching)
    best = max(matching, key=lambda found: found[1].size) if matching else None
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


def marked_arguments(scene: Scene, match: FlatMatch, found: Arguments) -> Arguments:
    """ "+ WAS_ * IN $": the actor next to ``$`` is the source, next to ``+`` the target."""
    source, target = (mark_actor(scene, match.marks.get(mark)) for mark in ("$", "+"))
    sources = (source,) if source is not None else found.sources
    # "% HAVE *": the actors named before the verb code each other; "* WITH %": the actors named
    # after it are all targets
    mark = match.marks.get("%")
    compound = marked_actors(scene, mark)
    if len({a.country for a in compound}) > 1 and mark is not None:
        if mark[1] < 0:
            return Arguments(compound, (), found.passive)
        return Arguments(sources, tuple(a for a in compound if a not in sources), found.passive)
    if target is not None:
        return Arguments(sources, (target,), found.passive)
    countries = {a.country for a in sources}
    return Arguments(sources, tuple(t for t in found.targets if t.country not in countries), found.passive)


def marked_actors(scene: Scene, mark: tuple[int, int] | None) -> tuple[Actor, ...]:
    """Every actor, one per country, from a mark's position to the start (before the verb) or the
    end (after it) of the sentence."""
    if mark is None:
        return ()
    position, direction = mark
    doc = scene.doc
    start, end = sentence_spans(doc)[sentence_index(doc, min(position, len(doc) - 1))]
    steps = range(position, end) if direction > 0 else range(start, position)
    by_country: dict[str, Actor] = {}
    for i in steps:
        actor = scene.actors_by_token.get(i)
        if actor is not None and actor.country:
            by_country.setdefault(actor.country, actor)
    return tuple(by_country.values())


def mark_actor(scene: Scene, mark: tuple[int, int] | None) -> Actor | None:
    """The first actor from a mark's position, forwards (after the verb) or backwards (before it)."""
    if mark is None:
        return None
    position, direction = mark
    doc = scene.doc
    start, end = sentence_spans(doc)[sentence_index(doc, min(position, len(doc) - 1))]
    steps = range(position, end) if direction > 0 else range(position - 1, start - 1, -1)
    return next((scene.actors_by_token[i] for i in steps if i in scene.actors_by_token), None)


def decide_code(
    context: Context, decision: Decision, verb: Token, block: Block, pattern: Pattern | None, own_code: str
) -> Decision:
    """The matched pattern's code, else the verb's default; then the events."""
    override = rules().defaults.get(verb.lemma_.lower()) if context.verbs.packaged else None
    default = override or own_code or block.code
    decision.code = pattern.code if pattern is not None else default
    decision.rule = f"{block.name}: {pattern.text}" if pattern is not None else f"{block.name}: * (default)"
    if (not decision.code or decision.code.startswith("-")) and context.verbs.packaged and utters(verb):
        # "issued a stern reminder to Iraq that …", "sent a letter to": making an utterance is a statement
        decision.code, decision.rule = "010", f"{decision.rule} → statement (an utterance)"
    if not decision.code or decision.code.startswith("-"):
        decision.reason = "the dictionary codes no event here ([---])"
        return decision
    confidence = PATTERN_CONFIDENCE if pattern is not None else DEFAULT_CONFIDENCE
    if decision.arguments is not None and decision.arguments.placed:
        decision.rule += " → source: where it happened (no agent named)"
        confidence = PLACED_CONFIDENCE
    request(context, decision, verb)
    demand(context, decision, verb)
    if context.verbs.packaged:
        quoted_demand(context, decision, verb)
    return coded(context, decision, verb, confidence)


def request(context: Context, decision: Decision, verb: Token) -> None:
    """ "has been encouraging allies such as Germany to restrict …": a verb of request with an
    object and an infinitive is an appeal (CAMEO 020) to the object, whatever its own code."""
    if not context.verbs.packaged or verb.lemma_.lower() not in rules().request_verbs:
        return
    asks = any(c.dep_ == "dobj" for c in verb.children) and any(c.dep_ == "xcomp" for c in verb.children)
    if asks and not decision.code.startswith(("02", "10")):
        decision.code, decision.rule = rules().request_code, f"{decision.rule} → request (object + infinitive)"


def quoted_demand(context: Context, decision: Decision, verb: Token) -> None:
    """ "“They must watch over the captured fighters,” Trump said": a main clause with "must" or
    "should" in someone's quotation is the speaker's demand (CAMEO 10) to its subject."""
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    clauses = ("ROOT", "conj", "ccomp")  # the quotation's own clause ("said, “They need to …”")
    needs = verb.dep_ == "xcomp" and verb.head.lemma_ == "need" and verb.head.dep_ in clauses
    main = verb.dep_ in clauses and bool(auxiliaries & rules().demand_auxiliaries)
    if not (main or needs) or decision.arguments is None:  # "they must …", "they need to …"
        return
    speaker = quote_speaker(context.scene, verb)
    if speaker is None or not speaker.country:
        return
    targets = tuple(a for a in decision.arguments.sources if a.country != speaker.country)
    if targets:
        decision.arguments = Arguments((speaker,), targets, False)
        decision.code, decision.rule = rules().demand_code, f"{decision.rule} → demand in a quotation (must/should)"


def demand(context: Context, decision: Decision, verb: Token) -> None:
    """ "said China must drop barriers", "demanded that Hamas renounce …", "resolved that the rule
    of law must be upheld in Burma": a demand (CAMEO 10) to the clause's subject (or the country
    where it must be done), in place of a statement or a resolution."""
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and demanded(c) is not None), None)
    clause = clause or uttered_demand(verb)
    if clause is None or not context.verbs.packaged or decision.arguments is None:
        return
    lemma, r = verb.lemma_.lower(), rules()
    if not (decision.code.startswith("01") or lemma in r.request_verbs or lemma in r.intent_verbs):
        return
    subject = subject_token(clause)
    targets = phrase_actors(context.scene, subject) if subject is not None else ()
    place = place_actor_of(context.scene, clause) if not targets else None
    found = decision.arguments
    own = {a.country for a in found.sources}
    if lemma in r.intent_verbs and not ({a.country for a in targets} - own or place):
        return  # "agreed that their countries should cooperate": an agreement, no demand to anyone
    decision.arguments = Arguments(found.sources, targets or ((place,) if place else found.targets), found.passive)
    if lemma not in r.request_verbs or not decision.code.startswith("10"):
        decision.code = r.demand_code
        decision.rule = f"{decision.rule} → demand (must/should)"


def utters(verb: Token) -> bool:
    return any(c.dep_ == "dobj" and c.lemma_.lower() in rules().utterances for c in verb.children)


def uttered_demand(verb: Token) -> Token | None:
    """ "issued a stern reminder to Iraq that it must cooperate": the "must"/"should" clause of
    an utterance the verb makes."""
    nouns = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in rules().utterances]
    for clause in (c for n in nouns for c in n.children if c.dep_ in ("acl", "ccomp", "relcl")):
        if {a.lower_ for a in clause.children if a.dep_ in ("aux", "auxpass")} & rules().demand_auxiliaries:
            return clause
    return None


def place_actor_of(scene: Scene, verb: Token) -> Actor | None:
    """The country of an "in …" phrase of a verb ("must be upheld in Burma")."""
    places = [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "in" for o in p.children if o.dep_ == "pobj"]
    return next((a for o in places if (a := scene.actors_by_token.get(o.i) or place_actor(scene, o))), None)


def decide_noun(context: Context, noun: Token) -> Decision:
    """ "Lavrov's visit to New Delhi", "US sanctions on Iran", "held talks with": an event noun with
    its owner (or the subject of its light verb) and the object of one of its prepositions."""
    code, preps, hosted = nominal_events()[noun.lower_]
    decision = Decision(noun, rule=f"NOMINAL: {noun.lower_} ({'/'.join(preps)})", code=code)
    scene = context.scene
    if noun.dep_ == "compound" and noun.head.lower_ in nominal_events():
        decision.reason = "part of an event noun that is coded itself"
        return decision
    noun = event_phrase(noun)
    ready = readiness_of(noun)
    verb = light_verb_of(noun) or ready
    owners = [c for c in noun.children if c.dep_ in ("poss", "compound", "amod") and c.i < noun.i]
    if verb is None and noun.dep_ == "dobj" and any(c.tag_ == "PRP$" for c in owners):
        verb = noun.head  # "Biden underscored his concerns about …": the owner is the subject
    doers = subject_actors(scene, verb) if verb is not None else ()
    agents = [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "by" for o in p.children if o.dep_ == "pobj"]
    owned = next((found for c in owners if (found := phrase_actors(scene, c))), ())
    by = next((found for a in agents if (found := phrase_actors(scene, a))), ())  # "attacks by Israel on Gaza"
    sources = by or doers or owned
    targets = object_actors(scene, noun, sources, frozenset(preps))
    if not targets and verb is not None:
        targets = object_actors(scene, verb, sources, frozenset(preps))
    if not targets and hosted and len(sources) < 2:  # "the US and Russia held talks in Geneva" meet each other
        targets = hosts(scene, noun)
    countries = {a.country for a in sources}
    decision.arguments = Arguments(sources, tuple(t for t in targets if t.country not in countries), False)
    mutual = len(sources) > 1 and code[:2] in rules().mutual_roots
    done = bool(doers) and verb is not ready  # "Russia stopped the talks", "held talks": done by someone
    if not decision.arguments.targets and not mutual and ready is None and not done:
        decision.reason = "no target: no actor after the noun's prepositions" if sources else "no owner naming an actor"
        return decision
    anchor = verb if verb is not None else noun
    stopping = anchor.lemma_.lower() if anchor.lemma_.lower() in rules().stopping_verbs else None
    if stopping is not None:  # "suspended military aid", "ended mediation efforts"
        stopped = stopped_code(code)
        if stopped is None:
            decision.reason = "a verb of stopping with a noun it does not reduce"
            return decision
        decision.code, decision.rule = stopped, f"{decision.rule} → stopped ({stopping})"
    return coded(context, decision, anchor, DEFAULT_CONFIDENCE, how="commit" if ready is not None else None)


def event_phrase(noun: Token) -> Token:
    """The head of the phrase an event noun names: "a mediation mission between …", "a military
    aid program for …" (its light verb and prepositions are the head's)."""
    return noun.head if noun.dep_ == "compound" and noun.head.pos_ == "NOUN" else noun


def stopped_code(code: str) -> str | None:
    table = rules().stopping_codes
    return next((table[p] for p in (code[:3], code[:2]) if p in table), None)


def readiness_of(noun: Token) -> Token | None:
    """ "Moscow is open to any serious talks", "ready for dialogue": the adjective of readiness
    an event noun depends on (its subject is the source; the noun is an intention)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("to", "for") or prep.head is prep:
        return None
    adjective = prep.head
    return adjective if adjective.lower_ in rules().intent_adjectives else None


def light_verb_of(noun: Token) -> Token | None:
    """The light verb an event noun is the object of: "held talks", "took a sharp dig", "will
    take part in the meeting", "attended the summit"."""
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep":  # "part in the meeting", "took part in talks"
        holder = head.head
        if holder.pos_ in ("NOUN", "PROPN") and not (holder.dep_ == "dobj" and holder.lower_ in PART_NOUNS):
            return None  # "opened an inquiry into attacks": the attacks are not the opener's
        head = holder.head if holder.dep_ == "dobj" else holder
    elif noun.dep_ != "dobj":
        return None
    return head if head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in rules().light_verbs else None


# "took part in the meeting", "played a role in the talks"
PART_NOUNS = frozenset({"part", "role", "share"})


def hosts(scene: Scene, noun: Token) -> tuple[Actor, ...]:
    """The country a meeting is held in ("the meeting in New Delhi"; "met in Niamey")."""
    places = [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "in" for o in p.children if o.dep_ == "pobj"]
    found = [place_actor(scene, o) for o in places]
    return tuple(a for a in found if a is not None)


def coded(context: Context, decision: Decision, anchor: Token, confidence: float, how: str | None = None) -> Decision:
    """The decision's events: one per source and target, in the code's direction(s), as an
    intention where the anchor verb states one (or ``how`` says so)."""
    assert decision.arguments is not None
    compound = "%" in decision.rule.partition(": ")[2]  # PETRARCH-1 "%": members code each other
    pairs = event_pairs(decision.arguments, decision.code, compound)
    if not pairs:
        decision.reason = "no source: the subject names no actor with a country"
        return decision
    forward, _, backward = decision.code.partition(":")
    if backward == forward and context.verbs.packaged and pairs[0][1] is not None:
        backward = ""  # "A met with B" [046:046]: one meeting, coded from the actor who did it
    how = how or intention(anchor)
    events = []
    refused = context.verbs.packaged and refusal(anchor)
    for code, flip in ((forward, False), (backward, True)):
        if not code or (flip and refused):  # a visit refused is no hosting either
            continue
        for source, target in pairs:
            actors: tuple[Actor, Actor | None] = (source, target)
            if flip:
                if target is None:
                    continue
                actors = (target, source)
            for final, rule in intended_codes(context, anchor, code, None if flip else how, decision.rule, refused):
                event = make_event(context, decision.token, anchor, actors, final, rule, confidence)
                if rule.endswith("→ refusal"):  # the refusal itself happened
                    event = replace(event, negated=False, modality="asserted")
                elif "→ demand" in rule:  # "they must not send weapons": demanding not to is a demand
                    event = replace(event, negated=False)
                elif how and event.modality == "asserted":
                    event = replace(event, modality="intended")  # "open to talks": the adjective says so
                events.append(event)
    decision.events = events
    decision.reason = f"coded {len(events)} event(s)"
    return decision


def members(actor: Actor) -> list[Actor]:
    """A dictionary entry coded as several actors ("THE_SHIRE [FRO/BIL/SAM]"): one actor per code."""
    if "/" not in actor.code:
        return [actor]
    return [replace(actor, code=code, country=code[:3]) for code in actor.code.split("/") if code]


def event_pairs(arguments: Arguments, code: str, compound: bool = False) -> list[tuple[Actor, Actor | None]]:
    sources = [m for a in arguments.sources if a.country for m in members(a)]
    targets = tuple(m for a in arguments.targets for m in members(a))
    arguments = Arguments(arguments.sources, targets, arguments.passive)
    if compound and len(sources) > 1:
        return [(s, t) for s, t in permutations(sources, 2) if s.country != t.country]
    mutual = not arguments.passive and 1 < len(sources) <= MUTUAL_MOST and code[:2] in rules().mutual_roots
    countries = {s.country for s in sources}
    if arguments.targets and not (mutual and {t.country for t in arguments.targets} <= countries):
        # a person does nothing to himself ("Mahan's director has alleged ties": no accusation of himself)
        return [(s, t) for s in sources for t in arguments.targets if not (s.kind == "person" and s.id == t.id)]
    if mutual:  # "A and B held talks (on A-B relations)": each with the other
        return [(s, t) for s, t in permutations(sources, 2) if s.country != t.country]
    return [(s, None) for s in sources]


def intended_codes(
    context: Context, anchor: Token, code: str, how: str | None, rule: str, refused: bool
) -> list[tuple[str, str]]:
    """The code as stated, as a refusal (``refused``: the anchor's act was refused, read once by
    the caller), or as an intention (with the meeting itself when the sentence dates it)."""
    rejection = refusal_code(code) if refused else None
    if rejection is not None:
        return [(rejection, f"{rule} → refusal")]
    intended = intent_code(code) if how and not negated(anchor) and context.verbs.packaged else None
    if intended is None:
        return [(code, rule)]
    codes = [(intended, f"{rule} → intent ({how})")]
    # a dated meeting is also the meeting itself, unless only a block's generic default says it is
    # one ("US troops would be leaving Syria on Sunday": GO_SOMEWHERE 040 is no meeting; VISIT 042 is)
    generic = "(default)" in rule and code[2:] in ("", "0")
    if code[:2] in rules().scheduled_roots and not generic and dated_sentence(context, anchor):
        codes.append((code, f"{rule} (scheduled)"))
    return codes


def dated_sentence(context: Context, token: Token) -> bool:
    start, end = sentence_spans(context.scene.doc)[sentence_index(context.scene.doc, token.i)]
    doc = context.scene.doc
    return any(doc[start].idx <= d.start < doc[end - 1].idx + len(doc[end - 1]) and d.value for d in context.dates)


Around = tuple[list["Token"], list["Token"], list["Token"]]


def passive_participle(verb: Token) -> bool:
    """ "Asked whether …, Alipov said": the participle's implied subject is its target, not its source."""
    if verb.tag_ != "VBN" or verb.dep_ not in ("advcl", "acl"):
        return False
    return not any(c.dep_.startswith("nsubj") for c in verb.children)


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


def nearest_arguments(scene: Scene, verb: Token, found: Arguments) -> Arguments:
    """PETRARCH-1: with no subject or object naming an actor, the source is the nearest actor
    before the verb and the target the first actor after it, in the verb's sentence."""
    start, end = sentence_spans(scene.doc)[sentence_index(scene.doc, verb.i)]
    before = [scene.actors_by_token[i] for i in range(verb.i - 1, start - 1, -1) if i in scene.actors_by_token]
    sources = found.sources or tuple(before[:1])
    countries = {a.country for a in sources}
    targets = tuple(t for t in found.targets if t.country)
    # the first actor after the verb in its clause: not past a comma ("… crowds burned down its
    # embassy, a senior Bree official said": the official is no target of the burning)
    comma = next((i for i in range(verb.i + 1, end) if scene.doc[i].text in (",", ";")), end)
    after = [
        scene.actors_by_token[i]
        for i in range(verb.i + 1, comma)
        if i in scene.actors_by_token and scene.actors_by_token[i].country not in countries | {None}
    ]
    return Arguments(sources, targets or tuple(after[:1]), found.passive)


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


def around_of(verb: Token) -> Around:
    """A verb's subjects, dependents and prepositions, read once for every pattern of its block."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    dependents = [c for c in verb.children if c.dep_ in ("dobj", "attr", "xcomp", "advmod", "prt", "oprd", "acomp")]
    preps = [c for c in verb.children if c.dep_ in ("prep", "agent", "dative")]
    preps += [p for d in dependents for p in d.children if p.dep_ == "prep"]
    return subjects, dependents, preps


# --- modality -----------------------------------------------------------------------------------------


def intention(verb: Token) -> str | None:
    """ "commit" when the verb is what someone agreed, promised or is ready to do; "future" when
    it is stated in the future ("will supply"; "would" in reported speech); else None."""
    r = rules()
    head = verb.head
    if verb.dep_ == "conj" and head is not verb and (shared := intention(head)):
        return shared
    governed = verb.dep_ in ("xcomp", "ccomp") and head is not verb
    if governed and (
        head.lemma_.lower() in r.intent_verbs or (verb.dep_ == "xcomp" and head.lower_ in r.intent_adjectives)
    ):
        return "commit"
    for token in (verb, head if verb.dep_ == "conj" else None):
        if token is None:
            continue
        auxiliaries = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}
        if auxiliaries & r.future or ("would" in auxiliaries and token.dep_ == "ccomp"):
            return "future"
        if token.dep_ == "xcomp" and (token.head.lower_ == "going" or token.head.lemma_ == "be"):
            return "future"  # "is going to join", "Benin was to join"
    return None


def refusal(verb: Token) -> bool:
    """ "refused to deploy", "failed to reach", "will not accept": a cooperative act not done.
    Not a refusal: "have not yet agreed", "if we can't resolve it", "they must not send"."""
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in rules().refusal_verbs:
        return True
    if not negated(verb) or modality(verb) == "hypothetical":
        return False
    words = {c.lower_ for c in verb.children if c.dep_ in ("aux", "advmod")}
    return not words & (rules().demand_auxiliaries | {"yet", "still"})


def negated(verb: Token) -> bool:
    """ "did not attack"; "would not give permission to help" negates the infinitive too."""
    token = verb
    for _ in range(NEGATION_REACH):
        if any(c.dep_ == "neg" for c in token.children):
            return True
        infinitive = token.dep_ == "xcomp" or any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
        if not infinitive or token.head is token:
            return False
        token = token.head.head if token.head.pos_ in ("NOUN", "PROPN") else token.head
    return False


def modality(verb: Token) -> Modality:
    """hypothetical ("if", "could"), intended ("will", "agreed to", "plans to"), else asserted."""
    for token in (verb, verb.head):
        auxiliaries = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}
        if auxiliaries & HYPOTHETICAL or any(c.dep_ == "mark" and c.lower_ == "if" for c in token.children):
            return "hypothetical"
        if token is verb and verb.dep_ != "xcomp":
            break
    if intention(verb) or (verb.dep_ == "xcomp" and verb.head.lemma_.lower() in WISH_VERBS):
        return "intended"
    return "asserted"


# --- the event ----------------------------------------------------------------------------------------


def make_event(
    context: Context,
    trigger: Token,
    anchor: Token,
    actors: tuple[Actor, Actor | None],
    code: str,
    rule: str,
    confidence: float,
) -> Event:
    doc = context.scene.doc
    source, target = actors
    start, end = sentence_spans(doc)[sentence_index(doc, trigger.i)]
    sentence = Span(start=doc[start].idx, end=doc[end - 1].idx + len(doc[end - 1].text))
    quote = next((q for q in context.scene.quotes if q.start <= trigger.idx < q.end), None)
    date, date_text = event_date(context, sentence)
    return Event(
        source=event_actor(source),
        target=event_actor(target) if target is not None else None,
        cameo=code,
        goldstein=goldstein_of(code),
        quad_class=QUAD_BY_ROOT.get(code[:2], 1),
        plover=plover_of(code),
        modality=modality(anchor),
        negated=negated(anchor),
        claimed_by=quote.speaker.actor if quote is not None and quote.speaker is not None else None,
        date=date,
        date_text=date_text,
        sentence=sentence,
        trigger=Mention(trigger.idx, trigger.idx + len(trigger.text), trigger.text),
        rule=rule,
        confidence=confidence,
    )


def event_actor(actor: Actor) -> EventActor:
    """The event's view of an actor; a place ("in New Delhi") is no actor of the article's."""
    text = actor.mentions[0].text if actor.mentions else actor.name
    return EventActor(actor=actor.id or None, country=actor.country, sector=actor.sector, code=actor.code, text=text)


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


@cache
def nominal_events() -> dict[str, tuple[str, tuple[str, ...], bool]]:
    table = toml_data("events/nominal.toml")["nouns"]
    return {
        noun: (entry["code"], tuple(entry["preps"]), bool(entry.get("hosted", False))) for noun, entry in table.items()
    }
