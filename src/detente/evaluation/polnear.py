"""PolNeAR's dev split as a quotation suite: brat attributions (Source, Cue, Content) read from
``../shared/suites/polnear/dev`` and scored against Détente's quotes.

An attribution is a quotation when its content is in quotation marks or its cue is a verb of
saying (``data/evaluation/polnear_cues.txt``, ``according``): a list frozen apart from the
coder's own ``data/speech_verbs.txt``, so that the set scored does not move with the coder. It is
found when one Détente quote has most of the content's words (``FOUND_SHARE``); its speaker is
right when the quote's speaker matches the Source span (the name, or the very words "he", "the
source" the speaker was read from), and an attribution with no source is right with no speaker.
Where the annotation swapped Source and Cue (a Source that is the word "said" beside a Cue that
names someone: 5 quotations of the dev split), the Cue is read as the Source.
Precision: the share of Détente quotes that find a quotation with most of their own words inside
its content. Offsets are not compared: the text is matched by words, so the cleaner may change
spacing or drop the headline. Some articles were annotated twice; the first annotation file (by
name) is the one scored.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..knowledge.files import word_list
from ..read.sources import RawArticle, read_txt
from ..record import Failure, Quote, Record
from .gold import GoldMissing, require
from .matching import fold, names_match
from .scores import Accuracy, Table

# What the rest of the package uses; the module is internal to its stage.
__all__ = ["POLNEAR_DEV", "PolnearArticle", "polnear_articles", "read_attributions", "score_polnear"]

POLNEAR_DEV = "suites/polnear/dev"
# A quote finds an attribution when it has at least this share of the content's words.
FOUND_SHARE = 0.5
# A quote is an attribution's (for precision) when this share of its words are in the content.
INSIDE_SHARE = 0.5
QUOTE_MARKS = re.compile('["“”]')


@dataclass(frozen=True)
class Attribution:
    content: str
    cue: str | None
    source: str | None


@dataclass(frozen=True)
class PolnearArticle:
    name: str
    raw: RawArticle
    attributions: tuple[Attribution, ...]


def read_attributions(text: str) -> list[Attribution]:
    """The attributions of a brat ``.ann`` file: each event line joins its Content, Cue and Source."""
    spans: dict[str, str] = {}
    events: list[dict[str, str]] = []
    for line in text.splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 3:
            spans[fields[0]] = fields[2]
        elif line.startswith("E") and len(fields) >= 2:
            roles = dict(part.split(":", 1) for part in fields[1].split() if ":" in part)
            events.append({role.split("-")[0]: ref for role, ref in roles.items()})
    return [
        Attribution(spans[e["Content"]], spans.get(e.get("Cue", "")), spans.get(e.get("Source", "")))
        for e in events
        if e.get("Content") in spans
    ]


def polnear_articles(shared: Path) -> list[PolnearArticle]:
    """Each text with its first annotation file."""
    root = require(shared, POLNEAR_DEV)
    annotations: dict[str, Path] = {}
    for path in sorted((root / "attributions").glob("*.ann")):
        annotations.setdefault(re.sub(r"_[0-9a-f]+$", "", path.stem), path)
    articles = []
    for name, path in sorted(annotations.items()):
        text_path = root / "text" / f"{name}.txt"
        if not text_path.exists():
            continue
        with text_path.open("rb") as stream:
            item = next(read_txt(stream, str(text_path)))
        if isinstance(item, Failure):
            raise GoldMissing(f"{text_path}: {item.detail}")
        attributions = read_attributions(path.read_text(encoding="utf-8"))
        articles.append(PolnearArticle(name, item, tuple(attributions)))
    if not articles:
        raise GoldMissing(f"{root}: no annotated texts")
    return articles


def is_quotation(attribution: Attribution, speech_forms: frozenset[str]) -> bool:
    cue_words = fold(attribution.cue or "").split()
    return bool(QUOTE_MARKS.search(attribution.content)) or any(w in speech_forms for w in cue_words)


@cache
def speech_forms() -> frozenset[str]:
    """The verbs of saying in their usual forms ("say", "says", "said", "saying")."""
    forms = {"according"}
    for lemma in word_list("evaluation/polnear_cues.txt"):
        stem = lemma[:-1] if lemma.endswith("e") else lemma
        forms |= {lemma, f"{lemma}s", f"{stem}ed", f"{stem}ing", f"{lemma}d", f"{lemma}es"}
    return frozenset(forms | {"said", "told", "wrote", "spoke", "spoken", "written", "thought", "stated"})


def words(text: str) -> Counter[str]:
    return Counter(fold(text).split())


def share(part: Counter[str], whole: Counter[str]) -> float:
    """The share of ``whole``'s words that ``part`` has."""
    total = sum(whole.values())
    return sum((part & whole).values()) / total if total else 0.0


