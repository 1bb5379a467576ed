"""A ``Decision`` per verb or event noun, and the events it makes: one per source and target in the
code's direction(s), as an intention, a refusal or the act itself, with modality, negation, the
speaker who claims it, its date, sentence, trigger, rule and confidence."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from dataclasses import replace as dataclass_replace
from functools import cache
from itertools import permutations
from typing import TYPE_CHECKING

from msgspec.structs import replace

from ..knowledge.files import toml_data
from ..nlp import sentence_index, sentence_spans
from ..record import Actor, DateRef, Event, EventActor, Mention, Modality, Span, Step
from .arguments import Arguments, topic_verbs
from .clauses import infinitive, prep_objects
from .ontology import QUAD_BY_ROOT, goldstein_of, plover_of
from .phrases import PEOPLE_PLACES, Scene, phrase_actors, place_in
from .rules import (
    HYPOTHETICAL,
    HYPOTHETICAL_MARKS,
    MUTUAL_MOST,
    NEGATION_REACH,
    intent_code,
    nominal_events,
    refusal_code,
    rules,
    wish_verb,
)
from .verbs import VerbDictionary

if TYPE_CHECKING:
    from spacy.tokens import Token

# What the rest of the package uses; the module is internal to its stage.
__all__ = ["Context", "Decision", "any_target", "coded", "intention", "make_event"]


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
    steps: tuple[Step, ...] = ()  # what the coder read after the rule fired, for all its events

    def step(self, code: str, kind: str, detail: str | None = None) -> None:
        """The decision's code is now ``code``, for the reason ``kind`` names."""
        self.code = code
        self.steps = (*self.steps, Step(kind, detail))


def any_target(decision: Decision) -> bool:
    return any(e.target is not None for e in decision.events)


def coded(context: Context, decision: Decision, anchor: Token, confidence: float, how: str | None = None) -> Decision:
    """The decision's events: one per source and target, in the code's direction(s), as an
    intention where the anchor verb states one (or ``how`` says so)."""
    assert decision.arguments is not None
    decision.arguments = protest_abroad(context, decision, anchor)
    if decision.code[:2] in rules().local_meeting_roots:
        decision.arguments = not_their_own_place(decision.arguments)
    if context.verbs.packaged and not decision.arguments.targets and (threatened(anchor) or ultimatum(anchor)):
        decision.arguments = dataclass_replace(
            decision.arguments, targets=conditioned(context, anchor, decision.arguments)
        )
    if context.verbs.packaged and committed_towards(decision):
        decision.arguments = dataclass_replace(
            decision.arguments, targets=committed_to(context, decision.token, decision.arguments.sources)
        )
    compound = "%" in decision.rule.partition(": ")[2]  # PETRARCH-1 "%": members code each other
    reciprocal = (  # "India and Pakistan exchanged fire": each at the other (``[mutual] reciprocal``)
        context.verbs.packaged
        and not decision.arguments.targets
        and decision.token.lemma_.lower() in rules().reciprocal_verbs
    )
    pairs = event_pairs(decision.arguments, decision.code, compound or reciprocal, mutual_act(context, decision))
    if context.verbs.packaged and decision.code[:2] in rules().outlet_free_roots:
        pairs = [(s, t) for s, t in pairs if s.sector not in rules().outlet_sectors]  # "Reuters reported the attack"
    if not pairs:
        decision.reason = "no source: the subject names no actor with a country"
        return decision
    forward, _, backward = decision.code.partition(":")
    if (
        (backward == forward or backward in rules().visit_other_half)
        and context.verbs.packaged
        and pairs[0][1] is not None
    ):
        backward = ""  # "A met with B" [046:046], "A visited B" [042:043]: told of the actor who did it
    how = how or intention(anchor)
    sources = [source for source, _ in pairs]
    each_way = len(pairs) > 1 and all(target in sources for _, target in pairs)  # "A and B held talks"
    events = []
    refused = context.verbs.packaged and refusal(anchor) and (said_refusal(anchor) or "(default)" not in decision.rule)
    for code, flip, actors in directed(pairs, forward, backward, refused):
        for stated, read in intended_codes(context, anchor, code, None if flip else how, decision.rule, refused):
            steps = (*decision.steps, *read)
            final, steps = abroad(stated, steps, actors) if context.verbs.packaged else (stated, steps)
            final, steps = aimed(context, anchor, final, steps, actors) if context.verbs.packaged else (final, steps)
            if actors[1] is None and "(default)" in decision.rule and needs_target(decision.token, final):
                continue  # PLOVER: cooperation, aid and sanctions are done to someone; a study investigates no one
            steps = (*steps, Step("each way")) if each_way else steps
            made = make_event(context, decision.token, anchor, actors, final, decision.rule, confidence, steps)
            event = as_stated(made, how)
            if event.modality == "intended" and final[:2] in rules().unsaid_roots:
                continue  # "agreed to … look forward to": a comment not yet made is no event
            events.append(event)
    decision.events = events
    decision.reason = f"coded {len(events)} event(s)" if events else "no target: this kind of event needs a recipient"
    return decision


