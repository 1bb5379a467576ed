"""Phrases and places: the actors a phrase names (one per conjunct, one per country of a plural
role: "the foreign ministers of France, Germany and Britain"), the country a place phrase names
("in New Delhi", "outside of the Iraqi city of Basra"), and people no dictionary places, who act
for the country where they act ("ethnic Albanians demonstrated in Serbia").
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, cached_property
from typing import TYPE_CHECKING

from ..actors.mentions import agent_in, agent_sector
from ..knowledge.files import toml_data
from ..knowledge.lexicon import Lexicon, phrase_key
from ..nlp import sentence_index, sentence_spans, words_of
from ..record import Actor, Mention, Quote
from .clauses import prep_objects
from .rules import rules

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# What the rest of the package uses; the module is internal to its stage.
__all__ = [
    "MODIFIERS",
    "PEOPLE_PLACES",
    "Scene",
    "group_words",
    "local_people",
    "people_actor",
    "people_heads",
    "phrase_actors",
    "place_actor",
    "place_in",
    "places_in",
    "struck_where",
    "words_before",
]


CLAUSES = frozenset({"relcl", "acl", "ccomp", "advcl"})


MODIFIERS = frozenset({"amod", "compound", "nmod", "poss"})


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
        words = words_of(self.doc)
        return [i for i, dep in enumerate(words.deps) if dep == "cc" and words.lowers[i] in ("and", "&")]

    def any_within(self, positions: list[int], token: Token) -> bool:
        """Whether a position falls within the token's phrase (its left to its right edge)."""
        start = bisect_left(positions, token.left_edge.i)
        return start < len(positions) and positions[start] <= token.right_edge.i


def local_people(scene: Scene, verb: Token, subject: Token, agent: bool = True) -> tuple[Actor, ...]:
    """ "Up to 100 ethnic Albanians demonstrated in Serbia", "Islamic fundamentalists continued
    their hunger strike": people no dictionary places are of the country where they act (a
    place in the clause), else, when they are the agent, of the only country the sentence names.
    People acted on ("killed 20 protesters in Baghdad") are only placed by where it was done:
    the only country of "Iraqi troops killed 20 protesters" is the agent's, not theirs. The actor
    is not one of the article's (no id): its name is the phrase's words, its sector the role
    word's."""
    if subject.tag_ not in ("NNS", "NNPS") or subject.i in scene.actors_by_token or not people_noun(scene, subject):
        return ()
    words = scene.doc[subject.left_edge.i : subject.i + 1]
    sector = people_sector(scene, words)
    owned = any(c.dep_ == "poss" for c in subject.children)  # "their forces" are the speaker's side's
    if sector in travelling_sectors() and not owned:  # "Coalition forces are in Iraq": armies act abroad
        return ()
    where = place_in(scene, verb, PEOPLE_PLACES)  # "Prisoners rioted at a jail in East Timor's capital"
    country = place_of(scene, verb) or (where.country if where is not None else None)
    # the country acted on is not theirs, unless they are someone's ("their forces")
    skipped = frozenset() if owned else done_to(verb)
    country = country or (only_country(scene, subject, skipped) if agent else None)
    if country is None:
        return ()
    return (people_actor(words, country, sector),)


def done_to(verb: Token) -> frozenset[int]:
    """The words of a verb's objects, direct and prepositional: "Rebels attacked Saudi Arabia"
    names the country attacked, not the rebels'."""
    objects = (c for c in verb.children if c.dep_ in ("dobj", "dative") or c.lower_ in DONE_TO_PREPS)
    return frozenset(t.i for c in objects for t in c.subtree)


# Prepositions that name whom an act is done to ("fired on a protester", "spoke with …"), not
# when or where it is ("for the first time in the protests in Hong Kong").
DONE_TO_PREPS = frozenset({"on", "upon", "against", "to", "with", "at"})


@cache
def travelling_sectors() -> frozenset[str]:
    return frozenset(toml_data("events/coding.toml")["people"]["travelling_sectors"])


