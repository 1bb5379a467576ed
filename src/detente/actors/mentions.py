"""Actor mentions: what the actor stages share while reading an article (``ResolvedMention``, ``ArticleReading``)
and the mentions the actor lexicon finds: countries, capitals and seats of government, groups,
agencies and the Phoenix dictionaries' names with their roles on the article's date; a country
word stands for its government when a capital acts and for a group when it qualifies a role noun.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cache
from typing import TYPE_CHECKING, Any

from ..knowledge.files import toml_data
from ..knowledge.lexicon import Lexicon, LexiconEntry
from ..nlp import words_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

# What the rest of the package uses; the module is internal to its stage.
__all__ = [
    "ArticleReading",
    "INTERNATIONAL",
    "ResolvedMention",
    "TITLE_WORDS",
    "agent_in",
    "agent_sector",
    "alias",
    "country_after",
    "is_acronym_of",
    "lexicon_mentions",
    "resolve_known",
    "sector_table",
    "split_code",
    "title_start",
]


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


APOSTROPHES = frozenset({"'", "’", "'s", "’s"})


# How many words before a name are read for its title ("Prime Minister Narendra Modi").
TITLE_WORDS = 3


@dataclass
class ResolvedMention:
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
class ArticleReading:
    """What the stage knows while reading one article."""

    doc: Doc
    day: str | None
    lexicon: Lexicon
    found: list[ResolvedMention] = field(default_factory=list)
    taken: set[int] = field(default_factory=set)  # tokens already part of a mention or a title
    publisher: str | None = None  # the state whose own body publishes the text (the White House: USA)


@cache
def sector_table() -> dict[str, dict[str, str]]:
    return {k: dict(v) for k, v in toml_data("actors/sectors.toml").items()}


def agent_sector(code: str) -> str | None:
    """The PLOVER sector of a CAMEO agent code ("~GOV", "MIL", "NGO~"), None when the table has none."""
    return sector_table()["roles"].get(code.strip("~")[:3])


def lexicon_matches(article: ArticleReading) -> Iterator[ResolvedMention]:
    """Longest matches of lexicon phrases, left to right, that look like names in the text and
    resolve on the article's date (else a shorter match is tried: "US" of "US President"). A match
    that begins with "the" yields to a longer one from the next word ("the West Bank" is the West
    Bank, not "the West" and a bank)."""
    kept, lower = match_words(article.doc)
    n = 0
    while n < len(lower):
        found = longest_match(article, kept, lower, n)
        if found is not None and lower[n] == "the" and n + 1 < len(lower):
            later = longest_match(article, kept, lower, n + 1)
            if later is not None and later.end > found.end:
                found = None
        if found is None:
            n += 1
        else:
            yield found
            n = bisect_left(kept, found.end)


def longest_match(article: ArticleReading, kept: list[int], lower: list[str], n: int) -> ResolvedMention | None:
    """The longest lexicon phrase from word ``n`` that looks like a name and resolves."""
    doc, lexicon = article.doc, article.lexicon
    for length in range(min(lexicon.longest.get(lower[n], 0), len(lower) - n), 0, -1):
        index = lexicon.phrases.get(tuple(lower[n : n + length]))
        start, end = kept[n], kept[n + length - 1] + 1
        if index is not None and looks_like_a_name(doc[start:end]) and not manner_compound(doc, end):
            found = resolve_match(article, start, end, lexicon.entries[index])
            if found is not None:
                return found
    return None


def manner_compound(doc: Doc, end: int) -> bool:
    """A name that is the first part of "American-made", "Soviet-era", "Soviet-style"."""
    joined = end + 1 < len(doc) and doc[end].text == "-" and not doc[end].whitespace_
    return joined and doc[end + 1].lower_ in manner_words()


@cache
def manner_words() -> frozenset[str]:
    return frozenset(toml_data("actors/sectors.toml")["manner_words"]["words"])


def match_words(doc: Doc) -> tuple[list[int], list[str]]:
    """The words lexicon phrases are matched against, each with its token: lower case, without
    apostrophes ("Workers' Party" is "workers party"); an underscore joins words, as PETRARCH's
    texts write a name of several ("Dol_Amroth" is "dol amroth")."""
    words = words_of(doc)
    kept: list[int] = []
    lower: list[str] = []
    for i, text in enumerate(words.texts):
        if text in APOSTROPHES:
            continue
        word = words.lowers[i].replace("'", "").replace("’", "")
        parts = word.split("_") if "_" in word.strip("_") else [word]
        kept += [i] * len(parts)
        lower += parts
    return kept, lower


def resolve_match(article: ArticleReading, start: int, end: int, known: LexiconEntry) -> ResolvedMention | None:
    own_name = known.kind == "person" or first_name(article.doc, start)
    if own_name and inside_longer_name(article.doc, start, end):
        # "Albert" of "Albert Muchanga" is not Prince Albert of Monaco, nor "Charlotte" of
        # "Charlotte Charles" the city, nor "Jordan" of "Jordan Peterson" the country
        return None
    if known.kind != "person" and surname(article.doc, start, end):
        return None  # "Jordan" of "Police Chief Chuck Jordan"
    return resolve_known(article, article.doc[start:end], known)


# A person's name the parser tags as one: a first name, perhaps a middle one, and a surname. A
# longer one takes in a title and a nationality ("Israeli National Security Advisor Dr. Eyal
# Hulata"), whose place words are the person's country, not part of the name.
NAME_WORDS = 3


def first_name(doc: Doc, start: int) -> bool:
    """The word opens a short person's name ("Charlotte Charles", "Jordan Peterson"): a singular
    proper noun before another, not a people ("Bosnian Serbs", which the parser may tag a person)."""
    if doc[start].ent_iob_ != "B" or doc[start].ent_type_ != "PERSON":
        return False
    names = [e for e in doc.ents if e.start == start]
    if not names or len(names[0]) > NAME_WORDS or len(names[0]) < 2:
        return False
    return doc[start].tag_ == "NNP" and doc[start + 1].tag_ == "NNP"


def surname(doc: Doc, start: int, end: int) -> bool:
    """The words end a short person's name the parser tags as one, after a first name ("Chuck
    Jordan", "Tom Chad"): a person's surname, not the place it spells. Not at the start of a
    sentence, where a capital shows no name ("Evil Mordor … welcomed")."""
    names = [e for e in doc.ents if e.start < start and e.end == end and e.label_ == "PERSON"]
    if not names or names[0].start == names[0].sent.start:
        return False
    return len(names[0]) <= NAME_WORDS and all(t.tag_ == "NNP" for t in names[0])


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


def lexicon_mentions(article: ArticleReading) -> None:
    for found in lexicon_matches(article):
        found = bracketed_acronym(article, found) or national_body(article, found)
        article.found.append(found)
        article.taken.update(range(found.start, found.end))
        if found.country_word and found.country:
            article.found.append(country_mention(article, found))
    for i, found in enumerate(article.found):
        article.found[i] = person_of_named_country(article, found)


def bracketed_acronym(article: ArticleReading, found: ResolvedMention) -> ResolvedMention | None:
    """ "the European Union (EU)": an acronym in brackets right after a name is that name's actor,
    whatever the dictionary codes the acronym as."""
    doc = article.doc
    if found.start < 2 or doc[found.start - 1].text != "(" or found.end >= len(doc) or doc[found.end].text != ")":
        return None
    named = next((f for f in reversed(article.found) if f.end == found.start - 1), None)
    words = doc[named.start : named.end].text.split() if named is not None else []
    if named is None or not is_acronym_of(doc[found.start : found.end].text, words):
        return None
    return alias(named, doc[found.start : found.end])


def is_acronym_of(word: str, name: list[str]) -> bool:
    """ "AfCFTA" for "African Continental Free Trade Area": its capitals are the name's initials."""
    capitals = [c for c in word if c.isupper()]
    initials = [w[0] for w in name if w[:1].isupper()]
    return len(capitals) >= 2 and " " not in word and capitals == initials


