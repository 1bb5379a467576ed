"""An event's arguments: who acts (sources) and on whom (targets), read from the dependency parse.

The subject (the agent of a passive) gives the sources, the objects and prepositional objects the
targets; conjoined phrases give several ("Presidents Buhari of Nigeria and Talon of Benin
signed", "Hungarian and Romanian officials agreed"). A verb with no subject of its own takes the
subject of the verb it depends on ("Norway is willing to send", "Taking a dig at the US, the
envoy said"). A pronoun that is the subject of a reported clause is the reporter ("Iraq said it
would allow"); "we" and "our" in a quote are the speaker.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, cached_property
from typing import TYPE_CHECKING

from .actor_mentions import agent_in, sector_table
from .codes import WISH_VERBS, rules
from .knowledge import toml_data
from .lexicon import Lexicon, phrase_key
from .nlp import sentence_index, sentence_spans
from .record import Actor, Mention, Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Dependencies through which a verb without a subject borrows the subject of its head.
BORROWS_SUBJECT = frozenset({"xcomp", "conj", "acomp", "advcl"})
CLAUSES = frozenset({"relcl", "acl", "ccomp", "advcl"})
MODIFIERS = frozenset({"amod", "compound", "nmod", "poss"})
OBJECTS = frozenset({"dobj", "dative", "attr"})
FIRST_PERSON = frozenset({"we", "our", "us", "i", "my"})
THIRD_PERSON = frozenset({"he", "she", "it", "they"})
# How far up a chain of heads the subject is looked for.
SUBJECT_DEPTH = (
    5  # "Norway is willing to send material to help defend Saudi Arabia": defend ← help ← send ← willing ← is
)


@dataclass(frozen=True)
class Scene:
    """What the arguments are read against: the parse, the actors by token, the quotes, and the
    lexicon (for places: "a meeting in New Delhi" is hosted by India)."""

    doc: Doc
    actors_by_token: dict[int, Actor]
    quotes: tuple[Quote, ...]
    lexicon: Lexicon | None = None

    @cached_property
    def actor_positions(self) -> list[int]:
        return sorted(self.actors_by_token)

    @cached_property
    def conjunctions(self) -> list[int]:
        """Where "and" joins nouns: a phrase without one names no coordinated actors."""
        from spacy.attrs import DEP, LOWER  # noqa: PLC0415 (spaCy is imported only where a parse is read)

        strings = self.doc.vocab.strings
        wanted = {strings.add("and"), strings.add("&")}
        cc = strings.add("cc")
        rows = self.doc.to_array([DEP, LOWER]).tolist()
        return [i for i, (dep, lower) in enumerate(rows) if dep == cc and lower in wanted]

    def any_within(self, positions: list[int], token: Token) -> bool:
        """Whether a position falls within the token's phrase (its left to its right edge)."""
        start = bisect_left(positions, token.left_edge.i)
        return start < len(positions) and positions[start] <= token.right_edge.i


@dataclass(frozen=True)
class Arguments:
    sources: tuple[Actor, ...]
    targets: tuple[Actor, ...]
    passive: bool
    placed: bool = False  # the source is where it happened: a passive with no agent ("was arrested in Lebanon")


