"""Actors: who is who in an article, resolved to a country, a sector and a CAMEO-style code.

Mentions come from the actor lexicon (countries, capitals, seats of government, groups, news
agencies, and the Phoenix dictionaries with roles dated: Putin is RUSGOV in 2023) and from
spaCy's PERSON and ORG entities the lexicon does not know. A person's country and sector come
from the title and apposition around the name ("Russian envoy Denis Alipov", "Alipov, Russia's
ambassador"), else from the actor the sentence cites ("TASS reported citing Deputy Foreign
Minister Andrey Rudenko"). Within the article, a surname, a role description ("the Russian
Ambassador") and a pronoun that says something ("he said") are resolved to the same actor.

The stages are ``mentions`` (the lexicon), ``names`` (spaCy's entities) and
``coreference``; this module runs them in order and groups the mentions into actors.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from msgspec.structs import replace

from ..knowledge.lexicon import load_lexicon, phrase_key
from ..record import Actor, Credit, Mention
from .coreference import groups_of_places, role_descriptions, speaking_pronouns, surnames
from .mentions import ArticleReading, ResolvedMention, lexicon_mentions, split_code
from .names import affiliations, companions, entity_mentions, titles_before_names
from .turns import turn_voices

if TYPE_CHECKING:
    from spacy.tokens import Doc

# What the rest of the package uses; the module is internal to its stage.
__all__ = ["actors_by_token", "find_actors"]


def find_actors(
    doc: Doc,
    published: str | None,
    credits: tuple[Credit, ...] = (),
    dictionaries: Path | None = None,
    title: str | None = None,
    outlet: str | None = None,
) -> tuple[Actor, ...]:
    """Every actor of the article, each with all its mentions; credited agencies too, even when
    the text no longer names them (a wire credit is removed from it). The title names the
    speakers of a transcript ("Remarks by President Biden and President Lasso of Ecuador"); an
    outlet that is a state's own body (the White House) is the home of the institutions it names."""
    article = ArticleReading(doc=doc, day=published, lexicon=load_lexicon(dictionaries))
    article.publisher = publishing_state(article, outlet)

    def voices(article: ArticleReading) -> None:
        turn_voices(article, title)

    for stage in (
        lexicon_mentions,
        entity_mentions,
        titles_before_names,
        affiliations,
        surnames,
        voices,
        companions,
        role_descriptions,
        groups_of_places,
        speaking_pronouns,
    ):
        stage(article)
    actors = home_institutions(group_actors(article), frozenset(article.lexicon.country_names), article.publisher)
    return actors + credited_agencies(article, credits, {a.name for a in actors}, len(actors))


# Sectors of a state's own institutions: named without their country ("the Interior Ministry",
# "the House of Representatives", "the Court of Session"), they are the article's country's.
# Parties are left out: giving "the Republican Party" the story's country added more wrong
# events than right ones on unseen texts (docs/audit.md, session 14).
INSTITUTION_SECTORS = frozenset({"GOV", "LEG", "JUD", "MIL", "COP", "SPY"})
# A story about a country names it (or its people and bodies) at least this often.
HOME_MENTIONS = 3


def home_institutions(
    actors: tuple[Actor, ...], states: frozenset[str], publisher: str | None = None
) -> tuple[Actor, ...]:
    """A state institution the text names without a country ("the Interior Ministry said") is one of
    the state that publishes the text, if a state does (a White House statement on aid to Ukraine
    names Ukraine more often than the United States, and "the House" in it is the United States').
    Else it is of the state whose people and bodies of the same branch the text names most often,
    at least twice and twice as often as any other ("the House" beside "the Senate" and "Senator
    Tester"). Else of the article's principal country: the country named most often, at least three
    times and twice as often as any other (a story about one state); where the text seldom names
    a country, the state whose people and bodies it names most often, by the same measure
    ("Trump", "McConnell" and "the Senate" tell a story about the United States)."""
    named = [a for a in actors if a.kind == "country" and a.country]
    home = principal(named) or principal([a for a in actors if a.country in states])
    found = []
    for a in actors:
        if a.kind == "organization" and a.country is None and a.sector in INSTITUTION_SECTORS:
            branch = [b for b in actors if b.sector == a.sector and b.country in states]
            country = publisher or principal(branch, at_least=BRANCH_MENTIONS) or home
            a = replace(a, country=country, code=country + a.code) if country else a
        found.append(a)
    return tuple(found)


