"""``detente explain``: how the events stage read an article, sentence by sentence.

For each sentence: its parse (word, dependency, head), the actors seen in it, and for every verb
the dictionary knows and every event noun, the block or noun entry, the patterns tried and
matched, the sources and targets, and what was coded or why nothing was.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from ..nlp import sentence_index, sentence_spans
from ..record import Record
from .coder import context_of, decide_in
from .decisions import Decision

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

# What the rest of the package uses; the module is internal to its stage.
__all__ = ["explain_record"]

# Verbs outside the dictionary are listed in one line, not one block each.
QUIET = "not in the verb dictionary"


def explain_record(record: Record, doc: Doc, dictionaries: Path | None = None) -> Iterator[str]:
    article = record.article
    decisions = decide_in(context_of(doc, record.actors, record.quotes, record.dates, article.published, dictionaries))
    by_sentence: dict[int, list[Decision]] = {}
    spans = sentence_spans(doc)
    for decision in decisions:
        by_sentence.setdefault(sentence_index(doc, decision.token.i), []).append(decision)
    for number, (start, end) in enumerate(spans):
        yield from explain_sentence(record, doc[start:end], number, by_sentence.get(number, []))


def explain_sentence(record: Record, sentence: Span, number: int, decisions: list[Decision]) -> Iterator[str]:
    tokens = list(sentence)
    if not tokens or all(t.is_space for t in tokens):
        return
    text = " ".join(t.text for t in tokens if not t.is_space)
    yield f"── sentence {number + 1}: {text}"
    yield "   parse: " + " ".join(f"{t.text}/{t.dep_}→{t.head.i - tokens[0].i}" for t in tokens if not t.is_space)
    first, last = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    seen = [
        f"{m.text} = {a.code or a.country or '?'}" for a in record.actors for m in a.mentions if first <= m.start < last
    ]
    yield "   actors: " + ("; ".join(seen) if seen else "none")
    quiet = [d.token.text for d in decisions if d.reason == QUIET]
    if quiet:
        yield "   verbs not in the dictionary: " + ", ".join(quiet)
    for decision in decisions:
        if decision.reason != QUIET:
            yield from explain_decision(decision)
    yield ""


def explain_decision(decision: Decision) -> Iterator[str]:
    yield f"   • “{decision.token.text}” ({decision.rule or decision.token.pos_}): {decision.reason}"
    if decision.tried:
        matched = "; ".join(decision.matched) if decision.matched else "none"
        yield f"       patterns: {decision.tried} tried, matched: {matched}"
    if decision.arguments is not None:
        sources = ", ".join(f"{a.name} ({a.code})" for a in decision.arguments.sources) or "none"
        targets = ", ".join(f"{a.name} ({a.code})" for a in decision.arguments.targets) or "none"
        yield f"       sources: {sources}; targets: {targets}"
    for event in decision.events:
        target = event.target.code if event.target else "∅"
        yield (
            f"       event: {event.source.code} → {target} CAMEO {event.cameo} {event.plover.type}"
            f" [{event.modality}{', negated' if event.negated else ''}] rule {event.provenance}"
        )