def verb_arguments(scene: Scene, verb: Token) -> Arguments:
    """Sources and targets of a verb: subject and objects, or agent and subject in the passive."""
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)
    subjects = subject_actors(scene, verb, "nsubjpass" if passive else "nsubj")
    if passive:
        agents = [o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
        sources = first_actors(scene, agents, ())
        if not sources and verb.lemma_.lower() in rules().stance_passives:  # "Israel is opposed to …"
            return Arguments(subjects, object_actors(scene, verb, subjects), False)
        if not sources and subjects:  # "was arrested in Lebanon": done where it happened, by whom unsaid
            where = place_in(scene, verb)
            if where is not None:
                return Arguments((where,), subjects, True, placed=True)
        return Arguments(sources, subjects or earlier_owner(scene, patient_of(verb, "nsubjpass")), True)
    objects = object_actors(scene, verb, subjects) or shared_object(scene, verb, subjects)
    if not objects:  # "opposed the withdrawal": whose it is, when that is someone else
        countries = {a.country for a in subjects}
        objects = tuple(a for a in earlier_owner(scene, patient_of(verb, "dobj")) if a.country not in countries)
    return Arguments(subjects, objects, False)


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
    one named before with its actor ("Turkey's military operation"), within a few sentences."""
    if noun is None or any(t.i in scene.actors_by_token for t in noun.subtree):
        return ()
    doc, lemma = scene.doc, noun.lemma_
    first = sentence_spans(doc)[max(0, sentence_index(doc, noun.i) - EARLIER_SENTENCES)][0]
    for i in range(noun.i - 1, first - 1, -1):
        token = doc[i]
        if token.lemma_ != lemma or token.pos_ != "NOUN":
            continue
        owners = [
            scene.actors_by_token[c.i] for c in token.children if c.dep_ in MODIFIERS and c.i in scene.actors_by_token
        ]
        if not owners and token.dep_ == "dobj" and token.head is not token:
            owners = list(subject_actors(scene, token.head))
        if owners:
            return (owners[0],)
    return ()


# How many sentences back "the operation" is looked for with its actor.
EARLIER_SENTENCES = 6


def object_actors(
    scene: Scene, verb: Token, sources: tuple[Actor, ...], preps: frozenset[str] = frozenset()
) -> tuple[Actor, ...]:
    """The first object phrase naming an actor (direct objects first, then prepositional ones)."""
    objects = [c for c in verb.children if c.dep_ in OBJECTS]
    chosen = [
        c for c in verb.children if c.dep_ == "prep" and (c.lower_ in preps if preps else c.lower_ not in CIRCUMSTANCES)
    ]
    objects += [o for c in chosen for o in c.children if o.dep_ == "pobj"]
    objects += [o for c in chosen if (o := stranded_object(c)) is not None]
    # "allow United Nations planes to land": the parser makes the object the infinitive's subject
    # (not for a wish: "wants Putin to attack" is no act of the wisher's towards Putin)
    if verb.lemma_.lower() not in WISH_VERBS:
        clauses = [c for c in verb.children if c.dep_ == "ccomp" and infinitive(c)]
        objects += [s for c in clauses for s in c.children if s.dep_ == "nsubj"]
    return first_actors(scene, objects, sources)


def stranded_object(preposition: Token) -> Token | None:
    """ "granted asylum to five Panamanian army officers holed up in …": the parser left the
    preposition without its object and made the noun the subject of the next verb."""
    if any(c.dep_ == "pobj" for c in preposition.children) or preposition.i + 1 >= len(preposition.doc):
        return None
    noun = preposition.doc[preposition.i + 1]
    while noun.head is not noun and noun.head.left_edge.i == preposition.i + 1 and noun.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head
    return noun if noun.pos_ in ("NOUN", "PROPN") and noun.dep_ == "nsubj" else None


def infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


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
        return ()
    if subject.lower_ in FIRST_PERSON | THIRD_PERSON and subject.i not in scene.actors_by_token:
        reporter = pronoun_actor(scene, subject)
        if reporter is not None:
            return (reporter,)
    found = phrase_actors(scene, subject) or pair_named_before(scene, subject)
    found = found + second_subject(scene, subject)
    if not found and dep == "nsubjpass" and verb.lemma_.lower() in owned_verbs():
        found = owner_actors(scene, antecedent(subject))  # "a naval coalition … which was joined by Australia"
    return found or (local_people(scene, verb, subject) if dep == "nsubj" else ())


RELATIVE_PRONOUNS = frozenset({"which", "that", "who", "whom"})


def antecedent(subject: Token) -> Token:
    """ "the coalition, which was joined by …": a relative pronoun stands for the noun its clause
    qualifies."""
    clause = subject.head
    if subject.lower_ in RELATIVE_PRONOUNS and clause.dep_ == "relcl" and clause.head is not clause:
        return clause.head
    return subject


# How many clauses up the owner of a thing joined is looked for.
OWNER_DEPTH = 2


def owner_actors(scene: Scene, noun: Token) -> tuple[Actor, ...]:
    """Whose a thing is when the phrase names no actor: the subject of the verb it is the object
    of ("the United States announced a naval coalition")."""
    for _ in range(OWNER_DEPTH):
        if noun.dep_ != "dobj" or noun.head is noun:
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


def second_subject(scene: Scene, subject: Token) -> tuple[Actor, ...]:
    """ "Sullivan and the Secretary … Patrushev held consultations": the parser sometimes hangs the
    second of two coordinated subjects on the verb as a subject of its own."""
    if not any(c.dep_ == "cc" for c in subject.children):
        return ()
    later = [c for c in subject.head.children if c.dep_ == subject.dep_ and c.i > subject.i]
    return tuple(a for c in later[:1] for a in phrase_actors(scene, c))


def local_people(scene: Scene, verb: Token, subject: Token) -> tuple[Actor, ...]:
    """ "Up to 100 ethnic Albanians demonstrated in Serbia", "Islamic fundamentalists continued
    their hunger strike": people no dictionary places are of the country where they act (a
    place in the clause), else of the only country the sentence names. The actor is not one of
    the article's (no id): its name is the subject's words, its sector the role word's."""
    if subject.tag_ not in ("NNS", "NNPS") or subject.i in scene.actors_by_token or not people_noun(scene, subject):
        return ()
    where = place_in(scene, verb, PEOPLE_PLACES)  # "Prisoners rioted at a jail in East Timor's capital"
    country = place_of(scene, verb) or (where.country if where is not None else None) or only_country(scene, subject)
    if country is None:
        return ()
    words = scene.doc[subject.left_edge.i : subject.i + 1]
    mention = Mention(words.start_char, words.end_char, words.text)
    sector = people_sector(scene, words)
    return (
        Actor(
            id="",
            name=words.text,
            kind="group",
            country=country,
            sector=sector,
            role=None,
            code=country + sector,
            mentions=(mention,),
        ),
    )


