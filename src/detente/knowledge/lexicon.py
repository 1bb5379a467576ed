"""The actor lexicon: every name the actors stage knows, compiled into a token-sequence index.

Sources, first one wins for a phrase: the project's own tables (``data/actors/countries.tsv``,
``groups.tsv``, the news agencies), then the Phoenix dictionaries converted into
``data/actors/phoenix`` (or the PETRARCH-format directory a user gives with
``--dictionaries``). Matching is a longest-match scan over lower-cased tokens against a dict
keyed by token tuples: one dict lookup per candidate length, no per-name regex.
"""

from __future__ import annotations

import gzip
import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from pathlib import Path

from .files import agencies, toml_data, tsv_rows
from .petrarch import ActorEntry, AgentEntry, DatedCode, read_dictionary_dir

# What the rest of the package uses; the module is internal to its stage.
__all__ = ["Lexicon", "LexiconEntry", "fold_accents", "load_lexicon", "phrase_key"]

Key = tuple[str, ...]


@dataclass(frozen=True)
class LexiconEntry:
    """A known actor: its display name, kind, and codes (dated, as in the dictionaries)."""

    name: str
    kind: str  # country, capital, government, person, organization, agency, group
    codes: tuple[DatedCode, ...]
    # PLOVER country and sector when a table gives them (groups.tsv); else read from the code.
    country: str | None = None
    sector: str | None = None

    def code_on(self, day: str | None) -> str | None:
        return ActorEntry(self.name, (), self.codes, "").code_on(day)


@dataclass
class Lexicon:
    entries: list[LexiconEntry] = field(default_factory=list)
    phrases: dict[Key, int] = field(default_factory=dict)
    longest: dict[str, int] = field(default_factory=dict)
    agents: dict[Key, str] = field(default_factory=dict)
    agent_longest: dict[str, int] = field(default_factory=dict)
    country_names: dict[str, str] = field(default_factory=dict)
    # Names of the states only the dictionaries know (Montenegro, Sierra Leone), for display.
    other_country_names: dict[str, str] = field(default_factory=dict)

    def add(self, known: LexiconEntry, phrases: list[str]) -> int:
        index = len(self.entries)
        self.entries.append(known)
        if known.kind == "country":
            phrases = [*phrases, *people_of(phrases)]
        for key in (k for phrase in phrases for k in key_variants(phrase_key(phrase))):
            if key and key not in self.phrases:
                self.phrases[key] = index
                self.longest[key[0]] = max(self.longest.get(key[0], 0), len(key))
        return index

    def add_agent(self, phrase: str, code: str) -> None:
        key = phrase_key(phrase)
        if key and key not in self.agents:
            self.agents[key] = code
            self.agent_longest[key[0]] = max(self.agent_longest.get(key[0], 0), len(key))


def key_variants(key: Key) -> list[Key]:
    """A phrase's key, and, where the dictionaries wrote "People's" without its apostrophe
    ("DEMOCRATIC_PEOPLES_REPUBLIC_OF_KOREA", "NATIONAL_PEOPLES_CONGRESS"), the key the text's
    "People's" gives ("people", as ``phrase_key`` drops a possessive)."""
    if "peoples" not in key:
        return [key]
    return [key, tuple("people" if w == "peoples" else w for w in key)]


def people_of(phrases: list[str]) -> list[str]:
    """The plural of a country's nationality ("Algerian" → "Algerians", "Iraqi" → "Iraqis",
    "Costa Rican" → "Costa Ricans") and of its people's noun in -er ("Hong Konger" → "Hong Kongers",
    "New Zealander" → "New Zealanders"): the dictionaries list the singular, the news names the
    people. A nationality of several words is one that ends in such a word."""
    return [p + "s" for p in phrases if p.strip().lower().endswith(("an", "i", "er"))]


HYPHEN_BETWEEN_LETTERS = re.compile(r"(?<=[^\W\d_])-(?=[^\W\d_])")


def fold_accents(text: str) -> str:
    """Case and diacritics aside: "Erdoğan" and "ERDOGAN" are "erdogan"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def phrase_key(phrase: str) -> Key:
    """Lower-case tokens as spaCy splits them (a hyphen between letters is a token of its own),
    without apostrophes ("workers' party" is "workers party", "people's" is "people")."""
    phrase = re.sub(r"['’]s\b", "", phrase.lower()).replace("'", "").replace("’", "")
    words = HYPHEN_BETWEEN_LETTERS.sub(" - ", phrase).split()
    return tuple(w for w in words if w)


def own_entries(lexicon: Lexicon) -> None:
    """The project's own tables: countries and capitals, groups, news agencies."""
    for row in tsv_rows("actors/countries.tsv"):
        iso3, name = row["iso3"], row["name"]
        lexicon.country_names[iso3] = name
        lexicon.add(LexiconEntry(name, "country", (DatedCode(iso3),)), [name, *split(row["aliases"])])
        lexicon.add(LexiconEntry(name, "capital", (DatedCode(iso3),)), split(row["capitals"]))
        lexicon.add(LexiconEntry(name, "government", (DatedCode(iso3 + "GOV"),)), split(row["government"]))
    for row in tsv_rows("actors/groups.tsv"):
        names = split(row["names"])
        known = LexiconEntry(names[0], "group", (DatedCode(row["code"]),), row["country"], row["sector"])
        lexicon.add(known, names)
    for row in tsv_rows("actors/officeholders.tsv"):
        roles = tuple(office(role) for role in split(row["roles"]))
        lexicon.add(LexiconEntry(row["name"], "person", roles), [row["name"], *split(row["aliases"])])
    for agency in agencies():
        lexicon.add(
            LexiconEntry(agency.name, "agency", (DatedCode(agency.country + "MED"),)), [agency.name, *agency.aliases]
        )


