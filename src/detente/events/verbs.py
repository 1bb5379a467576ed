"""The PETRARCH2 verb dictionary (``CAMEO.2.0.txt``, FORMATS.md §1) read into verb blocks and patterns.

A block names a family of verbs and its default code; each verb line gives its forms (listed,
or generated as PETRARCH2 does) and may carry its own code; each pattern says which nouns and
prepositional phrases around the verb give which code. Synsets (``&WEAPON``) expand into their
members. The events stage matches these against the dependency parse.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from itertools import takewhile
from pathlib import Path

from ..knowledge.petrarch import plural, uncommented

# What the rest of the package uses; the module is internal to its stage.
__all__ = [
    "Block",
    "Element",
    "Pattern",
    "Phrasal",
    "VerbDictionary",
    "load_verbs",
    "read_pattern",
    "read_verbs",
    "verb_forms",
]

HEADER = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---")
# "- * PART  [030]  # TAKE": CAMEO 2.0 names the verb a pattern was written for in its comment.
VERB_TAG = re.compile(r"^(\s*-.*\])\s*#\s*([A-Z][A-Z_]*)\s*$")
PATTERN_CODE = re.compile(r"\[([^\]]+)\]\s*$")
ELEMENT = re.compile(r"\([^)]*\)|\{[^}]*\}|\S+")


@dataclass(frozen=True)
class Element:
    """One part of a pattern: a noun (its head word and modifiers) or a prepositional phrase."""

    kind: str  # "noun", "prep", "any"
    words: tuple[frozenset[str], ...] = ()  # head last; each a set (a synset expands to many)
    prep: str = ""
    object: Element | None = None


@dataclass(frozen=True)
class Pattern:
    before: tuple[Element, ...]
    after: tuple[Element, ...]
    code: str
    text: str
    verb: str = ""  # the block's verb it was written for ("TAKE" for "* PART"), else any of them

    @property
    def size(self) -> int:
        return len(self.before) + len(self.after) + sum(1 for e in self.after if e.object is not None)


@dataclass
class Block:
    name: str
    code: str
    patterns: list[Pattern] = field(default_factory=list)
    verbs: set[str] = field(default_factory=set)
    # per verb of the block: (its own patterns, the other verbs' patterns it may borrow), worked out once
    splits: dict[str, tuple[tuple[Pattern, ...], tuple[Pattern, ...]]] = field(default_factory=dict)


@dataclass(frozen=True)
class Phrasal:
    """A multi-word verb: "CORDON_OFF", "WIRE_+TAP" (the word with "+" is the one the parser tags
    as the verb; without one, the first)."""

    before: tuple[str, ...]
    after: tuple[str, ...]
    block: str
    code: str
    verb: str


@dataclass
class VerbDictionary:
    blocks: dict[str, Block] = field(default_factory=dict)
    forms: dict[str, tuple[str, str]] = field(default_factory=dict)  # FORM -> (block, verb's own code)
    bases: dict[str, str] = field(default_factory=dict)  # FORM -> the verb it is a form of ("TOOK" -> "TAKE")
    # VERB FORM -> the multi-word verbs it heads: (words before, words after, block, own code, the verb)
    phrasal: dict[str, list[Phrasal]] = field(default_factory=dict)
    # The packaged CAMEO 2.0 dictionary (with Détente's additions): its codes are CAMEO's, so the
    # combination rules of data/events/coding.toml apply. A user's dictionary is coded as it is.
    packaged: bool = False
    # "P2" (PETRARCH2, CAMEO.2.0.txt) or "P1" (PETRARCH-1/TABARI: flat word patterns, the source
    # the nearest actor before the verb and the target the first after it; FORMATS.md §1.7).
    dialect: str = "P2"
    synsets: dict[str, frozenset[str]] = field(default_factory=dict)
    # the synsets as a hashable, ordered tuple, made once (PETRARCH-1 flat patterns are read with it)
    synset_items: tuple[tuple[str, frozenset[str]], ...] = ()

    def block_of(self, form: str) -> tuple[Block, str] | None:
        found = self.forms.get(form.upper())
        return (self.blocks[found[0]], found[1]) if found else None


def verb_forms(word: str) -> list[str]:
    """PETRARCH2's generated forms: third person, past, gerund."""
    third = word + "ES" if word.endswith(("S", "X", "Z")) else word[:-1] + "IES" if word.endswith("Y") else word + "S"
    past = word + "D" if word.endswith("E") else word + "ED"
    gerund = word[:-1] + "ING" if word.endswith("E") and len(word) > 2 and word[-2] not in "AEIOU" else word + "ING"
    return [word, third, past, gerund]


