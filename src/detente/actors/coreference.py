"""Coreference within an article: a surname after the full name, a role description ("the Russian
Ambassador", "the envoy"), a group named by a role and a place ("officials in Beijing") and a
pronoun that says something ("he said") are resolved to an actor named before.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from ..knowledge.files import toml_data, word_list
from ..knowledge.lexicon import phrase_key
from ..nlp import noun_chunks, sentence_index, words_of
from .mentions import TITLE_WORDS, ArticleReading, ResolvedMention, agent_in, agent_sector, alias

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# What the rest of the package uses; the module is internal to its stage.
__all__ = ["groups_of_places", "role_descriptions", "speaking_pronouns", "surnames"]


PRONOUNS = frozenset({"he", "she"})


# A role description or pronoun is resolved to a person mentioned at most this many sentences before.
COREFERENCE_SENTENCES = 6


def surnames(article: ArticleReading) -> None:
    """A person's surname alone, whatever spaCy tagged it ("Alipov said", read as a place), and an
    organisation's first word ("Mahan" after "Mahan Air"): the latest such name before it."""
    named: dict[str, list[ResolvedMention]] = {}
    for found in sorted(article.found, key=lambda f: f.start):
        name = found.name.split()
        if found.kind == "person" and len(name) > 1:
            named.setdefault(name[-1], []).append(found)
        elif found.kind == "organization" and len(name) > 1 and name[0][:1].isupper():
            named.setdefault(name[0], []).append(found)
    words = words_of(article.doc)
    for i, text in enumerate(words.texts):
        if text not in named or words.pos[i] != "PROPN":
            continue
        earlier = [f for f in named[text] if f.start < i]
        if not earlier or (i in article.taken and not unknown_name_at(article, i)):
            continue
        article.found.append(alias(earlier[-1], article.doc[i : i + 1]))
        article.taken.add(i)


def unknown_name_at(article: ArticleReading, i: int) -> bool:
    """Token ``i`` is a one-word name spaCy tagged and nothing resolved ("Callamard" read as an
    organisation after "Agnès Callamard"): the mention is dropped for the surname's."""
    at = next((f for f in article.found if f.start == i and f.end == i + 1), None)
    if at is None or at.country or at.code or at.kind == "person":
        return False
    article.found.remove(at)
    return True


def role_descriptions(article: ArticleReading) -> None:
    """ "the Russian Ambassador", "the envoy", "Niger's president": the latest person with that
    role (and country)."""
    lowers = words_of(article.doc).lowers
    for chunk in noun_chunks(article.doc):
        first = chunk.start
        definite = lowers[first] == "the" or (len(chunk) > 2 and lowers[first + 1] in ("'s", "’s"))
        if not definite or chunk.root.tag_ in ("NNS", "NNPS") or chunk.root.i in article.taken:
            continue
        named_in = any(chunk.start <= f.start < chunk.end for f in article.found)  # "the Chinese government"
        bare = not named_in and all(t.pos_ in ("DET", "ADJ") for t in chunk if t.i != chunk.root.i)
        if bare and chunk[0].lower_ == "the" and chunk.root.lower_ in institution_words():
            of_country = country_of_phrase(article, chunk.root)  # "the government of Gondor"
            named = latest_organisation(article, chunk) if of_country is None else None  # "the embassy"
            if named is not None:
                article.found.append(alias(named, chunk))
                article.taken.update(range(chunk.start, chunk.end))
            elif of_country is not None:
                institution_of(article, chunk, of_country)
            continue
        role, code = agent_in(article.lexicon, chunk)
        if role is None or code is None or role.split()[-1].lower() in institution_words():
            continue  # "the embassy" is an institution, not a person named before
        country = next((f.country for f in article.found if chunk.start <= f.start < chunk.end), None)
        of_country = country_of_phrase(article, chunk.root)  # "the ambassador of Niger"
        sector = agent_sector(code) or ""
        earlier = latest_person(article, chunk, sector, country or of_country, role)
        if earlier is not None:
            article.found.append(alias(earlier, chunk))
            article.taken.update(range(chunk.start, chunk.end))
        elif of_country is not None:
            agent = code.strip("~")
            name = article.doc[chunk.start : chunk.root.right_edge.i + 1].text
            key = ("person", name)
            article.found.append(
                ResolvedMention(
                    chunk.start, chunk.end, name, "person", of_country, sector, role, of_country + agent, key
                )
            )
            article.taken.update(range(chunk.start, chunk.end))


