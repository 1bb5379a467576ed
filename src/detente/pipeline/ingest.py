"""A run: read inputs, code them, and store the records, batch by batch, with a summary.

Each batch is one transaction in the store, so a run killed at any point keeps every batch
it finished, and the next run skips the ids already stored (and does not code them again).
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ..options import DEFAULT_OPTIONS, Options
from ..read.sources import read_paths
from ..record import Failure, Record
from ..store.database import Store
from .coding import AlreadyStored, Crash, crash
from .extract import Outcome, process

# What the rest of the package uses; the module is internal to its stage.
__all__ = ["Summary", "WRITE_BATCH", "ingest"]

log = logging.getLogger(__name__)

# Records written per transaction: ~1 s of parsing on this machine, so a killed run loses at
# most a second of work, and the per-commit cost (a WAL flush) stays under 1% of the run.
WRITE_BATCH = 64


@dataclass
class Summary:
    """What a run did, for the final report and the exit status."""

    read: int = 0
    stored: int = 0
    already: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    failed: Counter[str] = field(default_factory=Counter)
    crashed: int = 0
    # Peak resident memory of each worker process (bytes, by pid) when coding ran in workers.
    worker_memory: dict[int, int] = field(default_factory=dict)

    @property
    def processed(self) -> int:
        """Articles that made it through the pipeline (newly stored, known, or skipped)."""
        return self.stored + self.already + sum(self.skipped.values())

    @property
    def ok(self) -> bool:
        return self.processed > 0 and self.crashed == 0


Progress = Callable[[Summary], None]


def ingest(
    store: Store,
    paths: Iterable[str],
    progress: Progress | None = None,
    workers: int = 1,
    options: Options = DEFAULT_OPTIONS,
) -> Summary:
    """Read, code and store every article under ``paths`` (coding in ``workers`` processes)."""
    summary = Summary()
    pending: list[Record] = []
    failures: list[Failure] = []
    outcomes = process(
        read_paths(paths), store.stored_hashes, workers=workers, peak_memory=summary.worker_memory, options=options
    )
    for outcome in outcomes:
        tally(summary, outcome, pending, failures)
        if len(pending) >= WRITE_BATCH or len(failures) >= WRITE_BATCH:
            flush(store, summary, pending, failures, progress)
    flush(store, summary, pending, failures, progress)
    return summary


def tally(summary: Summary, outcome: Outcome, pending: list[Record], failures: list[Failure]) -> None:
    summary.read += 1
    if isinstance(outcome, Record):
        pending.append(outcome)
    elif isinstance(outcome, AlreadyStored):
        summary.already += 1
    elif isinstance(outcome, Crash):
        summary.crashed += 1
        summary.failed[outcome.failure.reason] += 1
        failures.append(outcome.failure)
    else:
        summary.failed[outcome.reason] += 1
        failures.append(outcome)


def write_isolated(store: Store, records: list[Record], failures: list[Failure]) -> tuple[set[str], set[str]]:
    """Write a batch: the ids added, and those the store refused. When the store refuses the
    batch, each record is written on its own, so that one record it cannot take is recorded as
    a failure and the rest of the batch is stored."""
    try:
        return store.write(records, failures), set()
    except Exception as exc:  # the batch was rolled back: nothing of it is stored yet
        if not records:
            raise
        log.warning("the store refused a batch (%s): writing its records one by one", type(exc).__name__)
    added: set[str] = set()
    refused: set[str] = set()
    for record in records:
        try:
            added |= store.write([record])
        except Exception as exc:  # this record alone
            refused.add(record.article.id)
            failures.append(crash(record.article.source or record.article.id, "store", exc).failure)
    store.write([], failures)
    return added, refused


def flush(
    store: Store,
    summary: Summary,
    pending: list[Record],
    failures: list[Failure],
    progress: Progress | None,
) -> None:
    if not pending and not failures:
        return
    added, refused = write_isolated(store, pending, failures)
    for record in pending:
        if record.article.id in refused:
            summary.crashed += 1
            summary.failed["pipeline-error"] += 1
        elif record.article.id not in added:
            summary.already += 1
        elif record.status == "skipped":
            summary.skipped[record.skip_reason or "skipped"] += 1
        else:
            summary.stored += 1
    log.info("committed a batch: %d new record(s), %d stored in this run", len(added), summary.stored)
    pending.clear()
    failures.clear()
    if progress:
        progress(summary)