def read_synsets(lines: list[str]) -> dict[str, frozenset[str]]:
    sets: dict[str, set[str]] = {}
    current = ""
    for line in lines:
        stripped = line.strip()
        if "VERB PATTERNS" in line:
            break
        if stripped.startswith("---"):
            current = ""  # a verb block: its "+" lines are verbs, not synset members
        elif stripped.startswith("&"):
            current = stripped.split()[0].rstrip("_")  # "&PREPOSIT1_" (no plurals) is "&PREPOSIT1"
            sets.setdefault(current, set())  # a synset named again adds to its members
        elif stripped.startswith("+") and current:
            member = " ".join(stripped[1:].split("#")[0].split())  # "+DID N'T  # a contraction": two words
            if not member:
                continue
            words = member.rstrip("_").replace("_", " ")
            sets[current].add(words)
            if " " not in words and not member.endswith("_"):
                sets[current].add(plural(words.lower()).upper())
    return {k: frozenset(v) for k, v in sets.items()}


def read_verbs(text_lines: Iterable[str]) -> VerbDictionary:
    """Blocks, verb forms and patterns of the verb section (between the VERB PATTERNS and
    TRANSFORMATIONS markers, which are themselves comment lines)."""
    raw = list(text_lines)
    synsets = read_synsets(raw)
    verbs = VerbDictionary(synsets=synsets, synset_items=tuple(sorted(synsets.items())))
    section: list[str] = []
    # PETRARCH-1 files (PETR.Validate.verbs.txt) have no markers: blocks and synsets interleave.
    started = not any("VERB PATTERNS" in line for line in raw)
    verbs.dialect = "P1" if started else "P2"
    for line in raw:
        if "VERB PATTERNS" in line:
            started = True
        elif "TRANSFORMATIONS" in line and started:
            break
        elif started:
            section.append(line)
    block = None
    tagged = [VERB_TAG.sub(r"\1 @\2", line) for line in section]
    for line in uncommented(tagged):
        block = read_line(line.strip(), block, verbs, synsets)
    return verbs


def read_line(
    line: str, block: Block | None, verbs: VerbDictionary, synsets: dict[str, frozenset[str]]
) -> Block | None:
    header = HEADER.match(line)
    if header:
        block = Block(header.group(1), header.group(2).strip())
        verbs.blocks.setdefault(block.name, block)
        return verbs.blocks[block.name]
    if line.startswith("&"):
        return None  # a synset between blocks (PETRARCH-1): its "+" members are no verbs
    if block is None or line.startswith("~") or not line:
        return block
    if line.startswith("-"):
        body, _, verb = line[1:].partition(" @")
        pattern = read_pattern(body, synsets)
        if pattern is not None:
            block.patterns.append(replace(pattern, verb=verb.strip() if verb.strip() in block.verbs else ""))
    elif line[0].isalpha() or line.startswith("+"):
        add_verb(line, block, verbs)
    return block


def add_verb(line: str, block: Block, verbs: VerbDictionary) -> None:
    code = m.group(1) if (m := re.search(r"\[([^\]]+)\]", line)) else ""
    listed = re.search(r"\{([^}]*)\}", line)
    word = line.split("{")[0].split("[")[0].split()[0] if line.split() else ""
    if not word:
        return
    if "_" in word:  # a multi-word verb: "+" marks the word the parser tags as the verb
        add_phrasal(word, listed.group(1).split() if listed else None, block, code, verbs)
        return
    forms = [word, *(listed.group(1).split() if listed else verb_forms(word)[1:])]
    block.verbs.add(word)
    for form in forms:
        verbs.forms.setdefault(form, (block.name, code))
        verbs.bases.setdefault(form, word)


def add_phrasal(word: str, listed: list[str] | None, block: Block, code: str, verbs: VerbDictionary) -> None:
    """ "+SET_UP {+SETS_UP +SETTING_UP}", "WIRE_+TAP": each form under the word the parser tags as
    the verb, with the words that must stand before and after it."""
    base = word.replace("+", "")
    block.verbs.add(base)
    words = word.split("_")
    at = next((i for i, w in enumerate(words) if w.startswith("+")), 0)
    head = words[at].lstrip("+")
    phrases = listed or ["_".join([*words[:at], "+" + form, *words[at + 1 :]]) for form in verb_forms(head)]
    for phrase in [word, *phrases]:
        parts = phrase.split("_")
        i = next((k for k, w in enumerate(parts) if w.startswith("+")), 0)
        form = parts[i].lstrip("+")
        entry = Phrasal(
            tuple(w.lstrip("+") for w in parts[:i]),
            tuple(w.lstrip("+") for w in parts[i + 1 :]),
            block.name,
            code,
            base,
        )
        if entry not in verbs.phrasal.get(form, []):
            verbs.phrasal.setdefault(form, []).append(entry)