# A possessive ending on a Source span ("Trump's claim that …"): the source is the owner.
POSSESSIVE = re.compile(r"[’']s?$")


def source_of(attribution: Attribution) -> str | None:
    """The Source span, its owner for a possessive; the Cue span where the annotation swapped
    the two (a Source that is a lone verb of saying, "said", beside a Cue that names someone)."""
    source, cue = attribution.source, attribution.cue
    if source is not None and cue is not None and fold(source) in speech_forms() and fold(cue) not in speech_forms():
        source = cue
    return POSSESSIVE.sub("", source) if source else None


def speaker_right(attribution: Attribution, quote: Quote) -> bool:
    source = source_of(attribution)
    if source is None:
        return quote.speaker is None
    if quote.speaker is None:
        return False
    named = [quote.speaker.name, quote.speaker.mention.text if quote.speaker.mention else None]
    said = [s for s in named if s]
    return any(names_match(source, s) or fold(s) == fold(source) for s in said)


def score_polnear(cases: Sequence[tuple[PolnearArticle, Record | None]]) -> tuple[Table, list[str]]:
    table = Table("PolNeAR dev attributions (quotations)", "polnear")
    found, speaker, precision = Accuracy(), Accuracy(), Accuracy()
    misses: list[str] = []
    forms = speech_forms()
    for article, record in cases:
        quotes = list(record.quotes) if record else []
        quote_words = [words(q.text) for q in quotes]
        contents = [words(a.content) for a in article.attributions]
        for attribution, content in zip(article.attributions, contents, strict=True):
            if not is_quotation(attribution, forms):
                continue
            best = max(range(len(quotes)), key=lambda i: share(quote_words[i], content), default=None)
            if best is None or share(quote_words[best], content) < FOUND_SHARE:
                found.add(False)
                misses.append(f"{article.name}: not found: “{attribution.content[:70]}” ({attribution.source})")
                continue
            found.add(True)
            right = speaker_right(attribution, quotes[best])
            speaker.add(right)
            if not right:
                chosen = quotes[best].speaker
                said = chosen.name if chosen is not None else None
                misses.append(f"{article.name}: “{attribution.content[:60]}” is {attribution.source}'s, said by {said}")
        quotations = [c for a, c in zip(article.attributions, contents, strict=True) if is_quotation(a, forms)]
        for q, mine in zip(quotes, quote_words, strict=True):
            ours = any(share(c, mine) >= INSIDE_SHARE and share(mine, c) >= FOUND_SHARE for c in quotations)
            precision.add(ours)
            if not ours:
                misses.append(f"{article.name}: extra: “{q.text[:70]}”")
    table.accuracies.update(found=found, speaker_accuracy=speaker, quote_precision=precision)
    table.notes.append(
        "Quotations: attributions with quoted content or a speech-verb cue. found: a quote with at least"
        f" {FOUND_SHARE:.0%} of the content's words; speaker: of those found; precision: Détente quotes with"
        f" {INSIDE_SHARE:.0%} of their words inside some quotation's content, which they cover {FOUND_SHARE:.0%} of"
        " (a quote that matches only an attribution of belief or finding counts against it)."
    )
    return table, misses
