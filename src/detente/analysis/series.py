"""Dyad series: how relations between two countries move over time, and where they shift.

Events are counted once per story (the same wire story in ten outlets is one event, with how
many articles and outlets carried it), per day, week or month, by quad class and PLOVER type,
with the mean Goldstein value, a cooperation–conflict index, the articles' tone and the number of
stories. A shift is a period whose index departs from the trailing window before it by a robust
z-score (median and MAD) of at least ``SHIFT_Z``; each is explained by the events that moved it
most, with their sentences and the quotes around them. All the counting is DuckDB SQL.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from typing import Any

from ..errors import StoreError
from ..store.database import EVENT_DAY, SERIES_FREQUENCIES, Store

# Periods in the trailing window a period is compared with, and how far out a shift must be.
# 3.5 is Iglewicz and Hoaglin's cut-off for the modified z-score; 8 periods is two months of weeks.
SHIFT_WINDOW = 8
SHIFT_Z = 3.5
# MAD is scaled by this to estimate a standard deviation (normal data).
MAD_SCALE = 1.4826
# A window whose MAD is zero (flat) is given this spread, so one unusual period can still show.
MIN_SPREAD = 0.5
EXPLAINING_EVENTS = 5


@dataclass
class Period:
    start: str
    events: int
    stories: int
    articles: int
    cooperation: int  # quad classes 1 and 2
    conflict: int  # quad classes 3 and 4
    goldstein: float | None
    tone: float | None
    by_type: dict[str, int] = field(default_factory=dict)
    by_quad: tuple[int, int, int, int] = (0, 0, 0, 0)  # verbal and material cooperation, verbal and material conflict

    @property
    def index(self) -> float:
        """Cooperation minus conflict, over all events: from -1 (all conflict) to 1 (all cooperation)."""
        return (self.cooperation - self.conflict) / self.events if self.events else 0.0


@dataclass
class Shift:
    period: Period
    z: float
    baseline: float
    events: list[dict[str, Any]]


DYAD_EVENTS = f"""
WITH dyad AS (
    SELECT e.*, coalesce(s.story_id, e.article_id) AS story_id, a.outlet, a.tone AS article_tone,
           date_trunc('{{freq}}', {EVENT_DAY}) AS period
    FROM events e
    JOIN articles a ON a.id = e.article_id
    LEFT JOIN stories s ON s.article_id = e.article_id
    WHERE {{pair}} AND {EVENT_DAY} IS NOT NULL {{window}}
), once AS (  -- one event per story: the same source, target and code told by many articles
    SELECT period, story_id, source_country, target_country, cameo,
           any_value(quad_class) AS quad_class, any_value(plover_type) AS plover_type,
           any_value(goldstein) AS goldstein, list(DISTINCT article_id) AS article_ids,
           avg(article_tone) AS tone
    FROM dyad GROUP BY ALL
)
"""

PERIODS = (
    DYAD_EVENTS
    + """
SELECT period::VARCHAR, count(*) AS events, count(DISTINCT story_id) AS stories,
       len(list_distinct(flatten(list(article_ids)))) AS articles,
       count(*) FILTER (WHERE quad_class IN (1, 2)) AS cooperation,
       count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict,
       avg(goldstein) AS goldstein, avg(tone) AS tone,
       count(*) FILTER (WHERE quad_class = 1) AS q1, count(*) FILTER (WHERE quad_class = 2) AS q2,
       count(*) FILTER (WHERE quad_class = 3) AS q3, count(*) FILTER (WHERE quad_class = 4) AS q4
FROM once GROUP BY period ORDER BY period
"""
)

TYPES = (
    DYAD_EVENTS
    + """
SELECT period::VARCHAR, coalesce(plover_type, '?'), count(*) FROM once GROUP BY ALL ORDER BY 1, 3 DESC
"""
)

TOP_EVENTS = (
    DYAD_EVENTS
    + """
SELECT d.period::VARCHAR, d.source_country, d.target_country, d.cameo, d.plover_type, d.goldstein,
       d.modality, d.claimed_by, a.title, a.outlet, substr(a.text, d.sentence_start + 1,
       d.sentence_end - d.sentence_start) AS sentence, d.article_id, d.rule,
       count(*) OVER (PARTITION BY d.story_id, d.cameo, d.source_country, d.target_country) AS copies
FROM dyad d JOIN articles a ON a.id = d.article_id
WHERE d.period = ?::TIMESTAMP
QUALIFY row_number() OVER (
    PARTITION BY d.story_id, d.cameo, d.source_country, d.target_country ORDER BY d.article_id) = 1
