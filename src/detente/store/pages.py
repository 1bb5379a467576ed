"""A snapshot's answers to the two questions asked most, read from files without a query.

``GET /events?pair=A,B[&from=…&to=…]`` and ``GET /dyads/A/B/series`` are the dashboard's
questions and the ones clients ask most. A snapshot has both as JSON already: its events in
order of pair, then newest first (``SERVE_EVENTS``), and every pair's whole series, built by SQL
from its periods (``SERVE_SERIES_ROWS``). When a snapshot is taken, that JSON is written, in the
same order, to a file each, mapped into memory (the operating system shares the pages between the
service's worker processes). In memory are kept only where each piece begins in its file, each event's
day, and the rows of each pair: about 12 bytes an event.

- A pair's events in a date range are a run of consecutive rows (found by bisection on the
  days), and a page of them is one slice of the file. Pages with any other filter are queries.
- A pair's whole series is one slice. A series over a date range is a query.
"""

from __future__ import annotations

import itertools
import mmap
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO

import duckdb
import pyarrow as pa

from .sql import SERVE_PAGES, SERVE_SERIES_ROWS

# What the rest of the package uses; the module is internal to its stage.
__all__ = ["PairPages", "SeriesFile"]

# Rows read at a time while the file is written.
BATCH_ROWS = 65_536
EPOCH = date(1970, 1, 1)
# The key of an event with no day: after every day (the stored order is newest first, no day last).
NO_DAY = 2**31 - 1


class MappedFile:
    """A file written once, then read in slices through a memory map."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.mapped: mmap.mmap | None = None

    def open(self) -> MappedFile:
        if self.path.stat().st_size:  # an empty file cannot be mapped (and has nothing to read)
            with open(self.path, "rb") as file:
                self.mapped = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
        return self

    def slice(self, begin: int, end: int) -> bytes:
        return self.mapped[begin:end] if self.mapped is not None else b""

    def close(self) -> None:
        if self.mapped is not None:
            self.mapped.close()
            self.mapped = None
        self.path.unlink(missing_ok=True)


@dataclass
class PairPages:
    """The page file of one snapshot and its index."""

    file: MappedFile
    starts: array[int]  # where row i's JSON begins in the file; one more at the end
    keys: array[int]  # minus row i's day (days since 1970), NO_DAY without one: ascending within a pair
    pairs: dict[tuple[str, str], tuple[int, int]]  # (pair_a, pair_b): its rows [first, end)

    @classmethod
    def write(cls, con: duckdb.DuckDBPyConnection, path: Path) -> PairPages:
        """The pages of the snapshot open on ``con``, written to ``path``."""
        starts, keys = array("q", [0]), array("i")
        runs: list[tuple[tuple[str, str], int]] = []
        with open(path, "wb") as out:
            for batch in con.sql(SERVE_PAGES).to_arrow_reader(BATCH_ROWS):
                starts.extend(write_items(out, batch.column("item").cast(pa.large_string()), starts[-1]))
                keys.extend(NO_DAY if day is None else -day for day in batch.column("day_number").to_pylist())
                add_runs(runs, zip(batch.column("pair_a").to_pylist(), batch.column("pair_b").to_pylist(), strict=True))
        return cls(MappedFile(path).open(), starts, keys, pair_ranges(runs))

    def close(self) -> None:
        self.file.close()

    def rows(self, a: str, b: str, start: str | None, end: str | None) -> tuple[int, int]:
        """The rows [first, end) of the pair ``a``–``b`` (either way) with a day in the range
        (every day of the range's ends, as ``e.day >= start AND e.day <= end``); all its rows when
        the range has neither end."""
        first, last = self.pairs.get(tuple(sorted((a, b))), (0, 0))  # type: ignore[arg-type]
        if start is None and end is None:
            return first, last
        with_day = bisect_left(self.keys, NO_DAY, first, last)
        low = first if end is None else bisect_left(self.keys, -day_number(end), first, with_day)
        high = with_day if start is None else bisect_right(self.keys, -day_number(start), first, with_day)
        return low, max(low, high)

    def page(self, a: str, b: str, start: str | None, end: str | None, limit: int, offset: int) -> tuple[bytes, int]:
        """A page of the pair's events in the range, newest first: a JSON array and its length."""
        first, last = self.rows(a, b, start, end)
        low = min(first + offset, last)
        high = min(low + limit, last)
        if high == low:
            return b"[]", 0
        return b"[" + self.file.slice(self.starts[low], self.starts[high] - 1) + b"]", high - low


SeriesKey = tuple[str, bool, str, str]  # frequency, one way or not, the two countries (in order unless one way)


@dataclass
class SeriesFile:
    """The series file of one snapshot and where each series is in it."""

    file: MappedFile
    spans: dict[SeriesKey, tuple[int, int]]

    @classmethod
    def write(cls, con: duckdb.DuckDBPyConnection, path: Path) -> SeriesFile:
        """Every pair's whole series in the snapshot open on ``con``, written to ``path``."""
        spans: dict[SeriesKey, tuple[int, int]] = {}
        written = 0
        with open(path, "wb") as out:
            for batch in con.sql(SERVE_SERIES_ROWS).to_arrow_reader(BATCH_ROWS):
                ends = write_items(out, batch.column("periods").cast(pa.large_string()), written)
                keys = zip(*(batch.column(name).to_pylist() for name in ("freq", "ordered", "a", "b")), strict=True)
                for key, end in zip(keys, ends, strict=True):
                    spans[key] = (written, end)
                    written = end
        return cls(MappedFile(path).open(), spans)

    def series(self, a: str, b: str, freq: str, ordered: bool) -> bytes:
        """The pair's periods, oldest first, as a JSON array (empty for a pair with no events)."""
        first, second = (a, b) if ordered else sorted((a, b))
        begin, end = self.spans.get((freq, ordered, first, second), (0, 0))
        return self.file.slice(begin, end) if end > begin else b"[]"

    def close(self) -> None:
        self.file.close()


def write_items(out: BinaryIO, items: pa.LargeStringArray, written: int) -> array[int]:
    """Write the strings of ``items`` to ``out``: where each one ends (and the next begins),
    counting from ``written`` bytes already in the file."""
    offsets = array("q")
    offsets.frombytes(items.buffers()[1])
    offsets = offsets[items.offset : items.offset + len(items) + 1]
    begin, end = offsets[0], offsets[-1]
    out.write(memoryview(items.buffers()[2])[begin:end])
    return array("q", (written + o - begin for o in offsets[1:]))


def add_runs(runs: list[tuple[tuple[str, str], int]], pairs: Iterable[tuple[str, str]]) -> None:
    """Extend ``runs`` (each pair and its count of consecutive rows) by the pairs of more rows."""
    for pair, run in itertools.groupby(pairs):
        count = sum(1 for _ in run)
        if runs and runs[-1][0] == pair:
            count += runs.pop()[1]
        runs.append((pair, count))


def pair_ranges(runs: list[tuple[tuple[str, str], int]]) -> dict[tuple[str, str], tuple[int, int]]:
    """Each pair's rows [first, end), the rows being in order of pair (no pair where a country is unknown)."""
    ranges: dict[tuple[str, str], tuple[int, int]] = {}
    row = 0
    for pair, count in runs:
        if None not in pair:
            ranges[pair] = (row, row + count)
        row += count
    return ranges


def day_number(day: str) -> int:
    return (date.fromisoformat(day) - EPOCH).days
