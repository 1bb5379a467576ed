"""The time limit of the service's queries: one thread watches every running query and
interrupts the cursor of one that runs past its limit.

A timer thread per query (``threading.Timer``) did the same, but starting and cancelling a
thread for every query stood out in a profile of the service under the bench's load, where a
query takes a few milliseconds.
"""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import duckdb

# How often the watching thread looks at the running queries: a limit is kept to within this.
TICK_SECONDS = 0.05


class QueryDeadlines:
    """Running queries and when each must stop; ``watching(cursor)`` wraps one query."""

    def __init__(self, seconds: float, tick: float = TICK_SECONDS) -> None:
        self.seconds = seconds
        self.tick = tick
        self.running: dict[int, tuple[float, duckdb.DuckDBPyConnection]] = {}
        self.tokens = itertools.count()
        self.lock = threading.Lock()
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self.watch, name="detente-deadlines", daemon=True)
        self.thread.start()

    @contextmanager
    def watching(self, cursor: duckdb.DuckDBPyConnection) -> Iterator[None]:
        """The query run inside is interrupted (``duckdb.InterruptException``) past the limit."""
        token = next(self.tokens)
        with self.lock:
            self.running[token] = (time.monotonic() + self.seconds, cursor)
        try:
            yield
        finally:
            with self.lock:
                del self.running[token]

    def watch(self) -> None:
        while not self.stopped.wait(self.tick):
            self.interrupt_late(time.monotonic())

    def interrupt_late(self, now: float) -> None:
        # Under the lock, so that a cursor is never interrupted once its query has left `watching`.
        with self.lock:
            for deadline, cursor in self.running.values():
                if deadline <= now:
                    cursor.interrupt()

    def close(self) -> None:
        self.stopped.set()
        self.thread.join()
