"""Loose matching of names and text anchors between gold and system output."""

from __future__ import annotations

import re

from ..knowledge.lexicon import fold_accents

# What the rest of the package uses; the module is internal to its stage.
__all__ = ["fold", "names_match", "quote_opens_with", "quote_starts_with", "texts_overlap"]

# Words that do not make two names differ ("the United States" is "United States").
NAME_STOPWORDS = frozenset({"the", "of", "and", "for", "mr", "mrs", "ms", "dr"})
# A quote is found when the gold's opening words appear within the start of a system quote:
# this many of them, and looked for within this many words of its start (an indirect quote may
# begin with "that" or a speaker's aside).
QUOTE_OPENING_WORDS = 5
QUOTE_OPENING_WINDOW = 12


def fold(text: str) -> str:
    """Lower case, without accents, curly quotes or punctuation, spaces collapsed."""
    text = fold_accents(text)
    text = re.sub(r"[\u2018\u2019']", "", text)
    return " ".join(re.findall(r"\w+", text))


def name_tokens(name: str) -> list[str]:
    return [t for t in fold(name).split() if t not in NAME_STOPWORDS]


def names_match(gold: str, system: str) -> bool:
    """The same name, one a part of the other ("Alipov", "Denis Alipov"), or an acronym of it."""
    g, s = name_tokens(gold), name_tokens(system)
    if not g or not s:
        return False
    if g == s or is_part(g, s) or is_part(s, g):
        return True
    return acronym(g) == "".join(s) or acronym(s) == "".join(g)


def is_part(short: list[str], long: list[str]) -> bool:
    """Every word of ``short`` is in ``long``, in order."""
    it = iter(long)
    return all(word in it for word in short)


def acronym(tokens: list[str]) -> str:
    return "".join(t[0] for t in tokens) if len(tokens) > 1 else ""


def texts_overlap(gold: str, system: str) -> bool:
    """One text anchor inside the other, after folding ("Monday" and "on Monday")."""
    g, s = fold(gold), fold(system)
    return bool(g and s) and (g in s or s in g)


def quote_opens_with(quote: str, opening: str) -> bool:
    """The gold's opening words appear at (or near) the start of a system quote."""
    head = fold(opening).split()[:QUOTE_OPENING_WORDS]
    words = fold(quote).split()[: QUOTE_OPENING_WINDOW + len(head)]
    return bool(head) and any(words[i : i + len(head)] == head for i in range(len(words) - len(head) + 1))


def quote_starts_with(quote: str, opening: str) -> bool:
    """The system quote begins with the gold's opening words."""
    head = fold(opening).split()[:QUOTE_OPENING_WORDS]
    return bool(head) and fold(quote).split()[: len(head)] == head
