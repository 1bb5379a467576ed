"""The time limit of the service's queries, on a real DuckDB connection."""

from __future__ import annotations

import time
from collections.abc import Iterator

import duckdb
import pytest

from detente.serve.deadline import QueryDeadlines

# A query that runs for minutes here: a join of two ranges with no condition, counted.
SLOW = "SELECT count(*) FROM range(200000) a, range(200000) b WHERE (a.range + b.range) % 7 = 3"


@pytest.fixture()
def deadlines() -> Iterator[QueryDeadlines]:
    watched = QueryDeadlines(0.3, tick=0.02)
    yield watched
    watched.close()


def test_a_query_past_its_limit_is_interrupted_and_the_cursor_serves_the_next(deadlines: QueryDeadlines) -> None:
    cursor = duckdb.connect().cursor()
    started = time.monotonic()
    with pytest.raises(duckdb.InterruptException), deadlines.watching(cursor):
        cursor.execute(SLOW).fetchall()
    assert 0.3 <= time.monotonic() - started < 10
    with deadlines.watching(cursor):
        assert cursor.execute("SELECT 41 + 1").fetchone() == (42,)
    assert deadlines.running == {}


def test_a_query_within_its_limit_is_left_alone(deadlines: QueryDeadlines) -> None:
    cursor = duckdb.connect().cursor()
    for _ in range(50):
        with deadlines.watching(cursor):
            assert cursor.execute("SELECT count(*) FROM range(1000)").fetchone() == (1000,)
    # Past the limit after the queries have left: nothing is interrupted later.
    time.sleep(0.4)
    assert cursor.execute("SELECT count(*) FROM range(1000)").fetchone() == (1000,)


def test_closing_stops_the_watching_thread() -> None:
    watched = QueryDeadlines(5.0, tick=0.01)
    watched.close()
    assert not watched.thread.is_alive()
