"""The store: one door to the DuckDB database.

All SQL and the schema (numbered migrations in ``migrations/``) live here. Writes go through
``Store.write``, one transaction per batch: a batch is stored whole or not at all, and an
article id already stored is never stored again, so an ingest killed half-way and run again
ends with every article exactly once. Rows go in as Arrow tables (DuckDB takes ~20M rows/s
that way against ~2k rows/s row by row).
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from importlib import resources
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb
import pyarrow as pa

from ..errors import StoreError
from ..read.sanitize import safe
from ..record import Failure, Record
from .rows import TABLE_ROWS
from .sql import (
    ALL_FAILURES,
    ALL_RECORDS,
    ALL_ROWS,
    APPLIED_MIGRATIONS,
    CHECKPOINT,
    COPY_QUERY,
    COUNT_ROWS,
    CREATE_MIGRATIONS,
    CREATE_SERVE_EVENTS,
    CREATE_SERVE_PERIODS,
    DYAD_COUNTS,
    EMPTY_ROWS,
    EVENT_EXPORTS,
    EVENT_ROWS,
    INSERT_BATCH,
    MOST_COVERED_PAIR,
    OVERVIEW_QUERIES,
    PAIR_QUOTES,
    PERIODS,
    RECORD_FAILURE,
    RECORD_MIGRATION,
    SERIES_FREQUENCIES,
    SERVE_EVENTS,
    SERVED_PERIODS,
    STORED_HASHES,
    STORY_SIGNATURES,
    SYNTHETIC_ARTICLES,
    SYNTHETIC_EVENTS,
    SYNTHETIC_STORIES,
    TOP_EVENTS,
    WRITTEN_COLUMNS,
    check_frequency,
    dyad_params,
    dyad_sql,
    pair_filter,
    serve_periods_sql,
)
from .stories import StoryIndex, from_bytes, to_bytes

# What the rest of the package uses; the module is internal to its stage.
__all__ = ["DEFAULT_DB", "EXPORT_FORMATS", "Period", "Store", "migrations", "open_store"]

log = logging.getLogger(__name__)


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

    def shown_index(self) -> float:
        """The index to 4 decimals, rounded half to even on the exact ratio (not on its nearest
        float), in integers, as the snapshot's series are (``sql.SERVE_SERIES_ROWS``)."""
        if not self.events:
            return 0.0
        whole, rest = divmod(abs(self.cooperation - self.conflict) * 10000, self.events)
        whole += 1 if 2 * rest > self.events or (2 * rest == self.events and whole % 2) else 0
        return (whole if self.cooperation >= self.conflict else -whole) / 10000


DEFAULT_DB = "detente.duckdb"
EXPORT_FORMATS = ("jsonl", "parquet", "csv", "gdelt", "plover")


def open_store(path: str | Path = DEFAULT_DB, *, read_only: bool = False, wait: float | None = None) -> Store:
    """Open (creating and migrating if needed) the store at ``path``; while another process holds
    it, wait up to ``wait`` seconds (``LOCK_WAIT_SECONDS`` by default)."""
    return Store(path, read_only=read_only, wait=LOCK_WAIT_SECONDS if wait is None else wait)


def migrations() -> list[tuple[int, str, str]]:
    """(version, name, sql) of every migration shipped with the package, in order."""
    found = []
    for entry in resources.files("detente.store").joinpath("migrations").iterdir():
        m = re.match(r"(\d+)_(\w+)\.sql$", entry.name)
        if m:
            found.append((int(m.group(1)), m.group(2), entry.read_text(encoding="utf-8")))
    return sorted(found)


# DuckDB lets one process write a file while no other opens it. A reader that holds the file for
# a moment (the service copying its snapshot, docs/service.md) makes a writer wait this long at
# most, not fail; a writer holding it longer (another ingest) is reported after the wait.
LOCK_WAIT_SECONDS = 30.0
LOCK_RETRY_SECONDS = 0.2