def person_of_named_country(article: ArticleReading, found: ResolvedMention) -> ResolvedMention:
    """ "King Hassan of Morocco": the country the text names after a dictionary person wins over
    the dictionary's (a bare "Hassan" is someone else's there)."""
    if found.kind != "person" or not found.country:
        return found
    after = country_after(article, article.doc[found.start : found.end])
    if after is None or after == found.country:
        return found
    return replace(found, country=after, code=after + found.code[3:], key=("person", found.name, after))


def national_body(article: ArticleReading, found: ResolvedMention) -> ResolvedMention:
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
    return ResolvedMention(found.start - 1, found.end, name, "organization", country, "GOV", None, country + "GOV", key)


# Codes of bodies above states; a nationality adjective before their name makes a national body.
INTERNATIONAL = frozenset({"UNO", "IGO", "EUR"})


def country_mention(article: ArticleReading, found: ResolvedMention) -> ResolvedMention:
    """ "American people" is a group of the United States, and also a mention of it."""
    name = country_name(article.lexicon, found.country or "")
    country = found.country or ""
    return ResolvedMention(
        found.start, found.end, name, "country", country, "", code=country, key=("country", name, "")
    )


def resolve_known(article: ArticleReading, span: Span, known: LexiconEntry) -> ResolvedMention | None:
    """A lexicon match as an actor mention: its code on the article's date, and what a country
    word stands for here (its government when a capital acts, a group when it qualifies a role noun)."""
    code = known.code_on(article.day)
    if code is None and known.kind == "person" and known.codes:
        code = latest_role(known)  # out of office on that date: what they were last
    if code == ELITE_CODE and titled_in_office(article, span):
        code = latest_office(known) or code
    if code is None or code == "---":
        return None
    if known.kind == "capital" and is_place(span):
        return None
    if known.kind in ("country", "capital") and in_feature_name(span):
        return None  # "the Gulf of Oman": a sea, not the state
    if known.kind == "country" and is_language(span):
        return None  # "she speaks French": a language, not the state
    if known.kind == "country" and span.start > 0 and span.doc[span.start - 1].lower_ == "ethnic":
        return None  # "ethnic Albanians in Serbia": an ethnic group, not the state (they act where they live)
    if known.kind == "country" and span.root.pos_ == "PROPN":
        titled = titled_name(article, span, known, code)
        if titled is not None:
            return titled
    if known.kind == "country":
        code = shared_name_code(article, span, code)
    if known.kind in ("country", "capital"):
        return country_word(article, span, known.kind, code)
    name = spelled_as_in_text(article, span, known)
    country, sector = split_code(code)
    country, sector = known.country or country, known.sector if known.sector is not None else sector
    key = (known.kind, known.name, sector)
    return ResolvedMention(span.start, span.end, name, known.kind, country, sector, code=code, key=key)


