"""A snapshot laid out for the service (``Store.prepare_serving``) answers as the store does:
every pair's series, either way and one way, at every frequency, and pages of events."""

from __future__ import annotations

import json
import math
import shutil
from pathlib import Path

import duckdb
import pytest

from detente.serve.app import period_json
from detente.store import browse
from detente.store.database import Period, Store, open_store
from detente.store.pages import PairPages, SeriesFile
from detente.store.snapshot import Snapshots, prepare
from detente.store.sql import SERIES_FREQUENCIES

COUNTRIES = ("IND", "RUS", "USA", "CHN")

# 40 articles in 8 stories, 600 events over two years among four countries (some with no
# target, some with a year for a date), the quad class a function of the code so that a
# story's events of one code agree on it.
EVENTS = """
INSERT INTO events (article_id, event_no, source_country, target_country, cameo, goldstein, quad_class,
                    plover_type, date)
SELECT 'art-' || (i % 40), i,
       ['IND', 'RUS', 'USA', 'CHN'][1 + (i % 4)],
       CASE WHEN i % 23 = 0 THEN NULL ELSE ['IND', 'RUS', 'USA', 'CHN'][1 + ((i // 4) % 4)] END,
       '0' || (1 + i % 9), (i % 9) - 4.0, 1 + (i % 9) % 4, ['CONSULT', 'AID', NULL][1 + (i % 9) % 3],
       CASE WHEN i % 31 = 0 THEN '2023' ELSE strftime(DATE '2023-01-01' + (i * 7 % 700)::INT, '%Y-%m-%d') END
FROM range(600) t(i)
"""
ARTICLES = """
INSERT INTO articles (id, title, outlet, status, text, content_hash, record, tone, published)
SELECT 'art-' || i, 'Title ' || i, 'Outlet ' || (i % 3), 'coded', 'Some sentence of article ' || i || '.', '',
       '{}', (i % 7) - 3.0, DATE '2023-01-01' + i::INT
FROM range(40) t(i)
"""
STORIES = "INSERT INTO stories SELECT 'art-' || i, 'story-' || (i % 8), ''::BLOB FROM range(40) t(i)"


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("snapshot")
    store, copy = root / "store.duckdb", root / "copy.duckdb"
    with open_store(store) as s:
        for sql in (ARTICLES, EVENTS, STORIES):
            s.query(sql)
        s.query("UPDATE events SET sentence_start = 0, sentence_end = 10")
    shutil.copyfile(store, copy)
    prepare(copy)
    return store, copy


def same(a: list[Period], b: list[Period]) -> bool:
    """The same periods, floats equal but for the order in which they were summed."""

    def close(x: object, y: object) -> bool:
        if isinstance(x, float) and isinstance(y, float):
            return math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-12)
        return x == y

    return len(a) == len(b) and all(
        all(close(x, y) for x, y in zip(vars(p).values(), vars(q).values(), strict=True))
        and list(p.by_type) == list(q.by_type)
        for p, q in zip(a, b, strict=True)
    )


@pytest.mark.parametrize("freq", SERIES_FREQUENCIES)
@pytest.mark.parametrize("ordered", [False, True])
def test_snapshot_series_of_every_pair_are_the_stores(stores: tuple[Path, Path], freq: str, ordered: bool) -> None:
    store, copy = stores
    with closing_pair(store, copy) as (raw, served):
        for a in COUNTRIES:
            for b in COUNTRIES:
                expected = raw.dyad_periods(a, b, freq, ordered=ordered)
                assert same(served.dyad_periods(a, b, freq, ordered=ordered), expected), (a, b)
                window = raw.dyad_periods(a, b, freq, "2023-03-01", "2023-08-31", ordered)
                assert same(served.dyad_periods(a, b, freq, "2023-03-01", "2023-08-31", ordered), window)
        assert raw.dyad_periods("IND", "RUS", freq)  # the pairs have events at all


@pytest.mark.parametrize("freq", SERIES_FREQUENCIES)
@pytest.mark.parametrize("ordered", [False, True])
def test_snapshot_series_as_json_are_the_stores_periods(
    stores: tuple[Path, Path], tmp_path: Path, freq: str, ordered: bool
) -> None:
    # The JSON built by SQL gives the fields, the types' order and the rounded index the API gives.
    store, copy = stores
    with open_store(store, read_only=True) as raw, duckdb.connect(str(copy), read_only=True) as con:
        served = SeriesFile.write(con, tmp_path / "series")
        try:
            for a in COUNTRIES:
                for b in COUNTRIES:
                    expected = [period_json(p) for p in raw.dyad_periods(a, b, freq, ordered=ordered)]
                    got = json.loads(served.series(a, b, freq, ordered))
                    assert same_json(got, expected), (a, b)
                    assert [list(p["by_type"]) for p in got] == [list(p["by_type"]) for p in expected]
            assert json.loads(served.series("IND", "XXX", freq, ordered)) == []
        finally:
            served.close()