def directed(
    pairs: list[tuple[Actor, Actor | None]], forward: str, backward: str, refused: bool
) -> Iterator[tuple[str, bool, tuple[Actor, Actor | None]]]:
    """Each code with the pair it goes between: the forward code from source to target, the
    backward one ("[042:043]": a visit is a hosting) from target to source."""
    for code, flip in ((forward, False), (backward, True)):
        if not code or (flip and refused):  # a visit refused is no hosting either
            continue
        for source, target in pairs:
            if not flip:
                yield code, False, (source, target)
            elif target is not None:
                yield code, True, (target, source)


def as_stated(event: Event, how: str | None) -> Event:
    """The event's modality and negation as its rule says: a refusal happened; a demand or threat
    negates its act, not itself; an act under way is asserted; an adjective of intention ("open
    to talks") makes it intended."""
    if event.has_step("refusal"):
        return replace(event, negated=False, modality="asserted")
    if event.has_step("demand") or event.has_step("threat"):  # "must not send", "will no longer tolerate"
        return replace(event, negated=False)
    if event.has_step("under way"):  # "will continue to provide assistance": the act is going on
        return replace(event, modality="asserted")
    if how and event.modality == "asserted":
        return replace(event, modality="intended")
    return event


def not_their_own_place(arguments: Arguments) -> Arguments:
    """ "The leaders met today in Geneva": people placed in a country by where they meet (no actor
    of the article's, ``local_people``) do not meet that country; the place is where. Protesters
    in Serbia protesting against Serbia, insurgents shelling Aleppo, do act on their own country."""
    own = {a.country for a in arguments.sources if not a.id}
    if not own or len(own) != len({a.country for a in arguments.sources}):
        return arguments
    targets = tuple(t for t in arguments.targets if not (t.country in own and t.kind in ("country", "capital")))
    return arguments if targets == arguments.targets else dataclasses.replace(arguments, targets=targets)


def protest_abroad(context: Context, decision: Decision, anchor: Token) -> Arguments:
    """ "US and British activists staged a protest in Beijing": a protest with no one it is against,
    held in another country than its protesters', is against that country."""
    arguments = decision.arguments
    assert arguments is not None
    if arguments.targets or not arguments.sources or decision.code[:2] not in rules().local_protest_roots:
        return arguments
    held = next((p for t in (decision.token, anchor) if (p := place_in(context.scene, t, PEOPLE_PLACES))), None)
    if held is None or held.country in {a.country for a in arguments.sources}:
        return arguments
    return dataclasses.replace(arguments, targets=(held,))