def shared_name_code(article: ArticleReading, span: Span, code: str) -> str:
    """ "Georgia" in an article about Atlanta is the US state: a country name shared with a place
    elsewhere is that place when the article gives its cues and none of the country's
    (``data/actors/shared_names.toml``)."""
    shared = shared_names().get(span.text.lower())
    if shared is None or code != shared["country"]:
        return code
    text = article.doc.text.lower()
    if any(cue in text for cue in shared["country_cues"]) or not any(cue in text for cue in shared["place_cues"]):
        return code
    return str(shared["place"])


@cache
def shared_names() -> dict[str, dict[str, Any]]:
    return dict(toml_data("actors/shared_names.toml"))


def titled_name(article: ArticleReading, span: Span, known: LexiconEntry, code: str) -> ResolvedMention | None:
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
    sector = agent_sector(extra) or ""
    name = span.text
    return ResolvedMention(span.start, span.end, name, "person", code[:3], sector, role, code + extra, ("person", name))


def spelled_as_in_text(article: ArticleReading, span: Span, known: LexiconEntry) -> str:
    """A person's name as the article spells it ("Sergei Lavrov", where the dictionary has
    "Sergey"; "Joseph R. Biden" for "Joe Biden"), unless the mention carries a title or a
    nationality ("Russian President Vladimir Putin") or is in capitals ("PRESIDENT BIDEN")."""
    words = known.name.split()
    same_person = known.kind == "person" and len(span) > 1 and span[-1].lower_ == words[-1].lower()
    titled = any((t.lower_,) in article.lexicon.agents or t.ent_type_ == "NORP" for t in span)
    variant = span[-1].lower_ != words[-1].lower() and span[-1].lower_[:4] == words[-1].lower()[:4]
    if known.kind == "person" and span[-1].is_alpha and variant:
        # another spelling of the surname ("Zelenskyy" for "Zelensky"): the article's, without titles
        named = [t.text for t in span if (t.lower_,) not in article.lexicon.agents and t.ent_type_ != "NORP"]
        named = [w.title() if w.isupper() else w for w in named if w[:1].isupper()]
        if named:
            return " ".join(named)
    return span.text if same_person and not titled and not span.text.isupper() else known.name