def people_actor(words: Span, country: str, sector: str) -> Actor:
    """People acting for a country no dictionary puts them in: not one of the article's actors (no
    id), named by their words."""
    mention = Mention(words.start_char, words.end_char, words.text)
    return Actor("", words.text, "group", country, sector, None, country + sector, (mention,))


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


def only_country(scene: Scene, token: Token, skipped: frozenset[int] = frozenset()) -> str | None:
    """The one country the token's sentence names outside the ``skipped`` words, if only one."""
    start, end = sentence_spans(scene.doc)[sentence_index(scene.doc, token.i)]
    in_sentence = (scene.actors_by_token.get(i) for i in range(start, end) if i not in skipped)
    countries = {a.country for a in in_sentence if a and a.country and len(a.country) == 3 and a.country.isalpha()}
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
    return (agent_sector(code) or "") if code else ""


@cache
def people_heads() -> frozenset[str]:
    return frozenset(toml_data("events/coding.toml")["groups"]["people"])


@cache
def group_words() -> tuple[frozenset[str], int]:
    groups = toml_data("events/coding.toml")["groups"]
    return frozenset(groups["heads"]), int(groups["window"])


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
    owned = owner_of(scene, token) is not None  # "Moscow's practices, repression in Chechnya": Moscow's each
    for head in (token, *token.conjuncts):
        later = owned and head.i != token.i
        actor = unplaced_actor(scene, head) if later else actor_in(scene, head, avoid)
        if actor is not None:
            found.append(actor)
        for modifier in head.children:
            if modifier.dep_ in MODIFIERS:
                found += [scene.actors_by_token[c.i] for c in modifier.conjuncts if c.i in scene.actors_by_token]
    if not found:
        found += relative_doers(scene, token)
    if not found:
        found += named_examples(scene, token)
    unique = list({a.id: a for a in found}.values())
    return tuple(unique)


# The words that open a list of examples after a plural noun: "partners, including Japan and
# Australia", "allies such as Poland".
EXAMPLE_WORDS = frozenset({"including", "as"})


def named_examples(scene: Scene, token: Token) -> list[Actor]:
    """ "with allies and partners, including the EU and NATO", "partners such as Japan": a
    phrase that names no actor of its own names those its examples do ("such as" needs "such"):
    the nouns listed, or those an example of working with names ("including working with and
    through the EU"); not actors further inside the examples ("goods, such as watches …
    purchased by Russian elites"). The parser may hang the list on the noun the phrase's
    preposition follows ("consultation with allies, including …")."""
    heads = [token, *token.conjuncts]
    if token.dep_ == "pobj" and token.head.dep_ == "prep":
        heads.append(token.head.head)
    words = [c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in EXAMPLE_WORDS and c.i > token.i]
    listed = [
        n for w in words if w.lower_ != "as" or any(c.lower_ == "such" for c in w.children) for n in example_nouns(w)
    ]
    return [scene.actors_by_token[n.i] for n in listed if n.i in scene.actors_by_token]


def example_nouns(word: Token) -> list[Token]:
    """The nouns an example word lists: its object and those joined to it, or the partners of
    the act it names ("including working with and through the EU, NATO")."""
    objects = [c for c in word.children if c.dep_ == "pobj"]
    acts = [c for c in word.children if c.dep_ == "pcomp"]
    withs = [p for a in acts for p in a.children if p.dep_ == "prep" and p.lower_ == "with"]
    objects += [o for p in withs for q in (p, *p.conjuncts) for o in q.children if o.dep_ == "pobj"]
    return [n for o in objects for n in (o, *o.conjuncts)]


# The relative words that stand for a thing done in a clause: "the attacks that Russia carried out".
RELATIVE_THINGS = frozenset({"that", "which"})


def relative_doers(scene: Scene, noun: Token) -> list[Actor]:
    """ "condemned the attacks that Russia perpetrated on Ukrainian cities", "welcomed the deal Iran
    signed": the actor who did a thing that is a verb's object, named as the subject of a relative
    clause whose object is that thing ("that", "which", or none said), as "Russia's attacks" or
    "attacks by Russia" name it."""
    if noun.pos_ != "NOUN" or noun.ent_type_ == "PERSON" or noun.dep_ not in ("dobj", "pobj"):
        return []
    subjects = [c for v in clauses_done_to(noun) for c in v.children if c.dep_ == "nsubj"]
    return [scene.actors_by_token[c.i] for c in subjects if c.i in scene.actors_by_token]


