"""``detente report A B``: a self-contained HTML page on how a pair's relations move.

One chart of the events per period by quad class with the cooperation–conflict index over them
and the shifts marked; one of the event types; then each shift with the events that moved it
(their sentences, outlets and how many articles carried them), and what was said, by whom.
Plotly's JavaScript is written into the page (no CDN), so it opens anywhere, offline.
"""

from __future__ import annotations

import html
from typing import Any

from ..store.database import Store
from .series import Period, Shift, explain_shifts

# What the rest of the package uses; the module is internal to its stage.
__all__ = ["render_report"]

QUADS = ("Verbal cooperation", "Material cooperation", "Verbal conflict", "Material conflict")
QUAD_COLOURS = ("#6baed6", "#2171b5", "#fc9272", "#cb181d")
STYLE = """
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 1100px; color: #222; }
h1 { margin-bottom: .2rem; } .lead { font-size: 1.15rem; color: #444; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1.5rem; font-size: .92rem; }
td, th { border-bottom: 1px solid #ddd; padding: .35rem .5rem; text-align: left; vertical-align: top; }
.shift { border-left: 4px solid #cb181d; padding-left: 1rem; margin: 1.5rem 0; }
.up { border-left-color: #2171b5; } blockquote { margin: .4rem 0 .8rem; color: #333; }
"""


def render_report(
    store: Store, a: str, b: str, freq: str = "week", start: str | None = None, end: str | None = None
) -> str:
    a, b = a.upper(), b.upper()
    periods, shifts = explain_shifts(store, a, b, freq, start, end)
    quotes = store.pair_quotes(a, b)
    charts = [series_chart(periods, shifts, a, b), types_chart(periods)] if periods else []
    body = [
        f"<h1>{a}–{b}: {verdict(periods, shifts)}</h1>",
        f"<p class='lead'>{summary_line(periods, freq)}</p>",
        *chart_html(charts),
        "<h2>Shifts and the events behind them</h2>",
        *(shift_html(s) for s in shifts),
        *([] if shifts else ["<p>No period departs from its trailing window.</p>"]),
        "<h2>What was said</h2>",
        quotes_html(quotes),
    ]
    title = html.escape(f"Détente: {a}–{b}")
    head = f"<meta charset='utf-8'><title>{title}</title><style>{STYLE}</style>"
    return f"<!DOCTYPE html><html><head>{head}</head><body>{''.join(body)}</body></html>"


def verdict(periods: list[Period], shifts: list[Shift]) -> str:
    if not periods:
        return "no events between them"
    latest = periods[-1].index
    if shifts and shifts[-1].period is periods[-1]:
        return "ties under stress" if shifts[-1].z < 0 else "ties warming"
    return "mostly cooperative" if latest > 0.2 else "mostly conflictual" if latest < -0.2 else "mixed"


def summary_line(periods: list[Period], freq: str) -> str:
    if not periods:
        return "The store holds no event between these two countries."
    events = sum(p.events for p in periods)
    stories = sum(p.stories for p in periods)
    articles = sum(p.articles for p in periods)
    return html.escape(
        f"{events} events from {stories} stories in {articles} articles, {len(periods)} {freq}s with events,"
        f" {periods[0].start} to {periods[-1].start}; each event counted once per story."
    )


def series_chart(periods: list[Period], shifts: list[Shift], a: str, b: str) -> Any:
    import plotly.graph_objects as go

    x = [p.start for p in periods]
    figure = go.Figure()
    for quad, (name, colour) in enumerate(zip(QUADS, QUAD_COLOURS, strict=True)):
        figure.add_bar(x=x, y=[p.by_quad[quad] for p in periods], name=name, marker_color=colour)
    figure.add_scatter(
        x=x,
        y=[p.index for p in periods],
        name="Cooperation–conflict index",
        yaxis="y2",
        mode="lines+markers",
        line={"color": "#222"},
    )
    for shift in shifts:
        figure.add_vline(x=shift.period.start, line_dash="dot", line_color="#cb181d" if shift.z < 0 else "#2171b5")
    figure.update_layout(
        barmode="stack",
        title=f"Events between {a} and {b} by quad class",
        yaxis={"title": "events (once per story)"},
        yaxis2={"title": "index", "overlaying": "y", "side": "right", "range": [-1.05, 1.05]},
        legend={"orientation": "h"},
        height=460,
    )
    return figure


def types_chart(periods: list[Period]) -> Any:
    import plotly.graph_objects as go

    totals: dict[str, int] = {}
    for period in periods:
        for kind, n in period.by_type.items():
            totals[kind] = totals.get(kind, 0) + n
    ordered = sorted(totals.items(), key=lambda kv: kv[1])
    figure = go.Figure(
        go.Bar(x=[n for _, n in ordered], y=[k for k, _ in ordered], orientation="h", marker_color="#636363")
    )
    figure.update_layout(title="Events by PLOVER type", height=120 + 28 * len(ordered))
    return figure


def chart_html(figures: list[Any]) -> list[str]:
    """Each chart's HTML; the first carries Plotly's JavaScript, inline."""
    return [f.to_html(full_html=False, include_plotlyjs=(i == 0)) for i, f in enumerate(figures)]


def shift_html(shift: Shift) -> str:
    direction = "up" if shift.z > 0 else "down"
    rows = "".join(
        f"<tr><td>{html.escape(str(e['source_country']))}→{html.escape(str(e['target_country'] or '∅'))}"
        f" {html.escape(str(e['plover_type']))} ({html.escape(str(e['cameo']))})</td>"
        f"<td>{e['goldstein']:+.1f}</td><td>{e['copies']}</td>"
        f"<td>{html.escape(str(e['sentence'] or ''))}<br><small>{html.escape(str(e['outlet'] or ''))}:"
        f" {html.escape(str(e['title'] or ''))} · rule {html.escape(str(e['rule']))}</small></td></tr>"
        for e in shift.events
    )
    head = (
        f"<h3>{html.escape(shift.period.start)}: index {shift.period.index:+.2f} against"
        f" {shift.baseline:+.2f} before (robust z {shift.z:+.1f})</h3>"
    )
    table = f"<table><tr><th>event</th><th>Goldstein</th><th>articles</th><th>sentence</th></tr>{rows}</table>"
    return f"<div class='shift {direction}'>{head}{table}</div>"


def quotes_html(quotes: list[dict[str, Any]]) -> str:
    if not quotes:
        return "<p>No attributed quotes in these articles.</p>"
    return "".join(quote_html(q) for q in quotes)


def quote_html(q: dict[str, Any]) -> str:
    source = html.escape(f"{q['kind']}; {q['outlet'] or ''}, {q['published'] or ''}")
    said = f"“{html.escape(q['text'])}” — <b>{html.escape(q['speaker_name'])}</b>"
    return f"<blockquote>{said} <small>({source})</small></blockquote>"
