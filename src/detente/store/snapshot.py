"""Snapshots: the service reads a copy of the store, and takes a new one when the store changes.

DuckDB lets one process write a file while no other process opens it, and a reader's open
file keeps a writer out. So the service never keeps the store open. It holds a read-only
connection to a private copy (a snapshot) and watches the store's file. When the file has
changed and no writer holds it, the service opens it read-only for a moment. That shared
lock keeps a writer out while the file, and its write-ahead log if there is one, is copied
byte for byte. Then the lock is let go, and requests move to the new copy.

- While `detente ingest` writes, the service answers from the snapshot taken before, and
  sees the new articles once the ingest has committed and closed the store.
- An ingest that starts during a copy waits for it (``store.database.LOCK_WAIT_SECONDS``).
- A copy takes the time of copying the file (about a second per gigabyte here), then of
  writing its events once more in order of pair and day with their article's title and
  sentence (``Store.prepare_serving``), for pages and series read from a few row groups.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import threading
from collections.abc import Iterator
from contextlib import closing, contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from ..errors import StoreError
from .database import Store
from .pages import PairPages, SeriesFile
from .sql import QUIET, WARM_SNAPSHOT, attach_sql

# What the rest of the package uses; the module is internal to its stage.
__all__ = ["Snapshots"]

log = logging.getLogger(__name__)

# How often the store's file is looked at: an ingest's articles show within this many seconds
# of its end; a look is two stat calls.
WATCH_SECONDS = 1.0
# Snapshots kept open: the current one, and the one before for requests still reading it.
KEPT = 2

Signature = tuple[tuple[int, int] | None, tuple[int, int] | None]


@dataclass
class Snapshot:
    generation: int
    path: Path
    connection: duckdb.DuckDBPyConnection
    # Its pages of one pair's events and its pairs' whole series, in files (``store/pages.py``).
    pages: PairPages
    series: SeriesFile
    # Cursors done with a read, for the next: a new cursor is a new DuckDB client context,
    # and opening and closing one costs as much as a small query.
    idle: list[duckdb.DuckDBPyConnection] = field(default_factory=list)


# Row groups of the tables a snapshot adds: DuckDB skips a row group whose min/max rule out a
# query's pair and dates, and a pair's month is a few hundred rows (the default is 122,880).
SERVE_ROW_GROUP = 2048


def prepare(copy: Path) -> None:
    """A copy brought to the current schema, with its events laid out for browsing."""
    with closing(duckdb.connect()) as con:
        con.execute(QUIET)
        con.execute(attach_sql(copy, SERVE_ROW_GROUP))
        store = Store.reading(con)
        store.migrate()
        store.prepare_serving()


class Snapshots:
    """The current snapshot of the store at ``store``, renewed by a watching thread."""

    def __init__(self, store: str | Path, watch_seconds: float = WATCH_SECONDS) -> None:
        self.store = Path(store)
        if not self.store.is_file():
            raise StoreError(f"no store at {self.store}: create one with `detente ingest PATH --db {self.store}`")
        self.directory = Path(tempfile.mkdtemp(prefix="detente-serve-"))
        self.kept: list[Snapshot] = []
        self.signature: Signature | None = None
        self.lock = threading.Lock()
        self.stopped = threading.Event()
        if not self.refresh():
            raise StoreError(f"the store {self.store} is held by a writer; start the service when it is done")
        self.watcher = threading.Thread(target=self.watch, args=(watch_seconds,), name="snapshot-watch", daemon=True)
        self.watcher.start()

    @property
    def current(self) -> Snapshot:
        return self.kept[-1]

    @contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor of the current snapshot for one read at a time, kept for the next read
        after it unless the snapshot has been retired meanwhile."""
        with self.lock:
            snapshot = self.current
            cursor = snapshot.idle.pop() if snapshot.idle else snapshot.connection.cursor()
        try:
            yield cursor
        finally:
            with self.lock:
                kept = any(s is snapshot for s in self.kept)
                if kept:
                    snapshot.idle.append(cursor)
            if not kept:
                with suppress(duckdb.Error):
                    cursor.close()

    def file_signature(self) -> Signature:
        """(mtime, size) of the store's file and of its write-ahead log, if any."""

        def stat(path: Path) -> tuple[int, int] | None:
            try:
                info = path.stat()
            except FileNotFoundError:
                return None
            return info.st_mtime_ns, info.st_size

        return stat(self.store), stat(self.store.with_name(self.store.name + ".wal"))

    def refresh(self) -> bool:
        """Take a new snapshot if the store changed and no writer holds it; whether one is current."""
        if self.kept and self.file_signature() == self.signature:
            return True
        try:
            holder = duckdb.connect(str(self.store), read_only=True)  # the shared lock: no writer now
        except duckdb.Error as exc:
            log.info("the store is held (%s): answering from snapshot %s", exc, self.kept[-1:] or "none")
            return bool(self.kept)
        try:
            signature = self.file_signature()
            generation = self.kept[-1].generation + 1 if self.kept else 1
            copy = self.copy(generation)
        finally:
            holder.close()
        prepare(copy)
        connection = duckdb.connect(str(copy), read_only=True, config={"threads": 1})
        connection.execute(WARM_SNAPSHOT)
        with closing(connection.cursor()) as cursor:
            pages = PairPages.write(cursor, copy.with_name(copy.name + ".pages"))
            series = SeriesFile.write(cursor, copy.with_name(copy.name + ".series"))
        snapshot = Snapshot(generation, copy, connection, pages, series)
        with self.lock:
            self.kept.append(snapshot)
            retired = self.kept[:-KEPT]
            self.kept = self.kept[-KEPT:]
        self.signature = signature
        for old in retired:
            self.discard(old)
        log.info("snapshot %d of %s taken", generation, self.store)
        return True

    def copy(self, generation: int) -> Path:
        target = self.directory / f"snapshot-{generation}.duckdb"
        shutil.copyfile(self.store, target)
        wal = self.store.with_name(self.store.name + ".wal")
        if wal.exists():
            shutil.copyfile(wal, target.with_name(target.name + ".wal"))
        return target

    def discard(self, snapshot: Snapshot) -> None:
        with suppress(duckdb.Error):
            for cursor in snapshot.idle:
                cursor.close()
            snapshot.connection.close()
        snapshot.pages.close()
        snapshot.series.close()
        for path in (snapshot.path, snapshot.path.with_name(snapshot.path.name + ".wal")):
            path.unlink(missing_ok=True)

    def watch(self, seconds: float) -> None:
        while not self.stopped.wait(seconds):
            try:
                self.refresh()
            except Exception:  # a failed copy (disk full) must not end the watching
                log.exception("taking a snapshot of %s failed; still answering from the last one", self.store)

    def close(self) -> None:
        self.stopped.set()
        self.watcher.join(timeout=5)
        with self.lock:
            for snapshot in self.kept:
                self.discard(snapshot)
            self.kept = []
        shutil.rmtree(self.directory, ignore_errors=True)
