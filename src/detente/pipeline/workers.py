"""Worker processes for coding: each loads spaCy once and codes whole chunks of articles.

The parser is the cost, and it holds the GIL, so a second core needs a second process. The
parent keeps reading, cleaning and writing to the store (DuckDB has one writer); workers only
parse and annotate. Workers are started with ``spawn`` so that none inherits the parent's open
DuckDB connection or its threads.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .coding import Crash, Prepared, articles_in, code_articles

if TYPE_CHECKING:
    from ..options import Options
    from ..record import Record

# What the rest of the package uses; the module is internal to its stage.
__all__ = ["peak_memory", "worker_pool"]

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

    def code(self, chunks: Iterable[Prepared]) -> Iterator[tuple[Prepared, list[Record | Crash]]]:
        """Each prepared chunk with its coded records, in input order."""
        pending: deque[tuple[Prepared, Future[Any]]] = deque()
        for prepared in chunks:
            pending.append((prepared, self.executor.submit(code_in_worker, articles_in(prepared), self.options)))
            if len(pending) >= self.workers * IN_FLIGHT_PER_WORKER:
                yield self.collect(*pending.popleft())
        while pending:
            yield self.collect(*pending.popleft())

    def collect(self, prepared: Prepared, future: Future[Any]) -> tuple[Prepared, list[Record | Crash]]:
        coded, pid, peak = future.result()
        self.peak_memory[pid] = max(peak, self.peak_memory.get(pid, 0))
        return prepared, coded


@contextmanager
def worker_pool(workers: int, peak_memory: dict[int, int] | None, options: Options) -> Iterator[Pool]:
    """``workers`` coding processes; ``peak_memory``, when given, is filled with each one's peak."""
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as executor:
        yield Pool(executor, workers, options, peak_memory if peak_memory is not None else {})


def code_in_worker(articles: list[Any], options: Options) -> tuple[list[Record | Crash], int, int]:
    """In a worker: the chunk's records, this process's id, and its peak memory so far."""
    return code_articles(articles, options), os.getpid(), peak_memory()


def peak_memory() -> int:
    """Peak resident memory of this process, in bytes (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