def clauses_done_to(noun: Token) -> list[Token]:
    """The verbs of the relative clauses on a noun whose object it is: "the attacks that Russia
    perpetrated", "the deal Iran signed"; not "the city where Russia attacked civilians" nor "the
    drought, under which Kenyans suffer"."""
    verbs = []
    for clause in (c for c in noun.children if c.dep_ == "relcl" and c.pos_ == "VERB"):
        objects = [c for c in clause.children if c.dep_ == "dobj"]
        relatives = [t for t in clause.subtree if t.tag_ in ("WDT", "WP", "WRB")]
        done = [o for o in objects if o.lower_ in RELATIVE_THINGS]
        if objects == done and (objects or not relatives):
            verbs.append(clause)
    return verbs


def role_of_countries(scene: Scene, token: Token) -> tuple[Actor, ...]:
    """ "the foreign ministers of France, Germany and Britain", "lawmakers in Fornost and Gondor":
    a plural role of several countries is that role of each (FRAGOV, DEUGOV, GBRGOV); roles joined
    before the place phrase share it ("lawmakers and officials in Fornost and Gondor")."""
    if token.tag_ not in ("NNS", "NNPS") or scene.lexicon is None:
        return ()
    _role, code = agent_in(scene.lexicon, scene.doc[token.left_edge.i : token.i + 1])
    if code is None:
        return ()
    joined = [(r, agent_in(scene.lexicon, scene.doc[r.i : r.i + 1])[1]) for r in token.conjuncts if r.tag_ == "NNS"]
    codes = [(token, code)] + [(r, c) for r, c in joined if c is not None]
    places = prep_objects(token, ROLE_OF)
    # "Lawmakers in Fornost and Gondor": the parser often hangs the second country on the role noun
    listed = [t for o in places for t in (o, *o.conjuncts)] + (list(token.conjuncts) if places else [])
    countries = [scene.actors_by_token[t.i] for t in listed if t.i in scene.actors_by_token]
    countries = list({a.country: a for a in countries if a.kind in ("country", "capital") and a.country}.values())
    if len(countries) < 2:
        return ()
    return tuple(role_actor(scene, role, code, a) for role, code in codes for a in countries)


