"""Actors: who is who in an article, resolved to a country, a sector and a CAMEO-style code.

Mentions come from the actor lexicon (countries, capitals, seats of government, groups, news
agencies, and the Phoenix dictionaries with roles dated: Putin is RUSGOV in 2023) and from
spaCy's PERSON and ORG entities the lexicon does not know. A person's country and sector come
from the title and apposition around the name ("Russian envoy Denis Alipov", "Alipov, Russia's
ambassador"), else from the actor the sentence cites ("TASS reported citing Deputy Foreign
Minister Andrey Rudenko"). Within the article, a surname, a role description ("the Russian
Ambassador") and a pronoun that says something ("he said") are resolved to the same actor.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from .knowledge import toml_data, word_list
from .lexicon import Known, Lexicon, load_lexicon, phrase_key
from .nlp import noun_chunks, sentence_index, sentence_start, words_of
from .record import Actor, Credit, Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Prepositions that make a capital or city a place ("in Moscow"), not its government.
PLACE_PREPOSITIONS = frozenset(
    {
        "in",
        "at",
        "near",
        "outside",
        "inside",
        "to",
        "from",
        "across",
        "around",
        "within",
        "into",
        "toward",
        "towards",
        "via",
        "throughout",
    }
)
PRONOUNS = frozenset({"he", "she"})
APOSTROPHES = frozenset({"'", "’", "'s", "’s"})
# How many words before a name are read for its title ("Prime Minister Narendra Modi").
TITLE_WORDS = 3
# A role description or pronoun is resolved to a person mentioned at most this many sentences before.
COREFERENCE_SENTENCES = 6


@dataclass
class Found:
    """A mention with what it resolves to, before mentions are grouped into actors."""

    start: int  # token offsets
    end: int
    name: str
    kind: str
    country: str | None
    sector: str
    role: str | None = None
    code: str = ""
    key: tuple[str, ...] = ()
    country_word: bool = False  # a country word standing for its government or a group of it


@dataclass
class Article:
    """What the stage knows while reading one article."""

    doc: Doc
    day: str | None
    lexicon: Lexicon
    found: list[Found] = field(default_factory=list)
    taken: set[int] = field(default_factory=set)  # tokens already part of a mention or a title


@cache
def sector_table() -> dict[str, dict[str, str]]:
    return {k: dict(v) for k, v in toml_data("actors/sectors.toml").items()}


def find_actors(
    doc: Doc, published: str | None, credits: tuple[Credit, ...] = (), dictionaries: Path | None = None
) -> tuple[Actor, ...]:
    """Every actor of the article, each with all its mentions; credited agencies too, even when
    the text no longer names them (a wire credit is removed from it)."""
    article = Article(doc=doc, day=published, lexicon=load_lexicon(dictionaries))
    for stage in (
        lexicon_mentions,
        entity_mentions,
        titles_before_names,
        surnames,
        role_descriptions,
        groups_of_places,
        speaking_pronouns,
    ):
        stage(article)
    actors = group_actors(article)
    return actors + credited_agencies(article, credits, {a.name for a in actors}, len(actors))


def credited_agencies(article: Article, credits: tuple[Credit, ...], named: set[str], count: int) -> tuple[Actor, ...]:
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


# --- mentions from the lexicon --------------------------------------------------------------------


def lexicon_matches(article: Article) -> Iterator[Found]:
    """Longest matches of lexicon phrases, left to right, that look like names in the text and
    resolve on the article's date (else a shorter match is tried: "US" of "US President")."""
    doc, lexicon = article.doc, article.lexicon
    # Apostrophes are left out on both sides: "Workers' Party" is "workers party".
    words = words_of(doc)
    kept = [i for i, text in enumerate(words.texts) if text not in APOSTROPHES]
    lower = [words.lowers[i].replace("'", "").replace("’", "") for i in kept]
    n = 0
    while n < len(lower):
        found = None
        for length in range(min(lexicon.longest.get(lower[n], 0), len(lower) - n), 0, -1):
            index = lexicon.phrases.get(tuple(lower[n : n + length]))
            start, end = kept[n], kept[n + length - 1] + 1
            if index is not None and looks_like_a_name(doc[start:end]):
                found = resolve_match(article, start, end, lexicon.entries[index])
                if found is not None:
                    break
        if found is None:
            n += 1
        else:
            yield found
            n = bisect_left(kept, found.end)


