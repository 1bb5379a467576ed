"""Records flattened into the store's rows, one function per table (record -> row dicts).

Column names are those of ``migrations/*.sql``; the store takes each table's column types
from the database itself, so the schema is written once, in SQL.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date
from typing import Any

from ..record import EventActor, Record, content_hash

# What the rest of the package uses; the module is internal to its stage.
__all__ = ["TABLE_ROWS"]

Row = dict[str, Any]


def article_rows(r: Record) -> list[Row]:
    a = r.article
    return [
        {
            "id": a.id,
            "title": a.title,
            "dek": a.dek,
            "outlet": a.outlet,
            "url": a.url,
            "published": iso_date(a.published),
            "language": a.language,
            "status": r.status,
            "skip_reason": r.skip_reason,
            "byline": a.byline,
            "dateline": a.dateline,
            "source": a.source,
            "warnings": list(a.warnings),
            "text": a.text,
            "content_hash": content_hash(a.text),
            "record": r.to_json(),
            "tone": r.tone.score if r.tone else None,
            "tone_positive": r.tone.positive if r.tone else None,
            "tone_negative": r.tone.negative if r.tone else None,
            "word_count": r.tone.words if r.tone else None,
        }
    ]


def iso_date(value: str | None) -> date | None:
    """The DATE column holds full dates only; a partial or odd value stays in the record."""
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def credit_rows(r: Record) -> list[Row]:
    return [{"article_id": r.article.id, "agency": c.agency, "role": c.role} for c in r.article.credits]


def removal_rows(r: Record) -> list[Row]:
    return [
        {"article_id": r.article.id, "removal_no": n, "text": x.text, "reason": x.reason}
        for n, x in enumerate(r.article.removed)
    ]


def actor_rows(r: Record) -> list[Row]:
    return [
        {
            "article_id": r.article.id,
            "actor_id": a.id,
            "name": a.name,
            "kind": a.kind,
            "country": a.country,
            "sector": a.sector,
            "role": a.role,
            "code": a.code,
        }
        for a in r.actors
    ]


def mention_rows(r: Record) -> list[Row]:
    return [
        {
            "article_id": r.article.id,
            "actor_id": a.id,
            "start": m.start,
            "end": m.end,
            "text": m.text,
        }
        for a in r.actors
        for m in a.mentions
    ]


def quote_rows(r: Record) -> list[Row]:
    rows = []
    for n, q in enumerate(r.quotes):
        speaker, mention = q.speaker, q.speaker.mention if q.speaker else None
        rows.append(
            {
                "article_id": r.article.id,
                "quote_no": n,
                "text": q.text,
                "start": q.start,
                "end": q.end,
                "kind": q.kind,
                "speaker_actor": speaker.actor if speaker else None,
                "speaker_name": speaker.name if speaker else None,
                "speaker_start": mention.start if mention else None,
                "speaker_end": mention.end if mention else None,
                "speaker_text": mention.text if mention else None,
                "cue": q.cue,
                "reported_by": q.reported_by,
            }
        )
    return rows


def side(prefix: str, a: EventActor | None) -> Row:
    return {
        f"{prefix}_actor": a.actor if a else None,
        f"{prefix}_country": a.country if a else None,
        f"{prefix}_sector": a.sector if a else None,
        f"{prefix}_code": a.code if a else None,
        f"{prefix}_text": a.text if a else None,
    }


def event_rows(r: Record) -> list[Row]:
    return [
        {
            "article_id": r.article.id,
            "event_no": n,
            **side("source", e.source),
            **side("target", e.target),
            "cameo": e.cameo,
            "goldstein": e.goldstein,
            "quad_class": e.quad_class,
            "plover_type": e.plover.type,
            "plover_mode": e.plover.mode,
            "plover_context": list(e.plover.context),
            "modality": e.modality,
            "negated": e.negated,
            "claimed_by": e.claimed_by,
            "date": e.date,
            "date_text": e.date_text,
            "sentence_start": e.sentence.start,
            "sentence_end": e.sentence.end,
            "trigger_start": e.trigger.start,
            "trigger_end": e.trigger.end,
            "trigger_text": e.trigger.text,
            "rule": e.rule,
            "confidence": e.confidence,
            "themes": list(e.themes),
            "steps": [{"kind": step.kind, "detail": step.detail} for step in e.steps],
        }
        for n, e in enumerate(r.events)
    ]


def date_rows(r: Record) -> list[Row]:
    return [
        {
            "article_id": r.article.id,
            "date_no": n,
            "text": d.text,
            "value": d.value,
            "start": d.start,
            "end": d.end,
        }
        for n, d in enumerate(r.dates)
    ]


def amount_rows(r: Record) -> list[Row]:
    return [
        {
            "article_id": r.article.id,
            "amount_no": n,
            "text": x.text,
            "value": x.value,
            "unit": x.unit,
            "kind": x.kind,
            "start": x.start,
            "end": x.end,
        }
        for n, x in enumerate(r.amounts)
    ]


def theme_rows(r: Record) -> list[Row]:
    hits = Counter(t.theme for t in r.theme_triggers)
    return [{"article_id": r.article.id, "theme": t, "triggers": hits[t]} for t in r.themes]


def theme_trigger_rows(r: Record) -> list[Row]:
    return [
        {"article_id": r.article.id, "trigger_no": n, "theme": t.theme, "text": t.text, "start": t.start, "end": t.end}
        for n, t in enumerate(r.theme_triggers)
    ]


TABLE_ROWS: dict[str, Callable[[Record], list[Row]]] = {
    "articles": article_rows,
    "credits": credit_rows,
    "removals": removal_rows,
    "actors": actor_rows,
    "mentions": mention_rows,
    "quotes": quote_rows,
    "events": event_rows,
    "dates": date_rows,
    "amounts": amount_rows,
    "themes": theme_rows,
    "theme_triggers": theme_trigger_rows,
}
