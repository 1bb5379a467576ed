"""PETRARCH-1 / TABARI flat patterns (FORMATS.md §1.7): words in order around the verb.

A PETRARCH-1 verb dictionary (the validation suite's ``PETR.Validate.verbs.txt``) writes its
patterns as words before and after the verb (``*``), matched in the verb's sentence in order with
gaps allowed. ``_`` joins words that must be adjacent ("WAS_ *": "was" right before the verb;
"MEMOS_ON_&TIETYPES"); a synset (``&NEGATVAUXVRB``) stands for any of its members, which may be
several words ("DID N'T"); ``$`` marks where the source is and ``+`` where the target is (the
nearest actor on that side of the mark); ``%`` makes the actors around the verb a compound;
``^`` skips a phrase (gaps are allowed anyway). The dependency patterns of PETRARCH2 dictionaries
are matched in ``detente.events``; this module reads and matches only the flat ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from ..knowledge.petrarch import plural
from ..nlp import sentence_index, sentence_spans
from ..record import Actor
from .arguments import Arguments
from .phrases import Scene
from .verbs import Pattern

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# What the rest of the package uses; the module is internal to its stage.
__all__ = ["flat_match", "flat_of", "marked_arguments", "nearest_arguments", "read_flat"]

MARKERS = frozenset({"$", "+", "%"})
NEGATIONS = frozenset({"not", "n't", "never"})
BRACKETS = re.compile(r"[(){}]")


@dataclass(frozen=True)
class Unit:
    """Words that must be adjacent, each a set of alternatives (a synset member may be several
    words). ``glued``: right after what comes before it (the verb, or the unit before);
    ``glues``: what comes after it (the verb, or the next unit) follows right after it."""

    parts: tuple[frozenset[tuple[str, ...]], ...] = ()
    marker: str = ""
    glued: bool = False
    glues: bool = False


@dataclass(frozen=True)
class Flat:
    before: tuple[Unit, ...]
    after: tuple[Unit, ...]

    @property
    def size(self) -> int:
        return sum(len(u.parts) for u in (*self.before, *self.after))

    @property
    def rank(self) -> tuple[int, int]:
        """Larger first; of two as large, the one with more marks ("% * DIPLOMATIC" over "* DIPLOMATIC")."""
        return self.size, sum(1 for u in (*self.before, *self.after) if u.marker)


@dataclass
class FlatMatch:
    """The tokens a flat pattern matched, and where its ``$`` and ``+`` marks point."""

    tokens: list[int] = field(default_factory=list)
    marks: dict[str, tuple[int, int]] = field(default_factory=dict)  # mark -> (position, direction)

    def negates(self, doc: Doc) -> bool:
        return any(doc[i].lower_ in NEGATIONS for i in self.tokens)


def flat_of(pattern: Pattern, synsets: tuple[tuple[str, frozenset[str]], ...]) -> Flat | None:
    return read_flat(pattern.text, synsets)


@cache
def read_flat(text: str, synsets: tuple[tuple[str, frozenset[str]], ...]) -> Flat | None:
    """``+ WAS_ * TO_ ^ FROM $`` into units before and after the verb; None if a synset is unknown."""
    table = dict(synsets)
    sides: tuple[list[Unit], list[Unit]] = ([], [])
    side = 0
    for word in BRACKETS.sub(" ", text).replace("*", " * ").split():
        if word == "*":
            side = 1
        elif word in MARKERS:
            sides[side].append(Unit(marker=word))
        elif word.strip("_") and word != "^":
            unit = read_unit(word, table)
            if unit is None:
                return None
            sides[side].append(unit)
    return Flat(tuple(sides[0]), tuple(sides[1]))


def read_unit(word: str, synsets: dict[str, frozenset[str]]) -> Unit | None:
    parts: list[frozenset[tuple[str, ...]]] = []
    for piece in (p for p in word.strip("_").split("_") if p):
        if piece.startswith("&"):
            members = synsets.get(piece.rstrip("_"))
            if members is None:
                return None
            parts.append(frozenset(tuple(m.upper().split()) for m in members))
        else:
            upper = piece.upper()
            parts.append(frozenset({(upper,), (plural(upper.lower()).upper(),)}))
    return Unit(tuple(parts), "", word.startswith("_"), word.endswith("_")) if parts else None


def flat_match(doc: Doc, verb: Token, flat: Flat) -> FlatMatch | None:
    """The flat pattern in the verb's sentence: units after the verb in order from it, units
    before it in order back from it; None when a unit is missing."""
    if not (flat.before or flat.after):
        return None
    start, end = sentence_spans(doc)[sentence_index(doc, verb.i)]
    words = [t.text.upper() for t in doc]
    lemmas = [t.lemma_.upper() for t in doc]
    found = FlatMatch()
    if not match_after(words, lemmas, flat.after, verb.i + 1, end, found):
        return None
    if not match_before(words, lemmas, flat.before, verb.i, start, found):
        return None
    return found


def match_after(
    words: list[str], lemmas: list[str], units: tuple[Unit, ...], position: int, end: int, found: FlatMatch
) -> bool:
    adjacent = False
    for unit in units:
        if unit.marker:
            found.marks[unit.marker] = (position, 1)
            continue
        last = min(position + 1, end) if adjacent or unit.glued else end
        at = next((i for i in range(position, last) if unit_at(words, lemmas, unit, i, end)), None)
        if at is None:
            return False
        length = unit_at(words, lemmas, unit, at, end)
        found.tokens += list(range(at, at + length))
        position, adjacent = at + length, unit.glues
    return True


def match_before(
    words: list[str], lemmas: list[str], units: tuple[Unit, ...], position: int, start: int, found: FlatMatch
) -> bool:
    """Backwards from the verb: ``position`` is where the next match (or the verb) begins."""
    adjacent = False  # the unit after this one must follow it right away
    for unit in reversed(units):
        if unit.marker:
            found.marks[unit.marker] = (position, -1)
            continue
        lowest = position - 2 if adjacent or unit.glues else start - 1
        at = None
        for last in range(position - 1, max(lowest, start - 1), -1):  # the unit's last word at ``last``
            at = unit_ending_at(words, lemmas, unit, last, start)
            if at is not None:
                found.tokens += list(range(at, last + 1))
                break
        if at is None:
            return False
        position, adjacent = at, unit.glued
    return True


def unit_at(words: list[str], lemmas: list[str], unit: Unit, at: int, end: int) -> int:
    """The number of tokens the unit covers from ``at``, 0 when it does not match there."""
    position = at
    for part in unit.parts:
        length = next(
            (len(alt) for alt in sorted(part, key=len, reverse=True) if fits(words, lemmas, alt, position, end)), 0
        )
        if not length:
            return 0
        position += length
    return position - at


def unit_ending_at(words: list[str], lemmas: list[str], unit: Unit, last: int, start: int) -> int | None:
    """Where the unit begins when it ends at ``last``, or None."""
    for begin in range(last, start - 1, -1):
        length = unit_at(words, lemmas, unit, begin, last + 1)
        if length and begin + length == last + 1:
            return begin
        if last - begin > 8:
            break
    return None


def fits(words: list[str], lemmas: list[str], alternative: tuple[str, ...], at: int, end: int) -> bool:
    if at + len(alternative) > end:
        return False
    return all(words[at + k] == w or lemmas[at + k] == w for k, w in enumerate(alternative))


def nearest_arguments(scene: Scene, verb: Token, found: Arguments) -> Arguments:
    """PETRARCH-1: with no subject or object naming an actor, the source is the nearest actor
    before the verb and the target the first actor after it, in the verb's sentence."""
    start, end = sentence_spans(scene.doc)[sentence_index(scene.doc, verb.i)]
    if found.passive and (not found.sources or found.placed):
        # no parse in PETRARCH-1: a passive with no agent is read in word order like any verb
        # ("The Philippines was criticized over its dispute with Eriador": PHL → ERI)
        found = Arguments((), (), True)
    before = [scene.actors_by_token[i] for i in range(verb.i - 1, start - 1, -1) if i in scene.actors_by_token]
    sources = found.sources or tuple(before[:1])
    countries = {a.country for a in sources}
    targets = tuple(t for t in found.targets if t.country)
    # the first actor after the verb in its clause: not past a comma ("… crowds burned down its
    # embassy, a senior Bree official said": the official is no target of the burning)
    comma = next((i for i in range(verb.i + 1, end) if scene.doc[i].text in (",", ";")), end)
    after = [
        i
        for i in range(verb.i + 1, comma)
        if i in scene.actors_by_token and scene.actors_by_token[i].country not in countries | {None}
    ]
    return Arguments(sources, targets or first_with_conjuncts(scene, after[:1]), found.passive)


