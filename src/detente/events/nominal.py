"""Event nouns ("Lavrov's visit to New Delhi", "US sanctions on Iran", "held talks with"): their
source (a "by" phrase, the subject of their light verb, their owner) and target (the object of one
of their prepositions, or the country a meeting is held in)."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from ..knowledge.files import toml_data
from ..record import Actor
from .arguments import Arguments, object_actors, subject_actors, topic_preps
from .clauses import prep_objects
from .decisions import (
    Context,
    Decision,
    coded,
)
from .phrases import (
    PEOPLE_PLACES,
    Scene,
    clauses_done_to,
    people_actor,
    phrase_actors,
    place_actor,
    place_in,
    struck_where,
    words_before,
)
from .rules import (
    DEFAULT_CONFIDENCE,
    nominal_events,
    rules,
    stopped_code,
)
from .verbs import load_verbs

if TYPE_CHECKING:
    from spacy.tokens import Token

# What the rest of the package uses; the module is internal to its stage.
__all__ = ["decide_noun", "event_phrase", "light_verb_of"]


def decide_noun(context: Context, noun: Token) -> Decision:
    """ "Lavrov's visit to New Delhi", "US sanctions on Iran", "held talks with": an event noun with
    its owner (or the subject of its light verb) and the object of one of its prepositions."""
    code, preps, hosted, symmetric = nominal_events()[noun.lower_]
    decision = Decision(noun, rule=f"NOMINAL: {noun.lower_} ({'/'.join(preps)})", code=code)
    scene = context.scene
    if noun.dep_ == "compound" and noun.head.lower_ in nominal_events():
        decision.reason = "part of an event noun that is coded itself"
        return decision
    noun = event_phrase(noun)
    if any(c.dep_ == "amod" and c.lower_ in possible_words() for c in noun.children):
        decision.reason = "a possible act named ('further aggression', 'potential attacks'), not one that happened"
        return decision
    if proposed(noun):
        decision.reason = "an act proposed or asked for ('called for talks'), not one that happened"
        return decision
    kind = aid_kind(noun)
    if kind is not None:  # "humanitarian support": aid of that kind
        decision.step(kind[1], "aid", kind[0])
        code = decision.code
    ready = readiness_of(noun)
    verb = light_verb_of(noun) or ready
    owners = [c for c in noun.children if c.dep_ in ("poss", "compound", "amod") and c.i < noun.i]
    if verb is None and noun.dep_ == "dobj" and any(c.tag_ == "PRP$" for c in owners):
        verb = noun.head  # "Biden underscored his concerns about …": the owner is the subject
    doers = subject_actors(scene, verb) if verb is not None else ()
    agents = prep_objects(noun, ("by",))
    owned = next((found for c in owners if (found := phrase_actors(scene, c))), ())
    by = next((found for a in agents if (found := phrase_actors(scene, a))), ())  # "attacks by Israel on Gaza"
    during = acting_during(noun)
    partakers = subject_actors(scene, during) if during is not None and not (by or doers or owned) else ()
    sources = by or doers or owned or partakers or local_protesters(scene, noun, code)
    if not sources and symmetric:  # "the talks between Russia and Ukraine": the two sides, each with the other
        sources = between_parties(scene, noun)
    targets = object_actors(scene, noun, sources, frozenset(preps)) or against_government(scene, noun, sources)
    if not targets and verb is not None:
        targets = verb_partners(scene, verb, noun, sources, preps)
    if not targets:
        targets = adjacent_object(scene, noun, sources, preps)
    if not targets and by and noun.dep_ == "dobj" and noun.head.lemma_.lower() in undergoing_verbs():
        targets = undergone_by(scene, noun.head, sources)  # "Ukraine suffers an attack by Russian forces"
    if not targets and hosted and len(sources) < 2:  # "the US and Russia held talks in Geneva" meet each other
        targets = hosts(scene, noun)
    if not targets and code[:2] in conflict_words()["roots"]:  # "open to talks on ending the conflict"
        targets = conflict_parties(scene, noun, sources)
    if not targets and code[:2] in rules().struck_roots:  # "Israel's airstrikes in Beirut"
        where = struck_where(scene, [noun], sources)
        if where is not None:
            targets = (where,)
            decision.step(decision.code, "struck", f"in {where.country}")
    countries = {a.country for a in sources}
    # another country than some source's, or the protesters' own government
    targets = tuple(t for t in targets if countries - {t.country} or (t.sector == "GOV" and t.id == ""))
    decision.arguments = Arguments(sources, targets, False)
    # "Israel and Lebanon held talks" meet each other; "A and B expressed support for the plan" do not
    mutual = symmetric and len(sources) > 1 and code.startswith(rules().mutual_roots)
    done = bool(doers) and verb is not ready  # "Russia stopped the talks", "held talks": done by someone
    if not decision.arguments.targets and not mutual and ready is None and not done:
        decision.reason = "no target: no actor after the noun's prepositions" if sources else "no owner naming an actor"
        return decision
    anchor = verb if verb is not None else noun
    if verb is None and during is not None and partakers:
        anchor = during  # "will engage … during her visit": planned
    stopping = anchor.lemma_.lower() if anchor.lemma_.lower() in rules().stopping_verbs else None
    if stopping is not None:  # "suspended military aid", "ended mediation efforts"
        stopped = stopped_code(code)
        if stopped is None:
            decision.reason = "a verb of stopping with a noun it does not reduce"
            return decision
        decision.step(stopped, "stopped", stopping)
    return coded(context, decision, anchor, DEFAULT_CONFIDENCE, how="commit" if ready is not None else None)


def verb_partners(
    scene: Scene, verb: Token, noun: Token, sources: tuple[Actor, ...], preps: tuple[str, ...]
) -> tuple[Actor, ...]:
    """ "held talks on Monday with Iran", "joined the NATO summit", "reinforce our support of
    Poland": the partner the light verb's phrases name, when the noun names none itself; not
    an actor in a topic phrase of the noun ("continue our consultation on … this Russian war":
    topics are not partners) unless the topic preposition is the noun's own ("concerns about").
    A noun that names its partner has no other ("in coordination with our allies, X imposed
    sanctions on Russia")."""
    if prep_objects(noun, preps):
        return ()
    topics = [p for p in noun.subtree if p.dep_ == "prep" and p.lower_ in topic_preps() and p.lower_ not in preps]
    topical = [scene.actors_by_token[t.i] for p in topics for t in p.subtree if t.i in scene.actors_by_token]
    found = object_actors(scene, verb, sources, frozenset(preps))
    return tuple(a for a in found if not any(a is t for t in topical))


def acting_during(noun: Token) -> Token | None:
    """ "Modi raised the issue during talks with Putin", "During a call with Xi, Biden stressed …":
    whoever acts during an event takes part in it. The verb the "during" phrase hangs on; its
    subject is the event's source when the noun names no owner or agent of its own, and its tense
    and mood are the event's ("will engage … during her visit": planned)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "during" or prep.head.pos_ not in ("VERB", "AUX"):
        return None
    return prep.head


def undergone_by(scene: Scene, verb: Token, sources: tuple[Actor, ...]) -> tuple[Actor, ...]:
    """Who undergoes the act: the verb's subject, and for "they" the other country's actor named
    last before it in the sentence ("the people of Ukraine … as they suffer an attack by …")."""
    found = subject_actors(scene, verb)
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if found or subject is None or subject.lower_ != "they":
        return found
    countries = {s.country for s in sources}
    before = [a for i, a in scene.actors_by_token.items() if verb.sent.start <= i < subject.i]
    others = [a for a in before if a.country and a.country not in countries]
    return (others[-1],) if others else ()


def proposed(noun: Token) -> bool:
    """ "proposed talks between Russia and Ukraine", "called for talks", "suggested that there be
    talks": the noun is the object of a verb of proposing or asking (``[proposed]`` of
    data/events/nominal.toml)."""
    data = toml_data("events/nominal.toml")["proposed"]
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        return head.lower_ in data["through"].get(head.head.lemma_.lower(), ())
    existential = head.lemma_ == "be" and any(c.dep_ == "expl" for c in head.children) and head.dep_ == "ccomp"
    if noun.dep_ in ("attr", "nsubj") and existential:  # "suggested that there be talks"
        head = head.head
    elif noun.dep_ != "dobj":
        return False
    return head.lemma_.lower() in data["verbs"]


def aid_kind(noun: Token) -> tuple[str, str] | None:
    """ "humanitarian support for the people of Ukraine", "military support to Kyiv": the adjective
    that makes help aid of a kind, and that kind's code (``[kinds]`` of data/events/nominal.toml)."""
    kinds = toml_data("events/nominal.toml")["kinds"]
    if noun.lower_ not in kinds["nouns"]:
        return None
    word = next(
        (c.lower_ for c in noun.children if c.dep_ in ("amod", "compound") and c.lower_ in kinds["modifiers"]), None
    )
    return (word, str(kinds["modifiers"][word])) if word is not None else None