def place_of(scene: Scene, verb: Token) -> str | None:
    """The country of an "in …" phrase of the verb, of its object ("began a hunger strike in
    Cairo"), or of the verb it depends on."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    for token in (verb, *objects, verb.head):
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "in"):
            for place in (o for o in prep.children if o.dep_ == "pobj"):
                actor = scene.actors_by_token.get(place.i) or place_actor(scene, place)
                if actor is not None and actor.country and actor.kind in ("country", "capital", "place", "government"):
                    return actor.country
    return None


def only_country(scene: Scene, token: Token) -> str | None:
    doc = scene.doc
    sentence = sentence_index(doc, token.i)
    countries = {
        a.country
        for i, a in scene.actors_by_token.items()
        if a.country and len(a.country) == 3 and a.country.isalpha() and sentence_index(doc, i) == sentence
    }
    return countries.pop() if len(countries) == 1 else None


def people_noun(scene: Scene, noun: Token) -> bool:
    """A noun for people: a role the agents dictionary knows ("protesters"), a nationality
    ("Albanians"), or one of the people words of data/events/coding.toml ("fundamentalists")."""
    if noun.lower_ in people_words():
        return True
    if scene.lexicon is None:
        return False
    key = (noun.lower_,)
    known = scene.lexicon.entries[scene.lexicon.phrases[key]] if key in scene.lexicon.phrases else None
    return key in scene.lexicon.agents or (known is not None and known.kind == "country")


@cache
def people_words() -> frozenset[str]:
    return frozenset(toml_data("events/coding.toml")["people"]["words"])


def people_sector(scene: Scene, words: Span) -> str:
    """The sector of a role word among the subject's words ("protesters" CVL, "rebels" REB)."""
    if scene.lexicon is None:
        return ""
    _role, code = agent_in(scene.lexicon, words)
    return sector_table()["roles"].get(code.strip("~")[:3], "") if code else ""


