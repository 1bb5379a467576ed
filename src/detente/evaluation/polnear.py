"""PolNeAR's dev split as a quotation suite: brat attributions (Source, Cue, Content) read from
``../shared/suites/polnear/dev`` and scored against Détente's quotes.

An attribution is a quotation when its content is in quotation marks or its cue is a verb of
saying (``data/evaluation/polnear_cues.txt``, ``according``): a list frozen apart from the
coder's own ``data/speech_verbs.txt``, so that the set scored does not move with the coder.
Quotes and contents are compared as the words they cover where they stand in the article: the
words of the coded text are aligned with those of the annotated file (the cleaner may change
spacing or drop the headline), and a quote finds an attribution when it covers most of the
content's words (``FOUND_SHARE``) there. Of several that do, the one covering most, then with
fewest words outside, is the attribution's quote. Its speaker is right when it matches the Source
span (the name, or the very words "he", "the source" the speaker was read from), and an
attribution with no source is right with no speaker. Where the annotation swapped Source and Cue
(a Source that is the word "said" beside a Cue that names someone: 5 quotations of the dev
split), the Cue is read as the Source.
Precision: the share of Détente quotes with most of their words (``INSIDE_SHARE``) inside one
quotation's content, which they cover ``FOUND_SHARE`` of. Some articles were annotated twice; the
first annotation file (by name) is the one scored.
"""

from __future__ import annotations

import bisect
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache
from pathlib import Path

from ..knowledge.files import word_list
from ..knowledge.lexicon import fold_accents
from ..read.sources import RawArticle, read_txt
from ..record import Failure, Quote, Record
from .gold import GoldMissing, require
from .matching import fold, names_match
from .scores import Accuracy, Table

# What the rest of the package uses; the module is internal to its stage.
__all__ = ["POLNEAR_DEV", "PolnearArticle", "polnear_articles", "read_attributions", "score_polnear"]

POLNEAR_DEV = "suites/polnear/dev"
# A quote finds an attribution when it covers at least this share of the content's words.
FOUND_SHARE = 0.5
# A quote is an attribution's (for precision) when this share of its words are in the content.
INSIDE_SHARE = 0.5
QUOTE_MARKS = re.compile('["“”]')
WORD = re.compile(r"\w+")
# Word positions in the annotated file.
Positions = frozenset[int]


@dataclass(frozen=True)
class Attribution:
    content: str
    cue: str | None
    source: str | None
    # The content's character ranges in the annotated file (brat's "start end;start end").
    ranges: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class PolnearArticle:
    name: str
    raw: RawArticle
    attributions: tuple[Attribution, ...]
    # The annotated file, headline included: the text the ranges count in.
    text: str = ""


def read_attributions(text: str) -> list[Attribution]:
    """The attributions of a brat ``.ann`` file: each event line joins its Content, Cue and Source."""
    spans: dict[str, str] = {}
    ranges: dict[str, tuple[tuple[int, int], ...]] = {}
    events: list[dict[str, str]] = []
    for line in text.splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 3:
            spans[fields[0]] = fields[2]
            ranges[fields[0]] = brat_ranges(fields[1])
        elif line.startswith("E") and len(fields) >= 2:
            roles = dict(part.split(":", 1) for part in fields[1].split() if ":" in part)
            events.append({role.split("-")[0]: ref for role, ref in roles.items()})
    return [
        Attribution(
            spans[e["Content"]], spans.get(e.get("Cue", "")), spans.get(e.get("Source", "")), ranges[e["Content"]]
        )
        for e in events
        if e.get("Content") in spans
    ]


