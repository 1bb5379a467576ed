"""Text for people: a record, a run's summary, the store's overview (used by the CLI)."""

from __future__ import annotations

import textwrap

from rich.table import Table

from ..analysis.series import Period, Shift, sparkline
from ..evaluation.scores import Table as ScoreTable
from ..pipeline.ingest import Summary
from ..record import Record
from ..store.database import Store

# What the rest of the package uses; the module is internal to its stage.
__all__ = ["dyad_tables", "progress_line", "record_text", "score_tables", "store_tables", "summary_text"]

OVERVIEW_TITLES = {
    "status": ("articles by status", ("status", "reason", "articles")),
    "outlets": ("articles by outlet", ("outlet", "articles")),
    "months": ("articles by month published", ("month", "articles")),
    "credits": ("agencies credited", ("agency", "role", "articles")),
    "removals": ("web clutter removed", ("reason", "removals")),
    "actors": ("actors in most articles (countries apart)", ("actor", "country", "sector", "articles")),
    "countries": ("countries in most articles", ("country", "articles")),
    "speakers": ("who is quoted", ("speaker", "kind", "quotes")),
    "themes": ("themes", ("theme", "articles")),
    "stories": ("stories told by more than one article", ("story", "articles", "outlets")),
    "failures": ("inputs rejected", ("reason", "inputs")),
}


def record_text(record: Record) -> str:
    """A short human-readable account of one record."""
    a = record.article
    credits = ", ".join(f"{c.agency} ({c.role})" for c in a.credits) or "none"
    lines = [
        f"# {a.title or '(no title)'}",
        f"id {a.id} · {a.outlet or 'outlet unknown'} · published {a.published or 'unknown'} · language {a.language}",
        f"status {record.status}" + (f" ({record.skip_reason})" if record.skip_reason else ""),
        f"credits: {credits}",
    ]
    if a.dek:
        lines.append(f"dek: {a.dek}")
    lines += [f"removed ({x.reason}): {textwrap.shorten(x.text, 90)}" for x in a.removed]
    lines.append(
        f"{len(record.actors)} actors · {len(record.quotes)} quotes · {len(record.events)} events · "
        f"{len(record.dates)} dates · {len(record.amounts)} amounts"
    )
    lines.append(textwrap.shorten(a.text, 400))
    return "\n".join(lines) + "\n"


def progress_line(s: Summary) -> str:
    return f"read {s.read} · stored {s.stored} · already stored {s.already} · failed {sum(s.failed.values())}"


def summary_text(s: Summary, db: str) -> str:
    lines = [
        f"read {s.read} input(s) into {db}:",
        f"  stored        {s.stored}",
        f"  already there {s.already}",
        f"  skipped       {sum(s.skipped.values())}" + counts_suffix(dict(s.skipped)),
        f"  failed        {sum(s.failed.values())}" + counts_suffix(dict(s.failed)),
    ]
    if s.crashed:
        lines.append(f"  {s.crashed} article(s) crashed the pipeline: see `detente failures --db {db}`")
    elif s.failed:
        lines.append(f"  see `detente failures --db {db}` for the reasons")
    return "\n".join(lines)


def counts_suffix(counts: dict[str, int]) -> str:
    return f" ({', '.join(f'{k}: {v}' for k, v in sorted(counts.items()))})" if counts else ""


def store_tables(store: Store) -> list[Table]:
    """The store's overview as tables, starting with row counts per table."""
    counts = Table("table", "rows", title=f"store {store.path}")
    for name, n in store.counts().items():
        counts.add_row(name, str(n))
    tables = [counts]
    for name, rows in store.overview().items():
        title, columns = OVERVIEW_TITLES[name]
        table = Table(*columns, title=title)
        for row in rows:
            table.add_row(*(str(v) for v in row))
        tables.append(table)
    return tables


def score_tables(table: ScoreTable) -> list[Table]:
    """One evaluation component as terminal tables: its scores, its macro-averaged scores, then
    its accuracies."""
    tables = []
    if table.scores:
        scores = Table("", "precision", "recall", "F1", "tp", "fp", "fn", title=table.title)
        for name, s in table.scores.items():
            scores.add_row(
                name, f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}", str(s.tp), str(s.fp), str(s.fn)
            )
        tables.append(scores)
    if table.macros:
        macros = Table("macro-averaged", "precision", "recall", "F1", "articles")
        for name, m in table.macros.items():
            macros.add_row(name, f"{m.precision:.3f}", f"{m.recall:.3f}", f"{m.f1:.3f}", str(len(m.articles)))
        tables.append(macros)
    if table.accuracies:
        accuracies = Table("", "accuracy", "right", "of", title=None if table.scores else table.title)
        for name, a in table.accuracies.items():
            accuracies.add_row(name, f"{a.value:.3f}", str(a.correct), str(a.total))
        tables.append(accuracies)
    return tables


def dyad_tables(a: str, b: str, periods: list[Period], shifts: list[Shift]) -> list[Table]:
    """A dyad's series (with a sparkline of its cooperation–conflict index) and its shifts."""
    title = f"{a}–{b}: {sum(p.events for p in periods)} events in {len(periods)} periods  " + sparkline(
        [p.index for p in periods]
    )
    series = Table(
        "period",
        "events",
        "stories",
        "articles",
        "coop",
        "conflict",
        "index",
        "Goldstein",
        "tone",
        "types",
        title=title,
    )
    for p in periods:
        types = ", ".join(f"{k} {v}" for k, v in sorted(p.by_type.items(), key=lambda kv: -kv[1])[:3])
        series.add_row(
            p.start,
            str(p.events),
            str(p.stories),
            str(p.articles),
            str(p.cooperation),
            str(p.conflict),
            f"{p.index:+.2f}",
            fmt(p.goldstein),
            fmt(p.tone),
            types,
        )
    tables = [series]
    for shift in shifts:
        table = Table(
            "event",
            "Goldstein",
            "copies",
            "sentence",
            title=f"shift in {shift.period.start}: index {shift.period.index:+.2f}"
            f" against {shift.baseline:+.2f} (z {shift.z:+.1f})",
        )
        for e in shift.events:
            event = f"{e['source_country']}→{e['target_country'] or '∅'} {e['plover_type']} ({e['cameo']})"
            table.add_row(event, fmt(e["goldstein"]), str(e["copies"]), (e["sentence"] or "")[:160])
        tables.append(table)
    return tables


def fmt(value: float | None) -> str:
    return "" if value is None else f"{value:+.2f}"
