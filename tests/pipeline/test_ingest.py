from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from detente.pipeline.ingest import ingest
from detente.store.database import open_store

from ..conftest import EXAMPLES, shared_path

DETENTE = [sys.executable, "-m", "detente"]


def test_ingest_wikinews_twice_stores_each_article_once(db: Path) -> None:
    corpus = str(shared_path("corpus", "wikinews-2019.jsonl"))
    with open_store(db) as store:
        first = ingest(store, [corpus])
        second = ingest(store, [corpus])
        assert (first.stored, first.already) == (171, 0)
        assert (second.stored, second.already) == (0, 171)
        assert store.count("articles") == 171


def test_ingest_examples_skips_the_german_article_and_stores_the_rest(db: Path) -> None:
    with open_store(db) as store:
        summary = ingest(store, [str(EXAMPLES)])
        assert summary.stored == 25 and dict(summary.skipped) == {"language:de": 1} and not summary.failed
        assert store.query("SELECT language FROM articles WHERE status = 'skipped'") == [("de",)]


def test_ingest_bad_inputs_are_recorded_and_the_run_goes_on(db: Path, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "ok.txt").write_text("Headline\n\nThe ministers met in Delhi on Monday and agreed to meet again.")
    with open_store(db) as store:
        summary = ingest(store, [str(tmp_path / "empty.txt"), str(tmp_path / "ok.txt")])
        assert summary.stored == 1 and dict(summary.failed) == {"empty": 1} and summary.ok
        assert [f.reason for f in store.failures()] == ["empty"]


def distinct_articles(corpus: Path) -> int:
    """Distinct (id, text) pairs: in the whole file 20 ids are shared by 42 lines, one repeating another whole."""
    rows = [json.loads(line) for line in corpus.read_text().splitlines()]
    return len({(r["id"], r["text_sha256"]) for r in rows})


def test_ingest_same_id_with_another_text_is_kept_under_a_new_id(db: Path, tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    rows = [{"id": "x", "text": "First text."}, {"id": "x", "text": "Second text."}, {"id": "x", "text": "First text."}]
    feed.write_text("".join(json.dumps(r) + "\n" for r in rows))
    with open_store(db) as store:
        summary = ingest(store, [str(feed)])
        again = ingest(store, [str(feed)])
        assert (summary.stored, summary.already, again.stored, again.already) == (2, 1, 0, 3)
        ids = [i for (i,) in store.query("SELECT id FROM articles ORDER BY text")]
        assert ids[0] == "x" and ids[1].startswith("x~")


def whitehouse_sample(tmp_path: Path, others: int = 200) -> Path:
    """Every White House line whose id is reused (and the exact repeat), plus the first ``others`` lines.

    The whole file takes five minutes to parse; this sample keeps every hard case in it.
    """
    lines = shared_path("corpus", "whitehouse-2021.jsonl").read_text().splitlines()
    ids = Counter(json.loads(line)["id"] for line in lines)
    kept = [line for i, line in enumerate(lines) if i < others or ids[json.loads(line)["id"]] > 1]
    sample = tmp_path / "whitehouse-sample.jsonl"
    sample.write_text("\n".join(kept) + "\n")
    return sample


def test_ingest_killed_half_way_and_run_again_ends_with_every_article_once(db: Path, tmp_path: Path) -> None:
    path = whitehouse_sample(tmp_path)
    corpus = str(path)
    command = [*DETENTE, "-v", "ingest", corpus, "--db", str(db)]
    proc = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    assert proc.stderr is not None
    commits = 0
    deadline = time.monotonic() + 600
    for line in proc.stderr:  # wait for a few committed batches, then kill mid-run
        commits += "committed a batch" in line
        if commits >= 2 or time.monotonic() > deadline:
            break
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    with open_store(db) as store:
        partial = store.count("articles")
    expected = distinct_articles(path)
    assert 0 < partial < expected, "the kill must land half-way"

    subprocess.run([*DETENTE, "ingest", corpus, "--db", str(db)], check=True, capture_output=True)
    with open_store(db) as store:
        assert expected == len(path.read_text().splitlines()) - 1  # one line repeats another whole
        assert store.count("articles") == expected
        assert store.query("SELECT count(DISTINCT id) FROM articles") == [(expected,)]


def test_ingest_with_two_workers_stores_the_same_records_as_one(tmp_path: Path) -> None:
    stored = []
    for workers in (1, 2):
        with open_store(tmp_path / f"w{workers}.duckdb") as store:
            summary = ingest(store, [str(EXAMPLES)], workers=workers)
            assert (summary.stored, summary.crashed) == (25, 0)
            stored.append(sorted(r.to_json() for r in store.records()))
            if workers == 1:
                assert summary.worker_memory == {}
            else:  # 25 articles are one chunk: one worker coded it, and it holds a spaCy pipeline
                assert len(summary.worker_memory) == 1
                assert min(summary.worker_memory.values()) > 100 * 2**20
    assert stored[0] == stored[1]