def needs_target(verb: Token, code: str) -> bool:
    r = rules()
    lemma = verb.lemma_.lower()
    # a wish with no one it concerns ("as we want them to be", "really seek security") is no intent
    targeted = plover_of(code).type in r.recipient_types or lemma in r.recipient_verbs
    return targeted or lemma in r.study_verbs or wish_verb(verb)


def members(actor: Actor) -> list[Actor]:
    """A dictionary entry coded as several actors ("THE_SHIRE [FRO/BIL/SAM]"): one actor per code."""
    if "/" not in actor.code:
        return [actor]
    return [replace(actor, code=code, country=code[:3]) for code in actor.code.split("/") if code]


def committed_towards(decision: Decision) -> bool:
    """Several commit ("They pledged to …") by the verb's default, with no target read."""
    arguments = decision.arguments
    return (
        arguments is not None
        and not arguments.targets
        and len(arguments.sources) > 1
        and "(default)" in decision.rule
        and decision.token.lemma_.lower() in rules().commitment_verbs
    )


def committed_to(context: Context, verb: Token, sources: tuple[Actor, ...]) -> tuple[Actor, ...]:
    """The states the sentence names after the verb of commitment, the course of action committed
    to ("pledged to pursue diplomacy … while ensuring readiness to impose costs on Russia":
    Russia), other than the committers' own and places things happen in ("conflicts in Syria"). A
    course that is itself an act done together ("committed to regular consultations", "to continue
    the close cooperation") is done with each other, as is one that names no other state."""
    course = [t for t in verb.sent if t.i > verb.i]  # the parse of a long pledge often hangs its parts apart
    if any(together(t) for t in course):
        return ()
    own = {s.country for s in sources}
    known = context.scene.actors_by_token
    named = [known[t.i] for t in course if t.i in known and not placed(t)]
    found = {a.country: a for a in named if a.country and a.country not in own}
    return tuple(found.values())


def placed(token: Token) -> bool:
    """A word in a phrase of where things happen: "conflicts in Syria" names a place, not a partner."""
    return token.head.dep_ == "prep" and token.head.lower_ in PEOPLE_PLACES


def together(token: Token) -> bool:
    """A word of an act done together: a mutual event noun ("consultations", "cooperation") or
    verb ("work", "coordinate", ``[mutual] verbs``)."""
    noun = nominal_events().get(token.lower_) if token.pos_ == "NOUN" else None
    if noun is not None:
        return noun.mutual
    lemma = token.lemma_.lower()
    if token.pos_ != "VERB" or token.dep_ in ("amod", "compound"):  # "coordinated economic costs"
        return False
    return lemma in rules().mutual_verbs and lemma not in rules().commitment_verbs


def mutual_act(context: Context, decision: Decision) -> bool:
    """Whether several sources with no target do the act with each other: an event noun of an act
    done together ("held talks"; ``mutual`` in data/events/nominal.toml, not "expressed support
    for the plan"), a pattern that names the act ("expand cooperation"), or a verb of a mutual act
    (``[mutual] verbs``: meet, talk, agree, sign, cooperate …); not an act done "with" others
    (``with_others``). A verb's default code alone
    ("we invest in workers", "we are committed to improving transparency") is no act of each on
    the other: on the corpus audit none of those was right."""
    noun = nominal_events().get(decision.token.lower_) if decision.token.pos_ == "NOUN" else None
    if context.verbs.packaged and noun is not None and decision.rule.startswith("NOMINAL"):
        return noun.mutual and not with_others(decision.token)
    acts = [o for o in act_objects(decision.token) if (named := nominal_events().get(o.lower_)) and named.mutual]
    discussed = decision.token.lemma_.lower() in topic_verbs()  # "will discuss their coordination with allies"
    if context.verbs.packaged and not discussed and any(with_others(o) for o in acts):
        return False  # "agreed to expand cooperation with partners": with them
    if not context.verbs.packaged or decision.token.pos_ == "NOUN" or "(default)" not in decision.rule:
        return True
    return decision.token.lemma_.lower() in rules().mutual_verbs


