"""Themes: the taxonomy in ``data/themes.toml`` assigned to an article, with the words that did it.

Terms are matched with one spaCy ``PhraseMatcher`` (case-insensitive, whole tokens), so adding a
thousand terms costs nothing per article. Events take the themes of their CAMEO codes
(``event_themes``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from ..knowledge.files import toml_data
from ..record import ThemeTrigger

if TYPE_CHECKING:
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

# What the rest of the package uses; the module is internal to its stage.
__all__ = ["article_themes", "event_themes", "find_theme_triggers", "taxonomy"]

# An article is about a theme when its terms occur at least this often: one passing mention
# ("the security of the venue") is not a theme; on the dev articles two separates the two.
MIN_HITS = 2


@dataclass(frozen=True)
class Theme:
    code: str
    label: str
    terms: tuple[str, ...]
    cameo: tuple[str, ...]


@cache
def taxonomy() -> tuple[Theme, ...]:
    data = toml_data("themes.toml")
    return tuple(
        Theme(code, entry["label"], tuple(entry["terms"]), tuple(entry.get("cameo", ())))
        for code, entry in data.items()
    )


def variants(term: str) -> list[str]:
    """A term and its plural, as text (the matcher compares lower-case tokens)."""
    plural = term + ("es" if term.endswith(("s", "x", "ch", "sh")) else "s")
    return [term] if term[-1].isdigit() else [term, plural]


@cache
def matcher(vocab: Vocab) -> PhraseMatcher:
    """One phrase matcher over every term, per vocabulary (built once per process)."""
    from spacy.lang.en import English
    from spacy.matcher import PhraseMatcher

    tokenizer = English(vocab=vocab).tokenizer
    phrase_matcher = PhraseMatcher(vocab, attr="LOWER")
    for theme in taxonomy():
        phrase_matcher.add(theme.code, [tokenizer(v) for t in theme.terms for v in variants(t.lower())])
    return phrase_matcher


def find_theme_triggers(doc: Doc) -> tuple[ThemeTrigger, ...]:
    """Every term of every theme in the article, longest first where two overlap."""
    from spacy.util import filter_spans

    vocab = doc.vocab
    matches = matcher(vocab)(doc)
    spans = [doc[start:end] for _id, start, end in matches]
    labels = {(start, end): vocab.strings[match_id] for match_id, start, end in matches}
    return tuple(
        ThemeTrigger(theme=labels[(s.start, s.end)], text=s.text, start=s.start_char, end=s.end_char)
        for s in filter_spans(spans)
    )


def article_themes(triggers: tuple[ThemeTrigger, ...]) -> tuple[str, ...]:
    """The themes with at least ``MIN_HITS`` triggers, most triggered first."""
    counts = Counter(t.theme for t in triggers)
    return tuple(theme for theme, n in counts.most_common() if n >= MIN_HITS)


def event_themes(cameo: str, start: int, end: int, triggers: tuple[ThemeTrigger, ...]) -> tuple[str, ...]:
    """An event's themes: those of its CAMEO code, and those triggered inside its sentence."""
    matched = {
        t.code: max(len(c) for c in t.cameo if cameo.startswith(c)) for t in taxonomy() if cameo.startswith(t.cameo)
    }
    by_code = sorted(matched, key=lambda code: -matched[code])  # the most specific code first
    in_sentence = [t.theme for t in triggers if start <= t.start < end]
    return tuple(dict.fromkeys([*by_code, *in_sentence]))