def brat_ranges(label: str) -> tuple[tuple[int, int], ...]:
    """The character ranges of a span's label, "Content 315 448;463 553"."""
    _, _, offsets = label.partition(" ")
    pairs = [part.split() for part in offsets.split(";")]
    return tuple((int(pair[0]), int(pair[1])) for pair in pairs if len(pair) == 2)


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
        data = text_path.read_bytes()
        item = next(read_txt(io.BytesIO(data), str(text_path)))
        if isinstance(item, Failure):
            raise GoldMissing(f"{text_path}: {item.detail}")
        attributions = read_attributions(path.read_text(encoding="utf-8"))
        articles.append(PolnearArticle(name, item, tuple(attributions), data.decode("utf-8")))
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


class WordMap:
    """The words of the annotated file, and where each word of the coded text stands among them
    (the two word sequences aligned: the cleaner may drop the headline or change spacing)."""

    def __init__(self, annotated: str, coded: str) -> None:
        self.annotated, annotated_words = starts_and_words(annotated)
        self.coded, coded_words = starts_and_words(coded)
        matcher = SequenceMatcher(None, coded_words, annotated_words, autojunk=False)
        self.to_annotated = {
            block.a + k: block.b + k for block in matcher.get_matching_blocks() for k in range(block.size)
        }

    def content(self, ranges: Sequence[tuple[int, int]]) -> Positions:
        return frozenset(i for start, end in ranges for i in between(self.annotated, start, end))

    def quote(self, start: int, end: int) -> Positions:
        return frozenset(self.to_annotated[i] for i in between(self.coded, start, end) if i in self.to_annotated)


def starts_and_words(text: str) -> tuple[list[int], list[str]]:
    """Where each word of the text starts, and the words without case or accents."""
    found = list(WORD.finditer(text))
    return [m.start() for m in found], [fold_accents(m.group()) for m in found]


def between(starts: list[int], start: int, end: int) -> range:
    """The indexes of the words that start within [start, end)."""
    return range(bisect.bisect_left(starts, start), bisect.bisect_left(starts, end))


def share(part: Positions, whole: Positions) -> float:
    """The share of ``whole``'s words that ``part`` covers."""
    return len(part & whole) / len(whole) if whole else 0.0


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
        where = WordMap(article.text, record.article.text if record else "")
        covered = [where.quote(q.start, q.end) for q in quotes]
        quotations = [(a, where.content(a.ranges)) for a in article.attributions if is_quotation(a, forms)]
        for attribution, content in quotations:
            best = quote_of(content, covered)
            found.add(best is not None)
            if best is None:
                misses.append(f"{article.name}: not found: “{attribution.content[:70]}” ({attribution.source})")
                continue
            right = speaker_right(attribution, quotes[best])
            speaker.add(right)
            if not right:
                chosen = quotes[best].speaker
                said = chosen.name if chosen is not None else None
                misses.append(f"{article.name}: “{attribution.content[:60]}” is {attribution.source}'s, said by {said}")
        for quote, mine in zip(quotes, covered, strict=True):
            ours = any(share(c, mine) >= INSIDE_SHARE and share(mine, c) >= FOUND_SHARE for _, c in quotations)
            precision.add(ours)
            if not ours:
                misses.append(f"{article.name}: extra: “{quote.text[:70]}”")
    table.accuracies.update(found=found, speaker_accuracy=speaker, quote_precision=precision)
    table.notes.append(
        "Quotations: attributions with quoted content or a speech-verb cue. Words are compared where they"
        f" stand in the article. found: a quote covering at least {FOUND_SHARE:.0%} of the content's words;"
        f" speaker: of those found; precision: Détente quotes with {INSIDE_SHARE:.0%} of their words inside"
        f" some quotation's content, which they cover {FOUND_SHARE:.0%} of (a quote that matches only an"
        " attribution of belief or finding counts against it)."
    )
    return table, misses


def quote_of(content: Positions, covered: Sequence[Positions]) -> int | None:
    """The quote that covers most of the content (fewest words outside it on a tie), if it covers
    at least ``FOUND_SHARE``."""
    found = [i for i, mine in enumerate(covered) if share(mine, content) >= FOUND_SHARE]
    return max(found, key=lambda i: (len(covered[i] & content), -len(covered[i] - content)), default=None)
