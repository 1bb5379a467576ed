"""Browsing the store: pages of articles, events, quotes, pairs and stories, with filters.

What the REST API and the dashboard read (``detente.serve``) from a snapshot of the store,
whose events are laid out for browsing (``Store.prepare_serving``); the series and shifts are
``Store.dyad_periods`` and ``analysis.series.explain_shifts``. Every value a user gives is a
bound parameter, never SQL text; the filters that shape the SQL are from fixed lists.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import duckdb

from .sql import (
    BROWSE_ARTICLE_COUNT,
    BROWSE_ARTICLES,
    BROWSE_EVENTS,
    BROWSE_EVENTS_ORDER,
    BROWSE_NETWORK_TONE,
    BROWSE_PAIRS,
    BROWSE_QUOTES,
    BROWSE_RECORD,
    BROWSE_SPEAKERS,
    BROWSE_STORY,
)

# What the rest of the package uses; the module is internal to its stage.
__all__ = [
    "EventFilter",
    "article_count",
    "article_page",
    "article_record",
    "dyads",
    "event_page",
    "network",
    "quote_page",
    "speakers",
    "story",
]

Connection = duckdb.DuckDBPyConnection
Row = dict[str, Any]


def rows(con: Connection, sql: str, params: list[Any]) -> list[Row]:
    cursor = con.execute(sql, params)
    names = [d[0] for d in cursor.description or ()]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def conditions(*pairs: tuple[str, Any]) -> tuple[str, list[Any]]:
    """A WHERE clause of the conditions whose value is given, and their values, in order."""
    given = [(clause, value) for clause, value in pairs if value is not None]
    return " AND ".join(["TRUE", *(clause for clause, _ in given)]), [value for _, value in given]


def like(text: str) -> str:
    """A user's search words as an ILIKE pattern that matches them literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


# --- articles ------------------------------------------------------------------------------


def article_page(
    con: Connection,
    limit: int,
    offset: int,
    outlet: str | None = None,
    start: str | None = None,
    end: str | None = None,
    q: str | None = None,
) -> list[Row]:
    where, params = conditions(
        ("a.outlet = ?", outlet),
        ("a.published >= ?::DATE", start),
        ("a.published <= ?::DATE", end),
        ("a.title ILIKE ? ESCAPE '\\'", like(q) if q else None),
    )
    return rows(con, BROWSE_ARTICLES.format(where=where), [*params, limit, offset])


def article_count(con: Connection) -> int:
    row = con.execute(BROWSE_ARTICLE_COUNT).fetchone()
    return int(row[0]) if row else 0


def article_record(con: Connection, article_id: str) -> dict[str, Any] | None:
    """The record of one article, as ``detente extract`` gives it, with its story."""
    row = con.execute(BROWSE_RECORD, [article_id]).fetchone()
    if row is None:
        return None
    record: dict[str, Any] = json.loads(row[0])
    return {**record, "story_id": row[1]}


# --- events --------------------------------------------------------------------------------


@dataclass(frozen=True)
class EventFilter:
    """What ``GET /events`` filters on; every field is optional."""

    source: str | None = None
    target: str | None = None
    pair: tuple[str, str] | None = None
    type: str | None = None
    cameo: str | None = None
    quad_class: int | None = None
    start: str | None = None
    end: str | None = None
    story: str | None = None
    modality: str | None = None
    claimed: bool | None = None
    outlet: str | None = None
    article: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        where, params = conditions(
            ("e.source_country = ?", self.source),
            ("e.target_country = ?", self.target),
            ("e.plover_type = ?", self.type),
            ("starts_with(e.cameo, ?)", self.cameo),
            ("e.quad_class = ?", self.quad_class),
            ("e.day >= ?::DATE", self.start),
            ("e.day <= ?::DATE", self.end),
            ("e.story_id = ?", self.story),
            ("e.modality = ?", self.modality),
            ("e.outlet = ?", self.outlet),
            ("e.article_id = ?", self.article),
        )
        clauses = [where]
        if self.pair is not None:
            a, b = self.pair
            clauses.append("e.pair_a = ? AND e.pair_b = ?")
            params += sorted((a, b))
        if self.claimed is not None:
            clauses.append("e.claimed_by IS NOT NULL" if self.claimed else "e.claimed_by IS NULL")
        return " AND ".join(clauses), params

    def pair_only(self) -> tuple[str, str] | None:
        """The pair, when the filter is a pair and at most a date range (a snapshot's page file
        answers it, ``store/pages.py``)."""
        others = {name: value for name, value in vars(self).items() if name not in ("pair", "start", "end")}
        return self.pair if not any(value is not None for value in others.values()) else None


def event_page(con: Connection, where: EventFilter, limit: int, offset: int) -> list[str]:
    """A page of events, newest first, each as JSON (the snapshot keeps them so)."""
    sql, params = where.where()
    order = "" if where.pair is not None else BROWSE_EVENTS_ORDER
    found = con.execute(BROWSE_EVENTS.format(where=sql, order=order), [*params, limit, offset]).fetchall()
    return [item for (item,) in found]


# --- pairs, network, quotes, stories --------------------------------------------------------


def window(start: str | None, end: str | None) -> tuple[str, list[Any]]:
    clauses, params = [], []
    if start:
        clauses.append("AND e.day >= ?::DATE")
        params.append(start)
    if end:
        clauses.append("AND e.day <= ?::DATE")
        params.append(end)
    return " ".join(clauses), params


def dyads(con: Connection, limit: int, offset: int = 0, start: str | None = None, end: str | None = None) -> list[Row]:
    """Pairs of countries by how many stories (then events) there are between them."""
    sql, params = window(start, end)
    return rows(con, BROWSE_PAIRS.format(window=sql), [*params, limit, offset])


def network(con: Connection, limit: int, start: str | None = None, end: str | None = None) -> dict[str, Any]:
    """Countries as nodes and pairs as edges, weighted by stories, with Goldstein and tone."""
    edges = dyads(con, limit, 0, start, end)
    sql, params = window(start, end)
    tones = {(r["a"], r["b"]): r["tone"] for r in rows(con, BROWSE_NETWORK_TONE.format(window=sql), params)}
    nodes: dict[str, int] = {}
    for edge in edges:
        edge["tone"] = tones.get((edge["a"], edge["b"]))
        for country in (edge["a"], edge["b"]):
            nodes[country] = nodes.get(country, 0) + edge["stories"]
    return {"nodes": [{"id": c, "stories": n} for c, n in nodes.items()], "edges": edges}


def quote_page(
    con: Connection,
    limit: int,
    offset: int,
    speaker: str | None = None,
    country: str | None = None,
    q: str | None = None,
) -> list[Row]:
    where, params = conditions(
        ("q.speaker_name ILIKE ? ESCAPE '\\'", like(speaker) if speaker else None),
        ("ac.country = ?", country),
        ("q.text ILIKE ? ESCAPE '\\'", like(q) if q else None),
    )
    return rows(con, BROWSE_QUOTES.format(where=where), [*params, limit, offset])


def speakers(con: Connection, limit: int, offset: int = 0) -> list[Row]:
    """Speakers by how many quotes the store holds of them."""
    return rows(con, BROWSE_SPEAKERS, [limit, offset])


def story(con: Connection, story_id: str) -> dict[str, Any] | None:
    articles = rows(con, BROWSE_STORY, [story_id])
    if not articles:
        return None
    outlets = sorted({a["outlet"] for a in articles if a["outlet"]})
    return {"id": story_id, "articles": articles, "outlets": outlets}