def resolve_match(article: Article, start: int, end: int, known: Known) -> Found | None:
    if known.kind == "person" and inside_longer_name(article.doc, start, end):
        return None  # "Albert" of "Albert Muchanga" is not Prince Albert of Monaco
    return resolve_known(article, article.doc[start:end], known)


def inside_longer_name(doc: Doc, start: int, end: int) -> bool:
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    return any(t is not None and t.pos_ == "PROPN" and t.ent_type_ == "PERSON" for t in (before, after))


def looks_like_a_name(span: Span) -> bool:
    """Capitalised (after "the"); a short word all in capitals ("US", not "us")."""
    words = [t for t in span if t.lower_ != "the"] or list(span)
    first = words[0].text
    if not first[:1].isupper():
        return False
    return not (len(span) == 1 and len(first) <= 3 and first.isalpha() and not first.isupper())


def lexicon_mentions(article: Article) -> None:
    for found in lexicon_matches(article):
        found = national_body(article, found)
        article.found.append(found)
        article.taken.update(range(found.start, found.end))
        if found.country_word and found.country:
            article.found.append(country_mention(article, found))
    for i, found in enumerate(article.found):
        article.found[i] = person_of_named_country(article, found)


def person_of_named_country(article: Article, found: Found) -> Found:
    """ "King Hassan of Morocco": the country the text names after a dictionary person wins over
    the dictionary's (a bare "Hassan" is someone else's there)."""
    if found.kind != "person" or not found.country:
        return found
    after = country_after(article, article.doc[found.start : found.end])
    if after is None or after == found.country:
        return found
    return replace(found, country=after, code=after + found.code[3:], key=("person", found.name, after))


def national_body(article: Article, found: Found) -> Found:
    """ "the Russian Security Council": an international body's name after a nationality
    adjective is that country's own body (its government), not the UN's."""
    if found.kind not in ("organization", "group") or found.country not in INTERNATIONAL or found.start == 0:
        return found
    before = article.doc[found.start - 1]
    adjective = next((f for f in article.found if f.end == found.start and f.kind in ("country", "group")), None)
    if adjective is None or before.pos_ not in ("ADJ", "PROPN") or adjective.country in INTERNATIONAL:
        return found
    name = article.doc[found.start - 1 : found.end].text  # as the text says it, not "Russian UN Security Council"
    key = ("organization", name, "GOV")
    country = adjective.country or ""
    return Found(found.start - 1, found.end, name, "organization", country, "GOV", None, country + "GOV", key)


# Codes of bodies above states; a nationality adjective before their name makes a national body.
INTERNATIONAL = frozenset({"UNO", "IGO", "EUR"})


def country_mention(article: Article, found: Found) -> Found:
    """ "American people" is a group of the United States, and also a mention of it."""
    name = country_name(article.lexicon, found.country or "")
    country = found.country or ""
    return Found(found.start, found.end, name, "country", country, "", code=country, key=("country", name, ""))


def resolve_known(article: Article, span: Span, known: Known) -> Found | None:
    """A lexicon match as an actor mention: its code on the article's date, and what a country
    word stands for here (its government when a capital acts, a group when it qualifies a role noun)."""
    code = known.code_on(article.day)
    if code is None and known.kind == "person" and known.codes:
        code = latest_role(known)  # out of office on that date: what they were last
    if code is None or code == "---":
        return None
    if known.kind == "capital" and is_place(span):
        return None
    if known.kind == "country" and span.start > 0 and span.doc[span.start - 1].lower_ == "ethnic":
        return None  # "ethnic Albanians in Serbia": an ethnic group, not the state (they act where they live)
    if known.kind == "country" and span.root.pos_ == "PROPN":
        titled = titled_name(article, span, known, code)
        if titled is not None:
            return titled
    if known.kind in ("country", "capital"):
        return country_word(article, span, known.kind, code)
    name = spelled_as_in_text(article, span, known)
    country, sector = split_code(code)
    country, sector = known.country or country, known.sector if known.sector is not None else sector
    key = (known.kind, known.name, sector)
    return Found(span.start, span.end, name, known.kind, country, sector, code=code, key=key)


