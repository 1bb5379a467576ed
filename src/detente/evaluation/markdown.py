"""The evaluation as text: tables for the terminal and ``docs/quality.md``, and ``--explain``."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from ..record import Event, Record
from . import Evaluation
from .dev import happened
from .gold import GoldArticle
from .matching import fold
from .scores import Table

# What the rest of the package uses; the module is internal to its stage.
__all__ = ["explain_events", "find_sentence", "quality_markdown"]

# Misses listed per component in docs/quality.md; the rest are counted.
MISSES_LISTED = 40


def table_markdown(table: Table) -> list[str]:
    lines = [f"### {table.title}", ""]
    if table.scores:
        lines += ["| | precision | recall | F1 | tp | fp | fn |", "|---|---:|---:|---:|---:|---:|---:|"]
        for name, s in table.scores.items():
            lines.append(f"| {name} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} | {s.tp} | {s.fp} | {s.fn} |")
        lines.append("")
    if table.macros:
        lines += ["| macro-averaged over articles | precision | recall | F1 | articles |", "|---|---:|---:|---:|---:|"]
        for name, m in table.macros.items():
            lines.append(f"| {name} | {m.precision:.3f} | {m.recall:.3f} | {m.f1:.3f} | {len(m.articles)} |")
        lines.append("")
    if table.accuracies:
        lines += ["| | accuracy | right | of |", "|---|---:|---:|---:|"]
        for name, a in table.accuracies.items():
            lines.append(f"| {name} | {a.value:.3f} | {a.correct} | {a.total} |")
        lines.append("")
    return lines + [f"{note}  " for note in table.notes] + [""]


def quality_markdown(evaluation: Evaluation, problems: list[str], command: str) -> str:
    lines = [
        "# Quality",
        "",
        f"Measured on {dt.date.today().isoformat()} with `{command}` (gold from `../shared`).",
        "Figures are micro-averaged over articles or sentences unless a table says macro (the mean of",
        "per-article figures); each table says how it matches.",
        "",
        "## Gate",
        "",
        *(["Passes: every score is at or above its floor in `quality/floors.toml`."] if not problems else []),
        *(f"- FAILS: {p}" for p in problems),
        "",
        "## Scores",
        "",
    ]
    for table in evaluation.tables:
        lines += table_markdown(table)
    lines += [f"Skipped: {s}" for s in evaluation.skipped]
    lines += ["## Misses", ""]
    for component, misses in evaluation.misses.items():
        lines += [f"### {component} ({len(misses)})", "", *(f"- {m}" for m in misses[:MISSES_LISTED])]
        lines += (
            [f"- … and {len(misses) - MISSES_LISTED} more (`detente eval --explain`)"]
            if len(misses) > MISSES_LISTED
            else []
        )
        lines.append("")
    return "\n".join(lines)


def explain_events(evaluation: Evaluation) -> Iterator[str]:
    """Per gold/dev article, each missed and extra event with its sentence and what the coder did."""
    for gold_article, record in evaluation.dev:
        if record is None:
            yield f"== {gold_article.id}: the pipeline failed on this article"
            continue
        lines = list(explain_article(gold_article, record))
        if lines:
            yield f"== {gold_article.id}"
            yield from lines


def explain_article(gold_article: GoldArticle, record: Record) -> Iterator[str]:
    coded = {(e.source.country, e.target.country if e.target else None, e.plover.type) for e in record.events}
    for g in gold_article.gold["events"]:
        if (g["source"], g["target"], g["plover"]) in coded:
            continue
        yield f"MISSED {g['source']} → {g['target'] or '∅'} {g['plover']} (CAMEO {g['cameo_root']})"
        yield from explain_sentence(record, g["evidence"])
    expected = {(g["source"], g["target"], g["plover"]) for g in gold_article.gold["events"]}
    for event in (e for e in record.events if happened(e, record.article.published)):
        if (event.source.country, event.target.country if event.target else None, event.plover.type) not in expected:
            yield f"EXTRA  {describe(event)}"
            yield f"    sentence: {record.article.text[event.sentence.start : event.sentence.end]}"


def explain_sentence(record: Record, evidence: str) -> Iterator[str]:
    span = find_sentence(record.article.text, evidence)
    if span is None:
        yield f"    sentence not found in the clean text (evidence: {evidence!r}): the cleaner may have removed it"
        return
    start, end = span
    yield f"    sentence: {record.article.text[start:end]}"
    actors = sorted({a.name for a in record.actors for m in a.mentions if start <= m.start < end})
    yield f"    actors seen: {', '.join(actors) or 'none'}"
    events = [e for e in record.events if e.sentence.start < end and e.sentence.end > start]
    yield from (f"    coded: {describe(e)}" for e in events) if events else ["    coded: no event from this sentence"]


def describe(event: Event) -> str:
    target = f"{event.target.country or event.target.code} ({event.target.text})" if event.target else "∅"
    return (
        f"{event.source.country or event.source.code} ({event.source.text}) → {target} {event.plover.type}"
        f" CAMEO {event.cameo} [{event.modality}{', negated' if event.negated else ''}]"
        f" trigger “{event.trigger.text}” rule {event.provenance}"
    )


# A sentence, on one line: up to a stop followed by space and what opens a sentence, not the stop
# of an initial or a title ("Joseph R. Biden, Jr. met", "the U.S. and"), nor one inside a number
# ("1.7 million").
SENTENCE = re.compile(
    r"[^\n]+?(?:(?<!\b[A-Z])(?<!\bJr)(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bMrs)[.!?]+(?=[ \t]+[\"“‘(A-Z])|$)",
    flags=re.M,
)


def find_sentence(text: str, evidence: str) -> tuple[int, int] | None:
    """The span of the sentence (or line) of ``text`` that starts like ``evidence``."""
    words = fold(evidence).split()[:6]
    for match in SENTENCE.finditer(text):
        if fold(match.group()).split()[: len(words)] == words or " ".join(words) in fold(match.group()):
            return match.start(), match.end()
    return None
