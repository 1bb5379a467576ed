"""An event's arguments: who acts (sources) and on whom (targets), read from the dependency parse.

The subject (the agent of a passive) gives the sources, the objects and prepositional objects the
targets; conjoined phrases give several ("Presidents Buhari of Nigeria and Talon of Benin
signed", "Hungarian and Romanian officials agreed"). A verb with no subject of its own takes the
subject of the verb it depends on ("Norway is willing to send", "Taking a dig at the US, the
envoy said"; which token that is, ``clauses`` says). A pronoun that is the subject of a
reported clause is the reporter ("Iraq said it would allow"); "we" and "our" in a quote are the
speaker.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from ..actors.mentions import INTERNATIONAL, sector_table
from ..knowledge.files import toml_data
from ..nlp import sentence_index, words_of
from ..record import Actor
from .rules import rules, wish_verb

if TYPE_CHECKING:
    from spacy.tokens import Token

from ..actors.company import company
from .clauses import antecedent, clause_verb, infinitive, is_intent_holder, subject_token, unstated_subject
from .phrases import (
    MODIFIERS,
    PEOPLE_PLACES,
    Scene,
    group_words,
    local_people,
    people_heads,
    phrase_actors,
    place_in,
    words_before,
)

# What the rest of the package uses; the module is internal to its stage.
__all__ = [
    "Arguments",
    "object_actors",
    "pair_named_before",
    "quote_speaker",
    "subject_actors",
    "verb_arguments",
]


OBJECTS = frozenset({"dobj", "dative", "attr"})


FIRST_PERSON = frozenset({"we", "our", "us", "i", "my"})


THIRD_PERSON = frozenset({"he", "she", "it", "they"})


@dataclass(frozen=True)
class Arguments:
    sources: tuple[Actor, ...]
    targets: tuple[Actor, ...]
    passive: bool
    placed: bool = False  # the source is where it happened: a passive with no agent ("was arrested in Lebanon")


def means_owners(scene: Scene, verb: Token) -> tuple[Actor, ...]:
    """ "were killed in an Israeli airstrike", "died in a Taliban attack": an act of force named in
    the verb's "in" phrase was done by its owner (``[placed] means``)."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"):
        for noun in (c for c in prep.children if c.dep_ == "pobj" and c.lower_ in rules().force_means):
            owners = [c for c in noun.children if c.dep_ in ("poss", "compound", "amod") and c.i < noun.i]
            found = next((actors for c in owners if (actors := phrase_actors(scene, c))), ())
            if found:
                return found
    return ()


