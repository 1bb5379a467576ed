"""A smoke run of the bench (the real one is `make bench`, never part of the tests)."""

from __future__ import annotations

from detente.evaluation.bench import bench_markdown, bench_texts, run_bench

from ..conftest import SHARED, shared_path


def test_bench_texts_reach_the_word_count_and_keep_ids_distinct() -> None:
    shared_path("corpus", "wikinews-2019.jsonl")
    rows = bench_texts(SHARED, 5000)
    assert sum(len(r["text"].split()) for r in rows) >= 5000
    assert len({r["id"] for r in rows}) == len(rows)


def test_bench_smoke_measures_every_figure() -> None:
    shared_path("corpus", "wikinews-2019.jsonl")
    bench = run_bench(SHARED, words=800, repeat=1, dyad_events=2000)
    assert set(bench.runs) == {"spacy", "detente_1", "detente_2"}
    assert all(t > 0 for times in bench.runs.values() for t in times)
    assert bench.ratio("detente_1") > 0 and bench.memory["detente_2"] > 100 * 2**20
    assert bench.dyad["events"] == 2000 and bench.store["records"] == bench.articles
    text = bench_markdown(bench, "detente bench --words 800")
    assert "vs spaCy alone" in text and "detente bench --words 800" in text
