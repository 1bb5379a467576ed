"""The company of a readout or a joint statement: who "they", "we" and "the leaders" are when a
call, a meeting or a statement gathers three or more states.

The company is the longest list of actors of three or more different states that the article
gathers in one phrase (a subject, "participants … included A, B and C", "the Leaders of A, B and
C", "spoke with the leaders of A, B and C"), with the one who held the call or meeting ("President
Biden spoke today with Transatlantic leaders"). A plural that names no one itself stands for all
of them; each then acts, and a mutual act goes between every two of them. The words are data:
``[company]`` in ``data/events/coding.toml``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from ..knowledge.files import toml_data
from ..record import Actor

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# An actor for each token of a mention, as ``actors_by_token`` gives it.
ByToken = dict[int, Actor]

# What the rest of the package uses; the module is internal to its stage.
__all__ = ["company", "company_people"]


@dataclass(frozen=True)
class CompanyWords:
    gathering_verbs: frozenset[str]
    gathering_nouns: frozenset[str]
    meeting_verbs: frozenset[str]
    host_verbs: frozenset[str]
    meeting_nouns: frozenset[str]
    least: int


@cache
def words() -> CompanyWords:
    data = toml_data("events/coding.toml")["company"]
    return CompanyWords(
        gathering_verbs=frozenset(data["gathering_verbs"]),
        gathering_nouns=frozenset(data["gathering_nouns"]),
        meeting_verbs=frozenset(data["meeting_verbs"]),
        host_verbs=frozenset(data["host_verbs"]),
        meeting_nouns=frozenset(data["meeting_nouns"]),
        least=int(data["least"]),
    )


def company(doc: Doc, by_token: ByToken) -> tuple[Actor, ...]:
    """The article's company, one actor per state, the host first (empty when there is none)."""
    return tuple(states(gathering_of(doc, by_token)).values())


def company_people(doc: Doc, by_token: ByToken) -> tuple[Actor, ...]:
    """The people of a company of three or more states (a call's participants: both the
    Commission's and the Council's presidents speak), each once, the host first; the states
    themselves when the list names no people ("the Leaders of Canada, France, …")."""
    members = gathering_of(doc, by_token)
    if len(states(members)) < words().least:
        return ()
    people = tuple({a.id: a for a in members if a.kind == "person"}.values())
    return people if len(people) >= words().least else tuple(states(members).values())  # states sign statements


def gathering_of(doc: Doc, by_token: ByToken) -> tuple[Actor, ...]:
    """Everyone the company's list and host name, in order (cached per doc and mapping)."""
    cache_key = f"detente_company_{id(by_token)}"
    cached = doc.user_data.get(cache_key)
    if cached is None:
        cached = doc.user_data[cache_key] = gather(doc, by_token)
    return tuple(cached)


def phrase_actors(by_token: ByToken, head: Token) -> tuple[Actor, ...]:
    """The actors a coordinated phrase names: for each conjunct, the actor of its head word, else
    of the first word of it that names one."""
    found: list[Actor] = []
    for word in (head, *head.conjuncts):
        actor = by_token.get(word.i) or next(
            (by_token[t.i] for t in word.subtree if t.i in by_token and not t.is_ancestor(word)), None
        )
        if actor is not None and all(actor is not a for a in found):
            found.append(actor)
    return tuple(found)


def listed(doc: Doc, by_token: ByToken, head: Token) -> tuple[Actor, ...]:
    """The actors named in a list, in order: from its first word to its last conjunct's end, or to
    the end of the sentence for the object of a gathering verb ("Participants included A of X, B
    of Y, …, and Z": the parser often breaks a long list)."""
    end = max(t.right_edge.i for t in (head, *head.conjuncts))
    if head.dep_ in ("dobj", "attr") and head.head.lemma_.lower() in words().gathering_verbs:
        end = max(end, head.sent.end - 1)
    found: list[Actor] = []
    for i in range(head.left_edge.i, end + 1):
        actor = by_token.get(i)
        if actor is not None and all(actor is not a for a in found):
            found.append(actor)
    return tuple(found)


def gather(doc: Doc, by_token: ByToken) -> tuple[Actor, ...]:
    """The longest gathered list with its host; else the two sides of the article's first meeting
    ("President Biden met with President Herzog of Israel": the two)."""
    heads = list_heads(doc)
    lists = [found for head in heads if len(states(found := listed(doc, by_token, head))) >= words().least]
    if lists:
        members = max(lists, key=lambda found: len(states(found)))
        everyone = [*(a for a, _ in hosts(doc, by_token, named=True)), *members]
        return tuple({a.id: a for a in everyone}.values())
    for host, partners in hosts(doc, by_token, named=False):
        pair = states([host, *partners])
        if len(pair) == 2:
            return tuple(pair.values())
    return ()


def states(actors: tuple[Actor, ...] | list[Actor]) -> dict[str, Actor]:
    """One actor per state code, the first named."""
    found: dict[str, Actor] = {}
    for actor in actors:
        if actor.country and "/" not in actor.country:
            found.setdefault(actor.country, actor)
    return found


def list_heads(doc: Doc) -> list[Token]:
    """The first words of coordinated phrases in a gathering position."""
    return [t for t in doc if t.dep_ != "conj" and any(c.dep_ == "conj" for c in t.children) and gathered(t)]


def gathered(head: Token) -> bool:
    w = words()
    if head.dep_ in ("nsubj", "nsubjpass"):
        return True
    if head.dep_ in ("dobj", "attr"):
        return head.head.lemma_.lower() in w.gathering_verbs
    if head.dep_ == "pobj" and head.head.lower_ in ("of", "with", "among", "between"):
        owner = head.head.head
        return owner.lower_ in w.gathering_nouns or owner.lemma_.lower() in w.meeting_verbs
    return False


def hosts(doc: Doc, by_token: ByToken, named: bool) -> list[tuple[Actor, tuple[Actor, ...]]]:
    """Who held a call or meeting, and whom with: the subject of a hosting verb whose phrase names
    a meeting or the leaders met ("spoke today with Transatlantic leaders", "held a call with
    European leaders"), or unless ``named`` of a verb of meeting ("met with President Herzog"),
    with the actors of its "with" phrase or object."""
    w = words()
    found: list[tuple[Actor, tuple[Actor, ...]]] = []
    for verb in (t for t in doc if t.pos_ == "VERB" and t.lemma_.lower() in w.host_verbs):
        said = {t.lower_ for t in verb.subtree if t.i != verb.i} & (w.meeting_nouns | w.gathering_nouns)
        if not (said or (not named and verb.lemma_.lower() in w.meeting_verbs)):
            continue
        partners = tuple(a for o in partner_words(verb) for a in phrase_actors(by_token, o))
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        found += [(a, partners) for s in subjects for a in phrase_actors(by_token, s)]
    return found


def partner_words(verb: Token) -> list[Token]:
    """The heads of a hosting verb's "with" phrases (also under its object: "held a call with …")
    and its direct object ("met President Herzog")."""
    heads = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    withs = [o for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ == "with" for o in p.children]
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return [o for o in withs if o.dep_ == "pobj"] + objects