def office(role: str) -> DatedCode:
    """``USAGOV 2017-01-20 2021-01-20`` (``-`` for an open end)."""
    code, start, end = role.split()
    return DatedCode(code, None if start == "-" else start, None if end == "-" else end)


def split(cell: str | None) -> list[str]:
    return [x.strip() for x in (cell or "").split("|") if x.strip()]


KIND_BY_FILE = {"countries": "organization", "international": "organization", "nonstate": "organization"}


def dictionary_entries(lexicon: Lexicon, actors: list[ActorEntry], agents: list[AgentEntry]) -> None:
    for entry in actors:
        kind = kind_of(entry)
        lexicon.add(LexiconEntry(entry.name, kind, entry.codes), list(entry.phrases))
        if kind == "country":
            code = entry.code_on(None) or ""
            lexicon.other_country_names.setdefault(code, display_name(code, entry.name))
    for agent in agents:
        lexicon.add_agent(agent.phrase, agent.code)


def display_name(code: str, name: str) -> str:
    """A state's name as shown: the project's spelling, else the dictionaries' ("FIJI" as "Fiji")."""
    return str(
        toml_data("actors/sectors.toml")["display_names"].get(code) or (name.title() if name.isupper() else name)
    )


def kind_of(entry: ActorEntry) -> str:
    """A bare country code is a country (or one of its places), also when earlier codes were of a
    state it belonged to ("Georgian": USRGEO, then GEOUNR, now GEO); a role code an institution or person."""
    codes = {c.code for c in entry.codes}
    roles = role_codes()
    with_role = any(c[i : i + 3] in roles for c in codes for i in range(3, len(c), 3))
    if entry.file in ("countries", "user") and len(entry.code_on(None) or "") == 3 and not with_role:
        return "country"  # what it is now is a bare country code, and no code of it is a role
    if any(c.startswith(("IGO", "NGO", "MNC", "IMG")) for c in codes):
        return "organization"
    if entry.file in ("countries", "user") and not institution_name(entry.name):
        return "person"
    return KIND_BY_FILE.get(entry.file, "organization")


@cache
def role_codes() -> frozenset[str]:
    return frozenset(toml_data("actors/sectors.toml")["roles"])


@cache
def organisation_words() -> frozenset[str]:
    return frozenset(toml_data("actors/sectors.toml")["organisation_words"]) | {"of", "state", "military", "ministry"}


def institution_name(name: str) -> bool:
    """ "Department of State", "Russian Federal Assembly": not a person's name."""
    return any(word in organisation_words() for word in name.lower().split())


def packaged_dictionaries() -> tuple[list[ActorEntry], list[AgentEntry]]:
    base = resources.files("detente").joinpath("data").joinpath("actors").joinpath("phoenix")
    legacy = dict(toml_data("actors/sectors.toml")["legacy_countries"])
    actors = [
        iso_coded(ActorEntry.from_json(line), legacy)
        for line in gz_lines(base.joinpath("actors.jsonl.gz").read_bytes())
    ]
    agents = []
    for line in gz_lines(base.joinpath("agents.jsonl.gz").read_bytes()):
        phrase, code = line.split('"phrase": ', 1)[1].split(', "code": ')
        agents.append(AgentEntry(phrase.strip('"'), code.rstrip("}").strip('"')))
    return actors, agents


def iso_coded(entry: ActorEntry, legacy: dict[str, str]) -> ActorEntry:
    """An entry whose codes begin with a Phoenix country code that is not the state's ISO code
    (East Timor's TMP) with the ISO code instead (TLS), and a member state's code in a federation's
    years (SCGSRB) with the member's (SRB): the output contract's country codes."""
    codes = tuple(replace(c, code=iso_code(c.code, legacy)) for c in entry.codes)
    return entry if codes == entry.codes else replace(entry, codes=codes)


def iso_code(code: str, legacy: dict[str, str]) -> str:
    if code[:3] in federations() and len(code) >= 6 and code[3:6] not in role_codes():
        return code[3:]
    return legacy.get(code[:3], code[:3]) + code[3:]


@cache
def federations() -> frozenset[str]:
    return frozenset(toml_data("actors/sectors.toml")["federations"]["codes"])


def gz_lines(data: bytes) -> list[str]:
    return gzip.decompress(data).decode("utf-8").splitlines()


@cache
def load_lexicon(dictionaries: Path | None = None) -> Lexicon:
    """The lexicon with the packaged Phoenix dictionaries, or with a user's PETRARCH directory."""
    lexicon = Lexicon()
    if dictionaries is not None:  # a user's own dictionary is the authority on its names and codes
        dictionary_entries(lexicon, *read_dictionary_dir(dictionaries))
    own_entries(lexicon)
    if dictionaries is None:  # the project's role words first: their sectors are PLOVER's
        for phrase, code in own_agents().items():
            lexicon.add_agent(phrase, code)
        dictionary_entries(lexicon, *packaged_dictionaries())
    return lexicon


def own_agents() -> dict[str, str]:
    return dict(toml_data("actors/roles.toml")["roles"])