def read_pattern(text: str, synsets: dict[str, frozenset[str]]) -> Pattern | None:
    m = PATTERN_CODE.search(text)
    if m is None or "*" not in text:
        return None
    body = text[: m.start()]
    before_text, after_text = body.split("*", 1)
    try:
        before = tuple(e for e in (element(t, synsets) for t in ELEMENT.findall(before_text)) if e)
        after = tuple(e for e in (element(t, synsets) for t in ELEMENT.findall(after_text)) if e)
    except KeyError:
        return None  # an undefined synset never matches (FORMATS.md §1.1)
    return Pattern(before, after, m.group(1).strip(), " ".join(body.split()))


def element(token: str, synsets: dict[str, frozenset[str]]) -> Element | None:
    if token in ("$", "+", "%") or "/" in token:
        return None  # TABARI markers and alternatives are literals in PETRARCH2: skipped here
    if token == "^":
        return Element("any")
    if token.startswith("("):
        parts = ELEMENT.findall(token[1:-1])
        if not parts:
            return None
        obj = element(" ".join(parts[1:]), synsets) if len(parts) > 1 else None
        return Element("prep", prep=parts[0].upper(), object=obj)
    if token.startswith("{"):
        words = token[1:-1].split()
        return Element("noun", tuple(word_set(w, synsets) for w in words)) if words else None
    if token.startswith("&") and "_" in token.strip("_"):  # "&TIETYPES_MEMOS": a synset, then a word
        return Element("noun", tuple(word_set(w, synsets) for w in token.strip("_").split("_") if w))
    return Element("noun", (word_set(token, synsets),))


def word_set(word: str, synsets: dict[str, frozenset[str]]) -> frozenset[str]:
    if word.startswith("&"):
        return synsets[word.rstrip("_")]
    word = word.replace("_", " ").upper()
    return frozenset({word, plural(word.lower()).upper()}) if " " not in word else frozenset({word})


# --- packaged and user dictionaries -------------------------------------------------------------


@cache
def load_verbs(directory: Path | None = None) -> VerbDictionary:
    """The packaged CAMEO 2.0 verb dictionary, or a user's (``*verbs.txt`` / ``CAMEO*.txt`` in DIR)."""
    if directory is not None:
        files = sorted(directory.glob("*verbs.txt")) or sorted(directory.glob("CAMEO*.txt"))
        verbs = read_verbs(files[0].read_text(encoding="utf-8", errors="replace").splitlines()) if files else None
        if verbs is not None and verbs.blocks:
            return verbs
        # No verb file there: the packaged one.
    data = resources.files("detente").joinpath("data/events/CAMEO.2.0.verbs.txt.gz").read_bytes()
    local = resources.files("detente").joinpath("data/events/verbs.local.txt").read_text(encoding="utf-8").splitlines()
    # the additions' synset members (before their VERB PATTERNS marker) join CAMEO 2.0's synsets
    added = list(takewhile(lambda line: "VERB PATTERNS" not in line, local))
    verbs = read_verbs([*added, *gzip.decompress(data).decode("utf-8").splitlines()])
    verbs = merged(verbs, read_verbs(local))
    verbs.packaged = True
    return verbs


def merged(verbs: VerbDictionary, extra: VerbDictionary) -> VerbDictionary:
    """``verbs`` with the blocks and forms of ``extra`` it lacks (a form already known keeps its
    block); a block ``verbs`` has already gains ``extra``'s patterns for it."""
    for name, block in extra.blocks.items():
        known = verbs.blocks.setdefault(name, block)
        if known is not block:
            known.patterns = [*known.patterns, *block.patterns]
            known.splits.clear()
    for form, found in extra.forms.items():
        verbs.forms.setdefault(form, found)
    for form, base in extra.bases.items():
        verbs.bases.setdefault(form, base)
    for form, entries in extra.phrasal.items():
        verbs.phrasal.setdefault(form, []).extend(entries)
    return verbs


def summary(verbs: VerbDictionary) -> str:
    patterns = sum(len(b.patterns) for b in verbs.blocks.values())
    return json.dumps({"blocks": len(verbs.blocks), "forms": len(verbs.forms), "patterns": patterns})
