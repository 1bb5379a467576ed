"""Stories: near-duplicates grouped once, across runs; distinct articles kept apart."""

from __future__ import annotations

import json
from pathlib import Path

from detente.pipeline.ingest import ingest
from detente.store.database import open_store
from detente.store.stories import THRESHOLD, group, shingles, signature

from ..conftest import shared_path

STORY = (
    "Russia's envoy to India said on Monday that Moscow will complete deliveries of the third regiment of "
    "air defence systems within months, adding that both sides are committed to the contract and that "
    "trade between the two countries reached a record last year."
)
UPDATE = STORY + " Officials in New Delhi welcomed the statement and said talks would continue next week."
OTHER = "Heavy rain flooded parts of the city on Tuesday, closing schools and cutting power to thousands of homes."


def test_shingles_are_word_five_grams() -> None:
    assert shingles("One two three four five six") == {b"one two three four five", b"two three four five six"}


def test_an_update_joins_its_story_and_another_article_does_not() -> None:
    stories = group([("a", STORY), ("b", UPDATE), ("c", OTHER)])
    assert stories["a"] == stories["b"] == "a" and stories["c"] == "c"
    assert signature(STORY).jaccard(signature(UPDATE)) >= THRESHOLD > signature(STORY).jaccard(signature(OTHER))


def test_dedup_suite_pairs_land_in_one_story() -> None:
    pairs = [
        json.loads(line)
        for path in sorted(shared_path("suites", "dedup").glob("*.jsonl"))
        for line in path.read_text().splitlines()
    ]
    together = sum(len(set(group([("a", p["a"]["text"]), ("b", p["b"]["text"])]).values())) == 1 for p in pairs)
    assert together / len(pairs) >= 0.9


def test_stories_grow_across_runs(tmp_path: Path) -> None:
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    first.write_text(json.dumps({"id": "a", "text": STORY, "published": "2023-02-27"}) + "\n")
    second.write_text("".join(json.dumps(r) + "\n" for r in [{"id": "b", "text": UPDATE}, {"id": "c", "text": OTHER}]))
    db = tmp_path / "s.duckdb"
    with open_store(db) as store:
        ingest(store, [str(first)])
    with open_store(db) as store:  # a new run: the index is rebuilt from the stored signatures
        ingest(store, [str(second)])
        rows = dict(store.query("SELECT article_id, story_id FROM stories"))
    assert rows == {"a": "a", "b": "a", "c": "c"}