def titled_name(article: Article, span: Span, known: Known, code: str) -> Found | None:
    """A name the dictionary codes by country alone, right after a title: a person of that country
    with the title's agent, as PETRARCH composes codes ("Bree Prime Minister Romendacil": ROMENDACIL
    [BRE] + PRIME_MINISTER [~GOV] = BREGOV). A country's own name is never read this way."""
    if country_name(article.lexicon, code[:3]).lower() == span.text.lower():
        return None
    doc = article.doc
    start = title_start(doc, span.start)
    role, agent = agent_in(article.lexicon, doc[start : span.start])
    if role is None or agent is None or not agent.startswith("~") or doc[span.start - 1].lower_ not in role.lower():
        return None
    extra = agent.strip("~")
    sector = sector_table()["roles"].get(extra[:3], "")
    name = span.text
    return Found(span.start, span.end, name, "person", code[:3], sector, role, code + extra, ("person", name))


def spelled_as_in_text(article: Article, span: Span, known: Known) -> str:
    """A person's name as the article spells it ("Sergei Lavrov", where the dictionary has
    "Sergey"; "Joseph R. Biden" for "Joe Biden"), unless the mention carries a title or a
    nationality ("Russian President Vladimir Putin") or is in capitals ("PRESIDENT BIDEN")."""
    words = known.name.split()
    same_person = known.kind == "person" and len(span) > 1 and span[-1].lower_ == words[-1].lower()
    titled = any((t.lower_,) in article.lexicon.agents or t.ent_type_ == "NORP" for t in span)
    return span.text if same_person and not titled and not span.text.isupper() else known.name


def country_word(article: Article, span: Span, kind: str, code: str) -> Found:
    """ "Russia" a country; "Moscow said" its government; "Chinese troops" a group of it."""
    country = code[:3]
    name = country_name(article.lexicon, country)
    sector, agent = ("GOV", "GOV") if kind == "capital" else country_role(article, span) or ("", "")
    if not agent:
        return Found(span.start, span.end, name, "country", country, "", code=country, key=("country", name, ""))
    if sector == "GOV":
        kind, name = "government", f"{name} government"
    else:
        kind, name = "group", group_name(span)
    key = (kind, country, sector)
    # The code keeps the dictionary's agent ("Arnor cleric": ARNREL), the sector is PLOVER's (CVL).
    return Found(span.start, span.end, name, kind, country, sector, code=country + agent, key=key, country_word=True)


SECTOR_NOUNS = {
    "GOV": "government",
    "MIL": "military",
    "COP": "police",
    "LEG": "legislature",
    "JUD": "judiciary",
    "REB": "rebels",
    "PTY": "party",
    "MED": "media",
    "BUS": "business",
    "CVL": "civilians",
    "SPY": "intelligence",
}


def group_name(span: Span) -> str:
    """ "Syrian state media", "Chinese troops": the country word and the noun it qualifies."""
    return span.doc[span.start : span.root.head.i + 1].text


def country_role(article: Article, span: Span) -> tuple[str, str] | None:
    """The sector and agent code of the noun a country word qualifies: "Saudi government" (GOV,
    GOV), "Chinese troops" (MIL, MIL), "Arnor cleric" (CVL, REL)."""
    root = span.root
    if root.dep_ not in ("amod", "compound", "poss") or root.head.i < span.end:
        return None
    noun = article.doc[span.end : root.head.i + 1]
    _role, code = agent_in(article.lexicon, noun)
    if code is None or root.head.ent_type_ == "PERSON" or noun[-1].pos_ == "PROPN":
        return None
    sector = sector_table()["roles"].get(code.strip("~")[:3])
    agent = code.strip("~") if code.startswith("~") else sector  # "IGO~" prefixes the actor in PETRARCH-1
    if sector is None and code.startswith("~"):  # a user's own agent ("main opposition group" ~MOP)
        return "", agent or ""
    return (sector, agent or "") if sector else None