@cache
def possible_words() -> frozenset[str]:
    return frozenset(toml_data("events/nominal.toml")["possible"]["modifiers"])


@cache
def undergoing_verbs() -> frozenset[str]:
    return frozenset(toml_data("events/nominal.toml")["undergoing"]["verbs"])


def adjacent_object(scene: Scene, noun: Token, sources: tuple[Actor, ...], preps: tuple[str, ...]) -> tuple[Actor, ...]:
    """ "denounced Russian aggression against Georgia": the parser hangs the phrase right after the
    noun on the verb; a phrase of the noun's own preposition right after it is the noun's."""
    after = noun.right_edge.i + 1
    if after >= len(noun.doc) or noun.doc[after].lower_ not in preps or noun.doc[after].head.i == noun.i:
        return ()
    objects = [o for o in noun.doc[after].children if o.dep_ == "pobj"]
    return tuple(a for o in objects for a in phrase_actors(scene, o) if a.country not in {s.country for s in sources})


def conflict_parties(scene: Scene, noun: Token, sources: tuple[Actor, ...]) -> tuple[Actor, ...]:
    """ "open to any serious talks on ending it" (the conflict between Ukraine and Russia): talks
    about a conflict are with its other party. "it" is the conflict named last before."""
    words = conflict_words()
    topics = [o for p in noun.children if p.dep_ == "prep" and p.lower_ in words["topics"] for o in p.children]
    conflict = next((w for t in topics for w in t.subtree if w.lemma_.lower() in words["nouns"]), None)
    if conflict is None and any(w.lower_ == "it" for t in topics for w in t.subtree):
        conflict = conflict_before(scene, noun)
    if conflict is None:
        return ()
    sides = [o for p in conflict.children if p.dep_ == "prep" and p.lower_ in words["sides"] for o in p.children]
    parties = [a for side in sides for a in phrase_actors(scene, side)]
    countries = {a.country for a in sources}
    return tuple({a.country: a for a in parties if a.country and a.country not in countries}.values())