def institution_of(article: ArticleReading, chunk: Span, country: str) -> None:
    """ "the government of Gondor", "the embassy of Russia": a country's institution named by its
    role word and the country after it."""
    _role, code = agent_in(article.lexicon, chunk)
    if code is None:
        return
    agent = code.strip("~")
    named = next((f for f in article.found if f.code == country + agent and f.kind != "person"), None)
    if named is not None:  # "the current government of Iraq" after "the Government of Iraq"
        article.found.append(alias(named, chunk))
    else:
        sector = agent_sector(agent) or ""
        name = article.doc[chunk.start : chunk.root.right_edge.i + 1].text
        key = ("organization", name)
        article.found.append(
            ResolvedMention(chunk.start, chunk.end, name, "organization", country, sector, None, country + agent, key)
        )
    article.taken.update(range(chunk.start, chunk.end))


def country_of_phrase(article: ArticleReading, root: Token) -> str | None:
    """The country named by an "of …" phrase of a role noun ("the ambassador of Niger")."""
    for prep in (c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"):
        for place in (o for o in prep.children if o.dep_ == "pobj"):
            found = next((f for f in article.found if f.start <= place.i < f.end and f.kind == "country"), None)
            if found is not None and found.country:
                return found.country
    return None


def groups_of_places(article: ArticleReading) -> None:
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
        if role is None or code is None:
            continue
        agent = code.strip("~")
        sector = agent_sector(agent) or ""
        if country is None:
            members_of(article, chunk, role, agent, sector, OF_BODY | PLACE_OF)
            continue
        key = ("group", country, sector or agent)
        name = article.doc[chunk.start : places[0].i + 1].text
        article.found.append(
            ResolvedMention(chunk.start, chunk.end, name, "group", country, sector, role, country + agent, key)
        )
        article.taken.update(range(chunk.start, chunk.end))


def members_of(article: ArticleReading, chunk: Span, role: str, agent: str, sector: str, preps: frozenset[str]) -> None:
    """ "the human rights activists of Amnesty International", "officials of Russia", "former
    officials in White House": people of a role in (or of) an organisation or a country are a
    group of it (NGM + OPP = NGMOPP, RUSGOV, USAGOV + ELI)."""
    bodies = [o.i for p in chunk.root.children if p.dep_ == "prep" and p.lower_ in preps for o in p.children]
    kinds = ("organization", "country", "government", "person")  # a user dictionary calls "White House" a person
    body = next((f for f in article.found for i in bodies if f.start <= i < f.end and f.kind in kinds), None)
    if body is None or not body.code or "/" in body.code:
        return
    code = body.code if body.code.endswith(agent) else body.code + agent  # "officials in the White House": USAGOV
    name = article.doc[chunk.start : body.end].text
    found = ResolvedMention(chunk.start, chunk.end, name, "group", body.country, sector, role, code, ("group", code))
    article.found.append(found)
    article.taken.update(range(chunk.start, chunk.end))


# "officials in Beijing", "soldiers from Gondor"
PLACE_OF = frozenset({"in", "from"})
# "the activists of Amnesty International"
OF_BODY = frozenset({"of"})


def place_country(article: ArticleReading, token: Token) -> str | None:
    """The country a place phrase names: a country or capital the lexicon knows."""
    words = [t for t in token.subtree if t.dep_ == "compound" or t.i == token.i]
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


def speaking_pronouns(article: ArticleReading) -> None:
    """ "he said": the latest person mentioned before."""
    words = words_of(article.doc)
    for i in (i for i, lower in enumerate(words.lowers) if lower in PRONOUNS and words.deps[i] == "nsubj"):
        token = article.doc[i]
        if token.head.lemma_.lower() in word_list("speech_verbs.txt"):
            earlier = latest_subject(article, token) or latest_person(article, article.doc[token.i : token.i + 1])
            if earlier is not None:
                article.found.append(alias(earlier, article.doc[token.i : token.i + 1]))


def latest_subject(article: ArticleReading, pronoun: Token) -> ResolvedMention | None:
    """The person "he" or "she" stands for: the latest one who was the subject of a clause before
    it, in its sentence or the one before ("Speaking to Martin Smith of PBS, he said …" after
    "Mohammad bin Salman accepted …" is the prince; "Biden called Modi. He said …" is Biden)."""
    doc, at = article.doc, sentence_index(article.doc, pronoun.i)
    for found in sorted(article.found, key=lambda f: f.start, reverse=True):
        if found.kind != "person" or found.start >= pronoun.i:
            continue
        if at - sentence_index(doc, found.start) > 1:
            return None
        root = doc[found.start : found.end].root
        if root.dep_ in ("nsubj", "nsubjpass") and root.head.dep_ not in NOT_CLAUSES:
            return found
    return None


# Verbs of a phrase, not of a clause: the subject the parser gives them is no subject a pronoun
# refers back to ("welcomed President Zelenskyy's stated openness …. He reaffirmed …": Biden).
NOT_CLAUSES = frozenset({"amod", "acl", "compound", "nmod"})


def latest_person(
    article: ArticleReading, span: Span, sector: str | None = None, country: str | None = None, role: str | None = None
) -> ResolvedMention | None:
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
    if not role:
        return candidates[0] if candidates else None
    principal = principal_holder(article, span, role) if country is None else None
    titled = next((f for f in candidates if titled_as(article, f, role)), None)
    if principal is not None or titled is not None:
        return principal or titled
    # "the crown prince" twenty sentences after "Crown Prince Mohammad bin Salman": a title
    # names its holder however far back; else the nearest person of the description's country,
    # or with no country one with no other title (not "Agnès Callamard, a UN rapporteur")
    earlier = [
        f
        for f in sorted(article.found, key=lambda f: f.start, reverse=True)
        if f.kind == "person" and f.start < span.start and (country is None or f.country == country)
    ]
    far = next((f for f in earlier if titled_as(article, f, role)), None)
    if far is not None or country is not None:  # "the Russian Ambassador" after "Russian envoy Denis Alipov"
        return far or (candidates[0] if candidates else None)
    return next((f for f in candidates if not f.role and not titled_at(article, f)), None)


def principal_holder(article: ArticleReading, span: Span, role: str) -> ResolvedMention | None:
    """ "The President" with a capital, as a proper title, where the article has named several
    presidents: the first one it named, the holder the text is about ("President Biden welcomed
    President Herzog of Israel … The President praised Israel's statecraft" is Biden)."""
    head = article.doc[span.end - 1]
    if not head.is_title or head.is_sent_start:
        return None
    earlier = sorted((f for f in article.found if f.kind == "person" and f.start < span.start), key=lambda f: f.start)
    holders = [f for f in earlier if titled_as(article, f, role)]
    return holders[0] if len({f.key for f in holders}) > 1 else None


def latest_organisation(article: ArticleReading, chunk: Span) -> ResolvedMention | None:
    """The latest organisation or outlet before ``chunk`` (within a few sentences) whose name, or
    the words it was named by, has the chunk's head noun ("the embassy" → "US Embassy in London",
    "the ministry" → "Ministry of …", "the agency" → SPA, named "Saudi Press Agency")."""
    first_sentence = max(0, sentence_index(article.doc, chunk.start) - COREFERENCE_SENTENCES)
    word = chunk.root.lower_
    for found in sorted(article.found, key=lambda f: f.start, reverse=True):
        if found.start >= chunk.start or found.kind not in ("organization", "government", "group", "agency"):
            continue
        if sentence_index(article.doc, found.start) < first_sentence:
            return None
        named = f"{found.name} {article.doc[found.start : found.end].text}"
        if word in named.lower().split():
            return found
    return None


def titled_as(article: ArticleReading, found: ResolvedMention, title: str) -> bool:
    """The person's role, or the words just before the name or opening its mention ("Crown Prince
    Mohammad bin Salman"), end with the role ``title`` and have its ranks ("Vice President Mike
    Pence" is not "the president")."""
    words = title.lower().split()
    if found.role:
        own = found.role.lower().split()
    else:
        span = article.doc[max(0, found.start - TITLE_WORDS) : min(found.end - 1, found.start + TITLE_WORDS)]
        at = next((i for i in range(len(span) - 1, -1, -1) if span[i].lower_ == words[-1]), None)
        if at is None:
            return False
        own = [t.lower_ for t in span[: at + 1]]
    return own[-1] == words[-1] and rank_words() & set(own) == rank_words() & set(words)


@cache
def rank_words() -> frozenset[str]:
    return frozenset(toml_data("actors/roles.toml")["ranks"]["words"])


def titled_at(article: ArticleReading, found: ResolvedMention) -> bool:
    """A title word of the lexicon's roles just before the person's name or opening its mention."""
    span = article.doc[max(0, found.start - TITLE_WORDS) : found.end]
    role, _code = agent_in(article.lexicon, span)
    return role is not None
