"""Worker processes for coding: each loads spaCy once and codes whole chunks of articles.

The parser is the cost, and it holds the GIL, so a second core needs a second process. The
parent keeps reading, cleaning and writing to the store (DuckDB has one writer); workers only
parse and annotate. Workers are started with ``spawn`` so that none inherits the parent's open
DuckDB connection or its threads.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import resource
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .coding import Crash, Prepared, articles_in, code_articles, crash

if TYPE_CHECKING:
    from ..options import Options
    from ..record import Article, Record

# What the rest of the package uses; the module is internal to its stage.
__all__ = ["peak_memory", "worker_pool"]

log = logging.getLogger(__name__)

# Chunks in flight per worker: one being coded and one waiting, so no worker idles while
# the parent prepares the next chunk, and memory stays bounded on an endless input.
IN_FLIGHT_PER_WORKER = 2


@dataclass
class Pool:
    executor: ProcessPoolExecutor
    workers: int
    options: Options
    # Peak resident memory (bytes) of each worker process, by pid, as they last reported it.
    peak_memory: dict[int, int] = field(default_factory=dict)
    # What a worker runs on a chunk (a parameter so that tests can give a worker that dies).
    task: Callable[..., Any] | None = None

    def code(self, chunks: Iterable[Prepared]) -> Iterator[tuple[Prepared, list[Record | Crash]]]:
        """Each prepared chunk with its coded records, in input order."""
        pending: deque[tuple[Prepared, Future[Any]]] = deque()
        for prepared in chunks:
            pending.append((prepared, self.submit(articles_in(prepared))))
            if len(pending) >= self.workers * IN_FLIGHT_PER_WORKER:
                yield self.collect(*pending.popleft())
        while pending:
            yield self.collect(*pending.popleft())

    def submit(self, articles: list[Article]) -> Future[Any]:
        task = self.task or code_in_worker
        try:
            return self.executor.submit(task, articles, self.options)
        except BrokenProcessPool:  # a worker died: the chunks in flight are tried again in a new pool
            self.restart()
            return self.executor.submit(task, articles, self.options)

    def collect(self, prepared: Prepared, future: Future[Any]) -> tuple[Prepared, list[Record | Crash]]:
        try:
            coded, pid, peak = future.result()
        except Exception as exc:  # the worker died or its result could not come back
            return prepared, self.one_by_one(articles_in(prepared), exc)
        self.peak_memory[pid] = max(peak, self.peak_memory.get(pid, 0))
        return prepared, coded

    def one_by_one(self, articles: list[Article], cause: BaseException) -> list[Record | Crash]:
        """A chunk whose worker failed, coded again an article at a time, so that the article
        that kills a worker is recorded as a failure and the others of its chunk are stored."""
        log.warning("a worker failed on a chunk (%s): coding its %d article(s) one by one", cause, len(articles))
        outcomes: list[Record | Crash] = []
        for article in articles:
            if isinstance(self.executor, ProcessPoolExecutor) and broken(self.executor):
                self.restart()
            try:
                outcomes.extend(self.submit([article]).result()[0])
            except Exception as exc:  # this article alone
                outcomes.append(crash(article.source or article.id, "worker", exc))
        return outcomes

    def restart(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = new_executor(self.workers)


def broken(executor: ProcessPoolExecutor) -> bool:
    return bool(getattr(executor, "_broken", False))


def new_executor(workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))


@contextmanager
def worker_pool(
    workers: int, peak_memory: dict[int, int] | None, options: Options, task: Callable[..., Any] | None = None
) -> Iterator[Pool]:
    """``workers`` coding processes; ``peak_memory``, when given, is filled with each one's peak."""
    pool = Pool(new_executor(workers), workers, options, peak_memory if peak_memory is not None else {}, task)
    try:
        yield pool
    finally:
        pool.executor.shutdown(wait=True, cancel_futures=True)


def code_in_worker(articles: list[Any], options: Options) -> tuple[list[Record | Crash], int, int]:
    """In a worker: the chunk's records, this process's id, and its peak memory so far."""
    return code_articles(articles, options), os.getpid(), peak_memory()


def peak_memory() -> int:
    """Peak resident memory of this process, in bytes (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
