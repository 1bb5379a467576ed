"""Regression tests for each way one input could stop a run, lose its batch or take unbounded
time (issue 21): batch isolation, long articles, sanitising, time, workers, kills."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

import detente
from detente.options import Options
from detente.pipeline import coding
from detente.pipeline.coding import Crash, code_articles
from detente.pipeline.extract import extract_many, prepare
from detente.pipeline.ingest import ingest
from detente.pipeline.pieces import code_in_pieces, split_pieces
from detente.pipeline.workers import worker_pool
from detente.read.sources import RawArticle
from detente.record import Failure, Record
from detente.store.database import open_store

from . import hostile
from .worker_tasks import KILL, dying_worker

DETENTE = [sys.executable, "-m", "detente"]


def raw(text: str, article_id: str) -> RawArticle:
    return RawArticle(text=text, source=f"<{article_id}>", id=article_id, title=f"Title {article_id}")


# --- long articles ------------------------------------------------------------------------


def test_pieces_cut_at_paragraphs_and_keep_every_character() -> None:
    text = hostile.story(5000)
    pieces = split_pieces(text, 1000)
    assert "".join(piece for _, piece in pieces) == text
    assert all(len(piece) <= 1000 for _, piece in pieces)
    assert all(text[offset:].startswith(piece) for offset, piece in pieces)
    assert all(piece.endswith("\n\n") for _, piece in pieces[:-1])  # a paragraph's end, not a word's


def test_pieces_cut_a_text_without_breaks_at_words_or_at_the_limit() -> None:
    words = "word " * 500
    assert all(piece.endswith(" ") for _, piece in split_pieces(words, 100)[:-1])
    run = "x" * 250
    assert [len(piece) for _, piece in split_pieces(run, 100)] == [100, 100, 50]


def test_a_long_article_coded_in_pieces_has_its_offsets_in_the_whole_text() -> None:
    article = prepare(raw(hostile.story(6000), "long"))
    whole = detente.extract(article)
    pieced = code_in_pieces(article, detente.extract, 1200)
    text = article.text
    assert pieced.events and pieced.quotes and pieced.actors
    for event in pieced.events:
        assert text[event.trigger.start : event.trigger.end] == event.trigger.text
    for quote in pieced.quotes:
        assert text[quote.start : quote.end] == quote.text
    for actor in pieced.actors:
        assert all(text[m.start : m.end] == m.text for m in actor.mentions)
    assert [a.id for a in pieced.actors] == [f"A{n}" for n in range(1, len(pieced.actors) + 1)]
    assert {a.name for a in pieced.actors} == {a.name for a in whole.actors}
    triples = {(e.source.country, e.target.country if e.target else None, e.cameo) for e in whole.events}
    assert triples == {(e.source.country, e.target.country if e.target else None, e.cameo) for e in pieced.events}
    assert len(pieced.events) == len(whole.events)


def test_an_article_over_a_million_characters_is_coded_not_refused() -> None:
    record = detente.extract(f"A very long article\n{hostile.story(1_010_000)}")
    assert record.status == "coded" and len(record.article.text) > 1_000_000
    assert record.events and max(e.trigger.end for e in record.events) > 900_000


def timed(work: Callable[[], object]) -> float:
    """The shorter of two runs' seconds (the second one warm)."""
    times = []
    for _ in range(2):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