def first_with_conjuncts(scene: Scene, first: list[int]) -> tuple[Actor, ...]:
    """The first actor after the verb, and those joined to it ("believes Dagolath and Osgiliath
    can cope": both)."""
    if not first:
        return ()
    token = scene.doc[first[0]]
    joined = [scene.actors_by_token[c.i] for c in token.conjuncts if c.i in scene.actors_by_token]
    return tuple({a.id: a for a in (scene.actors_by_token[token.i], *joined)}.values())


def marked_arguments(scene: Scene, match: FlatMatch, found: Arguments) -> Arguments:
    """ "+ WAS_ * IN $": the actor next to ``$`` is the source, next to ``+`` the target."""
    source, target = (mark_actor(scene, match.marks.get(mark)) for mark in ("$", "+"))
    sources = (source,) if source is not None else found.sources
    # "% HAVE *": the actors named before the verb code each other; "* WITH %": the actors named
    # after it are all targets
    mark = match.marks.get("%")
    compound = marked_actors(scene, mark)
    if len({a.country for a in compound}) > 1 and mark is not None:
        if mark[1] < 0:
            return Arguments(compound, (), found.passive)
        return Arguments(sources, tuple(a for a in compound if a not in sources), found.passive)
    if target is not None:
        return Arguments(sources, (target,), found.passive)
    countries = {a.country for a in sources}
    return Arguments(sources, tuple(t for t in found.targets if t.country not in countries), found.passive)


def marked_actors(scene: Scene, mark: tuple[int, int] | None) -> tuple[Actor, ...]:
    """Every actor, one per country, from a mark's position to the start (before the verb) or the
    end (after it) of the sentence."""
    if mark is None:
        return ()
    position, direction = mark
    doc = scene.doc
    start, end = sentence_spans(doc)[sentence_index(doc, min(position, len(doc) - 1))]
    steps = range(position, end) if direction > 0 else range(start, position)
    by_country: dict[str, Actor] = {}
    for i in steps:
        actor = scene.actors_by_token.get(i)
        if actor is not None and actor.country:
            by_country.setdefault(actor.country, actor)
    return tuple(by_country.values())


def mark_actor(scene: Scene, mark: tuple[int, int] | None) -> Actor | None:
    """The first actor from a mark's position, forwards (after the verb) or backwards (before it)."""
    if mark is None:
        return None
    position, direction = mark
    doc = scene.doc
    start, end = sentence_spans(doc)[sentence_index(doc, min(position, len(doc) - 1))]
    steps = range(position, end) if direction > 0 else range(position - 1, start - 1, -1)
    return next((scene.actors_by_token[i] for i in steps if i in scene.actors_by_token), None)