def act_objects(verb: Token) -> list[Token]:
    """The nouns a verb's pattern may name: its object, and the objects of its prepositions
    ("expand cooperation", "committed to cooperation"); those that name an act done together
    (``mutual`` in nominal.toml) are the act itself, so their partner is the act's."""
    preps = [c for c in verb.children if c.dep_ == "prep"]
    return [c for c in verb.children if c.dep_ == "dobj"] + [o for p in preps for o in p.children if o.dep_ == "pobj"]


def with_others(noun: Token) -> bool:
    """ "committed to close consultation with allies": the act is with others than the sources,
    named or not, so not with each other ("with each other" is)."""
    return any(o.lower_ != "other" for o in prep_objects(noun, ("with",)))


def event_pairs(
    arguments: Arguments, code: str, compound: bool = False, mutual_ok: bool = True
) -> list[tuple[Actor, Actor | None]]:
    sources = [m for a in arguments.sources if a.country for m in members(a)]
    targets = tuple(m for a in arguments.targets if a.country for m in members(a))  # a target of no country is none
    arguments = Arguments(arguments.sources, targets, arguments.passive)
    if compound and len(sources) > 1:
        return [(s, t) for s, t in permutations(sources, 2) if s.country != t.country]
    mutual = (
        mutual_ok
        and not arguments.passive
        and 1 < len(sources) <= MUTUAL_MOST
        and code.startswith(rules().mutual_roots)
    )
    countries = {s.country for s in sources}
    if arguments.targets and not (mutual and {t.country for t in arguments.targets} <= countries):
        # a person does nothing to himself ("Mahan's director has alleged ties": no accusation of himself)
        return [(s, t) for s in sources for t in arguments.targets if not (s.kind == "person" and s.id == t.id)]
    if mutual:  # "A and B held talks (on A-B relations)": each with the other
        return [(s, t) for s, t in permutations(sources, 2) if s.country != t.country]
    return [(s, None) for s in sources]


Steps = tuple[Step, ...]


def abroad(code: str, steps: Steps, actors: tuple[Actor, Actor | None]) -> tuple[str, Steps]:
    """A domestic code done to another country's actors: "Germany banned Iranian airline Mahan Air"
    is no administrative sanction at home (172) but a sanction (163)."""
    source, target = actors
    foreign = abroad_codes().get(code)
    if foreign is None or target is None or not target.country or target.country == source.country:
        return code, steps
    return foreign, (*steps, Step("abroad", foreign))


@cache
def abroad_codes() -> dict[str, str]:
    return dict(toml_data("events/coding.toml")["abroad"]["codes"])


def aimed(
    context: Context, anchor: Token, code: str, steps: Steps, actors: tuple[Actor, Actor | None]
) -> tuple[str, Steps]:
    """A comment about another state is an act towards it: "expressed concern over Russia's
    build-up" is disapproval of Russia (012 → 110, ``[aimed]``); concern about fighting in a
    country is about the fighting, not the country."""
    source, target = actors
    toward = aimed_codes()[0].get(code)
    if toward is None or target is None or not target.country or target.country == source.country:
        return code, steps
    named = [t for t in anchor.sent if context.scene.actors_by_token.get(t.i) is target]
    if not any(t.dep_ == "poss" or (t.dep_ == "pobj" and t.head.lower_ in aimed_codes()[1]) for t in named):
        return code, steps
    return toward, (*steps, Step("aimed", toward))


@cache
def aimed_codes() -> tuple[dict[str, str], frozenset[str]]:
    data = toml_data("events/coding.toml")["aimed"]
    return dict(data["codes"]), frozenset(data["about"])


