"""One directory of hostile inputs beside good articles, ingested by the real CLI in its own
process: exit 0, every good article stored, every bad input recorded with its own reason, none
over its time budget (issue 21's acceptance test)."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from detente.store.database import open_store

from . import hostile

DETENTE = [sys.executable, "-m", "detente"]
Ingested = tuple[Path, subprocess.CompletedProcess[str], float]


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> Ingested:
    root = tmp_path_factory.mktemp("hostile")
    inputs = root / "inputs"
    inputs.mkdir()
    hostile.good_articles(inputs)
    for make in (
        hostile.long_article,
        hostile.surrogate_lines,
        hostile.fifo,
        hostile.gzip_bomb,
        hostile.quote_marks,
        hostile.long_token,
        hostile.truncated_warc,
        hostile.empty_json_list,
        hostile.late_nul,
        hostile.random_bytes,
        hostile.chinese,
        hostile.deep_html,
        hostile.symlink_loop,
    ):
        make(inputs)
    db = root / "hostile.duckdb"
    started = time.perf_counter()
    # The FIFO would block a reader that opens it for ever: the timeout is the test's own guard.
    run = subprocess.run(
        [*DETENTE, "ingest", str(inputs), "--db", str(db)], capture_output=True, text=True, timeout=900
    )
    return db, run, time.perf_counter() - started


def stored(db: Path) -> dict[str, tuple[str, str | None, int]]:
    with open_store(db, read_only=True) as store:
        rows = store.query("SELECT id, status, skip_reason, length(text) FROM articles")
    return {article_id: (status, reason, length) for article_id, status, reason, length in rows}


def failures(db: Path) -> dict[str, tuple[str, str]]:
    with open_store(db, read_only=True) as store:
        return {Path(f.source.split("#")[0].split(":")[0]).name: (f.reason, f.detail) for f in store.failures()}


def test_hostile_directory_exits_0(ingested: Ingested) -> None:
    _db, run, _seconds = ingested
    assert run.returncode == 0, run.stderr[-3000:]
    assert "Traceback" not in run.stderr


def test_hostile_directory_stores_every_good_article(
    ingested: Ingested,
) -> None:
    articles = stored(ingested[0])
    coded = {article_id for article_id, (status, _, _) in articles.items() if status == "coded"}
    assert {"good-1", "good-2", "line-1", "line-3", "line-2", "long", "quotes", "token", "nul"} <= coded
    assert articles["long"][2] > 1_000_000  # coded whole, past spaCy's limit of a million characters
    with open_store(ingested[0], read_only=True) as store:
        urls = {u for (u,) in store.query("SELECT url FROM articles WHERE url IS NOT NULL")}
        events = store.query("SELECT count(*) FROM events WHERE article_id = 'long'")[0][0]
        deep = store.query("SELECT status, length(text) FROM articles WHERE source LIKE '%deep.html'")
    assert urls == {"https://example.org/one"}  # the record before the cut, never the cut one
    assert events > 1000  # every piece of the long article was coded
    assert deep and deep[0][0] == "coded" and deep[0][1] > 400


def test_hostile_directory_records_each_bad_input_with_its_reason(
    ingested: Ingested,
) -> None:
    found = failures(ingested[0])
    reasons = {name: reason for name, (reason, _) in found.items()}
    assert reasons == {
        "feed.jsonl": "invalid-json",
        "pipe.txt": "not-a-file",
        "bomb.warc.gz": "invalid-warc",
        "cut.warc.gz": "invalid-warc",
        "empty.json": "empty",
        "random.txt": "binary",
        "loop.txt": "unreadable",
    }
    assert "'id'" in found["feed.jsonl"][1] and "truncated" in found["cut.warc.gz"][1]
    assert all(len(detail) < 600 for _, detail in found.values())  # no failure message quotes its input
    skipped = {a: reason for a, (status, reason, _) in stored(ingested[0]).items() if status == "skipped"}
    assert list(skipped.values()) == ["language:zh"]


def test_hostile_directory_keeps_what_sanitising_changed_as_warnings(
    ingested: Ingested,
) -> None:
    with open_store(ingested[0], read_only=True) as store:
        warnings = dict(store.query("SELECT id, warnings FROM articles WHERE len(warnings) > 0"))
        text = store.query("SELECT text FROM articles WHERE id = 'line-2'")[0][0]
    assert any("surrogate" in w for w in warnings["line-2"]) and "\ufffd" in text
    assert any("control character" in w for w in warnings["nul"])
    assert any("nested" in w for article, ws in warnings.items() for w in ws if article not in ("line-2", "nul"))


def test_hostile_directory_takes_no_input_over_its_budget(
    ingested: Ingested,
) -> None:
    found = failures(ingested[0])
    assert not [name for name, (reason, _) in found.items() if reason in ("timeout", "pipeline-error")]


def test_hostile_inputs_with_two_workers_lose_nothing(tmp_path: Path) -> None:
    """The long article, the surrogate line and random bytes beside good articles, coded in two
    worker processes: the same outcome as in one."""
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    hostile.good_articles(inputs)
    for make in (hostile.long_article, hostile.surrogate_lines, hostile.quote_marks, hostile.random_bytes):
        make(inputs)
    db = tmp_path / "two.duckdb"
    run = subprocess.run(
        [*DETENTE, "ingest", str(inputs), "--db", str(db), "--workers", "2"],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    articles = stored(db)
    assert {"good-1", "good-2", "line-1", "line-2", "line-3", "long", "quotes"} <= set(articles)
    assert {a: s for a, (s, _, _) in articles.items()} == dict.fromkeys(articles, "coded")
    assert {name: reason for name, (reason, _) in failures(db).items()} == {
        "feed.jsonl": "invalid-json",
        "random.txt": "binary",
    }