def test_coding_time_grows_linearly_with_the_article(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(coding, "PIECE_CHARS", 8000)
    detente.extract(f"Warm up\n{hostile.story(2000)}")
    seconds = [timed(lambda n=n: detente.extract(f"Doubling\n{hostile.story(n)}")) for n in (16_000, 32_000, 64_000)]
    ratios = [b / a for a, b in zip(seconds, seconds[1:], strict=False)]
    assert all(ratio < 2.6 for ratio in ratios), (seconds, ratios)  # linear is 2.0


@pytest.mark.parametrize(
    "junk",
    [
        lambda n: '"' * n,  # a run of quote marks (was cubic)
        lambda n: "“" * n,
        lambda n: "'" * n,
        lambda n: "http://" + "a/" * (n // 2),  # one URL-like token
        lambda n: "-" * n,
        lambda n: ("(" * (n // 2)) + (")" * (n // 2)),
    ],
)
def test_pathological_tokens_cost_no_more_than_ordinary_text(junk: Callable[[int], str]) -> None:
    opening = hostile.story(400)
    ordinary = timed(lambda: detente.extract(f"Plain\n{opening}\n\n{hostile.story(12_000)}"))
    short = timed(lambda: detente.extract(f"Junk\n{opening}\n\n{junk(6_000)}"))
    long = timed(lambda: detente.extract(f"Junk\n{opening}\n\n{junk(12_000)}"))
    assert long < 1.5 * ordinary + 0.05, (long, ordinary)
    assert long < 2.6 * short + 0.05, (short, long)


# --- sanitising --------------------------------------------------------------------------


def test_a_lone_surrogate_given_to_extract_is_replaced_with_a_warning() -> None:
    record = detente.extract("Headline\nRussia \udc00 and India agreed to expand trade on Monday, officials said.")
    assert "\ufffd" in record.article.text and record.status == "coded"
    assert {a.country for a in record.actors} >= {"RUS", "IND"}
    assert any("surrogate" in w for w in record.article.warnings)
    record.to_json()  # storable


def test_nul_and_control_characters_are_removed_with_a_warning() -> None:
    record = detente.extract("Headline\nRussia and India\x00 agreed\x1b to expand trade\x85 on Monday, officials said.")
    assert record.article.text == "Russia and India agreed to expand trade on Monday, officials said."
    assert any("control character" in w for w in record.article.warnings)


def test_surrogates_in_every_field_of_a_raw_article_are_replaced() -> None:
    article = prepare(RawArticle(text="India and Russia met.\udcff", source="x\udcff.txt", title="T\ud800", outlet="O"))
    assert "\ufffd" in article.text and article.title == "T\ufffd" and article.source == "x\ufffd.txt"
    assert any(w.startswith("title:") for w in article.warnings)


# --- batch isolation ---------------------------------------------------------------------


def test_an_article_that_breaks_the_batch_parse_loses_nothing_else(monkeypatch: pytest.MonkeyPatch) -> None:
    real_parse = coding.parse

    def parse(texts: list[str]):  # noqa: ANN202 - spaCy's docs
        if any("POISON" in t for t in texts):
            if len(texts) > 1:
                docs = real_parse(texts)
                yield next(docs)
            raise ValueError("a parser error")
        yield from real_parse(texts)

    monkeypatch.setattr(coding, "parse", parse)
    texts = ["India and Russia met in Moscow on Monday.", "POISON India met China.", "Japan and Korea met in Tokyo."]
    outcomes = list(extract_many([raw(t, f"a{n}") for n, t in enumerate(texts)]))
    assert [type(o).__name__ for o in outcomes] == ["Record", "Failure", "Record"]
    failure = outcomes[1]
    assert isinstance(failure, Failure) and failure.reason == "pipeline-error" and "parse" in failure.detail


def test_an_article_the_store_refuses_is_a_failure_and_its_batch_is_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from detente.store import rows

    real = rows.TABLE_ROWS["articles"]

    def article_rows(record: Record) -> list[dict[str, object]]:
        if record.article.id == "refused":
            raise UnicodeEncodeError("utf-8", "\udc00", 0, 1, "surrogates not allowed")
        return real(record)

    monkeypatch.setitem(rows.TABLE_ROWS, "articles", article_rows)
    feed = tmp_path / "feed.jsonl"
    ids = ["a", "refused", "b"]
    feed.write_text(
        "".join(f'{{"id": "{i}", "text": "India and Russia met in Moscow on Monday, {i}."}}\n' for i in ids)
    )
    with open_store(tmp_path / "s.duckdb") as store:
        summary = ingest(store, [str(feed)])
        assert {i for (i,) in store.query("SELECT id FROM articles")} == {"a", "b"}
        assert [(f.reason, "store stage" in f.detail) for f in store.failures()] == [("pipeline-error", True)]
    assert summary.stored == 2 and summary.failed == {"pipeline-error": 1}


def test_an_article_over_its_time_budget_is_a_timeout_and_the_rest_is_coded() -> None:
    detente.extract(f"Warm up\n{hostile.story(300)}")  # dictionaries load on the first article
    articles = [prepare(raw(hostile.story(300), "quick")), prepare(raw(hostile.story(200_000), "slow"))]
    outcomes = code_articles(articles, Options(time_budget=0.02))  # 0.6 s, +1 s per 200,000 characters
    assert isinstance(outcomes[0], Record) and outcomes[0].events
    assert isinstance(outcomes[1], Crash) and outcomes[1].failure.reason == "timeout"


def test_an_article_that_kills_its_worker_is_a_failure_and_its_chunk_is_stored() -> None:
    articles = [prepare(raw(t, f"w{n}")) for n, t in enumerate([hostile.story(300), KILL + " " + hostile.story(300)])]
    articles.append(prepare(raw(hostile.story(500), "w2")))
    with worker_pool(2, None, Options(), task=dying_worker) as pool:
        chunks = [[articles[0], articles[1]], [articles[2]]]
        coded = [outcome for _, outcomes in pool.code(chunks) for outcome in outcomes]  # type: ignore[arg-type]
    assert [type(o).__name__ for o in coded] == ["Record", "Crash", "Record"]
    crash = coded[1]
    assert isinstance(crash, Crash) and "worker" in crash.failure.detail
    assert all(isinstance(o, Record) and o.events for o in (coded[0], coded[2]))


# --- kill and resume ---------------------------------------------------------------------

KILLER = """
import os, signal, sys
from detente.store import database
from detente.cli.commands import main

calls = 0
real = database.Store.{method}

def dying(self, *args, **kwargs):
    global calls
    calls += 1
    if calls == {at}:
        os.kill(os.getpid(), signal.SIGKILL)
    return real(self, *args, **kwargs)

database.Store.{method} = dying
sys.exit(main(sys.argv[1:]))
"""


def kill_feed(root: Path) -> Path:
    """300 short articles (five batches of the store's 64) with a bad line in the first two."""
    feed = root / "feed.jsonl"
    lines = [
        f'{{"id": "k{n}", "text": "India and Russia met in Moscow on day {n}, officials said."}}' for n in range(300)
    ]
    lines[5] = '{"id": "bad", "text": 5}'  # a failure in the first batch
    lines[100] = '{"id": "bad2"}'  # and in the second
    feed.write_text("\n".join(lines) + "\n")
    return feed


def store_contents(db: Path) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    with open_store(db, read_only=True) as store:
        articles = store.query("SELECT id, content_hash FROM articles ORDER BY id")
        events = store.query(
            "SELECT article_id, event_no, cameo, source_country, target_country FROM events ORDER BY 1, 2"
        )
    return articles, events


@pytest.fixture(scope="module")
def clean_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    root = tmp_path_factory.mktemp("clean")
    db = root / "clean.duckdb"
    subprocess.run([*DETENTE, "ingest", str(kill_feed(root)), "--db", str(db)], check=True, capture_output=True)
    return store_contents(db)


@pytest.mark.parametrize(
    ("method", "at"),
    [
        ("write", 1),  # in the first batch's write, before anything is committed
        ("write", 4),  # after three committed batches, as the fourth is written
        ("_insert", 9),  # inside the parent's write: the second batch's rows half inserted
        ("_record_failures", 2),  # as the failures of the second batch are written
    ],
)
def test_ingest_killed_at_each_point_and_run_again_ends_with_every_article_once(
    tmp_path: Path, method: str, at: int, clean_run: tuple[list[tuple[object, ...]], list[tuple[object, ...]]]
) -> None:
    feed = kill_feed(tmp_path)
    db = tmp_path / "killed.duckdb"
    script = KILLER.format(method=method, at=at)
    killed = subprocess.run([sys.executable, "-c", script, "ingest", str(feed), "--db", str(db)], capture_output=True)
    assert killed.returncode == -signal.SIGKILL, killed.stderr[-2000:]
    subprocess.run([*DETENTE, "ingest", str(feed), "--db", str(db)], check=True, capture_output=True)
    articles, events = store_contents(db)
    assert len(articles) == 298 and (articles, events) == clean_run