def pair_named_before(scene: Scene, subject: Token) -> tuple[Actor, ...]:
    """ "The leaders agreed", "both sides", "they": the last two countries named before, when
    the phrase is plural and names no actor itself."""
    heads, window = group_words()
    plural = subject.lower_ in ("both", "they") or any(c.lower_ in ("the", "both", "two") for c in subject.children)
    if subject.lower_ not in heads or not plural:
        return ()
    speaker = quote_speaker(scene, subject)
    if subject.lower_ == "they" and speaker is not None:  # "cited the NATO treaty and said, “They need to …”"
        other = last_state(scene, subject, speaker.country, window=window)
        return (other,) if other is not None else ()
    people = subject.lower_ in people_heads()  # "the two leaders": two people first, then countries
    return (people and last_two(scene, subject, "person")) or last_two(scene, subject, None)


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
        if country and country not in found and len(country) == 3 and country.isalpha() and wanted:
            found[country] = actor
    return tuple(found.values()) if len(found) == 2 else ()


# What "they", "both sides" and "the two countries" can stand for: states and those who act for them.
STATES = frozenset({"country", "government", "capital", "person", "group"})


@cache
def utterance_nouns() -> frozenset[str]:
    return frozenset(toml_data("events/coding.toml")["utterances"]["nouns"])


@cache
def people_heads() -> frozenset[str]:
    return frozenset(toml_data("events/coding.toml")["groups"]["people"])


@cache
def group_words() -> tuple[frozenset[str], int]:
    groups = toml_data("events/coding.toml")["groups"]
    return frozenset(groups["heads"]), int(groups["window"])


def subject_token(verb: Token, dep: str = "nsubj") -> Token | None:
    """The verb's subject, or the one it borrows: from the verb it depends on ("is willing to
    send"), from the object of that verb when it is an object-control verb ("urged the United
    States to reconsider": the United States reconsiders), through "in …ing" ("forceful in
    blaming Iran"); a subject the parser hung on an auxiliary counts."""
    token = verb
    for _ in range(SUBJECT_DEPTH):
        subject = next((c for c in own_and_auxiliary_children(token) if c.dep_ == dep), None)
        if subject is not None:
            return subject
        if token.dep_ == "xcomp":
            controller = next((c for c in token.head.children if c.dep_ == "dobj"), None)
            if controller is not None:
                return controller
        if token.dep_ == "acl" and token.head.lemma_.lower() in utterance_nouns() and token.head.dep_ == "dobj":
            token, dep = token.head.head, "nsubj"  # "issued a declaration demanding that …": its maker's
            continue
        if token.dep_ == "pcomp" and token.head.dep_ == "prep" and token.head.head.pos_ == "ADJ":
            token, dep = token.head.head, "nsubj"  # "was forceful in blaming": the adjective's
            continue
        if token.dep_ not in BORROWS_SUBJECT or token.head is token or reduced_relative(token):
            return None
        token, dep = finite_conjunct_head(token), "nsubj"
    return None


def finite_conjunct_head(verb: Token) -> Token:
    """The verb whose subject a conjunct shares: "Raab urged the embassy to reconsider and spoke
    with Pompeo": a finite verb is not coordinated with the infinitive the parser hangs it on, but
    with the finite verb above it (Raab spoke, not the embassy)."""
    head = verb.head
    finite = verb.tag_ in ("VBD", "VBZ", "VBP")
    if verb.dep_ == "conj" and finite and head.tag_ == "VB" and head.dep_ == "xcomp" and head.head is not head:
        return head.head
    return head


def reduced_relative(verb: Token) -> bool:
    """ "in the week leading up to the summit": a participle right after a noun, with no comma,
    says what the noun does; the parser often hangs it on the verb as an adverbial clause."""
    return verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.i > 0 and verb.doc[verb.i - 1].pos_ in ("NOUN", "PROPN")


