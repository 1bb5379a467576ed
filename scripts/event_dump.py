"""Every event Détente codes on a fixed-seed sample of unseen texts (whitehouse-2022 and Wikinews
2019, gold/dev left out; the sample of scripts/rule_firings.py), one per line, to compare two
versions of the coder: what a change adds and removes is read by eye.

    python scripts/event_dump.py --texts 400 > new.tsv
    git worktree add ../old <rev> && PYTHONPATH=../old/src python scripts/event_dump.py --texts 400 > old.tsv
    python scripts/event_dump.py --diff old.tsv new.tsv

With --matching REGEX (and --corpus FILE ...), the first --texts texts of those corpus files that
the pattern finds instead of the sample: every text of a rare construction.

Columns: article, source->target type modality, rule and steps, the sentence.

With --quotes, every quote instead: article, kind, speaker (name and actor), cue, the quote.
With --actors, every actor instead: article, name, country, sector, and the words around its
first mention.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from rule_firings import matching_texts, unseen_texts  # noqa: E402

from detente.pipeline.extract import extract_many  # noqa: E402
from detente.read.sources import RawArticle  # noqa: E402
from detente.record import Record  # noqa: E402


def dump(raws: list[RawArticle], quotes: bool = False, actors: bool = False) -> None:
    for record in extract_many(raws):
        if not isinstance(record, Record):
            continue
        if quotes or actors:
            (dump_quotes if quotes else dump_actors)(record)
            continue
        text = record.article.text
        for e in record.events:
            target = e.target.country if e.target else None
            sentence = " ".join(text[e.sentence.start : e.sentence.end].split())[:220]
            pair = f"{e.source.country}->{target} {e.plover.type} {e.modality}"
            print(f"{record.article.id}\t{pair}\t{e.provenance}\t{sentence}")


def dump_quotes(record: Record) -> None:
    for q in record.quotes:
        speaker = f"{q.speaker.name} ({q.speaker.actor})" if q.speaker else "-"
        print(f"{record.article.id}\t{q.kind}\t{speaker}\t{q.cue}\t{' '.join(q.text.split())[:200]}")


def dump_actors(record: Record) -> None:
    text = record.article.text
    for a in record.actors:
        first = min(a.mentions, key=lambda m: m.start, default=None)
        around = " ".join(text[max(0, first.start - 60) : first.end + 60].split()) if first else ""
        print(f"{record.article.id}\t{a.name}\t{a.country}\t{a.sector}\t{around}")


def diff(old: Path, new: Path) -> None:
    before = Counter(old.read_text(encoding="utf-8").splitlines())
    after = Counter(new.read_text(encoding="utf-8").splitlines())
    for line in sorted((before - after).elements()):
        print("-", line)
    for line in sorted((after - before).elements()):
        print("+", line)
    print(f"{sum((before - after).values())} removed, {sum((after - before).values())} added", file=sys.stderr)


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--texts", type=int, default=400)
    parser.add_argument("--diff", nargs=2, type=Path, metavar=("OLD", "NEW"))
    parser.add_argument("--quotes", action="store_true", help="dump the quotes, not the events")
    parser.add_argument("--actors", action="store_true", help="dump the actors, not the events")
    parser.add_argument("--matching", metavar="REGEX", help="the texts this pattern finds, not the sample")
    parser.add_argument("--corpus", nargs="+", default=["whitehouse-2022.jsonl", "wikinews-2019.jsonl"])
    args = parser.parse_args(argv)
    if args.diff:
        diff(*args.diff)
        return
    raws = matching_texts(args.matching, args.corpus, args.texts) if args.matching else unseen_texts(args.texts)
    dump(raws, args.quotes, args.actors)


if __name__ == "__main__":
    main(sys.argv[1:])
