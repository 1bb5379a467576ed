"""Which verb-dictionary block and patterns a verb takes: multi-word verbs, patterns written for
the verb (CAMEO 2.0's comments), and PETRARCH2 patterns matched against the verb's dependents."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..nlp import words_of
from .verbs import Block, Element, Pattern, Phrasal, VerbDictionary

if TYPE_CHECKING:
    from spacy.tokens import Token

# What the rest of the package uses; the module is internal to its stage.
__all__ = ["around_of", "block_for", "passive_participle", "pattern_matches", "phrasal_of", "verb_patterns"]


@dataclass(frozen=True)
class Word:
    """A dependent of the verb as patterns read it: its text and lemma, and its children's."""

    text: str
    lemma: str
    children: frozenset[str]


# The verb's subjects, its dependents, its own prepositions with their objects, and its
# dependents' prepositions with theirs.
Around = tuple[list[Word], list[Word], list[tuple[str, list[Word]]], list[tuple[str, list[Word]]]]


def passive_participle(verb: Token) -> bool:
    """ "Asked whether …, Alipov said": the participle's implied subject is its target, not its source."""
    if verb.tag_ != "VBN" or verb.dep_ not in ("advcl", "acl"):
        return False
    return not any(c.dep_.startswith("nsubj") for c in verb.children)


def pattern_matches(around: Around, pattern: Pattern) -> bool:
    if not (pattern.before or pattern.after):
        return False
    subjects, dependents, own_preps, noun_preps = around
    for element in pattern.before:
        if element.kind == "noun" and not any(noun_matches(s, element) for s in subjects):
            return False
    # a preposition on the verb's object counts when the pattern names that object ("HOLD * TALKS
    # (WITH)": "held talks with Iran"); "ATTACK * (FOR)" (criticise for) wants the verb's own, not
    # the one in "attacked a camp for refugees"
    named = any(e.kind == "noun" and e.words for e in pattern.after)
    preps = own_preps + noun_preps if named else own_preps
    for element in pattern.after:
        if element.kind == "noun" and not any(noun_matches(d, element) for d in dependents):
            return False
        if element.kind == "prep" and not any(prep_matches(p, element) for p in preps):
            return False
    return True


def noun_matches(word: Word, element: Element) -> bool:
    if not element.words:
        return True
    *modifiers, head = element.words
    if not (word.text in head or word.lemma in head):
        return False
    return all(word.children & words for words in modifiers)


def prep_matches(prep: tuple[str, list[Word]], element: Element) -> bool:
    text, objects = prep
    if text != element.prep:
        return False
    if element.object is None or element.object.kind == "any":
        return True
    return any(noun_matches(o, element.object) for o in objects)


def around_of(verb: Token) -> Around:
    """A verb's subjects, dependents and prepositions, read once for every pattern of its block."""
    # in the passive the patient fills the object's place ("the attack was claimed by the Houthis":
    # CLAIM * ATTACK), as PETRARCH2 reads passives
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    dependents = [
        c for c in verb.children if c.dep_ in ("dobj", "attr", "xcomp", "advmod", "prt", "oprd", "acomp", "nsubjpass")
    ]
    # not a preposition inside a name the parser split ("welcomed … the Global Coalition to Defeat ISIS")
    preps = [c for c in verb.children if c.dep_ in ("prep", "agent", "dative") and c.ent_iob_ != "I"]
    noun_preps = [p for d in dependents for p in d.children if p.dep_ == "prep"]
    return (
        [word_of(s) for s in subjects],
        [word_of(d) for d in dependents],
        prep_objects(preps),
        prep_objects(noun_preps),
    )


def prep_objects(preps: list[Token]) -> list[tuple[str, list[Word]]]:
    return [(p.text.upper(), [word_of(c) for c in p.children if c.dep_ == "pobj"]) for p in preps if not when(p)]


def when(prep: Token) -> bool:
    """ "called Putin on Tuesday": a phrase of time is no pattern's preposition (CALL * (ON) is an appeal)."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return bool(objects) and all(o.ent_type_ in ("DATE", "TIME") for o in objects)


def word_of(token: Token) -> Word:
    children = token.children
    names = frozenset(n for c in children for n in (c.text.upper(), c.lemma_.upper()))
    return Word(token.text.upper(), token.lemma_.upper(), names)


def verb_patterns(block: Block, base: str) -> tuple[tuple[Pattern, ...], tuple[Pattern, ...]]:
    """The block's patterns written for ``base`` (or for any verb), and the other verbs' patterns
    of several words; worked out once per block and verb."""
    if base not in block.splits:
        own = tuple(p for p in block.patterns if not p.verb or p.verb == base)
        others = tuple(p for p in block.patterns if p.verb and p.verb != base and several_words(p))
        block.splits[base] = (own, others)
    return block.splits[base]


def several_words(pattern: Pattern) -> bool:
    elements = [*pattern.before, *pattern.after]
    words = sum(len(e.words) + (len(e.object.words) if e.object else 0) + (1 if e.prep else 0) for e in elements)
    return words >= 2


def block_for(verbs: VerbDictionary, verb: Token) -> tuple[Block, str] | None:
    """The verb's block: a multi-word verb's when its other words stand around it ("cordoned off",
    "wire tapped"), else the single word's, by its lemma where its form is not listed (British
    spellings the generated forms miss: "travelled", "cancelled"). A user's dictionary is read
    as PETRARCH reads it, by its forms only."""
    entry = phrasal_entry(verbs, verb)
    if entry is not None:
        return verbs.blocks[entry.block], entry.code
    found = verbs.block_of(verb.text)
    if found is None and verbs.packaged and verb.tag_.startswith("VB") and verb.lemma_.lower() != verb.lower_:
        found = verbs.block_of(verb.lemma_)
    return found


def phrasal_of(verbs: VerbDictionary, verb: Token) -> str:
    entry = phrasal_entry(verbs, verb)
    return entry.verb if entry is not None else ""


def phrasal_entry(verbs: VerbDictionary, verb: Token) -> Phrasal | None:
    texts = words_of(verb.doc).texts
    for entry in verbs.phrasal.get(texts[verb.i].upper(), []):
        start, end = verb.i - len(entry.before), verb.i + 1 + len(entry.after)
        if start < 0 or end > len(texts):
            continue
        before = tuple(t.upper() for t in texts[start : verb.i])
        after = tuple(t.upper() for t in texts[verb.i + 1 : end])
        particle = len(entry.after) == 1 and any(
            c.dep_ == "prt" and c.text.upper() == entry.after[0] for c in verb.children
        )
        if before == entry.before and (after == entry.after or particle):
            return entry
    return None