def same_json(got: list[dict], expected: list[dict]) -> bool:
    """Equal, floats but for the order in which they were summed."""
    if len(got) != len(expected) or any(list(g) != list(e) for g, e in zip(got, expected, strict=True)):
        return False
    for g, e in zip(got, expected, strict=True):
        for key, value in e.items():
            if isinstance(value, float) and isinstance(g[key], float):
                if not math.isclose(value, g[key], rel_tol=1e-9, abs_tol=1e-12):
                    return False
            elif g[key] != (list(value) if isinstance(value, tuple) else value):
                return False
    return True


@pytest.mark.parametrize(
    ("cooperation", "conflict", "events", "shown"),
    [
        (27, 37, 64, -0.1562),
        (5, 0, 32, 0.1562),
        (7, 0, 32, 0.2188),
        (1, 0, 3, 0.3333),
        (0, 2, 3, -0.6667),
        (0, 0, 0, 0.0),
    ],
)
def test_the_index_shown_is_rounded_half_to_even_on_the_exact_ratio(
    cooperation: int, conflict: int, events: int, shown: float
) -> None:
    period = Period("2023-01-02", events, events, events, cooperation, conflict, None, None)
    assert period.shown_index() == shown


def test_snapshot_series_are_read_from_its_table(stores: tuple[Path, Path]) -> None:
    _store, copy = stores
    with duckdb.connect(str(copy), read_only=True) as con:
        kinds = con.execute("SELECT DISTINCT freq, ordered FROM serve_periods ORDER BY ALL").fetchall()
        unordered = con.execute("SELECT count(*) FROM serve_periods WHERE NOT ordered AND a > b").fetchone()
    assert kinds == [(f, o) for f in sorted(SERIES_FREQUENCIES) for o in (False, True)]
    assert unordered == (0,)  # either way is kept once, under the pair in order


def test_snapshot_event_pages_of_a_pair_either_way_newest_first(stores: tuple[Path, Path]) -> None:
    store, copy = stores
    with duckdb.connect(str(copy), read_only=True) as con:
        page = events_of(con, browse.EventFilter(pair=("RUS", "IND"), start="2023-02-01"), 1000, 0)
        swapped = events_of(con, browse.EventFilter(pair=("IND", "RUS"), start="2023-02-01"), 1000, 0)
        second = events_of(con, browse.EventFilter(pair=("IND", "RUS"), start="2023-02-01"), 5, 5)
    with duckdb.connect(str(store), read_only=True) as con:
        (expected,) = con.execute(
            "SELECT count(*) FROM events WHERE source_country IN ('IND', 'RUS') AND target_country IN ('IND', 'RUS')"
            " AND source_country <> target_country AND date >= '2023-02-01' AND length(date) = 10"
        ).fetchone()  # type: ignore[misc]
    assert page == swapped and len(page) == expected > 5
    assert [e["date"] for e in page] == sorted((e["date"] for e in page), reverse=True)
    assert second == page[5:10]
    assert all(e["sentence"] == "Some sente" and e["title"].startswith("Title ") for e in page)


def events_of(con: duckdb.DuckDBPyConnection, where: browse.EventFilter, limit: int, offset: int) -> list[dict]:
    return [json.loads(item) for item in browse.event_page(con, where, limit, offset)]


NEWEST_FIRST = [("day", True), ("date", True), ("article_id", False), ("event_no", False)]


def newest_first(events: list[dict]) -> list[dict]:
    """Sorted by day, then date, newest first (none last), then in the article's order."""
    for field, descending in reversed(NEWEST_FIRST):
        known = sorted((e for e in events if e[field] is not None), key=lambda e: e[field], reverse=descending)
        events = known + [e for e in events if e[field] is None]
    return events


@pytest.mark.parametrize("window", [(None, None), ("2023-03-01", "2023-08-31")])
def test_a_pairs_pages_are_newest_first_as_pages_of_other_filters_are(
    stores: tuple[Path, Path], window: tuple[str | None, str | None]
) -> None:
    # A pair's page is read in the order the snapshot stores it; any other filter is sorted.
    _store, copy = stores
    start, end = window
    with duckdb.connect(str(copy), read_only=True) as con:
        for a in COUNTRIES:
            for b in COUNTRIES:
                pages = [
                    events_of(con, browse.EventFilter(pair=(a, b), start=start, end=end), 7, o)
                    for o in range(0, 400, 7)
                ]
                pair = [e for p in pages for e in p]
                everything = events_of(con, browse.EventFilter(start=start, end=end), 1000, 0)
                ours = [e for e in everything if of_pair(e, a, b)]
                assert [(e["article_id"], e["event_no"]) for e in pair] == [
                    (e["article_id"], e["event_no"]) for e in ours
                ], (a, b)
                with_day = [dict(e, day=day_of(e["date"])) for e in ours]
                assert with_day == newest_first(with_day)