def own_and_auxiliary_children(token: Token) -> list[Token]:
    children = list(token.children)
    return children + [c for a in children if a.dep_ in ("aux", "auxpass") for c in a.children]


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
    while clause.dep_ == "conj" and clause.head is not clause:
        clause = clause.head
    if clause.dep_ != "ccomp" or clause.head is clause:
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


def phrase_actors(scene: Scene, token: Token, avoid: frozenset[str] = frozenset()) -> tuple[Actor, ...]:
    """The actors a phrase names, one per conjunct: each conjunct's head (or its first actor
    word, not past a clause), and actors conjoined among its modifiers. Actors whose country is
    in ``avoid`` (the source's own, in "the US's support for Ukraine") come only when no other does."""
    roles = role_of_countries(scene, token)
    if roles:
        return roles
    coordinated = coordinated_actors(scene, token, avoid)
    if len(coordinated) > 1:
        return coordinated
    found: list[Actor] = []
    for head in (token, *token.conjuncts):
        actor = actor_in(scene, head, avoid)
        if actor is not None:
            found.append(actor)
        for modifier in head.children:
            if modifier.dep_ in MODIFIERS:
                found += [scene.actors_by_token[c.i] for c in modifier.conjuncts if c.i in scene.actors_by_token]
    unique = list({a.id: a for a in found}.values())
    return tuple(unique)


def role_of_countries(scene: Scene, token: Token) -> tuple[Actor, ...]:
    """ "the foreign ministers of France, Germany and Britain", "lawmakers in Fornost and Gondor":
    a plural role of several countries is that role of each (FRAGOV, DEUGOV, GBRGOV)."""
    if token.tag_ not in ("NNS", "NNPS") or scene.lexicon is None:
        return ()
    _role, code = agent_in(scene.lexicon, scene.doc[token.left_edge.i : token.i + 1])
    if code is None:
        return ()
    places = [
        o for p in token.children if p.dep_ == "prep" and p.lower_ in ROLE_OF for o in p.children if o.dep_ == "pobj"
    ]
    # "Lawmakers in Fornost and Gondor": the parser often hangs the second country on the role noun
    listed = [t for o in places for t in (o, *o.conjuncts)] + (list(token.conjuncts) if places else [])
    countries = [scene.actors_by_token[t.i] for t in listed if t.i in scene.actors_by_token]
    countries = list({a.country: a for a in countries if a.kind in ("country", "capital") and a.country}.values())
    if len(countries) < 2:
        return ()
    agent = code.strip("~")
    sector = sector_table()["roles"].get(agent[:3], "")
    words = scene.doc[token.left_edge.i : token.i + 1]
    mention = Mention(words.start_char, words.end_char, words.text)
    return tuple(
        Actor(
            id="",
            name=f"{words.text} ({a.name})",
            kind="group",
            country=a.country,
            sector=sector,
            role=None,
            code=(a.country or "") + agent,
            mentions=(mention,),
        )
        for a in countries
    )


# "the ambassadors of …", "lawmakers in …", "troops from …"
ROLE_OF = frozenset({"of", "in", "from"})


def coordinated_actors(scene: Scene, token: Token, avoid: frozenset[str]) -> tuple[Actor, ...]:
    """A phrase with "and" in it names one actor per country ("Presidents Buhari of Nigeria and
    Talon of Benin", "the US, Russia, and Switzerland"), however the parser attached the parts."""
    if not scene.any_within(scene.conjunctions, token) or not scene.any_within(scene.actor_positions, token):
        return ()
    words = phrase_words(token, conjuncts=True)
    if not any(w.dep_ == "cc" and w.lower_ in ("and", "&") and w.head.pos_ in ("NOUN", "PROPN") for w in words):
        return ()  # "awful and evil minister Calimehtar": adjectives joined, one actor
    by_country: dict[str, Actor] = {}
    for word in words:
        actor = scene.actors_by_token.get(word.i)
        if actor is not None:
            by_country.setdefault(actor.country or actor.id, actor)
    found = [a for a in by_country.values() if a.country not in avoid] or list(by_country.values())
    return tuple(found)