def country_word(article: ArticleReading, span: Span, kind: str, code: str) -> ResolvedMention:
    """ "Russia" a country; "Moscow said" its government; "Chinese troops" a group of it."""
    country = code[:3]
    name = country_name(article.lexicon, country)
    sector, agent = ("GOV", "GOV") if kind == "capital" else country_role(article, span) or ("", "")
    prefixed = prefix_agent(article, span)
    if prefixed is not None:  # "MSF Arnor (diplomat)": PETRARCH's "NGO~" agents come before the country
        start, prefix = prefixed
        found_sector = agent_sector(prefix) or prefix
        code = prefix + country + agent
        key = ("group", code, found_sector)
        return ResolvedMention(
            start, span.end, article.doc[start : span.end].text, "group", country, found_sector, code=code, key=key
        )
    if not agent:
        return ResolvedMention(
            span.start, span.end, name, "country", country, "", code=country, key=("country", name, "")
        )
    if sector == "GOV":
        kind, name = "government", f"{name} government"
    else:
        kind, name = "group", group_name(span)
    key = (kind, country, sector)
    # The code keeps the dictionary's agent ("Arnor cleric": ARNREL), the sector is PLOVER's (CVL).
    return ResolvedMention(
        span.start, span.end, name, kind, country, sector, code=country + agent, key=key, country_word=True
    )


def prefix_agent(article: ArticleReading, span: Span) -> tuple[int, str] | None:
    """An agent a dictionary writes before the country ("MSF {} [NGO~]": "MSF Arnor" is NGOARN),
    right before the country word: where it starts, and its code."""
    doc = article.doc
    for start in range(span.start - 1, max(-1, span.start - 4), -1):
        role, code = agent_in(article.lexicon, doc[start : span.start])
        if role is None or code is None or not code.endswith("~") or code.startswith("~"):
            continue
        if role.split()[-1].lower() == doc[span.start - 1].lower_ and len(role.split()) == span.start - start:
            return start, code.strip("~").strip()
    return None


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


def country_role(article: ArticleReading, span: Span) -> tuple[str, str] | None:
    """The sector and agent code of the noun a country word qualifies: "Saudi government" (GOV,
    GOV), "Chinese troops" (MIL, MIL), "Arnor cleric" (CVL, REL)."""
    root = span.root
    if root.dep_ not in ("amod", "compound", "poss", "nmod") or root.head.i < span.end:
        return None
    noun = article.doc[span.end : root.head.i + 1]
    role, code = agent_in(article.lexicon, noun)
    if code is None or role is None or root.head.ent_type_ == "PERSON":
        return None
    if code.startswith("~") and any(c.dep_ == "amod" and c.lower_ in FORMER for c in root.head.children):
        code = ELITE_AGENT  # "former Gondor prosecutors"
    doc = article.doc
    named = noun.end < len(doc) and doc[noun.end].pos_ == "PROPN"  # "Turkish President Erdoğan": a title
    if noun[-1].pos_ == "PROPN" and (named or len(role.split()) < len(noun)):
        return None  # a name ("Iranian airline Mahan Air"), not a capitalised role ("Calenardhon Minister")
    sector = agent_sector(code)
    agent = code.strip("~") if code.startswith("~") else sector  # "IGO~" prefixes the actor in PETRARCH-1
    if sector is None and code.startswith("~"):  # a user's own agent ("main opposition group" ~MOP)
        return "", agent or ""
    return (sector, agent or "") if sector else None


def latest_role(known: LexiconEntry) -> str:
    return max(known.codes, key=lambda c: c.end or "9999").code


# CAMEO's elites with no country: what the dictionaries make of a UN Secretary-General out of office.
ELITE_CODE = "ELI"


def latest_office(known: LexiconEntry) -> str | None:
    """The last dated office of a person the dictionaries code by date (Kofi Annan: IGOUNO to 2006)."""
    dated = [c for c in known.codes if c.start is not None or c.end is not None]
    return max(dated, key=lambda c: c.end or "9999").code if dated else None