def intended_codes(
    context: Context, anchor: Token, code: str, how: str | None, rule: str, refused: bool
) -> list[tuple[str, Steps]]:
    """The code as stated, as a refusal (``refused``: the anchor's act was refused, read once by
    the caller), or as an intention (with the meeting itself when the sentence dates it); each
    with the steps that made it."""
    if context.verbs.packaged and threatened(anchor):
        as_intent = intent_code(code) or ""
        threat = as_intent if as_intent.startswith("13") else rules().threat_code
        return [(threat, (Step("threat", anchor.head.lemma_.lower()),))]
    rejection = refusal_code(code) if refused else None
    if rejection is not None:
        return [(rejection, (Step("refusal"),))]
    intended = intent_code(code) if how and not negated(anchor) and context.verbs.packaged else None
    if intended is not None and ultimatum(anchor):  # "will withdraw its force from Chad unless …"
        return [(rules().ultimatum_code, (Step("ultimatum", "unless"),))]
    if intended is None and how == "commit" and context.verbs.packaged and agreed_to(anchor):
        return [(rules().agreement_code, (Step("agreed to"),))]
    if intended is None:
        return [(code, ())]
    codes: list[tuple[str, Steps]] = [(intended, (Step("intent", how),))]
    # a dated meeting is also the meeting itself, unless only a block's generic default says it is
    # one ("US troops would be leaving Syria on Sunday": GO_SOMEWHERE 040 is no meeting; VISIT 042 is)
    generic = "(default)" in rule and code[2:] in ("", "0")
    if code[:2] in rules().scheduled_roots and not generic and dated_sentence(context, anchor):
        codes.append((code, (Step("scheduled"),)))
    elif continued(anchor) and not generic and rule.partition(":")[0] != "NOMINAL":
        codes.append((code, (Step("under way", "continue"),)))
    return codes


def continued(verb: Token) -> bool:
    """ "will continue to impose costs on Russia", "commitment to continue providing assistance":
    an act one will go on doing is one under way, as well as intended (a verb's act: an event
    noun near it, "costs on Russia for its aggression", is not what continues)."""
    return verb.dep_ == "xcomp" and verb.head.i != verb.i and verb.head.lemma_.lower() == "continue"


def agreed_to(verb: Token) -> bool:
    """ "agreed to postpone the demonstration": the verb is what a verb of agreement governs."""
    return verb.dep_ == "xcomp" and verb.head.i != verb.i and verb.head.lemma_.lower() in rules().agreement_verbs


def threatened(verb: Token) -> bool:
    """ "threatened to deliver blows", "warned that police will no longer tolerate rallies"."""
    r = rules()
    head = verb.head
    if head.i == verb.i or head.lemma_.lower() not in r.threat_verbs:
        return False
    shared = head.head if head.dep_ == "conj" else head
    if any(c.dep_ in ("nsubjpass", "auxpass") for t in (head, shared) for c in t.children):
        return False  # "were harassed and threatened because they had the courage to stand up"
    # "threatened on Monday to resume attacks": the parser may hang the infinitive as an adverbial clause
    if verb.dep_ == "xcomp" or (verb.dep_ == "advcl" and infinitive(verb)):
        return not any(c.dep_ in ("dobj", "dative") for c in head.children)  # "warned Iran to stop": a demand
    return verb.dep_ == "ccomp" and any(c.dep_ == "aux" and c.lower_ in r.threat_future for c in verb.children)


def conditioned(context: Context, anchor: Token, arguments: Arguments) -> tuple[Actor, ...]:
    """ "threatened to stop negotiations … if the United States goes ahead", "will hold a strike
    unless Israel rescinds …": a threat's condition names whom it is made to, the subject of its
    "if" or "unless" clause (of another country than the one threatening)."""
    countries = {a.country for a in arguments.sources}
    for verb in (anchor, anchor.head):
        for clause in (c for c in verb.children if c.dep_ == "advcl"):
            if not any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in clause.children):
                continue
            subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
            found = tuple(a for s in subjects for a in phrase_actors(context.scene, s) if a.country not in countries)
            if found:
                return found
    return ()