def actor_in(scene: Scene, token: Token, avoid: frozenset[str] = frozenset()) -> Actor | None:
    """The actor a phrase names: its head, else the first actor among its words (not past a clause),
    one from a country other than ``avoid`` first."""
    if token.i in scene.actors_by_token:
        return scene.actors_by_token[token.i]
    if not scene.any_within(scene.actor_positions, token):
        return None
    inside = [scene.actors_by_token[w.i] for w in phrase_words(token) if w.i in scene.actors_by_token]
    return next((a for a in inside if a.country not in avoid), inside[0] if inside else None)


def phrase_words(token: Token, conjuncts: bool = False) -> list[Token]:
    """The words of a phrase, not past a clause (nor, unless asked, into a conjoined phrase)."""
    words: list[Token] = []
    stack = [token]
    venues = venue_nouns()
    while stack:
        word = stack.pop()
        words.append(word)
        stack.extend(
            c
            for c in word.children
            if c.dep_ not in CLAUSES
            and (conjuncts or c.dep_ != "conj")
            and not (word.lower_ in venues and c.dep_ == "prep" and c.lower_ in VENUE_PREPOSITIONS)
        )
    return sorted(words, key=lambda w: w.i)


# "talks in Geneva", "the summit at Camp David": where a meeting is held, not whom it is with.
VENUE_PREPOSITIONS = frozenset({"in", "at"})


@cache
def venue_nouns() -> frozenset[str]:
    """Meeting nouns (``hosted`` in data/events/nominal.toml): their place phrase is the venue."""
    nouns = toml_data("events/nominal.toml")["nouns"]
    return frozenset(noun for noun, entry in nouns.items() if entry.get("hosted"))


def place_in(scene: Scene, verb: Token, prepositions: frozenset[str] | None = None) -> Actor | None:
    """The country a verb's place phrase names, however deep ("killed in a car bombing in central
    Baghdad", "outside of the Iraqi city of Basra"): the first country or capital in the phrases of
    place of the verb."""
    wanted = PLACES if prepositions is None else prepositions
    for prep in (c for c in verb.children if c.dep_ in ("prep", "agent") and c.lower_ in wanted):
        for token in prep.subtree:
            actor = scene.actors_by_token.get(token.i)
            if actor is not None and actor.kind in ("country", "capital") and actor.country:
                return actor
            found = place_actor(scene, token) if token.pos_ == "PROPN" else None
            if found is not None:
                return found
    return None


# Prepositions of place ("in", "near", "outside"), and "by" for what did it ("by an explosive device
# outside of Basra").
PLACES = frozenset({"in", "at", "near", "outside", "inside", "by"})
PEOPLE_PLACES = frozenset({"in", "at", "near", "outside", "inside"})


def place_actor(scene: Scene, token: Token) -> Actor | None:
    """The country of a place phrase ("in New Delhi", "in Moscow"): a country or capital the
    lexicon knows, as an actor of kind ``place`` that is not among the article's actors."""
    if scene.lexicon is None:
        return None
    words = [t for t in token.subtree if t.dep_ == "compound" or t is token]
    index = scene.lexicon.phrases.get(phrase_key(" ".join(t.text for t in words)))
    known = scene.lexicon.entries[index] if index is not None else None
    if known is None or known.kind not in ("capital", "country"):
        return None
    code = known.code_on(None) or ""
    country = code[:3]
    if not country:
        return None
    first, last = words[0], words[-1]
    mention = Mention(first.idx, last.idx + len(last.text), scene.doc[first.i : last.i + 1].text)
    return Actor(
        id="", name=known.name, kind="place", country=country, sector="", role=None, code=country, mentions=(mention,)
    )