def conflict_before(scene: Scene, noun: Token) -> Token | None:
    """The conflict noun named last before a word, in its sentence or the one before."""
    return next((scene.doc[i] for i in words_before(scene, noun, conflict_words()["nouns"], 1)), None)


@cache
def conflict_words() -> dict[str, frozenset[str]]:
    data = toml_data("events/nominal.toml")["conflicts"]
    return {key: frozenset(values) for key, values in data.items()}


def local_protesters(scene: Scene, noun: Token, code: str) -> tuple[Actor, ...]:
    """ "anti-government protests continue in Baghdad": protesters no one names are the people of
    the country where they protest (``[dissent]`` in coding.toml)."""
    if code[:2] not in rules().local_protest_roots:
        return ()
    held = hosts(scene, noun)  # "protests in Baghdad", else "protests continue in Baghdad"
    place = held[0] if held else place_in(scene, noun.head, PEOPLE_PLACES) if noun.dep_ == "nsubj" else None
    if place is None or not place.country:
        return ()
    return (people_actor(scene.doc[noun.left_edge.i : noun.i + 1], place.country, "CVL"),)


def against_government(scene: Scene, noun: Token, sources: tuple[Actor, ...]) -> tuple[Actor, ...]:
    """ "anti-government protests": the target is the protesters' own government."""
    words = {c.lower_ for c in noun.children if c.i < noun.i}
    if not sources or not words & rules().government_words or "anti" not in words:
        return ()
    country = sources[0].country or ""
    return (Actor("", f"{country} government", "government", country, "GOV", None, country + "GOV"),)