# A text names a branch of a state (its legislators, its ministries) at least this often to be
# about that state's branch.
BRANCH_MENTIONS = 2


def publishing_state(article: ArticleReading, outlet: str | None) -> str | None:
    """The state whose own body publishes the text ("The White House"), if the outlet is one."""
    if not outlet:
        return None
    name = outlet[4:] if outlet.lower().startswith("the ") else outlet
    index = article.lexicon.phrases.get(phrase_key(name))
    known = article.lexicon.entries[index] if index is not None else None
    if known is None or known.kind == "agency":
        return None
    country, sector = split_code(known.code_on(article.day) or "")
    return (
        country
        if len(country) == 3 and sector in INSTITUTION_SECTORS and country in article.lexicon.country_names
        else None
    )


def principal(actors: list[Actor], at_least: int = HOME_MENTIONS) -> str | None:
    """The country of most of these actors' mentions: at least ``at_least``, twice any other's."""
    ranked = Counter(a.country for a in actors for _ in a.mentions).most_common(2)
    if not ranked or ranked[0][1] < at_least or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
        return None
    return ranked[0][0]


def credited_agencies(
    article: ArticleReading, credits: tuple[Credit, ...], named: set[str], count: int
) -> tuple[Actor, ...]:
    extra: list[Actor] = []
    for credit in credits:
        index = article.lexicon.phrases.get(phrase_key(credit.agency))
        known = article.lexicon.entries[index] if index is not None else None
        if credit.agency in named or known is None or known.kind != "agency":
            continue
        code = known.code_on(article.day) or ""
        country, sector = split_code(code)
        extra.append(Actor(f"A{count + len(extra) + 1}", known.name, "agency", country, sector, credit.role, code))
        named.add(credit.agency)
    return tuple(extra)


def actors_by_token(doc: Doc, actors: tuple[Actor, ...]) -> dict[int, Actor]:
    """The actor of each token that is part of a mention (people and groups before countries),
    for the stages that read who a word refers to (quotes, events)."""
    order = {"person": 0, "agency": 1, "organization": 1, "group": 2, "government": 2, "country": 3}
    by_token: dict[int, Actor] = {}
    for actor in sorted(actors, key=lambda a: -order.get(a.kind, 2)):
        for mention in actor.mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            for token in span if span is not None else ():
                by_token[token.i] = actor
    return by_token


def group_actors(article: ArticleReading) -> tuple[Actor, ...]:
    """Mentions grouped by what they resolve to, in order of first mention."""
    groups: dict[tuple[str, ...], list[ResolvedMention]] = {}
    for found in sorted(article.found, key=lambda f: f.start):
        groups.setdefault(found.key, []).append(found)
    doc = article.doc
    actors = []
    for number, mentions in enumerate(groups.values(), 1):
        head = max(mentions, key=lambda f: (f.kind == "person" and f.name == doc[f.start : f.end].text, len(f.name)))
        role = next((f.role for f in mentions if f.role), None)
        spans = tuple(
            Mention(doc[f.start].idx, doc[f.end - 1].idx + len(doc[f.end - 1].text), doc[f.start : f.end].text)
            for f in mentions
        )
        actors.append(
            Actor(
                id=f"A{number}",
                name=head.name,
                kind=head.kind,
                country=head.country,
                sector=head.sector,
                role=role,
                code=head.code or (head.country or ""),
                mentions=spans,
            )
        )
    return tuple(actors)