def role_actor(scene: Scene, role: Token, code: str, country: Actor) -> Actor:
    """The people of one role of one country, named by the role's words."""
    agent = code.strip("~")
    sector = agent_sector(agent) or ""
    words = scene.doc[role.left_edge.i : role.i + 1]
    mention = Mention(words.start_char, words.end_char, words.text)
    return Actor(
        id="",
        name=f"{words.text} ({country.name})",
        kind="group",
        country=country.country,
        sector=sector,
        role=None,
        code=(country.country or "") + agent,
        mentions=(mention,),
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
    if owner_of(scene, token) is not None:  # "Beijing's practices, crackdown in Hong Kong": the owner is of each
        words = [w for w in words if not in_preposition(w, token)]
    by_country: dict[str, Actor] = {}
    for word in words:
        actor = scene.actors_by_token.get(word.i)
        if actor is not None:
            by_country.setdefault(actor.country or actor.id, actor)
    found = [a for a in by_country.values() if a.country not in avoid] or list(by_country.values())
    return tuple(found)


def words_before(scene: Scene, token: Token, lemmas: frozenset[str], sentences: int) -> Iterator[int]:
    """The words with one of these lemmas before a token, the nearest first, back to ``sentences``
    sentences before its own ("the operation" … "a military offensive"; "ending it" … "the conflict")."""
    doc, words = scene.doc, words_of(scene.doc)
    first = sentence_spans(doc)[max(0, sentence_index(doc, token.i) - sentences)][0]
    return (i for i in range(token.i - 1, first - 1, -1) if words.lemmas[i].lower() in lemmas)


def owner_of(scene: Scene, noun: Token) -> Actor | None:
    """The actor a noun is the possession of ("Beijing's practices")."""
    owner = next((c for c in noun.children if c.dep_ == "poss" and c.i in scene.actors_by_token), None)
    return scene.actors_by_token[owner.i] if owner is not None else None


def unplaced_actor(scene: Scene, head: Token) -> Actor | None:
    """The actor a phrase names outside its prepositional phrases ("repression in Chechnya": none)."""
    words = [w for w in phrase_words(head) if w.i in scene.actors_by_token and not in_preposition(w, head)]
    return scene.actors_by_token[words[0].i] if words else None


def in_preposition(word: Token, top: Token) -> bool:
    """Whether a word of a phrase sits in one of its prepositional phrases of place or direction
    ("crackdown in Hong Kong", "actions toward Taiwan"); "of" says whose, not where ("goats of Gondor")."""
    while word.i != top.i and word.head.i != word.i:
        if word.dep_ == "prep" and word.lower_ != "of":
            return True
        word = word.head
    return False


def actor_in(scene: Scene, token: Token, avoid: frozenset[str] = frozenset()) -> Actor | None:
    """The actor a phrase names: its head, else the first actor among its words (not past a clause),
    one from a country other than ``avoid`` first."""
    if token.i in scene.actors_by_token:
        return scene.actors_by_token[token.i]
    if not scene.any_within(scene.actor_positions, token):
        return None
    doer = by_phrase_actor(scene, token)
    if doer is not None and doer.country not in avoid:
        return doer
    inside = [scene.actors_by_token[w.i] for w in phrase_words(token) if w.i in scene.actors_by_token]
    # "Russia's first Deputy Prime Minister Andrei Belousov": the person the title is set beside,
    # when the phrase names no other country for them
    named = [scene.actors_by_token[c.i] for c in token.children if c.dep_ == "appos" and c.i in scene.actors_by_token]
    countries = {a.country for a in inside}
    if named and named[0].kind == "person" and named[0].country not in avoid and len(countries) == 1:
        return named[0]
    return next((a for a in inside if a.country not in avoid), inside[0] if inside else None)


def by_phrase_actor(scene: Scene, noun: Token) -> Actor | None:
    """ "the attack on Ukrainian cities by Russian forces", "the decision by Russia to …": a noun's
    "by" phrase names its doer, as "Russia's attack" does; the doer is whom the phrase names, not
    the first country in it."""
    if noun.pos_ != "NOUN":
        return None
    phrases = (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "by")
    return next(
        (scene.actors_by_token[w.i] for c in phrases for w in phrase_words(c) if w.i in scene.actors_by_token), None
    )


def phrase_words(token: Token, conjuncts: bool = False) -> list[Token]:
    """The words of a phrase, not past a clause (nor, unless asked, into a conjoined phrase)."""
    words: list[Token] = []
    stack = [token]
    venues, situations = venue_nouns(), situation_nouns()
    while stack:
        word = stack.pop()
        words.append(word)
        stack.extend(
            c
            for c in word.children
            if c.dep_ not in CLAUSES
            and (conjuncts or c.dep_ != "conj")
            and not quoted_title(c)
            and not (word.lower_ in venues and c.dep_ == "prep" and c.lower_ in VENUE_PREPOSITIONS)
            and not (word.lower_ in situations and c.dep_ == "prep" and c.lower_ == "in")
        )
    return sorted(words, key=lambda w: w.i)


def quoted_title(token: Token) -> bool:
    """ "a forum discussion ‘Next Steps in India-Russia Strategic Partnership’": a name in quotation
    marks given to a thing; the countries in it are its topic, not who takes part."""
    return token.dep_ == "appos" and token.left_edge.i > 0 and token.doc[token.left_edge.i - 1].text in OPENING_QUOTES


OPENING_QUOTES = frozenset({"‘", "“", '"', "'", "«"})


# "talks in Geneva", "the summit at Camp David": where a meeting is held, not whom it is with.
VENUE_PREPOSITIONS = frozenset({"in", "at"})


@cache
def situation_nouns() -> frozenset[str]:
    """ "crises in Syria", "the situation in Ukraine": where it happens is no party (``[topics]``)."""
    return frozenset(toml_data("events/coding.toml")["topics"]["situations"])


@cache
def venue_nouns() -> frozenset[str]:
    """Meeting nouns (``hosted`` in data/events/nominal.toml): their place phrase is the venue."""
    nouns = toml_data("events/nominal.toml")["nouns"]
    return frozenset(noun for noun, entry in nouns.items() if entry.get("hosted"))


def place_in(scene: Scene, verb: Token, prepositions: frozenset[str] | None = None) -> Actor | None:
    """The country a verb's place phrase names, however deep ("killed in a car bombing in central
    Baghdad", "outside of the Iraqi city of Basra"): the first country or capital in the phrases of
    place of the verb, not a pronoun ("go out to you") nor a word of a person's name ("Holland")."""
    found = places_in(scene, verb, prepositions)
    return found[0] if found else None


def places_in(scene: Scene, verb: Token, prepositions: frozenset[str] | None = None) -> tuple[Actor, ...]:
    """The first place of ``place_in`` and the places conjoined with it ("travelled to Kyiv and
    Warsaw", "to Ukraine and Poland")."""
    wanted = PLACES if prepositions is None else prepositions
    for prep in (c for c in verb.children if c.dep_ in ("prep", "agent") and c.lower_ in wanted):
        for token in prep.subtree:
            first = place_word(scene, token)
            if first is not None:
                others = (place_word(scene, c) for c in token.conjuncts if c.i > token.i)
                return (first, *(o for o in others if o is not None))
    return ()


def place_word(scene: Scene, token: Token) -> Actor | None:
    if token.pos_ == "PRON" or in_personal_name(token):
        return None  # "our hearts go out to you", "go to … Steve Holland": people are no places
    actor = scene.actors_by_token.get(token.i)
    if actor is not None and actor.kind in ("country", "capital") and actor.country:
        return actor
    return place_actor(scene, token) if token.pos_ == "PROPN" else None


def in_personal_name(token: Token) -> bool:
    """A word of a person's name of several words ("Steve Holland"); spaCy's small model also calls
    a lone "Kyiv" a person, which a place phrase shows it is not."""
    if token.ent_type_ != "PERSON":
        return False
    doc = token.doc
    return token.ent_iob_ == "I" or (token.i + 1 < len(doc) and doc[token.i + 1].ent_iob_ == "I")


def struck_where(scene: Scene, heads: list[Token], sources: tuple[Actor, ...]) -> Actor | None:
    """The country force was used in, named by a phrase of place of one of ``heads`` (the verb and
    its object, or the event noun): another country than the doers' (``struck_*`` in ``[placed]``)."""
    r = rules()
    found = next((p for h in heads if (p := struck_place(scene, h, r.struck_preps)) is not None), None)
    return found if found is not None and found.country not in {a.country for a in sources} else None


def struck_place(scene: Scene, head: Token, prepositions: frozenset[str]) -> Actor | None:
    """The country or capital a phrase of place of ``head`` names itself: its noun ("in Beirut"),
    the noun's owner ("in Ukraine's east") or an "of"/"in" phrase of it ("in the city of Kharkiv",
    "at targets in Jericho"); not an actor deeper in ("in retaliation for Iran's attacks")."""
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in prepositions):
        for noun in (o for o in prep.children if o.dep_ == "pobj"):
            found = named_place(scene, noun)
            if found is not None:
                return found
    return None


def named_place(scene: Scene, noun: Token) -> Actor | None:
    found = place_word(scene, noun)
    if found is not None or noun.i in scene.actors_by_token:
        return found
    owners = [c for c in noun.children if c.dep_ == "poss"]
    inner = [o for p in noun.children if p.dep_ == "prep" and p.lower_ in ("of", "in") for o in p.children]
    for word in (*owners, *(o for o in inner if o.dep_ == "pobj")):
        found = named_place(scene, word)
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
    words = [t for t in token.subtree if t.dep_ == "compound" or t.i == token.i]
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
