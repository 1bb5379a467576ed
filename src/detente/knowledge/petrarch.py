"""PETRARCH / TABARI dictionaries (``../shared/dictionaries/FORMATS.md``) read into the project's own format.

Actor files give records (a name, its synonyms, and CAMEO codes valid over date ranges); agent
files give role words ("ambassador" → ``~GOV``). ``convert`` writes them as JSON Lines, the
format the actors stage loads (``data/actors/``); ``read_dictionary_dir`` reads any directory of
PETRARCH-format files a user supplies (``--dictionaries DIR``) the same way.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

# What the rest of the package uses; the module is internal to its stage.
__all__ = [
    "ActorEntry",
    "AgentEntry",
    "DatedCode",
    "convert",
    "plural",
    "read_actors",
    "read_agents",
    "read_dictionary_dir",
    "uncommented",
]

CODE_ENTRY = re.compile(r"\[([^\]\s]+)(?:\s+([^\]]*))?\]")
# TABARI years: two digits up to this are 20YY, above it 19YY.
TWO_DIGIT_YEAR_PIVOT = 30


@dataclass(frozen=True)
class DatedCode:
    """A CAMEO actor code, valid from ``start`` (inclusive) to ``end`` (exclusive); None is open."""

    code: str
    start: str | None = None
    end: str | None = None

    def holds_on(self, day: str | None) -> bool:
        if day is None:  # no article date: the role that is still open (the current one)
            return self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True)
class ActorEntry:
    name: str
    phrases: tuple[str, ...]
    codes: tuple[DatedCode, ...]
    file: str

    def code_on(self, day: str | None) -> str | None:
        """PETRARCH's rule: the first dated restriction, in list order, that holds on ``day``; else
        the entry's undated code (the default "that should never hit" when a restriction does)."""
        restrictions = [c for c in self.codes if c.start is not None or c.end is not None]
        defaults = [c for c in self.codes if c.start is None and c.end is None]
        for dated in (*restrictions, *defaults):
            if dated.holds_on(day):
                return None if dated.code == "---" else dated.code
        return None

    def to_json(self) -> str:
        codes = [[c.code, c.start, c.end] for c in self.codes]
        return json.dumps({"name": self.name, "phrases": self.phrases, "codes": codes, "file": self.file})

    @classmethod
    def from_json(cls, line: str) -> ActorEntry:
        d = json.loads(line)
        codes = tuple(DatedCode(c, s, e) for c, s, e in d["codes"])
        return cls(name=d["name"], phrases=tuple(d["phrases"]), codes=codes, file=d["file"])


@dataclass(frozen=True)
class AgentEntry:
    phrase: str
    code: str


def uncommented(lines: Iterable[str]) -> Iterator[str]:
    """Lines without ``#`` comments and ``<!-- -->`` blocks (which may span lines)."""
    in_block = False
    for raw in lines:
        line = raw.rstrip("\n")
        if in_block:
            if "-->" not in line:
                continue
            line, in_block = line.split("-->", 1)[1], False
        while "<!--" in line:
            before, _, after = line.partition("<!--")
            if "-->" in after:
                line = before + after.split("-->", 1)[1]
            else:
                line, in_block = before, True
        line = line.split("#", 1)[0]
        if line.strip():
            yield line


def phrase_of(text: str) -> str:
    """A dictionary phrase as lower-case words: ``VLADIMIR_V._PUTIN_`` → ``vladimir v. putin``."""
    return " ".join(text.replace("_", " ").lower().split())


SMALL_WORDS = frozenset({"of", "the", "and", "for", "de", "du", "al", "in", "on"})


def display_name(text: str) -> str:
    """``UNITED_STATES_OF_AMERICA_`` → ``United States of America``; ``NATO`` stays as it is."""
    words = text.replace("_", " ").split()
    if len(words) == 1 and len(words[0]) <= ACRONYM_LONGEST:
        return words[0]  # NATO, IAEA, UN: a short one-word name is an acronym
    return " ".join(w.lower() if w.lower() in SMALL_WORDS and i else w.capitalize() for i, w in enumerate(words))


ACRONYM_LONGEST = 5


def parse_day(text: str) -> str:
    """A TABARI date (``YYMMDD`` or ``YYYYMMDD``) as ISO 8601."""
    if len(text) == 6:
        year = int(text[:2])
        text = f"{2000 + year if year <= TWO_DIGIT_YEAR_PIVOT else 1900 + year}{text[2:]}"
    if len(text) != 8 or not text.isdigit():
        raise ValueError(f"not a TABARI date: {text!r}")
    return f"{text[:4]}-{text[4:6]}-{text[6:]}"