# The marks of a condition: "if", "unless".
CONDITION_MARKS = frozenset({"if", "unless"})


def ultimatum(verb: Token) -> bool:
    """An intention on a condition the other side must meet ("… unless the president agrees to step
    down"): CAMEO 139, give an ultimatum."""
    return any(
        c.dep_ == "advcl" and any(m.lower_ in rules().ultimatum_marks for m in c.children) for c in verb.children
    )


def dated_sentence(context: Context, token: Token) -> bool:
    start, end = sentence_spans(context.scene.doc)[sentence_index(context.scene.doc, token.i)]
    doc = context.scene.doc
    return any(doc[start].idx <= d.start < doc[end - 1].idx + len(doc[end - 1]) and d.value for d in context.dates)


def intention(verb: Token) -> str | None:
    """ "commit" when the verb is what someone agreed, promised or is ready to do; "future" when
    it is stated in the future ("will supply"; "would" in reported speech); else None."""
    r = rules()
    head = verb.head
    if verb.dep_ == "conj" and head.i != verb.i and (shared := intention(head)):
        return shared
    governed = verb.dep_ in ("xcomp", "ccomp") and head.i != verb.i
    if governed and (
        head.lemma_.lower() in r.intent_verbs or (verb.dep_ == "xcomp" and head.lower_ in r.intent_adjectives)
    ):
        return "commit"
    if verb.dep_ in ("acl", "relcl") and head.lower_ in r.intent_nouns and infinitive(verb):
        return "commit"  # "preparations to impose severe costs on Russia", "readiness to help"
    for token in (verb, head if verb.dep_ == "conj" else None):
        if token is None:
            continue
        auxiliaries = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}
        if auxiliaries & r.future or ("would" in auxiliaries and (token.dep_ == "ccomp" or conditional(token))):
            return "future"
        if token.dep_ == "xcomp" and (token.head.lower_ == "going" or token.head.lemma_ == "be"):
            return "future"  # "is going to join", "Benin was to join"
    # "is willing to send material to help defend Saudi Arabia": what an intended act is for is intended too
    purpose = verb.dep_ == "xcomp" or (verb.dep_ == "advcl" and infinitive(verb))
    if purpose and head.i != verb.i and head.pos_ == "VERB":
        return intention(head)
    return None


def refusal(verb: Token) -> bool:
    """ "refused to deploy", "failed to reach", "will not accept": a cooperative act not done.
    Not a refusal: "have not yet agreed", "if we can't resolve it", "they must not send"."""
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in rules().refusal_verbs:
        return True
    if not negated(verb) or modality(verb) == "hypothetical":
        return False
    words = {c.lower_ for c in verb.children if c.dep_ in ("aux", "advmod")}
    if words & rules().partial_negation or {t.lower_ for t in verb.subtree} & rules().partial_negation:
        return False  # "we don't always agree on everything": a limit, no refusal
    return not words & (rules().demand_auxiliaries | {"yet", "still"})


def said_refusal(verb: Token) -> bool:
    """ "refused to deploy", "declined to meet", "will not visit", "would not give permission": a
    refusal in words or of one's will. A verb's default act merely negated ("we've not given
    Ukraine a blank check", "cannot purchase doses") is not done, no rejection: on the corpus
    audit none such was right."""
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in rules().refusal_verbs:
        return True
    token = verb
    for _ in range(NEGATION_REACH):
        if {c.lower_ for c in token.children if c.dep_ == "aux"} & WILL:
            return True
        if not (token.dep_ in ("xcomp", "conj") or infinitive(token)) or token.head.i == token.i:
            return False
        token = token.head.head if token.head.pos_ in ("NOUN", "PROPN") else token.head  # "permission … to help"
    return False


# Auxiliaries of the will: "will not", "won't", "would not", "shall not".
WILL = frozenset({"will", "wo", "would", "shall", "'ll", "’ll"})


