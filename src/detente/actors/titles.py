"""What a person's title says: the country (an adjective or possessive), the role and its sector,
and the body named in it that employs them ("Taliban spokesperson", "Boeing spokesperson", "a vice
president at PG&E"), with the sector an organisation's own words give."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from ..knowledge.files import toml_data
from .mentions import ArticleReading, ResolvedMention, agent_in, agent_sector, title_start

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# What the rest of the package uses; the module is internal to its stage.
__all__ = ["STATE_SECTORS", "employing", "organisation_sector", "own_country", "own_words", "title_of"]


# A title in one of these sectors with no country is taken to be of the country the article is
# most about ("National Security Advisor Jake Sullivan" in a White House readout).
STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY"})


def title_of(article: ArticleReading, ent: Span, consume: bool = True) -> tuple[str | None, str, str | None]:
    """(country, sector, role) from the words before a name, its apposition, and the noun it is
    in apposition to ("Merkel's spokesperson, Steffen Seibert"). With ``consume``, those words
    are the person's title: no other actor is read in them."""
    doc, root = article.doc, ent.root
    start = title_start(doc, ent.start)
    if root.dep_ == "appos" and root.head.i < ent.start:
        start = min(start, root.head.left_edge.i)
    descriptions = [doc[start : ent.start]] if start < ent.start else []
    descriptions += [doc[a.left_edge.i : a.right_edge.i + 1] for a in root.children if a.dep_ == "appos"]
    country = sector = role = None
    for words in descriptions:
        c, s, r = description(article, words)
        country, sector, role = country or c, sector or s, role or r
        if consume:
            article.taken.update(range(words.start, words.end))
            drop_titles(article, words)
    return country, sector or "", role


def drop_titles(article: ArticleReading, words: Span) -> None:
    """Dictionary phrases that were a title ("US Ambassador to the United Nations") are no actors."""
    org_words = toml_data("actors/sectors.toml")["organisation_words"]
    article.found = [
        f
        for f in article.found
        if not (words.start <= f.start and f.end <= words.end and (f.kind == "person" or bare_title(f, org_words)))
    ]


def bare_title(found: ResolvedMention, org_words: dict[str, str]) -> bool:
    """An organisation in a person's title is their employer ("African Export-Import Bank
    president …"), unless no word of it names an organisation and no list has it as a company or
    an NGO ("a vice president at Boeing")."""
    if found.kind != "organization" or found.country in LISTED_NON_STATE:
        return False
    return not any(w.lower() in org_words for w in found.name.split())


def description(article: ArticleReading, words: Span) -> tuple[str | None, str | None, str | None]:
    """The country (an adjective or possessive, not "to India") and the role in a description."""
    words = last_clause(words)
    named = [f for f in article.found if words.start <= f.start < words.end]
    country = next((f.country for f in named if own_country(article.doc[f.start]) and not within(f, named)), None)
    role, code = agent_in(article.lexicon, words)
    sector = agent_sector(code) if code else None
    employer = employer_in(article, words)
    if employer is not None:  # "Taliban spokesperson", "BBC's …", "president of the … League for Human Rights"
        return country or employer.country, employer.sector, role
    employer_sector = unlisted_employer(article, words) if sector in STATE_SECTORS else None
    if employer_sector is not None:  # "Sea-Eye spokesperson", "a vice president at PG&E"
        return country, employer_sector, role
    return country, sector, role


# Bodies whose sector a person's title takes from them: what a spokesperson or correspondent of
# one does is that body's ("Taliban spokesperson" REB, "BBC's correspondent" MED, "Boeing
# spokesperson" BUS, "a spokesperson for Amnesty International" NGO). Only outlets, armed groups,
# and companies and NGOs the dictionaries list, whose sectors come from lists: a state body's
# title says its sector itself ("Minister", "Senator"), a party's leader often holds a state
# office, and the sector of an organisation nobody listed is a guess (in the corpus check
# "Interagency Working Group" was a business and "National Economic Council" an NGO).
EMPLOYER_KINDS = frozenset({"group", "agency", "organization"})
EMPLOYER_SECTORS = frozenset({"REB", "UAF", "MED"})
LISTED_NON_STATE = frozenset({"MNC", "NGO"})
# The body ends the title, or nearly ("BBC's", "Taliban spokesperson", "president of the League").
EMPLOYER_REACH = 2


def employer_in(article: ArticleReading, words: Span) -> ResolvedMention | None:
    """The organisation, group or outlet named in a person's title, when it has a sector and no
    comma parts it from the rest of the title."""
    doc = article.doc
    last = words.end - 1 if words.end > words.start and doc[words.end - 1].text == "," else words.end
    for found in article.found:
        inside = words.start <= found.start and last - EMPLOYER_REACH <= found.end <= last
        if not inside or found.kind not in EMPLOYER_KINDS or not sector_giving(found):
            continue
        if all(t.pos_ in TITLE_HEAD_POS for t in doc[found.end : last]):  # "Taliban spokesperson", "BBC's"
            return found
    return None


