"""People and organisations spaCy finds that the lexicon does not know: a person's country and
sector from the title and apposition around the name ("Russian envoy Denis Alipov", "Alipov,
Russia's ambassador"), else from the actor the sentence cites; an organisation's from the words
of its name or the noun it is listed under.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from ..knowledge.files import toml_data
from ..knowledge.lexicon import phrase_key
from ..nlp import sentence_start, words_of
from .mentions import (
    INTERNATIONAL,
    ArticleReading,
    ResolvedMention,
    agent_in,
    agent_sector,
    alias,
    country_after,
    is_acronym_of,
    resolve_known,
    title_start,
)
from .titles import STATE_SECTORS, employing, organisation_sector, own_country, own_words, title_of
from .turns import words as transcript_words

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# What the rest of the package uses; the module is internal to its stage.
__all__ = ["affiliations", "companions", "entity_mentions", "titles_before_names"]


def entity_mentions(article: ArticleReading) -> None:
    for ent in map(trimmed, article.doc.ents):
        if not is_actor_entity(article, ent):
            continue
        short = short_name_of(article, ent)
        if short is not None:
            article.found.append(alias(short, ent))
            article.taken.update(range(ent.start, ent.end))
            continue
        if (ent.label_ == "PERSON" or follows_a_title(article, ent)) and group_title(article, ent) is None:
            found = person(article, ent)
        else:
            found = acronym_of(article, ent) or organisation(article, ent)
            article.found = [f for f in article.found if not ent.start <= f.start < ent.end]  # "Global India Insights"
        article.found.append(found)
        article.taken.update(range(ent.start, ent.end))


def trimmed(ent: Span) -> Span:
    """An entity without the "of" or "and" spaCy sometimes ends it with ("Patrice Talon of")."""
    end = next((t.i for t in ent[1:] if t.text == "("), ent.end)  # "… Free Trade Area (AfCFTA"
    while end - 1 > ent.start and ent.doc[end - 1].pos_ in ("ADP", "CCONJ"):
        end -= 1
    if end == ent.end:
        return ent
    span = ent.doc[ent.start : end]
    span.label_ = ent.label_
    return span


def is_actor_entity(article: ArticleReading, ent: Span) -> bool:
    """A person, or an organisation (spaCy sometimes calls one a facility), not already known
    (a country named inside an organisation's name does not count) and not a weapon ("S-400"),
    a region ("Indo-Pacific"), a title ("National Security Advisor") or a time zone."""
    label = ent.label_
    if label not in ("PERSON", "ORG", "FAC") or any(c.isdigit() for c in ent[0].text) or place_name(article, ent):
        return False
    if label == "PERSON":
        return not any(i in article.taken for i in range(ent.start, ent.end))
    if not looks_like_an_organisation(article, ent):
        return False
    if any(f.start < ent.start < f.end or f.start < ent.end < f.end for f in article.found):
        return False  # part of a longer name already known
    inside = [f for f in article.found if ent.start <= f.start < ent.end]
    own_words = [t for t in ent if t.is_alpha and not any(f.start <= t.i < f.end for f in inside)]
    if len(inside) > 1 and all(t.lower_ in ("and", "or") for t in own_words):
        return False  # "Arnor, Osgiliath and Gondor": a list of known names, not one organisation
    return bool(own_words) and all(f.kind in ("country", "capital") and f.end <= ent.end for f in inside)


def place_name(article: ArticleReading, ent: Span) -> bool:
    """A country's or capital's name the lexicon declined where it is a place ("attacks in Kyiv"), a
    sea's or a language's: no organisation of the country named before it, and no person (spaCy's
    small model calls "Kyiv" a PERSON in "travelled to Kyiv and Warsaw")."""
    index = article.lexicon.phrases.get(phrase_key(ent.text))
    return index is not None and article.lexicon.entries[index].kind in ("capital", "country")


def follows_a_title(article: ArticleReading, ent: Span) -> bool:
    """A name spaCy took for an organisation right after a person's title ("Ambassador … Nikki Haley")."""
    start = title_start(article.doc, ent.start)
    role, _code = agent_in(article.lexicon, article.doc[start : ent.start])
    last = article.doc[ent.start - 1].lower_ if ent.start else ""
    return role is not None and role.lower().split()[-1] == last and all(t.pos_ == "PROPN" for t in ent)


def acronym_of(article: ArticleReading, ent: Span) -> ResolvedMention | None:
    """ "the Centre for Global India Insights (CGII)": the acronym is the organisation it follows."""
    doc = article.doc
    if ent.start < 2 or doc[ent.start - 1].text != "(":
        return None
    before = [f for f in article.found if f.end == ent.start - 1 and f.kind == "organization"]
    return alias(before[-1], ent) if before else None


# Bodies a person named with "of" belongs to: state bodies, outlets, universities, groups and
# bodies above states. Not a company (its country is where it is based, not its staff's) nor a
# party (its members' country is the party's, but a party's sector is not its members' office).
AFFILIATION_KINDS = frozenset({"organization", "agency", "government", "group"})
NOT_AFFILIATIONS = frozenset({"BUS", "PTY"})
# How far after "of" the body may begin ("of the Maidan Wardak provincial council").
AFFILIATION_REACH = 4


def affiliations(article: ArticleReading) -> None:
    """A person named with no country and then "of" a body or a place belongs to it ("Martin Smith
    of PBS", "Michael Siegel of Boston University", "Sharif Hotak, of the Maidan Wardak provincial
    council"): its country, and its sector when the person's title gave none. Every mention of the
    person takes them."""
    for found in list(article.found):
        if found.kind != "person" or found.country:
            continue
        body = affiliation_after(article, found)
        if body is None:
            continue
        sector = found.sector or ("" if names_a_place(article, body) else body.sector)
        place_person(article, found, str(body.country), sector)


def names_a_place(article: ArticleReading, body: ResolvedMention) -> bool:
    """A country or a city named as where someone is from ("of Washington", "of Brazil"), not a
    state's institution ("of the Saudi government"): no noun after it in the phrase."""
    if body.kind in ("country", "capital"):
        return True
    after = article.doc[body.end] if body.end < len(article.doc) else None
    return body.country_word and (after is None or after.pos_ not in ("NOUN", "PROPN"))


def place_person(article: ArticleReading, person: ResolvedMention, country: str, sector: str) -> None:
    """Give every mention of the person that has no country yet this country and sector."""
    for same in article.found:
        if same.kind == "person" and same.key == person.key and not same.country:
            same.country, same.sector, same.code = country, sector, f"{country}{sector}"


def affiliation_after(article: ArticleReading, person: ResolvedMention) -> ResolvedMention | None:
    """The body or place named in the "of" phrase right after a person's name (a comma between
    them or not), if it has a country."""
    doc = article.doc
    at = person.end + 1 if person.end < len(doc) and doc[person.end].text == "," else person.end
    if at >= len(doc) or doc[at].lower_ != "of":
        return None
    end = min(doc[at].right_edge.i + 1, at + 1 + AFFILIATION_REACH + 3)
    for found in sorted(article.found, key=lambda f: f.start):
        if not at < found.start <= at + AFFILIATION_REACH or found.end > end or not found.country:
            continue
        state = len(found.country) == 3 and found.country not in ("NGO", "MNC", "IMG", "ISM")
        if found.kind in ("country", "capital") and state:
            return found
        if found.kind in AFFILIATION_KINDS and found.sector not in NOT_AFFILIATIONS:
            return found if state or found.country in INTERNATIONAL else None
        return None
    return None


def companions(article: ArticleReading) -> None:
    """A person named with no country beside someone the text's "I", "my", "you" or "your" stands
    for (a transcript's speaker, a statement's author) is of that one's country: "Jill and I are
    praying", "my wife, Jill", "your wife, Jill". Every mention of the person takes it."""
    for found in list(article.found):
        if found.kind != "person" or found.country:
            continue
        country = companion_country(article, article.doc[found.start : found.end].root)
        if country is None:
            continue
        place_person(article, found, country, found.sector)


def companion_country(article: ArticleReading, name: Token) -> str | None:
    """The country of a pronoun the name is coordinated with ("Jill and I"), or of the possessive
    of the noun it is in apposition to ("my wife, Jill"), when that pronoun is a known voice."""
    beside = [t for t in name.children if t.dep_ == "conj"] + ([name.head] if name.dep_ == "conj" else [])
    if name.dep_ == "appos":
        beside += [t for t in name.head.children if t.dep_ == "poss"]
    for pronoun in (t for t in beside if t.pos_ == "PRON"):
        voice = nearest_voice(article, pronoun)
        if voice is not None and voice.country and len(voice.country) == 3:
            return voice.country
    return None


def nearest_voice(article: ArticleReading, pronoun: Token) -> ResolvedMention | None:
    """What the pronoun stands for: its own mention, else that of the nearest pronoun of the same
    person ("my" taken into a title, "my wife, Jill", is the speaker's as the turn's "I" is)."""
    voices = transcript_words()
    person = next((p for p in (voices.first_person, voices.second_person) if pronoun.lower_ in p), None)
    if person is None:
        return None
    voiced = [f for f in article.found if f.end - f.start == 1 and article.doc[f.start].lower_ in person]
    return min(voiced, key=lambda f: abs(f.start - pronoun.i), default=None)


def titles_before_names(article: ArticleReading) -> None:
    """ "US Ambassador to the United Nations Nikki Haley": a dictionary entry that is a title
    right before a person's name is that person's title, not another actor."""
    people = {f.start: f for f in article.found if f.kind == "person"}
    titles = [f for f in article.found if f.kind == "person" and f.end in people and f is not people[f.end]]
    article.found = [f for f in article.found if not any(f is t for t in titles)]


def short_name_of(article: ArticleReading, span: Span) -> ResolvedMention | None:
    """ "Mahan" after "Mahan Air": an organisation called by the first words of its name."""
    words = span.text.split()
    for found in reversed(article.found):
        if found.kind != "organization" or found.start >= span.start:
            continue
        name = found.name.split()
        if name[: len(words)] == words != name or is_acronym_of(span.text, name):
            return found
    return None


def person(article: ArticleReading, ent: Span) -> ResolvedMention:
    earlier = same_person(article, ent)
    if earlier is not None:
        return ResolvedMention(
            ent.start,
            ent.end,
            earlier.name,
            "person",
            earlier.country,
            earlier.sector,
            earlier.role,
            earlier.code,
            earlier.key,
        )
    known = known_person(article, ent)
    if known is not None:
        return known
    country, sector, role = title_of(article, ent)
    country = (
        country_after(article, ent)
        or country
        or country_of_sentence(article, ent)
        or (main_country(article) if sector in STATE_SECTORS else None)
    )
    code = (country or "") + sector if country else sector
    return ResolvedMention(ent.start, ent.end, ent.text, "person", country, sector, role, code, ("person", ent.text))


NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


FIRST_NAME_FORMS = {
    "joseph": "joe",
    "joe": "joseph",
    "william": "bill",
    "robert": "bob",
    "james": "jim",
    "alexander": "alexandr",
    "sergei": "sergey",
    "sergey": "sergei",
    "andrei": "andrey",
}


def known_person(article: ArticleReading, ent: Span) -> ResolvedMention | None:
    """A name the dictionaries know under another spelling: without middle initials and suffixes
    ("Joseph R. Biden, Jr." → "joseph biden"), or with the usual short first name ("joe biden")."""
    words = [w.lower().strip(",") for w in ent.text.split()]
    words = [w for w in words if w and w not in NAME_SUFFIXES and not (len(w) == 2 and w.endswith("."))]
    if len(words) < 2:
        return None
    for first in (words[0], FIRST_NAME_FORMS.get(words[0], words[0])):
        index = article.lexicon.phrases.get(phrase_key(" ".join([first, words[-1]])))
        known = article.lexicon.entries[index] if index is not None else None
        if known is not None and known.kind == "person":
            found = resolve_known(article, ent, known)
            if found is not None:
                article.taken.update(range(ent.start, ent.end))
                title_of(article, ent)  # its title is part of the mention, not another actor
                return found
    return None


def home_country(article: ArticleReading, at_least: int = 1) -> str | None:
    """Whose a body named without a country is: the state that publishes the text ("the House" in a
    White House statement), else the country the text names most. Not an official's: a title
    without a country in the White House's texts is as often a visitor's ("President Duda")."""
    return article.publisher or main_country(article, at_least)


def main_country(article: ArticleReading, at_least: int = 1) -> str | None:
    """The country named most often (as a country or its government), if named ``at_least`` times."""
    counts: dict[str, int] = {}
    for found in article.found:
        if found.kind in ("country", "government") and found.country and len(found.country) == 3:
            counts[found.country] = counts.get(found.country, 0) + 1
    best = max(counts, key=lambda c: counts[c]) if counts else None
    return best if best is not None and counts[best] >= at_least else None


def same_person(article: ArticleReading, ent: Span) -> ResolvedMention | None:
    """An earlier person whose name ends with this one ("Alipov" after "Denis Alipov")."""
    words = ent.text.split()
    for found in reversed(article.found):
        if found.kind == "person" and found.name.split()[-len(words) :] == words:
            return found
    return None


def country_of_sentence(article: ArticleReading, ent: Span) -> str | None:
    """The country of the nearest actor before the name in its sentence that is not a place or
    a target: who cites an official names whose official it is (TASS citing a deputy minister)."""
    for found in reversed(article.found):
        if found.start >= ent.start or found.start < sentence_start(article.doc, ent.start):
            continue
        token = article.doc[found.start]
        if (
            found.country
            and len(found.country) == 3
            and found.kind in ("agency", "person", "government")
            and own_country(token)
        ):
            return found.country
    return None


def organisation(article: ArticleReading, ent: Span) -> ResolvedMention:
    """An organisation spaCy found: its country from a country named in it, else from the words
    before it or the noun it is listed under ("Iranian airline Mahan Air", "German companies such
    as Siemens"); its sector from its own words, else from those."""
    inside = [f for f in article.found if ent.start <= f.start < ent.end and f.country]
    country = inside[0].country if inside else None
    sector = organisation_sector(ent)
    titled = group_title(article, ent)
    if country is None and titled is not None:  # "Iranian airline Mahan Air": the group words are its title
        country, sector = titled.country, sector or titled.sector or ""
        article.found.remove(titled)
    if country is None:
        described = title_of(article, ent, consume=False)
        listed = listed_under(article, ent)
        country = described[0] or listed[0]
        if not employing(ent):  # "a vice president at PG&E": the title's country, not its sector
            sector = sector or described[1] or listed[1]
    country = country_after(article, ent) or country  # "Patrice Talon of Benin", read as an organisation
    first = next((t for t in ent if t.lower_ != "the"), ent[0])
    if country is None and first.lower_ in regional_words():
        country = "IGO"  # "African Export-Import Bank", "Asian Development Bank"
    if country is None and sector in STATE_SECTORS and len(own_words(ent)) == 1:
        country = home_country(article, at_least=2)  # "dissolving Parliament" in a story about Iraq
    code = (country or "") + sector
    name = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
    return ResolvedMention(
        ent.start, ent.end, name, "organization", country, sector, None, code, ("organization", name)
    )


@cache
def regional_words() -> frozenset[str]:
    return frozenset(toml_data("actors/sectors.toml")["regional_words"]["words"])


def listed_under(article: ArticleReading, ent: Span) -> tuple[str | None, str]:
    """The country and sector of the noun a name is an example of ("German companies such as …")."""
    token = ent.root
    for _ in range(4):
        if token.dep_ in ("conj", "appos", "pobj", "prep", "amod") and token.head.i != token.i:
            token = token.head
            if token.pos_ == "NOUN":
                break
        else:
            return None, ""
    if token.pos_ != "NOUN":
        return None, ""
    country = next(
        (f.country for f in article.found if f.start < token.i and token.left_edge.i <= f.start and f.country), None
    )
    _role, code = agent_in(article.lexicon, token.doc[token.i : token.i + 1])
    sector = (agent_sector(code) or "") if code else ""
    return country, sector


NOT_ORGANISATIONS = frozenset({"utc", "gmt", "bst", "est", "edt", "cet", "ist", "state", "covid-19"})


def group_title(article: ArticleReading, ent: Span) -> ResolvedMention | None:
    """A country word and role noun right before a name ("Iranian airline Mahan Air")."""
    nouns = toml_data("actors/sectors.toml")["company_nouns"]
    last = words_of(article.doc).lowers[ent.start - 1] if ent.start > 0 else ""
    if last not in nouns:
        return None
    for found in article.found:
        between = ent.start - found.end + 1  # the group's role noun and any word after it
        if found.kind == "group" and found.country and 0 < between <= 2 and last in nouns:
            return found
    return None


def looks_like_an_organisation(article: ArticleReading, ent: Span) -> bool:
    org_words = toml_data("actors/sectors.toml")["organisation_words"]
    has_org_word = any(t.lower_ in org_words for t in ent)
    words = [t for t in ent if t.lower_ != "the"]
    titled = group_title(article, ent) is not None  # "Iranian airline Mahan Air"
    if (ent.label_ == "FAC" and not has_org_word and not titled) or not words:
        return False
    if ent.text.lower() in NOT_ORGANISATIONS or words[0].is_lower:
        return False
    if any(t.text in ("-", "–") for t in ent) and not has_org_word:
        return False  # "Indo-Pacific", "U.S.-India"
    role, _code = agent_in(article.lexicon, ent)
    if role is None or role.split()[-1].lower() in org_words:
        return True  # no role word, or an institution's ("Parliament")
    return len(role.split()) < len(words)  # not a person's title alone ("National Security Advisor")