ORDER BY abs(d.goldstein) DESC, copies DESC LIMIT ?
"""
)


def pair_filter(ordered: bool) -> str:
    forward = "(e.source_country = $a AND e.target_country = $b)"
    return forward if ordered else f"({forward} OR (e.source_country = $b AND e.target_country = $a))"


def window_filter(start: str | None, end: str | None) -> str:
    clauses = []
    if start:
        clauses.append(f"AND {EVENT_DAY} >= $start::DATE")
    if end:
        clauses.append(f"AND {EVENT_DAY} <= $end::DATE")
    return " ".join(clauses)


def render(sql: str, freq: str, ordered: bool, start: str | None, end: str | None) -> str:
    if freq not in SERIES_FREQUENCIES:
        raise StoreError(f"unknown frequency {freq!r}: use one of {', '.join(SERIES_FREQUENCIES)}")
    return (
        sql.replace("{freq}", freq)
        .replace("{pair}", pair_filter(ordered))
        .replace("{window}", window_filter(start, end))
    )


def params(a: str, b: str, start: str | None, end: str | None) -> dict[str, str]:
    values = {"a": a.upper(), "b": b.upper()}
    if start:
        values["start"] = start
    if end:
        values["end"] = end
    return values


def dyad_series(
    store: Store,
    a: str,
    b: str,
    freq: str = "week",
    start: str | None = None,
    end: str | None = None,
    ordered: bool = False,
) -> list[Period]:
    """The pair's periods (only those with events), oldest first."""
    sql = render(PERIODS, freq, ordered, start, end)
    rows = store.con.execute(sql, params(a, b, start, end)).fetchall()
    types: dict[str, dict[str, int]] = {}
    for period, kind, n in store.con.execute(
        render(TYPES, freq, ordered, start, end), params(a, b, start, end)
    ).fetchall():
        types.setdefault(period, {})[kind] = n
    return [
        Period(p[:10], n, stories, int(articles), coop, conf, g, t, types.get(p, {}), (q1, q2, q3, q4))
        for p, n, stories, articles, coop, conf, g, t, q1, q2, q3, q4 in rows
    ]


def find_shifts(periods: list[Period]) -> list[tuple[Period, float, float]]:
    """(period, robust z-score, trailing median) of each period far from its trailing window."""
    shifts = []
    for i in range(SHIFT_WINDOW, len(periods)):
        window = [p.index for p in periods[i - SHIFT_WINDOW : i]]
        median = statistics.median(window)
        mad = statistics.median(abs(x - median) for x in window) * MAD_SCALE
        z = (periods[i].index - median) / max(mad, MIN_SPREAD / SHIFT_WINDOW, 1e-9)
        if abs(z) >= SHIFT_Z:
            shifts.append((periods[i], z, median))
    return shifts


def explain_shifts(
    store: Store,
    a: str,
    b: str,
    freq: str = "week",
    start: str | None = None,
    end: str | None = None,
    ordered: bool = False,
) -> tuple[list[Period], list[Shift]]:
    periods = dyad_series(store, a, b, freq, start, end, ordered)
    shifts = []
    for period, z, baseline in find_shifts(periods):
        shifts.append(Shift(period, z, baseline, top_events(store, a, b, freq, period.start, ordered)))
    return periods, shifts


def top_events(
    store: Store, a: str, b: str, freq: str, period: str, ordered: bool = False, limit: int = EXPLAINING_EVENTS
) -> list[dict[str, Any]]:
    """The events of a period that weigh most (largest Goldstein values), once per story."""
    sql = render(TOP_EVENTS, freq, ordered, None, None).replace(
        "WHERE d.period = ?::TIMESTAMP", "WHERE d.period = $period::TIMESTAMP"
    )
    sql = sql.replace("LIMIT ?", "LIMIT $limit")
    cursor = store.con.execute(sql, {**params(a, b, None, None), "period": period, "limit": limit})
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def sparkline(values: list[float]) -> str:
    bars = "▁▂▃▄▅▆▇█"
    if not values:
        return ""
    low, high = min(values), max(values)
    span = (high - low) or 1.0
    return "".join(bars[int((v - low) / span * (len(bars) - 1))] for v in values)


def most_covered_pair(store: Store) -> tuple[str, str] | None:
    """The two countries with the most events between them (either way), by stories."""
    rows = store.query(
        "SELECT least(source_country, target_country), greatest(source_country, target_country), count(*)"
        " FROM events WHERE source_country IS NOT NULL AND target_country IS NOT NULL"
        " AND source_country <> target_country AND length(source_country) = 3 AND length(target_country) = 3"
        " GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT 1"
    )
    return (rows[0][0], rows[0][1]) if rows else None


PAIR_QUOTES = """
SELECT q.speaker_name, q.kind, q.text, a.title, a.outlet, a.published::VARCHAR AS published
FROM quotes q JOIN articles a ON a.id = q.article_id
WHERE q.article_id IN (SELECT DISTINCT e.article_id FROM events e WHERE {pair})
  AND q.speaker_name IS NOT NULL
ORDER BY a.published DESC NULLS LAST, q.quote_no LIMIT $limit
"""


def pair_quotes(store: Store, a: str, b: str, limit: int = 12) -> list[dict[str, Any]]:
    """Quotes from the articles that hold the pair's events, latest first."""
    sql = PAIR_QUOTES.replace("{pair}", pair_filter(False))
    cursor = store.con.execute(sql, {"a": a.upper(), "b": b.upper(), "limit": limit})
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