def latest_role(known: Known) -> str:
    return max(known.codes, key=lambda c: c.end or "9999").code


def country_name(lexicon: Lexicon, country: str) -> str:
    return lexicon.country_names.get(country, country)


def is_place(span: Span) -> bool:
    """A capital in a place phrase ("in Moscow", "a visit to New Delhi")."""
    head = span.root.head
    return span.root.dep_ == "pobj" and head.lower_ in PLACE_PREPOSITIONS or span.root.dep_ in ("compound", "npadvmod")


def split_code(code: str) -> tuple[str, str]:
    """``RUSGOV`` → (RUS, GOV); ``IGOUNO`` → (UNO, GOV); ``RUS`` → (RUS, "")."""
    table = sector_table()
    head, roles = code[:3], [code[i : i + 3] for i in range(3, len(code), 3)]
    if head in table["non_state"]:
        country = "UNO" if roles[:1] == ["UNO"] else "EUR" if roles[:1] == ["EUR"] else table["non_state"][head]
        sector = next((table["roles"][r] for r in roles[1:] if r in table["roles"]), table["non_state_sector"][country])
        return country, sector
    sector = next((table["roles"][r] for r in roles if r in table["roles"]), "")
    return head, sector


# --- people and organisations spaCy finds -------------------------------------------------------


def entity_mentions(article: Article) -> None:
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


def is_actor_entity(article: Article, ent: Span) -> bool:
    """A person, or an organisation (spaCy sometimes calls one a facility), not already known
    (a country named inside an organisation's name does not count) and not a weapon ("S-400"),
    a region ("Indo-Pacific"), a title ("National Security Advisor") or a time zone."""
    label = ent.label_
    if label not in ("PERSON", "ORG", "FAC") or any(c.isdigit() for c in ent[0].text):
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


def follows_a_title(article: Article, ent: Span) -> bool:
    """A name spaCy took for an organisation right after a person's title ("Ambassador … Nikki Haley")."""
    start = title_start(article.doc, ent.start)
    role, _code = agent_in(article.lexicon, article.doc[start : ent.start])
    last = article.doc[ent.start - 1].lower_ if ent.start else ""
    return role is not None and role.lower().split()[-1] == last and all(t.pos_ == "PROPN" for t in ent)


def acronym_of(article: Article, ent: Span) -> Found | None:
    """ "the Centre for Global India Insights (CGII)": the acronym is the organisation it follows."""
    doc = article.doc
    if ent.start < 2 or doc[ent.start - 1].text != "(":
        return None
    before = [f for f in article.found if f.end == ent.start - 1 and f.kind == "organization"]
    return alias(before[-1], ent) if before else None


def titles_before_names(article: Article) -> None:
    """ "US Ambassador to the United Nations Nikki Haley": a dictionary entry that is a title
    right before a person's name is that person's title, not another actor."""
    people = {f.start: f for f in article.found if f.kind == "person"}
    titles = [f for f in article.found if f.kind == "person" and f.end in people and f is not people[f.end]]
    article.found = [f for f in article.found if not any(f is t for t in titles)]


def short_name_of(article: Article, span: Span) -> Found | None:
    """ "Mahan" after "Mahan Air": an organisation called by the first words of its name."""
    words = span.text.split()
    for found in reversed(article.found):
        name = found.name.split()
        if found.kind != "organization" or found.start >= span.start:
            continue
        if name[: len(words)] == words != name or is_acronym_of(span.text, name):
            return found
    return None


