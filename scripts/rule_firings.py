"""What this session's rules fire on in real news: code a fixed-seed sample of unseen texts
(whitehouse-2022 and Wikinews 2019, gold/dev left out) and print, per rule, how many events or
quotes it made and a few of them with their sentences, to read by eye.

    python scripts/rule_firings.py [--texts 600]
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from detente.actors import names
from detente.actors.mentions import ArticleReading, ResolvedMention
from detente.evaluation.gold import corpus_article
from detente.facts.dates import words
from detente.pipeline.extract import extract_many
from detente.read.sources import RawArticle
from detente.record import Event, Quote, Record

if TYPE_CHECKING:
    from spacy.tokens import Span

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = ("wikinews-2019.jsonl", "whitehouse-2022.jsonl")
SEED = 7
SHOWN = 6
STEPS = ("aimed", "conversation", "done", "placed")
NOUNS = ("NOMINAL: war", "NOMINAL: aggression", "NOMINAL: discussions", "NOMINAL: assault")
CUES = frozenset(
    {"accused", "blamed", "credited", "denied", "described", "estimated", "criticized", "reaffirmed"}
    | {"underscored", "expressed", "urged", "emphasized", "highlighted", "noted", "stressed", "called"}
    | {"blaming", "attributed", "advised", "advises", "encouraged", "cautioned", "ruled", "labelled", "labeled"}
    | {"dubbed", "branded", "invited", "voiced", "conveyed", "estimates", "appealed"}
)
PRONOUNS = frozenset({"he", "she", "him", "her"})
# How far after a direct quote a name with no verb of saying is read as an attribution by dash.
DASH_REACH = 6
PRONOUN_WORDS = PRONOUNS | {"i", "you", "we", "they", "it", "some", "one", "who", "that", "which", "them", "us", "me"}


def matching_texts(pattern: str, names: list[str], count: int) -> list[RawArticle]:
    """The first ``count`` texts of these corpus files (gold/dev ones too) that ``pattern`` finds,
    in file order: every text a rare construction occurs in, where a sample would miss it."""
    found = re.compile(pattern)
    rows = (json.loads(line) for name in names for line in (SHARED / "corpus" / name).open(encoding="utf-8"))
    chosen = [r for r in rows if found.search(r["text"])][:count]
    return [corpus_article(r, r["id"], r["id"], r.get("published")) for r in chosen]


def unseen_texts(count: int) -> list[RawArticle]:
    gold = {json.loads(p.read_text())["id"] for p in (SHARED / "gold" / "dev").glob("*.json")}
    rows = [json.loads(line) for name in CORPUS for line in (SHARED / "corpus" / name).open(encoding="utf-8")]
    rows = [r for r in rows if r["id"] not in gold]
    chosen = random.Random(SEED).sample(rows, min(count, len(rows)))
    return [corpus_article(r, r["id"], r["id"], r.get("published")) for r in chosen]


def rules_of(event: Event) -> list[str]:
    found = [f"step: {s.kind}" for s in event.steps if s.kind in STEPS]
    found += [n for n in NOUNS if event.rule.startswith(n)]
    return found + (["transcript meeting"] if event.rule.startswith("TRANSCRIPT") else [])


def speaker_rule(quote: Quote) -> str | None:
    """Which speaker rule decided a quote's speaker, told from its mention and name."""
    speaker = quote.speaker
    if speaker is None or speaker.mention is None:
        return None
    said = speaker.mention.text
    if said.isupper():
        return None  # a transcript's label
    if said.lower() == "it":
        return "speaker: it, the body that spoke before or a text"
    if quote.cue is None and quote.kind == "direct" and 0 <= speaker.mention.start - quote.end <= DASH_REACH:
        return "speaker: the name after a dash"
    if speaker.name is None:
        return "speaker: unnamed, a pronoun" if said.lower() in PRONOUN_WORDS else "speaker: unnamed, a title alone"
    if said.lower() in PRONOUNS and speaker.actor is None:
        return "speaker: he/she, the person who spoke before"
    common = said[:1].islower() or said.lower().startswith(("the ", "police", "media"))
    if common and said.lower().split()[-1] not in speaker.name.lower().split()[-1:]:
        return "speaker: a title or body referring back"
    return None


def period_ends(record: Record) -> list[str]:
    """Dates right after "until", "through" … (data/dates.toml `endpoints`), with their value."""
    text, ends = record.article.text, words().endpoints
    found = []
    for d in record.dates:
        before = text[: d.start].split()[-1:]
        if before and before[0].lower() in ends:
            context = " ".join(text[max(0, d.start - 120) : d.end + 40].split())
            found.append(f"{d.value} (published {record.article.published}): …{context}")
    return found


def employers_watched(hits: dict[str, list[str]]) -> None:
    """Record each person title whose sector comes from the body it names (actors/names.employer_in)."""
    original = names.employer_in

    def watched(article: ArticleReading, title: Span) -> ResolvedMention | None:
        found = original(article, title)
        if found is not None:
            role, code = names.agent_in(article.lexicon, title)
            own = names.agent_sector(code) if code else None
            hits["actor: sector from the body a title names"].append(
                f"{own} -> {found.sector} via {found.name!r}: {title.text}"
            )
        return found

    names.employer_in = watched


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--texts", type=int, default=600)
    parser.add_argument("--shown", type=int, default=SHOWN, help="firings shown per rule")
    args = parser.parse_args(argv)
    hits: dict[str, list[str]] = collections.defaultdict(list)
    employers_watched(hits)
    for record in extract_many(unseen_texts(args.texts)):
        if not isinstance(record, Record):
            continue
        text = record.article.text
        for e in record.events:
            line = f"{e.source.country}->{e.target.country if e.target else None} {e.plover.type}: "
            line += " ".join(text[e.sentence.start : e.sentence.end].split())[:200]
            for rule in rules_of(e):
                hits[rule].append(line)
        hits["date: the end of a period (all, the rule changes few)"].extend(period_ends(record))
        for q in record.quotes:
            if q.kind == "indirect" and q.cue in CUES:
                hits[f"quote: {q.cue}"].append(f"{q.speaker.name if q.speaker else None}: {q.text[:120]}")
            kind = speaker_rule(q)
            if kind is not None and q.speaker is not None and q.speaker.mention is not None:
                context = " ".join(text[max(0, q.speaker.mention.start - 150) : q.speaker.mention.end + 60].split())
                hits[kind].append(f"{q.speaker.mention.text!r} → {q.speaker.name}: …{context}")
    rng = random.Random(SEED)
    for rule, lines in sorted(hits.items()):
        print(f"== {rule}: {len(lines)}")
        for line in rng.sample(lines, min(args.shown, len(lines))):
            print(f"   {line}")


if __name__ == "__main__":
    main(sys.argv[1:])