def of_pair(event: dict, a: str, b: str) -> bool:
    return (event["source_country"], event["target_country"]) in {(a, b), (b, a)}


def day_of(date: str | None) -> str | None:
    """The first day of an ISO date at its precision, as the store counts it."""
    if date is None:
        return None
    first = date.split("/")[0]
    return {4: f"{first}-01-01", 7: f"{first}-01"}.get(len(first), first[:10])


def test_snapshot_cursor_is_kept_for_the_next_read(stores: tuple[Path, Path]) -> None:
    store, _copy = stores
    snapshots = Snapshots(store, watch_seconds=3600)
    try:
        with snapshots.cursor() as first:
            first.execute("SELECT 1").fetchall()
        with snapshots.cursor() as again:
            assert again is first
            with snapshots.cursor() as meanwhile:  # a second read at the same time has its own
                assert meanwhile is not first
    finally:
        snapshots.close()


class closing_pair:
    """The store's own reader and the snapshot's, as the service reads it."""

    def __init__(self, store: Path, copy: Path) -> None:
        self.raw = open_store(store, read_only=True)
        self.con = duckdb.connect(str(copy), read_only=True)

    def __enter__(self) -> tuple[Store, Store]:
        return self.raw, Store.serving(self.con)

    def __exit__(self, *_exc: object) -> None:
        self.raw.close()
        self.con.close()


WINDOWS = [
    (None, None),
    ("2023-03-01", None),
    (None, "2023-08-31"),
    ("2023-03-01", "2023-08-31"),
    ("2023-05-07", "2023-05-07"),
    ("2030-01-01", None),
    ("2023-08-31", "2023-03-01"),
]


@pytest.mark.parametrize("window", WINDOWS)
def test_the_page_file_gives_a_pairs_pages_as_the_query_does(
    stores: tuple[Path, Path], tmp_path: Path, window: tuple[str | None, str | None]
) -> None:
    _store, copy = stores
    start, end = window
    with duckdb.connect(str(copy), read_only=True) as con:
        pages = PairPages.write(con, tmp_path / "pages")
        try:
            for a in COUNTRIES:
                for b in COUNTRIES:
                    where = browse.EventFilter(pair=(a, b), start=start, end=end)
                    for limit, offset in ((1000, 0), (7, 0), (7, 14), (50, 30), (3, 999)):
                        items, count = pages.page(a, b, start, end, limit, offset)
                        expected = events_of(con, where, limit, offset)
                        assert json.loads(items) == expected and count == len(expected), (a, b, limit, offset)
        finally:
            pages.close()
    assert not (tmp_path / "pages").exists()


def test_the_page_file_keeps_events_with_no_day_last_and_out_of_any_range(tmp_path: Path) -> None:
    store = tmp_path / "store.duckdb"
    with open_store(store) as s:
        s.query(ARTICLES)
        s.query(EVENTS.replace("CASE WHEN i % 31 = 0 THEN '2023'", "CASE WHEN i % 5 = 0 THEN NULL"))
    prepare(store)
    with duckdb.connect(str(store), read_only=True) as con:
        pages = PairPages.write(con, tmp_path / "pages")
        try:
            every, _ = pages.page("IND", "RUS", None, None, 1000, 0)
            events = json.loads(every)
            assert events == events_of(con, browse.EventFilter(pair=("IND", "RUS")), 1000, 0)
            undated = [e for e in events if e["date"] is None]
            assert undated and events[-len(undated) :] == undated  # none last
            for start, end in WINDOWS[1:]:
                items, _ = pages.page("IND", "RUS", start, end, 1000, 0)
                assert all(e["date"] is not None for e in json.loads(items))
        finally:
            pages.close()


def test_the_page_file_of_a_store_with_no_events(tmp_path: Path) -> None:
    store = tmp_path / "store.duckdb"
    with open_store(store) as s:
        s.query(ARTICLES)
    prepare(store)
    with duckdb.connect(str(store), read_only=True) as con:
        pages = PairPages.write(con, tmp_path / "pages")
        series = SeriesFile.write(con, tmp_path / "series")
        assert pages.page("IND", "RUS", None, None, 10, 0) == (b"[]", 0)
        assert series.series("IND", "RUS", "week", False) == b"[]"
        pages.close()
        series.close()