def is_acronym_of(word: str, name: list[str]) -> bool:
    """ "AfCFTA" for "African Continental Free Trade Area": its capitals are the name's initials."""
    capitals = [c for c in word if c.isupper()]
    initials = [w[0] for w in name if w[:1].isupper()]
    return len(capitals) >= 2 and " " not in word and capitals == initials


def surnames(article: Article) -> None:
    """A person's surname alone, whatever spaCy tagged it ("Alipov said", read as a place), and an
    organisation's first word ("Mahan" after "Mahan Air")."""
    people = {f.name.split()[-1]: f for f in article.found if f.kind == "person" and len(f.name.split()) > 1}
    people |= {
        f.name.split()[0]: f
        for f in article.found
        if f.kind == "organization" and len(f.name.split()) > 1 and f.name.split()[0][:1].isupper()
    }
    words = words_of(article.doc)
    for i, text in enumerate(words.texts):
        earlier = people.get(text)
        if earlier is not None and i not in article.taken and words.pos[i] == "PROPN" and i > earlier.start:
            article.found.append(alias(earlier, article.doc[i : i + 1]))
            article.taken.add(i)


def person(article: Article, ent: Span) -> Found:
    earlier = same_person(article, ent)
    if earlier is not None:
        return Found(
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
    return Found(ent.start, ent.end, ent.text, "person", country, sector, role, code, ("person", ent.text))


def country_after(article: Article, ent: Span) -> str | None:
    """ "Presidents Muhammadu Buhari of Nigeria and Patrice Talon of Benin": the country named
    right after the name."""
    doc = article.doc
    if ent.end + 1 >= len(doc) or doc[ent.end].lower_ != "of":
        return None
    start = ent.end + 2 if doc[ent.end + 1].lower_ == "the" else ent.end + 1
    found = next((f for f in article.found if f.start in (ent.end + 1, start)), None)
    if found is None or not found.country:
        return None
    # a country, or a body above states ("Chadli Klibi of the Arab League"); not a company or party
    return found.country if found.kind == "country" or found.country in INTERNATIONAL else None


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


def known_person(article: Article, ent: Span) -> Found | None:
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


# A title in one of these sectors with no country is taken to be of the country the article is
# most about ("National Security Advisor Jake Sullivan" in a White House readout).
STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY"})


def main_country(article: Article, at_least: int = 1) -> str | None:
    """The country named most often (as a country or its government), if named ``at_least`` times."""
    counts: dict[str, int] = {}
    for found in article.found:
        if found.kind in ("country", "government") and found.country and len(found.country) == 3:
            counts[found.country] = counts.get(found.country, 0) + 1
    best = max(counts, key=lambda c: counts[c]) if counts else None
    return best if best is not None and counts[best] >= at_least else None


def same_person(article: Article, ent: Span) -> Found | None:
    """An earlier person whose name ends with this one ("Alipov" after "Denis Alipov")."""
    words = ent.text.split()
    for found in reversed(article.found):
        if found.kind == "person" and found.name.split()[-len(words) :] == words:
            return found
    return None


def title_of(article: Article, ent: Span, consume: bool = True) -> tuple[str | None, str, str | None]:
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


TITLE_POS = frozenset({"PROPN", "NOUN", "ADJ", "DET", "ADP", "PART", "CCONJ", "NUM"})
TITLE_LONGEST = 10


def title_start(doc: Doc, name_start: int) -> int:
    """Where the title running up to a name begins: the words before it, up to a verb or a comma."""
    start = name_start
    while start > 0 and name_start - start < TITLE_LONGEST:
        token = doc[start - 1]
        if token.pos_ not in TITLE_POS and token.text not in ("-", "–"):
            break
        start -= 1
    while start < name_start and doc[start].pos_ in ("ADP", "CCONJ", "PART"):
        start += 1
    return start


def drop_titles(article: Article, words: Span) -> None:
    """Dictionary phrases that were a title ("US Ambassador to the United Nations") are no actors."""
    org_words = toml_data("actors/sectors.toml")["organisation_words"]
    article.found = [
        f
        for f in article.found
        if not (words.start <= f.start and f.end <= words.end and (f.kind == "person" or bare_title(f, org_words)))
    ]


def bare_title(found: Found, org_words: dict[str, str]) -> bool:
    """An organisation in a person's title is their employer ("African Export-Import Bank
    president …"), unless no word of it names an organisation."""
    return found.kind == "organization" and not any(w.lower() in org_words for w in found.name.split())


def description(article: Article, words: Span) -> tuple[str | None, str | None, str | None]:
    """The country (an adjective or possessive, not "to India") and the role in a description."""
    country = next(
        (f.country for f in article.found if words.start <= f.start < words.end and own_country(article.doc[f.start])),
        None,
    )
    role, code = agent_in(article.lexicon, words)
    sector = sector_table()["roles"].get(code.strip("~")[:3]) if code else None
    return country, sector, role


def own_country(token: Token) -> bool:
    """A country word that says whose the actor is, not where it is sent ("ambassador to India")."""
    before = token.doc[token.i - 1].lower_ if token.i > 0 else ""
    sent_to = token.dep_ == "pobj" and token.head.lower_ in ("to", "in", "at", "for", "with")
    return not sent_to and before not in ("to", "in", "at", "for", "with")


def agent_in(lexicon: Lexicon, words: Span) -> tuple[str | None, str | None]:
    """The role phrase that ends last in ``words`` (the head of a title: "trade and industry
    commissioner" is a commissioner), the longest when two end together; and its agent code."""
    lower = [t.lower_ for t in words]
    best: tuple[str | None, str | None] = (None, None)
    best_end = best_len = 0
    for i, first in enumerate(lower):
        for length in range(min(lexicon.agent_longest.get(first, 0), len(lower) - i), 0, -1):
            code = lexicon.agents.get(tuple(lower[i : i + length]))
            if code is not None and (i + length, length) > (best_end, best_len):
                best, best_end, best_len = (words[i : i + length].text, code), i + length, length
                break
    return best


def country_of_sentence(article: Article, ent: Span) -> str | None:
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


def organisation(article: Article, ent: Span) -> Found:
    """An organisation spaCy found: its country from a country named in it, else from the words
    before it or the noun it is listed under ("Iranian airline Mahan Air", "German companies such
    as Siemens"); its sector from its own words, else from those."""
    inside = [f for f in article.found if ent.start <= f.start < ent.end and f.country]
    country = inside[0].country if inside else None
    words = toml_data("actors/sectors.toml")["organisation_words"]
    sector = next((words[t.lower_] for t in ent if t.lower_ in words), "")
    titled = group_title(article, ent)
    if country is None and titled is not None:  # "Iranian airline Mahan Air": the group words are its title
        country, sector = titled.country, sector or titled.sector or ""
        article.found.remove(titled)
    if country is None:
        described = title_of(article, ent, consume=False)
        listed = listed_under(article, ent)
        country = described[0] or listed[0]
        sector = sector or described[1] or listed[1]
    country = country_after(article, ent) or country  # "Patrice Talon of Benin", read as an organisation
    first = next((t for t in ent if t.lower_ != "the"), ent[0])
    if country is None and first.lower_ in regional_words():
        country = "IGO"  # "African Export-Import Bank", "Asian Development Bank"
    if country is None and sector in STATE_SECTORS and len([t for t in ent if t.lower_ != "the"]) == 1:
        country = main_country(article, at_least=2)  # "dissolving Parliament" in a story about Iraq
    code = (country or "") + sector
    name = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
    return Found(ent.start, ent.end, name, "organization", country, sector, None, code, ("organization", name))


@cache
def regional_words() -> frozenset[str]:
    return frozenset(toml_data("actors/sectors.toml")["regional_words"]["words"])


# --- coreference --------------------------------------------------------------------------------


def role_descriptions(article: Article) -> None:
    """ "the Russian Ambassador", "the envoy", "Niger's president": the latest person with that
    role (and country)."""
    lowers = words_of(article.doc).lowers
    for chunk in noun_chunks(article.doc):
        first = chunk.start
        definite = lowers[first] == "the" or (len(chunk) > 2 and lowers[first + 1] in ("'s", "’s"))
        if not definite or chunk.root.tag_ in ("NNS", "NNPS") or chunk.root.i in article.taken:
            continue
        bare = all(t.pos_ in ("DET", "ADJ") for t in chunk if t.i != chunk.root.i)
        if bare and chunk[0].lower_ == "the" and chunk.root.lower_ in institution_words():
            named = latest_organisation(article, chunk)  # "the embassy" after "the US Embassy in London"
            if named is not None:
                article.found.append(alias(named, chunk))
                article.taken.update(range(chunk.start, chunk.end))
            continue
        role, code = agent_in(article.lexicon, chunk)
        if role is None or code is None or role.split()[-1].lower() in institution_words():
            continue  # "the embassy" is an institution, not a person named before
        country = next((f.country for f in article.found if chunk.start <= f.start < chunk.end), None)
        of_country = country_of_phrase(article, chunk.root)  # "the ambassador of Niger"
        sector = sector_table()["roles"].get(code.strip("~")[:3], "")
        earlier = latest_person(article, chunk, sector, country or of_country, role)
        if earlier is not None:
            article.found.append(alias(earlier, chunk))
            article.taken.update(range(chunk.start, chunk.end))
        elif of_country is not None:
            agent = code.strip("~")
            name = article.doc[chunk.start : chunk.root.right_edge.i + 1].text
            key = ("person", name)
            article.found.append(
                Found(chunk.start, chunk.end, name, "person", of_country, sector, role, of_country + agent, key)
            )
            article.taken.update(range(chunk.start, chunk.end))


def country_of_phrase(article: Article, root: Token) -> str | None:
    """The country named by an "of …" phrase of a role noun ("the ambassador of Niger")."""
    for prep in (c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"):
        for place in (o for o in prep.children if o.dep_ == "pobj"):
            found = next((f for f in article.found if f.start <= place.i < f.end and f.kind == "country"), None)
            if found is not None and found.country:
                return found.country
    return None


def groups_of_places(article: Article) -> None:
    """ "Soldiers from Gondor", "officials in Beijing", "human rights activists in Arnor": people
    named by a role word and the country (or capital) they are in or from are a group of it."""
    for chunk in noun_chunks(article.doc):
        root = chunk.root
        if root.tag_ not in ("NNS", "NNPS") or any(i in article.taken for i in range(chunk.start, chunk.end)):
            continue
        if any(c.dep_ == "poss" for c in root.children):  # "its forces in Lebanon" are its owner's
            continue
        role, code = agent_in(article.lexicon, chunk)
        places = [o for p in root.children if p.dep_ == "prep" and p.lower_ in PLACE_OF for o in p.children]
        country = next((c for o in places if o.dep_ == "pobj" and (c := place_country(article, o))), None)
        if role is None or code is None or country is None:
            continue
        agent = code.strip("~")
        sector = sector_table()["roles"].get(agent[:3], "")
        key = ("group", country, sector or agent)
        name = article.doc[chunk.start : places[0].i + 1].text
        article.found.append(Found(chunk.start, chunk.end, name, "group", country, sector, role, country + agent, key))
        article.taken.update(range(chunk.start, chunk.end))


# "officials in Beijing", "soldiers from Gondor"
PLACE_OF = frozenset({"in", "from"})


def place_country(article: Article, token: Token) -> str | None:
    """The country a place phrase names: a country or capital the lexicon knows."""
    words = [t for t in token.subtree if t.dep_ == "compound" or t is token]
    index = article.lexicon.phrases.get(phrase_key(" ".join(t.text for t in words)))
    known = article.lexicon.entries[index] if index is not None else None
    if known is None or known.kind not in ("capital", "country"):
        return None
    code = known.code_on(article.day) or ""
    return code[:3] if len(code) >= 3 and "/" not in code else None


@cache
def institution_words() -> frozenset[str]:
    words = toml_data("actors/sectors.toml")["organisation_words"]
    return frozenset(words) | {
        "embassy",
        "consulate",
        "government",
        "authorities",
        "administration",
        "military",
        "media",
        "police",
        "army",
        "navy",
        "forces",
        "troops",
        "people",
        "officials",
    }


def speaking_pronouns(article: Article) -> None:
    """ "he said": the latest person mentioned before."""
    words = words_of(article.doc)
    for i in (i for i, lower in enumerate(words.lowers) if lower in PRONOUNS and words.deps[i] == "nsubj"):
        token = article.doc[i]
        if token.head.lemma_.lower() in word_list("speech_verbs.txt"):
            earlier = latest_person(article, article.doc[token.i : token.i + 1])
            if earlier is not None:
                article.found.append(alias(earlier, article.doc[token.i : token.i + 1]))


def latest_person(
    article: Article, span: Span, sector: str | None = None, country: str | None = None, role: str | None = None
) -> Found | None:
    """The latest person before ``span`` (within a few sentences) with that sector and country,
    one with the same title first ("the President" after "President Biden … Prime Minister Modi")."""
    first_sentence = max(0, sentence_index(article.doc, span.start) - COREFERENCE_SENTENCES)
    candidates = [
        f
        for f in sorted(article.found, key=lambda f: f.start, reverse=True)
        if f.kind == "person"
        and f.start < span.start
        and sentence_index(article.doc, f.start) >= first_sentence
        and (sector is None or f.sector == sector)
        and (country is None or f.country == country)
    ]
    title = role.split()[-1].lower() if role else None
    titled = [f for f in candidates if title and titled_as(article, f, title)]
    chosen = titled or candidates
    return chosen[0] if chosen else None


def latest_organisation(article: Article, chunk: Span) -> Found | None:
    """The latest organisation before ``chunk`` (within a few sentences) whose name has the
    chunk's head noun ("the embassy" → "US Embassy in London", "the ministry" → "Ministry of …")."""
    first_sentence = max(0, sentence_index(article.doc, chunk.start) - COREFERENCE_SENTENCES)
    word = chunk.root.lower_
    for found in sorted(article.found, key=lambda f: f.start, reverse=True):
        if found.start >= chunk.start or found.kind not in ("organization", "government", "group"):
            continue
        if sentence_index(article.doc, found.start) < first_sentence:
            return None
        if word in found.name.lower().split():
            return found
    return None


def titled_as(article: Article, found: Found, title: str) -> bool:
    """The person's role, or the words just before the name, end with ``title``."""
    if found.role:
        return found.role.split()[-1].lower() == title
    before = article.doc[max(0, found.start - TITLE_WORDS) : found.start]
    return any(t.lower_ == title for t in before)


def alias(found: Found, span: Span) -> Found:
    return Found(
        span.start, span.end, found.name, found.kind, found.country, found.sector, found.role, found.code, found.key
    )


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


# --- actors -------------------------------------------------------------------------------------


def group_actors(article: Article) -> tuple[Actor, ...]:
    """Mentions grouped by what they resolve to, in order of first mention."""
    groups: dict[tuple[str, ...], list[Found]] = {}
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


def listed_under(article: Article, ent: Span) -> tuple[str | None, str]:
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
    sector = sector_table()["roles"].get(code.strip("~")[:3], "") if code else ""
    return country, sector


NOT_ORGANISATIONS = frozenset({"utc", "gmt", "bst", "est", "edt", "cet", "ist", "state", "covid-19"})


def group_title(article: Article, ent: Span) -> Found | None:
    """A country word and role noun right before a name ("Iranian airline Mahan Air")."""
    nouns = toml_data("actors/sectors.toml")["company_nouns"]
    last = words_of(article.doc).lowers[ent.start - 1] if ent.start > 0 else ""
    for found in article.found:
        between = ent.start - found.end + 1  # the group's role noun and any word after it
        if found.kind == "group" and found.country and 0 < between <= 2 and last in nouns:
            return found
    return None


def looks_like_an_organisation(article: Article, ent: Span) -> bool:
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