def event_phrase(noun: Token) -> Token:
    """The head of the phrase an event noun names: "a mediation mission between …", "a military
    aid program for …" (its light verb and prepositions are the head's)."""
    return noun.head if noun.dep_ == "compound" and noun.head.pos_ == "NOUN" else noun


def readiness_of(noun: Token) -> Token | None:
    """ "Moscow is open to any serious talks", "ready for dialogue": the adjective of readiness
    an event noun depends on (its subject is the source; the noun is an intention)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("to", "for") or prep.head.i == prep.i:
        return None
    adjective = prep.head
    return adjective if adjective.lower_ in rules().intent_adjectives else None


def light_verb_of(noun: Token) -> Token | None:
    """The light verb an event noun is the object of: "held talks", "took a sharp dig", "will
    take part in the meeting", "attended the summit", "the attacks that Russia carried out"."""
    relative = [v for v in clauses_done_to(noun) if is_light_verb(v)]
    if relative:  # "condemned the attacks that Russia perpetrated on Ukrainian cities"
        return relative[0]
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep":  # "part in the meeting", "took part in talks"
        holder = head.head
        part = holder.dep_ == "dobj" and holder.lower_ in PART_NOUNS  # "suspended part of the aid"
        if head.lower_ not in PARTICIPATION_PREPS and not part:
            return None  # "impose costs on Russia for its aggression": the aggression is not the imposer's
        if holder.pos_ in ("NOUN", "PROPN") and not part:
            return None  # "opened an inquiry into attacks": the attacks are not the opener's
        head = holder.head if holder.dep_ == "dobj" else holder
    elif noun.dep_ != "dobj":
        return None
    return head if head.pos_ in ("VERB", "AUX") and is_light_verb(head) else None


# Prepositions through which a light verb does the act its noun names: "took part in talks",
# "spoke at the summit", "spoke on the phone" (and "of" after a part: "suspended part of the
# aid"); not "imposed costs for its aggression", "thanked them for their support".
PARTICIPATION_PREPS = frozenset({"in", "at", "on"})


def is_light_verb(verb: Token) -> bool:
    """A light verb by its lemma, or by the verb dictionary's base where the tagger's lemma is off
    ("waged" → "wag", "staged" → "stag")."""
    light = rules().light_verbs
    return verb.lemma_.lower() in light or load_verbs().bases.get(verb.text.upper(), "").lower() in light


# "took part in the meeting", "played a role in the talks"
PART_NOUNS = frozenset({"part", "role", "share"})


def between_parties(scene: Scene, noun: Token) -> tuple[Actor, ...]:
    """The sides of an act done together that its "between" phrase names, when they are two or
    more states ("the ongoing discussions between Russia and Ukraine", "cooperation between Germany
    and the United States"); one actor alone is no two sides ("talks between our teams")."""
    phrases = [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "between" for o in p.children]
    found = next((f for o in phrases if o.dep_ == "pobj" and (f := phrase_actors(scene, o))), ())
    return found if len({a.country for a in found}) > 1 else ()


def hosts(scene: Scene, noun: Token) -> tuple[Actor, ...]:
    """The country a meeting is held in ("the meeting in New Delhi"; "met in Niamey")."""
    places = prep_objects(noun, ("in",))
    found = [place_actor(scene, o) for o in places]
    return tuple(a for a in found if a is not None)