def verb_arguments(scene: Scene, verb: Token) -> Arguments:
    """Sources and targets of a verb: subject and objects, or agent and subject in the passive."""
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)
    subjects = subject_actors(scene, verb, "nsubjpass" if passive else "nsubj")
    if passive:
        agents = [o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
        sources = first_actors(scene, agents, ()) or means_owners(scene, verb)
        if not sources and verb.lemma_.lower() in rules().stance_passives:  # "Israel is opposed to …"
            return Arguments(subjects, object_actors(scene, verb, subjects), False)
        if not sources and subjects and not standing(verb):  # "was arrested in Lebanon": by whom unsaid
            where = place_in(scene, verb)
            if where is not None:
                return Arguments((where,), subjects, True, placed=True)
        # "sanctions were imposed on Iran by the United States": a subject that names no one, and the
        # target in the verb's own phrase
        targets = subjects or earlier_owner(scene, patient_of(verb, "nsubjpass"))
        if not targets and sources:
            targets = object_actors(scene, verb, sources, PASSIVE_TARGETS)
        return Arguments(sources, targets, True)
    if verb.lemma_.lower() in topic_verbs():  # "discussed Haiti": a topic, no one talked with
        return Arguments(subjects, talked_with(scene, verb, subjects), False)
    objects = object_actors(scene, verb, subjects, partner_preps(verb, subjects)) or shared_object(
        scene, verb, subjects
    )
    if not objects:  # "opposed the withdrawal": whose it is, when that is someone else
        countries = {a.country for a in subjects}
        objects = tuple(a for a in earlier_owner(scene, patient_of(verb, "dobj")) if a.country not in countries)
    if not objects:
        objects = body_joined(scene, verb)
    if not objects:
        objects = local_objects(scene, verb)
    return Arguments(subjects, objects, False)


def local_objects(scene: Scene, verb: Token) -> tuple[Actor, ...]:
    """ "Iraqi troops killed 20 protesters in Baghdad": people no dictionary places, acted on where
    the verb's place phrase says, are of that place's country (``local_people``)."""
    found = (local_people(scene, verb, c, agent=False) for c in verb.children if c.dep_ == "dobj")
    return next((f for f in found if f), ())


@cache
def topic_verbs() -> frozenset[str]:
    return frozenset(toml_data("events/coding.toml")["topics"]["verbs"])


@cache
def topic_preps() -> frozenset[str]:
    return frozenset(toml_data("events/coding.toml")["topics"]["preps"])


def talked_with(scene: Scene, verb: Token, subjects: tuple[Actor, ...]) -> tuple[Actor, ...]:
    """The actors of a verb's "with" phrase ("discussed trade with Japan"), or for a few verbs of
    its object's, where the parser hangs it ("raised concerns with Putin")."""
    topics = toml_data("events/coding.toml")["topics"]
    preps = frozenset(topics["with"])
    objects = [c for c in verb.children if c.dep_ == "dobj"] if verb.lemma_.lower() in topics["object_with"] else []
    heads = [verb, *objects]
    partners = [o for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in preps for o in c.children]
    return first_actors(scene, [o for o in partners if o.dep_ == "pobj"], subjects)


# Prepositions that name the one a passive act was done to when its subject names no one.
PASSIVE_TARGETS = frozenset({"on", "against", "to", "upon"})
# The prepositions that name a party to an act done together ("met with", "talks between").
PARTNER_PREPS = frozenset({"with", "between", "among", "to", "against"})


def partner_preps(verb: Token, subjects: tuple[Actor, ...]) -> frozenset[str]:
    """ "France and Germany met in Bali", "… met on the margins of the G20 summit": where several
    states do an act together (``[mutual] verbs``) is no party to it, only a "with" or "between"
    phrase names one; otherwise (empty) any preposition but those of circumstance may."""
    if len({a.country for a in subjects if a.country}) < 2:
        return frozenset()
    lemma = verb.lemma_.lower()
    return PARTNER_PREPS if lemma in rules().mutual_verbs and lemma not in rules().commitment_verbs else frozenset()


def body_joined(scene: Scene, verb: Token) -> tuple[Actor, ...]:
    """ "Benin was to join": joining with nothing named is joining the international body named
    last, within a few sentences (the trade area the story is about)."""
    verbs, window = joining()
    if verb.lemma_.lower() not in verbs or any(c.dep_ in ("dobj", "prep", "dative") for c in verb.children):
        return ()
    body = next((a for a in actors_before(scene, verb, window) if a.country in INTERNATIONAL), None)
    return (body,) if body is not None else ()


@cache
def joining() -> tuple[frozenset[str], int]:
    data = toml_data("events/coding.toml")["joining"]
    return frozenset(data["verbs"]), data["window"]


def standing(verb: Token) -> bool:
    """ "The PKK is banned in Turkey": a passive in the simple present tells a standing state, not
    an act done where it happened."""
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return any(a.dep_ == "auxpass" and a.tag_ in ("VBZ", "VBP") for a in auxiliaries) and len(auxiliaries) == 1


def shared_object(scene: Scene, verb: Token, subjects: tuple[Actor, ...]) -> tuple[Actor, ...]:
    """ "will destroy and obliterate the economy of Turkey": a verb with no object of its own
    shares the object of the verb joined to it."""
    if any(c.dep_ in OBJECTS for c in verb.children):
        return ()
    joined = [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    return first_actors(scene, [o for c in joined for o in c.children if o.dep_ in OBJECTS], subjects)


def patient_of(verb: Token, dep: str) -> Token | None:
    """The definite noun a verb is done to, when it names an act ("opposed the withdrawal")."""
    noun = next((c for c in verb.children if c.dep_ == dep), None)
    if noun is None or noun.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
        return None
    return noun


def earlier_owner(scene: Scene, noun: Token | None) -> tuple[Actor, ...]:
    """ "The operation was condemned by members of the European Union": "the operation" is the
    act named before by a word of its family ("Turkey began a military offensive"), within a few
    sentences; its actor is the owner of that noun or the subject of that verb."""
    if noun is None or any(t.i in scene.actors_by_token for t in noun.subtree):
        return ()
    pos = words_of(scene.doc).pos
    for i in words_before(scene, noun, act_family(noun.lemma_.lower()), EARLIER_SENTENCES):
        owners = act_owners(scene, scene.doc[i]) if pos[i] in ("NOUN", "VERB") else []
        if owners:
            return (owners[0],)
    return ()


def act_owners(scene: Scene, token: Token) -> list[Actor]:
    """Who did the act a word names: the subject of a verb; the owner of a noun ("Turkey's
    offensive", "calls by officials") or the subject of the verb it is the object of."""
    if token.pos_ == "VERB":
        return list(subject_actors(scene, token))
    by = [o for c in token.children if c.dep_ == "prep" and c.lower_ == "by" for o in c.children if o.dep_ == "pobj"]
    known = scene.actors_by_token
    owners = [known[c.i] for c in token.children if c.dep_ in MODIFIERS and c.i in known]
    owners += list(first_actors(scene, by, ()))
    return owners or list(owner_actors(scene, token))


@cache
def act_families() -> dict[str, frozenset[str]]:
    data = toml_data("events/coding.toml")["named_again"]
    return {word: frozenset(family) for family in data["families"] for word in family}


# How many sentences back "the operation" is looked for with its actor.
EARLIER_SENTENCES = 6


def act_family(lemma: str) -> frozenset[str]:
    return act_families().get(lemma, frozenset({lemma}))


def object_actors(
    scene: Scene, verb: Token, sources: tuple[Actor, ...], preps: frozenset[str] = frozenset()
) -> tuple[Actor, ...]:
    """The first object phrase naming an actor (direct objects first, then prepositional ones)."""
    objects = [relative_actor(scene, c) for c in verb.children if c.dep_ in OBJECTS] + counted_objects(verb)
    chosen = [
        c for c in verb.children if c.dep_ == "prep" and (c.lower_ in preps if preps else c.lower_ not in CIRCUMSTANCES)
    ]
    objects += [o for c in chosen for o in c.children if o.dep_ == "pobj"]
    objects += [o for c in chosen if (o := stranded_object(c)) is not None]
    # "allow United Nations planes to land": the parser makes the object the infinitive's subject
    # (not for a wish: "wants Putin to attack" is no act of the wisher's towards Putin)
    if not wish_verb(verb):
        clauses = [c for c in verb.children if c.dep_ == "ccomp" and infinitive(c)]
        objects += [s for c in clauses for s in c.children if s.dep_ == "nsubj"]
    misread = [scene.actors_by_token[i] for i in misread_subjects(verb) if i in scene.actors_by_token]
    return tuple(a for a in first_actors(scene, objects, sources) if not any(a is m for m in misread))


def counted_objects(verb: Token) -> list[Token]:
    """ "kidnapped up to 16 Russian advisers": the parser reads the count's "up to" as the verb's
    particle with a preposition; the noun counted is the verb's object."""
    ups = [p for p in verb.children if p.dep_ == "prt" and p.lower_ == "up"]
    tos = [c for p in ups for c in p.children if c.dep_ == "prep" and c.lower_ == "to"]
    return [o for c in tos for o in c.children if o.dep_ == "pobj" and any(n.dep_ == "nummod" for n in o.children)]


def misread_subjects(verb: Token) -> list[int]:
    """ "had defeated ISIS and Turkey would be moving into Syria": the parser joins Turkey to the
    object, but it is the subject of the verb joined after it, which has none of its own."""
    found = []
    for clause in (c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")):
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children) or clause.left_edge.i == 0:
            continue
        before = verb.doc[clause.left_edge.i - 1]
        if before.dep_ == "conj" and before.pos_ in ("PROPN", "NOUN") and before.i > verb.i:
            found.append(before.i)
    return found


def stranded_object(preposition: Token) -> Token | None:
    """ "granted asylum to five Panamanian army officers holed up in …": the parser left the
    preposition without its object and made the noun the subject of the next verb."""
    # "With the US encouraging firms to …": a preposition with a clause is no stranded one
    if any(c.dep_ in ("pobj", "pcomp") for c in preposition.children) or preposition.i + 1 >= len(preposition.doc):
        return None
    noun = preposition.doc[preposition.i + 1]
    while noun.head.i != noun.i and noun.head.left_edge.i == preposition.i + 1 and noun.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head
    return noun if noun.pos_ in ("NOUN", "PROPN") and noun.dep_ == "nsubj" else None


# Prepositions of circumstance: "as part of Security Council contacts", "during the visit of …",
# "after talks with …" say when or in what role, never to whom.
CIRCUMSTANCES = frozenset({"as", "during", "after", "before", "since", "until", "despite", "amid", "like"})


def first_actors(scene: Scene, phrases: list[Token], sources: tuple[Actor, ...]) -> tuple[Actor, ...]:
    """The actors of the first phrase naming one, one of another country than the sources first
    ("reaffirmed the United States' support for Ukraine": Ukraine)."""
    avoid = frozenset(a.country for a in sources if a.country)
    found = [f for f in (phrase_actors(scene, p, avoid) for p in phrases) if f]
    other = next((f for f in found if any(a.country not in avoid for a in f)), None)
    return other or (found[0] if found else ())


def subject_actors(scene: Scene, verb: Token, dep: str = "nsubj") -> tuple[Actor, ...]:
    subject = subject_token(verb, dep)
    if subject is None:
        speaker = quote_speaker(scene, verb) if dep == "nsubj" and unstated_subject(verb) else None
        return (speaker,) if speaker is not None else ()
    if subject.lower_ == "we" and subject.i not in scene.actors_by_token and quote_speaker(scene, subject) is None:
        # a joint statement's "we", outside quotation marks: its signatories
        gathered = company(scene.doc, scene.actors_by_token)
        if gathered:
            return gathered
    if subject.lower_ in FIRST_PERSON | THIRD_PERSON and subject.i not in scene.actors_by_token:
        reporter = pronoun_actor(scene, subject)
        if reporter is not None:
            return (reporter,)
    subject = relative_actor(scene, subject)
    found = phrase_actors(scene, subject) or pair_named_before(scene, subject)
    found = found + second_subject(scene, subject, bool(found))
    if not found and is_intent_holder(subject):  # "affirmed the Administration's commitment to": no actor
        owner = clause_verb(subject.head if subject.dep_ == "poss" else subject.head.head)
        return subject_actors(scene, owner) if owner is not None else ()
    if not found and dep == "nsubjpass" and verb.lemma_.lower() in owned_verbs():
        found = owner_actors(scene, antecedent(subject))  # "a naval coalition … which was joined by Australia"
    return found or (local_people(scene, verb, subject) if dep == "nsubj" else ())


def relative_actor(scene: Scene, pronoun: Token) -> Token:
    """ "Russia, which invaded Ukraine", "Ukraine, which Russia invaded", "Carrie Lam, who is backed
    by Beijing": a relative pronoun stands for the noun its clause qualifies, when that noun itself
    names an actor. A thing with an owner ("Hong Kong's law that would allow …", "my son who
    fought …") is no actor that acts, and neither do people no dictionary places ("people who have
    come to us"): the country the sentence names is seldom theirs."""
    noun = antecedent(pronoun)
    if noun.dep_ == "pobj" and noun.head.lower_ in PEOPLE_PLACES:
        return pronoun  # "the attack in Abu Dhabi, which killed …": the clause is the attack's
    return noun if noun.i in scene.actors_by_token else pronoun


# How many clauses up the owner of a thing joined is looked for.
OWNER_DEPTH = 2


def owner_actors(scene: Scene, noun: Token) -> tuple[Actor, ...]:
    """Whose a thing is when the phrase names no actor: the subject of the verb it is the object
    of ("the United States announced a naval coalition")."""
    for _ in range(OWNER_DEPTH):
        if noun.dep_ != "dobj" or noun.head.i == noun.i:
            return ()
        owners = subject_actors(scene, noun.head)
        if owners or noun.head.dep_ not in ("relcl", "acl"):
            return owners
        # "a naval coalition to patrol the Persian Gulf which was joined by …": the clause hangs on
        # the nearest noun; the thing joined is the one the clause qualifies
        noun = noun.head.head
    return ()


@cache
def owned_verbs() -> frozenset[str]:
    return frozenset(toml_data("events/coding.toml")["owned"]["verbs"])


def second_subject(scene: Scene, subject: Token, named: bool = True) -> tuple[Actor, ...]:
    """ "Sullivan and the Secretary … Patrushev held consultations": the parser sometimes hangs the
    second of two coordinated subjects on the verb as a subject of its own; "Old foes Gondor and
    Osgiliath have renewed …": or the name after a description that names no one (``named``
    false)."""
    if named and not any(c.dep_ == "cc" for c in subject.children):
        return ()
    later = [c for c in subject.head.children if c.dep_ == subject.dep_ and c.i > subject.i]
    return tuple(a for c in later[:1] for a in phrase_actors(scene, c))


def pair_named_before(scene: Scene, subject: Token) -> tuple[Actor, ...]:
    """ "The leaders agreed", "both sides", "they": the last two countries named before, when
    the phrase is plural and names no actor itself."""
    heads, window = group_words()
    plural = subject.lower_ in ("both", "they") or any(c.lower_ in ("the", "both", "two") for c in subject.children)
    if subject.lower_ not in heads or not plural:
        return ()
    antecedent = plural_subject_before(subject) if subject.lower_ == "they" else None
    if antecedent is not None:  # "American Airlines and JetBlue are affected, as they both offer …": theirs
        return phrase_actors(scene, antecedent)
    speaker = quote_speaker(scene, subject)
    counted = subject.lower_ == "both" or any(c.lower_ in ("both", "two") for c in subject.children)
    gathered = company(scene.doc, scene.actors_by_token) if speaker is None else ()
    if len(gathered) > 2 and not counted or len(gathered) == 2:
        return gathered  # "They reiterated …", "The leaders discussed …" after a call or meeting
    previous = previous_plural_subject(scene, subject) if subject.lower_ == "they" else ()
    if previous:
        return previous
    if subject.lower_ == "they" and speaker is not None:  # "cited the NATO treaty and said, “They need to …”"
        other = last_state(scene, subject, speaker.country, window=window)
        return (other,) if other is not None else ()
    people = subject.lower_ in people_heads()  # "the two leaders": two people first, then countries
    before = (people and last_two(scene, subject, "person")) or last_two(scene, subject, None)
    # "The sides agreed …" five sentences after "Sullivan and … Patrushev held consultations": the
    # people who met, when no two countries were named lately
    return before or two_after(scene, subject) or (not people and last_two(scene, subject, "person")) or ()


def plural_subject_before(pronoun: Token) -> Token | None:
    """What "they" stands for in its own sentence: the nearest plural subject before it of another
    clause ("American Airlines and JetBlue are affected, as they offer …", "Egypt and Jordan met,
    and they agreed …"), else the nearest plural object ("urged the rebels to leave before they
    …"); a plural noun or a coordination, None when the sentence has neither before it. Subjects
    come first, as the more salient ("the bombers killed 23 people when they blew themselves up":
    the bombers); nouns after a preposition are passed over."""
    before = list(reversed(list(pronoun.sent)[: pronoun.i - pronoun.sent.start]))
    # not the noun of a relative clause "they" is in: "the materials they need" are not "they"
    qualified = {a.head.i for a in pronoun.ancestors if a.dep_ in ("relcl", "acl")}
    for deps in (("nsubj", "nsubjpass"), ("dobj",)):
        for token in before:
            if token.dep_ not in deps or token.pos_ == "PRON" or token.i in qualified:
                continue
            if several(token):
                return token
    return None


def previous_plural_subject(scene: Scene, pronoun: Token) -> tuple[Actor, ...]:
    """What a "they" that opens its sentence's main clause stands for: the plural subject of the
    sentence before, when that names actors ("Student groups had given the government a deadline.
    They had asked Carrie Lam to resign": the student groups), as a pronoun continues the topic of
    the sentence before it. Not a "they" inside a quotation, which is the speaker's to mean."""
    if pronoun.head.dep_ != "ROOT" or quote_speaker(scene, pronoun) is not None or pronoun.sent.start == 0:
        return ()
    before = pronoun.doc[pronoun.sent.start - 1].sent
    roots = [before.root, *before.root.conjuncts]
    subject = next((c for root in roots for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.pos_ == "PRON" or not several(subject):
        return ()
    return phrase_actors(scene, subject)


def several(noun: Token) -> bool:
    """A plural noun or a coordination ("the rebels", "Egypt and Jordan")."""
    return noun.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in noun.children)


def two_after(scene: Scene, subject: Token) -> tuple[Actor, ...]:
    """ "The two sides agreed to resume talks, Chinese and Indian officials said": with no pair named
    before, the two states named later in the same sentence, outside the clause the phrase is the
    subject of: who it acts on there are not who it is ("They asked Carrie Lam, who is backed by
    the Chinese government, to resign" is no act of Hong Kong's and China's)."""
    own_clause = {t.i for t in subject.head.subtree}
    found: dict[str, Actor] = {}
    for token in subject.sent:
        later = token.i > subject.i and token.i not in own_clause
        actor = scene.actors_by_token.get(token.i) if later else None
        if actor is not None and actor.kind in STATES and actor.country and actor.country not in non_state_codes():
            found.setdefault(actor.country, actor)
    return tuple(found.values()) if len(found) == 2 else ()


def quote_speaker(scene: Scene, token: Token) -> Actor | None:
    """The speaker of the direct quotation a token is in, as an actor."""
    quote = next((q for q in scene.quotes if q.start <= token.idx < q.end and q.kind == "direct"), None)
    if quote is None or quote.speaker is None or quote.speaker.actor is None:
        return None
    return next((a for a in scene.actors_by_token.values() if a.id == quote.speaker.actor), None)


def actors_before(scene: Scene, token: Token, window: int) -> Iterator[Actor]:
    """The actors named before ``token``, the nearest first, back to ``window`` sentences before its own."""
    doc = scene.doc
    first = sentence_index(doc, token.i) - window
    for index in sorted((i for i in scene.actors_by_token if i < token.i), reverse=True):
        if sentence_index(doc, index) < first:
            return
        yield scene.actors_by_token[index]


def last_state(scene: Scene, subject: Token, besides: str | None, window: int) -> Actor | None:
    """The last state actor named before the subject, within ``window`` sentences before its own,
    not of ``besides``."""
    states = actors_before(scene, subject, window)
    return next((a for a in states if a.kind in STATES and a.country and a.country != besides), None)


def last_two(scene: Scene, subject: Token, kind: str | None) -> tuple[Actor, ...]:
    """The last two actors of different countries (of ``kind`` if given) named before the subject
    within the group window (the people window for people)."""
    groups = toml_data("events/coding.toml")["groups"]
    window = groups["people_window"] if kind == "person" else groups["window"]
    found: dict[str, Actor] = {}
    for actor in actors_before(scene, subject, window):
        if len(found) == 2:
            break
        country = actor.country
        wanted = actor.kind == kind if kind else actor.kind in STATES  # not "Twitter", not "the Economy of Turkey"
        state = country is not None and country not in non_state_codes()  # not "the Quad", not NATO
        if country and country not in found and len(country) == 3 and country.isalpha() and wanted and state:
            found[country] = actor
    return tuple(found.values()) if len(found) == 2 else ()


@cache
def non_state_codes() -> frozenset[str]:
    """PLOVER's codes of actors that are no state (IGO, UNO, EUR, NGO, MNC, IMG, ISM)."""
    return frozenset(sector_table()["non_state"])


# What "they", "both sides" and "the two countries" can stand for: states and those who act for them.
STATES = frozenset({"country", "government", "capital", "person", "group"})


def pronoun_actor(scene: Scene, pronoun: Token) -> Actor | None:
    """ "we" in a quote is its speaker; "it"/"they"/"we" in a reported clause is the reporter."""
    in_quote = any(q.start <= pronoun.idx < q.end and q.kind == "direct" for q in scene.quotes)
    if pronoun.lower_ in FIRST_PERSON:
        speaker = quote_speaker(scene, pronoun)
        if speaker is not None:
            return speaker
    elif in_quote:
        return None  # "“They need to stand by us,” Erdoğan said": in one's own words "they" are others
    clause = pronoun.head
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ != "ccomp" or clause.head.i == clause.i:
        return last_person(scene, pronoun) if pronoun.lower_ in ("he", "she") else None
    reporters = subject_actors(scene, clause.head)
    if reporters:
        return reporters[0]
    # "was quoted as saying he would be ready to host …": no reporter named, the person named last
    return last_person(scene, pronoun) if pronoun.lower_ in ("he", "she") else None


def last_person(scene: Scene, pronoun: Token) -> Actor | None:
    """ "He named it 'Operation Peace Spring'": "he" or "she" outside a quotation is the person
    named last, in its sentence or the one before."""
    return next((a for a in actors_before(scene, pronoun, 1) if a.kind == "person" and a.country), None)