def sector_giving(found: ResolvedMention) -> bool:
    return found.sector in EMPLOYER_SECTORS or (found.country in LISTED_NON_STATE and bool(found.sector))


def unlisted_employer(article: ArticleReading, words: Span) -> str | None:
    """The sector of an organisation that no list knows and no word of its name makes a state
    body, named in a person's title as where they work ("Sea-Eye spokesperson", "a vice president
    at PG&E", "a professor at Ural State Medical University"): the title is an office of that
    organisation, not of a state, so its sector is the one the organisation's name gives, if any
    (spaCy's organisations). None when the title names no such organisation."""
    for ent in words.ents:  # the entities wholly inside the title
        if ent.label_ != "ORG":
            continue
        sector = organisation_sector(ent)
        if sector in STATE_SECTORS or not (employing(ent) or before_the_role(ent, words)):
            continue
        known = [f for f in article.found if f.start < ent.end and ent.start < f.end]
        if all(not f.country and f.sector not in STATE_SECTORS for f in known):
            return sector
    return None


def before_the_role(ent: Span, words: Span) -> bool:
    """ "Sea-Eye spokesperson": the organisation stands before the title's noun, not after a
    preposition ("Secretary of Transportation" names an office)."""
    after = ent.end < words.end and ent.doc[ent.end].pos_ == "NOUN"
    return after and not (ent.start > words.start and ent.doc[ent.start - 1].pos_ == "ADP")


# What may stand between the body and the name: the role noun, a possessive. Not a comma ("Speaking
# to AFP, the president of …") nor a preposition ("the Working Group on Coal with Brian Deese").
TITLE_HEAD_POS = frozenset({"NOUN", "PROPN", "PART", "ADJ"})


def last_clause(words: Span) -> Span:
    """The words after the last comma inside a description (a trailing comma aside): "Speaking to
    Agence France-Presse, the president of the League," describes by "the president of the League"."""
    inner = [t.i for t in words[:-1] if t.text == ","]
    last = words.doc[inner[-1] + 1 : words.end] if inner else words
    return last if sum(not t.is_punct for t in last) > 1 else words  # ", Dr" is an honorific, not a title


def within(found: ResolvedMention, others: list[ResolvedMention]) -> bool:
    """A mention inside another's name ("France" in "Agence France-Presse")."""
    return any(
        o is not found and o.start <= found.start and found.end <= o.end and o.end - o.start > found.end - found.start
        for o in others
    )


def own_country(token: Token) -> bool:
    """A country word that says whose the actor is, not where it is sent ("ambassador to India")
    nor a war or crisis named after it ("an Iraq War veteran": ``[event_words]``)."""
    if token.head.i > token.i and token.head.lower_ in event_words():
        return False
    before = token.doc[token.i - 1].lower_ if token.i > 0 else ""
    sent_to = token.dep_ == "pobj" and token.head.lower_ in ("to", "in", "at", "for", "with")
    qualifies = token.dep_ in ("amod", "compound") and token.head.i > token.i  # "met with Egyptian President …"
    return not sent_to and (qualifies or before not in ("to", "in", "at", "for", "with"))


def employing(ent: Span) -> bool:
    """An organisation named as where the person before it works ("a vice president at the firm"):
    the title is its employee's, not its own."""
    before = ent.start - 1
    while before >= 0 and ent.doc[before].pos_ == "DET":
        before -= 1
    return before >= 0 and ent.doc[before].lower_ in EMPLOYING_PREPOSITIONS


# Prepositions that name where a person with a title works. Not "of" nor "for", which name the
# office itself as often ("Secretary of Transportation", "chair of the House Intelligence
# Committee", "Assistant Secretary for Western Hemisphere Affairs", "Senior Advisor for Cyber and
# Emerging Technology").
EMPLOYING_PREPOSITIONS = frozenset({"at"})


def organisation_sector(ent: Span) -> str:
    """The sector a word of the name gives ("Ministry", "Senate"); a lone word's own ("the House")."""
    sectors = toml_data("actors/sectors.toml")
    words = own_words(ent)
    if len(words) == 1 and words[0].lower_ in sectors["lone_organisation_words"]:
        return str(sectors["lone_organisation_words"][words[0].lower_])
    return next((sectors["organisation_words"][t.lower_] for t in ent if t.lower_ in sectors["organisation_words"]), "")


def own_words(ent: Span) -> list[Token]:
    """The words of a name without its article."""
    return [t for t in ent if t.lower_ != "the"]


@cache
def event_words() -> frozenset[str]:
    return frozenset(toml_data("actors/sectors.toml")["event_words"]["words"])