def titled_in_office(article: ArticleReading, span: Span) -> bool:
    """ "U.N. Secretary-General Kofi Annan", "Kofi Annan, UN secretary-general": the text gives the
    person an office (a role of the agents dictionary before the name, in the matched phrase, or in
    an apposition after it), and not as a former one. The text, not the date, then says what they are."""
    doc = article.doc
    before = doc[title_start(doc, span.start) : span.end]
    after_end = next((t.i for t in doc[span.end + 1 :] if t.is_punct), len(doc))
    after = doc[span.end + 1 : after_end] if span.end < len(doc) and doc[span.end].text == "," else doc[0:0]
    for words in (before, after):
        role, agent = agent_in(article.lexicon, words)
        if role is not None and agent != ELITE_AGENT and not FORMER & {t.lower_ for t in words}:
            return True
    return False


def country_name(lexicon: Lexicon, country: str) -> str:
    return lexicon.country_names.get(country) or lexicon.other_country_names.get(country, country)


def is_place(span: Span) -> bool:
    """A capital in a place phrase ("in Moscow", "a visit to New Delhi")."""
    head = span.root.head
    return span.root.dep_ == "pobj" and head.lower_ in PLACE_PREPOSITIONS or span.root.dep_ in ("compound", "npadvmod")


def in_feature_name(span: Span) -> bool:
    """ "the Gulf of Oman", "the Sea of Japan", "the South China Sea": a country word in the name of a
    geographic feature, after its "of" or before its capitalised feature word."""
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.text[:1].isupper() and after.lower_ in feature_words():
        return True
    if span.start < 2 or doc[span.start - 1].lower_ != "of":
        return False
    feature = doc[span.start - 2]
    return feature.text[:1].isupper() and feature.lower_ in feature_words()


def is_language(span: Span) -> bool:
    """ "speaks French, Russian and Georgian", "held in English", "fluent in Spanish": a language's
    name (``[languages]`` in data/actors/sectors.toml) as the object of a verb of speaking or
    learning, in a list of its objects, or after "in" that follows such a verb or "fluent"."""
    words, verbs, before_in = languages()
    root = span.root
    if span.text.lower() not in words:
        return False
    while root.dep_ in ("conj", "appos") and root.head is not root:
        root = root.head  # "speaks Hindi, Spanish, and Gujarati": up the list to its first member
    head = root.head
    if root.dep_ == "dobj":
        return head.lemma_.lower() in verbs
    if root.dep_ == "pobj" and head.lower_ == "in":
        governor = head.head
        return governor.lemma_.lower() in verbs or governor.lower_ in before_in
    return False


@cache
def languages() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    table = toml_data("actors/sectors.toml")["languages"]
    return frozenset(table["words"]), frozenset(table["verbs"]), frozenset(table["before_in"])


@cache
def feature_words() -> frozenset[str]:
    return frozenset(toml_data("actors/sectors.toml")["feature_words"]["words"])


def split_code(code: str) -> tuple[str, str]:
    """``RUSGOV`` → (RUS, GOV); ``IGOUNO`` → (UNO, GOV); ``RUS`` → (RUS, "")."""
    table = sector_table()
    head, roles = code[:3], [code[i : i + 3] for i in range(3, len(code), 3)]
    if head in table["non_state"]:
        country = "UNO" if roles[:1] == ["UNO"] else "EUR" if roles[:1] == ["EUR"] else table["non_state"][head]
        sector = next((table["roles"][r] for r in roles[1:] if r in table["roles"]), table["non_state_sector"][country])
        return country, sector
    sectors = [table["roles"][r] for r in roles if r in table["roles"]]
    branches = sector_branches().get(sectors[0], frozenset()) if sectors else frozenset()
    branch = next((s for s in sectors[1:] if s in branches), None)  # USAGOVLEG: the legislature
    return head, branch or (sectors[0] if sectors else "")


@cache
def sector_branches() -> dict[str, frozenset[str]]:
    return {k: frozenset(v) for k, v in toml_data("actors/sectors.toml")["branches"].items()}


def country_after(article: ArticleReading, ent: Span) -> str | None:
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
    if best[1] is not None and best[1].startswith("~") and FORMER & set(lower[: best_end - best_len]):
        return best[0], ELITE_AGENT  # "former security officials": CAMEO's elites (former officials)
    return best


# "Former" before a role makes its holders CAMEO's elites (ELI: "former government officials,
# celebrities, spokespersons for causes"), as PETRARCH codes them.
FORMER = frozenset({"former", "ex"})
ELITE_AGENT = "~ELI"


def alias(found: ResolvedMention, span: Span) -> ResolvedMention:
    return ResolvedMention(
        span.start, span.end, found.name, found.kind, found.country, found.sector, found.role, found.code, found.key
    )