def connect(path: str, read_only: bool, wait: float = LOCK_WAIT_SECONDS) -> duckdb.DuckDBPyConnection:
    """A connection to the store, waiting up to ``wait`` seconds while another process holds it."""
    deadline = time.monotonic() + wait
    while True:
        try:
            return duckdb.connect(path, read_only=read_only)
        except duckdb.Error as exc:
            if not is_lock_conflict(exc) or time.monotonic() >= deadline:
                raise StoreError(f"cannot open the store {path}: {exc}") from exc
            time.sleep(LOCK_RETRY_SECONDS)


def is_lock_conflict(exc: duckdb.Error) -> bool:
    return "lock" in str(exc).lower()


class Store:
    def __init__(self, path: str | Path, *, read_only: bool = False, wait: float = 0.0) -> None:
        self.path = str(path)
        self.con = connect(self.path, read_only, wait)
        self.event_rows = EVENT_ROWS
        if not read_only:
            self.migrate()
        self._schemas: dict[str, pa.Schema] = {}
        self._stories: StoryIndex | None = None

    @classmethod
    def reading(cls, con: duckdb.DuckDBPyConnection, event_rows: str = EVENT_ROWS) -> Store:
        """A store over a connection opened elsewhere, to read; the service's snapshot cursor
        reads its events from the snapshot's ``SERVE_EVENTS``."""
        store = cls.__new__(cls)
        store.path, store.con, store.event_rows = "<connection>", con, event_rows
        store._schemas, store._stories = {}, None
        return store

    @classmethod
    def serving(cls, con: duckdb.DuckDBPyConnection) -> Store:
        """A store over a cursor of a snapshot laid out by ``prepare_serving``, to read."""
        return cls.reading(con, SERVE_EVENTS)

    # --- lifecycle ------------------------------------------------------------------------

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    def prepare_serving(self) -> None:
        """Make this store (a snapshot's private copy) quick to browse: its events with their
        article's fields, in order of pair and day (``SERVE_EVENTS``), and every pair's series
        at every frequency, either way and one way (``SERVE_PERIODS``)."""
        self.con.execute(CREATE_SERVE_EVENTS)
        self.con.execute(CREATE_SERVE_PERIODS)
        for freq in SERIES_FREQUENCIES:
            for ordered in (False, True):
                self.con.execute(serve_periods_sql(freq, ordered))
        self.con.execute(CHECKPOINT)

    def migrate(self) -> list[int]:
        """Apply the migrations not yet applied; returns their versions."""
        self.con.execute(CREATE_MIGRATIONS)
        done = {v for (v,) in self.con.execute(APPLIED_MIGRATIONS).fetchall()}
        applied = []
        for version, name, sql in migrations():
            if version in done:
                continue
            self.con.execute("BEGIN TRANSACTION")
            self.con.execute(sql)
            self.con.execute(RECORD_MIGRATION, [version, name])
            self.con.execute("COMMIT")
            log.info("store %s: applied migration %04d_%s", self.path, version, name)
            applied.append(version)
        return applied

    # --- writing --------------------------------------------------------------------------

    def write(self, records: Sequence[Record], failures: Sequence[Failure] = ()) -> set[str]:
        """Store a batch in one transaction; returns the ids actually added (new ones)."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            new = self._new_records(records)
            for table, flatten in TABLE_ROWS.items():
                self._insert(table, [row for r in new for row in flatten(r)])
            self._insert("stories", self._story_rows(new))
            self._record_failures(failures)
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            self._stories = None  # rebuilt from what was committed
            raise
        return {r.article.id for r in new}

    def _story_rows(self, records: list[Record]) -> list[dict[str, Any]]:
        """Each new article's story: joined to the most similar stored (or earlier) article."""
        index = self.story_index()
        rows = []
        for r in records:
            if r.article.text:
                story, minhash = index.assign(r.article.id, r.article.text)
                rows.append({"article_id": r.article.id, "story_id": story, "signature": to_bytes(minhash)})
        return rows

    def story_index(self) -> StoryIndex:
        """The story index over every stored article, built once per connection."""
        if self._stories is None:
            self._stories = StoryIndex()
            for article_id, story_id, data in self.con.execute(STORY_SIGNATURES).fetchall():
                self._stories.add_known(article_id, story_id, from_bytes(data))
        return self._stories

    def _new_records(self, records: Sequence[Record]) -> list[Record]:
        """The records whose id is neither stored nor earlier in the batch."""
        stored = self.stored_ids([r.article.id for r in records])
        new: dict[str, Record] = {}
        for r in records:
            if r.article.id not in stored:
                new.setdefault(r.article.id, r)
        return list(new.values())

    def _insert(self, table: str, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        schema = self._schema(table)
        batch = pa.Table.from_pylist(rows, schema=schema)
        columns = ", ".join(f'"{name}"' for name in schema.names)
        self.con.register("_batch", batch)
        try:
            self.con.execute(INSERT_BATCH.format(table=table, columns=columns))
        finally:
            self.con.unregister("_batch")

    def _schema(self, table: str) -> pa.Schema:
        """The Arrow schema of a table's written columns (those with no default), from the database."""
        if table not in self._schemas:
            names = self.con.execute(WRITTEN_COLUMNS, [table]).fetchall()
            select = ", ".join(f'"{n}"' for (n,) in names)
            empty = self.con.sql(EMPTY_ROWS.format(columns=select, table=table))
            self._schemas[table] = empty.to_arrow_table().schema
        return self._schemas[table]

    def _record_failures(self, failures: Sequence[Failure]) -> None:
        for f in failures:  # a path or message may carry what UTF-8 cannot (a file name's bytes)
            self.con.execute(RECORD_FAILURE, [safe(f.source), f.reason, safe(f.detail)])

    # --- reading --------------------------------------------------------------------------

    def stored_ids(self, ids: Iterable[str]) -> set[str]:
        return set(self.stored_hashes(ids))

    def stored_hashes(self, ids: Iterable[str]) -> dict[str, str]:
        """For each of ``ids`` already stored, the content hash it was stored with."""
        wanted = list(dict.fromkeys(ids))
        if not wanted:
            return {}
        return dict(self.con.execute(STORED_HASHES, [wanted]).fetchall())

    def count(self, table: str) -> int:
        check_table(table)
        (n,) = self.con.execute(COUNT_ROWS.format(table=table)).fetchone() or (0,)
        return int(n)

    def counts(self) -> dict[str, int]:
        return {table: self.count(table) for table in (*TABLE_ROWS, "stories", "failures")}

    def records(self) -> Iterator[Record]:
        """Every stored record, as it was extracted, in id order."""
        cursor = self.con.execute(ALL_RECORDS)
        while rows := cursor.fetchmany(1000):
            for (text,) in rows:
                yield Record.from_json(text)

    def failures(self) -> list[Failure]:
        rows = self.con.execute(ALL_FAILURES).fetchall()
        return [Failure(source=s, reason=r, detail=d) for s, r, d in rows]

    def overview(self) -> dict[str, list[tuple[Any, ...]]]:
        """Named summaries of what the store holds, each a list of rows."""
        return {name: self.con.execute(sql).fetchall() for name, sql in OVERVIEW_QUERIES.items()}

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return self.con.execute(sql, list(params)).fetchall()

    # --- series ----------------------------------------------------------------------------

    def dyad_counts(self, a: str, b: str, freq: str = "week") -> list[tuple[Any, ...]]:
        """Events between countries ``a`` and ``b`` (either way) per period and quad class:
        (period start, quad class, events, mean Goldstein), every event counted (not once per story)."""
        check_frequency(freq)
        return self.query(DYAD_COUNTS.format(freq=freq), [a, b, b, a])

    def dyad_periods(
        self, a: str, b: str, freq: str, start: str | None = None, end: str | None = None, ordered: bool = False
    ) -> list[Period]:
        """The pair's events per period (only periods with events), once per story, oldest first.
        A snapshot has every pair's whole series already (``prepare_serving``)."""
        if self.event_rows == SERVE_EVENTS and start is None and end is None:
            check_frequency(freq)
            first, second = (a.upper(), b.upper()) if ordered else sorted((a.upper(), b.upper()))
            params: dict[str, Any] = {"freq": freq, "ordered": ordered, "a": first, "b": second}
            return [period_of(row) for row in self.con.execute(SERVED_PERIODS, params).fetchall()]
        rows = self.con.execute(
            dyad_sql(PERIODS, freq, ordered, start, end, self.event_rows), dyad_params(a, b, start, end)
        ).fetchall()
        return [period_of(row) for row in rows]

    def dyad_top_events(
        self, a: str, b: str, freq: str, period: str, ordered: bool, limit: int
    ) -> list[dict[str, Any]]:
        """The events of one period that weigh most (largest Goldstein values), once per story
        (only the period's days are read)."""
        start, end = period_days(period, freq)
        sql = dyad_sql(TOP_EVENTS, freq, ordered, start, end, self.event_rows)
        return self._dicts(sql, {**dyad_params(a, b, start, end), "period": period, "limit": limit})

    def most_covered_pair(self) -> tuple[str, str] | None:
        """The two countries with the most events between them (either way)."""
        row = self.con.execute(MOST_COVERED_PAIR).fetchone()
        return (row[0], row[1]) if row else None

    def pair_quotes(self, a: str, b: str, limit: int = 12) -> list[dict[str, Any]]:
        """Quotes from the articles that hold the pair's events, latest first."""
        sql = PAIR_QUOTES.replace("{pair}", pair_filter(False))
        return self._dicts(sql, {"a": a.upper(), "b": b.upper(), "limit": limit})

    def add_synthetic_events(self, events: int) -> None:
        """``events`` made-up events (five per article, ten articles per story) for ``detente bench``."""
        articles = max(events // 5, 1)
        for sql, n in ((SYNTHETIC_EVENTS, events), (SYNTHETIC_ARTICLES, articles), (SYNTHETIC_STORIES, articles)):
            self.con.execute(sql, [n])

    def _dicts(self, sql: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        cursor = self.con.execute(sql, params)
        names = [c[0] for c in cursor.description or ()]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    # --- export ---------------------------------------------------------------------------

    def export(self, fmt: str, path: str, table: str = "events") -> None:
        """Write ``table`` as Parquet or CSV, or every record as JSON Lines, to ``path``."""
        if fmt == "jsonl":
            with open(path, "w", encoding="utf-8") as out:
                for record in self.records():
                    out.write(record.to_json() + "\n")
            return
        escaped = path.replace("'", "''")
        if fmt in EVENT_EXPORTS:
            query, options = EVENT_EXPORTS[fmt]
            self.con.execute(COPY_QUERY.format(query=query, path=escaped, options=options))
            return
        check_table(table)
        table_options = {"parquet": "FORMAT parquet", "csv": "FORMAT csv, HEADER true"}.get(fmt)
        if table_options is None:
            raise StoreError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")
        self.con.execute(COPY_QUERY.format(query=ALL_ROWS.format(table=table), path=escaped, options=table_options))


def period_days(start: str, freq: str) -> tuple[str, str]:
    """The first and last day of the period of ``freq`` that begins on ``start``."""
    first = date.fromisoformat(start[:10])
    if freq == "day":
        last = first
    elif freq == "week":
        last = first + timedelta(days=6)
    else:
        following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
        last = following - timedelta(days=1)
    return first.isoformat(), last.isoformat()


def period_of(row: tuple[Any, ...]) -> Period:
    """A row of the ``PERIODS`` query; its types with the most events first, then by name."""
    start, events, stories, articles, cooperation, conflict, goldstein, tone, q1, q2, q3, q4, types = row
    by_type = {kind: int(n) for kind, n in sorted(types.items(), key=lambda item: (-item[1], item[0]))}
    return Period(
        start[:10], events, stories, int(articles), cooperation, conflict, goldstein, tone, by_type, (q1, q2, q3, q4)
    )


def check_table(table: str) -> None:
    if table not in TABLE_ROWS and table not in ("failures", "stories"):
        known = ", ".join((*TABLE_ROWS, "stories", "failures"))
        raise StoreError(f"unknown table {table!r}; the store has {known}")