def negated(verb: Token) -> bool:
    """ "did not attack"; "would not give permission to help" negates the infinitive too; "has no
    plans to call Putin" negates what is planned."""
    if verb.dep_ == "acl" and any(c.dep_ == "det" and c.lower_ == "no" for c in verb.head.children):
        return True
    token = verb
    for _ in range(NEGATION_REACH):
        if any(c.dep_ == "neg" for c in token.children):
            return True
        if any(c.dep_ == "advmod" and any(n.dep_ == "neg" for n in c.children) for c in token.children):
            return True  # "will no longer tolerate"
        if not (token.dep_ == "xcomp" or infinitive(token)) or token.head.i == token.i:
            return False
        token = token.head.head if token.head.pos_ in ("NOUN", "PROPN") else token.head
    return False


def modality(verb: Token) -> Modality:
    """hypothetical ("if", "whether", "could"), intended ("will", "agreed to", "plans to"), else asserted."""
    for token in (verb, verb.head):
        auxiliaries = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}
        marks = {c.lower_ for c in token.children if c.dep_ == "mark"}
        if auxiliaries & HYPOTHETICAL or marks & HYPOTHETICAL_MARKS or ("would" in auxiliaries and question(token)):
            return "hypothetical"
        if token.i == verb.i and verb.dep_ != "xcomp":
            break
    if hoped(verb):
        return "hypothetical"
    if intention(verb) or (verb.dep_ == "xcomp" and wish_verb(verb.head)):
        return "intended"
    return "asserted"


def question(verb: Token) -> bool:
    """The verb's sentence asks ("How would HHS enforce guidance if …?", "Would Canada impose
    sanctions?"): what it would do is supposed, not stated."""
    return any(t.text == "?" for t in verb.sent[-3:])  # the mark may come before a closing quote


def conditional(verb: Token) -> bool:
    """The consequent of a condition ("if Russia invades, we would impose sanctions"): what someone
    would do if something happens is stated as what they will then do, like "will … if" (a
    conditional threat or promise); not after a concession ("even if"), nor in a question."""
    if question(verb):
        return False
    return any(
        c.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ in HYPOTHETICAL_MARKS for m in c.children)
        and not any(m.dep_ == "advmod" and m.lower_ == "even" for m in c.children)
        for c in verb.children
    )


def hoped(verb: Token) -> bool:
    """ "I hope that she will come back and will engage": what is hoped or expected in a clause is
    not stated as done, nor as the doer's intention."""
    clause = verb
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    return clause.dep_ == "ccomp" and wish_verb(clause.head)


def make_event(
    context: Context,
    trigger: Token,
    anchor: Token,
    actors: tuple[Actor, Actor | None],
    code: str,
    rule: str,
    confidence: float,
    steps: tuple[Step, ...] = (),
) -> Event:
    doc = context.scene.doc
    source, target = actors
    start, end = sentence_spans(doc)[sentence_index(doc, trigger.i)]
    sentence = Span(start=doc[start].idx, end=doc[end - 1].idx + len(doc[end - 1].text))
    quote = next((q for q in context.scene.quotes if q.start <= trigger.idx < q.end), None)
    date, date_text = event_date(context, sentence)
    return Event(
        source=event_actor(source, sentence, trigger.idx),
        target=event_actor(target, sentence, trigger.idx) if target is not None else None,
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
        steps=steps,
    )


def event_actor(actor: Actor, sentence: Span, trigger: int) -> EventActor:
    """The event's view of an actor, named as the event's sentence names it (the mention nearest
    the trigger there; the actor's first mention when the sentence names it by no mention of its
    own: "he", "the two leaders"); a place ("in New Delhi") is no actor of the article's."""
    here = [m for m in actor.mentions if sentence.start <= m.start < sentence.end]
    nearest = min(here, key=lambda m: abs(m.start - trigger)) if here else None
    text = nearest.text if nearest else actor.mentions[0].text if actor.mentions else actor.name
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