def dated_code(code: str, when: str | None) -> DatedCode:
    spec = (when or "").replace(" ", "")
    if not spec:
        return DatedCode(code)
    if spec.startswith("<"):
        return DatedCode(code, None, parse_day(spec[1:]))
    if spec.startswith(">"):
        return DatedCode(code, parse_day(spec[1:]), None)
    if "-" in spec:
        start, end = spec.split("-", 1)
        return DatedCode(code, parse_day(start), parse_day(end))
    return DatedCode(code, parse_day(spec), None)  # a bare date: read as ">D" (FORMATS.md)


def codes_in(text: str) -> list[DatedCode]:
    found = []
    for code, when in CODE_ENTRY.findall(text):
        try:
            found.append(dated_code(code, when))
        except ValueError:
            continue  # a malformed date: the entry is skipped, the record kept
    return found


def read_actors(lines: Iterable[str], file: str) -> list[ActorEntry]:
    """Actor records: a primary line, ``+synonym`` lines, and indented ``[CODE DATE]`` lines."""
    entries: list[ActorEntry] = []
    name, phrases, codes = "", list[str](), list[DatedCode]()
    for line in uncommented(lines):
        stripped = line.strip()
        if stripped.startswith("+"):
            phrases.append(phrase_of(stripped[1:].split("[", 1)[0]))
            codes.extend(codes_in(stripped))
        elif line[0].isspace() or stripped.startswith("["):
            codes.extend(codes_in(stripped))
        else:
            if name:
                entries.append(ActorEntry(display_name(name), tuple(dict.fromkeys(phrases)), tuple(codes), file))
            head = stripped.split("[", 1)[0].strip()
            name, phrases, codes = head, [phrase_of(head)], codes_in(stripped)
    if name:
        entries.append(ActorEntry(display_name(name), tuple(dict.fromkeys(phrases)), tuple(codes), file))
    return [e for e in entries if e.codes and all(e.phrases)]


def plural(word: str) -> str:
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + ("es" if word.endswith("s") else "s")


def read_agents(lines: Iterable[str]) -> list[AgentEntry]:
    """Agent phrases with their codes, plurals and ``!SET!`` substitutions expanded."""
    sets: dict[str, list[str]] = {}
    entries: list[AgentEntry] = []
    for line in uncommented(lines):
        if "!" in line and "=" in line and "[" not in line:
            key, values = line.split("=", 1)
            sets[key.strip()] = [v.strip() for v in values.split(",") if v.strip()]
            continue
        m = re.match(r"\s*([^\[{]+?)\s*(?:\{([^}]*)\})?\s*\[([^\]]+)\]", line)
        if m:
            entries.extend(agent_entries(m.group(1), m.group(2), m.group(3).strip(), sets))
    return entries


def agent_entries(phrase: str, plurals: str | None, code: str, sets: dict[str, list[str]]) -> list[AgentEntry]:
    m = re.search(r"![A-Z]+!", phrase)
    if m:
        return [AgentEntry(phrase_of(phrase.replace(m.group(0), v)), code) for v in sets.get(m.group(0), [])]
    base = phrase_of(phrase)
    forms = [base]
    if plurals is None:
        words = base.split()
        forms.append(" ".join([*words[:-1], plural(words[-1])]))
    else:
        forms.extend(phrase_of(p) for p in plurals.split() if p.strip())
    return [AgentEntry(f, code) for f in dict.fromkeys(forms)]


# --- files ---------------------------------------------------------------------------------------

ACTOR_FILES = {
    "countries": "*Countries.actors.txt",
    "international": "*International.actors.txt",
    "nonstate": "*MilNonState.actors.txt",
}


def read_dictionary_dir(directory: Path) -> tuple[list[ActorEntry], list[AgentEntry]]:
    """Every ``*.actors.txt`` and ``*.agents.txt`` file of a PETRARCH dictionary directory."""
    if not directory.is_dir():
        raise InputError("not-found", f"{directory}: no such dictionary directory")
    actors: list[ActorEntry] = []
    for path in sorted(directory.glob("*actors.txt")):
        kind = next((k for k, pattern in ACTOR_FILES.items() if path.match(pattern)), "user")
        actors.extend(read_actors(read_lines(path), kind))
    agents = [a for path in sorted(directory.glob("*agents.txt")) for a in read_agents(read_lines(path))]
    if not actors and not agents:
        raise InputError("no-article", f"{directory}: no *actors.txt or *agents.txt file")
    return actors, agents


def read_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8", errors="replace").splitlines()


def convert(directory: Path, out: Path) -> tuple[int, int]:
    """Convert a PETRARCH dictionary directory into ``out/actors.jsonl`` and ``out/agents.jsonl``."""
    actors, agents = read_dictionary_dir(directory)
    out.mkdir(parents=True, exist_ok=True)
    (out / "actors.jsonl").write_text("".join(a.to_json() + "\n" for a in actors), encoding="utf-8")
    lines = (json.dumps({"phrase": a.phrase, "code": a.code}) + "\n" for a in agents)
    (out / "agents.jsonl").write_text("".join(lines), encoding="utf-8")
    return len(actors), len(agents)
